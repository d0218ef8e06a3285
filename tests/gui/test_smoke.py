"""The main window opens offscreen on the demo catalogue and lists its works."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView
from pytestqt.qtbot import QtBot

from nkarchive.gui.main_window import MainWindow
from nkarchive.store.catalogue import Catalogue


def visible_texts(view: QAbstractItemView) -> set[str]:
    model = view.model()
    return {
        str(model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole))
        for row in range(model.rowCount())
        for column in range(model.columnCount())
    }


def test_main_window_lists_the_demo_works(qtbot: QtBot, demo_catalogue: Catalogue) -> None:
    window = MainWindow(demo_catalogue)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    views = [v for v in window.findChildren(QAbstractItemView) if v.objectName() == "record_list"]
    assert views, "the main window has a list of works"
    texts = visible_texts(views[0])
    assert views[0].model().rowCount() == demo_catalogue.counts()["work"]
    assert {"꽃파는 처녀", "Kkotp'anŭn ch'ŏnyŏ", "The Flower Girl"} <= texts
    assert demo_catalogue.path.name in window.windowTitle()
