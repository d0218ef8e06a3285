"""A work entered from the keyboard alone (titles, a credit with a new person, an event and a
citation), saved, and found in the catalogue exactly as entered."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit
from sqlalchemy import select

from nkarchive.gui.citations import CitationDialog
from nkarchive.gui.main_window import MainWindow
from nkarchive.gui.pickers import NewSourceDialog, PickerDialog
from nkarchive.model import Citation, Credit, Event, Title, Work
from tests.gui.conftest import commit, press, typed, when_modal

Key = Qt.Key
Ctrl = Qt.KeyboardModifier.ControlModifier
Alt = Qt.KeyboardModifier.AltModifier
Shift = Qt.KeyboardModifier.ShiftModifier


def edit_cell(qtbot: Any, keys: str) -> None:
    """F2 on the current cell, type, Enter."""
    press(qtbot, Key.Key_F2)
    editor = QApplication.focusWidget()
    if isinstance(editor, QLineEdit):
        editor.selectAll()
        qtbot.keyClicks(editor, keys)
    else:
        assert isinstance(editor, QComboBox), (
            f"unexpected cell editor {editor!r} {editor.text()} {editor.window()!r}"
        )
        qtbot.keyClicks(editor, keys)  # a combo box jumps to the item starting with what is typed
    press(qtbot, Key.Key_Return)
    assert QApplication.focusWidget() is not editor


def to_column(qtbot: Any, view: Any, column: int) -> None:
    """Right arrow until the cursor is in `column` of the current row."""
    assert QApplication.focusWidget() is view, f"focus is on {QApplication.focusWidget()!r}"
    for _ in range(12):
        if view.currentIndex().column() == column:
            return
        press(qtbot, Key.Key_Right)
    raise AssertionError(f"cannot reach column {column}; at {view.currentIndex().column()}")


def test_create_a_work_from_the_keyboard_alone(window: MainWindow, qtbot: Any) -> None:
    window.list_view.setFocus()
    press(qtbot, Key.Key_N, Ctrl)
    editor = window.current_editor()
    assert editor is not None and editor.KIND == "work"
    assert QApplication.focusWidget() is editor.ui.identifier_input

    typed(qtbot, "KT-1985-001")
    press(qtbot, Key.Key_Tab)  # form: feature film, as it is
    press(qtbot, Key.Key_Tab)
    assert QApplication.focusWidget() is editor.ui.production_date_input
    typed(qtbot, "1985~")
    assert editor.ui.production_date_words.text() == "circa 1985"

    # Titles: Alt+2 shows the page; Insert adds a row and starts editing its text.
    press(qtbot, Key.Key_2, Alt)
    titles = editor.tables["title"]
    assert QApplication.focusWidget() is titles.view
    press(qtbot, Key.Key_Insert)
    typed(qtbot, "불가사리")
    press(qtbot, Key.Key_Return)
    for column, keys in ((2, "ko"), (3, "Hang")):  # language, script
        to_column(qtbot, titles.view, column)
        edit_cell(qtbot, keys)
    to_column(qtbot, titles.view, 5)
    press(qtbot, Key.Key_Space)  # preferred
    press(qtbot, Key.Key_R, Ctrl)  # Add romanized titles
    assert [r["text"] for r in titles.model.rows] == [
        "불가사리",
        "Pulgasari",
        "Bulgasari",
        "Pulgasari",
    ]

    # A credit for a person who is not in the catalogue yet, made in place.
    press(qtbot, Key.Key_3, Alt)
    credits = editor.tables["credit"]

    def choose_new_person(dialog: PickerDialog) -> None:
        commit(dialog.ui.query_input, "신상옥")
        qtbot.keyClick(dialog.ui.query_input, Key.Key_Down)
        # the first entry is "New person “신상옥”" (nobody matches in an empty catalogue)
        assert "New person" in dialog.ui.results_list.currentIndex().data()
        qtbot.keyClick(dialog.ui.results_list, Key.Key_Return)

    when_modal(PickerDialog, choose_new_person)
    press(qtbot, Key.Key_Insert)
    assert credits.model.rows[0]["agent__label"] == "신상옥"
    to_column(qtbot, credits.view, 1)
    edit_cell(qtbot, "Dir")  # role: Director
    to_column(qtbot, credits.view, 4)
    edit_cell(qtbot, "Shin Sang-ok")  # name as credited

    # An event, and a citation for it with a new source.
    press(qtbot, Key.Key_4, Alt)
    events = editor.tables["event"]
    press(qtbot, Key.Key_Insert)  # starts editing the type
    typed(qtbot, "Festival")  # the first type starting so: Festival showing
    press(qtbot, Key.Key_Return)
    to_column(qtbot, events.view, 1)
    edit_cell(qtbot, "1986-07")
    to_column(qtbot, events.view, 2)
    edit_cell(qtbot, "Karlovy Vary")

    def cite(dialog: CitationDialog) -> None:
        def new_source(picker: PickerDialog) -> None:
            qtbot.keyClicks(picker.ui.query_input, "Rodong Sinmun")
            qtbot.keyClick(picker.ui.query_input, Key.Key_Return)  # the only entry: New source…

        when_modal(PickerDialog, new_source)
        when_modal(NewSourceDialog, lambda d: qtbot.keyClick(d.title_input, Key.Key_Return))
        qtbot.keyClick(dialog.ui.source_button, Key.Key_Space)
        assert dialog.ui.source_input.text() == "Rodong Sinmun"
        QApplication.processEvents()
        focus = QApplication.focusWidget()
        assert focus is dialog.ui.locator_input
        qtbot.keyClicks(focus, "p. 4")
        qtbot.keyClick(focus, Key.Key_Tab)
        commit(QApplication.focusWidget(), "카를로비바리 국제영화축전에서 상영")
        qtbot.keyClick(QApplication.focusWidget(), Key.Key_Tab)
        qtbot.keyClicks(QApplication.focusWidget(), "ko")
        qtbot.keyClick(QApplication.focusWidget(), Key.Key_Tab)
        qtbot.keyClicks(QApplication.focusWidget(), "Shown at the Karlovy Vary festival")
        qtbot.keyClick(QApplication.focusWidget(), Key.Key_Tab)
        qtbot.keyClicks(QApplication.focusWidget(), "1986-07")
        qtbot.keyClick(QApplication.focusWidget(), Key.Key_Return)

    when_modal(CitationDialog, cite)
    qtbot.keyClick(events.view, Key.Key_C, Ctrl | Shift)
    assert len(editor.citations.rows) == 1
    assert "1" in events.model.data(events.model.index(0, len(events.model.columns) - 1))

    assert editor.ui.save_button.isEnabled()
    press(qtbot, Key.Key_S, Ctrl)
    assert not editor.is_dirty()
    assert window.model_for("work").rowCount() == 1

    with window.catalogue.session() as session:
        work = session.scalars(select(Work)).one()
        assert (work.identifier, work.form, work.production_date) == (
            "KT-1985-001",
            "feature",
            "1985~",
        )
        assert (
            work.production_date_lower == "1984-01-01" or work.production_date_lower <= "1985-01-01"
        )
        titles_saved = session.scalars(select(Title).order_by(Title.position)).all()
        assert [
            (t.text, t.title_type, t.language, t.script, t.scheme, t.preferred)
            for t in titles_saved
        ] == [
            ("불가사리", "original", "ko", "Hang", None, True),
            ("Pulgasari", "transliterated", "ko", "Latn", "mr", False),
            ("Bulgasari", "transliterated", "ko", "Latn", "rr", False),
            ("Pulgasari", "transliterated", "ko", "Latn", "dprk", False),
        ]
        credit = session.scalars(select(Credit)).one()
        assert (credit.role, credit.credited_as, credit.agent.label(), credit.agent.agent_type) == (
            "director",
            "Shin Sang-ok",
            "신상옥",
            "person",
        )
        event = session.scalars(select(Event)).one()
        assert (event.event_type, event.date, event.place, event.work_id) == (
            "festival_showing",
            "1986-07",
            "Karlovy Vary",
            work.id,
        )
        citation = session.scalars(select(Citation)).one()
        assert citation.event_id == event.id
        assert (
            citation.source.title,
            citation.locator,
            citation.excerpt,
            citation.excerpt_language,
            citation.translation,
            citation.claimed_value,
            citation.confidence,
        ) == (
            "Rodong Sinmun",
            "p. 4",
            "카를로비바리 국제영화축전에서 상영",
            "ko",
            "Shown at the Karlovy Vary festival",
            "1986-07",
            "probable",
        )
