"""The single write path: an operation validates, writes in one transaction, logs and is undoable.

    with operation(catalogue, "Add film") as op:
        work = op.create("work", {"form": "feature", "production_date": "1985"})
        op.create("title", {"work": work.uuid, "text": "불가사리", "title_type": "original"})
    op.result  # what changed, for views to refresh

Any error inside the block (a validation failure included) rolls the whole operation back.
"""

from __future__ import annotations

import copy
import json
import re
import uuid as uuid_module
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Column, Connection, Table, func, insert, inspect, select
from sqlalchemy.orm import Session

from nkarchive.model import RECORD_CLASSES, Change, Citation, Event, Record, SavedSearch, Title
from nkarchive.ops.changes import RECORDER_KEY, Recorder, RowChange
from nkarchive.ops.errors import DeleteRefused, FieldError, RecordNotFound, ValidationError
from nkarchive.ops.fields import SPEC_BY_NAME, clean_value, cross_field_errors, date_bounds
from nkarchive.store.catalogue import Catalogue

# Records that others point at without owning them: deleting one is refused while they exist.
RESTRICTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "agent": (
        ("credits", "is credited on {n} work(s)"),
        ("organised", "organised {n} event(s)"),
        ("distributed", "distributed {n} version(s)"),
        ("holdings", "holds {n} copy/copies"),
    ),
    "source": (("citations", "is cited by {n} citation(s)"),),
    "event": (("children", "has {n} event(s) within it, such as festival showings"),),
    "manifestation": (("items", "has {n} copy/copies"),),
}
CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
CITATION_TARGETS = ("work", "title", "credit", "event", "agent", "agent_name", "manifestation", "item")
# Within each group (same work, same agent, same fact) only one record may be preferred.
PREFERRED_GROUPS: dict[str, tuple[str, ...]] = {
    "title": ("work_id",),
    "agent_name": ("agent_id",),
    "citation": (*(f"{target}_id" for target in CITATION_TARGETS), "field"),
}


@dataclass(frozen=True)
class OpResult:
    """What one operation (or its undo or redo) changed, for views to refresh just that."""

    label: str
    operation_id: str
    changes: tuple[RowChange, ...]

    def records(self, action: str | None = None) -> list[tuple[str, str]]:
        seen: dict[tuple[str, str], None] = {}
        for change in self.changes:
            if action is None or change.action == action:
                seen[(change.kind, change.uuid)] = None
        return list(seen)

    @property
    def kinds(self) -> set[str]:
        return {change.kind for change in self.changes}


