"""The search box above the record list: results as you type, grouped across kinds of record
(nkarchive.gui.search_results) and the shown list filtered, the queries run on the worker, a newer
keystroke superseding the older query, a syntax error shown beside the box."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QVBoxLayout, QWidget
from sqlalchemy import text

from nkarchive.gui.search_results import PAGE, SearchResultsPanel, hit_details
from nkarchive.search import (
    CancelToken,
    QuerySyntaxError,
    SearchCancelled,
    SearchResult,
    ids_sql,
    parse,
    search,
)
from nkarchive.store.catalogue import Catalogue

if TYPE_CHECKING:
    from nkarchive.gui.list_models import RecordListModel
    from nkarchive.gui.worker import Worker

DEBOUNCE_MS = 150
Search = tuple[str, dict[str, Any]]


def matching_ids(
    catalogue: Catalogue, sql: str, params: dict[str, Any], cancel: CancelToken
) -> list[int]:
    """Run the list's id query on the worker; `cancel` stops SQLite mid-statement."""
    if cancel.cancelled:  # superseded while it waited for the worker
        raise SearchCancelled(sql)
    with catalogue.engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        interruptible = isinstance(raw, sqlite3.Connection)
        if interruptible:
            raw.set_progress_handler(lambda: 1 if cancel.cancelled else 0, 2000)  # type: ignore[union-attr]
        try:
            return [row[0] for row in connection.execute(text(sql), params)]
        except Exception as exc:
            if cancel.cancelled:
                raise SearchCancelled(sql) from exc
            raise
        finally:
            if interruptible:  # the pooled connection must not keep an old token's handler
                raw.set_progress_handler(None, 0)  # type: ignore[union-attr]


class SearchBar(QWidget):
    """The box, the place for a syntax error, and "Save search…". Down in the box emits
    `down_pressed` (the keyboard moves on into the results)."""

    down_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QLineEdit(self)
        self.box.installEventFilter(self)
        self.box.setObjectName("filter_box")
        self.box.setAccessibleName("Search")
        self.box.setPlaceholderText(
            "Search: words, 불가사리, title:…, director:…, year:1980..1989 (Ctrl+F)"
        )
        self.box.setClearButtonEnabled(True)
        self.error = QLabel(self)
        self.error.setObjectName("search_error")
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        self.save_button = QToolButton(self)
        self.save_button.setObjectName("save_search")
        self.save_button.setText("Save…")
        self.save_button.setToolTip(
            "Save this search under a name (it appears under Saved searches)"
        )
        self.save_button.setEnabled(False)
        # The error goes on a line of its own under the box, so the box never shrinks to make room.
        self.error.setWordWrap(True)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.box, 1)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.error)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.box and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Down and not event.modifiers():
                self.down_pressed.emit()
                return True
        return super().eventFilter(watched, event)

    def show_error(self, error: QuerySyntaxError | None) -> None:
        if error is None:
            self.error.hide()
            self.error.clear()
            return
        self.error.setText(f"{error.message} (column {error.column})")
        self.error.setToolTip(str(error))
        self.error.show()


