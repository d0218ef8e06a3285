"""The timeline widget: clicks emit the event's UUID, hover text, keys, filtering, table, export."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from nkarchive.gui.app import make_application
from nkarchive.gui.timeline import style
from nkarchive.gui.timeline.export import export_view
from nkarchive.gui.timeline.panel import TimelinePanel
from nkarchive.gui.timeline.table import UUID_ROLE
from nkarchive.search import event_ids_matching
from nkarchive.store.catalogue import Catalogue
from tests.timeline.fixtures import Sample, build_sample


@pytest.fixture
def panel(qtbot: QtBot, catalogue: Catalogue) -> Iterator[tuple[TimelinePanel, Sample]]:
    make_application()
    sample = build_sample(catalogue)
    widget = TimelinePanel(catalogue)
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget, sample


def mark_centre(widget: TimelinePanel, uuid: str) -> QPoint:
    """Where the event's mark is drawn, from the frame the canvas painted."""
    canvas = widget.canvas
    assert canvas.select_event(uuid)
    position = canvas.state.selected
    canvas.select_position(None)
    frame = canvas._current_frame()
    for lane in frame.lanes:
        if lane.marks is not None and position in lane.marks.positions.tolist():
            i = lane.marks.positions.tolist().index(position)
            top, bottom = frame.row_band(lane, int(lane.marks.row[i]))
            x0, x1 = float(lane.marks.x0[i]), float(lane.marks.x1[i])
            # A span is hit anywhere along it; aim past the shape at its start.
            x = (x0 + x1) / 2 if x1 - x0 < 40 else x0 + 0.6 * (x1 - x0)
            return QPoint(int(x), int((top + bottom) / 2))
    raise AssertionError(f"event {uuid} has no mark on screen")


@pytest.mark.parametrize("date", ["1972-07-09", "1985~", "198X", "1985/1987", "2012-09-08"])
def test_a_click_on_a_mark_emits_that_events_uuid(
    panel: tuple[TimelinePanel, Sample], qtbot: QtBot, date: str
) -> None:
    widget, sample = panel
    point = mark_centre(widget, sample.events[date])
    with qtbot.waitSignal(widget.event_activated, timeout=2000) as signal:
        qtbot.mouseClick(widget.canvas, Qt.MouseButton.LeftButton, pos=point)
    assert signal.args == [sample.events[date]]
    assert widget.canvas.selected_event_id() is not None


def test_a_click_on_empty_space_selects_nothing(
    panel: tuple[TimelinePanel, Sample], qtbot: QtBot
) -> None:
    widget, _ = panel
    with qtbot.assertNotEmitted(widget.event_activated):
        qtbot.mouseClick(
            widget.canvas, Qt.MouseButton.LeftButton, pos=QPoint(widget.canvas.width() - 20, 60)
        )
    assert widget.canvas.selected_event_id() is None


def test_hovering_shows_the_events_details(
    panel: tuple[TimelinePanel, Sample], qtbot: QtBot
) -> None:
    widget, sample = panel
    point = mark_centre(widget, sample.events["1985-07-02"])
    qtbot.mouseMove(widget.canvas, point)
    QApplication.processEvents()
    expected = "\n".join([
        "소금", "Sogŭm · Salt", "Festival showing", "2 July 1985 (written 1985-07-02)",
        "Moscow (Soviet Union)", "1 citation",
    ])  # fmt: skip
    assert widget.canvas.hover_text_at(point) == expected
    assert QToolTip.text() == expected