class Operation:
    """The write methods available inside `operation(...)`; each step is validated first."""

    def __init__(self, catalogue: Catalogue, session: Session, label: str) -> None:
        self.catalogue = catalogue
        self.session = session
        self.label = label
        self.id = str(uuid_module.uuid4())
        self.result: OpResult | None = None
        # Row ids of records looked up or made in this operation, so that building a film with
        # its titles, credits and citations does not query for the same record again and again.
        self._row_ids: dict[tuple[str, str], int] = {}

    # -- reading inside the operation ----------------------------------------------------------

    def get(self, kind: str, uuid: str) -> Record:
        cls = _record_class(kind)
        record = self.session.scalar(select(cls).where(cls.uuid == uuid))
        if record is None:
            raise RecordNotFound(kind, uuid)
        return record

    # -- writing -------------------------------------------------------------------------------

    def create(self, kind: str, values: dict[str, Any]) -> Any:
        cls = _record_class(kind)
        record = cls()
        errors: list[FieldError] = []
        if "uuid" in values:
            errors += self._check_new_uuid(cls, values["uuid"])
            record.uuid = str(values["uuid"]).lower()
        else:
            record.uuid = str(uuid_module.uuid4())
        fields = {k: v for k, v in values.items() if k != "uuid"}
        specs = SPEC_BY_NAME[kind]
        for name, spec in specs.items():
            if spec.required and name not in fields:
                errors.append(FieldError(name, f"{spec.label} is required"))
        self._assign(kind, record, fields, errors)
        self.session.add(record)
        self.session.flush()
        self._row_ids[(kind, record.uuid)] = record.id
        self._after_save(kind, record)
        return record

    def create_many(self, kind: str, rows: list[dict[str, Any]]) -> list[str]:
        """Create many records of one kind at once (imports): each row is validated exactly as
        `create` validates it, then all are inserted with one executemany.

        Row changes are recorded here, in row order, so the Change log, undo and the row
        listeners see every record as if `create` had made it. A reference may name a record
        made earlier in `rows`. If any row is invalid, nothing is written and the ValidationError
        names the row's index. Returns the new records' UUIDs in order.
        """
        cls = _record_class(kind)
        table = cls.__table__  # type: ignore[attr-defined]
        specs = SPEC_BY_NAME[kind]
        column_of = {attr.key: attr.columns[0].name for attr in inspect(cls).column_attrs}
        defaults = _column_defaults(table)
        self.session.flush()  # ORM writes made earlier in this operation come first
        given = [str(row["uuid"]).lower() for row in rows if "uuid" in row]
        taken = _existing_uuids(self.session, cls, given)
        next_id = (self.session.scalar(select(func.max(cls.id))) or 0) + 1
        self._resolve_refs(kind, rows)
        inserts: list[dict[str, Any]] = []
        seen: set[str] = set()
        spec_columns = [s.column for s in specs.values()]
        for index, values in enumerate(rows):
            errors: list[FieldError] = []
            if "uuid" in values:
                errors += _uuid_errors(cls, values["uuid"], taken, seen)
                record_uuid = str(values["uuid"]).lower()
            else:
                record_uuid = str(uuid_module.uuid4())
            seen.add(record_uuid)
            fields = {k: v for k, v in values.items() if k != "uuid"}
            errors += [FieldError(name, f"{spec.label} is required")
                       for name, spec in specs.items() if spec.required and name not in fields]
            attributes = self._cleaned(kind, cls, fields, errors, lookup=False)
            merged = {column: attributes.get(column) for column in spec_columns}
            errors += cross_field_errors(kind, merged)
            if errors:
                raise ValidationError(kind, errors, f"#{index + 1} of {len(rows)} ({record_uuid})")
            row = {column_of[key]: value for key, value in attributes.items()}
            row["id"], row["uuid"] = next_id + index, record_uuid
            for name, default in defaults.items():
                if name not in row:  # not made and thrown away: a default can be a fresh UUID
                    row[name] = default() if callable(default) else default
            inserts.append(row)
            self._row_ids[(kind, record_uuid)] = row["id"]
        self._keep_one_preferred(kind, inserts)
        if inserts:
            self.session.connection().execute(insert(table), inserts)
        recorder: Recorder = self.session.info[RECORDER_KEY]
        recorder.changes.extend(
            RowChange(table.name, "insert", row["id"], None, _own_copy(row)) for row in inserts
        )
        return [row["uuid"] for row in inserts]

    def _resolve_refs(self, kind: str, rows: list[dict[str, Any]]) -> None:
        """Look up, in one query per kind, the row ids of every record `rows` refer to."""
        wanted: dict[str, set[str]] = {}
        for spec_ in SPEC_BY_NAME[kind].values():
            if spec_.type == "ref" and spec_.ref is not None:
                for row in rows:
                    value = row.get(spec_.name)
                    if isinstance(value, str) and (spec_.ref, value) not in self._row_ids:
                        wanted.setdefault(spec_.ref, set()).add(value)
        for target_kind, uuids in wanted.items():
            target_cls = _record_class(target_kind)
            ordered = sorted(uuids)
            for start in range(0, len(ordered), 500):
                chunk = ordered[start:start + 500]
                for row_id, row_uuid in self.session.execute(
                    select(target_cls.id, target_cls.uuid).where(target_cls.uuid.in_(chunk))
                ):
                    self._row_ids[(target_kind, row_uuid)] = row_id

    def _keep_one_preferred(self, kind: str, inserts: list[dict[str, Any]]) -> None:
        """As `create` does one record at a time: the last preferred title, name or claim of a
        fact wins, over earlier rows and over records already in the catalogue."""
        group_columns = PREFERRED_GROUPS.get(kind)
        if group_columns is None:
            return
        last: dict[tuple[Any, ...], dict[str, Any]] = {}
        for row in inserts:
            if row.get("preferred"):
                key = tuple(row.get(column) for column in group_columns)
                if key in last:
                    last[key]["preferred"] = False
                last[key] = row
        cls = _record_class(kind)
        table = cls.__table__  # type: ignore[attr-defined]
        # One query per 500 groups, not one per group: a group is found by its first column that
        # has a value (the work of a title, the target of a claim), the rest compared here.
        by_anchor: dict[str, set[Any]] = {}
        for key in last:
            anchor = next(
                ((c, v) for c, v in zip(group_columns, key, strict=True) if v is not None), None
            )
            if anchor is not None:
                by_anchor.setdefault(anchor[0], set()).add(anchor[1])
        key_columns = [table.c[c] for c in group_columns]
        for column, values in by_anchor.items():
            ordered = sorted(values, key=repr)
            for start in range(0, len(ordered), 500):
                found = self.session.execute(
                    select(table.c.id, *key_columns).where(
                        table.c.preferred.is_(True),
                        table.c[column].in_(ordered[start : start + 500]),
                    )
                )
                for sibling_id, *sibling_key in found:
                    if tuple(sibling_key) in last:
                        self.session.get_one(cls, sibling_id).preferred = False  # type: ignore[attr-defined]
        self.session.flush()

    def update(self, kind: str, uuid: str, values: dict[str, Any]) -> Any:
        record = self.get(kind, uuid)
        self._assign(kind, record, values, [], existing=uuid)
        self.session.flush()
        self._after_save(kind, record)
        return record

    def delete(self, kind: str, uuid: str) -> None:
        record = self.get(kind, uuid)
        reasons = []
        for attribute, template in RESTRICTIONS.get(kind, ()):
            count = len(getattr(record, attribute))
            if count:
                reasons.append(template.format(n=count))
        if reasons:
            raise DeleteRefused(
                f"Cannot delete {kind.replace('_', ' ')} “{record.label()}”: it "
                + " and ".join(reasons) + ". Remove or re-point those first."
            )
        if kind == "manifestation":
            # Titles and events may name a version without belonging to it: unlink them in the
            # open, so that the change is logged and undone like any other.
            linked: list[Title | Event] = [
                *self.session.scalars(select(Title).where(Title.manifestation_id == record.id)),
                *self.session.scalars(select(Event).where(Event.manifestation_id == record.id)),
            ]
            for other in linked:
                other.manifestation_id = None
        self.session.delete(record)
        self.session.flush()
        self._row_ids.clear()  # cascades may have removed other records too

    # -- internals -----------------------------------------------------------------------------

    def _assign(
        self,
        kind: str,
        record: Record,
        values: dict[str, Any],
        errors: list[FieldError],
        existing: str | None = None,
    ) -> None:
        specs = SPEC_BY_NAME[kind]
        for attribute, value in self._cleaned(kind, type(record), values, errors).items():
            setattr(record, attribute, value)
        merged = {spec.column: getattr(record, spec.column, None) for spec in specs.values()}
        errors += cross_field_errors(kind, merged)
        if errors:
            if record in self.session:
                self.session.expunge(record)
            raise ValidationError(kind, errors, existing)

    def _cleaned(
        self, kind: str, cls: type[Record], values: dict[str, Any], errors: list[FieldError],
        *, lookup: bool = True,
    ) -> dict[str, Any]:
        """The values as attributes to set (references as row ids, EDTF bounds added), with
        every problem appended to `errors`: the one validation `create`, `update` and
        `create_many` share. With lookup=False, references must already be in `_row_ids`."""
        specs = SPEC_BY_NAME[kind]
        attributes: dict[str, Any] = {}
        for name, raw in values.items():
            spec = specs.get(name)
            if spec is None:
                errors.append(FieldError(name, f"a {kind.replace('_', ' ')} has no field “{name}”"))
                continue
            value, error = clean_value(spec, raw)
            if error:
                errors.append(error)
            elif spec.type == "ref" and value is not None:
                assert spec.ref is not None
                target_id = self._ref_id(spec.ref, value, lookup=lookup)
                if target_id is None:
                    errors.append(FieldError(name, f"no {spec.ref.replace('_', ' ')} with id {value}"))
                attributes[spec.column] = target_id
            else:
                attributes[spec.column] = value
                if spec.type == "edtf" and hasattr(cls, f"{name}_lower"):
                    attributes[f"{name}_lower"], attributes[f"{name}_upper"] = date_bounds(value)
        return attributes

    def _ref_id(self, kind: str, uuid: str, *, lookup: bool = True) -> int | None:
        target_id = self._row_ids.get((kind, uuid))
        if target_id is None and lookup:
            target_cls = _record_class(kind)
            target_id = self.session.scalar(select(target_cls.id).where(target_cls.uuid == uuid))
            if target_id is not None:
                self._row_ids[(kind, uuid)] = target_id
        return target_id

    def _check_new_uuid(self, cls: type[Record], value: Any) -> list[FieldError]:
        try:
            normal = str(uuid_module.UUID(str(value)))
        except ValueError:
            return [FieldError("uuid", f"{value!r} is not a UUID")]
        if self.session.scalar(select(cls.id).where(cls.uuid == normal)) is not None:
            return [FieldError("uuid", f"a {cls.KIND} with id {normal} already exists")]
        return []

    def _after_save(self, kind: str, record: Any) -> None:
        # Only one preferred title per work, name per agent, and claim per fact.
        if not getattr(record, "preferred", False):
            return
        siblings: list[Any] = []
        if kind == "title":
            siblings = list(self.session.scalars(select(Title).where(Title.work_id == record.work_id)))
        elif kind == "agent_name":
            siblings = list(record.agent.names)
        elif kind == "citation":
            target = record.target_kind()
            column = getattr(Citation, f"{target}_id")
            siblings = list(self.session.scalars(
                select(Citation).where(column == getattr(record, f"{target}_id"), Citation.field.is_(record.field)
                                       if record.field is None else Citation.field == record.field)
            ))
        changed = False
        for sibling in siblings:
            if sibling is not record and sibling.preferred:
                sibling.preferred = False
                changed = True
        if changed:
            self.session.flush()


