"""Axis ticks adapt to the zoom and their labels never overlap."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from nkarchive.timeline.scale import TimeScale
from nkarchive.timeline.ticks import LABEL_GAP, build_axis, estimate_width


def scale_of(first: dt.date, last: dt.date, width: float = 1200) -> TimeScale:
    return TimeScale(first.toordinal(), last.toordinal() + 1, 200, width)


@settings(max_examples=150, deadline=None)
@given(st.floats(700_000, 740_000), st.floats(3, 150 * 366), st.floats(200, 3000))
def test_labels_never_overlap_and_stay_on_the_axis(start: float, span: float, width: float) -> None:
    scale = TimeScale(start, start + span, 100, width)
    axis = build_axis(scale, estimate_width)
    for row in (axis.labels, axis.context):
        for a, b in itertools.pairwise(row):
            assert a.x + a.width + LABEL_GAP <= b.x
        for label in row:
            assert scale.left <= label.x and label.x + label.width <= scale.left + scale.width
    assert axis.labels, "every zoom shows at least one labelled tick"


def texts(scale: TimeScale) -> list[str]:
    return [label.text for label in build_axis(scale, estimate_width).labels]


def test_ticks_adapt_from_decades_to_days() -> None:
    whole = texts(scale_of(dt.date(1950, 1, 1), dt.date(2025, 12, 31), 400))
    assert whole[:3] == ["1950", "1960", "1970"]
    fives = texts(scale_of(dt.date(1950, 1, 1), dt.date(2025, 12, 31), 800))
    assert fives[:3] == ["1950", "1955", "1960"]
    years = texts(scale_of(dt.date(1970, 1, 1), dt.date(1990, 12, 31), 1400))
    assert {"1970", "1971", "1985", "1990"} <= set(years)
    months = build_axis(scale_of(dt.date(1985, 1, 1), dt.date(1985, 12, 31), 1200), estimate_width)
    assert [label.text for label in months.labels][:3] == ["Jan", "Feb", "Mar"]
    assert [label.text for label in months.context] == ["1985"]
    week = build_axis(scale_of(dt.date(1985, 7, 1), dt.date(1985, 7, 7), 1200), estimate_width)
    assert [label.text for label in week.labels] == ["1", "2", "3", "4", "5", "6", "7"]
    assert [label.text for label in week.context] == ["July 1985"]
