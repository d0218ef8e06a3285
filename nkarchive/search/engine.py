"""Running a query: counts per kind first, then one ranked page, then labels and matched fields.

Ranking is by tiers, so that no more rows are ranked than the page needs: a record that matches
the whole main field (title or name) comes first, then one whose main field has the words as
typed (same script and spelling), then one whose main field matches only by folding key, then
credits, names and places, then anything (notes, excerpts). Each tier is one FTS5 lookup, read
lazily in id order, skipping the records earlier tiers placed, and stopping at the page's end;
only the page itself is then scored.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import islice
from typing import Any

from sqlalchemy import Connection, text

from nkarchive.korean import contains_hangul
from nkarchive.search.columns import (
    GROUP_BY_NAME,
    GROUPS,
    ID_BITS,
    INDEX,
    KIND_CODES,
    KINDS,
    MAIN_GROUPS,
    NAME_GROUPS,
    rowid_base,
    rowid_range,
)
from nkarchive.search.compiler import KindQuery, compile_kind, field_groups, quote
from nkarchive.search.connections import reading
from nkarchive.search.documents import RecordDoc, key_kind, read_docs
from nkarchive.search.grammar import And, Codes, Fact, Node, Not, Or, Words, Years, leaves, parse
from nkarchive.search.normalize import fold_text, key_matches, query_key, value_keys, whole_word
from nkarchive.store.catalogue import Catalogue

TIER_SCORES = (1.0, 0.8, 0.6, 0.4, 0.2)
UNTIERED_SCORE = 0.5


class SearchCancelled(Exception):
    """The search was cancelled (a newer query superseded it)."""


class CancelToken:
    """Handed to `search`; `cancel()` from any thread stops the search at its next step."""

    def __init__(self) -> None:
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True


@dataclass(frozen=True)
class Hit:
    """One record found: what it is, how well it matched, and where."""

    kind: str
    uuid: str
    label: str
    score: float
    matched_field: str
    snippet: str
    record_id: int


@dataclass
class SearchResult:
    """Counts for every kind searched, and the best hits (best first)."""

    query: str
    total_by_kind: dict[str, int] = field(default_factory=dict)
    hits_by_kind: dict[str, list[Hit]] = field(default_factory=dict)
    hits: list[Hit] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.total_by_kind.values())


# -- running one kind's query ------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """One kind's query, possibly narrowed to one ranking tier."""

    query: KindQuery
    fts: str | None
    # The lowest record id the lookup can find (a wider tier's first hit): it starts there.
    start: int = 0

    def _shape(self, select: str, order: bool) -> tuple[str, dict[str, Any]]:
        q, params = self.query, dict(self.query.params)
        low, high = rowid_range(q.kind)
        low += self.start
        base = rowid_base(q.kind)
        index = INDEX
        if self.fts is not None:
            params["match"] = self.fts
            if q.condition is None:
                column = "count(*)" if select == "count" else f"rowid - {base}"
                sql = (
                    f"SELECT {column} FROM {index} WHERE {index} MATCH :match "
                    f"AND rowid BETWEEN {low} AND {high}"
                )
                return sql + (" ORDER BY rowid" if order else ""), params
            column = "count(*)" if select == "count" else "r.id"
            sql = (
                f"SELECT {column} FROM {index} f JOIN {q.table} r ON r.id = f.rowid - {base} "
                f"WHERE f.{index} MATCH :match AND f.rowid BETWEEN {low} AND {high} "
                f"AND ({q.condition})"
            )
            return sql + (" ORDER BY f.rowid" if order else ""), params
        column = "count(*)" if select == "count" else "r.id"
        where = f" WHERE {q.condition}" if q.condition else ""
        return f"SELECT {column} FROM {q.table} r{where}" + (
            " ORDER BY r.id" if order else ""
        ), params

    def count(self, connection: Connection) -> int:
        q = self.query
        if q.never:
            return 0
        if q.without is not None and self.fts is None:
            low, high = rowid_range(q.kind)
            records = connection.exec_driver_sql(f"SELECT count(*) FROM {q.table}").scalar()
            excluded = connection.exec_driver_sql(
                f"SELECT count(*) FROM {INDEX} WHERE {INDEX} MATCH ? AND rowid BETWEEN ? AND ?",
                (q.without, low, high),
            ).scalar()
            return int(records or 0) - int(excluded or 0)
        if q.counts and self.fts is None:
            return sum(
                int(connection.exec_driver_sql(sql, q.params).scalar() or 0) for sql in q.counts
            )
        sql, params = self._shape("count", order=False)
        return int(connection.exec_driver_sql(sql, params).scalar() or 0)

    def ids(
        self,
        connection: Connection,
        limit: int | None = None,
        offset: int = 0,
        total: int | None = None,
    ) -> list[int]:
        """Matching ids in id order; `total`, the count if known, lets a year range choose how
        to read them."""
        q = self.query
        if q.never:
            return []
        page = "" if limit is None else f" LIMIT {int(limit)} OFFSET {int(offset)}"
        if q.without is not None and self.fts is None:
            end = None if limit is None else offset + limit
            return list(islice(self.iter_ids(connection), offset, end))
        if q.parts and self.fts is None and q.in_id_order is not None:
            total = self.count(connection) if total is None else total
            top = connection.exec_driver_sql(f"SELECT max(id) FROM {q.table}").scalar() or 0
            if limit is not None and total * DENSE >= int(top):
                # Dense: the page is found within a few thousand rows read in id order.
                sql = f"SELECT r.id FROM {q.table} r WHERE {q.in_id_order} ORDER BY r.id"
            else:  # sparse: every match from the indexes, then sorted
                union = " UNION ALL ".join(
                    f"SELECT r.id FROM {q.table} r WHERE {p}" for p in q.parts
                )
                sql = f"SELECT id FROM ({union}) ORDER BY id"
            return [int(i) for i in connection.exec_driver_sql(sql + page, q.params).scalars()]
        sql, params = self._shape("ids", order=True)
        return [int(i) for i in connection.exec_driver_sql(sql + page, params).scalars()]

    def iter_ids(self, connection: Connection) -> Iterator[int]:
        """Matching ids in id order, read from SQLite only as far as the caller goes."""
        if self.query.never:
            return
        if self.query.without is not None and self.fts is None:
            yield from self._ids_without(connection)
            return
        sql, params = self._shape("ids", order=True)
        raw = connection.connection.dbapi_connection
        assert raw is not None
        cursor = raw.cursor()
        try:
            # The DB-API cursor steps the statement row by row; leaving early stops the scan.
            for (record_id,) in cursor.execute(sql, params):
                yield int(record_id)
        finally:
            cursor.close()

    def _ids_without(self, connection: Connection) -> Iterator[int]:
        """The records not found by `without`, in id order: every record's id read beside
        the excluded ones', both in id order, as far as the caller goes."""
        q = self.query
        assert q.without is not None
        low, high = rowid_range(q.kind)
        base = rowid_base(q.kind)
        raw = connection.connection.dbapi_connection
        assert raw is not None
        records, excluded = raw.cursor(), raw.cursor()
        try:
            records.execute(f"SELECT id FROM {q.table} ORDER BY id")
            excluded.execute(
                f"SELECT rowid - {base} FROM {INDEX} WHERE {INDEX} MATCH ? "
                "AND rowid BETWEEN ? AND ? ORDER BY rowid",
                (q.without, low, high),
            )
            skip = excluded.fetchone()
            while rows := records.fetchmany(500):
                for (record_id,) in rows:
                    while skip is not None and skip[0] < record_id:
                        skip = excluded.fetchone()
                    if skip is not None and skip[0] == record_id:
                        continue
                    yield int(record_id)
        finally:
            records.close()
            excluded.close()


