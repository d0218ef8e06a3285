"""Screenshots of the demo catalogue's timeline at three zoom levels, by work and by country.

Written to screenshots/timeline/ at the top of the repository (ignored by git) for people to
look at; the assertions check what each picture must show.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from nkarchive.gui.app import make_application
from nkarchive.gui.timeline.panel import TimelinePanel
from nkarchive.store.catalogue import Catalogue
from nkarchive.timeline.scale import ordinal

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots" / "timeline"

# name: (first day, last day, lane headers that must be on screen)
ZOOMS: dict[str, tuple[str, str]] = {
    "all": ("", ""),
    "decades-1970-1990": ("1970-01-01", "1990-12-31"),
    "year-2012": ("2012-01-01", "2012-12-31"),
}


@pytest.mark.parametrize("group_by", ["work", "country"])
@pytest.mark.parametrize("zoom", list(ZOOMS))
def test_demo_timeline_screenshots(
    qtbot: QtBot, demo_catalogue: Catalogue, group_by: str, zoom: str
) -> None:
    make_application()
    panel = TimelinePanel(demo_catalogue, group_by=group_by)  # type: ignore[arg-type]
    qtbot.addWidget(panel)
    panel.resize(1500, 900)
    panel.show()
    qtbot.waitExposed(panel)
    canvas = panel.canvas
    first, last = ZOOMS[zoom]
    if first:
        canvas.set_range(ordinal(first), ordinal(last) + 1)
        canvas.scroll_to_events()
    QApplication.processEvents()  # the range label takes its new width
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{group_by}-{zoom}.png"
    assert panel.grab().save(str(path))
    frame = canvas._current_frame()
    headers = [canvas.labels(canvas.data.lanes[lane.lane]).main for lane in frame.lanes]
    marks = frame.mark_count
    if group_by == "work" and zoom == "year-2012":
        assert "김동무는 하늘을 난다" in headers  # Comrade Kim Goes Flying: Toronto, September 2012
    elif group_by == "work":
        assert "꽃파는 처녀" in headers  # The Flower Girl: Karlovy Vary 1972
    elif zoom != "year-2012":
        assert headers[:3] == ["Czechoslovakia", "East Germany", "Soviet Union"]
    else:
        assert {"Canada", "Australia", "South Korea"} <= set(headers)
    if zoom == "decades-1970-1990":
        assert panel.range_label.text() == "1970 – 1990"
        assert 6 <= marks <= 12  # Karlovy Vary 1972 and 1984, Moscow 1985, ...
    elif zoom == "year-2012":
        assert panel.range_label.text() == "January 2012 – December 2012"
        assert marks >= 5  # Toronto and the other showings of 2012
    else:
        # Everything fits: every event on screen is drawn as its own mark.
        assert all(lane.marks is not None for lane in frame.lanes)
        assert marks == sum(lane.count for lane in frame.lanes) > 20
