"""Row-level change capture: every insert, update and delete an operation makes, in order.

SQLAlchemy mapper events fire in the order the unit of work writes rows, so replaying the list
backwards (undo) or forwards (redo) always satisfies the foreign keys. The same list feeds the
Change log and any index that must stay in step with the records.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import event, inspect
from sqlalchemy.orm import Mapper, Session, object_session

from nkarchive.model import KIND_BY_TABLE, Base, row_values

Action = Literal["insert", "update", "delete"]
RECORDER_KEY = "nkarchive.recorder"


class WriteOutsideOperation(RuntimeError):
    """Something tried to write through a plain session; all writes go through nkarchive.ops."""


@dataclass(frozen=True)
class RowChange:
    """One row written: its table, primary key, and its values before and after."""

    table: str
    action: Action
    pk: int
    before: dict[str, Any] | None
    after: dict[str, Any] | None

    @property
    def kind(self) -> str:
        return KIND_BY_TABLE.get(self.table, self.table)

    @property
    def uuid(self) -> str:
        values = self.after if self.after is not None else self.before
        assert values is not None
        return str(values.get("uuid", self.pk))

    def changed_fields(self) -> list[str]:
        if self.before is None or self.after is None:
            return []
        return [k for k in self.after if k != "id" and self.after[k] != self.before.get(k)]

    def inverse(self) -> RowChange:
        inverse_action: dict[str, Action] = {"insert": "delete", "delete": "insert", "update": "update"}
        return RowChange(self.table, inverse_action[self.action], self.pk, self.after, self.before)


@dataclass
class Recorder:
    changes: list[RowChange] = field(default_factory=list)


def _recorder(target: object) -> Recorder | None:
    session = object_session(target)
    if session is None:
        return None
    recorder = session.info.get(RECORDER_KEY)
    return recorder if isinstance(recorder, Recorder) else None


def _table(mapper: Mapper[Any]) -> str:
    return str(mapper.local_table.name)  # type: ignore[attr-defined]


@event.listens_for(Base, "after_insert", propagate=True)
def _after_insert(mapper: Mapper[Any], _connection: Any, target: Any) -> None:
    recorder = _recorder(target)
    if recorder is not None:
        values = copy.deepcopy(row_values(target))
        recorder.changes.append(RowChange(_table(mapper), "insert", values["id"], None, values))


@event.listens_for(Base, "after_update", propagate=True)
def _after_update(mapper: Mapper[Any], _connection: Any, target: Any) -> None:
    recorder = _recorder(target)
    if recorder is None:
        return
    state = inspect(target)
    after = copy.deepcopy(row_values(target))
    before = dict(after)
    for attr in mapper.column_attrs:
        history = state.attrs[attr.key].history
        if history.deleted:
            before[attr.columns[0].name] = copy.deepcopy(history.deleted[0])
    if before != after:
        recorder.changes.append(RowChange(_table(mapper), "update", after["id"], before, after))


@event.listens_for(Base, "before_delete", propagate=True)
def _before_delete(mapper: Mapper[Any], _connection: Any, target: Any) -> None:
    recorder = _recorder(target)
    if recorder is not None:
        values = copy.deepcopy(row_values(target))
        recorder.changes.append(RowChange(_table(mapper), "delete", values["id"], values, None))


@event.listens_for(Session, "before_flush")
def _only_operations_write(session: Session, _context: Any, _instances: Any) -> None:
    if RECORDER_KEY in session.info:
        return
    if session.new or session.dirty or session.deleted:
        raise WriteOutsideOperation(
            "records are written only through nkarchive.ops operations, "
            "so that each change is validated, logged and undoable"
        )
