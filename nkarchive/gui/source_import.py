"""File menu: import sources from a reference manager (RIS, BibTeX, CSL-JSON) with a preview
that asks what to do with each duplicate, and works from CSV with a column-mapping chooser.

Files are read and checked on the worker; each import is one undoable operation."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nkarchive.gui import bundles
from nkarchive.gui import settings as gui_settings
from nkarchive.gui.worker import Cancelled, Progress
from nkarchive.model import vocab
from nkarchive.store.catalogue import Catalogue

# The readers (bibtex with its LaTeX decoder, the CSL mapping) load when an import starts.
if TYPE_CHECKING:
    from nkarchive.gui.main_window import MainWindow
    from nkarchive.interchange.references import IncomingSource, SourceImport
    from nkarchive.interchange.spreadsheet import ColumnMapping, WorksImport, WorksPlan

SOURCE_FILTER = (
    "Reference files (*.ris *.bib *.bibtex *.biblatex *.json *.txt);;"
    "RIS (*.ris *.txt);;BibTeX and BibLaTeX (*.bib *.bibtex *.biblatex);;CSL-JSON (*.json);;"
    "All files (*)"
)
CSV_FILTER = "CSV files (*.csv);;All files (*)"
PREVIEW_ROWS = 20
DUPLICATE_BACKGROUND = QColor("#fff4d6")
PROBLEM_BACKGROUND = QColor("#ffd9d9")
NONE_TARGET = ""


def _writable(window: MainWindow) -> bool:
    if window.catalogue.read_only:
        QMessageBox.information(window, "Read-only", "This catalogue is open read-only.")
        return False
    return window.confirm_leave()


# -- sources ---------------------------------------------------------------------------------


def read_and_plan(catalogue: Catalogue, path: Path) -> list[IncomingSource]:
    """The worker's job: read the file and find each entry's duplicate; nothing is written."""
    from nkarchive.interchange.references import detect_kind, plan_sources, read_sources

    return plan_sources(catalogue, read_sources(path, detect_kind(path)))


class SourceImportDialog(QDialog):
    """Every incoming source; each duplicate beside the source it looks like, with a choice."""

    COLUMNS = ("#", "Title", "First author", "Year", "Type", "Why", "Already here", "What to do")

    def __init__(self, parent: QWidget | None, path: Path, planned: list[IncomingSource]) -> None:
        from nkarchive.interchange.references import DECISIONS

        super().__init__(parent)
        self.setObjectName("source_import_dialog")
        self.setWindowTitle(f"Import sources from {path.name}")
        self.planned = planned
        self.combos: dict[int, QComboBox] = {}
        self._applying = False
        duplicates = [p for p in planned if p.match is not None]
        layout = QVBoxLayout(self)
        heading = QLabel(
            f"{len(planned)} source(s) in {path.name}. "
            + (
                f"{len(duplicates)} of them look(s) like a source already here or an earlier "
                "entry (highlighted): choose what to do with each. The others are added."
                if duplicates
                else "None looks like a source already here."
            ),
            self,
        )
        heading.setWordWrap(True)
        layout.addWidget(heading)

        self.table = QTableWidget(len(planned), len(self.COLUMNS), self)
        self.table.setObjectName("incoming_sources")
        self.table.setAccessibleName("Incoming sources")
        self.table.setHorizontalHeaderLabels(list(self.COLUMNS))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        for row, item in enumerate(planned):
            cells = [
                str(item.entry),
                item.title,
                item.first_author,
                item.year,
                _type_label(item.source_type),
                f"Same {item.match.reason}" if item.match else "",
                _already_here(item),
            ]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                if item.match is not None:
                    cell.setBackground(QBrush(DUPLICATE_BACKGROUND))
                self.table.setItem(row, column, cell)
            if item.match is None:
                self.table.setItem(row, 7, QTableWidgetItem("Add"))
                continue
            combo = QComboBox(self.table)
            combo.setAccessibleName(f"What to do with entry {item.entry}")
            for decision in item.choices:
                combo.addItem(DECISIONS[decision], decision)
            combo.currentIndexChanged.connect(lambda _i: self._count())
            self.combos[item.entry] = combo
            self.table.setCellWidget(row, 7, combo)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((30, 220, 120, 46, 100, 110, 300, 180)):
            self.table.setColumnWidth(column, width)
        header.setStretchLastSection(True)
        self.table.resizeRowsToContents()
        layout.addWidget(self.table, 1)

        every = QHBoxLayout()
        every.addWidget(QLabel("For every duplicate:", self))
        self.all_choice = QComboBox(self)
        self.all_choice.setAccessibleName("What to do with every duplicate")
        for decision, label in DECISIONS.items():
            self.all_choice.addItem(label, decision)
        every.addWidget(self.all_choice)
        self.apply_all = QPushButton("&Apply to all duplicates", self)
        self.apply_all.clicked.connect(lambda: self.apply_to_all(self.all_choice.currentData()))
        every.addWidget(self.apply_all)
        every.addStretch(1)
        for widget in (self.all_choice, self.apply_all):
            widget.setEnabled(bool(duplicates))
        layout.addLayout(every)

        self.counts = QLabel(self)
        self.counts.setObjectName("import_counts")
        layout.addWidget(self.counts)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = self.buttons.addButton(
            "&Import", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(1180, 520)
        self._count()

    def decisions(self) -> dict[int, str]:
        """Entry → "skip", "import" or "merge", for each duplicate."""
        return {entry: str(combo.currentData()) for entry, combo in self.combos.items()}

    def set_decision(self, entry: int, decision: str) -> None:
        combo = self.combos[entry]
        index = combo.findData(decision)
        if index >= 0:
            combo.setCurrentIndex(index)

    def apply_to_all(self, decision: str) -> None:
        """Every duplicate that offers `decision` takes it; filling our empty fields is not
        offered for a repeat of an earlier entry (there is no source here yet), which is skipped."""
        self._applying = True  # one count at the end, not one per duplicate
        for combo in self.combos.values():
            index = combo.findData(decision)
            combo.setCurrentIndex(index if index >= 0 else combo.findData("skip"))
        self._applying = False
        self._count()

    def _count(self) -> None:
        if self._applying:
            return
        chosen = list(self.decisions().values())
        added = len(self.planned) - len(chosen) + chosen.count("import")
        self.counts.setText(
            f"Will add {added} source(s), fill the empty fields of {chosen.count('merge')} "
            f"source(s) here, skip {chosen.count('skip')}. One step: Undo takes it all back."
        )
        self.import_button.setEnabled(added + chosen.count("merge") > 0)


def _type_label(code: str) -> str:
    return vocab.SOURCE_TYPES.label(code) if code in vocab.SOURCE_TYPES else code


def _already_here(item: IncomingSource) -> str:
    """The source the incoming one looks like, as the preview shows it beside the incoming one."""
    if item.match is None:
        return ""
    if item.match.existing is None:
        return f"Entry {item.match.entry} of this file"
    existing = item.match.existing
    about = [existing.first_author, existing.year, _type_label(existing.source_type), existing.url]
    return f"“{existing.title}”" + "".join(f" · {p}" for p in about if p)


def import_sources_dialog(window: MainWindow) -> None:
    if not _writable(window):
        return
    name, _ = QFileDialog.getOpenFileName(
        window, "Import sources (RIS, BibTeX, CSL-JSON)", str(Path.home()), SOURCE_FILTER
    )
    if not name:
        return
    path = Path(name)
    catalogue = window.catalogue

    def failed(exc: BaseException) -> None:
        from nkarchive.interchange.references import ReferenceFileError

        if isinstance(exc, Cancelled):
            window.statusBar().showMessage("Import cancelled: nothing was imported.", 5000)
        elif isinstance(exc, ReferenceFileError):
            QMessageBox.warning(window, "Not imported", f"{exc}\n\nNothing was imported.")
        else:
            QMessageBox.warning(
                window, "Not imported", f"{type(exc).__name__}: {exc}\n\nNothing was imported."
            )

    def planned(plan: list[IncomingSource]) -> None:
        if not plan:
            QMessageBox.information(window, "Nothing to import", f"{path.name} holds no sources.")
            return
        dialog = SourceImportDialog(window, path, plan)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        decisions = dialog.decisions()

        def work(_progress: Progress) -> SourceImport:
            from nkarchive.interchange.references import import_planned

            return import_planned(catalogue, plan, decisions, label=f"Import {path.name}")

        window.worker.run(window, f"Importing {path.name}…", work, imported, failed)

    def imported(result: SourceImport) -> None:
        window.refresh_all()
        bundles.show_report(window, "Import finished", f"Imported {path.name}.", result.lines())

    window.worker.run(
        window, f"Reading {path.name}…", lambda _p: read_and_plan(catalogue, path), planned, failed
    )


# -- works from CSV --------------------------------------------------------------------------


class WorksImportDialog(QDialog):
    """The first rows of a CSV file under a chooser per column (which field of a work, which
    title, or nothing), the values every work gets when its row gives none, and the problems
    found, each named by line and column; Import writes all rows or none."""

    def __init__(
        self,
        window: MainWindow,
        path: Path,
        header: list[str],
        rows: list[tuple[int, list[str]]],
    ) -> None:
        from nkarchive.interchange.spreadsheet import mapping_targets, suggest_target

        super().__init__(window)
        self.window_ = window
        self.path = path
        self.header = header
        self.preview = rows
        self.result_: WorksImport | None = None
        self.setObjectName("works_import_dialog")
        self.setWindowTitle(f"Import works from {path.name}")
        layout = QVBoxLayout(self)
        heading = QLabel(
            f"The first {len(rows)} row(s) of {path.name}. Choose what each column holds; "
            "columns left at “(none)” are not imported.",
            self,
        )
        heading.setWordWrap(True)
        layout.addWidget(heading)

        remembered = gui_settings.csv_mapping()
        known = remembered.get("columns", {})
        self.table = QTableWidget(len(rows) + 1, len(header), self)
        self.table.setObjectName("csv_preview")
        self.table.setAccessibleName("Columns and first rows")
        self.table.setHorizontalHeaderLabels(header)
        self.table.setVerticalHeaderLabels(["Holds"] + [str(line) for line, _ in rows])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.combos: dict[str, QComboBox] = {}
        targets = mapping_targets()
        for column, name in enumerate(header):
            combo = QComboBox(self.table)
            combo.setAccessibleName(f"What column {name} holds")
            combo.addItem("(none)", NONE_TARGET)
            for target, label in targets:
                combo.addItem(label, target)
            chosen = known[name] if name in known else (suggest_target(name) or NONE_TARGET)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.setToolTip(combo.currentText())  # a long choice is cut in a narrow column
            combo.currentTextChanged.connect(combo.setToolTip)
            self.combos[name] = combo
            self.table.setCellWidget(0, column, combo)
            self.table.setColumnWidth(column, 190)
        for row, (_line, cells) in enumerate(rows, start=1):
            for column, text in enumerate(cells[: len(header)]):
                self.table.setItem(row, column, QTableWidgetItem(text))
        layout.addWidget(self.table, 2)

        defaults = remembered.get("defaults", {})
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.form_default = self._vocab_combo(vocab.WORK_FORMS, defaults.get("form"), "(none)")
        self.status_default = self._vocab_combo(
            vocab.RECORD_STATUSES, defaults.get("record_status", "draft"), None
        )
        form.addRow("&Form, where a row gives none:", self.form_default)
        form.addRow("&Record status, where a row gives none:", self.status_default)
        layout.addLayout(form)

        self.problems_label = QLabel("Problems: press Check, or Import (which checks first).", self)
        layout.addWidget(self.problems_label)
        self.problems = QListWidget(self)
        self.problems.setObjectName("csv_problems")
        self.problems.setAccessibleName("Problems")
        layout.addWidget(self.problems, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = QPushButton("&Save mapping file…", self)
        self.check_button = QPushButton("&Check", self)
        self.import_button = buttons.addButton("&Import", QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.check_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.clicked.connect(self.save_mapping_file)
        self.check_button.clicked.connect(lambda: self.run(import_=False))
        self.import_button.clicked.connect(lambda: self.run(import_=True))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(1100, 620)

    def _vocab_combo(
        self, vocabulary: vocab.Vocabulary, current: Any, none_label: str | None
    ) -> QComboBox:
        combo = QComboBox(self)
        if none_label is not None:
            combo.addItem(none_label, NONE_TARGET)
        for code in vocabulary.codes():
            combo.addItem(vocabulary.label(code), code)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        return combo

    def set_target(self, column: str, target: str) -> None:
        combo = self.combos[column]
        combo.setCurrentIndex(max(0, combo.findData(target)))

    def mapping(self) -> ColumnMapping:
        """The chosen mapping: the same model a mapping file holds."""
        from nkarchive.interchange.spreadsheet import ColumnMapping

        columns = {
            name: str(combo.currentData())
            for name, combo in self.combos.items()
            if combo.currentData() != NONE_TARGET
        }
        defaults = {
            name: combo.currentData()
            for name, combo in (("form", self.form_default), ("record_status", self.status_default))
            if combo.currentData() != NONE_TARGET
        }
        return ColumnMapping(columns, defaults)

    def remember(self) -> None:
        """Keep each column's choice (by its heading, "(none)" too) for the next file."""
        remembered = gui_settings.csv_mapping()
        columns = dict(remembered.get("columns", {}))
        columns.update({name: str(combo.currentData()) for name, combo in self.combos.items()})
        gui_settings.set_csv_mapping({"columns": columns, "defaults": self.mapping().defaults})

    def save_mapping_file(self) -> None:
        from nkarchive.interchange.spreadsheet import write_mapping

        name, _ = QFileDialog.getSaveFileName(
            self,
            "Save mapping file",
            str(self.path.with_name(self.path.stem + "-mapping.json")),
            "Mapping files (*.json)",
        )
        if name:
            write_mapping(self.mapping(), Path(name))
            self.problems_label.setText(
                f"Saved the mapping to {Path(name).name} (for `nkarchive import --mapping`)."
            )

    def run(self, *, import_: bool) -> None:
        """Check every row on the worker, and import them too when asked and all are good."""
        self.remember()
        mapping = self.mapping()
        catalogue, path = self.window_.catalogue, self.path

        def work(_progress: Progress) -> tuple[WorksPlan, WorksImport | None]:
            from nkarchive.interchange.spreadsheet import import_planned_works, plan_works

            plan = plan_works(catalogue, path, mapping)
            if plan.problems or not import_:
                return plan, None
            return plan, import_planned_works(catalogue, plan, f"Import works from {path.name}")

        def done(outcome: tuple[WorksPlan, WorksImport | None]) -> None:
            plan, result = outcome
            self.show_problems(plan, imported=import_)
            if result is not None:
                self.result_ = result
                self.accept()

        def failed(exc: BaseException) -> None:
            self.problems.clear()
            self.problems.addItem(str(exc))
            self.problems_label.setText("Nothing was imported:")

        self.window_.worker.run(
            self,
            f"Checking {path.name}…" if not import_ else f"Importing {path.name}…",
            work,
            done,
            failed,
        )

    def show_problems(self, plan: WorksPlan, *, imported: bool) -> None:
        self.problems.clear()
        for row in range(1, self.table.rowCount()):
            for column in range(self.table.columnCount()):
                cell = self.table.item(row, column)
                if cell is not None:
                    cell.setBackground(QBrush())
                    cell.setToolTip("")
        preview_row = {line: row for row, (line, _c) in enumerate(self.preview, start=1)}
        for problem in plan.problems:
            self.problems.addItem(str(problem))
            row = preview_row.get(problem.line or 0)
            if row is not None and problem.column in self.header:
                cell = self.table.item(row, self.header.index(problem.column))
                if cell is not None:
                    cell.setBackground(QBrush(PROBLEM_BACKGROUND))
                    cell.setToolTip(problem.message)
        if plan.problems:
            self.problems_label.setText(
                f"{len(plan.problems)} problem(s); "
                + ("nothing was imported. " if imported else "")
                + "Change the mapping or fix the file:"
            )
        else:
            self.problems_label.setText(f"No problems: {len(plan.rows)} row(s) ready to import.")


def import_works_dialog(window: MainWindow) -> None:
    if not _writable(window):
        return
    name, _ = QFileDialog.getOpenFileName(
        window, "Import works from CSV", str(Path.home()), CSV_FILTER
    )
    if not name:
        return
    path = Path(name)

    def work(_progress: Progress) -> tuple[list[str], list[tuple[int, list[str]]]]:
        from nkarchive.interchange.spreadsheet import read_table

        return read_table(path, limit=PREVIEW_ROWS)

    def failed(exc: BaseException) -> None:
        QMessageBox.warning(window, "Not imported", f"{exc}\n\nNothing was imported.")

    def previewed(table: tuple[list[str], list[tuple[int, list[str]]]]) -> None:
        header, rows = table
        if not header:
            QMessageBox.information(window, "Nothing to import", f"{path.name} is empty.")
            return
        dialog = WorksImportDialog(window, path, header, rows)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.result_ is None:
            return
        window.refresh_all()
        added = len(dialog.result_.added)
        bundles.show_report(
            window,
            "Import finished",
            f"Imported {path.name}.",
            [f"Added {added} work(s). One step: Edit → Undo takes it all back."],
        )

    window.worker.run(window, f"Reading {path.name}…", work, previewed, failed)
