"""The events of a catalogue as compact arrays, grouped into lanes and ordered for fast culling.

One load reads the filtered events in a single SQL pass (chunked; dates are parsed once per
distinct string); after that, panning and zooming only slice numpy arrays. A million events
take about 30 MB.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import NDArray
from sqlalchemy import text

from nkarchive.model.vocab import EVENT_TYPES
from nkarchive.store.catalogue import Catalogue
from nkarchive.timeline.filtering import EventFilter, plan_filter
from nkarchive.timeline.marks import Mark, mark_for_text

GroupBy = Literal["work", "country", "organiser", "type"]
GROUPINGS: tuple[GroupBy, ...] = ("work", "country", "organiser", "type")

#: Marks longer than this are kept in a per-lane side list, so that culling the rest can use
#: their sorted starts: anything that reaches the view starts at most this long before it.
LONG_DAYS = 4 * 366
_CHUNK = 50_000

IntArray = NDArray[np.int32]


@dataclass(frozen=True)
class LaneKey:
    """What a lane stands for: a work (``kind`` "work", id); in lanes by work, an organiser's
    events that belong to no work, such as festival editions ("editions", agent id); an
    organiser ("organiser", agent id); a country ("country", code); an event type ("type")."""

    kind: str
    value: int | str | None


def type_codes() -> list[str]:
    """Event types in vocabulary order; the index is the type's number in the arrays."""
    return EVENT_TYPES.codes()


class TimelineData:
    """The filtered events of one catalogue, grouped by one choice of lanes.

    Arrays are parallel and sorted by lane, then by the start of the drawn extent:
    ``event_id``, ``work_id`` (0 when none), ``lane``, ``kind`` (MarkKind), ``type``
    (index into ``types``), ``flags`` (marks.UNCERTAIN/OPEN_START/OPEN_END), ``lower`` and
    ``upper`` (strict bounds, day ordinals), ``draw_lower``/``draw_upper`` (inclusive extent
    drawn, soft edges and fades included).
    """

    def __init__(
        self,
        group_by: GroupBy,
        lanes: list[LaneKey],
        columns: Mapping[str, NDArray[np.int32] | NDArray[np.uint8]],
        types: list[str],
        undated: int,
    ) -> None:
        self.group_by = group_by
        self.lanes = lanes
        self.types = types
        self.undated = undated  # events the filter selects that have no placeable date
        self.event_id: IntArray = columns["event_id"].astype(np.int32)
        self.work_id: IntArray = columns["work_id"].astype(np.int32)
        self.lane: IntArray = columns["lane"].astype(np.int32)
        self.kind: NDArray[np.uint8] = columns["kind"].astype(np.uint8)
        self.type: NDArray[np.uint8] = columns["type"].astype(np.uint8)
        self.flags: NDArray[np.uint8] = columns["flags"].astype(np.uint8)
        self.lower: IntArray = columns["lower"].astype(np.int32)
        self.upper: IntArray = columns["upper"].astype(np.int32)
        self.draw_lower: IntArray = columns["draw_lower"].astype(np.int32)
        self.draw_upper: IntArray = columns["draw_upper"].astype(np.int32)
        lane_range = np.arange(len(lanes) + 1, dtype=np.int32)
        self.lane_offsets: NDArray[np.intp] = np.searchsorted(self.lane, lane_range)
        length = self.draw_upper - self.draw_lower
        self.is_long: NDArray[np.bool_] = length > LONG_DAYS
        self.long_index: NDArray[np.intp] = np.flatnonzero(self.is_long)
        self.long_offsets: NDArray[np.intp] = np.searchsorted(
            self.lane[self.long_index], lane_range
        )
        self._by_id: NDArray[np.intp] = np.argsort(self.event_id, kind="stable")

    def __len__(self) -> int:
        return int(self.event_id.size)

    @property
    def nbytes(self) -> int:
        return sum(
            getattr(self, name).nbytes
            for name in ("event_id", "work_id", "lane", "kind", "type", "flags", "lower", "upper",
                         "draw_lower", "draw_upper", "is_long", "long_index", "_by_id")
        )  # fmt: skip

    def extent(self) -> tuple[int, int] | None:
        """The first and last day any mark covers, or None when there are no events."""
        if not len(self):
            return None
        return int(self.draw_lower.min()), int(self.draw_upper.max())

    def index_of(self, event_id: int) -> int | None:
        """The array position of an event, or None when it is not shown."""
        found = int(np.searchsorted(self.event_id[self._by_id], event_id))
        if found < len(self) and self.event_id[self._by_id[found]] == event_id:
            return int(self._by_id[found])
        return None

    def lane_range(self, lane: int) -> tuple[int, int]:
        return int(self.lane_offsets[lane]), int(self.lane_offsets[lane + 1])

    def visible_in_lane(self, lane: int, first_day: float, last_day: float) -> NDArray[np.intp]:
        """Positions of the lane's events whose drawn extent touches ``first_day..last_day``."""
        start, stop = self.lane_range(lane)
        if start == stop:
            return np.empty(0, dtype=np.intp)
        starts = self.draw_lower[start:stop]
        lo = int(np.searchsorted(starts, first_day - LONG_DAYS - 1, side="left"))
        hi = int(np.searchsorted(starts, last_day, side="right"))
        window = slice(start + lo, start + hi)
        keep = (self.draw_upper[window] + 1 >= first_day) & ~self.is_long[window]
        short = np.flatnonzero(keep) + start + lo
        long_positions = self.long_index[self.long_offsets[lane] : self.long_offsets[lane + 1]]
        if long_positions.size:
            touching = (self.draw_lower[long_positions] <= last_day) & (
                self.draw_upper[long_positions] + 1 >= first_day
            )
            return np.concatenate((short, long_positions[touching]))
        return short

    def positions_of_work(self, work_id: int) -> NDArray[np.intp]:
        return np.flatnonzero(self.work_id == work_id)

    @classmethod
    def empty(cls, group_by: GroupBy = "work") -> TimelineData:
        zero = np.empty(0, dtype=np.int32)
        columns = {name: zero for name in _COLUMNS}
        return cls(group_by, [], columns, type_codes(), 0)


