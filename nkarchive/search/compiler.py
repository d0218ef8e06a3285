"""Syntax tree → SQL, one kind of record at a time. User words never become SQL text.

Each leaf becomes either an FTS5 query over some index columns (the user's words go in only as
quoted strings, and the whole FTS5 query is a bound parameter) or an SQL condition on the
record's table (aliased `r`) whose values are bound parameters. Subtrees made only of FTS
leaves merge into one FTS5 query, so a typical query is one index lookup plus, at most, a join
on the records for fields like `year:`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from nkarchive.korean import contains_hangul
from nkarchive.search.columns import (
    ALL_KEY_COLUMNS,
    COMPANY_ROLES,
    GROUP_BY_NAME,
    GROUPS,
    KIND_CODES,
    KIND_TABLES,
    PERSON_ROLES,
    mark,
    rowid_base,
    rowid_range,
)
from nkarchive.search.dates import FIRST_YEAR, LAST_YEAR, years_query_words
from nkarchive.search.grammar import And, Codes, Fact, Leaf, Node, Not, Or, Words, Years
from nkarchive.search.normalize import fold_text, query_key

# -- the pieces a tree compiles to -------------------------------------------------------------


@dataclass(frozen=True)
class Fts:
    """Records whose index row matches an FTS5 query (negated: whose row does not). `sql`, if
    given, is an SQL condition on `r` for the same records, used where the piece must become
    SQL (`year:1980..1989 or has:attachment`): cheaper there than a lookup in the index."""

    query: str
    negated: bool = False
    sql: str | None = None


@dataclass(frozen=True)
class Sql:
    """Records for which an SQL condition on `r` holds."""

    condition: str


@dataclass(frozen=True)
class Always:
    value: bool


@dataclass(frozen=True)
class Both:
    """Records matching an FTS5 query and an SQL condition (`director:kim` for people: named
    Kim, and credited as directors). Kept apart so that a conjunction can look the words up in
    the index and test the condition only on what it finds."""

    fts: Fts
    condition: Sql


Piece = Fts | Sql | Always | Both


@dataclass
class Params:
    """Bound parameters, named p0, p1, ... (with another `prefix`, its letter) in the order
    they are added."""

    values: dict[str, Any] = field(default_factory=dict)
    prefix: str = "p"

    def add(self, value: Any) -> str:
        name = f"{self.prefix}{len(self.values)}"
        self.values[name] = value
        return f":{name}"

    def add_all(self, values: Sequence[Any]) -> str:
        return ", ".join(self.add(v) for v in values)


@dataclass(frozen=True)
class KindQuery:
    """A query compiled for one kind: records matching `fts` (if any) and `condition` (if any).
    `never` means nothing can match; neither set means every record matches."""

    kind: str
    fts: str | None
    condition: str | None
    params: dict[str, Any]
    never: bool = False
    # For a query that is only a year range: disjoint conditions, each one range of an index,
    # whose counts add up to the count; and the condition again, kept off the indexes, for
    # reading a dense result in id order (see DateRange).
    parts: tuple[str, ...] = ()
    in_id_order: str | None = None
    # Statements whose results add up to the count of a year range (DateRange.counts).
    counts: tuple[str, ...] = ()
    # For a query that only excludes (`missing:source`, `-pyongyang`): the FTS5 query of what it
    # excludes. Its count is the records less that query's count, and its ids are the records
    # read beside that query's, in id order: the NOT IN of `condition` would gather everything
    # excluded (740,000 uncited events) before the first record.
    without: str | None = None

    @property
    def table(self) -> str:
        return KIND_TABLES[self.kind]


# -- FTS5 query text ---------------------------------------------------------------------------


def quote(text: str) -> str:
    """An FTS5 string: the only way user text enters an FTS5 query."""
    return '"' + text.replace('"', '""') + '"'


def _columns(groups: Sequence[str], *, keys: bool = True) -> tuple[list[str], list[str]]:
    text_columns = [GROUP_BY_NAME[g].text_column for g in groups]
    key_columns = [GROUP_BY_NAME[g].key_column for g in groups if keys and GROUP_BY_NAME[g].keyed]
    return text_columns, key_columns


def words_fts(words: Words, groups: Sequence[str] | None, *, keys: bool = True) -> str | None:
    """The FTS5 query for a Words leaf over these field groups (None: every column), or None when
    the words fold to nothing (punctuation only): the words as written, or (for names, titles
    and places) a stored key that the words' key begins."""
    folded = fold_text(words.text)
    if not folded:
        return None
    # Korean writes particles onto the word (불가사리를), so Hangul matches word beginnings.
    open_end = (words.prefix or contains_hangul(folded)) and len(folded.rsplit(" ", 1)[-1]) >= 2
    text_part = quote(folded) + (" *" if open_end else "")
    key = query_key(words.text) if keys else None
    key_columns = list(ALL_KEY_COLUMNS)
    if groups is not None:
        text_columns, key_columns = _columns(groups, keys=keys)
    # A word typed so far that is its own key (`pyo`, `kim`) looks for the same beginning among
    # words and keys alike: one lookup rather than two that find the same keys.
    same = open_end and key == folded
    if groups is not None:
        columns = text_columns + key_columns if same else text_columns
        text_part = "{" + " ".join(columns) + "} : " + text_part
    # (With no groups the words are looked for in every column: a key column holds only keys,
    # which a word finds only where its own key finds them too.)
    if not key or not key_columns or same:
        return text_part
    return f"{text_part} OR {{{' '.join(key_columns)}}} : {quote(key)} *"