def _free_words(tree: Node | None) -> list[Words]:
    """The free words that must match (not under `not`): those the tiers narrow."""
    if tree is None:
        return []
    if isinstance(tree, Words):
        return [tree] if tree.field is None else []
    if isinstance(tree, And | Or):
        return [w for item in tree.items for w in _free_words(item)]
    return []


def _only_words(tree: Node | None) -> list[Words] | None:
    items = tree.items if isinstance(tree, And) else (tree,)
    if all(isinstance(i, Words) and i.field is None and not i.phrase for i in items):
        return [i for i in items if isinstance(i, Words)]
    return None


def tiers(tree: Node | None, kind: str, full: KindQuery) -> list[tuple[float, Step]]:
    """The ranking tiers of a query for one kind, best first. A tier's lookup also finds the
    records of the tiers before it: they rank there, and `ranked_ids` skips them."""
    if full.never or full.fts is None or not _free_words(tree):
        return [(UNTIERED_SCORE, Step(full, full.fts))]
    main = MAIN_GROUPS[kind]
    narrowed: list[tuple[float, str]] = []
    words = _only_words(tree)
    if words:
        folded = " ".join(f for f in (fold_text(w.text) for w in words) if f)
        if folded:
            # The word standing for a whole title or name: one entry to look up. Not its
            # beginning while typing: every title's whole word is a word of its own, and
            # `^the*` would gather a hundred thousand of them; such titles rank by closeness.
            columns = " ".join(GROUP_BY_NAME[g].text_column for g in main)
            narrowed.append((TIER_SCORES[0], "{" + columns + "} : " + quote(whole_word(folded))))
    for score, groups, keys in (
        (TIER_SCORES[1], main, False),
        (TIER_SCORES[2], main, True),
        (TIER_SCORES[3], NAME_GROUPS, True),
    ):
        tier = compile_kind(tree, kind, restrict=groups, restrict_keys=keys)
        if tier.fts is not None and tier.condition == full.condition and tier.params == full.params:
            if narrowed and narrowed[-1][1] == tier.fts:
                continue  # the same lookup as the tier before (a word with no key)
            narrowed.append((score, tier.fts))
    narrowed.append((TIER_SCORES[4], full.fts))
    # Each tier is its own positive lookup; `ranked_ids` drops the records of earlier tiers as
    # it reads. An FTS5 `NOT (earlier tiers)` instead made every sparse tier test each of its
    # candidates against all the tiers before it.
    return [(score, Step(full, fts)) for score, fts in narrowed]


