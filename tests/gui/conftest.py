"""GUI fixtures: a main window on a fresh catalogue, and helpers to drive modal dialogs by keyboard."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from nkarchive.gui import bundles
from nkarchive.gui.app import make_application
from nkarchive.gui.main_window import MainWindow
from nkarchive.store.catalogue import Catalogue


@pytest.fixture
def app() -> QApplication:
    return make_application([])


@pytest.fixture
def window(app: QApplication, catalogue: Catalogue, qtbot: Any) -> Iterator[MainWindow]:
    main = MainWindow(catalogue)
    main.show()
    main.activateWindow()
    qtbot.waitExposed(main)
    yield main
    discard_edits(main)


@pytest.fixture
def demo_window(app: QApplication, demo_catalogue: Catalogue, qtbot: Any) -> Iterator[MainWindow]:
    main = MainWindow(demo_catalogue)
    main.show()
    main.activateWindow()
    qtbot.waitExposed(main)
    yield main
    discard_edits(main)


@pytest.fixture
def reports(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, list[str]]]:
    """What the import and export dialogs report (title, lines), instead of a modal box."""
    shown: list[tuple[str, list[str]]] = []
    monkeypatch.setattr(
        bundles, "show_report", lambda _p, title, _h, lines: shown.append((title, lines))
    )
    return shown


def discard_edits(main: MainWindow) -> None:
    """So that closing the window at teardown never waits on an "Unsaved changes" question."""
    main.worker.wait()
    main.confirm_leave = lambda: True  # type: ignore[method-assign]
    for editor in main.editors.values():
        editor.clear()
    main.close()
    main.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()
    gc.collect()


def when_modal(kind: type[QWidget], act: Callable[[Any], None], *, timeout_ms: int = 5000) -> None:
    """Run `act(dialog)` as soon as a modal dialog of `kind` is showing (dialogs block in exec)."""
    waited = [0]

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible():
            try:
                act(dialog)
            except BaseException:
                close_dialogs()  # a failed step must not leave the test waiting in a dialog
                raise
            return
        waited[0] += 20
        if waited[0] > timeout_ms:
            raise AssertionError(f"no {kind.__name__} appeared")
        QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def close_dialogs() -> None:
    for _ in range(10):
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            return
        dialog.close()


def typed(qtbot: Any, keys: str) -> None:
    """Type into whatever has the keyboard focus, as a user would: Latin letters key by key,
    Hangul as a Korean input method delivers it (a committed string)."""
    QApplication.processEvents()
    focus = QApplication.focusWidget()
    assert focus is not None, "nothing has the keyboard focus"
    if keys.isascii():
        qtbot.keyClicks(focus, keys)
    else:
        commit(focus, keys)


def commit(widget: QWidget, text_: str) -> None:
    event = QInputMethodEvent()
    event.setCommitString(text_)
    QApplication.sendEvent(widget, event)


def press(qtbot: Any, key: Any, modifier: Any = None) -> None:
    from PySide6.QtCore import Qt

    QApplication.processEvents()
    focus = QApplication.focusWidget()
    assert focus is not None, "nothing has the keyboard focus"
    qtbot.keyClick(focus, key, modifier or Qt.KeyboardModifier.NoModifier)
    QApplication.processEvents()  # editors close and focus moves on the next turn of the loop


@pytest.fixture(autouse=True)
def _collect_qt_garbage() -> Iterator[None]:
    """Free each test's windows and their Python wrappers while Qt is fully alive: left to the
    interpreter's final collection, PySide can free them in an order that crashes at exit."""
    yield
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
