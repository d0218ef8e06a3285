"""What the index holds for each record: its values by field group, read straight from the tables.

The same readers serve the full rebuild (id ranges), the row listener (a few ids), the index
check (rebuild in memory and compare) and the result list (the matched value, as written).
Each reader yields `(owner id, group, value)`; a credit's group is named after its role.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection

from nkarchive.korean import search_key
from nkarchive.search.columns import (
    CITED,
    COLUMNS,
    GROUP_BY_NAME,
    HANGUL,
    MAIN_GROUPS,
    mark,
    mark_sql,
    role_group,
)
from nkarchive.search.dates import date_words
from nkarchive.search.normalize import (
    fold_text,
    framed_text,
    keys_of,
    verbatim_text,
)

# What each reader reads: (owner id, group, value columns, FROM clause) and, for some, marks:
# columns whose values are words of the `mark` group rather than of the reader's (a citation's
# text is an excerpt, and the citation marks its record as cited). `{c}` in the SQL made from it
# is the condition on the owner's id: `IN (...)` or `BETWEEN :lo AND :hi`. Rows whose values are
# all NULL are left out in SQL, which keeps a rebuild's Python work small.
Reader = (
    tuple[str, str, tuple[str, ...], str] | tuple[str, str, tuple[str, ...], str, tuple[str, ...]]
)
# A citation marks the record it backs as cited, with its confidence and its source's class
# (`confidence:disputed`, `class:testimony` find the records so backed).
_CITATION_MARKS = (
    f"'{CITED}'",
    mark_sql("confidence", "c.confidence"),
    mark_sql("class", "s.source_class"),
)
_CITED_SOURCE = "LEFT JOIN source s ON s.id = c.source_id"
_CITATION_TEXT = ("c.excerpt", "c.translation", "c.claimed_value", "c.note")


def _hangul(*columns: str) -> str:
    """SQL giving the `has:hangul` mark when one of these columns holds a Hangul syllable."""
    test = " OR ".join(f"{column} GLOB '*[가-힣]*'" for column in columns)
    return f"CASE WHEN {test} THEN '{HANGUL}' END"


def _citations(owner: str, part: str = "") -> Reader:
    """Citation text by the id of the record (or the part of it, e.g. a title) it backs.

    The index is named because SQLite's statistics see a column that is mostly NULL (few
    citations back a manifestation) as useless to index, and would scan every citation; and
    CROSS JOIN makes it go from the part to its citations, never the other way round.
    """
    if not part:
        column = owner.split(".")[1]
        return (
            owner,
            "'excerpt'",
            _CITATION_TEXT,
            f"citation c INDEXED BY ix_citation_{column} {_CITED_SOURCE}",
            _CITATION_MARKS,
        )
    table, alias = part.split()
    return (
        owner,
        "'excerpt'",
        _CITATION_TEXT,
        f"{part} CROSS JOIN citation c INDEXED BY ix_citation_{table}_id "
        f"ON c.{table}_id = {alias}.id {_CITED_SOURCE}",
        _CITATION_MARKS,
    )


# A date's bounds, read as `lower/upper`, become words of the `mark` group (nkarchive.search.dates).
DATES = "'dates'"


def _bounds(column: str) -> str:
    return f"{column}_lower || '/' || {column}_upper"


_READERS: dict[str, tuple[Reader, ...]] = {
    "work": (
        ("work_id", "'title'", ("text",), "title", (_hangul("text"), f"'{mark('fact', 'title')}'")),
        ("c.work_id", "'credit_' || c.role", ("n.name",),
         "credit c JOIN agent_name n ON n.agent_id = c.agent_id"),
        ("work_id", "'credit_' || role", ("credited_as",), "credit"),
        ("work_id", "'notes'", ("character", "notes"), "credit"),
        # has:credit and has:director: one row per work, from the credits' work index.
        ("c.work_id", "'mark'", ("c.credited", "c.directed"),
         f"(SELECT work_id, '{mark('fact', 'credit')}' AS credited, max(CASE WHEN role IN "
         f"('director', 'co_director') THEN '{mark('fact', 'director')}' END) AS directed "
         "FROM credit GROUP BY work_id) c"),
        ("w.id", "'tag'", ("j.value",), "work w, json_each(w.genres) j"),
        ("w.id", "'tag'", ("j.value",), "work w, json_each(w.subjects) j"),
        ("w.id", "'mark'", (mark_sql("country", "j.value"),), "work w, json_each(w.countries) j"),
        # One row per work, from the (work, kind of event) index alone (migration 0007).
        ("e.work_id", "'mark'", ("e.kinds",),
         f"(SELECT work_id, group_concat(DISTINCT {mark_sql('event', 'event_type')}) AS kinds "
         "FROM event GROUP BY work_id) e"),
        ("id", "'notes'", ("identifier", "synopsis", "notes"), "work"),
        ("id", DATES, (_bounds("production_date"),), "work"),
        ("work_id", "'notes'", ("format", "notes"), "manifestation"),
        ("work_id", "'notes'", ("shelf_mark", "condition", "access_notes"), "item"),
        _citations("c.work_id"),
        _citations("t.work_id", "title t"),
        _citations("r.work_id", "credit r"),
        _citations("m.work_id", "manifestation m"),
        _citations("i.work_id", "item i"),
    ),
    "agent": (
        ("agent_id", "'name'", ("name",), "agent_name", (_hangul("name"),)),
        ("id", "'notes'", ("notes",), "agent"),
        ("agent_id", "'notes'", ("honour", "notes"), "agent_honour"),
        ("agent_id", "'notes'", ("value",), "agent_identifier"),
        ("c.agent_id", "'mark'", ("c.roles",),
         f"(SELECT agent_id, group_concat(DISTINCT {mark_sql('role', 'role')}) AS roles "
         "FROM credit GROUP BY agent_id) c"),
        _citations("c.agent_id"),
        _citations("n.agent_id", "agent_name n"),
    ),
    "event": (
        ("id", "'title'", ("label",), "event", (_hangul("label", "place"),)),
        ("id", "'place'", ("place", "venue"), "event",
         (mark_sql("event", "event_type"), mark_sql("country", "country"),
          f"CASE WHEN place IS NOT NULL OR venue IS NOT NULL THEN '{mark('fact', 'place')}' END")),
        ("e.id", "'name'", ("n.name",), "event e JOIN agent_name n ON n.agent_id = e.organiser_id"),
        ("id", "'notes'", ("result", "notes"), "event"),
        ("id", DATES, (_bounds("date"),), "event"),
        _citations("c.event_id"),
    ),
    "source": (
        ("id", "'title'", ("title", "short_title"), "source",
         (mark_sql("class", "source_class"), _hangul("title"))),
        # Cited, and with what confidence: one row per source that citations cite.
        ("c.source_id", "'mark'", ("c.cited", "c.confidences"),
         f"(SELECT source_id, '{CITED}' AS cited, "
         f"group_concat(DISTINCT {mark_sql('confidence', 'confidence')}) AS confidences "
         "FROM citation GROUP BY source_id) c"),
        ("id", "'container'", ("container_title", "publisher"), "source"),
        ("id", "'place'", ("publisher_place",), "source"),
        ("id", "'notes'", ("abstract", "notes", "archive_location"), "source"),
        ("id", DATES, (_bounds("date"),), "source"),
        ("source_id", "'contributor'", (
            "literal",
            "CASE WHEN family IS NOT NULL AND given IS NOT NULL THEN family || ' ' || given END",
            "CASE WHEN family IS NOT NULL AND given IS NOT NULL THEN given || ' ' || family "
            "ELSE coalesce(family, given) END",
        ), "source_contributor"),
        ("s.source_id", "'contributor'", ("n.name",),
         "source_contributor s JOIN agent_name n ON n.agent_id = s.agent_id"),
    ),
}  # fmt: skip


def _marks(reader: Reader) -> tuple[str, ...]:
    return reader[4] if len(reader) > 4 else ()


def _sql(reader: Reader) -> str:
    owner, group, values, source = reader[:4]
    selected = ", ".join((*values, *_marks(reader)))
    return (
        f"SELECT {owner}, {group}, {selected} FROM {source} "
        f"WHERE {owner} {{c}} AND coalesce({selected}, NULL) IS NOT NULL"
    )


READERS: dict[str, tuple[str, ...]] = {
    kind: tuple(_sql(reader) for reader in readers) for kind, readers in _READERS.items()
}
EXISTING = {kind: f"SELECT id FROM {kind} WHERE id {{c}}" for kind in READERS}

# Main fields follow each value with a word standing for all of it (nkarchive.search.normalize).
FRAMED = {group for groups in MAIN_GROUPS.values() for group in groups}
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


def _condition(
    ids: Sequence[int] | None, id_range: tuple[int, int] | None
) -> tuple[str, dict[str, Any]]:
    if ids is not None:
        names = [f"i{n}" for n in range(len(ids))]
        return "IN (" + ", ".join(f":{n}" for n in names) + ")", dict(zip(names, ids, strict=True))
    assert id_range is not None
    return "BETWEEN :lo AND :hi", {"lo": id_range[0], "hi": id_range[1]}


def _reads(reader: Reader, groups: set[str]) -> bool:
    group = reader[1]
    return ("mark" if group == DATES else group.strip("'")) in groups or (
        group.startswith("'credit_' ||") and any(g.startswith("credit_") for g in groups)
    )


def _group_name(group: str) -> str:
    return group if group in GROUP_BY_NAME else role_group(group.removeprefix("credit_"))


# What `fetch_values` read: the ids of the records that exist, and for each reader used, its
# index in the kind's readers and its rows.
Fetched = tuple[list[int], list[tuple[int, list[tuple[Any, ...]]]]]


def fetch_values(
    connection: Connection,
    kind: str,
    *,
    ids: Sequence[int] | None = None,
    id_range: tuple[int, int] | None = None,
    groups: set[str] | None = None,
) -> Fetched:
    """The rows `read_values` is made from, as the readers give them: a rebuild fetches them
    here and has them collected in a worker process (nkarchive.search.workers)."""
    if ids is not None and not ids:
        return [], []
    condition, params = _condition(ids, id_range)
    # The driver's own cursor: a rebuild reads millions of rows, and SQLAlchemy's row objects
    # would cost more than the reading.
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    existing = [row[0] for row in cursor.execute(EXISTING[kind].format(c=condition), params)]
    fetched = []
    for number, (reader, sql) in enumerate(zip(_READERS[kind], READERS[kind], strict=True)):
        if groups is None or _reads(reader, groups) or (_marks(reader) and "mark" in groups):
            fetched.append((number, cursor.execute(sql.format(c=condition), params).fetchall()))
    return existing, fetched


def collect_values(
    kind: str, fetched: Fetched, groups: set[str] | None = None
) -> dict[int, dict[str, set[str]]]:
    """The fetched rows as each record's values by field group (only those of `groups` if
    given); records with no values are left out."""
    existing, readers = fetched
    known = set(existing)
    collected: dict[int, dict[str, set[str]]] = {}
    names: dict[str, str] = {}  # a reader's group ('credit_director') -> the index's group
    for number, rows in readers:
        reader = _READERS[kind][number]
        marked = bool(_marks(reader)) and (groups is None or "mark" in groups)
        wanted = groups is None or _reads(reader, groups)
        width = len(reader[2])
        for owner, group, *values in rows:
            if owner not in known:
                continue
            by_group = collected.get(owner)
            if by_group is None:
                by_group = collected[owner] = {}
            if marked:
                by_group.setdefault("mark", set()).update(m for m in values[width:] if m)
            if not wanted:
                continue
            if group == "dates":
                by_group.setdefault("mark", set()).update(date_words(*values[0].split("/")))
                continue
            name = names.get(group)
            if name is None:
                name = names[group] = _group_name(group)
            target = by_group.get(name)
            if target is None:
                target = by_group[name] = set()
            for value in values[:width]:
                if isinstance(value, str) and value.strip():
                    target.add(value)
    return collected


def read_values(
    connection: Connection,
    kind: str,
    *,
    ids: Sequence[int] | None = None,
    id_range: tuple[int, int] | None = None,
    groups: set[str] | None = None,
) -> tuple[list[int], dict[int, dict[str, set[str]]]]:
    """The ids of the records of `kind` that exist (with these ids or in this id range), and
    their values by field group (only those of `groups` if given); records with no values are
    left out of the second."""
    fetched = fetch_values(connection, kind, ids=ids, id_range=id_range, groups=groups)
    return fetched[0], collect_values(kind, fetched, groups)


def read_docs(
    connection: Connection,
    kind: str,
    *,
    ids: Sequence[int] | None = None,
    id_range: tuple[int, int] | None = None,
    groups: set[str] | None = None,
) -> dict[int, RecordDoc]:
    """The documents of the records of `kind` with these ids (or in this id range) that exist;
    with `groups`, only the values of those field groups."""
    existing, collected = read_values(connection, kind, ids=ids, id_range=id_range, groups=groups)
    docs = {record_id: RecordDoc(kind, record_id) for record_id in existing}
    for owner, by_group in collected.items():
        docs[owner].values = {name: sorted(values) for name, values in by_group.items() if values}
    return docs


Filled = tuple[tuple[int, ...], tuple[str, ...]]


class RowMaker:
    """Index rows (every column of `COLUMNS` in order, None where a group has no values) from
    records' values: the one maker of rows, for the rebuild, the listener and the check alike.
    Each distinct title or name is folded and keyed once (they repeat across many records: a
    director's name on all their films), and whole rows are reused when records hold exactly
    the same values (many events do)."""

    _ROWS_KEPT = 50_000  # whole rows remembered at most (works and sources rarely repeat)

    def __init__(self, limit: int | None = None) -> None:
        self._limit = limit  # distinct values remembered at most (then forgotten), or no bound
        self._position = {column: n for n, column in enumerate(COLUMNS)}
        self._mark_position = self._position[GROUP_BY_NAME["mark"].text_column]
        self._folded: dict[str, str] = {}
        self._keys: dict[tuple[str, str], tuple[str, ...]] = {}
        self._search_keys: dict[str, str] = {}
        self._rows: dict[tuple[tuple[str, tuple[str, ...]], ...], Filled | None] = {}

    def row(self, by_group: dict[str, set[str]]) -> tuple[str | None, ...] | None:
        """The row for one record's values, or None when nothing in them can be found."""
        made = self.filled(by_group)
        if made is None:
            return None
        cells: list[str | None] = [None] * len(COLUMNS)
        for position, cell in zip(*made, strict=True):
            cells[position] = cell
        return tuple(cells)

    def filled(self, by_group: dict[str, set[str]]) -> Filled | None:
        """The row as (positions in `COLUMNS` of the cells that hold text, those cells), or None
        when nothing in the values can be found. Inserting only the filled cells is many times
        faster than binding the forty-odd empty ones too."""
        made = self._filled_without_marks(by_group)
        marks = by_group.get("mark")
        cell = verbatim_text(marks) if marks else ""
        if not cell:
            return made
        if made is None:
            return (self._mark_position,), (cell,)
        positions, cells = made
        at = bisect.bisect(positions, self._mark_position)
        return (
            (*positions[:at], self._mark_position, *positions[at:]),
            (*cells[:at], cell, *cells[at:]),
        )

    def _filled_without_marks(self, by_group: dict[str, set[str]]) -> Filled | None:
        # Marks (a date's words above all) differ from record to record where the rest is the
        # same (many events): the rest is remembered without them, and they are added after.
        values = tuple(
            sorted((name, tuple(sorted(v))) for name, v in by_group.items() if v and name != "mark")
        )
        found = self._rows.get(values, self)
        if found is not self:
            return found  # type: ignore[return-value]
        if self._limit is not None and len(self._folded) + len(self._keys) > self._limit:
            self._folded.clear()
            self._keys.clear()
            self._search_keys.clear()
        cells: list[str | None] = [None] * len(COLUMNS)
        for name, group_values in values:
            self._fill(cells, name, group_values)
        positions = tuple(n for n, cell in enumerate(cells) if cell is not None)
        made = (positions, tuple(cells[n] or "" for n in positions)) if positions else None
        if len(self._rows) >= self._ROWS_KEPT:
            self._rows.clear()
        self._rows[values] = made
        return made

    def _fill(self, cells: list[str | None], name: str, values: tuple[str, ...]) -> None:
        group = GROUP_BY_NAME[name]
        if group.verbatim:
            cells[self._position[group.text_column]] = verbatim_text(values)
            return
        if group.keyed:
            # Titles and names: few distinct values, each worth remembering.
            folded = [f for f in map(self._fold, values) if f]
        else:
            # Notes and excerpts are mostly unique: folded as they come.
            folded = [f for f in map(fold_text.__wrapped__, values) if f]
        if folded:
            cells[self._position[group.text_column]] = framed_text(folded, framed=name in FRAMED)
        if group.keyed:
            keys: dict[str, None] = {}
            kind = key_kind(name)
            for value in values:
                found = self._keys.get((value, kind))
                if found is None:
                    found = self._keys[(value, kind)] = keys_of(value, kind, self._key)
                for key in found:
                    keys[key] = None
            if keys:
                cells[self._position[group.key_column]] = " " + " ".join(keys) + " "

    def _key(self, value: str) -> str:
        found = self._search_keys.get(value)
        if found is None:
            found = self._search_keys[value] = search_key(value)
        return found

    def _fold(self, value: str) -> str:
        found = self._folded.get(value)
        if found is None:
            found = self._folded[value] = fold_text.__wrapped__(value)
        return found


def chunks(ids: Iterable[int], size: int = 500) -> Iterable[list[int]]:
    batch: list[int] = []
    for record_id in ids:
        batch.append(record_id)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
