"""What the index holds for each record: its values by field group, read straight from the tables.

The same readers serve the full rebuild (id ranges), the row listener (a few ids), the index
check (rebuild in memory and compare) and the result list (the matched value, as written).
Each reader yields `(owner id, group, value)`; a credit's group is named after its role.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, text

from nkarchive.search.columns import GROUP_BY_NAME, GROUPS, role_group
from nkarchive.search.normalize import stored_keys, stored_text

# `{c}` is the condition on the owner's id: `IN (...)` or `BETWEEN :lo AND :hi`.
_CITATION_TEXT = "c.excerpt, c.translation, c.claimed_value, c.note"


def _citations(owner: str, join: str, where: str) -> str:
    return f"SELECT {owner}, 'excerpt', {_CITATION_TEXT} FROM citation c {join} WHERE {where} {{c}}"


READERS: dict[str, tuple[str, ...]] = {
    "work": (
        "SELECT work_id, 'title', text FROM title WHERE work_id {c}",
        "SELECT c.work_id, 'credit_' || c.role, n.name FROM credit c "
        "JOIN agent_name n ON n.agent_id = c.agent_id WHERE c.work_id {c}",
        "SELECT work_id, 'credit_' || role, credited_as FROM credit WHERE work_id {c}",
        "SELECT work_id, 'notes', character, notes FROM credit WHERE work_id {c}",
        "SELECT w.id, 'tag', j.value FROM work w, json_each(w.genres) j WHERE w.id {c}",
        "SELECT w.id, 'tag', j.value FROM work w, json_each(w.subjects) j WHERE w.id {c}",
        "SELECT id, 'notes', identifier, synopsis, notes FROM work WHERE id {c}",
        "SELECT work_id, 'notes', format, notes FROM manifestation WHERE work_id {c}",
        "SELECT work_id, 'notes', shelf_mark, condition, access_notes FROM item WHERE work_id {c}",
        _citations("c.work_id", "", "c.work_id"),
        _citations("t.work_id", "JOIN title t ON t.id = c.title_id", "t.work_id"),
        _citations("r.work_id", "JOIN credit r ON r.id = c.credit_id", "r.work_id"),
        _citations("m.work_id", "JOIN manifestation m ON m.id = c.manifestation_id", "m.work_id"),
        _citations("i.work_id", "JOIN item i ON i.id = c.item_id", "i.work_id"),
    ),
    "agent": (
        "SELECT agent_id, 'name', name FROM agent_name WHERE agent_id {c}",
        "SELECT id, 'notes', notes FROM agent WHERE id {c}",
        "SELECT agent_id, 'notes', honour, notes FROM agent_honour WHERE agent_id {c}",
        "SELECT agent_id, 'notes', value FROM agent_identifier WHERE agent_id {c}",
        _citations("c.agent_id", "", "c.agent_id"),
        _citations("n.agent_id", "JOIN agent_name n ON n.id = c.agent_name_id", "n.agent_id"),
    ),
    "event": (
        "SELECT id, 'title', label FROM event WHERE id {c}",
        "SELECT id, 'place', place, venue FROM event WHERE id {c}",
        "SELECT e.id, 'name', n.name FROM event e "
        "JOIN agent_name n ON n.agent_id = e.organiser_id WHERE e.id {c}",
        "SELECT id, 'notes', result, notes FROM event WHERE id {c}",
        _citations("c.event_id", "", "c.event_id"),
    ),
    "source": (
        "SELECT id, 'title', title, short_title FROM source WHERE id {c}",
        "SELECT id, 'container', container_title, publisher FROM source WHERE id {c}",
        "SELECT id, 'place', publisher_place FROM source WHERE id {c}",
        "SELECT id, 'notes', abstract, notes, archive_location FROM source WHERE id {c}",
        "SELECT source_id, 'contributor', literal, "
        "CASE WHEN family IS NOT NULL AND given IS NOT NULL THEN family || ' ' || given END, "
        "CASE WHEN family IS NOT NULL AND given IS NOT NULL THEN given || ' ' || family "
        "ELSE coalesce(family, given) END FROM source_contributor WHERE source_id {c}",
        "SELECT s.source_id, 'contributor', n.name FROM source_contributor s "
        "JOIN agent_name n ON n.agent_id = s.agent_id WHERE s.source_id {c}",
    ),
}
EXISTING = {kind: f"SELECT id FROM {kind} WHERE id {{c}}" for kind in READERS}

# How a group's Hangul values are romanized for their keys.
_KEY_KIND: dict[str, str] = {"title": "title", "container": "title", "place": "place"}
_COMPANY_GROUPS = {"credit_production_company", "credit_co_production_company",
                   "credit_creative_group", "credit_distributor"}  # fmt: skip


def key_kind(group: str) -> str:
    if group in _COMPANY_GROUPS:
        return "place"  # romanized as an organisation name
    return _KEY_KIND.get(group, "name")


@dataclass
class RecordDoc:
    """One record's values by field group, as written (sorted and without repeats)."""

    kind: str
    record_id: int
    values: dict[str, list[str]] = field(default_factory=dict)

    def columns(self) -> dict[str, str | None]:
        """The index row: each group's folded text and, for names and titles, its keys."""
        row: dict[str, str | None] = {}
        for group in GROUPS:
            values = self.values.get(group.name, [])
            row[group.text_column] = stored_text(values) or None
            if group.keyed:
                row[group.key_column] = stored_keys(values, key_kind(group.name)) or None
        return row


def _condition(
    ids: Sequence[int] | None, id_range: tuple[int, int] | None
) -> tuple[str, dict[str, Any]]:
    if ids is not None:
        names = [f"i{n}" for n in range(len(ids))]
        return "IN (" + ", ".join(f":{n}" for n in names) + ")", dict(zip(names, ids, strict=True))
    assert id_range is not None
    return "BETWEEN :lo AND :hi", {"lo": id_range[0], "hi": id_range[1]}


def read_docs(
    connection: Connection,
    kind: str,
    *,
    ids: Sequence[int] | None = None,
    id_range: tuple[int, int] | None = None,
) -> dict[int, RecordDoc]:
    """The documents of the records of `kind` with these ids (or in this id range) that exist."""
    if ids is not None and not ids:
        return {}
    condition, params = _condition(ids, id_range)
    existing = connection.execute(text(EXISTING[kind].format(c=condition)), params).scalars()
    docs = {record_id: RecordDoc(kind, record_id) for record_id in existing}
    collected: dict[int, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for reader in READERS[kind]:
        for owner, group, *values in connection.execute(text(reader.format(c=condition)), params):
            if owner not in docs:
                continue
            name = group if group in GROUP_BY_NAME else role_group(group.removeprefix("credit_"))
            target = collected[owner][name]
            target.update(v for v in values if isinstance(v, str) and v.strip())
    for owner, groups in collected.items():
        docs[owner].values = {name: sorted(values) for name, values in groups.items() if values}
    return docs


def chunks(ids: Iterable[int], size: int = 500) -> Iterable[list[int]]:
    batch: list[int] = []
    for record_id in ids:
        batch.append(record_id)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
