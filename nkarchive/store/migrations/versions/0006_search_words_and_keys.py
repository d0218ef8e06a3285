"""Search: one word index, with folding keys stored as words, in place of three indexes.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26 12:40:00

Until now `search_index` used FTS5's trigram tokenizer, so that a romanization key could be
found as a substring of a value's key. Every word looked up read the postings of its three-letter
pieces in every column, and `search_main` (titles and names) and `search_index_words` (words
with no key) had been added beside it to make common lookups affordable.

A key now matches a stored key it begins, and a value stores the keys of its runs of words
(nkarchive.search.normalize), so every lookup is a lookup of whole words or word beginnings:
one FTS5 index with the unicode61 tokenizer answers all of them, with entries for beginnings of
two to four letters (typing, and short keys). `^`, `_` and `|` are letters to it: a title's
whole-value word and the mark between two values. Codes get a column of their own, as words no
one types: a person's roles in credits, a work's and an event's kinds of event and countries, a
source's class, a cited record's mark (`_role_director`, `_event_festival`, `_fact_cited`):
`director:kim` or `pyongyang event:festival` is one lookup. `search_main` and
`search_index_words` go: a title tier in this index costs what it cost in `search_main`.
`search_doc`'s rows change shape, so the index is rebuilt from the records here, in the
migration's transaction.

The column list is frozen here; nkarchive.search.columns must name the same. The indexes are
named `search_*`, so nkarchive.store.migrations_filter leaves them out of the models.
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_ROLES = (
    "director", "co_director", "screenwriter", "original_author", "cinematographer", "composer",
    "editor", "art_director", "producer", "cast", "narrator", "production_company",
    "co_production_company", "creative_group", "special_effects", "distributor", "other",
)  # fmt: skip
_KEYED = ("title", "name", *(f"credit_{r}" for r in _ROLES), "contributor", "container", "place")
_OLD_COLUMNS = (
    *(c for g in _KEYED for c in (f"{g}_t", f"{g}_k")),
    *(f"{g}_t" for g in ("tag", "notes", "excerpt")),
)
# Codes as words (roles, kinds of event, countries, source classes: `_role_director`), new here.
_COLUMNS = (*_OLD_COLUMNS, "mark_t")
_TOKENIZER = "unicode61 remove_diacritics 0 tokenchars ''^_|''"
_TRIGGERS = {
    "search_index": ("search_doc_insert", "search_doc_delete", "search_doc_update"),
    "search_main": ("search_main_insert", "search_main_delete", "search_main_update"),
    "search_index_words": (
        "search_index_words_insert",
        "search_index_words_delete",
        "search_index_words_update",
    ),
}


def _index(name: str, columns: tuple[str, ...], options: str, triggers: tuple[str, ...]) -> None:
    """An FTS5 index of `columns` of search_doc, kept in step by three triggers."""
    listed = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    op.execute(
        f"CREATE VIRTUAL TABLE {name} USING fts5({listed}, content='search_doc', "
        f"content_rowid='id', {options}, detail=full, columnsize=0)"
    )
    insert, delete, update = triggers
    op.execute(
        f"CREATE TRIGGER {insert} AFTER INSERT ON search_doc BEGIN "
        f"INSERT INTO {name}(rowid, {listed}) VALUES (new.id, {new}); END"
    )
    op.execute(
        f"CREATE TRIGGER {delete} AFTER DELETE ON search_doc BEGIN "
        f"INSERT INTO {name}({name}, rowid, {listed}) VALUES ('delete', old.id, {old}); END"
    )
    op.execute(
        f"CREATE TRIGGER {update} AFTER UPDATE ON search_doc BEGIN "
        f"INSERT INTO {name}({name}, rowid, {listed}) VALUES ('delete', old.id, {old}); "
        f"INSERT INTO {name}(rowid, {listed}) VALUES (new.id, {new}); END"
    )


def _drop(names: tuple[str, ...]) -> None:
    for name in names:
        for trigger in _TRIGGERS[name]:
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute(f"DROP TABLE IF EXISTS {name}")


_MAIN_COLUMNS = ("title_t", "title_k", "name_t", "name_k")  # search_main's, before


def upgrade() -> None:
    _drop(("search_index", "search_main", "search_index_words"))
    present = {row[1] for row in op.get_bind().exec_driver_sql("PRAGMA table_info(search_doc)")}
    if "mark_t" not in present:
        op.execute("ALTER TABLE search_doc ADD COLUMN mark_t TEXT")
    words = f"tokenize='{_TOKENIZER}', prefix='2 3 4'"
    _index("search_index", _COLUMNS, words, _TRIGGERS["search_index"])
    from nkarchive.search.index import rebuild_index

    rebuild_index(op.get_bind())


def downgrade() -> None:
    # Back to the three indexes of 0005, filled from search_doc as it stands; that version's
    # `nkarchive reindex` writes its own rows again.
    _drop(("search_index",))
    op.execute("ALTER TABLE search_doc DROP COLUMN mark_t")
    _index("search_index", _OLD_COLUMNS, "tokenize='trigram'", _TRIGGERS["search_index"])
    _index("search_main", _MAIN_COLUMNS, "tokenize='trigram'", _TRIGGERS["search_main"])
    _index(
        "search_index_words",
        tuple(c for c in _OLD_COLUMNS if c.endswith("_t")),
        "tokenize='unicode61 remove_diacritics 0 tokenchars ''^$|'''",
        _TRIGGERS["search_index_words"],
    )
    for name in _TRIGGERS:
        op.execute(f"INSERT INTO {name}({name}) VALUES ('rebuild')")
