"""Editing behaviour: validation that blocks saving and says why, undo and redo after saving,
and unsaved edits that are never lost without asking."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from nkarchive import ops
from nkarchive.gui.editors import base as editors_base
from nkarchive.gui.main_window import MainWindow
from nkarchive.model import Work
from nkarchive.store.catalogue import Catalogue
from tests.gui.conftest import press


def make_work(catalogue: Catalogue, identifier: str, year: str = "1985") -> str:
    with ops.operation(catalogue, "Add work") as op:
        work = op.create(
            "work",
            {
                "form": "feature",
                "record_status": "draft",
                "identifier": identifier,
                "production_date": year,
            },
        )
        op.create(
            "title", {"work": work.uuid, "text": f"Film {identifier}", "title_type": "original"}
        )
    catalogue.undo_stack.clear()
    return str(work.uuid)


def stored_year(catalogue: Catalogue, uuid: str) -> str | None:
    with catalogue.session() as session:
        return session.scalars(select(Work.production_date).where(Work.uuid == uuid)).one()


def type_year(window: MainWindow, qtbot: Any, identifier: str, typed: str) -> tuple[str, Any]:
    """A new work opened in its editor, with `typed` keyed into its emptied year field."""
    uuid = make_work(window.catalogue, identifier)
    window.model_for("work").refresh()
    assert window.open_record("work", uuid)
    editor = window.current_editor()
    year = editor.ui.production_date_input
    year.setFocus()
    year.clear()
    qtbot.keyClicks(year, typed)
    return uuid, editor


def test_an_invalid_year_blocks_saving_and_says_why(window: MainWindow, qtbot: Any) -> None:
    uuid, editor = type_year(window, qtbot, "A-1", "1985-13")
    assert not editor.ui.save_button.isEnabled()
    assert editor.ui.production_date_error.isVisible()
    assert "1985-13" in editor.ui.production_date_error.text()
    assert "not a date" in editor.ui.production_date_error.text()
    assert "Production year" in editor.ui.save_button.toolTip()
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert stored_year(window.catalogue, uuid) == "1985"

    year = editor.ui.production_date_input
    year.clear()
    qtbot.keyClicks(year, "198X")
    assert editor.ui.production_date_words.text() == "some time in the 1980s"
    assert not editor.ui.production_date_error.isVisible()
    assert editor.ui.save_button.isEnabled()
    assert editor.ui.dirty_label.text()
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert stored_year(window.catalogue, uuid) == "198X"
    assert not editor.ui.dirty_label.text()


def test_undo_after_save_restores_the_record_and_redo_reapplies_it(
    window: MainWindow, qtbot: Any
) -> None:
    uuid = make_work(window.catalogue, "U-1")
    window.model_for("work").refresh()
    window.open_record("work", uuid)
    editor = window.current_editor()
    editor.ui.production_date_input.setText("1986~")
    editor.ui.running_time_input.setText("95")
    editor.save()
    assert stored_year(window.catalogue, uuid) == "1986~"
    window.update_undo_actions()
    assert window.undo_action.text() == "&Undo Edit work “Film U-1”"
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"
    assert window.redo_action.shortcut().toString() == "Ctrl+Shift+Z"

    window.list_view.setFocus()
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored_year(window.catalogue, uuid) == "1985"
    assert editor.ui.production_date_input.text() == "1985"  # the editor shows the record as it is
    assert editor.ui.running_time_input.text() == ""
    assert window.redo_action.text() == "&Redo Edit work “Film U-1”"

    press(
        qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert stored_year(window.catalogue, uuid) == "1986~"
    assert editor.ui.production_date_input.text() == "1986~"
    assert editor.ui.running_time_input.text() == "95"


def test_undo_of_a_new_work_removes_it_from_list_and_editor(window: MainWindow) -> None:
    window.new_record()
    editor = window.current_editor()
    editor.ui.identifier_input.setText("N-1")
    editor.tables["title"].add_row({"text": "새 영화", "script": "Hang"})
    assert editor.save() is not None
    assert window.model_for("work").rowCount() == 1
    window.undo()
    assert window.model_for("work").rowCount() == 0
    assert window.current_editor() is None


@pytest.fixture
def answer(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Answers the "Unsaved changes" question with what the test puts in the list; records it
    was asked. The editors' QMessageBox is replaced by a stand-in (patching the PySide class
    itself upsets its reference counts at exit)."""
    answers: list[Any] = []
    asked: list[str] = []

    class AnsweringMessageBox:
        StandardButton = QMessageBox.StandardButton

        @staticmethod
        def question(_parent: Any, _title: str, text_: str, *_args: Any, **_kwargs: Any) -> Any:
            asked.append(text_)
            return answers.pop(0)

        @staticmethod
        def warning(*_args: Any, **_kwargs: Any) -> Any:
            return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(editors_base, "QMessageBox", AnsweringMessageBox)
    return [answers, asked]