# Only for a result this large is the widest title tier looked up first: then a sparse
# title tier reads long postings to find few records. For a smaller one the lookup (the
# widest tier also tries the folding keys) cost more than it spared.
PROBE_ABOVE = 20_000


def without_empty_main_tiers(
    connection: Connection, steps: list[tuple[float, Step]], total: int
) -> list[tuple[float, Step]]:
    """The tiers, less those of the title or name when none of them can hold a record, and
    the others starting at the first record that can.

    The tiers are nested: a whole-title match has the words in the title, as typed, which match
    by spelling or key. So when the widest title tier finds nothing, neither do the narrower
    ones, and one lookup that stops at its first hit tells, where reading each narrower tier to
    its end found nothing several times over (`pyo` among a million events). When it finds a
    record, the narrower tiers start their lookups there: what lies before it is read once."""
    main = [n for n, (score, _) in enumerate(steps) if score >= TIER_SCORES[2]]
    if len(main) < 2 or total < PROBE_ABOVE:
        return steps
    _, widest = steps[main[-1]]
    first = widest.ids(connection, limit=1)
    if not first:
        return [step for n, step in enumerate(steps) if n not in main]
    return [
        (score, replace(step, start=first[0]) if n in main else step)
        for n, (score, step) in enumerate(steps)
    ]


# A year range's matches are read in id order when at least one record in DENSE matches.
DENSE = 50
RANK_ALL = 300  # up to this many hits, rank them all in Python from their index rows


