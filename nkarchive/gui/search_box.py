"""The search box above the record list: results as you type, the query run on the worker, a
newer keystroke superseding the older query, a syntax error shown beside the box."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QVBoxLayout, QWidget
from sqlalchemy import text

from nkarchive.search import CancelToken, QuerySyntaxError, SearchCancelled, ids_sql, parse
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
    """The box, the place for a syntax error, and "Save search…"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QLineEdit(self)
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

    def show_error(self, error: QuerySyntaxError | None) -> None:
        if error is None:
            self.error.hide()
            self.error.clear()
            return
        self.error.setText(f"{error.message} (column {error.column})")
        self.error.setToolTip(str(error))
        self.error.show()


class SearchController(QObject):
    """Runs the box's query against one list model at a time, debounced, on the worker."""

    searched = Signal(str)  # the query whose results are now shown

    def __init__(self, bar: SearchBar, worker: Worker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bar = bar
        self.worker = worker
        self.model: RecordListModel | None = None
        self._token: CancelToken | None = None
        self._generation = 0
        self.shown_query = ""
        self.timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self.timer.timeout.connect(self.run_now)
        bar.box.textEdited.connect(lambda _t: self.timer.start())
        bar.box.returnPressed.connect(self.run_now)

    def attach(self, model: RecordListModel) -> None:
        """Follow another list (the navigator moved); it is searched with the box's query."""
        self.model = model

    @property
    def query(self) -> str:
        return self.bar.box.text().strip()

    def run_now(self) -> None:
        """Search now: cancel the older query, check the syntax here, filter in SQL there."""
        self.timer.stop()
        if self._token is not None:
            self._token.cancel()
            self._token = None
        model = self.model
        if model is None:
            return
        query = self.query
        try:
            tree = parse(query, while_typing=True) if query else None
        except QuerySyntaxError as error:
            self.bar.show_error(error)  # the list keeps the last good results
            self.bar.save_button.setEnabled(False)
            return
        self.bar.show_error(None)
        self.bar.save_button.setEnabled(tree is not None)
        search: Search | None = ids_sql(tree, model.spec.kind) if tree is not None else None
        sql, params = model.ids_query(search)
        token = self._token = CancelToken()
        self._generation += 1
        generation = self._generation
        catalogue = model.catalogue

        def done(ids: list[int]) -> None:
            if generation != self._generation or model is not self.model:
                return  # a newer query is on its way
            self._token = None
            model.show_search(search, ids)
            self.shown_query = query
            self.searched.emit(query)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, SearchCancelled) or generation != self._generation:
                return
            self._token = None
            self.bar.error.setText(f"Search failed: {exc}")
            self.bar.error.show()

        self.worker.run(
            self.bar,
            "Searching…",
            lambda _progress: matching_ids(catalogue, sql, params, token),
            done,
            failed,
            quiet=True,
        )

    def cancel(self) -> None:
        self.timer.stop()
        self._generation += 1
        if self._token is not None:
            self._token.cancel()
            self._token = None
