"""Choosing a record to link to: a search box with matches as you type, and entries that make
a new person, organisation or source in place (created when the editor is saved)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from nkarchive.gui import lookup
from nkarchive.gui.forms.ui_picker_dialog import Ui_PickerDialog
from nkarchive.korean import contains_hangul
from nkarchive.model import vocab
from nkarchive.store.catalogue import Catalogue

CHOICE_ROLE = Qt.ItemDataRole.UserRole + 1
NOUNS = {"agent": "person or organisation", "source": "source", "work": "work"}


@dataclass
class Choice:
    """What the user picked: an existing record, or a new one to create on save."""

    uuid: str
    label: str
    new_records: list[tuple[str, dict[str, Any]]] = field(default_factory=list)


def new_agent_records(name: str, agent_type: str) -> Choice:
    import uuid as uuid_module

    agent_uuid = str(uuid_module.uuid4())
    script = "Hang" if contains_hangul(name) else "Latn"
    return Choice(
        agent_uuid,
        name,
        [
            ("agent", {"uuid": agent_uuid, "agent_type": agent_type}),
            (
                "agent_name",
                {
                    "agent": agent_uuid,
                    "name": name,
                    "name_type": "preferred",
                    "script": script,
                    "language": "ko" if script == "Hang" else None,
                    "preferred": True,
                },
            ),
        ],
    )


def run_modal(dialog: QDialog) -> bool:
    """Show a dialog and wait; afterwards the window beneath gets the keyboard back at once."""
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    owner = dialog.parentWidget()
    if owner is not None:
        owner.window().activateWindow()
    dialog.deleteLater()
    return accepted


class PickerDialog(QDialog):
    """Search as you type; Down moves into the matches; Enter chooses."""

    def __init__(
        self, catalogue: Catalogue, kind: str, initial: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_PickerDialog()
        self.ui.setupUi(self)
        self.catalogue = catalogue
        self.kind = kind
        self.choice: Choice | None = None
        self.setWindowTitle(f"Choose a {NOUNS[kind]}")
        self.ui.query_label.setText(f"&Search {NOUNS[kind]}s (any script or romanization)")
        self.ui.query_input.setAccessibleName(f"Search {NOUNS[kind]}s")
        self.model = QStandardItemModel(self)
        self.ui.results_list.setModel(self.model)
        self.ui.results_list.doubleClicked.connect(lambda _i: self.accept())
        self.ui.results_list.activated.connect(lambda _i: self.accept())
        self.timer = QTimer(self, singleShot=True, interval=120)
        self.timer.timeout.connect(self.refresh)
        self.ui.query_input.textEdited.connect(lambda _t: self.timer.start())
        self.ui.query_input.installEventFilter(self)
        self.ui.button_box.accepted.connect(self.accept)
        self.ui.button_box.rejected.connect(self.reject)
        self.resize(520, 420)
        self.ui.query_input.setText(initial)
        self.ui.query_input.setFocus()
        self.refresh()

    def eventFilter(self, watched: Any, event: Any) -> bool:
        if watched is self.ui.query_input and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                if self.timer.isActive() or self.model.rowCount() == 0:
                    self.timer.stop()
                    self.refresh()
                self.ui.results_list.setFocus()
                row = 0 if event.key() == Qt.Key.Key_Down else self.model.rowCount() - 1
                self.ui.results_list.setCurrentIndex(self.model.index(row, 0))
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.timer.stop()
                self.refresh()
                if not self.ui.results_list.currentIndex().isValid():
                    self.ui.results_list.setCurrentIndex(self.model.index(0, 0))
                self.accept()
                return True
        return super().eventFilter(watched, event)

    def refresh(self) -> None:
        query = self.ui.query_input.text().strip()
        self.model.clear()
        hits = lookup.find(self.catalogue, self.kind, query) if query else []
        for uuid, label, detail in hits:
            item = QStandardItem(f"{label}    —  {detail}" if detail else label)
            item.setData(("existing", uuid, label), CHOICE_ROLE)
            item.setEditable(False)
            self.model.appendRow(item)
        if query and self.kind == "agent":
            for agent_type, noun in (
                ("person", "person"),
                ("studio", "studio"),
                ("organisation", "organisation"),
            ):
                item = QStandardItem(f"＋ New {noun} “{query}”")
                item.setData(("new", agent_type, query), CHOICE_ROLE)
                item.setEditable(False)
                self.model.appendRow(item)
        if query and self.kind == "source":
            item = QStandardItem(f"＋ New source “{query}”…")
            item.setData(("new", "source", query), CHOICE_ROLE)
            item.setEditable(False)
            self.model.appendRow(item)
        found = len(hits)
        self.ui.hint_label.setText(
            "Type a name or title in Hangul or any romanization."
            if not query
            else f"{found} match{'es' if found != 1 else ''}. ↓ to choose, Enter to accept."
        )
        if self.model.rowCount():
            self.ui.results_list.setCurrentIndex(self.model.index(0, 0))

    def accept(self) -> None:
        index = self.ui.results_list.currentIndex()
        if not index.isValid():
            return
        what, key, label = index.data(CHOICE_ROLE)
        if what == "existing":
            self.choice = Choice(key, label)
        elif key == "source":
            dialog = NewSourceDialog(label, self)
            if not run_modal(dialog):
                return
            self.choice = dialog.choice()
        else:
            self.choice = new_agent_records(label, key)
        super().accept()


class NewSourceDialog(QDialog):
    """The least a new source needs: its title, type and class (the rest in the Source form)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New source")
        layout = QFormLayout(self)
        self.title_input = QLineEdit(title, self)
        self.title_input.setAccessibleName("Title")
        self.type_input = QComboBox(self)
        self.type_input.setAccessibleName("Type")
        for code in vocab.SOURCE_TYPES.codes():
            self.type_input.addItem(vocab.SOURCE_TYPES.label(code), code)
        self.class_input = QComboBox(self)
        self.class_input.setAccessibleName("Source class")
        self.class_input.addItem("—", None)
        for code in vocab.SOURCE_CLASSES.codes():
            self.class_input.addItem(vocab.SOURCE_CLASSES.label(code), code)
        layout.addRow("&Title", self.title_input)
        layout.addRow("T&ype", self.type_input)
        layout.addRow("&Class", self.class_input)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def accept(self) -> None:
        if self.title_input.text().strip():
            super().accept()

    def choice(self) -> Choice:
        import uuid as uuid_module

        source_uuid = str(uuid_module.uuid4())
        title = self.title_input.text().strip()
        return Choice(
            source_uuid,
            title,
            [
                (
                    "source",
                    {
                        "uuid": source_uuid,
                        "title": title,
                        "source_type": self.type_input.currentData(),
                        "source_class": self.class_input.currentData(),
                    },
                )
            ],
        )
