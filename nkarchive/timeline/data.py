"""The events of a catalogue as compact arrays, grouped into lanes and ordered for fast culling.

One load reads the filtered events in a single SQL pass (chunked; dates are parsed once per
distinct string); after that, panning and zooming only slice numpy arrays. A million events
take about 30 MB.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
from numpy.typing import NDArray

from nkarchive.model.vocab import EVENT_TYPES
from nkarchive.store.catalogue import Catalogue
from nkarchive.timeline.filtering import EventFilter, FilterPlan, plan_filter
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


def _chunks(
    catalogue: Catalogue, sql: str, params: dict[str, object]
) -> Iterator[list[tuple[Any, ...]]]:
    """Rows straight from the SQLite cursor, a chunk at a time (no per-row SQLAlchemy objects)."""
    with catalogue.engine.connect() as connection:
        cursor = connection.exec_driver_sql(sql, params).cursor
        assert cursor is not None
        while True:
            chunk = cursor.fetchmany(_CHUNK)
            if not chunk:
                return
            yield list(chunk)


# The lane key of each event, as one integer or text column; NULLs become 0 or "".
_LANE_SQL: dict[GroupBy, str] = {
    # A work's id; events of no work (festival editions) by organiser, as -1 - organiser id.
    "work": "coalesce(e.work_id, -1 - coalesce(e.organiser_id, 0))",
    "country": "coalesce(e.country, '')",
    "organiser": "coalesce(e.organiser_id, 0)",
    "type": "e.event_type",
}


class _DateTable:
    """Each distinct date string once: its number, and its mark as parallel lists."""

    def __init__(self) -> None:
        self.codes: dict[str, int] = {}
        self.marks: list[Mark | None] = []

    def add(self, texts: Iterable[str]) -> None:
        for date in set(texts) - self.codes.keys():
            self.codes[date] = len(self.marks)
            self.marks.append(mark_for_text(date))

    def columns(self) -> dict[str, NDArray[np.int32]]:
        placed = [m for m in self.marks if m is not None]
        fallback = placed[0] if placed else None
        rows = [m or fallback for m in self.marks]
        out: dict[str, NDArray[np.int32]] = {}
        for name in ("kind", "flags", "lower", "upper", "draw_lower", "draw_upper"):
            values = [int(getattr(m, name)) if m is not None else 0 for m in rows]
            out[name] = np.asarray(values, dtype=np.int32)
        out["placed"] = np.asarray([m is not None for m in self.marks], dtype=np.int32)
        return out


def load_timeline(
    catalogue: Catalogue, group_by: GroupBy = "work", chosen: EventFilter | None = None
) -> TimelineData:
    """Read the events ``chosen`` selects into compact arrays, in lanes by ``group_by``.

    Each chunk of rows is turned into arrays by C-level zip/map and numpy, never a Python loop
    over events; dates are parsed once per distinct string.
    """
    if group_by not in GROUPINGS:
        raise ValueError(f"cannot group the timeline by {group_by!r}; choose one of {GROUPINGS}")
    plan = plan_filter(chosen or EventFilter())
    sql = (
        f"SELECT e.id, e.date, e.event_type, coalesce(e.work_id, 0), {_LANE_SQL[group_by]} "
        f"FROM event e WHERE e.date IS NOT NULL AND ({plan.sql()})"
    )
    types = type_codes()
    type_codes_ = {code: number for number, code in enumerate(types)}
    dates = _DateTable()
    lane_texts: dict[str, int] = {}  # text lane keys (country, type) numbered as they come
    parts: dict[str, list[NDArray[np.int64]]] = {
        n: [] for n in ("id", "date", "type", "work", "key")
    }
    for chunk in _chunks(catalogue, sql, plan.params):
        ids, date_texts, event_types, works, keys = zip(*chunk, strict=True)
        dates.add(date_texts)
        for event_type in set(event_types) - type_codes_.keys():
            type_codes_[event_type] = len(types)
            types.append(event_type)
        if group_by in ("country", "type"):
            for key in set(keys) - lane_texts.keys():
                lane_texts[key] = len(lane_texts)
            keys = tuple(map(lane_texts.__getitem__, keys))
        parts["id"].append(np.asarray(ids, dtype=np.int64))
        parts["date"].append(
            np.fromiter(map(dates.codes.__getitem__, date_texts), np.int64, len(ids))
        )
        parts["type"].append(
            np.fromiter(map(type_codes_.__getitem__, event_types), np.int64, len(ids))
        )
        parts["work"].append(np.asarray(works, dtype=np.int64))
        parts["key"].append(np.asarray(keys, dtype=np.int64))
    joined = {
        name: np.concatenate(chunks) if chunks else np.empty(0, dtype=np.int64)
        for name, chunks in parts.items()
    }
    by_date = dates.columns() if dates.marks else {}
    undated = _count_undated(catalogue, plan)
    if by_date:
        placed = by_date["placed"][joined["date"]].astype(bool)
        undated += int(placed.size - np.count_nonzero(placed))
        joined = {name: values[placed] for name, values in joined.items()}
    unique_keys, lane = np.unique(joined["key"], return_inverse=True)
    arrays: dict[str, NDArray[np.int32]] = {
        "event_id": joined["id"].astype(np.int32),
        "work_id": np.maximum(joined["work"], 0).astype(np.int32),
        "lane": lane.astype(np.int32).reshape(-1),
        "type": joined["type"].astype(np.int32),
    }
    for name in ("kind", "flags", "lower", "upper", "draw_lower", "draw_upper"):
        arrays[name] = by_date[name][joined["date"]] if by_date else np.empty(0, dtype=np.int32)
    key_list = [_lane_key(group_by, int(key), lane_texts) for key in unique_keys.tolist()]
    return _arranged(group_by, key_list, arrays, types, undated)


def _lane_key(group_by: GroupBy, key: int, texts: dict[str, int]) -> LaneKey:
    if group_by == "work":
        if key > 0:
            return LaneKey("work", key)
        organiser = -1 - key
        return LaneKey("editions", organiser or None)
    if group_by == "organiser":
        return LaneKey("organiser", key or None)
    text_key = next(text for text, number in texts.items() if number == key)
    if group_by == "country":
        return LaneKey("country", text_key or None)
    return LaneKey("type", text_key)


def _count_undated(catalogue: Catalogue, plan: FilterPlan) -> int:
    """Events the filter selects that have no date at all."""
    sql = f"SELECT e.id FROM event e WHERE e.date IS NULL AND ({plan.sql()})"
    with catalogue.engine.connect() as connection:
        row = connection.exec_driver_sql(
            sql.replace("SELECT e.id", "SELECT count(*)", 1), plan.params
        ).fetchone()
    return int(row[0]) if row else 0


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
        # Ties (lanes whose first event starts the same day) go by key, so the order is stable.
        tie = np.argsort(np.argsort(np.asarray([str(key.value) for key in keys]), kind="stable"))
        lane_order = np.lexsort((tie, first, last))
    renumber = np.empty(len(keys), dtype=np.int32)
    renumber[lane_order] = np.arange(len(keys), dtype=np.int32)
    arrays["lane"] = renumber[lane]
    order = np.lexsort((arrays["draw_upper"], arrays["draw_lower"], arrays["lane"]))
    sorted_arrays = {name: values[order] for name, values in arrays.items()}
    return TimelineData(group_by, [keys[i] for i in lane_order], sorted_arrays, types, undated)
