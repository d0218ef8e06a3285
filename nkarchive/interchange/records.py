"""The bundle's record format: selected records plus everything they depend on, keyed by UUID.

`data/records.json` is versioned (`format` "nkarchive-records", `version` 1) and described by
`resources/schemas/records-v1.schema.json`. Each record holds its UUID and the fields of
`nkarchive.ops.fields.SPECS` for its kind, references given as the other record's UUID, so
that importing is one validated `create_many` per kind, in `IMPORT_ORDER`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table, select
from sqlalchemy import inspect as sa_inspect

from nkarchive.model import RECORD_CLASSES
from nkarchive.ops.fields import SPECS

FORMAT = "nkarchive-records"
VERSION = 1
SCHEMA_NAME = "records-v1.schema.json"

# Every record a kind refers to comes before it.
IMPORT_ORDER: tuple[str, ...] = (
    "agent",
    "agent_name",
    "agent_honour",
    "agent_identifier",
    "source",
    "source_contributor",
    "work",
    "manifestation",
    "title",
    "credit",
    "item",
    "event",
    "citation",
    "attachment",
)

# What comes along with a record: (kind, the column that points back at it).
OWNED: dict[str, tuple[tuple[str, str], ...]] = {
    "work": (
        ("title", "work_id"),
        ("credit", "work_id"),
        ("manifestation", "work_id"),
        ("item", "work_id"),
        ("event", "work_id"),
        ("citation", "work_id"),
        ("attachment", "work_id"),
    ),
    "agent": (
        ("agent_name", "agent_id"),
        ("agent_honour", "agent_id"),
        ("agent_identifier", "agent_id"),
        ("citation", "agent_id"),
    ),
    "source": (("source_contributor", "source_id"), ("attachment", "source_id")),
    "title": (("citation", "title_id"),),
    "credit": (("citation", "credit_id"),),
    "event": (("citation", "event_id"),),
    "agent_name": (("citation", "agent_name_id"),),
    "manifestation": (("citation", "manifestation_id"),),
    "item": (("citation", "item_id"), ("attachment", "item_id")),
}
CHUNK = 500


@dataclass
class Selection:
    """What to export, by row id; `everything` takes the whole catalogue."""

    works: set[int] = field(default_factory=set)
    sources: set[int] = field(default_factory=set)
    agents: set[int] = field(default_factory=set)
    events: set[int] = field(default_factory=set)
    everything: bool = False


def table_of(kind: str) -> Table:
    return RECORD_CLASSES[kind].__table__  # type: ignore[attr-defined, no-any-return]


def column_names(kind: str) -> dict[str, str]:
    """Field (attribute) name → table column name; they differ for an event's `label`."""
    mapper = sa_inspect(RECORD_CLASSES[kind])
    return {attr.key: attr.columns[0].name for attr in mapper.column_attrs}


def chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    ordered = sorted(ids)
    for start in range(0, len(ordered), CHUNK):
        yield ordered[start : start + CHUNK]


def collect(connection: Connection, selection: Selection) -> dict[str, dict[int, dict[str, Any]]]:
    """The rows of the selected records and of everything they own or refer to, by kind."""
    rows: dict[str, dict[int, dict[str, Any]]] = {kind: {} for kind in IMPORT_ORDER}
    pending: dict[str, set[int]] = {kind: set() for kind in IMPORT_ORDER}
    seeds = {
        "work": selection.works,
        "source": selection.sources,
        "agent": selection.agents,
        "event": selection.events,
    }
    for kind, ids in seeds.items():
        if selection.everything:
            ids = set(connection.scalars(select(table_of(kind).c.id)))
        pending[kind] |= ids
    refs = {
        kind: [(s.ref, s.column) for s in SPECS[kind] if s.type == "ref" and s.ref]
        for kind in IMPORT_ORDER
    }
    while any(pending.values()):
        for kind in IMPORT_ORDER:
            new = pending[kind] - rows[kind].keys()
            pending[kind] = set()
            if not new:
                continue
            table = table_of(kind)
            fetched: list[dict[str, Any]] = []
            for chunk in chunks(new):
                result = connection.execute(select(table).where(table.c.id.in_(chunk)))
                keys = list(result.keys())
                fetched += [dict(zip(keys, row, strict=True)) for row in result.all()]
            for row in fetched:
                rows[kind][row["id"]] = row
                for target, column in refs[kind]:
                    if row[column] is not None and row[column] not in rows[target]:
                        pending[target].add(row[column])
            for child, column in OWNED.get(kind, ()):
                child_table = table_of(child)
                for chunk in chunks(new):
                    found = connection.scalars(
                        select(child_table.c.id).where(child_table.c[column].in_(chunk))
                    ).all()
                    pending[child].update(i for i in found if i not in rows[child])
    return rows


def serialize(rows: dict[str, dict[int, dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    """Rows as records: UUIDs instead of row ids, fields named as in SPECS, sorted by UUID
    (events with the festival edition they belong to first)."""
    uuid_of = {
        (kind, row_id): row["uuid"] for kind, by_id in rows.items() for row_id, row in by_id.items()
    }
    records: dict[str, list[dict[str, Any]]] = {}
    for kind in IMPORT_ORDER:
        columns = column_names(kind)
        fields = [
            (spec.name, columns[spec.column], spec.ref if spec.type == "ref" else None)
            for spec in SPECS[kind]
        ]
        out = []
        for row in rows[kind].values():
            record: dict[str, Any] = {"uuid": row["uuid"]}
            for name, column, ref in fields:
                value = row[column]
                if value is None:
                    continue  # absent means empty: the files stay small and readable
                record[name] = uuid_of[(ref, value)] if ref else value
            out.append(record)
        out.sort(key=lambda r: r["uuid"])
        records[kind] = parents_first(out) if kind == "event" else out
    return records


def parents_first(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Events ordered so that each comes after the event it is part of (which it refers to)."""
    by_uuid = {e["uuid"]: e for e in events if isinstance(e.get("uuid"), str)}
    placed: set[int] = set()
    ordered: list[dict[str, Any]] = []
    for event in events:
        chain: list[dict[str, Any]] = []
        in_chain: set[int] = set()
        current: dict[str, Any] | None = event
        while current is not None and id(current) not in placed and id(current) not in in_chain:
            chain.append(current)
            in_chain.add(id(current))
            parent = current.get("parent")
            current = by_uuid.get(parent) if isinstance(parent, str) else None
        for link in reversed(chain):
            placed.add(id(link))
            ordered.append(link)
    return ordered
