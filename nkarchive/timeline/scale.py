"""Date ↔ position on the time axis: days are proleptic Gregorian ordinals, a day has a width.

A day ``d`` covers the half-open interval ``[d, d + 1)`` of the axis, so a date that spans days
``lower..upper`` covers ``[lower, upper + 1)`` and a known day is never a zero-width sliver.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

#: The shortest and longest stretch of time the timeline shows across its width.
MIN_SPAN_DAYS = 3.0
MAX_SPAN_DAYS = 400 * 365.2425


def ordinal(iso: str) -> int:
    """The day number of an ISO date (``0001-01-01`` is 1)."""
    return dt.date.fromisoformat(iso).toordinal()


def iso(day: int) -> str:
    return dt.date.fromordinal(day).isoformat()


@dataclass(frozen=True)
class TimeScale:
    """Maps the days ``start..end`` (fractional, end exclusive) onto pixels ``left..left + width``."""

    start: float
    end: float
    left: float
    width: float

    def __post_init__(self) -> None:
        if not (self.end > self.start and self.width > 0):
            raise ValueError(f"empty time scale {self.start}..{self.end} over {self.width} px")

    @property
    def days_per_pixel(self) -> float:
        return (self.end - self.start) / self.width

    @property
    def pixels_per_day(self) -> float:
        return self.width / (self.end - self.start)

    def x(self, day: float) -> float:
        """The position of the start of ``day`` (or of any fractional day)."""
        return self.left + (day - self.start) * self.width / (self.end - self.start)

    def day_at(self, x: float) -> float:
        """The fractional day at position ``x``: the inverse of ``x``."""
        return self.start + (x - self.left) * (self.end - self.start) / self.width

    def whole_day_at(self, x: float) -> int:
        """The day whose width contains ``x``."""
        return math.floor(self.day_at(x) + 1e-9)

    def span(self, lower: int, upper: int) -> tuple[float, float]:
        """The extent of the days ``lower..upper`` (inclusive), left edge to right edge."""
        return self.x(lower), self.x(upper + 1)

    # -- navigation ------------------------------------------------------------------------

    def zoomed(self, factor: float, anchor_x: float) -> TimeScale:
        """Zoom in (factor > 1) or out around ``anchor_x``: the day under it stays under it."""
        span = self.end - self.start
        new_span = min(max(span / factor, MIN_SPAN_DAYS), MAX_SPAN_DAYS)
        anchor_day = self.day_at(anchor_x)
        fraction = (anchor_x - self.left) / self.width
        start = anchor_day - fraction * new_span
        return TimeScale(start, start + new_span, self.left, self.width)

    def panned(self, dx: float) -> TimeScale:
        """Move the view so the content moves ``dx`` pixels right (a drag to the right)."""
        shift = dx * self.days_per_pixel
        return TimeScale(self.start - shift, self.end - shift, self.left, self.width)

    def fitted(self, lower: int, upper: int, margin: float = 0.04) -> TimeScale:
        """A scale showing the days ``lower..upper`` with a small margin on both sides."""
        span = max(upper + 1 - lower, MIN_SPAN_DAYS)
        pad = span * margin
        return TimeScale(lower - pad, lower + span + pad, self.left, self.width)

    def resized(self, left: float, width: float) -> TimeScale:
        """The same days over a new pixel extent."""
        return TimeScale(self.start, self.end, left, width)


def describe_range(scale: TimeScale) -> str:
    """The visible range as text, at the precision the zoom shows: "1970 – 1990", "3 – 9 July 1985"."""
    first = dt.date.fromordinal(max(1, math.floor(scale.start)))
    last = dt.date.fromordinal(max(1, min(dt.date.max.toordinal(), math.ceil(scale.end) - 1)))
    span = scale.end - scale.start
    if span > 3 * 365:
        return f"{first.year} – {last.year}"
    if span > 62:
        return f"{first:%B %Y} – {last:%B %Y}"
    if first.year == last.year and first.month == last.month:
        return f"{first.day} – {last.day} {last:%B %Y}"
    if first.year == last.year:
        return f"{first.day} {first:%B} – {last.day} {last:%B %Y}"
    return f"{first.day} {first:%B %Y} – {last.day} {last:%B %Y}"
