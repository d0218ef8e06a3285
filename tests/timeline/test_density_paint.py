"""Busy lanes painted as density: each lane's shade lands in its own lane, where its events are."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtGui import QColor, QImage

from nkarchive.gui.app import make_application
from nkarchive.gui.timeline.export import render_image
from nkarchive.gui.timeline.painter import TimelinePainter, ViewState
from nkarchive.store.catalogue import Catalogue
from nkarchive.timeline.data import LaneKey, TimelineData, _arranged
from nkarchive.timeline.details import LaneLabels
from nkarchive.timeline.marks import MarkKind

WIDTH, HEIGHT = 1600, 600


def day(text: str) -> int:
    return dt.date.fromisoformat(text).toordinal()


def lanes_of(events_by_lane: list[list[int]]) -> TimelineData:
    """Single-day events, one list of days per lane (lanes by country C0, C1, ...)."""
    days = [d for events in events_by_lane for d in events]
    lanes = [lane for lane, events in enumerate(events_by_lane) for _ in events]
    count = len(days)
    columns = {
        "event_id": list(range(1, count + 1)),
        "work_id": [1] * count,
        "lane": lanes,
        "kind": [int(MarkKind.DAY)] * count,
        "type": [0] * count,
        "flags": [0] * count,
        "lower": days,
        "upper": days,
        "draw_lower": days,
        "draw_upper": days,
    }
    keys = [LaneKey("country", f"C{i}") for i in range(len(events_by_lane))]
    return _arranged("country", keys, columns, ["screening"], 0)


class Picture:
    def __init__(self, data: TimelineData, catalogue: Catalogue, start: str, end: str) -> None:
        self.painter = TimelinePainter(data, LaneLabels(catalogue))
        self.state = ViewState(day(start), day(end))
        self.image: QImage = render_image(self.painter, self.state, WIDTH, HEIGHT)
        self.scale = self.painter.scale(self.state, WIDTH, HEIGHT)
        self.geometry = self.painter.lane_geometry(self.state, WIDTH, HEIGHT)
        self.frame = self.painter.frame(self.state, WIDTH, HEIGHT)

    def colour(self, lane: int, iso_day: str) -> QColor:
        y = self.geometry.lane_top(lane) + self.geometry.lane_height / 2
        return self.image.pixelColor(int(self.scale.x(day(iso_day) + 0.5)), int(y))

    def shaded(self, lane: int, iso_day: str) -> bool:
        """Whether the lane's middle is darker there than the lane's own background."""
        return self.colour(lane, iso_day).red() < 200


@pytest.fixture
def busy_and_quiet(catalogue: Catalogue) -> Picture:
    make_application()
    # Lane 0 is busy through 1980, lane 1 has three marks in 1985, lane 2 is busy through 1990.
    busy_1980 = [day("1980-01-01") + i % 360 for i in range(1200)]
    quiet = [day("1985-03-01"), day("1985-06-01"), day("1985-09-01")]
    busy_1990 = [day("1990-01-01") + i % 360 for i in range(900)]
    data = lanes_of([busy_1980, quiet, busy_1990])
    return Picture(data, catalogue, "1975-01-01", "1995-01-01")


def test_each_busy_lane_is_shaded_in_its_own_lane_where_its_events_are(
    busy_and_quiet: Picture,
) -> None:
    picture = busy_and_quiet
    assert [lane.density is not None for lane in picture.frame.lanes] == [True, False, True]
    assert picture.shaded(0, "1980-06-15")
    assert not picture.shaded(0, "1990-06-15")
    assert not picture.shaded(0, "1977-06-15")
    assert picture.shaded(2, "1990-06-15")
    assert not picture.shaded(2, "1980-06-15")
    # The lane between them keeps its marks and gets no one else's shade.
    assert not picture.shaded(1, "1980-06-15")
    assert not picture.shaded(1, "1990-06-15")


def test_each_lane_is_shaded_relative_to_its_own_busiest_column(catalogue: Catalogue) -> None:
    make_application()
    # Lane 0 has four times as many events a day as lane 1, yet both are full strength at
    # their own peak; lane 1's second half, a quarter of its peak, reads fainter.
    many = [day("1980-01-01") + i % 360 for i in range(4 * 720)]
    few = [day("1980-01-01") + i % 360 for i in range(720)]
    few += [day("1981-01-01") + i % 360 for i in range(180)]
    picture = Picture(lanes_of([many, few]), catalogue, "1979-01-01", "1983-01-01")
    peak_many, peak_few = picture.colour(0, "1980-06-15"), picture.colour(1, "1980-06-15")
    assert peak_many.getRgb()[:3] == pytest.approx(peak_few.getRgb()[:3], abs=6)
    fainter = picture.colour(1, "1981-06-15")
    assert fainter.red() > peak_few.red() + 20
    assert picture.shaded(1, "1981-06-15")