def test_keys_zoom_pan_and_move_between_events(
    panel: tuple[TimelinePanel, Sample], qtbot: QtBot
) -> None:
    widget, sample = panel
    canvas = widget.canvas
    canvas.setFocus()
    before = canvas.scale()
    qtbot.keyClick(canvas, Qt.Key.Key_Plus)
    after = canvas.scale()
    assert after.end - after.start < before.end - before.start
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    assert canvas.scale().start > after.start
    qtbot.keyClick(canvas, Qt.Key.Key_Home)
    assert (
        widget.range_label.text() == canvas.range_text() == "1961 – 2014"
    )  # [..1972] fades from 1962
    # The Flower Girl's lane in time order: the July 1972 award, Karlovy Vary on 9 July, 1985~.
    assert canvas.select_event(sample.events["1972-07"])
    order = []
    for _ in range(3):
        order.append(canvas.event_uuid(canvas.state.selected))  # type: ignore[arg-type]
        qtbot.keyClick(canvas, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert order == [sample.events[d] for d in ("1972-07", "1972-07-09", "1985~")]
    with qtbot.waitSignal(widget.event_activated) as signal:
        qtbot.keyClick(canvas, Qt.Key.Key_Return)
    assert signal.args == [sample.events["1985~"]]
    qtbot.keyClick(canvas, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert canvas.event_uuid(canvas.state.selected) in {
        sample.events[d] for d in ("198X", "1985/1987", "1985-07-02")
    }  # type: ignore[arg-type]


def test_selecting_a_work_highlights_its_lane_and_events(
    panel: tuple[TimelinePanel, Sample],
) -> None:
    widget, sample = panel
    widget.highlight_work(sample.works["salt"])
    image = widget.canvas.grab().toImage()
    frame = widget.canvas._current_frame()
    salt = next(
        lane
        for lane in frame.lanes
        if widget.canvas.labels(widget.canvas.data.lanes[lane.lane]).main == "소금"
    )
    other = next(lane for lane in frame.lanes if lane is not salt)
    x = widget.canvas.width() - 30
    assert image.pixelColor(x, int(salt.top + 3)).name() == style.LANE_SELECTED.name()
    assert image.pixelColor(x, int(other.top + 3)).name() != style.LANE_SELECTED.name()


def test_the_filter_and_the_table_show_exactly_the_events_the_query_selects(
    panel: tuple[TimelinePanel, Sample], qtbot: QtBot, catalogue: Catalogue
) -> None:
    widget, _ = panel
    query = "country:SU or country:CS"
    widget.set_query(query)
    expected = set(event_ids_matching(catalogue, query))
    assert {int(i) for i in widget.canvas.data.event_id} == expected
    qtbot.mouseClick(widget.table_button, Qt.MouseButton.LeftButton)
    assert widget.stack.currentWidget() is widget.table
    model = widget.table_model
    assert {model.event_id(row) for row in range(model.rowCount())} == expected
    dates = [model.data(model.index(row, 0)) for row in range(model.rowCount())]
    assert dates == ["1972-07", "1972-07-09", "1985~", "1985-07-02"]
    widget.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)  # by work title
    works = [model.data(model.index(row, 3)) for row in range(model.rowCount())]
    assert works == sorted(works, reverse=True)
    widget.set_query("country:Czechoslovakia")
    assert "two-letter country code" in widget.message.text()


def test_the_table_model_passes_the_model_tester(
    panel: tuple[TimelinePanel, Sample], qtmodeltester: object
) -> None:
    widget, _ = panel
    qtmodeltester.check(widget.table_model)  # type: ignore[attr-defined]
    row = widget.table_model.index(0, 0)
    assert widget.table_model.data(row, UUID_ROLE)


def test_quick_toggles_hide_event_types(panel: tuple[TimelinePanel, Sample]) -> None:
    widget, _ = panel
    widget.types_menu.actions_by_code["screening"].setChecked(False)
    widget.reload(wait=True)
    types = {widget.canvas.data.types[t] for t in widget.canvas.data.type.tolist()}
    assert "screening" not in types and len(widget.canvas.data) == 6
    assert widget.types_menu.text() == "Event types (12)"


def test_export_to_png_and_svg_at_the_chosen_size(
    panel: tuple[TimelinePanel, Sample], tmp_path: Path
) -> None:
    widget, _ = panel
    png = export_view(
        widget.canvas.painter_, widget.canvas.state, tmp_path / "view.png", 1800, 1000
    )
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1800, 1000)
    svg = export_view(widget.canvas.painter_, widget.canvas.state, tmp_path / "view.svg", 1200, 700)
    text = svg.read_text(encoding="utf-8")
    assert ('viewBox="0 0 1200 700"' in text and "Karlovy" not in text) or "<svg" in text
    assert "소금" in text  # lane headers are text in the drawing
    with pytest.raises(ValueError, match=r"\.png or \.svg"):
        export_view(widget.canvas.painter_, widget.canvas.state, tmp_path / "view.gif", 800, 600)
