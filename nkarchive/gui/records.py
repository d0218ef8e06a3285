"""Reading records for the editors: plain dicts keyed by field name, refs as UUIDs with labels.

A handful of SQL queries per record (not one per child), so a work with hundreds of titles,
credits, events and citations opens at once. No Qt here.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, text

from nkarchive.model import RECORD_CLASSES
from nkarchive.ops.fields import SPECS, FieldSpec

Row = dict[str, Any]

# SQL giving a human label for a record of each kind, given its id expression.
LABEL_SQL: dict[str, str] = {
    "work": (
        "COALESCE((SELECT t.text FROM title t WHERE t.work_id = {id} "
        "ORDER BY t.preferred DESC, t.position, t.id LIMIT 1), "
        "(SELECT identifier FROM work WHERE id = {id}), '(untitled work)')"
    ),
    "agent": (
        "COALESCE((SELECT n.name FROM agent_name n WHERE n.agent_id = {id} "
        "ORDER BY n.preferred DESC, n.position, n.id LIMIT 1), '(unnamed)')"
    ),
    "source": "(SELECT title FROM source WHERE id = {id})",
    "event": (
        "(SELECT COALESCE(label, event_type || COALESCE(', ' || place, '') || "
        "COALESCE(', ' || date, '')) FROM event WHERE id = {id})"
    ),
    "manifestation": (
        "(SELECT manifestation_type || COALESCE(' ' || date, '') "
        "FROM manifestation WHERE id = {id})"
    ),
    "title": "(SELECT text FROM title WHERE id = {id})",
    "credit": "(SELECT role FROM credit WHERE id = {id})",
    "item": "(SELECT COALESCE(carrier, 'copy') || COALESCE(' ' || shelf_mark, '') FROM item WHERE id = {id})",
    "agent_name": "(SELECT name FROM agent_name WHERE id = {id})",
}


def table_of(kind: str) -> str:
    return str(RECORD_CLASSES[kind].__tablename__)  # type: ignore[attr-defined]


def _select_list(kind: str, alias: str) -> str:
    parts = [f"{alias}.id AS id", f"{alias}.uuid AS uuid"]
    for spec in SPECS[kind]:
        if spec.type == "ref":
            assert spec.ref is not None
            ref_table = table_of(spec.ref)
            parts.append(
                f"(SELECT r.uuid FROM {ref_table} r WHERE r.id = {alias}.{spec.column}) AS {spec.name}"
            )
            label = LABEL_SQL.get(spec.ref)
            if label:
                parts.append(f"{label.format(id=f'{alias}.{spec.column}')} AS {spec.name}__label")
        else:
            column = "label" if (kind == "event" and spec.name == "label_text") else spec.column
            parts.append(f"{alias}.{column} AS {spec.name}")
    return ", ".join(parts)


def _convert(kind: str, row: Any) -> Row:
    values: Row = dict(row._mapping)
    for spec in SPECS[kind]:
        values[spec.name] = _python_value(spec, values.get(spec.name))
    return values


def _python_value(spec: FieldSpec, value: Any) -> Any:
    if spec.type in ("list", "dict"):
        if isinstance(value, str):
            value = json.loads(value)
        return value if value is not None else ([] if spec.type == "list" else {})
    if spec.type == "bool":
        return bool(value)
    return value


def select_rows(
    connection: Connection, kind: str, where: str, params: dict[str, Any], order: str = "id"
) -> list[Row]:
    """Rows of `kind` matching `where` (written against the alias `x`), as field dicts."""
    table = table_of(kind)
    sql = f"SELECT {_select_list(kind, 'x')} FROM {table} x WHERE {where} ORDER BY {order}"
    return [_convert(kind, row) for row in connection.execute(text(sql), params)]


def load_record(connection: Connection, kind: str, uuid: str) -> Row | None:
    rows = select_rows(connection, kind, "x.uuid = :uuid", {"uuid": uuid})
    return rows[0] if rows else None


# What each editor shows of a record's dependants: (child kind, field naming the parent, order).
CHILDREN: dict[str, tuple[tuple[str, str, str], ...]] = {
    "work": (
        ("title", "work", "x.position, x.id"),
        ("credit", "work", "x.position, x.id"),
        ("event", "work", "x.date_lower IS NULL, x.date_lower, x.id"),
        ("manifestation", "work", "x.date_lower IS NULL, x.date_lower, x.id"),
        ("item", "work", "x.id"),
    ),
    "agent": (
        ("agent_name", "agent", "x.position, x.id"),
        ("agent_honour", "agent", "x.date_lower IS NULL, x.date_lower, x.id"),
        ("agent_identifier", "agent", "x.id"),
    ),
    "source": (
        ("source_contributor", "source", "x.position, x.id"),
        ("attachment", "source", "x.id"),
    ),
    "event": (),
}


def load_children(connection: Connection, kind: str, record_id: int) -> dict[str, list[Row]]:
    children: dict[str, list[Row]] = {}
    for child_kind, parent_field, order in CHILDREN.get(kind, ()):
        column = f"{parent_field}_id"
        children[child_kind] = select_rows(
            connection, child_kind, f"x.{column} = :id", {"id": record_id}, order
        )
    return children


def load_citations(
    connection: Connection, kind: str, record_id: int, children: dict[str, list[Row]]
) -> list[Row]:
    """Every citation backing the record itself or one of the dependants shown with it."""
    conditions = [f"x.{kind}_id = :id"] if kind in _CITABLE else []
    params: dict[str, Any] = {"id": record_id}
    for child_kind, rows in children.items():
        if child_kind in _CITABLE and rows:
            ids = ",".join(str(int(r["id"])) for r in rows)
            conditions.append(f"x.{child_kind}_id IN ({ids})")
    if not conditions:
        return []
    return select_rows(connection, "citation", " OR ".join(conditions), params, "x.id")


_CITABLE = ("work", "title", "credit", "event", "agent", "agent_name", "manifestation", "item")
CITABLE_KINDS = _CITABLE


def search_records(
    connection: Connection, kind: str, query: str, limit: int = 50
) -> list[tuple[str, str, str]]:
    """Records of `kind` whose names or titles contain `query`: (uuid, label, detail)."""
    pattern = f"%{query.strip()}%"
    if kind == "agent":
        sql = (
            "SELECT a.uuid, " + LABEL_SQL["agent"].format(id="a.id") + ", a.agent_type, "
            "(SELECT group_concat(n.name, ' · ') FROM agent_name n WHERE n.agent_id = a.id) "
            "FROM agent a WHERE EXISTS (SELECT 1 FROM agent_name n WHERE n.agent_id = a.id AND n.name LIKE :q) "
            "ORDER BY 2 LIMIT :limit"
        )
        rows = connection.execute(text(sql), {"q": pattern, "limit": limit})
        return [(r[0], r[1], f"{r[2]} — {r[3]}" if r[3] and r[3] != r[1] else r[2]) for r in rows]
    if kind == "source":
        sql = (
            "SELECT uuid, title, COALESCE(container_title || ', ', '') || COALESCE(date, '') FROM source "
            "WHERE title LIKE :q OR container_title LIKE :q OR short_title LIKE :q ORDER BY title LIMIT :limit"
        )
        return [
            (r[0], r[1], r[2])
            for r in connection.execute(text(sql), {"q": pattern, "limit": limit})
        ]
    if kind == "work":
        sql = (
            "SELECT w.uuid, "
            + LABEL_SQL["work"].format(id="w.id")
            + ", COALESCE(w.production_date, '') "
            "FROM work w WHERE w.identifier LIKE :q OR EXISTS (SELECT 1 FROM title t WHERE "
            "t.work_id = w.id AND t.text LIKE :q) ORDER BY 2 LIMIT :limit"
        )
        return [
            (r[0], r[1], r[2])
            for r in connection.execute(text(sql), {"q": pattern, "limit": limit})
        ]
    raise ValueError(f"cannot search {kind}")