def rank_all(
    connection: Connection,
    tree: Node | None,
    full: KindQuery,
    limit: int,
    offset: int,
    total: int | None = None,
) -> list[tuple[int, float]]:
    """A small result ranked whole: every hit's tier worked out from its index row, as the
    tier queries would place it."""
    kind = full.kind
    ids = Step(full, full.fts).ids(connection, total=total)
    if not ids:
        return []
    free = [p for w in _free_words(tree) if (p := _probe(w, kind)) is not None]
    words = _only_words(tree)
    whole = " ".join(f for f in (fold_text(w.text) for w in words or []) if f)
    whole_pattern = None
    if words and whole:
        whole_pattern = f" {whole_word(whole)} "
    base = rowid_base(kind)
    main = MAIN_GROUPS[kind]
    scored: list[tuple[int, int]] = []
    for start in range(0, len(ids), 500):
        batch = ids[start : start + 500]
        rows = _rows(
            connection,
            f"SELECT id, {', '.join(_TIER_COLUMNS)} FROM search_doc "
            f"WHERE id IN ({', '.join('?' for _ in batch)})",
            tuple(base + i for i in batch),
        )
        found = {int(r[0]) - base: dict(zip(_TIER_COLUMNS, r[1:], strict=True)) for r in rows}
        for record_id in batch:
            scored.append((_tier(found.get(record_id, {}), free, main, whole_pattern), record_id))
    scored.sort()
    if not free:
        return [(record_id, UNTIERED_SCORE) for _, record_id in scored[offset : offset + limit]]
    return [(record_id, TIER_SCORES[tier]) for tier, record_id in scored[offset : offset + limit]]


# The index columns a hit's tier depends on: titles, names and places, not notes or excerpts
# (text and key column of each group in turn).
_TIER_COLUMNS: tuple[str, ...] = tuple(
    column
    for name in NAME_GROUPS
    for column in (GROUP_BY_NAME[name].text_column, GROUP_BY_NAME[name].key_column)
)


_TIER_COLUMN_SET = frozenset(_TIER_COLUMNS)
_NAME_TEXTS, _NAME_KEYS = _TIER_COLUMNS[::2], _TIER_COLUMNS[1::2]


def _conjunction(tree: Node | None) -> bool:
    """Whether the tree is terms joined by and: then a hit's tier follows from its own index row."""
    items = tree.items if isinstance(tree, And) else (tree,)
    return all(not isinstance(item, And | Or) for item in items)


def _joined(row: dict[str, str | None], columns: Sequence[str]) -> str:
    return " ".join([value for column in columns if (value := row.get(column))])


def _tier(
    row: dict[str, str | None], free: list[_Probe], main: tuple[str, ...], whole: str | None
) -> int:
    """The tier a record's index row puts it in (0 best), mirroring `tiers`."""
    if not free:
        return 0
    main_text = _joined(row, [GROUP_BY_NAME[g].text_column for g in main])
    if whole is not None and whole in main_text:
        return 0
    if all(p.pattern in main_text for p in free):
        return 1
    main_keys = _joined(row, [GROUP_BY_NAME[g].key_column for g in main])
    if all(
        p.pattern in main_text or (p.key is not None and key_matches(p.key, main_keys))
        for p in free
    ):
        return 2
    names_text, names_keys = _joined(row, _NAME_TEXTS), _joined(row, _NAME_KEYS)
    if all(
        p.pattern in names_text or (p.key is not None and key_matches(p.key, names_keys))
        for p in free
    ):
        return 3
    return 4


def ranked_ids(
    connection: Connection,
    steps: Sequence[tuple[float, Step]],
    limit: int,
    offset: int,
    total: int | None = None,
) -> list[tuple[int, float]]:
    """The page [offset, offset + limit) of ids in tier order, with their tier's score
    (`total`: the count of the whole query, when known).

    Tiers are read lazily, one id at a time in id order, skipping records an earlier tier
    placed, and reading stops as soon as the page is full. A later tier is read only when the
    earlier ones ran out, so the records they placed are all known and few (fewer than
    offset + limit)."""
    if len(steps) == 1:
        score, step = steps[0]
        return [(i, score) for i in step.ids(connection, limit, offset, total)]
    page: list[tuple[int, float]] = []
    placed: set[int] = set()
    skip = offset
    for score, step in steps:
        found: list[int] = []
        for record_id in step.iter_ids(connection):
            if record_id in placed:
                continue
            found.append(record_id)
            if skip:
                skip -= 1
                continue
            page.append((record_id, score))
            if len(page) >= limit:
                return page
        placed.update(found)
    return page


# -- labels and matched fields -----------------------------------------------------------------

