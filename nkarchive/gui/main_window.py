"""The main window: a navigator, the result list of the chosen kind, and the selected record's
editor; File and Edit menus; remembered layout; a Timeline dock for the timeline widget."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import text

from nkarchive import __version__, ops, paths
from nkarchive.gui import bundles, source_import
from nkarchive.gui import settings as gui_settings
from nkarchive.gui.app import offer_read_only
from nkarchive.gui.cite_copy import CitationStyleMenu, copy_citation, style_label
from nkarchive.gui.editors.agent import AgentEditor
from nkarchive.gui.editors.base import RecordEditor
from nkarchive.gui.editors.event import EventEditor
from nkarchive.gui.editors.source import SourceEditor
from nkarchive.gui.editors.work import WorkEditor
from nkarchive.gui.help import add_help_menu
from nkarchive.gui.list_models import LIST_SPECS, RecordListModel
from nkarchive.gui.search_box import SearchBar, SearchController
from nkarchive.gui.search_results import COUNT_ROLE, NavigatorCountDelegate, SearchResultsPanel
from nkarchive.gui.worker import Cancelled, Progress, Worker
from nkarchive.model import vocab
from nkarchive.store.catalogue import Catalogue
from nkarchive.store.errors import CatalogueDamaged, CatalogueError
from nkarchive.store.lock import CatalogueLocked

# Below this height the timeline dock shows its tool rows and legend but hardly any plot.
TIMELINE_MIN_HEIGHT = 340
FILE_FILTER = f"nkarchive catalogues (*{paths.CATALOGUE_SUFFIX});;All files (*)"
# The navigator: (label, what it lists, shortcut). "Search results" (every kind, grouped) is
# there only while the search box has a query.
NAVIGATOR = (
    ("Search results", "results", None),
    ("Works", "work", "Ctrl+1"),
    ("People and organisations", "agent", "Ctrl+2"),
    ("Sources", "source", "Ctrl+3"),
    ("Events", "event", "Ctrl+4"),
    ("Saved searches", "saved_search", "Ctrl+5"),
)
EDITORS: dict[str, type[RecordEditor]] = {
    "work": WorkEditor,
    "agent": AgentEditor,
    "source": SourceEditor,
    "event": EventEditor,
}
BULK_CHUNK = 200
# What the timeline shows: events, with their works' titles, sources and credited names.
TIMELINE_KINDS = frozenset({"event", "work", "title", "citation", "agent", "agent_name"})


class MainWindow(QMainWindow):
    """Keeps `MainWindow(catalogue)`; `open_record(kind, uuid)` and `selection_changed` let other
    views (the timeline) open records and follow the selection."""

    selection_changed = Signal(str, str)  # kind, uuid

    def __init__(self, catalogue: Catalogue) -> None:
        super().__init__()
        self.catalogue = catalogue
        self.worker = Worker(self)
        self.kind = "work"
        self.models: dict[str, RecordListModel] = {}
        self._selecting = False
        self.setObjectName("main_window")
        self._build_widgets()
        self._build_menus()
        self.resize(1400, 880)
        self.show_catalogue(catalogue)
        self._restore_layout()

    # -- building --------------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.navigator = QListWidget(self)
        self.navigator.setObjectName("navigator")
        self.navigator.setAccessibleName("Navigator")
        for label, kind, shortcut in NAVIGATOR:
            item = QListWidgetItem(label, self.navigator)
            item.setData(Qt.ItemDataRole.UserRole, kind)
            item.setToolTip(f"{label} ({shortcut})" if shortcut else label)
        # While a query is active each kind shows its number of hits.
        self.navigator.setItemDelegate(NavigatorCountDelegate(self.navigator))
        self._navigator_item("results").setHidden(True)
        self.navigator.setCurrentRow(0)
        self.navigator.currentRowChanged.connect(self._navigator_moved)
        self.navigator.setMinimumWidth(190)  # room for the hit counts beside the kinds

        middle = QWidget(self)
        # The search box (issue 5): the query runs on the worker, debounced, newest wins.
        self.search_bar = SearchBar(middle)
        self.filter_box = self.search_bar.box
        # Results across kinds, grouped, shown while typing (the lists stay one click away).
        self.results_panel = SearchResultsPanel(middle)
        self.results_panel.hide()
        self.showing_results = False
        self.search = SearchController(
            self.search_bar, self.worker, self, results=self.results_panel
        )
        self.search.searched.connect(self._list_searched)
        self.search.found.connect(self._results_found)
        self.search.cleared.connect(self._results_cleared)
        self.filter_box.textEdited.connect(self._query_typed)
        self.search_bar.down_pressed.connect(self._down_from_search)
        self.results_panel.hit_current.connect(self._hit_current)
        self.results_panel.hit_opened.connect(self._hit_opened)
        self.results_panel.list_wanted.connect(
            lambda kind: self.confirm_leave() and self.show_kind(kind)
        )
        self.results_panel.leave_upwards.connect(self.focus_filter)
        self.search_bar.save_button.clicked.connect(self.save_search)
        self.list_view = QTableView(middle)
        self.list_view.setObjectName("record_list")
        self.list_view.setAccessibleName("Records")
        self.list_view.setSortingEnabled(True)
        self.list_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list_view.setAlternatingRowColors(True)
        self.list_view.setWordWrap(False)
        self.list_view.setTabKeyNavigation(False)
        self.list_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list_view.customContextMenuRequested.connect(self._list_context_menu)
        self.list_view.verticalHeader().hide()
        self.list_view.verticalHeader().setDefaultSectionSize(
            self.list_view.fontMetrics().height() + 8
        )
        self.list_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.list_view.horizontalHeader().setHighlightSections(False)
        self.saved_list = QListWidget(middle)
        self.saved_list.setObjectName("saved_searches")
        self.saved_list.setAccessibleName("Saved searches")
        self.saved_list.itemActivated.connect(self._run_saved_search)
        self.saved_list.itemClicked.connect(self._run_saved_search)
        self.saved_list.hide()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addWidget(self.search_bar)
        middle_layout.addWidget(self.list_view, 1)
        middle_layout.addWidget(self.saved_list, 1)
        middle_layout.addWidget(self.results_panel, 1)

        self.editor_stack = QStackedWidget(self)
        self.editor_stack.setObjectName("editor_stack")
        self.placeholder = QLabel("Choose a record in the list, or make a new one (Ctrl+N).", self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet("color: #7b8794;")
        self.editor_stack.addWidget(self.placeholder)
        self.editors: dict[str, RecordEditor] = {}

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("main_splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.navigator)
        self.splitter.addWidget(middle)
        self.splitter.addWidget(self.editor_stack)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setSizes([190, 470, 740])
        # A catalogue on a network share or in a synced folder: a warning that does not block.
        self.warning_bar = QLabel(self)
        self.warning_bar.setObjectName("storage_warning")
        self.warning_bar.setWordWrap(True)
        self.warning_bar.setStyleSheet(
            "background: #fff4ce; color: #4d3800; padding: 6px; border-bottom: 1px solid #e0c66b;"
        )
        self.warning_bar.hide()
        central = QWidget(self)
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.warning_bar)
        central_layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        # A place for the timeline widget (nkarchive.gui.timeline) to live in.
        self.timeline_dock = QDockWidget("Timeline", self)
        self.timeline_dock.setObjectName("timeline_dock")
        placeholder = QLabel("The timeline appears here.", self.timeline_dock)
        placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.timeline_dock.setWidget(placeholder)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.timeline_dock)
        self.timeline_dock.hide()
        self._timeline_stale = False
        self.timeline_dock.visibilityChanged.connect(self._timeline_shown)

    def set_timeline_widget(self, widget: QWidget) -> None:
        """Put the timeline widget into its dock (the timeline calls `open_record` to open events)."""
        self.timeline_dock.setWidget(widget)

    def _show_timeline(self, catalogue: Catalogue) -> None:
        """The catalogue's timeline in its dock. The panel (and the painter) is made
        only when the dock is shown: most sessions start without it, and start-up is faster."""
        if not self.timeline_dock.isVisible():
            old = self.timeline_dock.widget()
            if hasattr(old, "reload"):  # the previous catalogue's panel
                placeholder = QLabel("The timeline appears here.", self.timeline_dock)
                placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
                self.set_timeline_widget(placeholder)
                old.deleteLater()
            self._timeline_stale = False
            return
        self._build_timeline(catalogue)

    def _build_timeline(self, catalogue: Catalogue) -> None:
        from nkarchive.gui.timeline.panel import TimelinePanel

        old = self.timeline_dock.widget()
        self._timeline_stale = False
        panel = TimelinePanel(catalogue, self.timeline_dock, wait=False)
        panel.event_activated.connect(lambda uuid: self.open_record("event", uuid))
        self.selection_changed.connect(panel.follow_selection)
        self.set_timeline_widget(panel)
        editor = self.current_editor()
        if editor is not None and editor.uuid:  # what was chosen before the dock was opened
            panel.follow_selection(editor.KIND, editor.uuid)
        if old is not None:
            old.deleteLater()

    def _action(
        self, menu: Any, text_: str, slot: Callable[[], Any], shortcut: Any = None
    ) -> QAction:
        action = QAction(text_, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self._action(file_menu, "&New catalogue…", self.new_catalogue, "Ctrl+Shift+N")
        self._action(
            file_menu, "&Open catalogue…", self.open_catalogue, QKeySequence.StandardKey.Open
        )
        self.recent_menu = file_menu.addMenu("&Recent catalogues")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        self._action(
            file_menu, "&Export citation bundle…", lambda: bundles.export_bundle_dialog(self)
        )
        self._action(
            file_menu, "&Import citation bundle…", lambda: bundles.import_bundle_dialog(self)
        )
        self._action(
            file_menu,
            "Import &sources (RIS, BibTeX, CSL-JSON)…",
            lambda: source_import.import_sources_dialog(self),
        )
        self._action(
            file_menu, "Import &works from CSV…", lambda: source_import.import_works_dialog(self)
        )
        file_menu.addSeparator()
        self._action(file_menu, "&Check catalogue…", self.check_catalogue)
        self._action(file_menu, "&Backups…", lambda: bundles.backups_dialog(self))
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", self.close, QKeySequence.StandardKey.Quit)

        edit_menu = bar.addMenu("&Edit")
        self.undo_action = self._action(edit_menu, "&Undo", self.undo, "Ctrl+Z")
        self.redo_action = self._action(edit_menu, "&Redo", self.redo, "Ctrl+Shift+Z")
        edit_menu.aboutToShow.connect(self.update_undo_actions)
        edit_menu.addSeparator()
        self._action(edit_menu, "&Search", self.focus_filter, QKeySequence.StandardKey.Find)
        self._action(edit_menu, "Save search…", self.save_search, "Ctrl+Shift+F")

        record_menu = bar.addMenu("&Record")
        self.new_action = self._action(
            record_menu, "&New record", self.new_record, QKeySequence.StandardKey.New
        )
        self._action(
            record_menu,
            "&Save record",
            lambda: self.current_editor() and self.current_editor().save(),
        )
        self._action(record_menu, "&Delete record…", self.delete_record, "Ctrl+Delete")
        record_menu.addSeparator()
        self._action(record_menu, "Set record &status of listed works…", self.bulk_set_status)
        record_menu.addSeparator()
        # Ctrl+Shift+C copies from the Sources list; inside an editor it stays "Add citation".
        self.copy_citation_action = self._action(
            record_menu, "&Copy citation", self.copy_citation, "Ctrl+Shift+C"
        )
        self.copy_citation_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.list_view.addAction(self.copy_citation_action)
        record_menu.aboutToShow.connect(self._update_copy_citation)

        view_menu = bar.addMenu("&View")
        for position, (label, _kind, shortcut) in enumerate(NAVIGATOR):
            self._action(
                view_menu,
                label,
                lambda _checked=False, p=position: self.navigator.setCurrentRow(p),
                shortcut,
            )
        view_menu.addSeparator()
        self._action(
            view_menu,
            "Go to &list",
            lambda: (
                self.results_panel.view if self.showing_results else self.list_view
            ).setFocus(),
            "Ctrl+L",
        )
        self._action(view_menu, "Go to &editor", self.focus_editor, "Ctrl+E")
        self._action(view_menu, "Go to &navigator", lambda: self.navigator.setFocus(), "Ctrl+0")
        timeline = self.timeline_dock.toggleViewAction()
        timeline.setShortcut(QKeySequence("Ctrl+T"))
        view_menu.addAction(timeline)
        view_menu.addSeparator()
        self.citation_style_menu = CitationStyleMenu(self)
        view_menu.addMenu(self.citation_style_menu)
        add_help_menu(self)
        self.update_undo_actions()

    # -- the catalogue ---------------------------------------------------------------------------

    def show_catalogue(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        catalogue.undo_stack  # noqa: B018  (made now, so that its labels can be shown at once)
        for model in self.models.values():
            model.deleteLater()
        self.models = {}
        for editor in self.editors.values():
            self.editor_stack.removeWidget(editor)
            editor.deleteLater()
        self.editors = {}
        self.editor_stack.setCurrentWidget(self.placeholder)
        mode = " (read-only)" if catalogue.read_only else ""
        self.setWindowTitle(f"{catalogue.path.name}[*]{mode} — nkarchive {__version__}")
        gui_settings.remember_catalogue(catalogue.path)
        self.show_kind(self.kind if self.kind in LIST_SPECS else "work")
        self.update_undo_actions()
        self._show_timeline(catalogue)
        warning = catalogue.storage_warning
        self.warning_bar.setText(f"⚠ {warning}" if warning else "")
        self.warning_bar.setVisible(bool(warning))
        if not catalogue.verified:
            # Opened with verify=False so the first page shows at once; check it now, off the way.
            QTimer.singleShot(0, self, self.verify_catalogue)

    def verify_catalogue(self) -> None:
        """SQLite's quick check on the worker; damage gets a plain message and a restore offer."""
        catalogue = self.catalogue
        if catalogue.verified:
            return

        def failed(exc: BaseException) -> None:
            if catalogue is not self.catalogue:
                return
            if isinstance(exc, CatalogueDamaged):
                self.offer_restore(str(exc))
            else:
                QMessageBox.warning(self, "Catalogue check failed", str(exc))

        self.worker.run(
            self,
            "Checking the catalogue…",
            lambda _p: catalogue.verify(),
            lambda _r: None,
            failed,
            quiet=True,
        )

    def offer_restore(self, message: str) -> None:
        """The catalogue is damaged: say so, and offer the newest backup that passes its check."""
        from nkarchive.store.backup import newest_good_backup

        good = newest_good_backup(self.catalogue.path)
        if good is None:
            QMessageBox.critical(
                self, "Catalogue damaged", f"{message}\n\nThere is no good backup to restore."
            )
            return
        taken = good.taken.astimezone().strftime("%Y-%m-%d %H:%M")
        answer = QMessageBox.question(
            self,
            "Catalogue damaged",
            f"{message}\n\nRestore the newest good backup, made {taken}? "
            "Changes made since then are lost; the damaged file is kept aside.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.restore_backup(good.path)

    def restore_backup(self, backup: Path) -> None:
        """Close the catalogue, put the backup in its place, and open it again."""
        from nkarchive.store.backup import restore_backup

        if not self.confirm_leave():
            return
        old = self.catalogue
        path, read_only = old.path, old.read_only
        for editor in self.editors.values():
            editor.clear()

        def work(_progress: Progress) -> tuple[Catalogue, str | None]:
            old.close()
            problem = None
            try:
                restore_backup(path, backup)
            except CatalogueError as exc:
                problem = str(exc)
            # Restored or not, the window needs its catalogue open again.
            return Catalogue.open(path, read_only=read_only, verify=False), problem

        def done(outcome: tuple[Catalogue, str | None]) -> None:
            catalogue, problem = outcome
            self.show_catalogue(catalogue)
            if problem:
                QMessageBox.critical(self, "Not restored", problem)
            else:
                self.statusBar().showMessage(f"Restored the backup {backup.name}.", 8000)

        def failed(exc: BaseException) -> None:
            QMessageBox.critical(self, "Cannot open catalogue", str(exc))

        self.worker.run(self, "Restoring the backup…", work, done, failed)

    def model_for(self, kind: str) -> RecordListModel:
        if kind not in self.models:
            self.models[kind] = RecordListModel(self.catalogue, LIST_SPECS[kind], self)
        return self.models[kind]

    def editor_for(self, kind: str) -> RecordEditor:
        if kind not in self.editors:
            editor = EDITORS[kind](self.catalogue, self.editor_stack)
            editor.dirty_changed.connect(self.setWindowModified)
            editor.saved.connect(self.after_operation)
            editor.open_requested.connect(self.open_record)
            self.editor_stack.addWidget(editor)
            self.editors[kind] = editor
        return self.editors[kind]

    def current_editor(self) -> RecordEditor | None:
        widget = self.editor_stack.currentWidget()
        return widget if isinstance(widget, RecordEditor) else None

    def confirm_leave(self) -> bool:
        editor = self.current_editor()
        return editor is None or editor.confirm_leave(self)

    # -- navigating ------------------------------------------------------------------------------

    def _navigator_moved(self, row: int) -> None:
        if self._selecting or row < 0:
            return
        kind = NAVIGATOR[row][1]
        if kind == self.kind and not self.showing_results:
            return
        if not self.confirm_leave():
            self._selecting = True
            self.navigator.setCurrentRow([k for _l, k, _s in NAVIGATOR].index(self.kind))
            self._selecting = False
            return
        self.show_kind(kind)

    def show_kind(self, kind: str) -> None:
        if kind == "results":
            self._show_results()
            return
        self.showing_results = False
        self.results_panel.hide()
        self._save_columns()
        self.kind = kind
        self._selecting = True
        self.navigator.setCurrentRow([k for _l, k, _s in NAVIGATOR].index(kind))
        self._selecting = False
        if kind == "saved_search":
            self._show_saved_searches()
            return
        self.saved_list.hide()
        self.search_bar.show()
        self.list_view.show()
        model = self.model_for(kind)
        self.list_view.setModel(model)
        self.list_view.selectionModel().currentRowChanged.connect(self._list_moved)
        self._restore_columns(kind)
        self.search.attach(model)
        if self.search.query or model.searching:
            self.search.run_now()  # the box's query, over this kind of record
        self.editor_stack.setCurrentWidget(self.placeholder)
        self.new_action.setText(f"&New {self._noun(kind)}")
        self._update_status()

    def _noun(self, kind: str) -> str:
        return {
            "work": "work",
            "agent": "person or organisation",
            "source": "source",
            "event": "event",
        }.get(kind, "record")

    # -- search results across kinds ---------------------------------------------------------

    def _navigator_item(self, kind: str) -> QListWidgetItem:
        return self.navigator.item([k for _l, k, _s in NAVIGATOR].index(kind))

    def _show_results(self) -> None:
        """The box's query over every kind, grouped; `self.kind` stays the list last shown."""
        self.showing_results = True
        self._selecting = True
        item = self._navigator_item("results")
        item.setHidden(False)
        self.navigator.setCurrentItem(item)
        self._selecting = False
        self.saved_list.hide()
        self.list_view.hide()
        self.search_bar.show()
        self.results_panel.show()
        self._update_status()

    def _query_typed(self, query: str) -> None:
        """A new search shows the grouped results; refining one in a list chosen from them
        keeps that list (sorted as the user sorted it)."""
        if query.strip() and not self.showing_results and not self.results_panel.query:
            self._show_results()

    def _results_found(self, _query: str) -> None:
        totals = self.results_panel.model.totals
        for _label, kind, _shortcut in NAVIGATOR:
            if kind in totals:
                self._navigator_item(kind).setData(COUNT_ROLE, totals[kind])
        results = self._navigator_item("results")
        results.setData(COUNT_ROLE, sum(totals.values()))
        results.setHidden(False)
        self._update_status()

    def _results_cleared(self) -> None:
        for _label, kind, _shortcut in NAVIGATOR:
            self._navigator_item(kind).setData(COUNT_ROLE, None)
        self._navigator_item("results").setHidden(True)
        if self.showing_results:  # back to the list shown before the query
            editor = self.current_editor()
            self.show_kind(self.kind)
            if editor is not None:  # the record open (perhaps with unsaved edits) stays open
                self.editor_stack.setCurrentWidget(editor)

    def _list_searched(self, _query: str) -> None:
        """The list shows a new query's records: the open record stays selected in it."""
        editor = self.current_editor()
        if editor is not None and editor.uuid and self.kind == editor.KIND:
            row = self.model_for(self.kind).row_of(editor.uuid)
            if row is not None:
                self._select_row(row)
        self._update_status()

    def _down_from_search(self) -> None:
        """Down in the search box: into the results (or the list), onto the first record."""
        if self.showing_results:
            self.results_panel.focus_first()
        elif self.list_view.isVisible():
            self.list_view.setFocus()
            model = self.list_view.model()
            if (
                model is not None
                and model.rowCount()
                and not self.list_view.currentIndex().isValid()
            ):
                self.list_view.setCurrentIndex(model.index(0, 0))

    def _hit_current(self, kind: str, uuid: str) -> None:
        """The keyboard or the mouse moved onto a hit: show it in its editor, as the lists do."""
        editor = self.current_editor()
        if editor is not None and (editor.KIND, editor.uuid) == (kind, uuid):
            return
        if not self.confirm_leave():
            if editor is not None and editor.uuid:
                self.results_panel.select_hit(editor.KIND, editor.uuid)
            return
        self._show_in_editor(kind, uuid)

    def _hit_opened(self, kind: str, uuid: str) -> None:
        """Enter or double-click on a hit: its record in the editor, the keyboard there."""
        self._hit_current(kind, uuid)
        editor = self.current_editor()
        if editor is not None and (editor.KIND, editor.uuid) == (kind, uuid):
            self.focus_editor()

    def _update_status(self) -> None:
        if self.showing_results:
            self.statusBar().showMessage(
                self.results_panel.summary() if self.results_panel.query else "Searching…"
            )
            return
        if self.kind in LIST_SPECS:
            model = self.model_for(self.kind)
            found = f" matching “{self.search.shown_query}”" if model.searching else ""
            count, noun = model.rowCount(), model.spec.noun
            if count == 1:
                noun = {"people and organisations": "person or organisation"}.get(noun, noun[:-1])
            self.statusBar().showMessage(f"{count:,} {noun}{found}")

    def _list_moved(self, current: QModelIndex, previous: QModelIndex) -> None:
        # The list can move while hidden (focus falls to it when the search bar hides).
        if self._selecting or not current.isValid() or self.kind not in LIST_SPECS:
            return
        model = self.model_for(self.kind)
        uuid = model.uuid_at(current.row())
        editor = self.current_editor()
        if editor is not None and editor.uuid == uuid:
            return
        if not self.confirm_leave():
            self._select_row(previous.row() if previous.isValid() else -1)
            return
        self._show_in_editor(self.kind, uuid)

    def _select_row(self, row: int) -> None:
        self._selecting = True
        try:
            selection = self.list_view.selectionModel()
            if row < 0:
                selection.clearSelection()
                return
            index = self.list_view.model().index(row, 0)
            selection.setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.list_view.scrollTo(index)
        finally:
            self._selecting = False

    def _show_in_editor(self, kind: str, uuid: str) -> bool:
        editor = self.editor_for(kind)
        if not editor.load(uuid):
            self.statusBar().showMessage(f"That {self._noun(kind)} is no longer in the catalogue.")
            return False
        self.editor_stack.setCurrentWidget(editor)
        self.setWindowModified(False)
        self.selection_changed.emit(kind, uuid)
        return True

    def open_record(self, kind: str, uuid: str) -> bool:
        """Show a record in its editor (and in the list when the list has it); for other views."""
        if kind not in EDITORS:
            raise ValueError(f"no editor for {kind!r}")
        if not self.confirm_leave():
            return False
        if self.kind != kind or self.showing_results:
            self.show_kind(kind)
        row = self.model_for(kind).row_of(uuid)
        if row is None and self.model_for(kind).searching:
            self.search.cancel()
            self.filter_box.clear()
            self.search.clear_results()
            self.search_bar.show_error(None)
            self.model_for(kind).clear_search()
            row = self.model_for(kind).row_of(uuid)
        if row is not None:
            self._select_row(row)
        return self._show_in_editor(kind, uuid)

    def new_record(self) -> None:
        kind = self.kind if self.kind in EDITORS else "work"
        if not self.confirm_leave():
            return
        if self.kind != kind:
            self.show_kind(kind)
        self._select_row(-1)
        editor = self.editor_for(kind)
        editor.new()
        self.editor_stack.setCurrentWidget(editor)
        editor.bindings[editor.FIELDS[0]].widget.setFocus()

    def focus_filter(self) -> None:
        self.filter_box.setFocus()
        self.filter_box.selectAll()

    def focus_editor(self) -> None:
        editor = self.current_editor()
        if editor is not None:
            editor.bindings[editor.FIELDS[0]].widget.setFocus()

    def selected_source(self) -> str | None:
        """The source "Copy citation" means: the one in the editor, else the one listed."""
        editor = self.current_editor()
        if editor is not None and editor.KIND == "source" and editor.uuid and not editor.is_new:
            return editor.uuid
        if self.kind == "source" and self.list_view.isVisible():
            index = self.list_view.currentIndex()
            if index.isValid():
                return self.model_for("source").uuid_at(index.row())
        return None

    def _update_copy_citation(self) -> None:
        self.copy_citation_action.setEnabled(self.selected_source() is not None)

    def copy_citation(self) -> None:
        uuid = self.selected_source()
        if uuid is None:
            self.statusBar().showMessage(
                "Choose a saved source first, then copy its citation.", 5000
            )
            return
        if copy_citation(self, self.catalogue, uuid) is not None:
            style = style_label(gui_settings.citation_style())
            self.statusBar().showMessage(f"Copied the citation ({style}).", 5000)

    def _list_context_menu(self, position: Any) -> None:
        if self.kind != "source" or not self.list_view.indexAt(position).isValid():
            return
        self.copy_citation_action.setEnabled(True)
        menu = QMenu(self)
        menu.addAction(self.copy_citation_action)
        menu.addMenu(self.citation_style_menu)
        menu.exec(self.list_view.viewport().mapToGlobal(position))

    # -- after writes ----------------------------------------------------------------------------

    def after_operation(self, result: ops.OpResult) -> None:
        """Refresh only the lists whose kinds the operation touched; keep the selection."""
        kinds = set(result.kinds)
        if kinds & {"agent", "agent_name"}:
            from nkarchive.gui.lookup import forget_keys

            forget_keys(self.catalogue)
        for model in self.models.values():
            model.follow(kinds, result.records())
        editor = self.current_editor()
        if editor is not None and editor.uuid and self.kind == editor.KIND:
            row = self.model_for(self.kind).row_of(editor.uuid)
            self._select_row(row if row is not None else -1)
        if kinds & TIMELINE_KINDS:
            self.reload_timeline()
        self.search.refresh_results()  # a changed title or a deleted record, as it now is
        self.update_undo_actions()
        self._update_status()
        self.statusBar().showMessage(f"{result.label}: done", 4000)

    def refresh_all(self) -> None:
        """After a write that does not report its rows (an import): every list and the timeline."""
        from nkarchive.gui.lookup import forget_keys

        forget_keys(self.catalogue)
        for model in self.models.values():
            model.refresh()
        self.search.refresh_results()
        self.reload_timeline()
        self.update_undo_actions()
        self._update_status()

    def reload_timeline(self) -> None:
        """Re-read the timeline now when it is showing, else when it is next shown."""
        panel = self.timeline_dock.widget()
        if not hasattr(panel, "reload"):
            return
        if self.timeline_dock.isVisible():
            panel.reload()
        # A panel never shown yet reads its events when first shown anyway.
        elif getattr(panel, "_loaded_once", True):
            self._timeline_stale = True

    def _timeline_shown(self, visible: bool) -> None:
        panel = self.timeline_dock.widget()
        if visible and not hasattr(panel, "reload"):
            self._build_timeline(self.catalogue)
            self.timeline_dock.widget().show()  # a panel reads its events when first shown
            QTimer.singleShot(0, self._give_timeline_room)
            return
        if visible and self._timeline_stale and hasattr(panel, "reload"):
            self._timeline_stale = False
            panel.reload()

    def _give_timeline_room(self) -> None:
        """A dock sized for the placeholder leaves the timeline's tool rows and legend with no
        room for the plot itself: give it close to half the window, unless it has that already
        (a size the user chose is kept, and restored with the window's layout)."""
        dock = self.timeline_dock
        wanted = max(TIMELINE_MIN_HEIGHT, int(self.height() * 0.45))
        if dock.isVisible() and not dock.isFloating() and dock.height() < TIMELINE_MIN_HEIGHT:
            self.resizeDocks([dock], [wanted], Qt.Orientation.Vertical)

    def update_undo_actions(self) -> None:
        stack = self.catalogue.undo_stack
        self.undo_action.setEnabled(stack.can_undo)
        self.redo_action.setEnabled(stack.can_redo)
        self.undo_action.setText(f"&Undo {stack.undo_label}" if stack.undo_label else "&Undo")
        self.redo_action.setText(f"&Redo {stack.redo_label}" if stack.redo_label else "&Redo")

    def undo(self) -> None:
        self._replay(ops.undo, "Undo")

    def redo(self) -> None:
        self._replay(ops.redo, "Redo")

    def _replay(self, step: Callable[[Catalogue], ops.OpResult], what: str) -> None:
        if not self.confirm_leave():
            return
        try:
            result = step(self.catalogue)
        except ops.NothingToUndo as exc:
            self.statusBar().showMessage(str(exc).capitalize(), 4000)
            return
        except ops.OperationError as exc:
            QMessageBox.warning(self, f"Cannot {what.lower()}", str(exc))
            return
        editor = self.current_editor()
        if (
            editor is not None
            and editor.uuid is not None
            and (editor.is_new or not editor.load(editor.uuid))
        ):
            editor.clear()
            self.editor_stack.setCurrentWidget(self.placeholder)
        self.after_operation(result)

    def delete_record(self) -> None:
        editor = self.current_editor()
        if editor is None or editor.uuid is None or editor.is_new:
            return
        answer = QMessageBox.question(
            self,
            "Delete record",
            f"Delete the {editor.NOUN} “{editor.heading()}”? (Undo brings it back.)",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            result = ops.delete(
                self.catalogue,
                editor.KIND,
                editor.uuid,
                label=f"Delete {editor.NOUN} “{editor.heading()}”",
            )
        except ops.OperationError as exc:
            QMessageBox.warning(self, "Not deleted", str(exc))
            return
        editor.clear()
        self.editor_stack.setCurrentWidget(self.placeholder)
        self.after_operation(result)

    # -- long work -------------------------------------------------------------------------------

    def bulk_set_status(self) -> None:
        """Set the record status of every work in the list, as one undoable operation."""
        if self.kind != "work" or not self.confirm_leave():
            if self.kind != "work":
                QMessageBox.information(self, "Works only", "Choose Works in the navigator first.")
            return
        labels = [vocab.RECORD_STATUSES.label(c) for c in vocab.RECORD_STATUSES.codes()]
        label, ok = QInputDialog.getItem(
            self, "Set record status", "Record status of the listed works:", labels, 0, False
        )
        if not ok:
            return
        status = vocab.RECORD_STATUSES.codes()[labels.index(label)]
        model = self.model_for("work")
        uuids = (
            [model.uuid_at(row) for row in range(model.rowCount())]
            if model.rowCount() <= 2000
            else None
        )
        ids = list(model._ids)
        catalogue = self.catalogue

        def work(progress: Progress) -> ops.OpResult | None:
            with catalogue.engine.connect() as connection:
                wanted = uuids or [
                    r[0]
                    for r in connection.execute(
                        text(
                            "SELECT uuid FROM work WHERE id IN (SELECT value FROM json_each(:ids))"
                        ),
                        {"ids": str(ids)},
                    )
                ]
            with ops.operation(
                catalogue, f"Set record status to {label} on {len(wanted):,} works"
            ) as op:
                for position, uuid in enumerate(wanted):
                    if position % BULK_CHUNK == 0:
                        progress.report(
                            position,
                            len(wanted),
                            f"Setting record status… {position:,} of {len(wanted):,}",
                        )
                    op.update("work", uuid, {"record_status": status})
            return op.result

        def failed(exc: BaseException) -> None:
            if isinstance(exc, Cancelled):
                self.statusBar().showMessage("Cancelled: nothing was changed.", 5000)
            else:
                QMessageBox.warning(self, "Not done", str(exc))

        self.worker.run(
            self,
            "Setting record status…",
            work,
            lambda result: result and self.after_operation(result),
            failed,
        )

    def check_catalogue(self) -> None:
        from nkarchive.store.check import check_catalogue

        catalogue = self.catalogue

        def done(report: Any) -> None:
            problems = getattr(report, "problems", None)
            text_ = (
                str(report) if problems is None else ("\n".join(problems) or "No problems found.")
            )
            QMessageBox.information(self, "Catalogue check", text_[:4000])

        self.worker.run(
            self,
            "Checking the catalogue…",
            lambda _p: check_catalogue(catalogue),
            done,
            lambda exc: QMessageBox.warning(self, "Check failed", str(exc)),
        )

    # -- catalogues ------------------------------------------------------------------------------

    def _switch_to(
        self, opener: Callable[[], Catalogue], on_locked: Callable[[], None] | None = None
    ) -> None:
        """Open another catalogue on the worker (an upgrade may take a while), then show it."""
        if not self.confirm_leave():
            return

        def done(catalogue: Catalogue) -> None:
            old = self.catalogue
            self.show_catalogue(catalogue)
            old.close()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, CatalogueLocked) and on_locked is not None:
                if offer_read_only(self, exc):
                    on_locked()
            elif isinstance(exc, CatalogueError):
                QMessageBox.critical(self, "Cannot open catalogue", str(exc))
            elif not isinstance(exc, Cancelled):
                QMessageBox.critical(self, "Cannot open catalogue", f"{type(exc).__name__}: {exc}")

        def work(progress: Progress) -> Catalogue:
            catalogue = opener()
            if progress.cancelled:
                catalogue.close()
                raise Cancelled()
            return catalogue

        self.worker.run(self, "Opening the catalogue…", work, done, failed)

    def new_catalogue(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "New catalogue", str(paths.user_data_dir()), FILE_FILTER
        )
        if name:
            path = Path(name)
            if not path.suffix:
                path = path.with_suffix(paths.CATALOGUE_SUFFIX)
            self._switch_to(lambda: Catalogue.create(path))

    def open_catalogue(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Open catalogue", str(paths.user_data_dir()), FILE_FILTER
        )
        if name:
            self.open_catalogue_path(Path(name))

    def open_catalogue_path(self, path: Path, *, read_only: bool = False) -> None:
        self._switch_to(
            lambda: Catalogue.open(path, read_only=read_only, verify=False),
            on_locked=lambda: self.open_catalogue_path(path, read_only=True),
        )

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for position, name in enumerate(gui_settings.recent_catalogues()):
            action = self.recent_menu.addAction(f"&{position + 1} {name}")
            action.triggered.connect(lambda _=False, n=name: self.open_catalogue_path(Path(n)))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction("(none)").setEnabled(False)

    # -- saved searches --------------------------------------------------------------------------

    def _show_saved_searches(self) -> None:
        self.search_bar.hide()
        self.list_view.hide()
        self.saved_list.show()
        self.saved_list.clear()
        with self.catalogue.engine.connect() as connection:
            rows = connection.execute(
                text("SELECT name, query FROM saved_search ORDER BY position, name")
            ).all()
        for name, query in rows:
            item = QListWidgetItem(f"{name}    {query}", self.saved_list)
            item.setData(Qt.ItemDataRole.UserRole, query)
        if not rows:
            QListWidgetItem("No saved searches in this catalogue yet.", self.saved_list).setFlags(
                Qt.ItemFlag.NoItemFlags
            )
        self.editor_stack.setCurrentWidget(self.placeholder)
        self.statusBar().showMessage(f"{len(rows)} saved searches")

    def _run_saved_search(self, item: QListWidgetItem) -> None:
        """A saved search, chosen in the navigator: its query goes into the box and runs."""
        query = item.data(Qt.ItemDataRole.UserRole)
        if not query:
            return
        self.filter_box.setText(query)
        self.show_kind("work")  # runs the box's query: over every kind, and the works list
        self.show_kind("results")

    def save_search(self) -> None:
        """Save the box's query under a name; it is listed under Saved searches."""
        from nkarchive.search.saved import save_search

        query = self.search.query
        if not query:
            self.statusBar().showMessage("Type a search first, then save it.", 5000)
            return
        name, ok = QInputDialog.getText(self, "Save search", f"Name for the search “{query}”:")
        if not ok:
            return
        try:
            save_search(self.catalogue, name, query)
        except ops.ValidationError as exc:
            QMessageBox.warning(
                self, "Search not saved", "\n".join(e.message for e in exc.errors) or str(exc)
            )
            return
        self.update_undo_actions()
        self.statusBar().showMessage(f"Saved the search “{name.strip()}”.", 5000)

    # -- remembered layout -----------------------------------------------------------------------

    def _restore_layout(self) -> None:
        store = gui_settings.settings()
        geometry = store.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = store.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        splitter = store.value("window/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)

    def _restore_columns(self, kind: str) -> None:
        spec = LIST_SPECS[kind]
        state = gui_settings.settings().value(f"columns/{kind}")
        header = self.list_view.horizontalHeader()
        if isinstance(state, QByteArray) and header.restoreState(state):
            return
        for column, definition in enumerate(spec.columns):
            self.list_view.setColumnWidth(column, definition.width)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)

    def _save_columns(self) -> None:
        if self.kind in LIST_SPECS and self.list_view.model() is not None:
            gui_settings.settings().setValue(
                f"columns/{self.kind}", self.list_view.horizontalHeader().saveState()
            )

    def save_layout(self) -> None:
        store = gui_settings.settings()
        store.setValue("window/geometry", self.saveGeometry())
        store.setValue("window/state", self.saveState())
        store.setValue("window/splitter", self.splitter.saveState())
        self._save_columns()
        store.sync()

    def closeEvent(self, event: Any) -> None:
        if not self.confirm_leave():
            event.ignore()
            return
        self.worker.wait()
        self.save_layout()
        event.accept()