def _column_defaults(table: Table) -> dict[str, Any]:
    """Each column's default as the ORM would apply it (a callable makes a fresh list)."""
    defaults: dict[str, Any] = {}
    for column in table.columns:
        default = column.default
        if default is None:
            defaults[column.name] = None
        elif default.is_callable:
            defaults[column.name] = _fresh(column)
        else:
            defaults[column.name] = default.arg  # type: ignore[attr-defined]
    return defaults


def _fresh(column: Column[Any]) -> Any:
    return lambda: column.default.arg(None)  # type: ignore[union-attr]


def _own_copy(row: dict[str, Any]) -> dict[str, Any]:
    """A row the change log can keep: its JSON lists and mappings copied (one level is all a
    column holds that is worth copying; deepcopy is most of an import's time)."""
    return {k: copy.deepcopy(v) if isinstance(v, list | dict) else v for k, v in row.items()}


def _existing_uuids(session: Session, cls: type[Record], uuids: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(uuids), 500):
        chunk = uuids[start:start + 500]
        found.update(session.scalars(select(cls.uuid).where(cls.uuid.in_(chunk))))
    return found


def _uuid_errors(cls: type[Record], value: Any, taken: set[str], seen: set[str]) -> list[FieldError]:
    if isinstance(value, str) and CANONICAL_UUID.fullmatch(value):
        normal = value  # already as str(UUID(value)) writes it (every bundle's UUIDs are)
    else:
        try:
            normal = str(uuid_module.UUID(str(value)))
        except ValueError:
            return [FieldError("uuid", f"{value!r} is not a UUID")]
    if normal in taken or normal in seen:
        return [FieldError("uuid", f"a {cls.KIND} with id {normal} already exists")]
    return []