_COLUMNS = ("event_id", "work_id", "lane", "kind", "type", "flags", "lower", "upper",
            "draw_lower", "draw_upper")  # fmt: skip


def _rows(
    catalogue: Catalogue, sql: str, params: dict[str, object]
) -> Iterator[list[tuple[object, ...]]]:
    with catalogue.engine.connect() as connection:
        result = connection.execute(text(sql), params)
        while True:
            chunk = result.fetchmany(_CHUNK)
            if not chunk:
                return
            yield [tuple(row) for row in chunk]


def load_timeline(
    catalogue: Catalogue, group_by: GroupBy = "work", chosen: EventFilter | None = None
) -> TimelineData:
    """Read the events ``chosen`` selects into compact arrays, in lanes by ``group_by``."""
    if group_by not in GROUPINGS:
        raise ValueError(f"cannot group the timeline by {group_by!r}; choose one of {GROUPINGS}")
    plan = plan_filter(catalogue, chosen or EventFilter())
    sql = (
        "SELECT e.id, e.date, e.event_type, e.work_id, e.country, e.organiser_id "
        f"FROM event e WHERE e.date IS NOT NULL AND ({plan.sql()})"
    )
    types = type_codes()
    type_index = {code: number for number, code in enumerate(types)}
    keys: dict[object, int] = {}
    key_list: list[LaneKey] = []
    # array.array keeps each value in 4 bytes while loading: no Python object per event.
    cols: dict[str, array[int]] = {name: array("i") for name in _COLUMNS}
    wanted_ids = plan.event_ids
    undated = 0
    append = {name: cols[name].append for name in _COLUMNS}
    for chunk in _rows(catalogue, sql, plan.params):
        for event_id, date, event_type, work_id, country, organiser_id in chunk:
            if wanted_ids is not None and event_id not in wanted_ids:
                continue
            mark: Mark | None = mark_for_text(str(date))
            if mark is None:
                undated += 1
                continue
            if event_type not in type_index:
                type_index[str(event_type)] = len(types)
                types.append(str(event_type))
            lane_key = _lane_key(group_by, work_id, country, organiser_id, event_type)
            lane = keys.get(lane_key)
            if lane is None:
                lane = keys[lane_key] = len(key_list)
                key_list.append(lane_key)
            append["event_id"](event_id)  # type: ignore[arg-type]
            append["work_id"](work_id or 0)  # type: ignore[arg-type]
            append["lane"](lane)
            append["kind"](int(mark.kind))
            append["type"](type_index[str(event_type)])
            append["flags"](mark.flags)
            append["lower"](mark.lower)
            append["upper"](mark.upper)
            append["draw_lower"](mark.draw_lower)
            append["draw_upper"](mark.draw_upper)
    if wanted_ids is not None:
        undated += _undated_among(catalogue, wanted_ids)
    else:
        undated += _count_undated(catalogue, plan.sql(), plan.params)
    arrays = {name: np.frombuffer(values, dtype=np.int32).copy() for name, values in cols.items()}
    return _arranged(group_by, key_list, arrays, types, undated)


