"""Result lists of every kind: an ordered list of ids from one SQL query, rows fetched for what
is shown, sorting and filtering in SQL (a 100,000-work catalogue never loads every row)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from sqlalchemy import text

from nkarchive.model import vocab
from nkarchive.model.vocab import Vocabulary
from nkarchive.store.catalogue import Catalogue

Index = QModelIndex | QPersistentModelIndex
BATCH = 200
UUID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class Column:
    """A column: its header, the SQL giving its value, the SQL to sort by, an optional vocabulary."""

    header: str
    value: str
    sort: str | None = None
    vocabulary: Vocabulary | None = None
    width: int = 160

    @property
    def sort_key(self) -> str:
        return self.sort or self.value


@dataclass(frozen=True)
class ListSpec:
    """One kind of record as a list: its table, columns, default order and text filter."""

    kind: str
    table: str
    noun: str  # "works", "people and organisations", ...
    columns: tuple[Column, ...]
    default_order: str
    # SQL condition matching :q (a LIKE pattern) against the record's names and titles.
    text_filter: str
    # Kinds whose changes can alter what this list shows.
    follows: frozenset[str]


_TITLE = (
    "(SELECT t.text FROM title t WHERE t.work_id = work.id AND {cond} "
    "ORDER BY t.preferred DESC, t.position, t.id LIMIT 1)"
)
_AGENT_NAME = (
    "(SELECT n.name FROM agent_name n WHERE n.agent_id = {agent} AND {cond} "
    "ORDER BY n.preferred DESC, n.position, n.id LIMIT 1)"
)

WORKS = ListSpec(
    kind="work",
    table="work",
    noun="works",
    columns=(
        Column("Identifier", "work.identifier", width=110),
        Column("Title", _TITLE.format(cond="1"), width=220),
        Column("Hangul", _TITLE.format(cond="t.script = 'Hang'"), width=170),
        Column(
            "Romanized", _TITLE.format(cond="t.script = 'Latn' AND t.scheme IS NOT NULL"), width=200
        ),
        Column("English", _TITLE.format(cond="t.language = 'en'"), width=220),
        Column("Year", "work.production_date", "work.production_date_lower", width=70),
    ),
    default_order="work.identifier IS NULL, work.identifier",
    text_filter=(
        "work.identifier LIKE :q OR EXISTS (SELECT 1 FROM title t "
        "WHERE t.work_id = work.id AND t.text LIKE :q)"
    ),
    follows=frozenset({"work", "title"}),
)
AGENTS = ListSpec(
    kind="agent",
    table="agent",
    noun="people and organisations",
    columns=(
        Column("Name", _AGENT_NAME.format(agent="agent.id", cond="1"), width=200),
        Column("Hangul", _AGENT_NAME.format(agent="agent.id", cond="n.script = 'Hang'"), width=120),
        Column("Type", "agent.agent_type", vocabulary=vocab.AGENT_TYPES, width=110),
        Column("Dates", "agent.dates", "agent.dates_lower", width=110),
    ),
    default_order=_AGENT_NAME.format(agent="agent.id", cond="1"),
    text_filter="EXISTS (SELECT 1 FROM agent_name n WHERE n.agent_id = agent.id AND n.name LIKE :q)",
    follows=frozenset({"agent", "agent_name"}),
)
SOURCES = ListSpec(
    kind="source",
    table="source",
    noun="sources",
    columns=(
        Column("Title", "source.title", width=260),
        Column("Published in", "source.container_title", width=150),
        Column("Date", "source.date", "source.date_lower", width=90),
        Column("Type", "source.source_type", vocabulary=vocab.SOURCE_TYPES, width=130),
        Column("Class", "source.source_class", vocabulary=vocab.SOURCE_CLASSES, width=130),
    ),
    default_order="source.date_lower IS NULL, source.date_lower",
    text_filter="source.title LIKE :q OR source.container_title LIKE :q OR source.short_title LIKE :q",
    follows=frozenset({"source"}),
)
_EVENT_WORK = (
    "(SELECT t.text FROM title t WHERE t.work_id = event.work_id "
    "ORDER BY t.preferred DESC, t.position, t.id LIMIT 1)"
)
EVENTS = ListSpec(
    kind="event",
    table="event",
    noun="events",
    columns=(
        Column("Date", "event.date", "event.date_lower", width=100),
        Column("Type", "event.event_type", vocabulary=vocab.EVENT_TYPES, width=120),
        Column("Work", _EVENT_WORK, width=200),
        Column("Name", "event.label", width=160),
        Column("Place", "event.place", width=110),
        Column("Result", "event.result", width=120),
    ),
    default_order="event.date_lower IS NULL, event.date_lower",
    text_filter=(
        "event.label LIKE :q OR event.place LIKE :q OR event.venue LIKE :q OR "
        "EXISTS (SELECT 1 FROM title t WHERE t.work_id = event.work_id AND t.text LIKE :q)"
    ),
    follows=frozenset({"event", "work", "title"}),
)
LIST_SPECS: dict[str, ListSpec] = {spec.kind: spec for spec in (WORKS, AGENTS, SOURCES, EVENTS)}


class RecordListModel(QAbstractTableModel):
    """The ids of one kind of record in the chosen order; rows are read in batches when shown."""

    refreshed = Signal()

    def __init__(self, catalogue: Catalogue, spec: ListSpec, parent: Any = None) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self.spec = spec
        self._ids: list[int] = []
        self._rows: dict[int, tuple[Any, ...]] = {}
        self._order = f"{spec.default_order}, {spec.table}.id"
        self._filter_text = ""
        self._restrict_ids: list[int] | None = None
        # The search box's query as SQL selecting matching ids (nkarchive.search.ids_sql).
        self._search: tuple[str, dict[str, Any]] | None = None
        self.refresh()

    # -- what is listed ------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the ids again (one query); rows are re-read as they are shown."""
        self.beginResetModel()
        self._ids = self._query_ids()
        self._rows.clear()
        self.endResetModel()
        self.refreshed.emit()

    def _query_ids(self) -> list[int]:
        sql, params = self.ids_query(self._search)
        with self.catalogue.engine.connect() as connection:
            return [row[0] for row in connection.execute(text(sql), params)]

    def ids_query(
        self, search: tuple[str, dict[str, Any]] | None
    ) -> tuple[str, dict[str, Any]]:
        """The SQL listing the ids in the list's order, filtered by `search` (SQL and parameters
        from nkarchive.search.ids_sql); built on the GUI thread, safe to run on the worker."""
        table = self.spec.table
        where, params = "1", {}
        if self._filter_text:
            where = f"({self.spec.text_filter})"
            params["q"] = f"%{self._filter_text}%"
        if search is not None:
            where += f" AND {table}.id IN ({search[0]})"
            params.update(search[1])
        if self._restrict_ids is not None:
            where += f" AND {table}.id IN ({','.join(str(int(i)) for i in self._restrict_ids) or 'NULL'})"
        return f"SELECT {table}.id FROM {table} WHERE {where} ORDER BY {self._order}", params

    def show_search(self, search: tuple[str, dict[str, Any]] | None, ids: list[int]) -> None:
        """Show the ids a search found on the worker (from `ids_query(search)`); sorting and
        later refreshes keep the search."""
        self.beginResetModel()
        self._search = search
        self._ids = ids
        self._rows.clear()
        self.endResetModel()
        self.refreshed.emit()

    def clear_search(self) -> None:
        if self._search is not None:
            self._search = None
            self.refresh()

    @property
    def searching(self) -> bool:
        return self._search is not None

    def set_filter_text(self, value: str) -> None:
        value = value.strip()
        if value != self._filter_text:
            self._filter_text = value
            self.refresh()

    def restrict_to(self, ids: list[int] | None) -> None:
        """Show only these records (a saved search's hits), or all again with None."""
        self._restrict_ids = ids
        self.refresh()

    def follow(self, kinds: set[str], changed: list[tuple[str, str]]) -> None:
        """After an operation: re-read ids if records came or went, else only the changed rows."""
        if not kinds & self.spec.follows:
            return
        self.refresh()

    # -- Qt model --------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.spec.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.spec.columns[section].header
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        if role == UUID_ROLE:
            return self._row(index.row())[0]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        value = self._row(index.row())[index.column() + 1]
        column = self.spec.columns[index.column()]
        if column.vocabulary is not None and value is not None:
            return column.vocabulary.label(value)
        return value

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.spec.columns):
            return
        direction = "DESC" if order == Qt.SortOrder.DescendingOrder else "ASC"
        key = self.spec.columns[column].sort_key
        self._order = f"{key} IS NULL, {key} {direction}, {self.spec.table}.id"
        self.refresh()

    # -- lookups ---------------------------------------------------------------------------------

    def uuid_at(self, row: int) -> str:
        return str(self._row(row)[0])

    def row_of(self, uuid: str) -> int | None:
        with self.catalogue.engine.connect() as connection:
            record_id = connection.execute(
                text(f"SELECT id FROM {self.spec.table} WHERE uuid = :u"), {"u": uuid}
            ).scalar()
        if record_id is None:
            return None
        try:
            return self._ids.index(record_id)
        except ValueError:
            return None

    def _row(self, position: int) -> tuple[Any, ...]:
        record_id = self._ids[position]
        if record_id not in self._rows:
            self._fetch(position)
        return self._rows[record_id]

    def _fetch(self, position: int) -> None:
        start = max(0, position - BATCH // 4)
        wanted = self._ids[start : start + BATCH]
        table = self.spec.table
        columns = ", ".join(c.value for c in self.spec.columns)
        placeholders = ",".join(str(int(i)) for i in wanted)
        with self.catalogue.engine.connect() as connection:
            for row in connection.execute(
                text(
                    f"SELECT {table}.id, {table}.uuid, {columns} FROM {table} WHERE {table}.id IN ({placeholders})"
                )
            ):
                self._rows[row[0]] = tuple(row[1:])
