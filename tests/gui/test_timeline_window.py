"""The timeline in the main window: its dock shows the catalogue's events, a click opens the
event's record, and choosing a work highlights its events."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from nkarchive.gui.main_window import MainWindow
from nkarchive.gui.timeline.panel import TimelinePanel
from nkarchive.store.catalogue import Catalogue


def test_the_timeline_dock_opens_records_and_follows_the_selection(
    qtbot: QtBot, demo_window: MainWindow, demo_catalogue: Catalogue
) -> None:
    # Nothing of the timeline is made (or read) until the dock is first shown.
    assert not isinstance(demo_window.timeline_dock.widget(), TimelinePanel)
    demo_window.timeline_dock.show()
    panel = demo_window.timeline_dock.widget()
    assert isinstance(panel, TimelinePanel)
    qtbot.waitUntil(lambda: len(panel.canvas.data) > 0, timeout=10_000)
    with demo_catalogue.engine.connect() as connection:
        event_uuid, work_uuid = connection.exec_driver_sql(
            "SELECT e.uuid, w.uuid FROM event e JOIN work w ON w.id = e.work_id "
            "WHERE e.date = '1985-07-02' OR e.country = 'SU' ORDER BY e.date_lower LIMIT 1"
        ).one()
    canvas = panel.canvas
    assert canvas.select_event(event_uuid)
    canvas.fit_selection()
    QApplication.processEvents()
    frame = canvas._current_frame()
    position = canvas.state.selected
    lane = next(
        lane for lane in frame.lanes if lane.marks is not None and position in lane.marks.positions
    )
    i = lane.marks.positions.tolist().index(position)  # type: ignore[union-attr]
    top, bottom = frame.row_band(lane, int(lane.marks.row[i]))  # type: ignore[union-attr]
    x = (float(lane.marks.x0[i]) + float(lane.marks.x1[i])) / 2  # type: ignore[union-attr]
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(int(x), int((top + bottom) / 2)))
    qtbot.waitUntil(lambda: demo_window.kind == "event", timeout=5000)
    editor = demo_window.current_editor()
    assert editor is not None and editor.uuid == event_uuid
    demo_window.open_record("work", work_uuid)
    with demo_catalogue.engine.connect() as connection:
        work_id = connection.exec_driver_sql(
            "SELECT id FROM work WHERE uuid = ?", (work_uuid,)
        ).scalar_one()
    assert canvas.state.highlighted_work == work_id