_LABELS = {
    "work": "SELECT w.id, w.uuid, coalesce((SELECT t.text FROM title t WHERE t.work_id = w.id "
            "ORDER BY t.preferred DESC, t.position, t.id LIMIT 1), w.identifier, '(untitled work)') "
            "FROM work w WHERE w.id IN ({ids})",
    "agent": "SELECT a.id, a.uuid, coalesce((SELECT n.name FROM agent_name n WHERE n.agent_id = a.id "
             "ORDER BY n.preferred DESC, n.position, n.id LIMIT 1), '(unnamed agent)') "
             "FROM agent a WHERE a.id IN ({ids})",
    "source": "SELECT id, uuid, title FROM source WHERE id IN ({ids})",
    "event": "SELECT id, uuid, coalesce(label, replace(event_type, '_', ' ') || "
             "coalesce(', ' || place, '') || coalesce(', ' || date, '')) FROM event WHERE id IN ({ids})",
}  # fmt: skip


def _rows(connection: Connection, sql: str, params: tuple[Any, ...]) -> list[tuple[Any, ...]]:
    """All rows of a query as tuples, through the driver's own cursor: SQLAlchemy's result
    rows cost more than reading a page's fifty rows."""
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        rows: list[tuple[Any, ...]] = cursor.execute(sql, params).fetchall()
        return rows
    finally:
        cursor.close()


def labels(connection: Connection, kind: str, ids: Sequence[int]) -> dict[int, tuple[str, str]]:
    """uuid and label of each record."""
    if not ids:
        return {}
    # Positional marks through the driver: SQLAlchemy's text() parses fifty named parameters
    # anew on every call, which cost ten times the query itself.
    sql = _LABELS[kind].format(ids=", ".join("?" * len(ids)))
    rows = _rows(connection, sql, tuple(ids))
    return {int(r[0]): (str(r[1]), str(r[2])) for r in rows}


@dataclass(frozen=True)
class _Probe:
    """What a positive words leaf looks for in a stored value."""

    pattern: str
    key: str | None
    groups: tuple[str, ...]


def _probe(words: Words, kind: str) -> _Probe | None:
    folded = fold_text(words.text)
    if not folded:
        return None
    groups = field_groups(words.field, kind) or ()
    open_end = (words.prefix or contains_hangul(folded)) and len(folded.rsplit(" ", 1)[-1]) >= 2
    return _Probe(f" {folded}" if open_end else f" {folded} ", query_key(words.text), groups)


def _probes(tree: Node | None, kind: str) -> list[_Probe]:
    return [p for w in _positive_words(tree) if (p := _probe(w, kind)) is not None]


def _positive_words(tree: Node | None) -> list[Words]:
    if tree is None or isinstance(tree, Not):
        return []
    if isinstance(tree, Words):
        return [tree]
    if isinstance(tree, And | Or):
        return [w for item in tree.items for w in _positive_words(item)]
    return []


def _snippet(value: str, width: int = 80) -> str:
    value = " ".join(value.split())
    return value if len(value) <= width else value[: width - 1] + "…"


# For each field group a page's probes look in, best first: (group, text column, key column,
# the patterns and the keys looked for there).
_MatchPlan = list[tuple[str, str, str | None, tuple[str, ...], tuple[str, ...]]]


def match_plan(probes: list[_Probe], kind: str) -> _MatchPlan:
    """Where `matched_group` looks, worked out once for a page rather than for each hit."""
    order = [*MAIN_GROUPS[kind], *(g.name for g in GROUPS if g.name not in MAIN_GROUPS[kind])]
    plan: _MatchPlan = []
    for name in order:
        group = GROUP_BY_NAME[name]
        wanted = [p for p in probes if name in p.groups]
        if not wanted:
            continue
        keys = tuple(p.key for p in wanted if p.key is not None) if group.keyed else ()
        plan.append(
            (
                name,
                group.text_column,
                group.key_column if keys else None,
                tuple(p.pattern for p in wanted),
                keys,
            )
        )
    return plan


