"""File menu: export and import a citation bundle on the worker (progress, Cancel), the
conflicts of an import side by side with a choice for each, and the Backups dialog (the list
with dates, Back up now, Restore…)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nkarchive.gui.worker import Cancelled, Progress
from nkarchive.store import backup as backups
from nkarchive.store.catalogue import Catalogue
from nkarchive.store.errors import CatalogueError

# The interchange package (bundles, the CSL processor) is imported when an export or import
# starts, not when the main window does: it is a noticeable part of start-up otherwise.
if TYPE_CHECKING:
    from nkarchive.gui.main_window import MainWindow
    from nkarchive.interchange.bundle import ExportSummary
    from nkarchive.interchange.importer import Conflict, ImportSummary, PreparedImport
    from nkarchive.interchange.records import Selection

BUNDLE_FILTER = "Citation bundles (*.zip);;All files (*)"
# The selection's field for each kind of list.
SELECTION_FIELD = {"work": "works", "source": "sources", "agent": "agents", "event": "events"}


def show_report(parent: QWidget | None, title: str, heading: str, lines: list[str]) -> None:
    """A long, copyable report (an import summary, the problems of a refused bundle)."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    label = QLabel(heading, dialog)
    label.setWordWrap(True)
    layout.addWidget(label)
    body = QPlainTextEdit("\n".join(lines), dialog)
    body.setReadOnly(True)
    layout.addWidget(body, 1)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.resize(640, 360)
    dialog.exec()


def _reporting(progress: Progress) -> Callable[[str, int, int], None]:
    """The interchange package's progress (step, done, total) as the worker's, which also
    raises Cancelled when the user pressed Cancel."""
    return lambda step, done, total: progress.report(done, total, f"{step}…")


def export_work(
    catalogue: Catalogue, selection: Selection, out: Path, query: str | None
) -> Callable[[Progress], ExportSummary]:
    """The worker's job for "Export citation bundle…"."""
    from nkarchive.interchange.bundle import export_bundle

    return lambda progress: export_bundle(
        catalogue, selection, out, query=query, progress=_reporting(progress)
    )


def import_work(catalogue: Catalogue, path: Path) -> Callable[[Progress], ImportSummary]:
    """The worker's job for an import that resolves every conflict by keeping ours."""
    from nkarchive.interchange.importer import import_bundle

    return lambda progress: import_bundle(catalogue, path, progress=_reporting(progress))


def prepare_work(catalogue: Catalogue, path: Path) -> Callable[[Progress], PreparedImport]:
    """The worker's first job for "Import citation bundle…": verify, read and compare (no
    writes), so that the conflicts can be shown before anything is imported."""
    from nkarchive.interchange.importer import prepare_import

    return lambda progress: prepare_import(catalogue, path, progress=_reporting(progress))


def import_prepared_work(
    catalogue: Catalogue, prepared: PreparedImport, resolutions: dict[str, str]
) -> Callable[[Progress], ImportSummary]:
    """The worker's second job: the import itself, one transaction, with the chosen resolutions."""
    from nkarchive.interchange.importer import import_prepared

    return lambda progress: import_prepared(
        catalogue, prepared, resolutions=resolutions, progress=_reporting(progress)
    )


CHOICES = (
    ("keep", "Keep ours", "Leave this catalogue's record as it is"),
    ("theirs", "Take theirs", "Replace this catalogue's record with the bundle's"),
    (
        "both",
        "Keep both",
        "Keep ours, and add the bundle's claim beside it as a further, not preferred, citation",
    ),
)
CHOICE_WORDS = {key: words for key, words, _tip in CHOICES}
DIFFERENT = QColor("#fff1c2")  # a pale amber behind the fields that differ