# -- which groups a field searches, per kind ---------------------------------------------------

_ALL = tuple(g.name for g in GROUPS if not g.verbatim)
_ROLE_GROUPS: dict[str, tuple[str, ...]] = {"director": ("director", "co_director")}


def field_groups(field_name: str | None, kind: str) -> tuple[str, ...] | None:
    """Field groups of `kind` that a words field searches; () when it cannot match that kind."""
    if field_name is None:
        return _ALL
    table: dict[str, dict[str, tuple[str, ...]]] = {
        "title": {"work": ("title",), "event": ("title",), "source": ("title",)},
        "person": {"work": tuple(f"credit_{r}" for r in PERSON_ROLES), "agent": ("name",),
                   "source": ("contributor",)},
        "studio": {"work": tuple(f"credit_{r}" for r in COMPANY_ROLES), "agent": ("name",)},
        "place": {"event": ("place",), "source": ("place",)},
        "source": {"source": ("title", "contributor", "container")},
        "tag": {"work": ("tag",)},
        "notes": dict.fromkeys(KIND_TABLES, ("notes",)),
        "excerpt": {"work": ("excerpt",), "agent": ("excerpt",), "event": ("excerpt",)},
    }  # fmt: skip
    if field_name in table:
        return table[field_name].get(kind, ())
    roles = _ROLE_GROUPS.get(field_name, (field_name,))
    return {"work": tuple(f"credit_{r}" for r in roles), "agent": ("name",)}.get(kind, ())


# -- citations: which records a citation backs ------------------------------------------------


def cited_ids(kind: str, condition: str) -> str | None:
    """SQL selecting the ids of records of `kind` backed by a citation `c` meeting `condition`."""
    where = f"AND {condition}" if condition else ""
    if kind == "work":
        parts = [f"SELECT c.work_id FROM citation c WHERE c.work_id IS NOT NULL {where}"]
        for table, column in (
            ("title", "title_id"),
            ("credit", "credit_id"),
            ("manifestation", "manifestation_id"),
            ("item", "item_id"),
        ):
            parts.append(
                f"SELECT x.work_id FROM citation c JOIN {table} x ON x.id = c.{column} "
                f"WHERE 1 {where}"
            )
        return " UNION ".join(parts)
    if kind == "agent":
        return (
            f"SELECT c.agent_id FROM citation c WHERE c.agent_id IS NOT NULL {where} UNION "
            f"SELECT x.agent_id FROM citation c JOIN agent_name x ON x.id = c.agent_name_id WHERE 1 {where}"
        )
    if kind == "event":
        return f"SELECT c.event_id FROM citation c WHERE c.event_id IS NOT NULL {where}"
    return None


# -- compiling ---------------------------------------------------------------------------------


