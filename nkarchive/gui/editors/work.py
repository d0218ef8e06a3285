"""The Work form: the film's own fields, and its titles, credits, events, versions and copies."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QMessageBox, QVBoxLayout, QWidget

from nkarchive.gui.child_table import Row
from nkarchive.gui.editors.base import RecordEditor
from nkarchive.gui.forms.ui_work_form import Ui_WorkForm
from nkarchive.model import vocab

ROMANIZED_SCHEMES = ("mr", "rr", "dprk")


class WorkEditor(RecordEditor):
    KIND = "work"
    NOUN = "work"
    FORM = Ui_WorkForm
    FIELDS = (
        "identifier",
        "form",
        "production_date",
        "countries",
        "languages",
        "colour",
        "sound",
        "running_time",
        "genres",
        "subjects",
        "synopsis",
        "notes",
        "record_status",
    )

    def build_children(self) -> None:
        ui = self.ui
        titles = self.add_child(
            "title",
            "work",
            ["text", "title_type", "language", "script", "scheme", "preferred"],
            "title",
            ui.titles_host,
            movable=True,
            widths={
                "text": 240,
                "title_type": 150,
                "language": 70,
                "script": 90,
                "scheme": 160,
                "preferred": 70,
            },
            headers={"title_type": "Type", "scheme": "Romanization"},
        )
        romanize = titles.add_button_for(
            "Add romanized titles", self.add_romanized_titles, "Ctrl+R"
        )
        romanize.setText("Romanize")
        self.add_child(
            "credit",
            "work",
            ["agent", "role", "character", "position", "credited_as"],
            "credit",
            ui.credits_host,
            widths={
                "agent": 210,
                "role": 150,
                "character": 130,
                "position": 55,
                "credited_as": 150,
            },
        )
        events = self.add_child(
            "event",
            "work",
            ["event_type", "date", "place", "country", "venue", "result"],
            "event",
            ui.events_host,
            widths={
                "event_type": 130,
                "date": 100,
                "place": 120,
                "country": 60,
                "venue": 120,
                "result": 120,
            },
        )
        events.add_button_for("Open event form", self.open_current_event, "Ctrl+Return")
        copies = QWidget(ui.copies_host)
        layout = QVBoxLayout(copies)
        layout.setContentsMargins(0, 0, 0, 0)
        ui.copies_host.layout().addWidget(copies)
        versions_label = QLabel("Versions (manifestations)", copies)
        versions_label.setStyleSheet("font-weight: 600;")
        layout.addWidget(versions_label)
        holder = QWidget(copies)
        holder.setLayout(QVBoxLayout())
        holder.layout().setContentsMargins(0, 0, 0, 0)
        layout.addWidget(holder, 1)
        self.add_child(
            "manifestation",
            "work",
            [
                "manifestation_type",
                "date",
                "format",
                "language_version",
                "running_time",
                "distributor",
            ],
            "version",
            holder,
            widths={
                "manifestation_type": 140,
                "date": 90,
                "format": 110,
                "language_version": 110,
                "running_time": 80,
                "distributor": 150,
            },
        )
        items_label = QLabel("Copies (items)", copies)
        items_label.setStyleSheet("font-weight: 600;")
        layout.addWidget(items_label)
        holder = QWidget(copies)
        holder.setLayout(QVBoxLayout())
        holder.layout().setContentsMargins(0, 0, 0, 0)
        layout.addWidget(holder, 1)
        self.add_child(
            "item",
            "work",
            ["carrier", "shelf_mark", "holder", "condition", "access_notes"],
            "copy",
            holder,
            widths={
                "carrier": 120,
                "shelf_mark": 120,
                "holder": 170,
                "condition": 110,
                "access_notes": 150,
            },
        )

    def new_values(self) -> dict[str, Any]:
        return {
            "form": "feature",
            "record_status": "draft",
            "countries": ["KP"],
            "languages": ["ko"],
        }

    def heading(self) -> str:
        model = self.children["title"]
        preferred = next((r for r in model.rows if r.get("preferred")), None)
        first = preferred or (model.rows[0] if model.rows else None)
        if first and first.get("text"):
            return str(first["text"])
        identifier = self.bindings["identifier"].raw()
        return identifier or ("New work" if self.is_new else "(untitled work)")

    def row_label(self, kind: str, row: Row) -> str:
        if kind == "credit":
            role = vocab.ROLES.label(row.get("role"))
            return f"{role}: {row.get('credited_as') or row.get('agent__label') or '?'}"
        if kind == "event":
            return ", ".join(
                str(p)
                for p in (
                    vocab.EVENT_TYPES.label(row.get("event_type")),
                    row.get("place"),
                    row.get("date"),
                )
                if p
            )
        if kind == "manifestation":
            return f"{vocab.MANIFESTATION_TYPES.label(row.get('manifestation_type'))} {row.get('date') or ''}".strip()
        if kind == "item":
            return f"{vocab.CARRIERS.label(row.get('carrier')) or 'copy'} {row.get('shelf_mark') or ''}".strip()
        return super().row_label(kind, row)

    def add_romanized_titles(self) -> None:
        """From the selected (or first) Hangul title, add its McCune–Reischauer, Revised and DPRK forms."""
        from nkarchive.korean import contains_hangul, romanize

        table = self.tables["title"]
        model = table.model
        position = table.current_row()
        rows = [model.rows[position]] if position >= 0 else []
        rows += [r for r in model.rows if r not in rows]
        source = next((r for r in rows if r.get("text") and contains_hangul(r["text"])), None)
        if source is None:
            QMessageBox.information(self, "No Hangul title", "Add a title written in Hangul first.")
            return
        existing = {(r.get("scheme"), r.get("text")) for r in model.rows}
        added = 0
        for scheme in ROMANIZED_SCHEMES:
            text = romanize(source["text"], scheme, kind="title")
            if (scheme, text) in existing:
                continue
            table.add_row(
                {
                    "text": text,
                    "title_type": "transliterated",
                    "language": "ko",
                    "script": "Latn",
                    "scheme": scheme,
                    "preferred": False,
                }
            )
            added += 1
        if not added:
            QMessageBox.information(
                self, "Nothing to add", "The romanized forms of this title are already here."
            )

    def open_current_event(self) -> None:
        table = self.tables["event"]
        position = table.current_row()
        if position < 0:
            return
        row = table.model.rows[position]
        if table.model.is_new(row):
            QMessageBox.information(
                self, "Save first", "Save the work before opening its new event in the event form."
            )
            return
        self.open_requested.emit("event", row["uuid"])
