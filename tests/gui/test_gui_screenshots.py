"""Screenshots of the main window and of each form on the demo catalogue, to look at.

Written to tests/gui/screenshots/ (ignored by git); the folder is printed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication
from sqlalchemy import text

from nkarchive.gui.citations import CitationDialog, Target
from nkarchive.gui.main_window import MainWindow
from nkarchive.gui.pickers import PickerDialog

FOLDER = Path(__file__).parent / "screenshots"


def shoot(widget: Any, name: str) -> Path:
    FOLDER.mkdir(exist_ok=True)
    QApplication.processEvents()
    path = FOLDER / f"{name}.png"
    assert widget.grab().save(str(path))
    assert path.stat().st_size > 10_000  # a real picture, not an empty window
    return path


def test_screenshots_of_the_main_window_and_every_form(
    demo_window: MainWindow, capsys: Any
) -> None:
    window = demo_window
    catalogue = window.catalogue
    with catalogue.engine.connect() as connection:
        # the work with the most citations, so the panel has something to show
        work = connection.execute(
            text(
                "SELECT w.uuid FROM work w JOIN title t ON t.work_id = w.id JOIN citation c ON c.title_id = t.id "
                "GROUP BY w.id ORDER BY count(*) DESC LIMIT 1"
            )
        ).scalar()
        agent = connection.execute(
            text(
                "SELECT a.uuid FROM agent a JOIN agent_name n ON n.agent_id = a.id "
                "GROUP BY a.id ORDER BY count(*) DESC LIMIT 1"
            )
        ).scalar()
        source = connection.execute(
            text(
                "SELECT s.uuid FROM source s JOIN citation c ON c.source_id = s.id "
                "GROUP BY s.id ORDER BY count(*) DESC LIMIT 1"
            )
        ).scalar()
        event = connection.execute(
            text("SELECT uuid FROM event WHERE event_type = 'festival_showing' LIMIT 1")
        ).scalar()
    shots = []
    assert window.open_record("work", work)
    editor = window.current_editor()
    shots.append(shoot(window, "main_window"))
    editor.target_field("production_date")
    shots.append(shoot(editor, "work_form"))
    for position, name in ((1, "titles"), (2, "credits"), (3, "events")):
        editor.show_page(position)
        shots.append(shoot(editor, f"work_form_{name}"))
    assert window.open_record("agent", agent)
    shots.append(shoot(window.current_editor(), "agent_form"))
    window.current_editor().show_page(1)
    shots.append(shoot(window.current_editor(), "agent_form_names"))
    assert window.open_record("source", source)
    shots.append(shoot(window.current_editor(), "source_form"))
    assert window.open_record("event", event)
    shots.append(shoot(window.current_editor(), "event_form"))
    dialog = CitationDialog(
        catalogue, Target("work", work, "production_date", "Production year"), None, window
    )
    dialog.show()
    shots.append(shoot(dialog, "citation_dialog"))
    dialog.close()
    picker = PickerDialog(catalogue, "agent", "Kim", window)
    picker.show()
    shots.append(shoot(picker, "agent_picker"))
    picker.close()
    with capsys.disabled():
        print(f"\nscreenshots in {FOLDER}: {', '.join(p.name for p in shots)}")
