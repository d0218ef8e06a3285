"""One frame of the timeline: which lanes are on screen, and in each either its marks or its density.

A frame looks only at what is visible: lanes are counted by bisection, marks are listed only for
the lanes that show them, and a busy lane's density comes from its per-day running total of
weight (``TimelineData.spread``), so a frame costs the same at a million events as at a hundred.
Where a lane has more events in view than can be told apart, it is drawn as a density strip:
each event spreads its weight evenly over the columns its date could mean, so a year-precision
date does not pile up on one day.
"""

from __future__ import annotations

import math
from array import array
from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import islice, repeat
from operator import add, itemgetter, mul, sub

from nkarchive.timeline.data import EIGHTHS, SpreadWeights, TimelineData
from nkarchive.timeline.marks import MarkKind
from nkarchive.timeline.scale import TimeScale

#: Half the width of a point mark, in pixels; also the reach of a click on one.
POINT_RADIUS = 6.0
#: Sub-rows in a lane for overlapping marks.
ROWS_PER_LANE = 3
#: A lane with more marks in view than this is drawn as density ...
MAX_MARKS_PER_LANE = 160
#: ... and so is every lane beyond this many marks in the whole frame.
MAX_MARKS_PER_FRAME = 1500


@dataclass(frozen=True)
class LaneGeometry:
    """Where lanes are: the plot's top edge, each lane's height and the vertical scroll."""

    top: float
    height: float  # of the plot area
    lane_height: float
    scroll: float = 0.0  # pixels of lanes scrolled out above the top

    def lane_top(self, lane: int) -> float:
        return self.top + lane * self.lane_height - self.scroll

    def lane_at(self, y: float) -> int:
        return int((y - self.top + self.scroll) // self.lane_height)

    def visible_lanes(self, count: int) -> range:
        first = max(0, int(self.scroll // self.lane_height))
        last = min(count, int((self.scroll + self.height) // self.lane_height) + 1)
        return range(first, max(first, last))


#: Lanes with at most this many events in view that are not marked get their density from
#: those events directly; busier ones from the lane's spread weights.
DIRECT_DENSITY = 400


@dataclass
class LaneMarks:
    """The marks of one lane: positions into the data arrays and their pixel extents (compact
    arrays, like the data's columns)."""

    positions: array[int]
    x0: array[float]  # left edge of the drawn extent (soft edges included)
    x1: array[float]  # right edge
    row: array[int]


@dataclass
class LaneFrame:
    lane: int
    top: float
    height: float
    count: int  # events of this lane in view
    marks: LaneMarks | None = None
    #: When too many to mark: events per cell, cells ``density_step`` pixels wide from
    #: ``density_left`` (pixel columns; whole days once a day is wider than a pixel).
    density: list[float] | None = None
    density_left: float = 0.0
    density_step: float = 1.0

    def density_around(self, x: float) -> float:
        """About how many events the five pixel columns around ``x`` hold."""
        if not self.density:
            return 0.0
        total = 0.0
        for column in range(-2, 3):
            cell = math.floor((x + column - self.density_left) / self.density_step)
            if 0 <= cell < len(self.density):
                total += self.density[cell] / self.density_step
        return total


@dataclass
class Frame:
    scale: TimeScale
    geometry: LaneGeometry
    lanes: list[LaneFrame] = field(default_factory=list)

    @property
    def mark_count(self) -> int:
        return sum(len(lane.marks.positions) for lane in self.lanes if lane.marks is not None)

    def lane_frame(self, lane: int) -> LaneFrame | None:
        for candidate in self.lanes:
            if candidate.lane == lane:
                return candidate
        return None

    def row_band(self, lane: LaneFrame, row: int) -> tuple[float, float]:
        """The vertical extent (top, bottom) of a sub-row of a lane."""
        inner_top = lane.top + lane.height * 0.18
        band = lane.height * 0.72 / ROWS_PER_LANE
        return inner_top + row * band, inner_top + (row + 1) * band

    def hit(self, x: float, y: float, data: TimelineData) -> int | None:
        """The array position of the event whose mark is under ``(x, y)``, or None."""
        lane = self.lane_frame(self.geometry.lane_at(y))
        if lane is None or lane.marks is None or not lane.marks.positions:
            return None
        marks = lane.marks
        reach = 3.0
        candidates = [
            i
            for i, (x0, x1) in enumerate(zip(marks.x0, marks.x1, strict=True))
            if x0 - reach <= x <= x1 + reach
        ]
        if not candidates:
            return None
        band = lane.height * 0.72 / ROWS_PER_LANE
        in_row = [
            i
            for i in candidates
            if (top := self.row_band(lane, marks.row[i])[0]) - reach <= y <= top + band + reach
        ]
        candidates = in_row or candidates
        # Prefer the mark whose centre is nearest, then the narrower (the more precise date).
        best = min(
            candidates,
            key=lambda i: (
                abs((marks.x0[i] + marks.x1[i]) / 2 - x),
                marks.x1[i] - marks.x0[i],
                i,
            ),
        )
        return marks.positions[best]


def extents(
    data: TimelineData, positions: list[int], scale: TimeScale
) -> tuple[list[float], list[float]]:
    """Pixel extents of marks: spans from their first to past their last day, points widened."""
    ppd = scale.pixels_per_day
    left, start = scale.left, scale.start
    x0 = [left + (data.draw_lower[p] - start) * ppd for p in positions]
    x1 = [left + (data.draw_upper[p] + 1.0 - start) * ppd for p in positions]
    day, kinds = MarkKind.DAY, data.kind
    for i, p in enumerate(positions):
        if kinds[p] == day:
            centre = (x0[i] + x1[i]) / 2
            half = max((x1[i] - x0[i]) / 2, POINT_RADIUS)
            x0[i], x1[i] = centre - half, centre + half
    return x0, x1


def pack_rows(x0: list[float], x1: list[float]) -> list[int]:
    """Sub-rows so that overlapping marks sit one above the other (greedy, left to right)."""
    rows = [0] * len(x0)
    ends = [-math.inf] * ROWS_PER_LANE
    for i in sorted(range(len(x0)), key=x0.__getitem__):
        start = x0[i]
        free = next((r for r in range(ROWS_PER_LANE) if ends[r] + 2 <= start), None)
        if free is None:
            free = ends.index(min(ends))
        rows[i] = free
        ends[free] = max(ends[free], x1[i])
    return rows


def density(data: TimelineData, positions: list[int], scale: TimeScale) -> list[float]:
    """Events per pixel column of the plot; each event spread evenly over the columns it covers.

    For a few hundred events at most: one step per event, then a running total over columns."""
    columns = max(1, math.ceil(scale.width))
    ppd, start = scale.pixels_per_day, scale.start
    points = [0.0] * (columns + 1)
    step = [0.0] * (columns + 1)
    for p in positions:
        c0 = math.floor((data.draw_lower[p] - start) * ppd)
        c1 = math.floor((data.draw_upper[p] + 1.0 - start) * ppd)
        if c1 <= c0:
            points[min(max(c0, 0), columns)] += 1.0
        else:
            share = 1.0 / (c1 - c0)
            step[min(max(c0, 0), columns)] += share
            step[min(max(c1, 0), columns)] -= share
    running = 0.0
    counts = [0.0] * columns
    for c in range(columns):
        running += step[c]
        counts[c] = points[c] + (running if running > 1e-12 else 0.0)
    return counts


# Between a day and 16 days a column, column edges are read from a lane's weight before each
# eighth of a day (``EIGHTHS``, from the data: busy lanes have them made when loaded).


class ColumnEdges:
    """Where each pixel column's left edge (and the last one's right edge) falls in a lane's
    spread weights. Every lane's weights cover the same days, so this is worked out once a
    frame, with one C-level getter that reads every column edge from a lane.

    Past 16 days a column the edges are read at whole days (a day's weight more or less changes
    a column by 6% at most, below what its shade shows); from one day a column at the nearest
    eighth of a day; below that, exactly (a day and the fraction of it)."""

    def __init__(self, scale: TimeScale, extent: tuple[int, int]) -> None:
        self.columns = max(1, math.ceil(scale.width))
        start, dpp = scale.start, scale.days_per_pixel
        # C-level maps over the columns (a Python expression per column costs about a
        # millisecond a frame at 1,300 columns).
        edges = list(map(add, repeat(start), map(mul, range(self.columns + 1), repeat(dpp))))
        first_day, covered = extent[0], extent[1] + 2 - extent[0]
        self.whole_days = dpp >= 16
        self.eighths = 1 <= dpp < 16
        if self.eighths:
            top = covered * EIGHTHS
            steps = list(map(round, map(mul, map(sub, edges, repeat(first_day)), repeat(EIGHTHS))))
            if steps[0] < 0 or steps[-1] > top:
                # Clipped into the weights: before the first day nothing, past the last
                # everything (steps only grow, so only a view past the data's ends needs it).
                steps = [min(max(step, 0), top) for step in steps]
            self.inside_from, self.inside_to = 0, len(steps)
            self.fractions: list[float] = []
            self._set_getter(steps)
            return
        days = list(map(math.floor, edges))
        # Edges before the first day have nothing before them; past the last, everything.
        self.inside_from = bisect_left(days, first_day)
        self.inside_to = bisect_left(days, first_day + covered)
        inside = [day - first_day for day in days[self.inside_from : self.inside_to]]
        self.fractions = list(
            map(
                sub,
                edges[self.inside_from : self.inside_to],
                days[self.inside_from : self.inside_to],
            )
        )
        self._set_getter(inside)

    def _set_getter(self, indexes: list[int]) -> None:
        self._getter = itemgetter(*indexes) if indexes else None
        self._single = len(indexes) == 1

    def read(self, values: array[float]) -> tuple[float, ...]:
        """``values`` at each column edge inside the extent, in one C-level call."""
        if self._getter is None:
            return ()
        found = self._getter(values)
        return (found,) if self._single else found


def spread_density(weights: SpreadWeights, edges: ColumnEdges) -> list[float]:
    """Events per pixel column from a lane's spread weights: the weight before each column's
    right edge less that before its left edge (linear within a day). C-level maps over the
    columns; nothing here looks at events."""
    if edges.eighths:
        read = edges.read(weights.by_eighths(EIGHTHS))
        return list(map(sub, islice(read, 1, None), read))
    at_edges = [0.0] * edges.inside_from
    if edges.whole_days:
        at_edges.extend(edges.read(weights.before))
    else:
        at_edges.extend(
            map(
                add,
                edges.read(weights.before),
                map(mul, edges.read(weights.per_day), edges.fractions),
            )
        )
    at_edges.extend(repeat(weights.before[-1], edges.columns + 1 - edges.inside_to))
    return list(map(sub, islice(at_edges, 1, None), at_edges))


def spread_by_day(weights: SpreadWeights, scale: TimeScale) -> tuple[list[float], float]:
    """Once a day is wider than a pixel, a busy lane's density is its weight by day: one slice of
    the lane's weights for the days in view, and the x of the first day's left edge."""
    first = max(math.floor(scale.start), weights.first_day)
    last = min(math.ceil(scale.end), weights.first_day + len(weights.per_day) - 1)
    if last < first:
        return [], scale.left
    cells = weights.per_day[first - weights.first_day : last + 1 - weights.first_day].tolist()
    return cells, scale.x(first)


def build_frame(
    data: TimelineData,
    scale: TimeScale,
    geometry: LaneGeometry,
    *,
    max_marks_per_lane: int = MAX_MARKS_PER_LANE,
    max_marks: int = MAX_MARKS_PER_FRAME,
) -> Frame:
    """What is on screen: for each visible lane its marks, or its density when there are too many."""
    frame = Frame(scale, geometry)
    first_day = scale.day_at(scale.left - POINT_RADIUS)
    last_day = scale.day_at(scale.left + scale.width + POINT_RADIUS)
    counts = [
        (lane, data.count_in_lane(lane, first_day, last_day))
        for lane in geometry.visible_lanes(len(data.lanes))
    ]
    # The lanes with fewest events keep their marks first, so a few busy lanes do not turn the
    # whole frame into density.
    budget = max_marks
    marked: set[int] = set()
    for lane, count in sorted(counts, key=lambda item: item[1]):
        if count <= max_marks_per_lane and count <= budget:
            marked.add(lane)
            budget -= count
    edges: ColumnEdges | None = None
    for lane, count in counts:
        lane_frame = LaneFrame(lane, geometry.lane_top(lane), geometry.lane_height, count)
        if lane in marked:
            positions = data.visible_in_lane(lane, first_day, last_day)
            x0, x1 = extents(data, positions, scale)
            lane_frame.marks = LaneMarks(
                array("i", positions), array("d", x0), array("d", x1), array("b", pack_rows(x0, x1))
            )
        elif count <= DIRECT_DENSITY:
            positions = data.visible_in_lane(lane, first_day, last_day)
            lane_frame.density = density(data, positions, scale)
            lane_frame.density_left = scale.left
        elif scale.pixels_per_day > 1:
            lane_frame.density, lane_frame.density_left = spread_by_day(data.spread(lane), scale)
            lane_frame.density_step = scale.pixels_per_day
        else:
            edges = edges or ColumnEdges(scale, data.extent() or (0, 0))
            lane_frame.density = spread_density(data.spread(lane), edges)
            lane_frame.density_left = scale.left
        frame.lanes.append(lane_frame)
    return frame