def matched_group(
    row: Mapping[str, str | None], probes: list[_Probe], kind: str, plan: _MatchPlan | None = None
) -> tuple[str, bool] | None:
    """The best field group a record's index row matched in (main field first; the spelling
    as typed before another spelling with the same key), and whether only by key."""
    for name, text_column, key_column, patterns, keys in plan or match_plan(probes, kind):
        stored = row.get(text_column)
        if stored and any(pattern in stored for pattern in patterns):
            return name, False
        stored_keys = row.get(key_column) if key_column else None
        if stored_keys and any(key_matches(key, stored_keys) for key in keys):
            return name, True
    return None


def matched_value(
    values: list[str], probes: list[_Probe], group: str, by_key: bool
) -> tuple[str, float]:
    """The value of a group that matched, and a closeness bonus within its tier."""
    for value in values:
        folded = f" {fold_text(value)} "
        matched = any(
            (p.key is not None and any(k.startswith(p.key) for k in value_keys(value, key_kind(group))))
            if by_key else p.pattern in folded
            for p in probes if group in p.groups
        )  # fmt: skip
        if matched:
            # A shorter value that matches is closer to what was typed.
            return _snippet(value), 0.1 / (len(folded.split()) + 1)
    return "", 0.0


def _describe_leaf(tree: Node | None) -> str:
    """What to show as the matched field when no words matched a stored value."""
    for leaf in leaves(tree):
        if isinstance(leaf, Words):
            if leaf.field:
                return leaf.field
        elif isinstance(leaf, Years):
            return "year"
        elif isinstance(leaf, Codes):
            return leaf.field
        elif isinstance(leaf, Fact):
            return f"{'has' if leaf.present else 'missing'}:{leaf.fact}"
    return ""


def finish_page(
    connection: Connection, kind: str, tree: Node | None, page: list[tuple[int, float]]
) -> list[Hit]:
    """Labels, matched fields and snippets for one page of ids, best first."""
    ids = [record_id for record_id, _ in page]
    named = labels(connection, kind, ids)
    probes = _probes(tree, kind)
    matches: dict[int, tuple[str, bool]] = {}
    originals: dict[int, RecordDoc] = {}
    if probes and ids:
        base = rowid_base(kind)
        plan = match_plan(probes, kind)
        # Only the columns the probes look in: first those of titles, names and places, where
        # most hits match, then notes and excerpts for the hits that did not (the plan looks
        # in that order, so a match found first is the one all columns would give).
        read = list(dict.fromkeys(c for _, t, k, _, _ in plan for c in (t, k) if c))
        stored_rows: dict[int, dict[str, str]] = {}
        wanted_ids = ids
        for columns in (
            [c for c in read if c in _TIER_COLUMN_SET],
            [c for c in read if c not in _TIER_COLUMN_SET],
        ):
            if not columns or not wanted_ids:
                continue
            marks = ", ".join("?" for _ in wanted_ids)
            rows = _rows(
                connection,
                f"SELECT id, {', '.join(columns)} FROM search_doc WHERE id IN ({marks})",
                tuple(base + i for i in wanted_ids),
            )
            for row in rows:
                record_id = int(row[0]) - base
                stored = stored_rows.setdefault(record_id, {})
                stored.update((c, v) for c, v in zip(columns, row[1:], strict=True) if v)
                found = matched_group(stored, probes, kind, plan)
                if found:
                    matches[record_id] = found
            wanted_ids = [i for i in wanted_ids if i not in matches]
        wanted = {group for group, _ in matches.values()}
        originals = read_docs(connection, kind, ids=list(matches), groups=wanted) if matches else {}
    fallback = _describe_leaf(tree)
    hits = []
    for record_id, score in page:
        if record_id not in named:
            continue
        uuid, label = named[record_id]
        field_label, snippet, bonus = fallback, "", 0.0
        if record_id in matches:
            group, by_key = matches[record_id]
            field_label = GROUP_BY_NAME[group].label
            values = originals[record_id].values.get(group, []) if record_id in originals else []
            snippet, bonus = matched_value(values, probes, group, by_key)
        hits.append(
            Hit(kind, uuid, label, round(score + bonus, 4), field_label, snippet, record_id)
        )
    # Only within a tier may closeness reorder: tiers are what the page was chosen by.
    tier_of = dict(page)
    hits.sort(key=lambda h: (-tier_of[h.record_id], -h.score))
    return hits


