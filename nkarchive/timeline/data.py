"""The events of a catalogue as compact arrays, grouped into lanes and ordered for fast culling.

One load reads the filtered events in a single SQL pass (chunked; dates are parsed once per
distinct string); after that, panning and zooming only bisect and slice ``array.array``
columns, never one Python object per event. A million events take about 35 MB.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate, compress, repeat
from operator import add, and_, lshift, mul, or_, rshift, sub
from typing import Any, Literal

from nkarchive.model.vocab import EVENT_TYPES
from nkarchive.store.catalogue import Catalogue
from nkarchive.timeline.filtering import EventFilter, FilterPlan, plan_filter
from nkarchive.timeline.marks import Mark, mark_for_text

GroupBy = Literal["work", "country", "organiser", "type"]
GROUPINGS: tuple[GroupBy, ...] = ("work", "country", "organiser", "type")

#: Marks longer than this are listed after the others when a lane's visible marks are given,
#: so that long spans are drawn (and packed into rows) after the short ones, as they always were.
LONG_DAYS = 4 * 366
#: Lanes with at most this many events are simply scanned; larger ones get an index (their
#: ends sorted, and their events by length class) so that a frame never scans them.
SMALL_LANE = 64
#: Lanes with more events than this get their spread weights when they are loaded (off the GUI
#: thread); others when a frame first needs them, kept while they fit in ``SPREAD_CACHE_BYTES``.
BUSY_LANE = 5_000
SPREAD_CACHE_BYTES = 96_000_000
#: Between a day and 16 days a column, a frame reads column edges from a lane's weight before
#: each eighth of a day (the nearest one: at most 1/16 of a day off, a few percent of a
#: column). A busy lane's eighths take about 30 ms to make (75 years of days), so they are
#: made when the lane is loaded, off the GUI thread, not on the first frame that needs them.
EIGHTHS = 8
_CHUNK = 50_000

#: Typecodes of the columns: 32-bit integers, and bytes for the small codes.
_INT = "i"
_BYTE = "B"


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


def find_all(column: array[int], value: int) -> list[int]:
    """Every position of ``value`` in a 32-bit integer column, found by a byte search in C
    (a Python loop over a million events would take a noticeable moment)."""
    if column.itemsize != 4:
        return [i for i, v in enumerate(column) if v == value]
    haystack = column.tobytes()
    needle = array(column.typecode, [value]).tobytes()
    found: list[int] = []
    at = haystack.find(needle)
    while at >= 0:
        if at % 4 == 0:  # a match across two numbers is not one
            found.append(at // 4)
            at = haystack.find(needle, at + 4)
        else:
            at = haystack.find(needle, at + 1)
    return found


class _LaneIndex:
    """For a large lane: its events' last days sorted (to count what reaches a view with two
    bisections) and its events by length class, each class sorted by start (to find the marks
    that begin before the view and reach into it without scanning)."""

    __slots__ = ("classes", "ends")

    def __init__(self, ends: array[int], classes: list[tuple[int, array[int]]]) -> None:
        self.ends = ends
        self.classes = classes  # (longest length in the class, positions sorted by start)


class SpreadWeights:
    """A lane's events as weight by day: each event spreads a weight of one evenly over the days
    it could mean (a difference array of 1/length at its start and past its end, summed twice).

    ``per_day[d]`` is the weight on day ``first_day + d``; ``before[d]`` the weight of all days
    before it, so the weight between two (fractional) days is a difference of two lookups.
    ``before[d + 1]`` is exactly ``before[d] + per_day[d]``, so weights read from it never go
    below zero. Every lane's arrays cover the same days (the data's extent), so one list of
    day numbers serves every lane of a frame.
    """

    __slots__ = ("before", "finer", "first_day", "per_day")

    def __init__(
        self, lows: Sequence[int], highs: Sequence[int], first_day: int, days: int
    ) -> None:
        step = [0.0] * (days + 1)
        active = [0] * (days + 1)
        # Events with the same extent are added together (dates repeat a great deal).
        shift = 23  # day ordinals stay below 2**22
        same = Counter(map(or_, map(lshift, lows, repeat(shift)), highs))
        mask = (1 << shift) - 1
        for extent, events in sorted(same.items()):
            low, high = extent >> shift, extent & mask
            share = events / (high - low + 1)
            step[low - first_day] += share
            step[high + 1 - first_day] -= share
            active[low - first_day] += events
            active[high + 1 - first_day] -= events
        # Where no event is under way the weight is exactly zero, not rounding left-overs.
        per_day = [
            w if n else 0.0 for w, n in zip(accumulate(step), accumulate(active), strict=True)
        ]
        self.first_day = first_day
        self.per_day = array("d", per_day)
        self.before = array("d", accumulate(per_day, initial=0.0))
        self.finer: array[float] | None = None  # by eighths of a day, when first needed

    def by_eighths(self, parts: int) -> array[float]:
        """The weight before each ``1/parts`` of a day, made once (``parts`` C-level passes):
        item ``parts * d + q`` is ``before[d] + q / parts * per_day[d]``, the last the total."""
        if self.finer is None or len(self.finer) != parts * len(self.per_day) + 1:
            finer = array("d", bytes(8 * (parts * len(self.per_day) + 1)))
            count = len(self.per_day)
            for q in range(parts):
                share = q / parts
                finer[q : parts * count : parts] = array(
                    "d", map(add, self.before[:count], map(mul, self.per_day, repeat(share)))
                )
            finer[-1] = self.before[-1]
            self.finer = finer
        return self.finer

    @property
    def nbytes(self) -> int:
        return 8 * (len(self.per_day) + len(self.before) + 8 * len(self.per_day))


class TimelineData:
    """The filtered events of one catalogue, grouped by one choice of lanes.

    Columns are parallel ``array.array``\\ s sorted by lane, then by the start of the drawn
    extent: ``event_id``, ``work_id`` (0 when none), ``lane``, ``kind`` (MarkKind), ``type``
    (index into ``types``), ``flags`` (marks.UNCERTAIN/OPEN_START/OPEN_END), ``lower`` and
    ``upper`` (strict bounds, day ordinals), ``draw_lower``/``draw_upper`` (inclusive extent
    drawn, soft edges and fades included).
    """

    def __init__(
        self,
        group_by: GroupBy,
        lanes: list[LaneKey],
        columns: Mapping[str, Sequence[int]],
        types: list[str],
        undated: int,
    ) -> None:
        self.group_by = group_by
        self.lanes = lanes
        self.types = types
        self.undated = undated  # events the filter selects that have no placeable date
        self.event_id = _column(columns["event_id"], _INT)
        self.work_id = _column(columns["work_id"], _INT)
        self.lane = _column(columns["lane"], _INT)
        self.kind = _column(columns["kind"], _BYTE)
        self.type = _column(columns["type"], _BYTE)
        self.flags = _column(columns["flags"], _BYTE)
        self.lower = _column(columns["lower"], _INT)
        self.upper = _column(columns["upper"], _INT)
        self.draw_lower = _column(columns["draw_lower"], _INT)
        self.draw_upper = _column(columns["draw_upper"], _INT)
        count = len(self.event_id)
        # lane_offsets[k]..lane_offsets[k + 1] are lane k's positions (lanes are sorted).
        offsets = array("q", [0]) * (len(lanes) + 1)
        lane = self.lane
        for number in range(len(lanes) + 1):
            offsets[number] = bisect_left(lane, number)
        self.lane_offsets = offsets
        self._extent = (min(self.draw_lower), max(self.draw_upper)) if count else None
        self._indexes: dict[int, _LaneIndex] = {}
        for number in range(len(lanes)):
            start, stop = offsets[number], offsets[number + 1]
            if stop - start > SMALL_LANE:
                self._indexes[number] = self._index_lane(start, stop)
        self._spread: dict[int, SpreadWeights] = {}
        self._spread_bytes = 0
        present = self.type.tobytes()
        self.present_types = [i for i in range(len(types)) if bytes((i,)) in present]

    def _index_lane(self, start: int, stop: int) -> _LaneIndex:
        lows, highs = self.draw_lower[start:stop], self.draw_upper[start:stop]
        ends = array(_INT, sorted(highs))
        # Length class k holds spans of 2**(k-1)..2**k - 1 days (class 0: a single day).
        classes = bytes(map(int.bit_length, map(sub, highs, lows)))
        found: list[tuple[int, array[int]]] = []
        positions = range(start, stop)
        for k in sorted(set(classes)):
            chosen = classes.translate(_SELECT[k])
            found.append(((1 << k) - 1, array(_INT, compress(positions, chosen))))
        return _LaneIndex(ends, found)

    def __len__(self) -> int:
        return len(self.event_id)

    @property
    def nbytes(self) -> int:
        columns = ("event_id", "work_id", "lane", "kind", "type", "flags", "lower", "upper",
                   "draw_lower", "draw_upper", "lane_offsets")  # fmt: skip
        total: int = sum(len(getattr(self, n)) * getattr(self, n).itemsize for n in columns)
        for index in self._indexes.values():
            total += len(index.ends) * 4 + sum(len(p) * 4 for _, p in index.classes)
        return total

    def extent(self) -> tuple[int, int] | None:
        """The first and last day any mark covers, or None when there are no events."""
        return self._extent

    def index_of(self, event_id: int) -> int | None:
        """The array position of an event, or None when it is not shown."""
        found = find_all(self.event_id, event_id)
        return found[0] if found else None

    def lane_range(self, lane: int) -> tuple[int, int]:
        return self.lane_offsets[lane], self.lane_offsets[lane + 1]

    def count_in_lane(self, lane: int, first_day: float, last_day: float) -> int:
        """How many of the lane's events have a drawn extent touching ``first_day..last_day``:
        two bisections on a large lane (those starting by ``last_day``, less those ended before
        ``first_day``), a scan of a small one."""
        start, stop = self.lane_range(lane)
        index = self._indexes.get(lane)
        if index is None:
            return len(self.visible_in_lane(lane, first_day, last_day))
        begun = bisect_right(self.draw_lower, last_day, start, stop) - start
        return begun - bisect_left(index.ends, first_day - 1)

    def visible_in_lane(self, lane: int, first_day: float, last_day: float) -> list[int]:
        """Positions of the lane's events whose drawn extent touches ``first_day..last_day``,
        in lane order, marks longer than ``LONG_DAYS`` last."""
        start, stop = self.lane_range(lane)
        lows, highs = self.draw_lower, self.draw_upper
        reach = first_day - 1  # an event touches when it ends on or after this day
        index = self._indexes.get(lane)
        if index is None:
            found = [i for i in range(start, stop) if lows[i] <= last_day and highs[i] >= reach]
        else:
            # Those starting in view touch it; of the earlier ones only a class's longest
            # span back can reach it.
            inside = bisect_left(lows, reach, start, stop)
            found = list(range(inside, bisect_right(lows, last_day, inside, stop)))
            key = lows.__getitem__
            for longest, positions in index.classes:
                if longest == 0:
                    continue
                first = bisect_left(positions, reach - longest, key=key)
                last = bisect_left(positions, reach, first, key=key)
                found.extend(p for p in positions[first:last] if highs[p] >= reach)
            found.sort()
        if any(highs[i] - lows[i] > LONG_DAYS for i in found):
            short = [i for i in found if highs[i] - lows[i] <= LONG_DAYS]
            found = short + [i for i in found if highs[i] - lows[i] > LONG_DAYS]
        return found

    def spread(self, lane: int) -> SpreadWeights:
        """The lane's spread weights, made once and kept (the least recently used are dropped
        when they grow past ``SPREAD_CACHE_BYTES``)."""
        found = self._spread.pop(lane, None)
        if found is None:
            start, stop = self.lane_range(lane)
            first, last = self._extent or (0, 0)
            found = SpreadWeights(
                self.draw_lower[start:stop], self.draw_upper[start:stop], first, last + 1 - first
            )
            while self._spread and self._spread_bytes + found.nbytes > SPREAD_CACHE_BYTES:
                oldest = next(iter(self._spread))
                self._spread_bytes -= self._spread.pop(oldest).nbytes
            self._spread_bytes += found.nbytes
        self._spread[lane] = found  # most recently used last
        return found

    def positions_of_work(self, work_id: int) -> list[int]:
        return find_all(self.work_id, work_id)

    @classmethod
    def empty(cls, group_by: GroupBy = "work") -> TimelineData:
        columns: dict[str, Sequence[int]] = {name: () for name in _COLUMNS}
        return cls(group_by, [], columns, type_codes(), 0)


# A translation table per length class: that class's bytes to 1, every other byte to 0.
_SELECT = [bytes(int(k == c) for c in range(256)) for k in range(256)]

_COLUMNS = ("event_id", "work_id", "lane", "kind", "type", "flags", "lower", "upper",
            "draw_lower", "draw_upper")  # fmt: skip


def _column(values: Sequence[int], typecode: str) -> array[int]:
    if isinstance(values, array) and values.typecode == typecode:
        return values
    return array(typecode, values)


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

_MARK_FIELDS = ("kind", "flags", "lower", "upper", "draw_lower", "draw_upper")


class _DateTable:
    """Each distinct date string once: its number, and its mark as parallel lists."""

    def __init__(self) -> None:
        self.codes: dict[str, int] = {}
        self.marks: list[Mark | None] = []

    def add(self, texts: Iterable[str]) -> None:
        for date in set(texts) - self.codes.keys():
            self.codes[date] = len(self.marks)
            self.marks.append(mark_for_text(date))

    def columns(self) -> dict[str, list[int]]:
        out: dict[str, list[int]] = {}
        for name in _MARK_FIELDS:
            out[name] = [int(getattr(m, name)) if m is not None else 0 for m in self.marks]
        return out


def load_timeline(
    catalogue: Catalogue, group_by: GroupBy = "work", chosen: EventFilter | None = None
) -> TimelineData:
    """Read the events ``chosen`` selects into compact arrays, in lanes by ``group_by``.

    Each chunk of rows is turned into arrays by C-level zip/map, never a Python loop over
    events; dates are parsed once per distinct string.
    """
    if group_by not in GROUPINGS:
        raise ValueError(f"cannot group the timeline by {group_by!r}; choose one of {GROUPINGS}")
    plan = plan_filter(chosen or EventFilter())
    sql = (
        f"SELECT e.id, e.date, e.event_type, coalesce(e.work_id, 0), {_LANE_SQL[group_by]} "
        f"FROM event e WHERE e.date IS NOT NULL AND ({plan.sql()})"
    )
    types = type_codes()
    type_numbers = {code: number for number, code in enumerate(types)}
    dates = _DateTable()
    lane_texts: dict[str, int] = {}  # text lane keys (country, type) numbered as they come
    ids, date_codes, event_types = array(_INT), array(_INT), array(_BYTE)
    works, keys = array(_INT), array("q")
    for chunk in _chunks(catalogue, sql, plan.params):
        chunk_ids, date_texts, chunk_types, chunk_works, chunk_keys = zip(*chunk, strict=True)
        dates.add(date_texts)
        for event_type in set(chunk_types) - type_numbers.keys():
            type_numbers[event_type] = len(types)
            types.append(event_type)
        if group_by in ("country", "type"):
            for key in set(chunk_keys) - lane_texts.keys():
                lane_texts[key] = len(lane_texts)
            chunk_keys = tuple(map(lane_texts.__getitem__, chunk_keys))
        ids.extend(chunk_ids)
        date_codes.extend(map(dates.codes.__getitem__, date_texts))
        event_types.extend(map(type_numbers.__getitem__, chunk_types))
        works.extend(chunk_works)
        keys.extend(chunk_keys)
    undated = _count_undated(catalogue, plan)
    placed = bytes(m is not None for m in dates.marks)
    if placed.count(0):
        # Dates that say nothing placeable (such as "XXXX") count as undated.
        keep = bytes(map(placed.__getitem__, date_codes))
        undated += len(keep) - keep.count(1)
        ids, date_codes, event_types, works, keys = (
            array(column.typecode, compress(column, keep))
            for column in (ids, date_codes, event_types, works, keys)
        )
    by_date = dates.columns()
    unique_keys = sorted(set(keys))
    lane_of = {key: number for number, key in enumerate(unique_keys)}
    arrays: dict[str, array[int]] = {
        "event_id": ids,
        "work_id": works,
        "lane": array(_INT, map(lane_of.__getitem__, keys)),
        "type": event_types,
    }
    texts = {number: text for text, number in lane_texts.items()}
    key_list = [_lane_key(group_by, key, texts) for key in unique_keys]
    return _arranged(group_by, key_list, arrays, types, undated, (date_codes, by_date))


def _lane_key(group_by: GroupBy, key: int, texts: dict[int, str]) -> LaneKey:
    if group_by == "work":
        if key > 0:
            return LaneKey("work", key)
        organiser = -1 - key
        return LaneKey("editions", organiser or None)
    if group_by == "organiser":
        return LaneKey("organiser", key or None)
    text_key = texts[key]
    if group_by == "country":
        return LaneKey("country", text_key or None)
    return LaneKey("type", text_key)


def _count_undated(catalogue: Catalogue, plan: FilterPlan) -> int:
    """Events the filter selects that have no date at all."""
    sql = f"SELECT count(*) FROM event e WHERE e.date IS NULL AND ({plan.sql()})"
    with catalogue.engine.connect() as connection:
        row = connection.exec_driver_sql(sql, plan.params).fetchone()
    return int(row[0]) if row else 0


def _arranged(
    group_by: GroupBy,
    keys: list[LaneKey],
    arrays: Mapping[str, Sequence[int]],
    types: list[str],
    undated: int,
    dated: tuple[Sequence[int], Mapping[str, Sequence[int]]] | None = None,
) -> TimelineData:
    """Order lanes (by their first event; types in vocabulary order) and sort events within them.

    ``arrays`` has each event's id, work, lane (an index into ``keys``) and type, and either its
    mark's fields or, in ``dated``, the number of its date and those fields by date number. One
    sort of packed integers (lane, rank of the drawn extent, position) puts the events in order.
    """
    if dated is None:
        # Each event its own "date": the same sort, with the fields by event.
        count = len(arrays["lane"])
        dated = (range(count), {name: arrays[name] for name in _MARK_FIELDS})
    codes, by_code = dated
    lane = arrays["lane"]
    count = len(lane)
    if not count:
        return TimelineData(group_by, [], {name: () for name in _COLUMNS}, types, undated)
    # Each lane's first day (strict lower bound), to order the lanes.
    lower_of = by_code["lower"]
    first = [2**31] * len(keys)
    for lane_number, code in zip(lane, codes, strict=True):
        day = lower_of[code]
        if day < first[lane_number]:
            first[lane_number] = day
    if group_by == "type":
        lane_order = sorted(range(len(keys)), key=lambda k: types.index(str(keys[k].value)))
    else:
        # Lanes of events with no work (festival editions) and of unknown country come last;
        # ties (lanes whose first event starts the same day) go by key, so the order is stable.
        last = [key.kind == "editions" or key.value is None for key in keys]
        by_text = sorted(range(len(keys)), key=lambda k: str(keys[k].value))
        tie = [0] * len(keys)
        for rank, k in enumerate(by_text):
            tie[k] = rank
        lane_order = sorted(range(len(keys)), key=lambda k: (last[k], first[k], tie[k]))
    renumber = [0] * len(keys)
    for new_number, old in enumerate(lane_order):
        renumber[old] = new_number
    # Dates ranked by drawn extent (equal extents share a rank, so their events keep their
    # order of reading).
    extents = list(zip(by_code["draw_lower"], by_code["draw_upper"], strict=True))
    rank_of_extent = {extent: rank for rank, extent in enumerate(sorted(set(extents)))}
    rank_of_code = list(map(rank_of_extent.__getitem__, extents))
    position_bits = count.bit_length()
    rank_shift = position_bits
    lane_shift = rank_shift + len(rank_of_extent).bit_length()
    packed = list(
        map(
            or_,
            map(
                or_,
                map(lshift, map(renumber.__getitem__, lane), repeat(lane_shift)),
                map(lshift, map(rank_of_code.__getitem__, codes), repeat(rank_shift)),
            ),
            range(count),
        )
    )
    packed.sort()
    order = list(map(and_, packed, repeat((1 << position_bits) - 1)))
    sorted_arrays: dict[str, Sequence[int]] = {
        "lane": array(_INT, map(rshift, packed, repeat(lane_shift)))
    }
    del packed
    for name in ("event_id", "work_id", "type"):
        values = arrays[name]
        typecode = values.typecode if isinstance(values, array) else _INT
        sorted_arrays[name] = array(typecode, map(values.__getitem__, order))
    codes_in_order = list(map(codes.__getitem__, order))
    for name in _MARK_FIELDS:
        sorted_arrays[name] = array(_INT, map(by_code[name].__getitem__, codes_in_order))
    data = TimelineData(group_by, [keys[i] for i in lane_order], sorted_arrays, types, undated)
    for number in range(len(data.lanes)):
        start, stop = data.lane_range(number)
        if stop - start > BUSY_LANE:
            data.spread(number).by_eighths(EIGHTHS)
    return data
