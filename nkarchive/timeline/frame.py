"""One frame of the timeline: which lanes are on screen, and in each either its marks or its density.

Everything here is numpy over the visible slice of the arrays, so a frame costs the same at a
million events as at a hundred. Where a lane has more events in view than can be told apart, it
is drawn as a density strip: each event spreads its weight evenly over the columns its date could
mean, so a year-precision date does not pile up on one day.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from nkarchive.timeline.data import TimelineData
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


@dataclass
class LaneMarks:
    """The marks of one lane: positions into the data arrays and their pixel extents."""

    positions: NDArray[np.intp]
    x0: NDArray[np.float64]  # left edge of the drawn extent (soft edges included)
    x1: NDArray[np.float64]  # right edge
    row: NDArray[np.int8]


@dataclass
class LaneFrame:
    lane: int
    top: float
    height: float
    count: int  # events of this lane in view
    marks: LaneMarks | None = None
    density: NDArray[np.float64] | None = None  # events per pixel column, when too many to mark


@dataclass
class Frame:
    scale: TimeScale
    geometry: LaneGeometry
    lanes: list[LaneFrame] = field(default_factory=list)

    @property
    def mark_count(self) -> int:
        return sum(lane.marks.positions.size for lane in self.lanes if lane.marks is not None)

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
        lane_number = self.geometry.lane_at(y)
        lane = self.lane_frame(lane_number)
        if lane is None or lane.marks is None or not lane.marks.positions.size:
            return None
        marks = lane.marks
        reach = 3.0
        inside = (marks.x0 - reach <= x) & (x <= marks.x1 + reach)
        if not inside.any():
            return None
        candidates = np.flatnonzero(inside)
        tops = np.asarray([self.row_band(lane, int(r))[0] for r in marks.row[candidates]])
        bottoms = tops + lane.height * 0.72 / ROWS_PER_LANE
        in_row = (tops - reach <= y) & (y <= bottoms + reach)
        if in_row.any():
            candidates = candidates[in_row]
        # Prefer the mark whose centre is nearest, then the narrower (the more precise date).
        centre = (marks.x0[candidates] + marks.x1[candidates]) / 2
        width = marks.x1[candidates] - marks.x0[candidates]
        best = candidates[np.lexsort((width, np.abs(centre - x)))[0]]
        return int(marks.positions[best])


def extents(
    data: TimelineData, positions: NDArray[np.intp], scale: TimeScale
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Pixel extents of marks: spans from their first to past their last day, points widened."""
    ppd = scale.pixels_per_day
    x0 = scale.left + (data.draw_lower[positions].astype(np.float64) - scale.start) * ppd
    x1 = scale.left + (data.draw_upper[positions].astype(np.float64) + 1.0 - scale.start) * ppd
    is_day = data.kind[positions] == MarkKind.DAY
    if is_day.any():
        centre = (x0[is_day] + x1[is_day]) / 2
        half = np.maximum((x1[is_day] - x0[is_day]) / 2, POINT_RADIUS)
        x0[is_day], x1[is_day] = centre - half, centre + half
    return x0, x1


def pack_rows(x0: NDArray[np.float64], x1: NDArray[np.float64]) -> NDArray[np.int8]:
    """Sub-rows so that overlapping marks sit one above the other (greedy, left to right)."""
    rows = np.zeros(x0.size, dtype=np.int8)
    ends = [-np.inf] * ROWS_PER_LANE
    for i in np.argsort(x0, kind="stable"):
        start = x0[i]
        free = next((r for r in range(ROWS_PER_LANE) if ends[r] + 2 <= start), None)
        if free is None:
            free = int(np.argmin(ends))
        rows[i] = free
        ends[free] = max(ends[free], x1[i])
    return rows


def density(
    data: TimelineData, positions: NDArray[np.intp], scale: TimeScale
) -> NDArray[np.float64]:
    """Events per pixel column of the plot; each event spread evenly over the columns it covers."""
    columns = max(1, int(np.ceil(scale.width)))
    first = data.draw_lower[positions].astype(np.float64)
    last = data.draw_upper[positions].astype(np.float64) + 1.0
    x0 = (first - scale.start) * scale.pixels_per_day
    x1 = (last - scale.start) * scale.pixels_per_day
    c0 = np.floor(x0).astype(np.int64)
    c1 = np.floor(x1).astype(np.int64)
    narrow = c1 <= c0
    counts = np.zeros(columns + 1, dtype=np.float64)
    if narrow.any():
        points = np.clip(c0[narrow], 0, columns)
        counts += np.bincount(points, minlength=columns + 1)[: columns + 1]
    wide = ~narrow
    if wide.any():
        share = 1.0 / (c1[wide] - c0[wide])
        starts = np.clip(c0[wide], 0, columns)
        stops = np.clip(c1[wide], 0, columns)
        step = np.bincount(starts, weights=share, minlength=columns + 1)[: columns + 1]
        step -= np.bincount(stops, weights=share, minlength=columns + 1)[: columns + 1]
        counts += np.cumsum(step)
    return counts[:columns]


