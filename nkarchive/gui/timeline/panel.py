"""The timeline tab: filter bar, quick toggles, the canvas or its table, export, the visible range.

``TimelinePanel.event_activated`` carries the UUID of an event the user opens (click, Enter, or
a double-click in the table); the main window opens its record.
"""

from __future__ import annotations

from concurrent import futures
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nkarchive.gui.timeline.canvas import TimelineCanvas
from nkarchive.gui.timeline.export import export_view
from nkarchive.gui.timeline.table import UUID_ROLE, TimelineTableModel
from nkarchive.model.vocab import CONFIDENCES, EVENT_TYPES, SOURCE_CLASSES, Vocabulary
from nkarchive.store.catalogue import Catalogue
from nkarchive.timeline.data import GROUPINGS, GroupBy, TimelineData, load_timeline
from nkarchive.timeline.filtering import EventFilter, TimelineQueryError

GROUP_LABELS: dict[str, str] = {
    "work": "By work", "country": "By country", "organiser": "By organiser", "type": "By event type",
}  # fmt: skip


class ToggleMenu(QToolButton):
    """A drop-down of checkable terms; ``chosen()`` is None while every term is checked."""

    def __init__(self, title: str, vocabulary: Vocabulary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setText(title)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setAccessibleName(f"{title} shown")
        menu = QMenu(self)
        self.actions_by_code: dict[str, QAction] = {}
        for code in vocabulary:
            action = QAction(vocabulary.label(code), menu)
            action.setCheckable(True)
            action.setChecked(True)
            menu.addAction(action)
            self.actions_by_code[code] = action
        menu.addSeparator()
        menu.addAction("Show all", lambda: self.set_all(True))
        self.setMenu(menu)
        self.title = title

    def set_all(self, checked: bool) -> None:
        for action in self.actions_by_code.values():
            action.setChecked(checked)
        self.menu().triggered.emit(next(iter(self.actions_by_code.values())))

    def chosen(self) -> frozenset[str] | None:
        checked = frozenset(c for c, a in self.actions_by_code.items() if a.isChecked())
        return None if len(checked) == len(self.actions_by_code) else checked

    def refresh_text(self) -> None:
        chosen = self.chosen()
        self.setText(self.title if chosen is None else f"{self.title} ({len(chosen)})")


class ExportDialog(QDialog):
    def __init__(self, width: int, height: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export timeline")
        form = QFormLayout(self)
        self.width_box = QSpinBox(self)
        self.width_box.setRange(400, 10000)
        self.width_box.setValue(width)
        self.height_box = QSpinBox(self)
        self.height_box.setRange(300, 10000)
        self.height_box.setValue(height)
        form.addRow("Width (pixels)", self.width_box)
        form.addRow("Height (pixels)", self.height_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class TimelinePanel(QWidget):
    event_activated = Signal(str)

    def __init__(
        self,
        catalogue: Catalogue,
        parent: QWidget | None = None,
        *,
        group_by: GroupBy = "work",
        wait: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("timeline_panel")
        self.catalogue = catalogue
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="timeline")
        self._pending: Future[TimelineData] | None = None
        self._poll = QTimer(self)
        self._poll.setInterval(40)
        self._poll.timeout.connect(self._collect)

        self.group_box = QComboBox(self)
        self.group_box.setAccessibleName("Lanes")
        for grouping in GROUPINGS:
            self.group_box.addItem(GROUP_LABELS[grouping], grouping)
        self.group_box.setCurrentIndex(GROUPINGS.index(group_by))
        self.query_edit = QLineEdit(self)
        self.query_edit.setObjectName("timeline_query")
        self.query_edit.setAccessibleName("Filter query")
        self.query_edit.setPlaceholderText(
            "Filter, e.g.  event:festival country:CS year:1970..1990"
        )
        self.query_edit.setClearButtonEnabled(True)
        self.types_menu = ToggleMenu("Event types", EVENT_TYPES, self)
        self.classes_menu = ToggleMenu("Source class", SOURCE_CLASSES, self)
        self.confidence_menu = ToggleMenu("Confidence", CONFIDENCES, self)
        self.fit_all_button = QPushButton("Fit all", self)
        self.fit_selection_button = QPushButton("Fit selection", self)
        self.export_button = QPushButton("Export…", self)
        self.table_button = QPushButton("Table", self)
        self.table_button.setCheckable(True)
        self.table_button.setToolTip("Show the same events as a sortable table (Ctrl+Shift+T)")
        self.table_button.setShortcut(QKeySequence("Ctrl+Shift+T"))
        self.message = QLabel(self)
        self.message.setObjectName("timeline_message")
        self.range_label = QLabel(self)
        self.range_label.setObjectName("timeline_range")
        self.range_label.setAccessibleName("Visible range")

        self.canvas = TimelineCanvas(catalogue, TimelineData.empty(group_by), self)
        self.table_model = TimelineTableModel(catalogue, self.canvas.data, self)
        self.table = QTableView(self)
        self.table.setObjectName("timeline_table")
        self.table.setAccessibleName("Timeline events as a table")
        self.table.setModel(self.table_model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((150, 170, 130, 200, 200, 220, 150, 200, 80)):
            self.table.setColumnWidth(column, width)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.canvas)
        self.stack.addWidget(self.table)

        bar = QHBoxLayout()
        bar.addWidget(self.group_box)
        bar.addWidget(self.query_edit, 1)
        for widget in (
            self.types_menu,
            self.classes_menu,
            self.confidence_menu,
            self.fit_all_button,
            self.fit_selection_button,
            self.export_button,
            self.table_button,
        ):
            bar.addWidget(widget)
        status = QHBoxLayout()
        status.addWidget(self.range_label)
        status.addStretch(1)
        status.addWidget(self.message)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        layout.addLayout(status)

        self.group_box.currentIndexChanged.connect(lambda _: self.reload())
        self.query_edit.returnPressed.connect(self.reload)
        for menu in (self.types_menu, self.classes_menu, self.confidence_menu):
            menu.menu().triggered.connect(lambda _=None: self.reload())
        self.fit_all_button.clicked.connect(self.canvas.fit_all)
        self.fit_selection_button.clicked.connect(self.canvas.fit_selection)
        self.export_button.clicked.connect(self.export)
        self.table_button.toggled.connect(self.show_table)
        self.canvas.range_changed.connect(self.range_label.setText)
        self.canvas.event_activated.connect(self.event_activated)
        self.table.doubleClicked.connect(self._table_activated)
        self.table.activated.connect(self._table_activated)
        # A large catalogue takes seconds to read: with wait=False (the main window) the events
        # are read off the GUI thread, and only once the panel is first shown.
        self._loaded_once = wait
        if wait:
            self.reload(wait=True)

    # -- loading -------------------------------------------------------------------------------

    def current_filter(self) -> EventFilter:
        return EventFilter(
            query=self.query_edit.text(),
            event_types=self.types_menu.chosen(),
            source_classes=self.classes_menu.chosen(),
            confidences=self.confidence_menu.chosen(),
        )

    def group_by(self) -> GroupBy:
        return self.group_box.currentData()  # type: ignore[no-any-return]

    def reload(self, *, wait: bool = False) -> None:
        """Read the events again for the current grouping and filter (off the GUI thread)."""
        for menu in (self.types_menu, self.classes_menu, self.confidence_menu):
            menu.refresh_text()
        chosen, group_by = self.current_filter(), self.group_by()
        self.message.setText("Loading…")
        self._pending = self._executor.submit(load_timeline, self.catalogue, group_by, chosen)
        if wait:
            futures.wait([self._pending])
            self._collect()
        else:
            self._poll.start()

    def wait_until_loaded(self) -> None:
        if self._pending is not None:
            futures.wait([self._pending])
            self._collect()

    def _collect(self) -> None:
        future = self._pending
        if future is None or not future.done():
            return
        self._poll.stop()
        self._pending = None
        try:
            data = future.result()
        except TimelineQueryError as exc:
            self.message.setText(f"<span style='color:#B00020'>{exc}</span>")
            return
        keep = len(self.canvas.data) > 0
        self.canvas.set_data(data, keep_range=keep)
        self.table_model.set_data(data)
        undated = f" ({data.undated:,} without a date not shown)" if data.undated else ""
        self.message.setText(f"{len(data):,} events in {len(data.lanes):,} lanes{undated}")
        self.range_label.setText(self.canvas.range_text())

    # -- actions -------------------------------------------------------------------------------

    def set_query(self, query: str) -> None:
        self.query_edit.setText(query)
        self.reload(wait=True)

    def show_table(self, shown: bool) -> None:
        self.stack.setCurrentWidget(self.table if shown else self.canvas)
        if self.table_button.isChecked() != shown:
            self.table_button.setChecked(shown)
        (self.table if shown else self.canvas).setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded_once:
            self._loaded_once = True
            self.reload()

    def follow_selection(self, kind: str, uuid: str) -> None:
        """For the main window's ``selection_changed``: a work highlights its events, an event
        is selected; anything else clears the highlight."""
        if kind == "work":
            self.highlight_work(uuid)
        elif kind == "event":
            self.canvas.select_event(uuid)
        else:
            self.highlight_work(None)

    def highlight_work(self, uuid: str | None) -> None:
        """For the main window's selection: highlight this work's events."""
        self.canvas.highlight_work(uuid)

    def _table_activated(self, index: QModelIndex) -> None:
        uuid = self.table_model.data(index, UUID_ROLE)
        if uuid:
            self.canvas.select_event(str(uuid))
            self.event_activated.emit(str(uuid))

    def export(self) -> None:
        dialog = ExportDialog(max(1600, self.canvas.width()), max(900, self.canvas.height()), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        name, _ = QFileDialog.getSaveFileName(
            self, "Export timeline", "timeline.png", "PNG image (*.png);;SVG drawing (*.svg)"
        )
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() not in (".png", ".svg"):
            path = path.with_suffix(".png")
        try:
            export_view(
                self.canvas.painter_,
                self.canvas.state,
                path,
                dialog.width_box.value(),
                dialog.height_box.value(),
            )
        except (OSError, ValueError) as exc:
            QMessageBox.critical(self, "Cannot export", str(exc))
            return
        self.message.setText(f"Exported to {path}")

    def closeEvent(self, event: object) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
        super().closeEvent(event)  # type: ignore[arg-type]