@dataclass
class Compiler:
    """Compiles trees for one kind. `restrict` narrows the free words to some field groups
    (used for ranking tiers); `via_work` lets an event match by its work's title too."""

    kind: str
    params: Params = field(default_factory=Params)
    restrict: tuple[str, ...] | None = None
    restrict_keys: bool = True
    via_work: bool = False

    def fts_in(self, piece: Fts) -> str:
        base = rowid_base(self.kind)
        low, high = rowid_range(self.kind)
        match = self.params.add(piece.query)
        return (
            f"r.id {'NOT ' if piece.negated else ''}IN (SELECT rowid - {base} FROM search_index "
            f"WHERE search_index MATCH {match} AND rowid BETWEEN {low} AND {high})"
        )

    def as_sql(self, piece: Piece) -> str:
        if isinstance(piece, Always):
            return "1" if piece.value else "0"
        if isinstance(piece, Fts):
            if piece.sql is not None:
                return f"NOT ({piece.sql})" if piece.negated else piece.sql
            return self.fts_in(piece)
        if isinstance(piece, Both):
            return f"({self.fts_in(piece.fts)}) AND ({piece.condition.condition})"
        return piece.condition

    def compile(self, node: Node, positive: bool = True) -> Piece:
        if isinstance(node, And):
            return self._and([self.compile(item, positive) for item in node.items])
        if isinstance(node, Or):
            return self._or([self.compile(item, positive) for item in node.items])
        if isinstance(node, Not):
            return _negate(self._plain(self.compile(node.item, not positive)))
        return self.leaf(node, positive)

    def _and(self, pieces: list[Piece]) -> Piece:
        if any(isinstance(p, Always) and not p.value for p in pieces):
            return Always(False)
        pieces = [p for p in pieces if not isinstance(p, Always)]
        if not pieces:
            return Always(True)
        # A conjunction's parts join this one's: its words go into the one FTS5 query.
        pieces = [part for piece in pieces for part in _parts(piece)]
        included = [p for p in pieces if isinstance(p, Fts) and not p.negated]
        excluded = [p for p in pieces if isinstance(p, Fts) and p.negated]
        conditions = [p for p in pieces if isinstance(p, Sql)]
        merged: list[Piece] = []
        if included:
            query = " AND ".join(f"({p.query})" for p in included)
            query += "".join(f" NOT ({p.query})" for p in excluded)
            merged.append(Fts(query))
        else:
            merged.extend(excluded)
        merged.extend(conditions)
        if len(merged) == 1:
            return merged[0]
        first, rest = merged[0], merged[1:]
        if isinstance(first, Fts) and not first.negated and all(isinstance(p, Sql) for p in rest):
            return Both(first, Sql(" AND ".join(f"({self.as_sql(p)})" for p in rest)))
        return Sql(" AND ".join(f"({self.as_sql(p)})" for p in merged))

    def _or(self, pieces: list[Piece]) -> Piece:
        if any(isinstance(p, Always) and p.value for p in pieces):
            return Always(True)
        pieces = [self._plain(p) for p in pieces if not isinstance(p, Always)]
        if not pieces:
            return Always(False)
        if all(isinstance(p, Fts) and not p.negated for p in pieces):
            fts = [p for p in pieces if isinstance(p, Fts)]
            return Fts(" OR ".join(f"({p.query})" for p in fts))
        return Sql(" OR ".join(f"({self.as_sql(p)})" for p in pieces))

    def _plain(self, piece: Piece) -> Piece:
        """A piece that `or` and `not` can take whole: a conjunction as one SQL condition."""
        return Sql(self.as_sql(piece)) if isinstance(piece, Both) else piece

    # -- leaves ----------------------------------------------------------------------------

    def leaf(self, leaf: Leaf, positive: bool = True) -> Piece:
        if isinstance(leaf, Words):
            return self.words(leaf, positive)
        if isinstance(leaf, Years):
            return self.years(leaf)
        if isinstance(leaf, Codes):
            return self.codes(leaf)
        return self.fact(leaf)

    def words(self, words: Words, positive: bool) -> Piece:
        kind = self.kind
        if words.field is None and self.restrict is not None and positive:
            query = words_fts(words, self.restrict, keys=self.restrict_keys)
            return Always(True) if query is None else Fts(query)
        if (
            words.field in ("place", "source")
            and kind in ("work", "agent", "event")
            and not (words.field == "place" and kind == "event")
        ):
            return self._words_elsewhere(words)
        groups = field_groups(words.field, kind)
        if groups == ():
            return Always(False)
        query = words_fts(words, None if words.field is None else groups)
        if query is None:
            return Always(True)
        piece: Piece = Fts(query)
        if kind == "agent" and words.field in _role_fields():
            # People credited in the role: their index row lists their roles.
            roles = _ROLE_GROUPS.get(words.field, (words.field,))
            piece = Fts(f"({query}) AND {marks('role', roles)}")
        extra = self._agent_condition(words.field) if kind == "agent" else None
        if extra:
            piece = self._and([piece, Sql(extra)])
        if self.via_work and kind == "event" and words.field in (None, "title"):
            title = words_fts(words, ("title",))
            assert title is not None
            in_works = Compiler("work", self.params).fts_in(Fts(title))
            piece = Sql(
                f"({self.as_sql(piece)}) OR r.work_id IN (SELECT r.id FROM work r WHERE {in_works})"
            )
        return piece

    def _agent_condition(self, field_name: str | None) -> str | None:
        if field_name == "person":
            return "r.agent_type = 'person'"
        if field_name == "studio":
            return "r.agent_type <> 'person'"
        return None

    def _words_elsewhere(self, words: Words) -> Piece:
        """place: and source: on records that hold neither: through their events or citations."""
        if words.field == "place":
            if self.kind != "work":
                return Always(False)
            query = words_fts(words, ("place",))
            if query is None:
                return Always(True)
            events = Compiler("event", self.params).fts_in(Fts(query))
            return Sql(f"r.id IN (SELECT r.work_id FROM event r WHERE {events})")
        query = words_fts(words, ("title", "contributor", "container"))
        if query is None:
            return Always(True)
        sources = Compiler("source", self.params).fts_in(Fts(query))
        cited = cited_ids(self.kind, f"c.source_id IN (SELECT r.id FROM source r WHERE {sources})")
        return Sql(f"r.id IN ({cited})") if cited else Always(False)

    def years(self, years: Years) -> Piece:
        """The records whose dates overlap the range: as words in the index (see
        nkarchive.search.dates), so that other words and the range are one lookup."""
        ranges = DateRange.of(self.kind, years, self.params)
        if ranges is None:
            return Always(False)
        first = FIRST_YEAR if years.lower is None else int(years.lower[:4])
        last = LAST_YEAR if years.upper is None else int(years.upper[:4])
        return Fts(mark_words(years_query_words(first, last)), sql=ranges.overlap())

    def codes(self, codes: Codes) -> Piece:
        kind = self.kind
        if codes.field in ("country", "event"):
            # A work's index row has the kinds and countries of its events, and its countries.
            return (
                Fts(marks(codes.field, codes.codes)) if kind in ("work", "event") else Always(False)
            )
        # A source's row has its class; a citation marks what it backs with its confidence and
        # its source's class, and a source with the confidences it is cited with.
        return Fts(marks(codes.field, codes.codes))

    def fact(self, fact: Fact) -> Piece:
        piece: Piece
        if fact.fact == "citation":
            # A citation marks in the index the record it backs (or whose part it backs), and
            # the source it cites.
            piece = Fts(marks("fact", ("cited",)))
        else:
            condition = self._fact_condition(fact.fact)
            if condition is None:
                return Always(False)  # the fact does not apply to this kind of record
            piece = Sql(condition)
            if fact.fact in _MARKED_FACTS or (fact.fact == "year" and self.kind in DATE_COLUMNS):
                # Marked in the index: a title or name in Hangul; a work's titles and credits;
                # an event's place; a date (nkarchive.search.dates).
                piece = Fts(marks("fact", (fact.fact,)), sql=condition)
        return piece if fact.present else _negate(piece)

    def _fact_condition(self, fact: str) -> str | None:
        kind = self.kind
        hangul = "GLOB '*[가-힣]*'"
        conditions: dict[str, dict[str, str]] = {
            "hangul": {
                "work": f"EXISTS (SELECT 1 FROM title x WHERE x.work_id = r.id AND x.text {hangul})",
                "agent": f"EXISTS (SELECT 1 FROM agent_name x WHERE x.agent_id = r.id AND x.name {hangul})",
                # coalesce: a missing label is no Hangul (NOT of NULL would drop the event).
                "event": f"(coalesce(r.label, '') {hangul} OR coalesce(r.place, '') {hangul})",
                "source": f"(coalesce(r.title, '') {hangul})",
            },
            "year": {"work": "r.production_date IS NOT NULL", "event": "r.date IS NOT NULL",
                     "source": "r.date IS NOT NULL", "agent": "r.dates IS NOT NULL"},
            "title": {"work": "EXISTS (SELECT 1 FROM title x WHERE x.work_id = r.id)"},
            "credit": {"work": "EXISTS (SELECT 1 FROM credit x WHERE x.work_id = r.id)"},
            "director": {"work": "EXISTS (SELECT 1 FROM credit x WHERE x.work_id = r.id "
                                 "AND x.role IN ('director', 'co_director'))"},
            "place": {"event": "(r.place IS NOT NULL OR r.venue IS NOT NULL)"},
            "attachment": {
                "work": "(EXISTS (SELECT 1 FROM attachment x WHERE x.work_id = r.id) OR EXISTS "
                        "(SELECT 1 FROM attachment x JOIN item i ON i.id = x.item_id WHERE i.work_id = r.id))",
                "source": "EXISTS (SELECT 1 FROM attachment x WHERE x.source_id = r.id)",
            },
        }  # fmt: skip
        return conditions.get(fact, {}).get(kind)


