"""Each kind of uncertain date is painted as its own kind of mark: checked on the painted pixels."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QImage

from nkarchive import ops
from nkarchive.gui.app import make_application
from nkarchive.gui.timeline.export import render_image
from nkarchive.gui.timeline.painter import TimelinePainter, ViewState
from nkarchive.store.catalogue import Catalogue
from nkarchive.timeline.data import TimelineData, load_timeline
from nkarchive.timeline.details import LaneLabels
from nkarchive.timeline.scale import ordinal

DATES = ("1985-07-02", "1985", "1985~", "198X", "1985/1987", "[..1984]", "1986?")
WIDTH, HEIGHT = 1600, 900


# Sample days avoid the 1st of January, April, July and October: grid lines run there.


class Picture:
    def __init__(self, catalogue: Catalogue) -> None:
        make_application()
        self.data: TimelineData = load_timeline(catalogue, "work")
        self.painter = TimelinePainter(self.data, LaneLabels(catalogue))
        self.state = ViewState(ordinal("1970-01-01"), ordinal("1993-01-01"))
        self.image: QImage = render_image(self.painter, self.state, WIDTH, HEIGHT)
        self.frame = self.painter.frame(self.state, WIDTH, HEIGHT)
        self.scale = self.frame.scale

    def lane_of(self, date: str) -> int:
        with self.data_catalogue.engine.connect() as connection:
            event_id = connection.exec_driver_sql(
                "SELECT id FROM event WHERE date = ?", (date,)
            ).scalar_one()
        position = self.data.index_of(int(event_id))
        assert position is not None
        return int(self.data.lane[position])

    def y(self, date: str) -> int:
        lane = self.frame.lane_frame(self.lane_of(date))
        assert lane is not None and lane.marks is not None
        top, bottom = self.frame.row_band(lane, int(lane.marks.row[0]))
        return int((top + bottom) / 2)

    def x(self, iso_day: str, fraction: float = 0.5) -> int:
        return int(self.scale.x(ordinal(iso_day) + fraction))

    def colour(self, x: int, y: int) -> QColor:
        return self.image.pixelColor(x, y)

    def ink(self, date: str, iso_day: str, dy: int = 0) -> float:
        """How far the pixel is from the lane's empty background (0: untouched)."""
        y = self.y(date) + dy
        background = self.colour(int(self.scale.left + self.scale.width - 4), y)
        found = self.colour(self.x(iso_day), y)
        return sum(
            abs(a - b) for a, b in zip(found.getRgb()[:3], background.getRgb()[:3], strict=True)
        )


@pytest.fixture
def picture(catalogue: Catalogue) -> Iterator[Picture]:
    with ops.operation(catalogue, "One work per kind of date") as op:
        for date in DATES:
            work = op.create("work", {"form": "feature", "record_status": "draft"})
            op.create(
                "title",
                {
                    "work": work.uuid,
                    "text": f"Film dated {date}",
                    "title_type": "original",
                    "script": "Latn",
                    "language": "en",
                    "preferred": True,
                },
            )
            op.create("event", {"work": work.uuid, "event_type": "screening", "date": date})
    result = Picture(catalogue)
    result.data_catalogue = catalogue  # type: ignore[attr-defined]
    yield result


def test_a_known_day_is_a_point(picture: Picture) -> None:
    date = "1985-07-02"
    assert picture.ink(date, "1985-07-02") > 150  # the filled marker
    assert picture.ink(date, "1985-05-15") == 0  # nothing a few pixels either side
    assert picture.ink(date, "1985-09-15") == 0


def test_a_year_is_an_even_span_over_the_whole_year(picture: Picture) -> None:
    date = "1985"
    inside = [
        picture.ink(date, day) for day in ("1985-04-15", "1985-06-15", "1985-09-15", "1985-11-15")
    ]
    assert min(inside) > 80
    assert max(inside) - min(inside) < 6  # evenly filled (the type's shape sits at its start)
    assert picture.ink(date, "1984-11-15") == 0
    assert picture.ink(date, "1986-02-15") == 0


def test_an_approximate_date_has_soft_edges_out_to_its_fuzzy_bounds(picture: Picture) -> None:
    date = "1985~"
    core = picture.ink(date, "1985-05-15")
    rising = [
        picture.ink(date, day) for day in ("1984-02-01", "1984-05-01", "1984-08-01", "1984-11-01")
    ]
    falling = [
        picture.ink(date, day) for day in ("1986-02-01", "1986-05-01", "1986-08-01", "1986-11-01")
    ]
    assert rising == sorted(rising) and rising[0] < rising[-1] < core
    assert falling == sorted(falling, reverse=True) and falling[0] < core
    assert rising[0] > 0
    assert picture.ink(date, "1983-06-01") == 0  # beyond the fuzzy bound: nothing


def test_unspecified_digits_are_hatched_over_the_decade(picture: Picture) -> None:
    date = "198X"
    y = picture.y(date) + 1
    row = [
        picture.colour(x, y).lightness()
        for x in range(picture.x("1984-01-01"), picture.x("1984-01-01") + 40)
    ]
    assert max(row) - min(row) > 60  # dark hatch lines and light gaps alternate
    assert picture.ink(date, "1981-06-01") > 0 and picture.ink(date, "1989-06-01") > 0
    assert picture.ink(date, "1979-06-01") == 0 and picture.ink(date, "1990-06-01") == 0


def test_a_range_has_end_caps_that_stand_out_above_the_bar(picture: Picture) -> None:
    date = "1985/1987"
    lane = picture.frame.lane_frame(picture.lane_of(date))
    assert lane is not None and lane.marks is not None
    top, bottom = picture.frame.row_band(lane, 0)
    bar_top = int((top + bottom) / 2 - (bottom - top) * 0.37) - 1
    left_cap = int(picture.scale.x(ordinal("1985-01-01"))) + 1
    assert picture.colour(left_cap, bar_top).lightness() < 150  # the cap reaches above the bar
    assert (
        picture.colour(picture.x("1986-06-01"), bar_top).lightness() > 235
    )  # the bar's top does not
    assert picture.ink(date, "1986-06-01") > 20
    assert picture.ink(date, "1988-06-01") == 0


def test_an_open_start_fades_out_towards_the_open_side(picture: Picture) -> None:
    date = "[..1984]"
    fade = [picture.ink(date, f"{year}-05-15", dy=-2) for year in (1976, 1978, 1980, 1982)]
    assert fade == sorted(fade) and fade[0] < fade[-1]
    assert picture.ink(date, "1985-06-01") == 0  # nothing after the known end


def test_an_uncertain_date_has_a_dotted_outline(picture: Picture) -> None:
    date = "1986?"
    lane = picture.frame.lane_frame(picture.lane_of(date))
    assert lane is not None and lane.marks is not None
    top, bottom = picture.frame.row_band(lane, 0)
    outline_y = int((top + bottom) / 2 - (bottom - top) * 0.37) - 2
    row = [
        picture.colour(x, outline_y).lightness()
        for x in range(picture.x("1986-03-01"), picture.x("1986-03-01") + 30)
    ]
    dark = sum(1 for value in row if value < 170)
    assert 4 < dark < 26  # dots and gaps, not a solid line
