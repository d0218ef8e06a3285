"""The shape of the full-text index: its columns, and how a row id names a kind and a record.

One index row per record (work, agent, event, source). Each field group has a text column
(the words as written, folded for case and diacritics) and, for names, titles and places, a
key column (the romanization-folding keys of `nkarchive.korean`; see nkarchive.search
.normalize); one more column holds codes as words (`mark`). The row id is
`kind code << 40 | record id`, so counting hits per kind needs no join and a kind is a row-id
range the index seeks to.
"""

from __future__ import annotations

from dataclasses import dataclass

KIND_CODES: dict[str, int] = {"work": 1, "agent": 2, "event": 3, "source": 4}
KINDS: tuple[str, ...] = tuple(KIND_CODES)
KIND_TABLES: dict[str, str] = {
    "work": "work",
    "agent": "agent",
    "event": "event",
    "source": "source",
}
ID_BITS = 40

# Frozen with migration 0002: a role added to the vocabulary at run time is indexed as "other".
ROLES: tuple[str, ...] = (
    "director", "co_director", "screenwriter", "original_author", "cinematographer", "composer",
    "editor", "art_director", "producer", "cast", "narrator", "production_company",
    "co_production_company", "creative_group", "special_effects", "distributor", "other",
)  # fmt: skip
COMPANY_ROLES: tuple[str, ...] = (
    "production_company",
    "co_production_company",
    "creative_group",
    "distributor",
)
PERSON_ROLES: tuple[str, ...] = tuple(r for r in ROLES if r not in COMPANY_ROLES)


@dataclass(frozen=True)
class Group:
    """A field group of the index: where a value is stored, and what the user calls it."""

    name: str
    label: str
    keyed: bool  # names and titles also get folding keys; long text does not
    verbatim: bool = False  # stored as read (words no one types), not folded

    @property
    def text_column(self) -> str:
        return f"{self.name}_t"

    @property
    def key_column(self) -> str:
        return f"{self.name}_k"


GROUPS: tuple[Group, ...] = (
    Group("title", "title", True),
    Group("name", "name", True),
    *(Group(f"credit_{role}", role.replace("_", " "), True) for role in ROLES),
    Group("contributor", "author", True),
    Group("container", "published in", True),
    Group("place", "place", True),
    Group("tag", "genre or subject", False),
    Group("notes", "notes", False),
    Group("excerpt", "citation excerpt", False),
    # Codes as words no one types (`_` begins none): a person's roles in credits
    # (`_role_director`), a work's or event's kinds of event and countries (`_event_festival`,
    # `_country_kp`: a work has those of its events), a source's class (`_class_testimony`),
    # `_fact_cited` with the citation's confidence and its source's class on a record a citation
    # backs, `_fact_hangul`, and a date's years (nkarchive.search.dates). So `director:kim`,
    # `pyongyang event:festival`, `country:cs`, `-has:citation`, `confidence:`, `class:`,
    # `has:hangul` and `year:` beside words are index lookups.
    Group("mark", "coded as", False, verbatim=True),
)
GROUP_BY_NAME: dict[str, Group] = {group.name: group for group in GROUPS}

# In the order the index table declares them (migration 0002 spells the same list out).
COLUMNS: tuple[str, ...] = tuple(
    column
    for group in GROUPS
    for column in ((group.text_column, group.key_column) if group.keyed else (group.text_column,))
)

ALL_KEY_COLUMNS: tuple[str, ...] = tuple(group.key_column for group in GROUPS if group.keyed)

# Ranking: a hit in an earlier tier ranks above any hit only in a later one.
MAIN_GROUPS: dict[str, tuple[str, ...]] = {
    "work": ("title",),
    "agent": ("name",),
    "event": ("title",),
    "source": ("title",),
}
# The full-text index over `search_doc` (migration 0006): every column, one entry per word.
INDEX = "search_index"
# It uses FTS5's unicode61 tokenizer with `^`, `_` and `|` as letters (a whole-value word, the
# mark between values: nkarchive.search.normalize), and keep entries for the beginnings of two
# to four letters: what is typed so far, and the short keys a query word begins (a longer
# beginning gathers every stored word and key it begins, one by one: `ivel`, the key of river,
# begins 17,000 keys of titles, read in 3 ms without its entry and 1 ms with it; entries for
# five and six letters as well cost the index build 20 s). Migration 0006 spells them out.
NAME_GROUPS: tuple[str, ...] = (
    "title", "name", *(f"credit_{role}" for role in ROLES), "contributor", "container", "place",
)  # fmt: skip


def mark(what: str, code: str) -> str:
    """The word of the `mark` group for a code: `_event_festival`."""
    return f"_{what}_{code}"


def mark_sql(what: str, column: str) -> str:
    """SQL making `mark(what, <the column value>)`, for the readers in search.documents."""
    return f"'{mark(what, '')}' || {column}"


CITED = mark("fact", "cited")  # on a record a citation backs, and on a source it cites
HANGUL = mark("fact", "hangul")  # on a record with a title or name (an event: place) in Hangul


def role_group(role: str) -> str:
    return f"credit_{role}" if role in ROLES else "credit_other"


def rowid_base(kind: str) -> int:
    return KIND_CODES[kind] << ID_BITS


def rowid_range(kind: str) -> tuple[int, int]:
    base = rowid_base(kind)
    return base, base + (1 << ID_BITS) - 1


def split_rowid(rowid: int) -> tuple[str, int]:
    code, record_id = rowid >> ID_BITS, rowid & ((1 << ID_BITS) - 1)
    for kind, kind_code in KIND_CODES.items():
        if kind_code == code:
            return kind, record_id
    raise ValueError(f"row {rowid} of the search index names no kind of record")