# A date whose bounds lie further apart than this (`198X`, `1985/1995`, `[..1972]`) is "long"
# and kept in a partial index of its own (migration 0003); all others are found near their start.
LONG_SPAN_DAYS = 366
DATE_COLUMNS = {"work": "production_date", "event": "date", "source": "date"}


@dataclass(frozen=True)
class DateRange:
    """`year:` as SQL. A record matches when its date's bounds overlap the range. Overlap cannot
    be one range of an index, so counting it from `lower <= B AND upper >= A` reads every date
    before B. Split instead: dates that start inside the range, short dates that start less than
    LONG_SPAN_DAYS before it and reach into it, and long dates (their own small index) that start
    before it and reach into it; each part is one index range, and they never overlap."""

    column: str
    lower: str | None  # bound parameter names
    upper: str | None
    before: str | None  # lower bound less LONG_SPAN_DAYS

    @classmethod
    def of(cls, kind: str, years: Years, params: Params) -> DateRange | None:
        column = DATE_COLUMNS.get(kind)
        if column is None:
            return None
        before = None
        if years.lower is not None:
            start = date.fromisoformat(years.lower)
            reach = timedelta(days=LONG_SPAN_DAYS)
            before = (start - reach if start - date.min > reach else date.min).isoformat()
        return cls(
            column,
            None if years.lower is None else params.add(years.lower),
            None if years.upper is None else params.add(years.upper),
            None if before is None else params.add(before),
        )

    def _span(self, plus: str = "") -> str:
        c = self.column
        return f"julianday({plus}r.{c}_upper) - julianday({plus}r.{c}_lower)"

    def overlap(self, plus: str = "") -> str:
        """The whole condition (`plus` = "+" keeps the planner off the date indexes)."""
        c = self.column
        conditions = [f"{plus}r.{c}_lower IS NOT NULL"]
        if self.lower is not None:
            conditions.append(f"{plus}r.{c}_upper >= {self.lower}")
        if self.upper is not None:
            conditions.append(f"{plus}r.{c}_lower <= {self.upper}")
        return " AND ".join(conditions)

    def counts(self, kind: str) -> tuple[str, ...]:
        """Statements whose results add up to the count: the records starting inside the range
        summed from the counts per day (migration 0007), and the other two parts counted."""
        low, high = self.lower, self.upper
        days = [f"kind = {KIND_CODES[kind]}"]
        if low is not None:
            days.append(f"day >= {low}")
        if high is not None:
            days.append(f"day <= {high}")
        inside = f"SELECT coalesce(sum(n), 0) FROM search_date_count WHERE {' AND '.join(days)}"
        table = KIND_TABLES[kind]
        return (inside, *(f"SELECT count(*) FROM {table} r WHERE {p}" for p in self.parts()[1:]))

    def parts(self) -> tuple[str, ...]:
        c, low, high = self.column, self.lower, self.upper
        inside = f"r.{c}_lower >= {low}" if low else f"r.{c}_lower IS NOT NULL"
        if high:
            inside += f" AND r.{c}_lower <= {high}"
        if low is None:
            return (inside,)
        reaching = f"r.{c}_lower < {low} AND r.{c}_upper >= {low}"
        return (
            inside,
            f"r.{c}_lower >= {self.before} AND {reaching} AND {self._span()} <= {LONG_SPAN_DAYS}",
            f"{self._span()} > {LONG_SPAN_DAYS} AND {reaching}",
        )


