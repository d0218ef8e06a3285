"""Copy citation: a demo source's bibliography entry on the clipboard as text and HTML, in the
citation style chosen under View ▸ Citation style, remembered across windows."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from nkarchive.gui.editors.source import SourceEditor
from nkarchive.gui.main_window import MainWindow
from nkarchive.interchange.csl import load_style
from nkarchive.interchange.csl.style import styles_dir
from nkarchive.interchange.sources import csl_items_for_sources
from nkarchive.store.catalogue import Catalogue
from tests.gui.conftest import discard_edits


def expected(catalogue: Catalogue, uuid: str, style: str) -> tuple[str, str]:
    items = csl_items_for_sources(catalogue, [uuid])
    found = load_style(style)
    return found.bibliography(items, format="text")[0], found.bibliography(items, format="html")[0]


def clipboard() -> tuple[str, str]:
    data = QApplication.clipboard().mimeData()
    return (data.text(), data.html()) if data is not None else ("", "")


def pick_source(window: MainWindow, row: int = 0) -> str:
    window.show_kind("source")
    window.list_view.setFocus()
    window.list_view.selectRow(row)
    QApplication.processEvents()
    uuid = window.model_for("source").uuid_at(row)
    assert window.selected_source() == uuid
    return uuid


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []

    def warning(_parent: Any, title: str, message: str, *_a: Any) -> Any:
        said.append(f"{title}: {message}")
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warning)
    return said


def test_copy_citation_puts_text_and_html_on_the_clipboard(demo_window: MainWindow) -> None:
    QApplication.clipboard().clear()
    uuid = pick_source(demo_window)
    demo_window.copy_citation_action.trigger()
    text, html = expected(demo_window.catalogue, uuid, "chicago-author-date")
    assert clipboard() == (text, html)
    assert "1998" in text and "<i>" in html
    assert "Copied the citation" in demo_window.statusBar().currentMessage()


def test_ctrl_shift_c_in_the_sources_list_copies(demo_window: MainWindow, qtbot: Any) -> None:
    QApplication.clipboard().clear()
    uuid = pick_source(demo_window, 3)
    qtbot.keyClick(
        demo_window.list_view,
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert clipboard() == expected(demo_window.catalogue, uuid, "chicago-author-date")


def test_the_source_editor_button_copies(demo_window: MainWindow, qtbot: Any) -> None:
    QApplication.clipboard().clear()
    uuid = pick_source(demo_window, 2)
    editor = demo_window.current_editor()
    assert isinstance(editor, SourceEditor) and editor.uuid == uuid
    assert editor.copy_button.isEnabled()
    qtbot.mouseClick(editor.copy_button, Qt.MouseButton.LeftButton)
    assert clipboard() == expected(demo_window.catalogue, uuid, "chicago-author-date")


def test_a_new_unsaved_source_cannot_be_copied(demo_window: MainWindow) -> None:
    demo_window.show_kind("source")
    demo_window.new_record()
    editor = demo_window.current_editor()
    assert isinstance(editor, SourceEditor) and editor.is_new
    assert not editor.copy_button.isEnabled()
    assert demo_window.selected_source() is None


def test_the_chosen_style_is_used_and_remembered(
    app: QApplication, demo_window: MainWindow, demo_catalogue: Catalogue, qtbot: Any
) -> None:
    uuid = pick_source(demo_window)
    demo_window.copy_citation_action.trigger()
    chicago = clipboard()
    demo_window.citation_style_menu.style_actions["apa"].trigger()
    assert demo_window.citation_style_menu.style_actions["apa"].isChecked()
    demo_window.copy_citation_action.trigger()
    apa = clipboard()
    assert apa == expected(demo_catalogue, uuid, "apa")
    assert apa[0] != chicago[0]

    again = MainWindow(demo_catalogue)
    again.show()
    qtbot.waitExposed(again)
    try:
        menu = again.citation_style_menu
        assert [n for n, a in menu.style_actions.items() if a.isChecked()] == ["apa"]
        assert pick_source(again) == uuid
        QApplication.clipboard().clear()
        again.copy_citation_action.trigger()
        assert clipboard() == apa
    finally:
        discard_edits(again)


def test_other_style_file_is_offered_and_remembered(
    demo_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    own = tmp_path / "our-house-style.csl"
    shutil.copy(styles_dir() / "modern-language-association.csl", own)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(own), ""))
    menu = demo_window.citation_style_menu
    menu.other_action.trigger()
    assert menu.file_action.isVisible() and menu.file_action.isChecked()
    assert menu.file_action.text() == "our-house-style.csl"
    assert not any(a.isChecked() for a in menu.style_actions.values())
    uuid = pick_source(demo_window)
    demo_window.copy_citation_action.trigger()
    assert clipboard() == expected(demo_window.catalogue, uuid, "modern-language-association")


def test_a_broken_style_file_is_refused_plainly(
    demo_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, warnings: list[str]
) -> None:
    broken = tmp_path / "broken.csl"
    broken.write_text("<style xmlns='http://purl.org/net/xbiblio/csl'><citation>", "utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(broken), ""))
    menu = demo_window.citation_style_menu
    menu.other_action.trigger()
    assert len(warnings) == 1 and "broken.csl" in warnings[0]
    assert "Traceback" not in warnings[0]
    assert menu.style_actions["chicago-author-date"].isChecked()  # the choice did not change


def test_a_style_file_gone_since_gives_a_plain_message(
    demo_window: MainWindow, tmp_path: Path, warnings: list[str]
) -> None:
    own = tmp_path / "moved-away.csl"
    shutil.copy(styles_dir() / "apa.csl", own)
    menu = demo_window.citation_style_menu
    menu.choose(str(own))
    own.unlink()
    pick_source(demo_window)
    QApplication.clipboard().clear()
    demo_window.copy_citation_action.trigger()
    assert len(warnings) == 1
    assert warnings[0].startswith("Cannot format the citation") and "moved-away.csl" in warnings[0]
    assert clipboard() == ("", "")


@pytest.fixture(autouse=True)
def _clean_clipboard() -> Iterator[None]:
    yield
    QApplication.clipboard().clear()
