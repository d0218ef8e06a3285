"""Date ↔ position on the axis: exact, monotonic, and spans of uncertain dates in the right place."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from nkarchive.model.dates import parse_date
from nkarchive.timeline.marks import mark_for
from nkarchive.timeline.scale import TimeScale, describe_range

FIRST = dt.date(1900, 1, 1).toordinal()
LAST = dt.date(2100, 12, 31).toordinal()

days = st.integers(FIRST, LAST)
spans = st.floats(3.0, 200 * 366.0)
widths = st.floats(100.0, 8000.0)


@st.composite
def scales(draw: st.DrawFn) -> TimeScale:
    start = draw(st.floats(FIRST - 1000, LAST))
    return TimeScale(start, start + draw(spans), draw(st.floats(0, 400)), draw(widths))


@given(scales(), days)
def test_a_day_maps_to_a_position_and_back_to_itself(scale: TimeScale, day: int) -> None:
    left, right = scale.span(day, day)
    assert right > left
    assert scale.whole_day_at((left + right) / 2) == day
    assert scale.whole_day_at(left) == day
    assert abs(scale.day_at(scale.x(day)) - day) < 1e-6


@given(scales(), days, days)
def test_later_days_are_further_right(scale: TimeScale, a: int, b: int) -> None:
    if a < b:
        assert scale.x(a) < scale.x(b)
        assert scale.x(a + 1) <= scale.x(b)


@given(scales(), st.floats(0, 1), st.floats(0, 1))
def test_positions_map_back_monotonically(scale: TimeScale, f: float, g: float) -> None:
    x, y = scale.left + f * scale.width, scale.left + g * scale.width
    if x <= y:
        assert scale.day_at(x) <= scale.day_at(y)
        assert scale.whole_day_at(x) <= scale.whole_day_at(y)
    if y - x > 1e-6:  # apart by more than float resolution: strictly later
        assert scale.day_at(x) < scale.day_at(y)


@given(scales(), st.floats(1.01, 50), st.floats(0, 1))
def test_zooming_keeps_the_day_under_the_pointer(scale: TimeScale, factor: float, f: float) -> None:
    anchor = scale.left + f * scale.width
    before = scale.day_at(anchor)
    zoomed = scale.zoomed(factor, anchor)
    assert abs(zoomed.day_at(anchor) - before) < 1e-6 * max(1.0, scale.end - scale.start)
    assert zoomed.end - zoomed.start <= scale.end - scale.start


@given(scales(), st.floats(-2000, 2000))
def test_panning_moves_the_content_by_the_drag(scale: TimeScale, dx: float) -> None:
    moved = scale.panned(dx)
    day = (scale.start + scale.end) / 2
    assert abs(moved.x(day) - (scale.x(day) + dx)) < 1e-6 * scale.width


YEARS = st.integers(1901, 2099)
MONTHS = st.integers(1, 12)


@st.composite
def uncertain_dates(draw: st.DrawFn) -> str:
    year = draw(YEARS)
    month = draw(MONTHS)
    forms = [
        f"{year}", f"{year}-{month:02d}", f"{year}-{month:02d}-{draw(st.integers(1, 28)):02d}",
        f"{year}~", f"{year}-{month:02d}~", f"{year}?", f"{str(year)[:3]}X",
        f"{year}/{min(year + draw(st.integers(0, 5)), 2100)}", f"[..{year}]", f"{year}/..",
    ]  # fmt: skip
    return draw(st.sampled_from(forms))


@given(scales(), uncertain_dates())
def test_an_uncertain_date_spans_exactly_its_possible_days(scale: TimeScale, text: str) -> None:
    date = parse_date(text)
    mark = mark_for(date)
    assert mark is not None
    left, right = scale.span(mark.draw_lower, mark.draw_upper)
    assert left < right
    if not (date.open_start or date.open_end):
        # The strict bounds sit inside the drawn extent; the first and last possible days are
        # the days at its edges (the soft edges of ~ reach out to the fuzzy bounds).
        assert scale.x(date.lower_ordinal) >= left - 1e-6
        assert scale.x(date.upper_ordinal + 1) <= right + 1e-6
        assert scale.whole_day_at(left + 1e-7 * scale.width) == date.fuzzy_lower_ordinal
        assert scale.whole_day_at(right - 1e-7 * scale.width) == date.fuzzy_upper_ordinal
    elif date.open_start:
        assert scale.whole_day_at(right - 1e-7 * scale.width) == date.upper_ordinal
    else:
        assert scale.whole_day_at(left + 1e-7 * scale.width) == date.lower_ordinal


def test_the_visible_range_reads_at_the_precision_shown() -> None:
    def scale(a: dt.date, b: dt.date) -> TimeScale:
        return TimeScale(a.toordinal(), b.toordinal() + 1, 0, 1000)

    assert describe_range(scale(dt.date(1970, 1, 1), dt.date(1990, 12, 31))) == "1970 – 1990"
    assert (
        describe_range(scale(dt.date(1985, 3, 1), dt.date(1985, 11, 30)))
        == "March 1985 – November 1985"
    )
    assert describe_range(scale(dt.date(1985, 7, 3), dt.date(1985, 7, 9))) == "3 – 9 July 1985"
