"""File menu: export and import a citation bundle on the worker (progress, Cancel), and the
Backups dialog (the list with dates, Back up now, Restore…)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
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
    from nkarchive.interchange.importer import ImportSummary
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
    """The worker's job for "Import citation bundle…" (one transaction: all of it or none)."""
    from nkarchive.interchange.importer import import_bundle

    return lambda progress: import_bundle(catalogue, path, progress=_reporting(progress))


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

    def done(summary: ImportSummary) -> None:
        window.refresh_all()
        show_report(window, "Import finished", f"Imported {path.name}.", summary.lines())

    def failed(exc: BaseException) -> None:
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

    window.worker.run(
        window, "Importing the citation bundle…", import_work(window.catalogue, path), done, failed
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