def shown_value(value: Any) -> str:
    """A field's value as the archivist reads it: text as is, lists and mappings as JSON."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list) and all(isinstance(v, str | int) for v in value):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict) and all(isinstance(v, str | int) for v in value.values()):
        return "; ".join(f"{k}: {v}" for k, v in value.items())
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def kind_words(kind: str) -> str:
    return kind.replace("_", " ")


class ConflictsDialog(QDialog):
    """The records of a bundle that differ from ours: each one's fields side by side ("In this
    catalogue" | "In the bundle", differences highlighted) and a choice for each, with "apply
    to all". Accepting imports with those choices; Cancel imports nothing."""

    def __init__(
        self,
        parent: QWidget | None,
        conflicts: list[Conflict],
        bundle_name: str,
        names: dict[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Import {bundle_name}: records that differ")
        self.setObjectName("import_conflicts_dialog")
        self.conflicts = conflicts
        self.names = names or {}
        self.choices: dict[str, str] = {c.uuid: "keep" for c in conflicts}
        layout = QVBoxLayout(self)
        heading = QLabel(
            f"{len(conflicts)} record(s) in {bundle_name} differ from the same records in this "
            "catalogue. Choose for each what to keep; nothing is imported until you press "
            "Import, and then everything is imported at once (one step to undo).",
            self,
        )
        heading.setWordWrap(True)
        layout.addWidget(heading)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.list = QTableWidget(len(conflicts), 3, splitter)
        self.list.setObjectName("conflicts")
        self.list.setAccessibleName("Records in conflict")
        self.list.setHorizontalHeaderLabels(["Kind", "Record", "Choice"])
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.verticalHeader().hide()
        for row, conflict in enumerate(conflicts):
            self.list.setItem(row, 0, QTableWidgetItem(kind_words(conflict.kind)))
            self.list.setItem(row, 1, QTableWidgetItem(conflict.label or conflict.uuid))
            self.list.setItem(row, 2, QTableWidgetItem(CHOICE_WORDS["keep"]))
        header = self.list.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)

        detail = QWidget(splitter)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        self.record_heading = QLabel(detail)
        self.record_heading.setWordWrap(True)
        self.record_heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        detail_layout.addWidget(self.record_heading)
        self.comparison = QTableWidget(0, 3, detail)
        self.comparison.setObjectName("comparison")
        self.comparison.setAccessibleName("The record here and in the bundle, side by side")
        self.comparison.setHorizontalHeaderLabels(["Field", "In this catalogue", "In the bundle"])
        self.comparison.setWordWrap(True)
        self.comparison.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.comparison.verticalHeader().hide()
        compared = self.comparison.horizontalHeader()
        compared.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        compared.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        compared.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # Wrapped text needs its rows' heights again whenever the columns change width.
        compared.sectionResized.connect(lambda *_: self.comparison.resizeRowsToContents())
        detail_layout.addWidget(self.comparison, 1)

        choice_box = QGroupBox("For this record", detail)
        choice_layout = QHBoxLayout(choice_box)
        self.choice_group = QButtonGroup(self)
        self.choice_buttons: dict[str, QRadioButton] = {}
        for key, words, tip in CHOICES:
            button = QRadioButton(words, choice_box)
            button.setObjectName(f"choose_{key}")
            button.setToolTip(tip)
            self.choice_group.addButton(button)
            self.choice_buttons[key] = button
            choice_layout.addWidget(button)
            button.toggled.connect(lambda on, key=key: on and self.choose(key))
        choice_layout.addStretch(1)
        detail_layout.addWidget(choice_box)
        splitter.addWidget(self.list)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes([300, 740])
        layout.addWidget(splitter, 1)

        bottom = QHBoxLayout()
        bottom.addWidget(QLabel("For every record:", self))
        self.all_choice = QComboBox(self)
        self.all_choice.setObjectName("choice_for_all")
        for key, words, _tip in CHOICES:
            self.all_choice.addItem(words, key)
        bottom.addWidget(self.all_choice)
        self.apply_all_button = QPushButton("Apply to &all", self)
        self.apply_all_button.setObjectName("apply_to_all")
        self.apply_all_button.setToolTip(
            "Give every record this choice (a record that is not a citation cannot be kept "
            "twice: Keep both keeps ours, and the bundle's citations of it come in anyway)"
        )
        self.apply_all_button.clicked.connect(
            lambda: self.apply_to_all(str(self.all_choice.currentData()))
        )
        bottom.addWidget(self.apply_all_button)
        bottom.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = self.buttons.addButton(
            "&Import", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setObjectName("import_button")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)

        self.list.currentCellChanged.connect(lambda row, _c, _pr, _pc: self.show_conflict(row))
        self.resize(1060, 620)
        if conflicts:
            self.list.selectRow(0)
            self.show_conflict(0)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # The stretched columns get their widths only now; wrapped rows follow them.
        QTimer.singleShot(0, self.comparison.resizeRowsToContents)

    @property
    def current(self) -> Conflict | None:
        row = self.list.currentRow()
        return self.conflicts[row] if 0 <= row < len(self.conflicts) else None

    def show_conflict(self, row: int) -> None:
        from nkarchive.ops.fields import SPECS

        if not 0 <= row < len(self.conflicts):
            return
        conflict = self.conflicts[row]
        self.record_heading.setText(
            f"<b>{kind_words(conflict.kind).capitalize()}</b> “{conflict.label}” "
            f"<span style='color:#666'>({conflict.uuid})</span> — "
            f"{len(conflict.differences)} field(s) differ, highlighted."
        )
        specs = [
            s for s in SPECS[conflict.kind] if s.name in conflict.ours or s.name in conflict.theirs
        ]
        self.comparison.setRowCount(len(specs))
        bold = QFont(self.comparison.font())
        bold.setBold(True)
        for position, spec in enumerate(specs):
            ours, theirs = conflict.ours.get(spec.name), conflict.theirs.get(spec.name)
            if spec.type == "ref":
                ours, theirs = self.named(ours), self.named(theirs)
            elif spec.vocab is not None:  # "Feature film", as the editors show it, not "feature"
                ours, theirs = spec.vocab.label(ours) or None, spec.vocab.label(theirs) or None
            cells = [spec.label, shown_value(ours), shown_value(theirs)]
            differs = spec.name in conflict.differences
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if differs:
                    item.setBackground(QBrush(DIFFERENT))
                    item.setFont(bold)
                self.comparison.setItem(position, column, item)
        self.comparison.resizeRowsToContents()
        both = self.choice_buttons["both"]
        both.setEnabled(conflict.kind == "citation")
        self.choice_buttons[self.choices[conflict.uuid]].setChecked(True)

    def named(self, value: Any) -> Any:
        if isinstance(value, str) and value in self.names:
            return f"{self.names[value]} ({value[:8]}…)"
        return value

    def choose(self, key: str) -> None:
        conflict = self.current
        if conflict is None:
            return
        self._set(self.list.currentRow(), key)

    def _set(self, row: int, key: str) -> None:
        conflict = self.conflicts[row]
        if key == "both" and conflict.kind != "citation":
            key = "keep"
        self.choices[conflict.uuid] = key
        item = self.list.item(row, 2)
        if item is not None:
            item.setText(CHOICE_WORDS[key])

    def apply_to_all(self, key: str) -> None:
        for row in range(len(self.conflicts)):
            self._set(row, key)
        if self.current is not None:
            self.choice_buttons[self.choices[self.current.uuid]].setChecked(True)

    def resolutions(self) -> dict[str, str]:
        return dict(self.choices)


def ask_resolutions(parent: QWidget | None, prepared: PreparedImport) -> dict[str, str] | None:
    """The archivist's choice for each conflict, or None when they cancelled."""
    dialog = ConflictsDialog(parent, prepared.conflicts, prepared.path.name, prepared.names())
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.resolutions()


def current_selection(window: MainWindow) -> tuple[Selection, str]:
    """What to export: the listed records of a search, else the open record, else everything."""
    from nkarchive.interchange.records import Selection

    kind = window.kind
    field = SELECTION_FIELD.get(kind)
    if field is not None:
        model = window.model_for(kind)
        if model.searching:
            query = window.search.shown_query
            return Selection(**{field: set(model._ids)}), query
        editor = window.current_editor()
        if editor is not None and editor.uuid and not editor.is_new:
            row = model.row_of(editor.uuid)
            if row is not None:
                return Selection(**{field: {model._ids[row]}}), ""
    return Selection(everything=True), ""


def export_bundle_dialog(window: MainWindow) -> None:
    selection, query = current_selection(window)
    name, _ = QFileDialog.getSaveFileName(
        window, "Export citation bundle", str(Path.home() / "bundle.zip"), BUNDLE_FILTER
    )
    if not name:
        return
    out = Path(name)
    if not out.suffix:
        out = out.with_suffix(".zip")

    def done(summary: ExportSummary) -> None:
        window.statusBar().showMessage(str(summary), 10000)

    def failed(exc: BaseException) -> None:
        from nkarchive.interchange.bundle import ExportError

        if isinstance(exc, Cancelled):
            window.statusBar().showMessage("Export cancelled: nothing was written.", 5000)
        elif isinstance(exc, ExportError):
            QMessageBox.warning(window, "Not exported", str(exc))
        else:
            QMessageBox.warning(window, "Not exported", f"{type(exc).__name__}: {exc}")

    window.worker.run(
        window,
        "Exporting the citation bundle…",
        export_work(window.catalogue, selection, out, query or None),
        done,
        failed,
    )


def import_bundle_dialog(window: MainWindow) -> None:
    if window.catalogue.read_only:
        QMessageBox.information(window, "Read-only", "This catalogue is open read-only.")
        return
    if not window.confirm_leave():
        return
    name, _ = QFileDialog.getOpenFileName(
        window, "Import citation bundle", str(Path.home()), BUNDLE_FILTER
    )
    if not name:
        return
    path = Path(name)

    def refused(exc: BaseException) -> None:
        from nkarchive.interchange.importer import ImportRefused
        from nkarchive.interchange.unbag import BundleRefused

        if isinstance(exc, Cancelled):
            window.statusBar().showMessage("Import cancelled: nothing was imported.", 5000)
        elif isinstance(exc, BundleRefused | ImportRefused):
            show_report(
                window,
                "Bundle refused",
                f"{path.name} was refused; nothing was imported. What is wrong:",
                exc.problems,
            )
        else:
            QMessageBox.warning(window, "Not imported", f"{type(exc).__name__}: {exc}")

    def prepared(prepared: PreparedImport) -> None:
        resolutions: dict[str, str] | None = {}
        if prepared.conflicts:
            resolutions = ask_resolutions(window, prepared)
        if resolutions is None:
            prepared.close()
            window.statusBar().showMessage("Import cancelled: nothing was imported.", 5000)
            return

        def done(summary: ImportSummary) -> None:
            prepared.close()
            window.refresh_all()
            show_report(window, "Import finished", f"Imported {path.name}.", summary.lines())

        def failed(exc: BaseException) -> None:
            prepared.close()
            refused(exc)

        window.worker.run(
            window,
            "Importing the citation bundle…",
            import_prepared_work(window.catalogue, prepared, resolutions),
            done,
            failed,
        )

    window.worker.run(
        window,
        "Checking the citation bundle…",
        prepare_work(window.catalogue, path),
        prepared,
        refused,
    )


class BackupsDialog(QDialog):
    """The catalogue's backups, newest first, with Back up now and Restore…."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle("Backups")
        self.setObjectName("backups_dialog")
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.list = QListWidget(self)
        self.list.setObjectName("backups")
        self.list.setAccessibleName("Backups")
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.backup_button = QPushButton("&Back up now", self)
        self.restore_button = QPushButton("&Restore…", self)
        buttons.addButton(self.backup_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore)
        self.list.currentRowChanged.connect(lambda _r: self._enable())
        layout.addWidget(buttons)
        self.resize(720, 380)
        self.fill()

    def fill(self) -> None:
        path = self.window_.catalogue.path
        found = backups.list_backups(path)
        self.heading.setText(
            f"{len(found)} backup(s) of {path.name}, newest first, in {backups.backups_dir(path)}"
        )
        self.list.clear()
        for info in found:
            taken = info.taken.astimezone().strftime("%Y-%m-%d %H:%M")
            item = QListWidgetItem(f"{taken}    {info.reason}    {info.path.name}", self.list)
            item.setData(Qt.ItemDataRole.UserRole, str(info.path))
        if found:
            self.list.setCurrentRow(0)
        self._enable()

    def _enable(self) -> None:
        writable = not self.window_.catalogue.read_only
        self.backup_button.setEnabled(writable)
        self.restore_button.setEnabled(writable and self.list.currentItem() is not None)

    def back_up_now(self) -> None:
        path = self.window_.catalogue.path

        def done(info: Any) -> None:
            self.fill()
            self.window_.statusBar().showMessage(f"Backed up to {info.path.name}.", 6000)

        def failed(exc: BaseException) -> None:
            QMessageBox.warning(self, "Not backed up", str(exc))

        self.window_.worker.run(
            self, "Backing up…", lambda _p: backups.make_backup(path, "manual"), done, failed
        )

    def restore(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        backup = Path(item.data(Qt.ItemDataRole.UserRole))
        answer = QMessageBox.question(
            self,
            "Restore backup",
            f"Put the backup made {item.text().split('    ')[0]} in place of "
            f"{self.window_.catalogue.path.name}? Changes made since then are lost; the current "
            "file is kept aside in the backups folder. The catalogue is closed and opened again.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.accept()
        self.window_.restore_backup(backup)


def backups_dialog(window: MainWindow) -> None:
    try:
        BackupsDialog(window).exec()
    except CatalogueError as exc:
        QMessageBox.warning(window, "Backups", str(exc))
