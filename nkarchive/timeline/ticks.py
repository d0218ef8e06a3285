"""Axis ticks that adapt to the zoom (centuries down to days), with labels that never overlap.

Labels are measured by a function the caller gives (Qt's font metrics in the widget, an estimate
in tests), so placement is exact for the font actually drawn.
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from nkarchive.timeline.scale import TimeScale

Measure = Callable[[str], float]

# Month abbreviations read once (``calendar.month_abbr`` formats a date on every lookup, which
# the axis does a hundred times a frame).
_MONTH_ABBR = tuple(calendar.month_abbr)

#: Space kept free between two labels, in pixels.
LABEL_GAP = 10.0
#: Months and days get labels only this far apart, so a span of years is labelled by years.
MIN_SUBYEAR_SPACING = 44.0
#: Minor ticks closer than this are not drawn.
MIN_MINOR_SPACING = 9.0


@dataclass(frozen=True)
class Unit:
    """A step of the axis: ``count`` years, months or days."""

    name: str
    field: str  # "year", "month" or "day"
    count: int

    def ticks(self, first: int, last: int) -> Iterator[int]:
        """Day ordinals of the unit's boundaries from ``first`` to ``last`` (inclusive)."""
        start = dt.date.fromordinal(max(1, first))
        end = dt.date.fromordinal(max(1, min(last, dt.date.max.toordinal())))
        if self.field == "year":
            year = max(1, start.year - start.year % self.count)
            while year <= end.year:
                yield dt.date(year, 1, 1).toordinal()
                year += self.count
        elif self.field == "month":
            index = start.year * 12 + (start.month - 1)
            index -= index % self.count
            while True:
                year, month = divmod(index, 12)
                if year > end.year or year < 1:
                    break
                yield dt.date(year, month + 1, 1).toordinal()
                index += self.count
        else:
            day = max(1, first)
            if self.count == 7:
                day -= dt.date.fromordinal(day).weekday()  # weeks start on Monday
            if self.count in (1, 7):
                while day <= last:
                    yield day
                    day += self.count
                return
            # every 2nd/5th/10th day of each month, restarting at the 1st
            month_start = dt.date(start.year, start.month, 1)
            while month_start.toordinal() <= last:
                days = calendar.monthrange(month_start.year, month_start.month)[1]
                for number in range(1, days + 1, self.count):
                    if days - number >= self.count // 2 or number == 1:
                        yield month_start.toordinal() + number - 1
                month_start = (month_start + dt.timedelta(days=32)).replace(day=1)

    def label(self, day: int) -> str:
        date = dt.date.fromordinal(day)
        if self.field == "year":
            return str(date.year)
        if self.field == "month":
            return _MONTH_ABBR[date.month]
        return str(date.day)

    def widest_gap(self) -> int:
        """The most days between two of the unit's boundaries (every 10th day of a month
        restarts at the 1st, so 21 to the next 1st can be 11 days)."""
        if self.field == "year":
            return 366 * self.count
        if self.field == "month":
            return 31 * self.count
        return self.count + self.count // 2 + 1

    def context_label(self, day: int) -> str:
        """What a tick label leaves unsaid: the year of a month, the month and year of a day."""
        date = dt.date.fromordinal(day)
        if self.field == "month":
            return str(date.year)
        if self.field == "day":
            return f"{calendar.month_name[date.month]} {date.year}"
        return ""


UNITS: tuple[Unit, ...] = (
    Unit("100 years", "year", 100), Unit("50 years", "year", 50), Unit("20 years", "year", 20),
    Unit("10 years", "year", 10), Unit("5 years", "year", 5), Unit("2 years", "year", 2),
    Unit("year", "year", 1), Unit("6 months", "month", 6), Unit("3 months", "month", 3),
    Unit("month", "month", 1), Unit("10 days", "day", 10), Unit("5 days", "day", 5),
    Unit("2 days", "day", 2), Unit("day", "day", 1),
)  # fmt: skip


@dataclass(frozen=True)
class Label:
    text: str
    x: float  # left edge of the text
    width: float
    anchor_x: float  # the tick it belongs to