# -- the API -----------------------------------------------------------------------------------


# The first this-many hits of free words are counted in one pass grouped by kind; the rest,
# if any, by a count per kind from where that pass stopped.
FEW_HITS = 5000


def count_all(connection: Connection, compiled: dict[str, KindQuery]) -> dict[str, int]:
    """Hits per kind.

    Free words search every column of every kind alike, so one lookup finds the hits of all
    kinds, in row-id order, which is kind by kind. Without other conditions, the first
    FEW_HITS of them are counted grouped by the kind in their row ids: exact for every kind the
    pass went beyond. The kind it stopped in is counted on from the last row id it read, and the
    kinds after it by a bare `count(*)` over their row-id ranges. So each hit is read once, a
    small result costs one lookup, and a large one is not sorted whole to be grouped (27 ms
    against 16 for `the` in 100,000 titles). With conditions (`year:`, `-has:citation`), each
    hit is tested against its own kind's in the same pass, so the words are looked up once,
    not once per kind."""
    totals: dict[str, int] = {}
    shared = [q for q in compiled.values() if q.fts is not None and not q.never]
    if len(shared) > 1 and len({q.fts for q in shared}) == 1:
        if any(q.condition is not None for q in shared):
            totals.update(_count_together(connection, shared))
        else:
            totals.update(_count_in_one_pass(connection, shared))
    for kind, q in compiled.items():
        if kind not in totals:
            totals[kind] = Step(q, q.fts).count(connection)
    return totals


def _count_in_one_pass(connection: Connection, shared: list[KindQuery]) -> dict[str, int]:
    """`count_all` for kinds that share one FTS5 query and have no other condition."""
    totals: dict[str, int] = {}
    fts = shared[0].fts
    rows = connection.exec_driver_sql(
        f"SELECT rowid >> {ID_BITS}, count(*), max(rowid) FROM (SELECT rowid FROM "
        f"{INDEX} WHERE {INDEX} MATCH ? ORDER BY rowid LIMIT {FEW_HITS}) GROUP BY 1",
        (fts,),
    ).all()
    found = {int(code): (int(n), int(last)) for code, n, last in rows}
    complete = sum(n for n, _ in found.values()) < FEW_HITS
    stopped_in = max(found, default=0)
    for q in shared:
        code = KIND_CODES[q.kind]
        n, last = found.get(code, (0, 0))
        if complete or code < stopped_in:
            totals[q.kind] = n
        elif code == stopped_in:
            _, high = rowid_range(q.kind)
            rest = connection.exec_driver_sql(
                f"SELECT count(*) FROM {INDEX} WHERE {INDEX} MATCH ? AND rowid > ? AND rowid <= ?",
                (fts, last, high),
            ).scalar()
            totals[q.kind] = n + int(rest or 0)
    return totals


def _count_together(connection: Connection, shared: list[KindQuery]) -> dict[str, int]:
    """`count_all` for kinds that share one FTS5 query, some with conditions: one pass over
    the hits, each tested against the condition of its kind."""
    params: dict[str, Any] = {"match": shared[0].fts}
    cases = []
    for q in shared:
        params.update(q.params)
        test = "1"
        if q.condition is not None:
            test = (
                f"EXISTS (SELECT 1 FROM {q.table} r WHERE r.id = f.rowid - {rowid_base(q.kind)} "
                f"AND ({q.condition}))"
            )
        cases.append(f"WHEN {KIND_CODES[q.kind]} THEN {test}")
    rows = connection.exec_driver_sql(
        f"SELECT f.rowid >> {ID_BITS}, count(*) FROM {INDEX} f WHERE f.{INDEX} MATCH :match "
        f"AND CASE f.rowid >> {ID_BITS} {' '.join(cases)} ELSE 0 END GROUP BY 1",
        params,
    ).all()
    found = {int(code): int(n) for code, n in rows}
    return {q.kind: found.get(KIND_CODES[q.kind], 0) for q in shared}