def dirty_editor(window: MainWindow) -> tuple[str, str]:
    first = make_work(window.catalogue, "D-1")
    second = make_work(window.catalogue, "D-2")
    window.model_for("work").refresh()
    window.open_record("work", first)
    window.current_editor().ui.notes_input.setPlainText("an unsaved note")
    assert window.isWindowModified()
    return first, second


def notes(catalogue: Catalogue, uuid: str) -> str | None:
    with catalogue.session() as session:
        return session.scalars(select(Work.notes).where(Work.uuid == uuid)).one()


def test_leaving_a_record_with_unsaved_edits_asks(window: MainWindow, answer: list[Any]) -> None:
    answers, asked = answer
    first, second = dirty_editor(window)
    answers.append(QMessageBox.StandardButton.Cancel)
    assert not window.open_record("work", second)
    assert asked and "unsaved changes" in asked[0]
    assert window.current_editor().uuid == first
    assert window.current_editor().ui.notes_input.toPlainText() == "an unsaved note"

    answers.append(QMessageBox.StandardButton.Save)
    window._select_row(window.model_for("work").row_of(second))
    window._list_moved(window.list_view.currentIndex(), window.model_for("work").index(0, 0))
    assert notes(window.catalogue, first) == "an unsaved note"
    assert window.current_editor().uuid == second

    window.current_editor().ui.notes_input.setPlainText("thrown away")
    answers.append(QMessageBox.StandardButton.Discard)
    assert window.open_record("work", first)
    assert notes(window.catalogue, second) is None
    assert len(asked) == 3


def test_closing_the_window_with_unsaved_edits_asks(window: MainWindow, answer: list[Any]) -> None:
    answers, asked = answer
    first, _second = dirty_editor(window)
    answers.append(QMessageBox.StandardButton.Cancel)
    assert not window.close()
    assert window.isVisible() and len(asked) == 1
    answers.append(QMessageBox.StandardButton.Save)
    assert window.close()
    assert notes(window.catalogue, first) == "an unsaved note"


def test_opening_another_catalogue_with_unsaved_edits_asks(
    window: MainWindow, answer: list[Any], empty_template: Any, tmp_path: Any
) -> None:
    answers, asked = answer
    first, _second = dirty_editor(window)
    other = tmp_path / "other.nkcat"
    other.write_bytes(empty_template.read_bytes())
    answers.append(QMessageBox.StandardButton.Cancel)
    window.open_catalogue_path(other)
    window.worker.wait()
    assert window.catalogue.path.name == "test.nkcat" and len(asked) == 1
    answers.append(QMessageBox.StandardButton.Discard)
    old = window.catalogue
    window.open_catalogue_path(other)
    window.worker.wait()
    from PySide6.QtWidgets import QApplication

    for _ in range(50):
        QApplication.processEvents()
        if window.catalogue.path == other:
            break
    assert window.catalogue.path == other
    assert notes(Catalogue.open(old.path), first) is None


def test_a_save_the_disk_refuses_keeps_the_edit_in_the_form(
    window: MainWindow, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file cannot be written (here: SQLite told to refuse writes, as a full disk or a
    read-only folder would): a plain message, nothing saved, and the typed value kept."""
    import sqlite3

    from sqlalchemy import event

    uuid, editor = type_year(window, qtbot, "A-9", "1986")
    year = editor.ui.production_date_input
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: warnings.append(text))

    def refuse_writes(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.execute("PRAGMA query_only=ON")

    event.listen(window.catalogue.engine, "connect", refuse_writes)
    try:
        assert editor.save() is None
    finally:
        event.remove(window.catalogue.engine, "connect", refuse_writes)
    assert warnings and "nothing was saved" in warnings[0]
    assert "still in the form" in warnings[0]
    assert year.text() == "1986" and editor.is_dirty()
    assert stored_year(window.catalogue, uuid) == "1985"
    assert editor.save() is not None  # once the file can be written again, the edit saves
    assert stored_year(window.catalogue, uuid) == "1986"
