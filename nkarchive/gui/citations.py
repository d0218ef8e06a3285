"""Citations in the editors: the panel listing the sources behind the selected fact, the
claims side by side where sources disagree, and the dialog that adds or edits a citation."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from nkarchive.gui.child_table import ChildModel, Row
from nkarchive.gui.fields import INVALID_SHEET, FieldBinding
from nkarchive.gui.forms.ui_citation_dialog import Ui_CitationDialog
from nkarchive.gui.pickers import Choice, PickerDialog, run_modal
from nkarchive.model import vocab
from nkarchive.store.catalogue import Catalogue

TARGETS = ("work", "title", "credit", "event", "agent", "agent_name", "manifestation", "item")
DIALOG_FIELDS = (
    "source",
    "locator_type",
    "locator",
    "excerpt",
    "excerpt_language",
    "translation",
    "claimed_value",
    "confidence",
    "preferred",
    "note",
)
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Target:
    """The fact citations are shown for: a record, and where it is one field, that field."""

    kind: str
    uuid: str
    field: str | None
    description: str
    any_field: bool = False  # a title, credit or event row: every citation of it, whatever field

    def matches(self, row: Row) -> bool:
        if row.get(self.kind) != self.uuid:
            return False
        return self.any_field or row.get("field") == self.field


def citation_model(parent: Any = None) -> ChildModel:
    return ChildModel(
        "citation",
        ["source", "locator", "claimed_value", "confidence", "preferred"],
        parent,
        headers={"claimed_value": "Claims", "preferred": "★"},
        show_marker=False,
    )


def claims(rows: list[Row]) -> dict[str, list[Row]]:
    """The distinct values the citations claim (blank claims left out), each with its citations."""
    grouped: dict[str, list[Row]] = {}
    for row in rows:
        value = (row.get("claimed_value") or "").strip()
        if value:
            key = " ".join(value.casefold().split())
            grouped.setdefault(key, []).append(row)
    return grouped


def conflict_text(rows: list[Row]) -> str | None:
    """ "Sources disagree: 1985 / 1986" when the citations claim different values, else None."""
    grouped = claims(rows)
    if len(grouped) < 2:
        return None
    values = [group[0]["claimed_value"].strip() for group in grouped.values()]
    return "Sources disagree: " + " / ".join(values)


def marker_for(
    model: ChildModel, kind: str, uuid: str, field: str | None = None, any_field: bool = False
) -> tuple[int, str | None]:
    """How many citations back the fact, and the conflict text if they disagree."""
    rows = [r for r in model.rows if r.get(kind) == uuid and (any_field or r.get("field") == field)]
    if not any_field:
        return len(rows), conflict_text(rows)
    by_field: dict[str | None, list[Row]] = {}
    for row in rows:
        by_field.setdefault(row.get("field"), []).append(row)
    conflicts = [c for c in (conflict_text(group) for group in by_field.values()) if c]
    return len(rows), (conflicts[0] if conflicts else None)


class TargetFilter(QSortFilterProxyModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.target: Target | None = None

    def set_target(self, target: Target | None) -> None:
        self.beginFilterChange()
        self.target = target
        self.endFilterChange()

    def refilter(self) -> None:
        self.beginFilterChange()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if (
            self.target is None
            or not isinstance(model, ChildModel)
            or source_row >= len(model.rows)
        ):
            return False
        return self.target.matches(model.rows[source_row])


class CitationPanel(QWidget):
    """Lists the citations of the selected fact; Add, Edit and Remove act on them."""

    add_requested = Signal()
    edit_requested = Signal(int)  # row in the citation model

    def __init__(self, model: ChildModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("citation_panel")
        self.model = model
        self.target: Target | None = None
        self.heading = QLabel("Citations", self)
        self.heading.setObjectName("citation_heading")
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: 600;")
        self.conflict = QLabel(self)
        self.conflict.setObjectName("conflict_banner")
        self.conflict.setWordWrap(True)
        self.conflict.setStyleSheet(
            "background: #fff3bf; color: #5c3c00; padding: 4px; border-radius: 3px;"
        )
        self.conflict.hide()
        self.claims_box = QWidget(self)
        self.claims_box.setObjectName("claims")
        self.claims_layout = QHBoxLayout(self.claims_box)
        self.claims_layout.setContentsMargins(0, 0, 0, 0)
        self.claims_box.hide()
        self.proxy = TargetFilter(self)
        self.proxy.setSourceModel(model)
        self.view = QTableView(self)
        self.view.setObjectName("citation_table")
        self.view.setAccessibleName("Citations of the selected fact")
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTabKeyNavigation(False)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        # The source's title is what identifies a citation: it gets the room. Locator and
        # claim are short and shown whole in the detail line below the table.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            self.view.setColumnWidth(column, 64)
        for column in (3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.view.activated.connect(lambda index: self._edit(index))
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_detail())
        self.detail = QLabel(self)
        self.detail.setObjectName("citation_detail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setStyleSheet("color: #323f4b;")
        self.add_button = QPushButton("Add citation…", self)
        self.add_button.setToolTip("Cite a source for the selected fact (Ctrl+Shift+C)")
        self.add_button.setAccessibleName("Add citation")
        self.add_button.clicked.connect(self.add_requested)
        self.edit_button = QPushButton("Edit…", self)
        self.edit_button.setAccessibleName("Edit citation")
        self.edit_button.clicked.connect(lambda: self._edit(self.view.currentIndex()))
        self.remove_button = QPushButton("Remove", self)
        self.remove_button.setAccessibleName("Remove citation")
        self.remove_button.clicked.connect(self._remove)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.conflict)
        layout.addWidget(self.claims_box)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.detail)
        layout.addLayout(buttons)
        model.changed.connect(self.refresh)
        model.modelReset.connect(self.refresh)
        self.setMinimumWidth(250)

    def set_target(self, target: Target | None) -> None:
        self.target = target
        self.proxy.set_target(target)
        self.refresh()

    def visible_rows(self) -> list[Row]:
        rows = []
        for position in range(self.proxy.rowCount()):
            source = self.proxy.mapToSource(self.proxy.index(position, 0))
            rows.append(self.model.rows[source.row()])
        return rows

    def refresh(self) -> None:
        self.proxy.refilter()
        target = self.target
        self.heading.setText(f"Citations — {target.description}" if target else "Citations")
        self.add_button.setEnabled(target is not None)
        rows = self.visible_rows()
        while self.claims_layout.count():
            item = self.claims_layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        by_field: dict[str | None, list[Row]] = {}
        for row in rows:
            by_field.setdefault(row.get("field"), []).append(row)
        conflicting = [(f, group) for f, group in by_field.items() if conflict_text(group)]
        if conflicting:
            field, group = conflicting[0]
            where = (
                f" (field: {field.replace('_', ' ')})"
                if field and target and target.any_field
                else ""
            )
            self.conflict.setText("⚠ " + (conflict_text(group) or "") + where)
            for values in claims(group).values():
                self.claims_layout.addWidget(self._claim_card(values))
        self.conflict.setVisible(bool(conflicting))
        self.claims_box.setVisible(bool(conflicting))
        self._show_detail()

    def _claim_card(self, rows: list[Row]) -> QFrame:
        card = QFrame(self.claims_box)
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setStyleSheet(
            "QFrame { background: #f8f9fa; border: 1px solid #ced4da; border-radius: 3px; }"
            "QLabel { border: none; }"
        )
        layout = QVBoxLayout(card)
        layout.setContentsMargins(6, 4, 6, 4)
        preferred = any(r.get("preferred") for r in rows)
        value = QLabel(("★ " if preferred else "") + rows[0]["claimed_value"].strip(), card)
        value.setStyleSheet("font-weight: 600;")
        layout.addWidget(value)
        for row in rows:
            confidence = vocab.CONFIDENCES.label(row.get("confidence"))
            source = QLabel(f"{row.get('source__label') or 'source'} ({confidence.lower()})", card)
            source.setWordWrap(True)
            layout.addWidget(source)
        return card

    def _show_detail(self) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            self.detail.setText("" if self.proxy.rowCount() else "No citations yet for this fact.")
            return
        row = self.model.rows[self.proxy.mapToSource(index).row()]
        parts = []
        if row.get("excerpt"):
            parts.append(f"“{row['excerpt']}”")
        if row.get("translation"):
            parts.append(f"— {row['translation']}")
        if row.get("note"):
            parts.append(f"Note: {row['note']}")
        self.detail.setText("\n".join(parts))

    def _edit(self, index: Index) -> None:
        if index.isValid():
            self.edit_requested.emit(self.proxy.mapToSource(self.proxy.index(index.row(), 0)).row())

    def _remove(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.model.remove_row(self.proxy.mapToSource(index).row())


class CitationDialog(QDialog):
    """Adds or edits one citation: the source (chosen or made here), locator, excerpt in the
    original script, translation, claimed value, confidence and preferred flag."""

    def __init__(
        self,
        catalogue: Catalogue,
        target: Target,
        values: Row | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_CitationDialog()
        self.ui.setupUi(self)
        self.setStyleSheet(INVALID_SHEET)
        self.catalogue = catalogue
        self.target = target
        self.new_records: list[tuple[str, dict[str, Any]]] = []
        self.setWindowTitle("Citation")
        self.ui.target_label.setText(f"Backs: {target.description}")
        self.bindings: dict[str, FieldBinding] = {}
        for name in DIALOG_FIELDS:
            self.bindings[name] = FieldBinding(
                "citation",
                name,
                getattr(self.ui, f"{name}_input"),
                getattr(self.ui, f"{name}_label"),
                getattr(self.ui, f"{name}_error"),
            )
        values = values or {"confidence": "probable"}
        for name, binding in self.bindings.items():
            binding.set(values.get(name), values.get(f"{name}__label"))
        self.source_label = values.get("source__label")
        for binding in self.bindings.values():
            binding.connect(self.validate)
        self.ui.source_button.clicked.connect(self.choose_source)
        self.ui.source_clear.clicked.connect(lambda: self._set_source(None, None))
        self.ok_button = self.ui.button_box.button(QDialogButtonBox.StandardButton.Ok)
        self.ui.button_box.accepted.connect(self.accept)
        self.ui.button_box.rejected.connect(self.reject)
        self.resize(560, 560)
        self.validate()
        if values.get("source") is None:
            self.ui.source_button.setFocus()
        else:
            self.ui.locator_input.setFocus()

    def choose_source(self) -> None:
        picker = PickerDialog(self.catalogue, "source", "", self)
        if run_modal(picker) and picker.choice is not None:
            self._take(picker.choice)

    def _take(self, choice: Choice) -> None:
        self.new_records.extend(choice.new_records)
        self._set_source(choice.uuid, choice.label)
        self.ui.locator_input.setFocus()

    def _set_source(self, uuid: str | None, label: str | None) -> None:
        self.source_label = label
        self.bindings["source"].set(uuid, label)
        self.validate()

    def errors(self) -> dict[str, str]:
        found = {}
        for name, binding in self.bindings.items():
            _value, message = binding.cleaned()
            binding.show_error(message)
            if message:
                found[name] = message
        return found

    def validate(self) -> None:
        self.ok_button.setEnabled(not self.errors())

    def values(self) -> Row:
        row: Row = {name: binding.cleaned()[0] for name, binding in self.bindings.items()}
        row["source__label"] = self.source_label
        return row

    def accept(self) -> None:
        if not self.errors():
            super().accept()


def open_citation_dialog(
    catalogue: Catalogue,
    target: Target,
    values: Row | None,
    parent: QWidget,
    on_accept: Callable[[Row, list[tuple[str, dict[str, Any]]]], None],
) -> bool:
    dialog = CitationDialog(catalogue, target, values, parent)
    if run_modal(dialog):
        on_accept(dialog.values(), dialog.new_records)
        return True
    return False