# Kept in the catalogue and written through operations, though not records that citations,
# bundles or the search index know: saved searches.
OTHER_KINDS: dict[str, type[Any]] = {"saved_search": SavedSearch}


def _record_class(kind: str) -> type[Record]:
    try:
        return RECORD_CLASSES[kind]
    except KeyError:
        if kind in OTHER_KINDS:
            return cast("type[Record]", OTHER_KINDS[kind])
        raise ValueError(f"unknown kind of record {kind!r}") from None


# One encoder for every logged value: json.dumps with options builds a new one per call.
_LOG_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True)


def _log_value(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return _LOG_ENCODER.encode(value)


def change_log_rows(
    changes: list[RowChange], *, operation_id: str, who: str, why: str
) -> list[dict[str, Any]]:
    """The Change log rows for a list of row changes (one per created or deleted record, one
    per changed field of an updated one)."""
    at = datetime.now(UTC).isoformat(timespec="milliseconds")
    base = {"operation": operation_id, "at": at, "who": who, "why": why}
    rows: list[dict[str, Any]] = []
    for change in changes:
        common = {**base, "record_kind": change.kind, "record_uuid": change.uuid}
        if change.action == "insert":
            rows.append({**common, "action": "create", "field": None, "old_value": None,
                         "new_value": _log_value(change.after)})
        elif change.action == "delete":
            rows.append({**common, "action": "delete", "field": None,
                         "old_value": _log_value(change.before), "new_value": None})
        else:
            assert change.before is not None and change.after is not None
            for name in change.changed_fields():
                rows.append({**common, "action": "update", "field": name,
                             "old_value": _log_value(change.before.get(name)),
                             "new_value": _log_value(change.after.get(name))})
    return rows


def finish_write(
    catalogue: Catalogue, connection: Connection, changes: list[RowChange], *, operation_id: str, why: str
) -> None:
    """Inside the write transaction: append to the Change log and let listeners (the search
    index) follow the rows."""
    rows = change_log_rows(changes, operation_id=operation_id, who=catalogue.cataloguer, why=why)
    if rows:
        connection.execute(insert(Change), rows)
    for listener in catalogue.row_listeners:
        listener(catalogue, connection, changes)


@contextmanager
def operation(catalogue: Catalogue, label: str) -> Iterator[Operation]:
    """One validated, logged, undoable write; see the module docstring."""
    with catalogue.write_session() as session:
        recorder = Recorder()
        session.info[RECORDER_KEY] = recorder
        op = Operation(catalogue, session, label)
        yield op
        session.flush()
        finish_write(catalogue, session.connection(), recorder.changes, operation_id=op.id, why=label)
    # Reached only once the transaction has committed.
    op.result = OpResult(label, op.id, tuple(recorder.changes))
    if recorder.changes:
        catalogue.undo_stack.push(op.result)
