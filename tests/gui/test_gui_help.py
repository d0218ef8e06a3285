"""The Help menu: the search language as the app shows it, the shortcuts, About."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMessageBox

from nkarchive import __version__
from nkarchive.gui.help import HelpTextDialog, about_text, search_help_dialog, shortcuts_text
from nkarchive.gui.main_window import MainWindow
from nkarchive.search.grammar import FACTS, TEXT_FIELDS
from tests.gui.conftest import close_dialogs, when_modal

SHOTS = Path(__file__).parent / "screenshots"


def _help_action(window: MainWindow, label: str) -> Any:
    menus = {a.text(): a.menu() for a in window.menuBar().actions()}
    assert "&Help" in menus, list(menus)
    actions = {a.text(): a for a in menus["&Help"].actions()}
    return actions[label]


def test_f1_opens_the_search_language_with_every_field(window: MainWindow, qtbot: Any) -> None:
    action = _help_action(window, "&Search language")
    assert action.shortcut().toString() == "F1"
    seen: dict[str, str] = {}

    def read(dialog: HelpTextDialog) -> None:
        seen["text"] = dialog.text.toPlainText()
        SHOTS.mkdir(exist_ok=True)
        dialog.grab().save(str(SHOTS / "help_search_language.png"))
        dialog.reject()

    when_modal(HelpTextDialog, read)
    action.trigger()
    text = seen["text"]
    for field in [*TEXT_FIELDS, "year", "event", "country", "class", "confidence"]:
        assert f"{field}:" in text, field
    for fact in FACTS:
        assert fact in text, fact
    assert "year:1980..1989" in text and "불가사리" in text


def test_the_search_help_is_read_only(app: Any) -> None:
    dialog = search_help_dialog()
    assert dialog.text.isReadOnly()
    assert dialog.windowTitle() == "Search language"


def test_shortcuts_list_the_menus_own_shortcuts(window: MainWindow) -> None:
    text = shortcuts_text(window)
    assert "Undo" in text and "Ctrl+Z" in text
    assert "Search language" in text and "F1" in text
    assert "Edit\n" in text and "File\n" in text


def test_about_names_the_version(window: MainWindow, qtbot: Any) -> None:
    assert __version__ in about_text()
    seen: list[str] = []

    def read(box: QMessageBox) -> None:
        seen.append(box.text())
        box.done(0)

    when_modal(QMessageBox, read)
    _help_action(window, "&About nkarchive").trigger()
    close_dialogs()
    assert seen and __version__ in seen[0] and "network" in seen[0]
