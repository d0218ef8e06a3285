"""Tables of a record's dependants (titles, credits, names, …) edited in place until Save.

The model holds the rows as field dicts; it validates every cell with the operation layer's
field specs, marks what is wrong, and knows which rows were added, changed or removed.
"""

from __future__ import annotations

import copy
import uuid as uuid_module
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from nkarchive.ops.fields import SPEC_BY_NAME, FieldSpec, clean_value, cross_field_errors

Index = QModelIndex | QPersistentModelIndex
Row = dict[str, Any]
ERROR_BRUSH = QBrush(QColor("#ffd6de"))
MARKER = "sources"  # the virtual column showing how many citations back a row
UUID_ROLE = Qt.ItemDataRole.UserRole + 1


def cleaned_row(kind: str, row: Row, fields: list[str]) -> tuple[dict[str, Any], dict[str, str]]:
    """The row's values as they would be stored, and a message per field that is wrong."""
    values: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for name in fields:
        spec = SPEC_BY_NAME[kind][name]
        value, error = clean_value(spec, row.get(name))
        if error:
            errors[name] = error.message
        values[name] = value
    merged = {SPEC_BY_NAME[kind][n].column: v for n, v in values.items()}
    for error in cross_field_errors(kind, merged):
        errors.setdefault(error.field, error.message)
    return values, errors


