"""The timeline's events as a sortable table: the accessible way to the same filtered events.

The model holds the events' ids in display order (one compact array, made when the table first
needs it) and reads rows from SQL as they are shown. Sorting by date uses the timeline's
arrays; other columns sort in SQL.
"""

from __future__ import annotations

from array import array
from itertools import repeat
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from nkarchive.model.dates import DateError, describe
from nkarchive.model.vocab import EVENT_TYPES
from nkarchive.store.catalogue import Catalogue
from nkarchive.timeline.countries import country_name
from nkarchive.timeline.data import TimelineData, find_all

Index = QModelIndex | QPersistentModelIndex
UUID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
BATCH = 200

_WORK_TITLE = (
    "(SELECT t.text FROM title t WHERE t.work_id = e.work_id "
    "ORDER BY t.preferred DESC, t.position LIMIT 1)"
)
_ROMANIZED = (
    "(SELECT t.text FROM title t WHERE t.work_id = e.work_id AND t.script = 'Latn' "
    "AND t.scheme IS NOT NULL ORDER BY t.preferred DESC, t.position LIMIT 1)"
)
_ORGANISER = (
    "(SELECT n.name FROM agent_name n WHERE n.agent_id = e.organiser_id "
    "ORDER BY n.preferred DESC, n.position LIMIT 1)"
)
_CITATIONS = "(SELECT count(*) FROM citation c WHERE c.event_id = e.id)"

# Each column: header, and the SQL expression for its value (also its sort key).
COLUMNS: tuple[tuple[str, str], ...] = (
    ("Date", "e.date"),
    ("In words", "e.date"),
    ("Event type", "e.event_type"),
    ("Work", f"coalesce({_WORK_TITLE}, e.label)"),
    ("Romanized title", _ROMANIZED),
    ("Place", "coalesce(e.venue || ', ' || e.place, e.place, e.venue)"),
    ("Country", "e.country"),
    ("Organiser", _ORGANISER),
    ("Citations", _CITATIONS),
)
DATE, WORDS, TYPE, WORK, ROMANIZED, PLACE, COUNTRY, ORGANISER, CITATIONS = range(len(COLUMNS))


class TimelineTableModel(QAbstractTableModel):
    def __init__(self, catalogue: Catalogue, data: TimelineData, parent: Any = None) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self._rows: dict[int, tuple[Any, ...]] = {}
        self._ordered: array[int] | None = None
        self._sort = (DATE, Qt.SortOrder.AscendingOrder)
        self.timeline = data
        self.set_data(data)

    def set_data(self, data: TimelineData) -> None:
        self.beginResetModel()
        self.timeline = data
        self._rows.clear()
        self._ordered = None  # sorted when the table first shows rows, not on every reload
        self.endResetModel()

    @property
    def _ids(self) -> array[int]:
        if self._ordered is None:
            self._ordered = self._ordered_ids(*self._sort)
        return self._ordered

    def event_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, event_id: int) -> int | None:
        found = find_all(self._ids, event_id)
        return found[0] if found else None

    # -- Qt model API --------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.timeline)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return COLUMNS[section][0]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.timeline)):
            return None
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            UUID_ROLE,
            SORT_ROLE,
            Qt.ItemDataRole.TextAlignmentRole,
        ):
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if index.column() == CITATIONS:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        row = self._row(self._ids[index.row()])
        if role == UUID_ROLE:
            return row[0]
        value = row[1 + index.column()]
        if role == SORT_ROLE:
            return value
        return self._display(index.column(), value)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._ordered = self._ordered_ids(column, order)
        self.layoutChanged.emit()

    # -- reading -------------------------------------------------------------------------------

    @staticmethod
    def _display(column: int, value: Any) -> Any:
        if value is None:
            return ""
        if column == WORDS:
            try:
                return describe(str(value))
            except DateError:
                return str(value)
        if column == TYPE:
            return EVENT_TYPES.label(str(value))
        if column == COUNTRY:
            return f"{country_name(str(value))} ({value})"
        if column == CITATIONS:
            return int(value)
        return str(value)

    def _row(self, event_id: int) -> tuple[Any, ...]:
        found = self._rows.get(event_id)
        if found is not None:
            return found
        # Read the rows around this one in one query: a view shows them together.
        row = self.row_of(event_id) or 0
        batch = list(self._ids[max(0, row - BATCH // 4) : row + BATCH])
        if event_id not in batch:
            batch.append(event_id)
        if len(self._rows) > 20 * BATCH:
            self._rows.clear()
        names = ", ".join(f":i{n}" for n in range(len(batch)))
        sql = (
            f"SELECT e.id, e.uuid, {', '.join(expr for _, expr in COLUMNS)} "
            f"FROM event e WHERE e.id IN ({names})"
        )
        with self.catalogue.engine.connect() as connection:
            for values in connection.exec_driver_sql(
                sql, {f"i{n}": v for n, v in enumerate(batch)}
            ):
                self._rows[int(values[0])] = tuple(values[1:])
        return self._rows.get(event_id, ("",) + ("",) * len(COLUMNS))

    def _ordered_ids(self, column: int, order: Qt.SortOrder) -> array[int]:
        data = self.timeline
        if not len(data):
            return array("i")
        if column in (DATE, WORDS):
            # One sort of packed integers: by first day, then last day, then id.
            bases = (min(data.lower), min(data.upper))
            keys = map(_packed_date, data.lower, data.upper, data.event_id, repeat(bases))
            ordered = array("i", (key & _LOW_32 for key in sorted(keys)))
        elif column == TYPE:
            # By type, then first day, then place in the timeline.
            low, ids = min(data.lower), data.event_id
            keys = map(_packed_type, data.type, data.lower, repeat(low), range(len(data)))
            ordered = array("i", (ids[key & _LOW_32] for key in sorted(keys)))
        else:
            # Sort every event in SQL, then keep the ones the timeline shows, in that order.
            shown = bytearray(max(data.event_id) + 1)
            for event_id in data.event_id:
                shown[event_id] = 1
            expr = COLUMNS[column][1]
            with self.catalogue.engine.connect() as connection:
                rows = connection.exec_driver_sql(
                    f"SELECT e.id FROM event e ORDER BY {expr} IS NULL, {expr}, e.date_lower, e.id"
                )
                limit = len(shown)
                ordered = array("i", (i for (i,) in rows if i < limit and shown[i]))
        if order == Qt.SortOrder.DescendingOrder:
            ordered.reverse()
        return ordered


_LOW_32 = (1 << 32) - 1


def _packed_date(lower: int, upper: int, event_id: int, bases: tuple[int, int]) -> int:
    # Day ordinals stay below 2**22 (the year 9999 is day 3,652,059).
    return ((lower - bases[0]) << 54) | ((upper - bases[1]) << 32) | event_id


def _packed_type(event_type: int, lower: int, low: int, position: int) -> int:
    return (event_type << 54) | ((lower - low) << 32) | position
