"""The main window: the catalogue's works, and the File menu to make or open catalogues."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QHeaderView, QMainWindow, QMessageBox, QTableView

from nkarchive import __version__, paths
from nkarchive.gui.work_list import WorkListModel
from nkarchive.store.catalogue import Catalogue
from nkarchive.store.errors import CatalogueError

FILE_FILTER = f"nkarchive catalogues (*{paths.CATALOGUE_SUFFIX});;All files (*)"


class MainWindow(QMainWindow):
    def __init__(self, catalogue: Catalogue) -> None:
        super().__init__()
        self.catalogue = catalogue
        self.works = QTableView(self)
        self.works.setObjectName("work_list")
        self.works.setAccessibleName("Works")
        self.works.setSortingEnabled(True)
        self.works.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.works.setAlternatingRowColors(True)
        self.works.verticalHeader().hide()
        self.setCentralWidget(self.works)
        self._build_menus()
        self.resize(1100, 700)
        self.show_catalogue(catalogue)

    def _build_menus(self) -> None:
        menu = self.menuBar().addMenu("&File")
        for label, shortcut, slot in (
            ("&New catalogue…", QKeySequence.StandardKey.New, self.new_catalogue),
            ("&Open catalogue…", QKeySequence.StandardKey.Open, self.open_catalogue),
        ):
            action = QAction(label, self)
            action.setShortcut(shortcut)
            action.triggered.connect(slot)
            menu.addAction(action)
        menu.addSeparator()
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        menu.addAction(quit_action)

    def show_catalogue(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.model = WorkListModel(catalogue, self)
        self.works.setModel(self.model)
        header = self.works.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((90, 260, 200, 240, 280, 90)):
            self.works.setColumnWidth(column, width)
        mode = " (read-only)" if catalogue.read_only else ""
        self.setWindowTitle(f"{catalogue.path.name}{mode} — nkarchive {__version__}")
        self.statusBar().showMessage(f"{self.model.rowCount()} works")

    def _switch_to(self, opener: object) -> None:
        try:
            catalogue = opener() if callable(opener) else None
        except CatalogueError as exc:
            QMessageBox.critical(self, "Cannot open catalogue", str(exc))
            return
        if catalogue is not None:
            old = self.catalogue
            self.show_catalogue(catalogue)
            old.close()

    def new_catalogue(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "New catalogue", str(paths.user_data_dir()), FILE_FILTER)
        if name:
            path = Path(name)
            if not path.suffix:
                path = path.with_suffix(paths.CATALOGUE_SUFFIX)
            self._switch_to(lambda: Catalogue.create(path))

    def open_catalogue(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Open catalogue", str(paths.user_data_dir()), FILE_FILTER)
        if name:
            self._switch_to(lambda: Catalogue.open(name))