class ChildModel(QAbstractTableModel):
    """The rows of one kind of dependant, in order."""

    changed = Signal()

    def __init__(
        self,
        kind: str,
        columns: list[str],
        parent: Any = None,
        *,
        fixed: tuple[str, ...] = (),
        headers: dict[str, str] | None = None,
        show_marker: bool = True,
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self.specs: dict[str, FieldSpec] = SPEC_BY_NAME[kind]
        self.columns = [*columns, *([MARKER] if show_marker else [])]
        # Fields filled in at save time (the parent), not edited here.
        self.fixed = fixed
        self.headers = headers or {}
        self.read_only: tuple[str, ...] = ()  # fields shown but not edited in the table
        self.rows: list[Row] = []
        self.original: dict[str, Row] = {}
        self.errors: list[dict[str, str]] = []
        self.marker: Callable[[str], tuple[int, str | None]] = lambda _uuid: (0, None)

    # -- loading and state -----------------------------------------------------------------------

    def load(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self.rows = [dict(r) for r in rows]
        self.original = {r["uuid"]: copy.deepcopy(r) for r in rows}
        self._validate_all()
        self.endResetModel()

    def edit_fields(self) -> list[str]:
        """Every field the operation layer is given for a row (all but the fixed parent)."""
        return [n for n in self.specs if n not in self.fixed]

    def _validate_all(self) -> None:
        self.errors = [cleaned_row(self.kind, r, self.edit_fields())[1] for r in self.rows]

    def _validate(self, position: int) -> None:
        self.errors[position] = cleaned_row(self.kind, self.rows[position], self.edit_fields())[1]

    def error_messages(self) -> list[str]:
        noun = self.kind.replace("_", " ")
        messages = []
        for position, errors in enumerate(self.errors):
            for name, message in errors.items():
                label = self.specs[name].label if name in self.specs else name
                messages.append(f"{noun} {position + 1}, {label}: {message}")
        return messages

    def is_valid(self) -> bool:
        return not any(self.errors)

    def removed_uuids(self) -> list[str]:
        present = {r["uuid"] for r in self.rows}
        return [u for u in self.original if u not in present]

    def is_new(self, row: Row) -> bool:
        return row["uuid"] not in self.original

    def changed_values(self, row: Row) -> dict[str, Any]:
        """For an existing row: the fields whose stored values would change."""
        before = self.original[row["uuid"]]
        values, _ = cleaned_row(self.kind, row, self.edit_fields())
        old, _ = cleaned_row(self.kind, before, self.edit_fields())
        return {k: v for k, v in values.items() if v != old.get(k)}

    def is_dirty(self) -> bool:
        if self.removed_uuids():
            return True
        for position, row in enumerate(self.rows):
            if self.is_new(row):
                return True
            ordered = "position" in self.specs and "position" not in self.columns
            if ordered and self.original[row["uuid"]].get("position") != position:
                return True
            if self.changed_values(row):
                return True
        return False

    # -- editing -------------------------------------------------------------------------------

    def add_row(self, values: Row | None = None) -> int:
        row: Row = {"uuid": str(uuid_module.uuid4())}
        for name, spec in self.specs.items():
            if name in self.fixed:
                continue
            if spec.type == "vocab" and spec.required and spec.vocab is not None:
                row[name] = spec.vocab.codes()[0]
            elif spec.type == "bool":
                row[name] = False
            elif name == "position":
                row[name] = len(self.rows) + 1
            else:
                row[name] = None
        row.update(values or {})
        position = len(self.rows)
        self.beginInsertRows(QModelIndex(), position, position)
        self.rows.append(row)
        self.errors.append({})
        self._validate(position)
        self.endInsertRows()
        self.changed.emit()
        return position

    def remove_row(self, position: int) -> Row:
        self.beginRemoveRows(QModelIndex(), position, position)
        row = self.rows.pop(position)
        self.errors.pop(position)
        self.endRemoveRows()
        self.changed.emit()
        return row

    def move_row(self, position: int, step: int) -> int:
        target = position + step
        if not (0 <= position < len(self.rows) and 0 <= target < len(self.rows)):
            return position
        self.beginMoveRows(
            QModelIndex(), position, position, QModelIndex(), target + 1 if step > 0 else target
        )
        self.rows.insert(target, self.rows.pop(position))
        self.errors.insert(target, self.errors.pop(position))
        self.endMoveRows()
        self.changed.emit()
        return target

    def set_field(self, position: int, name: str, value: Any, label: str | None = None) -> None:
        row = self.rows[position]
        row[name] = value
        if label is not None:
            row[f"{name}__label"] = label
        self._validate(position)
        self.dataChanged.emit(self.index(position, 0), self.index(position, self.columnCount() - 1))
        self.changed.emit()

    def refresh_markers(self) -> None:
        if MARKER in self.columns and self.rows:
            column = self.columns.index(MARKER)
            self.dataChanged.emit(self.index(0, column), self.index(len(self.rows) - 1, column))

    def spec_at(self, column: int) -> FieldSpec | None:
        name = self.columns[column]
        return self.specs.get(name)

    # -- Qt model --------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        name = self.columns[section]
        if name == MARKER:
            return "Sources"
        return self.headers.get(name, self.specs[name].label)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        spec = self.spec_at(index.column())
        if spec is None:
            return flags
        if spec.type == "bool":
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        if spec.type != "ref" and spec.name not in self.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        name = self.columns[index.column()]
        if role == UUID_ROLE:
            return row["uuid"]
        if name == MARKER:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                count, conflict = self.marker(row["uuid"])
                if role == Qt.ItemDataRole.ToolTipRole:
                    return conflict or (f"{count} citation(s)" if count else "no citations yet")
                return (f"{count} ⚠" if conflict else str(count)) if count else ""
            return None
        spec = self.specs[name]
        value = row.get(name)
        error = self.errors[index.row()].get(name) if index.row() < len(self.errors) else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(spec, row, value)
        if role == Qt.ItemDataRole.EditRole:
            if isinstance(value, list):
                return ", ".join(value)
            return value if spec.type == "vocab" else ("" if value is None else str(value))
        if role == Qt.ItemDataRole.CheckStateRole and spec.type == "bool":
            return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.BackgroundRole and error:
            return ERROR_BRUSH
        if role == Qt.ItemDataRole.ToolTipRole:
            return error or self._display(spec, row, value) or None
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and error:
            return error
        return None

    @staticmethod
    def _display(spec: FieldSpec, row: Row, value: Any) -> Any:
        if spec.type == "bool":
            return None
        if value is None or value == "":
            return "" if not (spec.type == "ref" and spec.required) else "(choose…)"
        if spec.type == "vocab" and spec.vocab is not None:
            return spec.vocab.label(value)
        if spec.type == "ref":
            return row.get(f"{spec.name}__label") or value
        if isinstance(value, list):
            return ", ".join(value)
        return str(value)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        spec = self.spec_at(index.column())
        if spec is None:
            return False
        if role == Qt.ItemDataRole.CheckStateRole and spec.type == "bool":
            checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
            self.set_field(index.row(), spec.name, checked)
            return True
        if role != Qt.ItemDataRole.EditRole or spec.type in ("ref", "bool"):
            return False
        if isinstance(value, str) and spec.type != "text":
            value = value.strip()
        if value == "":
            value = None
        self.set_field(index.row(), spec.name, value)
        return True


class ChildDelegate(QStyledItemDelegate):
    """Vocabulary cells are edited with a list of their labels; the rest with a line."""

    def createEditor(self, parent: QWidget, option: Any, index: Index) -> QWidget:
        model = index.model()
        spec = model.spec_at(index.column()) if isinstance(model, ChildModel) else None
        if spec is not None and spec.type == "vocab" and spec.vocab is not None:
            combo = QComboBox(parent)
            combo.setAccessibleName(spec.label)
            if not spec.required:
                combo.addItem("—", None)
            for code in spec.vocab.codes():
                combo.addItem(spec.vocab.label(code), code)
            return combo
        editor = super().createEditor(parent, option, index)
        if spec is not None:
            editor.setAccessibleName(spec.label)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)


class ChildTableView(QTableView):
    """A table whose record-reference cells open a picker instead of a line editor."""

    pick_requested = Signal(int, str)  # row, field

    def edit(self, index: Index, trigger: QAbstractItemView.EditTrigger, event: Any) -> bool:  # type: ignore[override]
        model = self.model()
        if isinstance(model, ChildModel) and index.isValid():
            spec = model.spec_at(index.column())
            if (
                spec is not None
                and spec.type == "ref"
                and trigger
                in (
                    QAbstractItemView.EditTrigger.EditKeyPressed,
                    QAbstractItemView.EditTrigger.DoubleClicked,
                    QAbstractItemView.EditTrigger.AnyKeyPressed,
                )
            ):
                self.pick_requested.emit(index.row(), spec.name)
                return False
        return super().edit(index, trigger, event)


class ChildTable(QWidget):
    """A titled table with Add, Remove and Move buttons, and the messages of its invalid cells."""

    current_row_changed = Signal(int)

    def __init__(
        self,
        model: ChildModel,
        noun: str,
        parent: QWidget | None = None,
        *,
        movable: bool = False,
        widths: dict[str, int] | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.noun = noun
        self.setObjectName(f"{model.kind}_table_box")
        self.view = ChildTableView(self)
        self.view.setObjectName(f"{model.kind}_table")
        self.view.setAccessibleName(noun.capitalize())
        self.view.setModel(model)
        self.view.setItemDelegate(ChildDelegate(self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.view.setTabKeyNavigation(False)  # Tab leaves the table: the buttons come next
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 10)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, name in enumerate(model.columns):
            self.view.setColumnWidth(
                column, (widths or {}).get(name, 60 if name == "sources" else 130)
            )
        self.view.selectionModel().currentRowChanged.connect(
            lambda current, _prev: self.current_row_changed.emit(current.row())
        )

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        self.add_button = self._button(f"Add {noun}", "Insert", self.add_row)
        self.remove_button = self._button("Remove", "Delete", self.remove_current)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        if movable:
            for arrow, text, keys, step in (
                ("↑", "Move up", "Ctrl+Up", -1),
                ("↓", "Move down", "Ctrl+Down", 1),
            ):
                button = self._button(text, keys, lambda s=step: self.move_current(s))
                button.setText(arrow)
                button.setMaximumWidth(36)
                buttons.addWidget(button)
        self.extra_buttons = buttons
        buttons.addStretch(1)
        self.errors = QLabel(self)
        self.errors.setObjectName(f"{model.kind}_errors")
        self.errors.setStyleSheet("color: #a4161a;")
        self.errors.setWordWrap(True)
        self.errors.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.errors)
        layout.addLayout(buttons)
        model.changed.connect(self.show_errors)
        model.modelReset.connect(self.show_errors)

    def _button(self, text: str, shortcut: str, slot: Callable[[], Any]) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(
            f"{text} ({self.noun})" if text in ("Remove", "Move up", "Move down") else text
        )
        button.setToolTip(f"{text} ({shortcut} in the table)")
        button.clicked.connect(slot)
        action = QAction(text, self.view)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(slot)
        self.view.addAction(action)
        return button

    def add_button_for(
        self, text: str, slot: Callable[[], Any], shortcut: str | None = None
    ) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(text)
        button.clicked.connect(slot)
        if shortcut:
            button.setToolTip(f"{text} ({shortcut} in the table)")
            action = QAction(text, self.view)
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(slot)
            self.view.addAction(action)
        self.extra_buttons.insertWidget(self.extra_buttons.count() - 1, button)
        return button

    def current_row(self) -> int:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else -1

    def add_row(self, values: Row | None = None) -> int:
        position = self.model.add_row(values if isinstance(values, dict) else None)
        first = next((c for c, n in enumerate(self.model.columns) if n in self.model.specs), 0)
        index = self.model.index(position, first)
        self.view.setFocus()
        self.view.setCurrentIndex(index)
        if not isinstance(values, dict):
            self.view.edit(index, QAbstractItemView.EditTrigger.EditKeyPressed, None)
        return position

    def remove_current(self) -> None:
        position = self.current_row()
        if position >= 0:
            self.model.remove_row(position)
            if self.model.rows:
                self.view.setCurrentIndex(
                    self.model.index(min(position, len(self.model.rows) - 1), 0)
                )

    def move_current(self, step: int) -> None:
        position = self.current_row()
        if position >= 0:
            target = self.model.move_row(position, step)
            self.view.setCurrentIndex(self.model.index(target, self.view.currentIndex().column()))

    def show_errors(self) -> None:
        messages = self.model.error_messages()
        self.errors.setText("\n".join(messages[:4]) + ("\n…" if len(messages) > 4 else ""))
        self.errors.setVisible(bool(messages))