class SearchController(QObject):
    """Runs the box's query, debounced, on the worker: first across every kind for the grouped
    results (when there is a results panel), then over the list shown. A newer query cancels
    the older one's jobs, and answers that come back late are dropped."""

    searched = Signal(str)  # the list now shows this query's records
    found = Signal(str)  # the grouped results now show this query
    cleared = Signal()  # the box was emptied: no results, the lists unfiltered

    def __init__(
        self,
        bar: SearchBar,
        worker: Worker,
        parent: QObject | None = None,
        results: SearchResultsPanel | None = None,
    ) -> None:
        super().__init__(parent)
        self.bar = bar
        self.worker = worker
        self.results = results
        self.model: RecordListModel | None = None
        self._tokens: list[CancelToken] = []
        self._generation = 0
        # The catalogue and query the results panel shows (None: it shows nothing yet).
        self._results_for: tuple[Catalogue, str] | None = None
        self.shown_query = ""
        self.timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self.timer.timeout.connect(self.run_now)
        # An emptied box (the clear button, or the last letter deleted) shows the lists at once.
        bar.box.textEdited.connect(
            lambda t: self.run_now() if not t.strip() else self.timer.start()
        )
        bar.box.returnPressed.connect(self.run_now)
        if results is not None:
            results.more_wanted.connect(self.load_more)

    def attach(self, model: RecordListModel) -> None:
        """Follow another list (the navigator moved); it is searched with the box's query."""
        self.model = model

    @property
    def query(self) -> str:
        return self.bar.box.text().strip()

    def _cancel_running(self) -> None:
        for token in self._tokens:
            token.cancel()
        self._tokens = []

    def _token(self) -> CancelToken:
        token = CancelToken()
        self._tokens.append(token)
        return token

    def run_now(self) -> None:
        """Search now: cancel the older query, check the syntax here, search there."""
        self.timer.stop()
        self._cancel_running()
        model = self.model
        if model is None:
            return
        query = self.query
        try:
            tree = parse(query, while_typing=True) if query else None
        except QuerySyntaxError as error:
            self.bar.show_error(error)  # the list and the results keep the last good answer
            self.bar.save_button.setEnabled(False)
            return
        self.bar.show_error(None)
        self.bar.save_button.setEnabled(tree is not None)
        self._generation += 1
        generation = self._generation
        catalogue = model.catalogue
        if tree is None:
            if self.results is not None:
                self.results.clear()
            self._results_for = None
            self.cleared.emit()
        elif self.results is not None and self._results_for != (catalogue, query):
            self._find(catalogue, query, generation)
        self._filter_list(model, query, tree, generation)

    def _find(self, catalogue: Catalogue, query: str, generation: int, limit: int = PAGE) -> None:
        """The grouped results: counts of every kind and the first page of each."""
        results = self.results
        assert results is not None
        token = self._token()

        def done(found: tuple[SearchResult, dict[str, str]]) -> None:
            if generation != self._generation or catalogue is not self._catalogue():
                return  # a newer query (or another catalogue) is on its way
            self._results_for = (catalogue, query)
            results.show_result(*found)
            self.found.emit(query)

        def work(_progress: Any) -> tuple[SearchResult, dict[str, str]]:
            result = search(catalogue, query, limit=limit, while_typing=True, cancel=token)
            if token.cancelled:
                raise SearchCancelled(query)
            return result, hit_details(catalogue, result.hits_by_kind)

        self.worker.run(
            self.bar,
            "Searching…",
            work,
            done,
            lambda exc: self._failed(exc, generation),
            quiet=True,
        )

    def _filter_list(self, model: RecordListModel, query: str, tree: Any, generation: int) -> None:
        search_sql: Search | None = ids_sql(tree, model.spec.kind) if tree is not None else None
        sql, params = model.ids_query(search_sql)
        token = self._token()
        catalogue = model.catalogue

        def done(ids: list[int]) -> None:
            if generation != self._generation or model is not self.model:
                return  # a newer query is on its way
            model.show_search(search_sql, ids)
            self.shown_query = query
            self.searched.emit(query)

        self.worker.run(
            self.bar,
            "Searching…",
            lambda _progress: matching_ids(catalogue, sql, params, token),
            done,
            lambda exc: self._failed(exc, generation),
            quiet=True,
        )

    def _failed(self, exc: BaseException, generation: int) -> None:
        if isinstance(exc, SearchCancelled) or generation != self._generation:
            return
        self.bar.error.setText(f"Search failed: {exc}")
        self.bar.error.show()

    def _catalogue(self) -> Catalogue | None:
        return self.model.catalogue if self.model is not None else None

    def load_more(self, kind: str) -> None:
        """The next page of one kind's hits, for "Show more"; the query shown is kept."""
        results = self.results
        if results is None or self._results_for is None:
            return
        found = results.model.group_of(kind)
        if found is None:
            return
        catalogue, query = self._results_for
        offset = len(found[1].hits)
        results.model.set_loading(kind, True)
        generation = self._generation
        token = self._token()

        def done(found: tuple[SearchResult, dict[str, str]]) -> None:
            result, details = found
            if generation != self._generation or results.query != query:
                return
            results.append(
                kind, result.hits_by_kind.get(kind, []), result.total_by_kind.get(kind, 0), details
            )
            self.found.emit(query)

        def work(_progress: Any) -> tuple[SearchResult, dict[str, str]]:
            result = search(
                catalogue,
                query,
                kinds=[kind],
                limit=PAGE,
                offset=offset,
                while_typing=True,
                cancel=token,
            )
            return result, hit_details(catalogue, result.hits_by_kind)

        def failed(exc: BaseException) -> None:
            results.model.set_loading(kind, False)
            self._failed(exc, generation)

        self.worker.run(
            self.bar,
            "Searching…",
            work,
            done,
            failed,
            quiet=True,
        )

    def refresh_results(self) -> None:
        """After a write: the shown results read again (as many hits of each kind as are
        shown), so that a changed title or a deleted record shows as it now is."""
        results = self.results
        if results is None or self._results_for is None or self._results_for[1] != self.query:
            return
        catalogue, query = self._results_for
        if catalogue is not self._catalogue():
            return
        shown = max((len(group.hits) for group in results.model.groups), default=0)
        self._find(catalogue, query, self._generation, limit=max(PAGE, shown))

    def cancel(self) -> None:
        self.timer.stop()
        self._generation += 1
        self._cancel_running()

    def clear_results(self) -> None:
        """Forget the grouped results (the box was emptied by the program, not by typing)."""
        if self.results is not None:
            self.results.clear()
        self._results_for = None
        self.cleared.emit()