def _lane_key(
    group_by: GroupBy, work_id: object, country: object, organiser_id: object, event_type: object
) -> LaneKey:
    if group_by == "work":
        if work_id is not None:
            return LaneKey("work", int(work_id))  # type: ignore[call-overload]
        return LaneKey("editions", int(organiser_id) if organiser_id is not None else None)  # type: ignore[call-overload]
    if group_by == "country":
        return LaneKey("country", str(country) if country else None)
    if group_by == "organiser":
        return LaneKey("organiser", int(organiser_id) if organiser_id is not None else None)  # type: ignore[call-overload]
    return LaneKey("type", str(event_type))


def _count_undated(catalogue: Catalogue, where: str, params: dict[str, object]) -> int:
    with catalogue.engine.connect() as connection:
        row = connection.execute(
            text(f"SELECT count(*) FROM event e WHERE e.date IS NULL AND ({where})"), params
        ).fetchone()
    return int(row[0]) if row else 0


def _undated_among(catalogue: Catalogue, wanted: object) -> int:
    with catalogue.engine.connect() as connection:
        undated = {
            row[0] for row in connection.exec_driver_sql("SELECT id FROM event WHERE date IS NULL")
        }
    return len(undated & set(wanted))  # type: ignore[call-overload]


def _arranged(
    group_by: GroupBy,
    keys: list[LaneKey],
    arrays: dict[str, NDArray[np.int32]],
    types: list[str],
    undated: int,
) -> TimelineData:
    """Order lanes (by their first event; types in vocabulary order) and sort events within them."""
    if not keys:
        return TimelineData(group_by, [], arrays, types, undated)
    lane = arrays["lane"]
    first = np.full(len(keys), np.iinfo(np.int32).max, dtype=np.int64)
    np.minimum.at(first, lane, arrays["lower"])
    if group_by == "type":
        order_keys = [types.index(str(key.value)) for key in keys]
        lane_order = np.argsort(np.asarray(order_keys), kind="stable")
    else:
        # Lanes of events with no work (festival editions) and of unknown country come last.
        last = np.asarray([key.kind == "editions" or key.value is None for key in keys])
        lane_order = np.lexsort((np.arange(len(keys)), first, last))
    renumber = np.empty(len(keys), dtype=np.int32)
    renumber[lane_order] = np.arange(len(keys), dtype=np.int32)
    arrays["lane"] = renumber[lane]
    order = np.lexsort((arrays["draw_upper"], arrays["draw_lower"], arrays["lane"]))
    sorted_arrays = {name: values[order] for name, values in arrays.items()}
    return TimelineData(group_by, [keys[i] for i in lane_order], sorted_arrays, types, undated)
