"""The timeline dock, first shown in a window of ordinary size, has room for its plot."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from nkarchive.gui.main_window import TIMELINE_MIN_HEIGHT, MainWindow
from nkarchive.gui.timeline.panel import TimelinePanel


def test_the_dock_first_shown_gives_the_plot_room(qtbot: QtBot, demo_window: MainWindow) -> None:
    demo_window.resize(1400, 900)
    qtbot.wait(50)
    demo_window.timeline_dock.toggleViewAction().trigger()
    panel = demo_window.timeline_dock.widget()
    assert isinstance(panel, TimelinePanel)
    qtbot.waitUntil(lambda: demo_window.timeline_dock.height() >= TIMELINE_MIN_HEIGHT, timeout=5000)
    # The plot itself, not only the tool rows and the legend, gets a good part of it.
    qtbot.waitUntil(lambda: panel.canvas.height() >= 150, timeout=5000)
    assert demo_window.centralWidget().height() >= 300  # the lists keep their room too


def test_a_size_the_user_chose_is_kept(qtbot: QtBot, demo_window: MainWindow) -> None:
    demo_window.resize(1400, 900)
    demo_window.timeline_dock.show()
    qtbot.waitUntil(lambda: demo_window.timeline_dock.height() >= TIMELINE_MIN_HEIGHT, timeout=5000)
    demo_window.resizeDocks([demo_window.timeline_dock], [600], Qt.Orientation.Vertical)
    qtbot.waitUntil(lambda: demo_window.timeline_dock.height() >= 550, timeout=5000)
    demo_window.timeline_dock.hide()
    demo_window.timeline_dock.show()
    qtbot.wait(100)
    assert demo_window.timeline_dock.height() >= 550


def test_a_work_chosen_before_the_dock_opens_is_highlighted_in_it(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    catalogue = demo_window.catalogue
    with catalogue.engine.connect() as connection:
        work_id, uuid = connection.exec_driver_sql(
            "SELECT w.id, w.uuid FROM work w WHERE w.identifier = 'NKA-0008'"
        ).one()
    assert demo_window.open_record("work", uuid)
    demo_window.timeline_dock.show()
    panel = demo_window.timeline_dock.widget()
    assert isinstance(panel, TimelinePanel)
    qtbot.waitUntil(lambda: len(panel.canvas.data) > 0, timeout=10_000)
    assert panel.canvas.state.highlighted_work == work_id
