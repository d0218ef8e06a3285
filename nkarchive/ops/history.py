"""Undo and redo in the core: replay an operation's row changes backwards or forwards.

Each entry keeps the rows exactly as they were (ids and UUIDs included), so undoing a delete
brings back the record and everything that went with it, citations and all. Before replaying,
every row is checked to be as the operation left it; if anyone changed it since, the undo is
refused rather than overwrite their work.
"""

from __future__ import annotations

import uuid as uuid_module
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Table, select

from nkarchive.model import Base
from nkarchive.ops.changes import RowChange
from nkarchive.ops.errors import NothingToUndo, UndoConflict

if TYPE_CHECKING:
    from nkarchive.ops.operation import OpResult
    from nkarchive.store.catalogue import Catalogue

LIMIT = 200


class UndoStack:
    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self._done: list[OpResult] = []
        self._undone: list[OpResult] = []

    def push(self, result: OpResult) -> None:
        self._done.append(result)
        del self._done[:-LIMIT]
        self._undone.clear()

    @property
    def can_undo(self) -> bool:
        return bool(self._done)

    @property
    def can_redo(self) -> bool:
        return bool(self._undone)

    @property
    def undo_label(self) -> str | None:
        return self._done[-1].label if self._done else None

    @property
    def redo_label(self) -> str | None:
        return self._undone[-1].label if self._undone else None

    def undo(self) -> OpResult:
        if not self._done:
            raise NothingToUndo("there is nothing to undo")
        entry = self._done[-1]
        result = self._replay(entry, [c.inverse() for c in reversed(entry.changes)], f"Undo: {entry.label}")
        self._undone.append(self._done.pop())
        return result

    def redo(self) -> OpResult:
        if not self._undone:
            raise NothingToUndo("there is nothing to redo")
        entry = self._undone[-1]
        result = self._replay(entry, list(entry.changes), f"Redo: {entry.label}")
        self._done.append(self._undone.pop())
        return result

    def clear(self) -> None:
        self._done.clear()
        self._undone.clear()

    def _replay(self, entry: OpResult, changes: list[RowChange], label: str) -> OpResult:
        from nkarchive.ops.operation import OpResult, finish_write

        operation_id = str(uuid_module.uuid4())
        with self.catalogue.write_session() as session:
            connection = session.connection()
            for change in changes:
                _apply(connection, change, entry.label)
            finish_write(self.catalogue, connection, changes, operation_id=operation_id, why=label)
        return OpResult(label, operation_id, tuple(changes))


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def _apply(connection: Connection, change: RowChange, label: str) -> None:
    table = _table(change.table)
    current = connection.execute(select(table).where(table.c.id == change.pk)).mappings().first()
    expected = change.before
    if not _same(current, expected):
        raise UndoConflict(
            f"“{label}” cannot be undone or redone: the {change.kind.replace('_', ' ')} it changed "
            "has been changed since. Nothing was changed."
        )
    if change.action == "insert":
        assert change.after is not None
        connection.execute(table.insert().values(**change.after))
    elif change.action == "delete":
        connection.execute(table.delete().where(table.c.id == change.pk))
    else:
        assert change.after is not None
        connection.execute(table.update().where(table.c.id == change.pk).values(**change.after))


def _same(current: Any, expected: dict[str, Any] | None) -> bool:
    if expected is None:
        return current is None
    if current is None:
        return False
    return all(current.get(key) == value for key, value in expected.items())
