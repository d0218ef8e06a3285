"""The Event form: type, EDTF date, place, venue, organiser, result, notes."""

from __future__ import annotations

from nkarchive.gui.editors.base import RecordEditor
from nkarchive.gui.fields import date_words
from nkarchive.gui.forms.ui_event_form import Ui_EventForm
from nkarchive.model import vocab


class EventEditor(RecordEditor):
    KIND = "event"
    NOUN = "event"
    FORM = Ui_EventForm
    FIELDS = (
        "event_type",
        "label_text",
        "date",
        "place",
        "country",
        "venue",
        "organiser",
        "result",
        "notes",
        "work",
    )

    def build_children(self) -> None:
        self.ui.tabs.tabBar().hide()  # one page only: the tab bar would be clutter

    def heading(self) -> str:
        name = self.bindings["label_text"].raw()
        if name:
            return str(name)
        kind = vocab.EVENT_TYPES.label(self.bindings["event_type"].raw())
        date = self.bindings["date"].raw()
        return f"{kind}, {date_words(date) or date}" if date else (kind or "New event")