#: Lanes with more events than this keep a per-day running total of their events' weight, so
#: their density costs the same at any zoom whatever their size.
BUSY_LANE = 20_000


class DensityCache:
    """For each busy lane, the running total of event weight by day: each event spreads a weight
    of one evenly over the days it could mean, as ``density`` does over pixel columns."""

    def __init__(self, data: TimelineData) -> None:
        self.data = data
        extent = data.extent() or (0, 1)
        self.first_day = extent[0]
        self.days = extent[1] + 2 - extent[0]
        self._totals: dict[int, NDArray[np.float64]] = {}

    def totals(self, lane: int) -> NDArray[np.float64]:
        found = self._totals.get(lane)
        if found is None:
            start, stop = self.data.lane_range(lane)
            first = self.data.draw_lower[start:stop].astype(np.int64) - self.first_day
            last = self.data.draw_upper[start:stop].astype(np.int64) - self.first_day
            share = 1.0 / (last - first + 1)
            step = np.bincount(first, weights=share, minlength=self.days + 1)
            step -= np.bincount(last + 1, weights=share, minlength=self.days + 1)
            per_day = np.cumsum(step)[: self.days]
            # totals[d] is the weight of all days before day d (d counted from first_day).
            found = np.concatenate(([0.0], np.cumsum(per_day)))
            self._totals[lane] = found
        return found

    def density(self, lane: int, scale: TimeScale) -> NDArray[np.float64]:
        columns = max(1, int(np.ceil(scale.width)))
        edges = scale.start + np.arange(columns + 1) * scale.days_per_pixel - self.first_day
        totals = self.totals(lane)
        at_edges = np.interp(edges, np.arange(totals.size, dtype=np.float64), totals)
        return np.diff(at_edges)


def density_cache(data: TimelineData) -> DensityCache:
    cache = getattr(data, "_density_cache", None)
    if cache is None:
        cache = DensityCache(data)
        data._density_cache = cache  # type: ignore[attr-defined]
    return cache


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
    found: list[tuple[int, NDArray[np.intp]]] = []
    busy: dict[int, int] = {}  # lanes drawn as density without looking at their events one by one
    for lane in geometry.visible_lanes(len(data.lanes)):
        start, stop = data.lane_range(lane)
        if stop - start > BUSY_LANE:
            starts = data.draw_lower[start:stop]
            beginning = int(np.searchsorted(starts, first_day, side="left"))
            in_view = int(np.searchsorted(starts, last_day, side="right")) - beginning
            if in_view > max_marks_per_lane:
                busy[lane] = in_view
                continue
        found.append((lane, data.visible_in_lane(lane, first_day, last_day)))
    # The lanes with fewest events keep their marks first, so a few busy lanes do not turn the
    # whole frame into density.
    budget = max_marks
    marked: set[int] = set()
    for lane, positions in sorted(found, key=lambda item: item[1].size):
        if positions.size <= max_marks_per_lane and positions.size <= budget:
            marked.add(lane)
            budget -= positions.size
    for lane, count in busy.items():
        lane_frame = LaneFrame(lane, geometry.lane_top(lane), geometry.lane_height, count)
        lane_frame.density = density_cache(data).density(lane, scale)
        frame.lanes.append(lane_frame)
    for lane, positions in found:
        lane_frame = LaneFrame(lane, geometry.lane_top(lane), geometry.lane_height, positions.size)
        if lane in marked:
            x0, x1 = extents(data, positions, scale)
            lane_frame.marks = LaneMarks(positions, x0, x1, pack_rows(x0, x1))
        elif positions.size > BUSY_LANE:
            lane_frame.density = density_cache(data).density(lane, scale)
        else:
            lane_frame.density = density(data, positions, scale)
        frame.lanes.append(lane_frame)
    frame.lanes.sort(key=lambda item: item.lane)
    return frame