def _interruptible(connection: Connection, cancel: CancelToken | None) -> None:
    """Let `cancel` stop SQLite mid-statement (or, with None, take an earlier token's handler
    off this thread's reused connection)."""
    raw = connection.connection.dbapi_connection
    if isinstance(raw, sqlite3.Connection):
        if cancel is None:
            raw.set_progress_handler(None, 0)
        else:
            raw.set_progress_handler(lambda: 1 if cancel.cancelled else 0, 2000)


def search(
    catalogue: Catalogue,
    query: str,
    kinds: Sequence[str] | None = None,
    limit: int = 50,
    offset: int = 0,
    *,
    while_typing: bool = False,
    cancel: CancelToken | None = None,
) -> SearchResult:
    """Run `query` over the kinds asked for (default: all). Raises QuerySyntaxError for a query
    the grammar does not accept, SearchCancelled when `cancel` was cancelled meanwhile."""
    tree = parse(query, while_typing=while_typing)
    wanted = [k for k in KINDS if kinds is None or k in kinds]
    unknown = [k for k in (kinds or ()) if k not in KINDS]
    if unknown:
        raise ValueError(f"unknown kind of record {unknown[0]!r} (one of: {', '.join(KINDS)})")
    result = SearchResult(query)
    if tree is None or all(
        isinstance(leaf, Words) and not fold_text(leaf.text) for leaf in leaves(tree)
    ):
        return result  # nothing searchable was typed (only punctuation, say)
    try:
        with reading(catalogue.engine) as connection:
            _interruptible(connection, cancel)
            compiled = {kind: compile_kind(tree, kind) for kind in wanted}
            totals = count_all(connection, compiled)
            for kind in wanted:
                if cancel is not None and cancel.cancelled:
                    raise SearchCancelled(query)
                full = compiled[kind]
                steps = tiers(tree, kind, full)
                result.total_by_kind[kind] = totals[kind]
                if not result.total_by_kind[kind] or limit <= 0:
                    result.hits_by_kind[kind] = []
                    continue
                if result.total_by_kind[kind] <= RANK_ALL and _conjunction(tree):
                    page = rank_all(connection, tree, full, limit, offset, totals[kind])
                else:
                    steps = without_empty_main_tiers(connection, steps, totals[kind])
                    page = ranked_ids(connection, steps, limit, offset, totals[kind])
                result.hits_by_kind[kind] = finish_page(connection, kind, tree, page)
    except Exception as exc:
        if cancel is not None and cancel.cancelled:
            raise SearchCancelled(query) from exc
        raise
    merged = [hit for kind in wanted for hit in result.hits_by_kind.get(kind, [])]
    merged.sort(key=lambda h: -h.score)  # stable: kinds keep their order among equal scores
    result.hits = merged[:limit]
    return result


def ids_sql(
    query: str | Node | None, kind: str, *, via_work: bool = False
) -> tuple[str, dict[str, Any]]:
    """SQL selecting the ids of the records of `kind` that match, with its bound parameters, for
    lists and the timeline to use as a subquery (`WHERE id IN (...)`). An empty query matches
    every record."""
    tree = parse(query) if isinstance(query, str) else query
    compiled = compile_kind(tree, kind, via_work=via_work)
    sql, params = Step(compiled, compiled.fts)._shape("ids", order=False)
    return (sql if not compiled.never else f"SELECT id FROM {compiled.table} WHERE 0"), params


def ids_matching(
    catalogue: Catalogue, query: str, kind: str, *, via_work: bool = False
) -> list[int]:
    """The ids of the records of `kind` that match `query`, in id order."""
    sql, params = ids_sql(query, kind, via_work=via_work)
    with reading(catalogue.engine) as connection:
        return sorted(int(i) for i in connection.execute(text(sql), params).scalars())


def work_ids_matching(catalogue: Catalogue, query: str) -> list[int]:
    return ids_matching(catalogue, query, "work")


def event_ids_matching(catalogue: Catalogue, query: str) -> list[int]:
    """For the timeline: an event matches by its own text, or by its work's titles."""
    return ids_matching(catalogue, query, "event", via_work=True)