# Facts whose records are marked `_fact_<fact>` in the index (nkarchive.search.documents).
_MARKED_FACTS = ("hangul", "title", "credit", "director", "place")


def _parts(piece: Piece) -> tuple[Piece, ...]:
    """The pieces a conjunction is made of (a piece is its own one part)."""
    return (piece.fts, piece.condition) if isinstance(piece, Both) else (piece,)


def marks(what: str, codes: Sequence[str]) -> str:
    """The FTS5 query for records marked with any of these codes (`_event_festival`)."""
    return mark_words([mark(what, code) for code in codes])


def mark_words(words: Sequence[str]) -> str:
    """The FTS5 query for records with any of these words in their marks."""
    column = GROUP_BY_NAME["mark"].text_column
    return f"{{{column}}} : (" + " OR ".join(quote(word) for word in words) + ")"


def _role_fields() -> set[str]:
    from nkarchive.search.grammar import FIELD_KINDS, TEXT_FIELDS

    return {
        name for name, kind in FIELD_KINDS.items() if kind == "words" and name not in TEXT_FIELDS
    }


def _negate(piece: Piece) -> Piece:
    if isinstance(piece, Always):
        return Always(not piece.value)
    if isinstance(piece, Fts):
        return Fts(piece.query, not piece.negated, piece.sql)
    return Sql(f"NOT ({piece.condition})")


