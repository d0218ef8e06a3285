"""The list of works: an ordered list of ids from one SQL query, rows fetched as they are shown."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from sqlalchemy import text

from nkarchive.store.catalogue import Catalogue

Index = QModelIndex | QPersistentModelIndex

# Each column: header, and the SQL expression that gives its value (also used to sort).
_TITLE = (
    "(SELECT t.text FROM title t WHERE t.work_id = work.id AND {cond} "
    "ORDER BY t.preferred DESC, t.position LIMIT 1)"
)
COLUMNS: tuple[tuple[str, str], ...] = (
    ("Identifier", "work.identifier"),
    ("Title", _TITLE.format(cond="1")),
    ("Hangul", _TITLE.format(cond="t.script = 'Hang'")),
    ("Romanized", _TITLE.format(cond="t.script = 'Latn' AND t.scheme IS NOT NULL")),
    ("English", _TITLE.format(cond="t.language = 'en'")),
    ("Year", "work.production_date"),
)
SORT_KEYS = ("work.identifier", *(c[1] for c in COLUMNS[1:5]), "work.production_date_lower")
BATCH = 200
UUID_ROLE = Qt.ItemDataRole.UserRole + 1


class WorkListModel(QAbstractTableModel):
    def __init__(self, catalogue: Catalogue, parent: Any = None) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self._ids: list[int] = []
        self._rows: dict[int, tuple[Any, ...]] = {}
        self._order = "work.identifier IS NULL, work.identifier, work.id"
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        with self.catalogue.engine.connect() as connection:
            self._ids = [row[0] for row in connection.execute(
                text(f"SELECT work.id FROM work ORDER BY {self._order}"))]
        self._rows.clear()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][0]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, UUID_ROLE):
            return None
        row = self._row(index.row())
        if role == UUID_ROLE:
            return row[0]
        return row[index.column() + 1]

    def uuid_at(self, row: int) -> str:
        return str(self._row(row)[0])

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        direction = "DESC" if order == Qt.SortOrder.DescendingOrder else "ASC"
        key = SORT_KEYS[column]
        self._order = f"{key} IS NULL, {key} {direction}, work.id"
        self.refresh()

    def _row(self, position: int) -> tuple[Any, ...]:
        work_id = self._ids[position]
        if work_id not in self._rows:
            self._fetch(position)
        return self._rows[work_id]

    def _fetch(self, position: int) -> None:
        start = max(0, position - BATCH // 4)
        wanted = self._ids[start:start + BATCH]
        placeholders = ",".join(str(i) for i in wanted)
        columns = ", ".join(c[1] for c in COLUMNS)
        with self.catalogue.engine.connect() as connection:
            for row in connection.execute(text(
                f"SELECT work.id, work.uuid, {columns} FROM work WHERE work.id IN ({placeholders})"
            )):
                self._rows[row[0]] = tuple(row[1:])