@dataclass(frozen=True)
class Axis:
    """What to draw on the time axis."""

    unit: Unit
    major: tuple[float, ...]  # x of labelled ticks
    minor: tuple[float, ...]  # x of unlabelled ticks
    labels: tuple[Label, ...]
    context: tuple[Label, ...]  # the year (or month and year) above months (or days)


def _positions(unit: Unit, scale: TimeScale) -> list[tuple[int, float]]:
    first = math.floor(scale.start) - 1
    last = math.ceil(scale.end) + 1
    return [(day, scale.x(day)) for day in unit.ticks(first, last)]


def _fits(unit: Unit, scale: TimeScale, measure: Measure) -> bool:
    """Whether each label of ``unit`` fits between its tick and the next one."""
    if unit.widest_gap() * scale.pixels_per_day < LABEL_GAP and scale.width >= 2 * LABEL_GAP:
        # Even its widest gap is too narrow for any label (and a plot this wide holds two
        # ticks or more), so the ticks need not be listed.
        return False
    ticks = _positions(unit, scale)
    if len(ticks) > 2 * scale.width:  # far too dense to even consider
        return False
    least = MIN_SUBYEAR_SPACING if unit.field != "year" else 0.0
    for (day, x), (_, next_x) in itertools.pairwise(ticks):
        if next_x - x < max(measure(unit.label(day)) + LABEL_GAP, least):
            return False
    return True


def _no_overlap(labels: list[Label], left: float, right: float) -> tuple[Label, ...]:
    """Keep labels from left to right, dropping any that would touch the one before or leave the axis."""
    kept: list[Label] = []
    for label in sorted(labels, key=lambda item: item.x):
        if label.x < left or label.x + label.width > right:
            continue
        if kept and label.x < kept[-1].x + kept[-1].width + LABEL_GAP:
            continue
        kept.append(label)
    return tuple(kept)


def build_axis(scale: TimeScale, measure: Measure) -> Axis:
    """The finest unit whose labels all fit, finer unlabelled ticks, and context labels."""
    unit = UNITS[0]
    for candidate in UNITS:
        if _fits(candidate, scale, measure):
            unit = candidate
        else:
            break
    left, right = scale.left, scale.left + scale.width
    ticks = [(day, x) for day, x in _positions(unit, scale) if left <= x <= right]
    labels = []
    for day, x in ticks:
        text = unit.label(day)
        width = measure(text)
        # A label sits just right of its tick, as on a ruler.
        labels.append(Label(text, x + 3, width, x))
    minor: list[float] = []
    finer = UNITS[UNITS.index(unit) + 1 :]
    for candidate in finer:
        if candidate.widest_gap() * scale.pixels_per_day < MIN_MINOR_SPACING:
            break  # even its widest gap is too narrow, so its ticks need not be listed
        positions = [x for _, x in _positions(candidate, scale)]
        spacing = min((b - a for a, b in itertools.pairwise(positions)), default=0.0)
        if spacing >= MIN_MINOR_SPACING:
            minor = [x for x in positions if left <= x <= right]
        else:
            break
    context: list[Label] = []
    if unit.field != "year":
        outer = Unit("year", "year", 1) if unit.field == "month" else Unit("month", "month", 1)
        boundaries = [(day, x) for day, x in _positions(outer, scale) if left <= x <= right]
        first_day = math.floor(scale.start)
        sticky_text = unit.context_label(max(1, first_day))
        sticky = Label(sticky_text, left + 3, measure(sticky_text), left)
        context = [
            Label(unit.context_label(day), x + 3, measure(unit.context_label(day)), x)
            for day, x in boundaries
        ]
        # The left-edge label says where we are; it yields to a boundary label it would touch.
        if not context or context[0].x > sticky.x + sticky.width + LABEL_GAP:
            context.insert(0, sticky)
    major = tuple(x for _, x in ticks)
    labelled = set(major)
    return Axis(
        unit=unit,
        major=major,
        minor=tuple(x for x in minor if x not in labelled),
        labels=_no_overlap(labels, left, right),
        context=_no_overlap(context, left, right),
    )


def estimate_width(text: str, em: float = 7.0) -> float:
    """A rough label width for tests and headless layout: ``em`` pixels per character."""
    return em * len(text)