def compile_kind(
    tree: Node | None,
    kind: str,
    *,
    restrict: tuple[str, ...] | None = None,
    restrict_keys: bool = True,
    via_work: bool = False,
) -> KindQuery:
    """The query for one kind of record (None: no query, every record matches)."""
    # Each kind's parameters have names of their own (w0, a0, e0, s0): one statement may count
    # several kinds at once.
    compiler = Compiler(
        kind,
        Params(prefix=kind[0]),
        restrict=restrict,
        restrict_keys=restrict_keys,
        via_work=via_work,
    )
    if tree is None:
        return KindQuery(kind, None, None, {})
    if isinstance(tree, Years):
        ranges = DateRange.of(kind, tree, compiler.params)
        if ranges is None:
            return KindQuery(kind, None, None, {}, never=True)
        return KindQuery(
            kind, None, ranges.overlap(), compiler.params.values,
            parts=ranges.parts(), in_id_order=ranges.overlap(plus="+"), counts=ranges.counts(kind),
        )  # fmt: skip
    # The top level's conjuncts are kept apart: FTS parts become one index lookup, the rest a
    # condition on the records joined to it.
    items = tree.items if isinstance(tree, And) else (tree,)
    pieces = [part for item in items for part in _parts(compiler.compile(item))]
    if any(isinstance(p, Always) and not p.value for p in pieces):
        return KindQuery(kind, None, None, {}, never=True)
    included = [p for p in pieces if isinstance(p, Fts) and not p.negated]
    others = [
        p for p in pieces if not (isinstance(p, Always) or (isinstance(p, Fts) and not p.negated))
    ]
    fts = None
    if included:
        fts = " AND ".join(f"({p.query})" for p in included)
        fts += "".join(f" NOT ({p.query})" for p in others if isinstance(p, Fts))
        others = [p for p in others if not isinstance(p, Fts)]
    condition = " AND ".join(f"({compiler.as_sql(p)})" for p in others) or None
    without = None
    if fts is None and others and all(isinstance(p, Fts) for p in others):
        without = " OR ".join(f"({p.query})" for p in others if isinstance(p, Fts))
    return KindQuery(kind, fts, condition, compiler.params.values, without=without)
