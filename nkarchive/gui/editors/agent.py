"""The form for a person or organisation: name variants, dates, honours, identifiers, notes."""

from __future__ import annotations

from nkarchive.gui.editors.base import RecordEditor
from nkarchive.gui.forms.ui_agent_form import Ui_AgentForm


class AgentEditor(RecordEditor):
    KIND = "agent"
    NOUN = "person or organisation"
    FORM = Ui_AgentForm
    FIELDS = ("agent_type", "dates", "notes")

    def build_children(self) -> None:
        self.add_child(
            "agent_name",
            "agent",
            [
                "name",
                "name_type",
                "language",
                "script",
                "scheme",
                "used_from",
                "used_to",
                "preferred",
            ],
            "name",
            self.ui.names_host,
            movable=True,
            widths={
                "name": 190,
                "name_type": 120,
                "language": 70,
                "script": 80,
                "scheme": 150,
                "used_from": 80,
                "used_to": 80,
                "preferred": 70,
            },
            headers={"name_type": "Type", "scheme": "Romanization"},
        )
        self.add_child(
            "agent_honour",
            "agent",
            ["honour", "date", "notes"],
            "honour",
            self.ui.honours_host,
            widths={"honour": 260, "date": 110, "notes": 200},
        )
        self.add_child(
            "agent_identifier",
            "agent",
            ["authority", "value"],
            "identifier",
            self.ui.identifiers_host,
            widths={"authority": 140, "value": 260},
        )
        self.ui.tabs.setCurrentIndex(0)

    def heading(self) -> str:
        rows = self.children["agent_name"].rows
        preferred = next((r for r in rows if r.get("preferred")), rows[0] if rows else None)
        if preferred and preferred.get("name"):
            return str(preferred["name"])
        return "New person or organisation" if self.is_new else "(unnamed)"
