"""What every record editor shares: fields bound to the operation layer's specs, validation as
you type, dependants edited in tables, citations, a dirty marker, and Save as one operation."""

from __future__ import annotations

import copy
import uuid as uuid_module
from typing import Any, ClassVar

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from nkarchive import ops
from nkarchive.gui.child_table import ChildModel, ChildTable, Row, cleaned_row
from nkarchive.gui.citations import (
    CitationPanel,
    Target,
    citation_model,
    marker_for,
    open_citation_dialog,
)
from nkarchive.gui.fields import INVALID_SHEET, FieldBinding
from nkarchive.gui.pickers import Choice, PickerDialog, run_modal
from nkarchive.gui.records import CITABLE_KINDS, load_children, load_citations, load_record
from nkarchive.ops.fields import SPEC_BY_NAME
from nkarchive.store.catalogue import Catalogue
from nkarchive.store.errors import CatalogueError

HEADING_STYLE = "font-size: 15pt; font-weight: 600;"
DIRTY_STYLE = "color: #b35c00; font-weight: 600;"


class RecordEditor(QWidget):
    """Subclasses name their kind, form class, bound fields and dependant tables."""

    KIND: ClassVar[str]
    NOUN: ClassVar[str]
    FORM: ClassVar[type]
    FIELDS: ClassVar[tuple[str, ...]]

    dirty_changed = Signal(bool)
    saved = Signal(object)  # the OpResult
    open_requested = Signal(str, str)  # kind, uuid

    def __init__(self, catalogue: Catalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self.ui = self.FORM()
        self.ui.setupUi(self)
        self.setObjectName(f"{self.KIND}_editor")
        self.setStyleSheet(INVALID_SHEET)
        self.uuid: str | None = None
        self.is_new = False
        self.original: dict[str, Any] = {}
        self.loaded: Row = {}
        self.pending: list[tuple[str, dict[str, Any]]] = []
        self._loading = False
        self._was_dirty = False
        self.ui.heading_label.setStyleSheet(HEADING_STYLE)
        self.ui.dirty_label.setStyleSheet(DIRTY_STYLE)
        self.bindings: dict[str, FieldBinding] = {}
        for name in self.FIELDS:
            self.bindings[name] = FieldBinding(
                self.KIND,
                name,
                getattr(self.ui, f"{name}_input"),
                getattr(self.ui, f"{name}_label", None),
                getattr(self.ui, f"{name}_error", None),
                getattr(self.ui, f"{name}_words", None),
            )
            self.bindings[name].widget.installEventFilter(self)
        self.citations = citation_model(self)
        self.panel = CitationPanel(self.citations, self.ui.citations_host)
        self.ui.citations_host.layout().addWidget(self.panel)
        self.panel.add_requested.connect(self.add_citation)
        self.panel.edit_requested.connect(self.edit_citation)
        self.children: dict[str, ChildModel] = {}
        self.tables: dict[str, ChildTable] = {}
        self.parent_field: dict[str, str] = {}
        self.build_children()
        for binding in self.bindings.values():
            binding.connect(self.on_changed)
            if binding.spec.type == "ref":
                button = getattr(self.ui, f"{binding.name}_button", None)
                clear = getattr(self.ui, f"{binding.name}_clear", None)
                if button is not None:
                    button.clicked.connect(lambda _=False, b=binding: self.pick_field(b))
                if clear is not None:
                    clear.clicked.connect(lambda _=False, b=binding: self.set_ref(b, None, None))
        self.citations.changed.connect(self.on_changed)
        self.citations.changed.connect(self.refresh_markers)
        self.ui.save_button.clicked.connect(self.save)
        self.ui.revert_button.clicked.connect(self.revert)
        self._shortcut("Save", "Ctrl+S", self.save)
        self._shortcut("Revert", "Ctrl+Shift+R", self.revert)
        self._shortcut("Add citation", "Ctrl+Shift+C", self.add_citation)
        for position in range(self.ui.tabs.count()):
            self._shortcut(
                f"Show {self.ui.tabs.tabText(position)}",
                f"Alt+{position + 1}",
                lambda _checked=False, p=position: self.show_page(p),
            )
            self.ui.tabs.setTabToolTip(position, f"Alt+{position + 1}")
        self.ui.body_splitter.setStretchFactor(0, 3)  # the form; citations need room for sources
        self.ui.body_splitter.setStretchFactor(1, 2)
        self.ui.body_splitter.setSizes([600, 400])
        self.setEnabled(False)

    def _shortcut(self, text: str, keys: str, slot: Any) -> None:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)

    def show_page(self, position: int) -> None:
        """Show a tab and put the cursor in it: the first field, or the page's first table."""
        self.ui.tabs.setCurrentIndex(position)
        page = self.ui.tabs.widget(position)
        for table in self.tables.values():
            if page.isAncestorOf(table):
                table.view.setFocus()
                if table.current_row() < 0 and table.model.rows:
                    table.view.setCurrentIndex(table.model.index(0, 0))
                return
        self.bindings[self.FIELDS[0]].widget.setFocus()

    # -- subclass hooks ----------------------------------------------------------------------------

    def build_children(self) -> None:
        """Make the dependant tables (add_child); the default has none."""

    def heading(self) -> str:
        return self.NOUN.capitalize()

    def new_values(self) -> dict[str, Any]:
        """Field values a new record starts with."""
        return {}

    def after_load(self) -> None:
        """Adjust the form to the loaded record (e.g. the fields a source type uses)."""

    def row_label(self, kind: str, row: Row) -> str:
        return str(row.get("text") or row.get("name") or kind.replace("_", " "))

    # -- dependants ----------------------------------------------------------------------------

    def add_child(
        self,
        kind: str,
        parent_field: str,
        columns: list[str],
        noun: str,
        host: QWidget,
        *,
        movable: bool = False,
        widths: dict[str, int] | None = None,
        headers: dict[str, str] | None = None,
        read_only: tuple[str, ...] = (),
    ) -> ChildTable:
        model = ChildModel(
            kind,
            columns,
            self,
            fixed=(parent_field,),
            headers=headers,
            show_marker=kind in CITABLE_KINDS,
        )
        model.read_only = read_only
        model.marker = lambda uuid, k=kind: marker_for(self.citations, k, uuid, any_field=True)
        table = ChildTable(model, noun, host, movable=movable, widths=widths)
        host.layout().addWidget(table)
        self.children[kind] = model
        self.tables[kind] = table
        self.parent_field[kind] = parent_field
        model.changed.connect(self.on_changed)
        model.rowsAboutToBeRemoved.connect(
            lambda _p, first, last, k=kind: self._drop_citations_of(k, first, last)
        )
        table.view.pick_requested.connect(lambda row, name, k=kind: self.pick_cell(k, row, name))
        table.current_row_changed.connect(lambda row, k=kind: self.target_row(k, row))
        table.view.installEventFilter(self)
        return table

    def _drop_citations_of(self, kind: str, first: int, last: int) -> None:
        uuids = {self.children[kind].rows[i]["uuid"] for i in range(first, last + 1)}
        for position in reversed(range(len(self.citations.rows))):
            if self.citations.rows[position].get(kind) in uuids:
                self.citations.remove_row(position)

    # -- loading -------------------------------------------------------------------------------

    def load(self, uuid: str) -> bool:
        """Show the stored record; False if it is not in the catalogue (any more)."""
        with self.catalogue.engine.connect() as connection:
            record = load_record(connection, self.KIND, uuid)
            if record is None:
                return False
            children = load_children(connection, self.KIND, record["id"])
            citations = load_citations(connection, self.KIND, record["id"], children)
        self._show(record, children, citations, is_new=False)
        return True

    def new(self, values: dict[str, Any] | None = None) -> None:
        record: Row = {"uuid": str(uuid_module.uuid4())}
        for name in self.FIELDS:
            spec = SPEC_BY_NAME[self.KIND][name]
            default: Any = None
            if spec.type == "vocab" and spec.required and spec.vocab is not None:
                default = spec.vocab.codes()[0]
            elif spec.type == "list":
                default = []
            record[name] = default
        record.update(self.new_values())
        record.update(values or {})
        self._show(record, {kind: [] for kind in self.children}, [], is_new=True)
        first = self.bindings[self.FIELDS[0]].widget
        first.setFocus()

    def _show(
        self, record: Row, children: dict[str, list[Row]], citations: list[Row], *, is_new: bool
    ) -> None:
        self._loading = True
        try:
            self.uuid = record["uuid"]
            self.is_new = is_new
            self.loaded = record
            self.pending = []
            for name, binding in self.bindings.items():
                binding.set(record.get(name), record.get(f"{name}__label"))
            self.original = {name: b.cleaned()[0] for name, b in self.bindings.items()}
            for kind, model in self.children.items():
                model.load(children.get(kind, []))
            self.citations.load(citations)
            self.after_load()
        finally:
            self._loading = False
        self.setEnabled(True)
        self.ui.tabs.setCurrentIndex(0)
        self.target_record()
        self.refresh_markers()
        self.on_changed()

    def revert(self) -> None:
        if self.uuid is None:
            return
        if self.is_new:
            self.new()
        else:
            self.load(self.uuid)

    def clear(self) -> None:
        """Show nothing (the record was deleted, or none is chosen)."""
        self.uuid = None
        self.is_new = False
        self._loading = True
        for binding in self.bindings.values():
            binding.set(None)
            binding.show_error(None)
        for model in self.children.values():
            model.load([])
        self.citations.load([])
        self._loading = False
        self.original = {}
        self.ui.heading_label.setText("")
        self.ui.dirty_label.setText("")
        self.setEnabled(False)
        self._set_dirty(False)

    # -- state -----------------------------------------------------------------------------------

    def field_errors(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        values: dict[str, Any] = {}
        for name, binding in self.bindings.items():
            value, message = binding.cleaned()
            values[binding.spec.column] = value
            if message:
                errors[name] = message
        from nkarchive.ops.fields import cross_field_errors

        for error in cross_field_errors(self.KIND, values):
            if error.field in self.bindings:
                errors.setdefault(error.field, error.message)
        return errors

    def errors(self) -> list[str]:
        messages = [f"{self.bindings[n].spec.label}: {m}" for n, m in self.field_errors().items()]
        for model in [*self.children.values(), self.citations]:
            messages.extend(model.error_messages())
        return messages

    def is_dirty(self) -> bool:
        if self.uuid is None:
            return False
        if self.is_new:
            return True
        for name, binding in self.bindings.items():
            value, message = binding.cleaned()
            if message or value != self.original.get(name):
                return True
        return any(model.is_dirty() for model in [*self.children.values(), self.citations])

    def on_changed(self) -> None:
        if self._loading or self.uuid is None:
            return
        field_errors = self.field_errors()
        for name, binding in self.bindings.items():
            binding.show_error(field_errors.get(name))
            binding.show_words()
        errors = self.errors()
        dirty = self.is_dirty()
        self.ui.heading_label.setText(self.heading())
        self.ui.dirty_label.setText(
            ("● new, not saved yet" if self.is_new else "● unsaved changes") if dirty else ""
        )
        self.ui.save_button.setEnabled(dirty and not errors)
        self.ui.save_button.setToolTip(
            "Cannot save: " + "; ".join(errors[:3]) if errors else "Save this record (Ctrl+S)"
        )
        self.ui.revert_button.setEnabled(dirty)
        self._set_dirty(dirty)

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._was_dirty:
            self._was_dirty = dirty
            self.dirty_changed.emit(dirty)

    # -- citations -------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and self.uuid is not None:
            for name, binding in self.bindings.items():
                if binding.widget is watched:
                    self.target_field(name)
                    break
            else:
                for kind, table in self.tables.items():
                    if table.view is watched:
                        self.target_row(kind, table.current_row())
        return super().eventFilter(watched, event)

    def target_record(self) -> None:
        if self.uuid is not None:
            self.panel.set_target(
                Target(
                    self.KIND, self.uuid, None, f"this {self.NOUN} (all its fields)", any_field=True
                )
            )

    def target_field(self, name: str) -> None:
        if self.uuid is not None:
            self.panel.set_target(
                Target(self.KIND, self.uuid, name, self.bindings[name].spec.label)
            )

    def target_row(self, kind: str, row: int) -> None:
        model = self.children[kind]
        if kind not in CITABLE_KINDS or not 0 <= row < len(model.rows):
            return
        label = self.row_label(kind, model.rows[row])
        self.panel.set_target(
            Target(
                kind,
                model.rows[row]["uuid"],
                None,
                f"{kind.replace('_', ' ')} “{label}”",
                any_field=True,
            )
        )

    def add_citation(self) -> None:
        target = self.panel.target
        if target is None:
            return

        def accepted(values: Row, new_records: list[tuple[str, dict[str, Any]]]) -> None:
            self.pending.extend(new_records)
            values.update({target.kind: target.uuid, "field": target.field})
            self.citations.add_row(values)
            self.panel.set_target(target)

        open_citation_dialog(self.catalogue, target, None, self, accepted)

    def edit_citation(self, position: int) -> None:
        row = self.citations.rows[position]
        target = self.panel.target or Target(self.KIND, self.uuid or "", row.get("field"), "")

        def accepted(values: Row, new_records: list[tuple[str, dict[str, Any]]]) -> None:
            self.pending.extend(new_records)
            for name, value in values.items():
                self.citations.rows[position][name] = value
            self.citations.set_field(
                position, "source", values["source"], values.get("source__label")
            )

        open_citation_dialog(self.catalogue, target, copy.deepcopy(row), self, accepted)

    def refresh_markers(self) -> None:
        if self.uuid is None:
            return
        for name, binding in self.bindings.items():
            count, conflict = marker_for(self.citations, self.KIND, self.uuid, name)
            binding.show_marker(count, conflict)
        for model in self.children.values():
            model.refresh_markers()

    # -- choosing linked records -------------------------------------------------------------------

    def pick(self, kind: str, initial: str = "") -> Choice | None:
        dialog = PickerDialog(self.catalogue, kind, initial, self)
        if run_modal(dialog) and dialog.choice is not None:
            self.pending.extend(dialog.choice.new_records)
            return dialog.choice
        return None

    def pick_field(self, binding: FieldBinding) -> None:
        assert binding.spec.ref is not None
        choice = self.pick(binding.spec.ref)
        if choice is not None:
            self.set_ref(binding, choice.uuid, choice.label)

    def set_ref(self, binding: FieldBinding, uuid: str | None, label: str | None) -> None:
        binding.set(uuid, label)
        binding.widget.setFocus()
        self.on_changed()

    def pick_cell(self, kind: str, row: int, name: str) -> None:
        spec = SPEC_BY_NAME[kind][name]
        assert spec.ref is not None
        choice = self.pick(spec.ref)
        if choice is not None:
            self.children[kind].set_field(row, name, choice.uuid, choice.label)
        table = self.tables[kind]
        table.view.setFocus()

    # -- saving ----------------------------------------------------------------------------------

    def _referenced(self) -> set[str]:
        refs: set[str] = set()
        for binding in self.bindings.values():
            if binding.spec.type == "ref" and binding.ref_value:
                refs.add(binding.ref_value)
        for model in [*self.children.values(), self.citations]:
            ref_names = [n for n, s in model.specs.items() if s.type == "ref"]
            for row in model.rows:
                refs.update(str(row[n]) for n in ref_names if row.get(n))
        return refs

    def save_label(self) -> str:
        verb = "Add" if self.is_new else "Edit"
        return f"{verb} {self.NOUN} “{self.heading()}”"

    def save(self) -> ops.OpResult | None:
        """Write every change as one operation; None if nothing was saved (invalid or refused)."""
        if self.uuid is None or self.errors() or not self.is_dirty():
            return None
        referenced = self._referenced()
        main = {name: b.cleaned()[0] for name, b in self.bindings.items()}
        try:
            with ops.operation(self.catalogue, self.save_label()) as op:
                for kind, values in self.pending:
                    owner = (
                        values.get("uuid") if kind in ("agent", "source") else values.get("agent")
                    )
                    if owner in referenced:
                        op.create(kind, values)
                if self.is_new:
                    op.create(self.KIND, {"uuid": self.uuid, **main})
                else:
                    changed = {k: v for k, v in main.items() if v != self.original.get(k)}
                    if changed:
                        op.update(self.KIND, self.uuid, changed)
                for uuid in self.citations.removed_uuids():
                    op.delete("citation", uuid)
                for kind, model in self.children.items():
                    for uuid in model.removed_uuids():
                        op.delete(kind, uuid)
                for kind, model in self.children.items():
                    self._save_rows(op, model, {self.parent_field[kind]: self.uuid})
                self._save_rows(op, self.citations, {})
        except ops.ValidationError as exc:
            self._show_refusal(exc)
            return None
        except (ops.OperationError, CatalogueError) as exc:
            # A refused operation, or the disk, the folder or the file failing under us: the
            # transaction was rolled back, and the edits stay in the form to save again later.
            QMessageBox.warning(self, "Not saved", f"{exc}\n\nYour edits are still in the form.")
            return None
        result = op.result
        self.load(self.uuid)
        self.saved.emit(result)
        return result

    def _save_rows(self, op: ops.Operation, model: ChildModel, fixed: dict[str, Any]) -> None:
        ordered = "position" in model.specs and "position" not in model.columns
        for position, row in enumerate(model.rows):
            if ordered:
                row["position"] = position
            if model.is_new(row):
                values, _ = cleaned_row(model.kind, row, model.edit_fields())
                op.create(model.kind, {"uuid": row["uuid"], **values, **fixed})
            else:
                changed = model.changed_values(row)
                if changed:
                    op.update(model.kind, row["uuid"], changed)

    def _show_refusal(self, exc: ops.ValidationError) -> None:
        shown = False
        if exc.kind == self.KIND:
            for error in exc.errors:
                if error.field in self.bindings:
                    self.bindings[error.field].show_error(error.message)
                    shown = True
        if not shown:
            QMessageBox.warning(self, "Not saved", str(exc))

    def confirm_leave(self, parent: QWidget | None = None) -> bool:
        """Before unsaved edits could be lost: Save, Discard or Cancel. True when it is safe to go on."""
        if not self.is_dirty():
            return True
        answer = QMessageBox.question(
            parent or self,
            "Unsaved changes",
            f"The {self.NOUN} “{self.heading()}” has unsaved changes. Save them?",
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            if self.errors():
                QMessageBox.warning(
                    parent or self,
                    "Cannot save",
                    "Fix these first:\n" + "\n".join(self.errors()[:8]),
                )
                return False
            return self.save() is not None
        if answer == QMessageBox.StandardButton.Discard:
            self.revert() if not self.is_new else self.clear()
            return True
        return False
