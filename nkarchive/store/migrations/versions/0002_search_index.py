"""Full-text search index: one document per work, agent, event and source, FTS5 over it.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 09:40:00

`search_doc` holds each record's folded text and romanization keys by field group (written by
nkarchive.search's row listener in every write transaction); `search_index` is an FTS5
external-content index over it (trigram tokenizer: whole words, word prefixes and key
substrings are all substring matches), kept in step with `search_doc` by the triggers below.
The column list is spelled out here, frozen; nkarchive.search.columns must name the same.
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_ROLES = (
    "director",
    "co_director",
    "screenwriter",
    "original_author",
    "cinematographer",
    "composer",
    "editor",
    "art_director",
    "producer",
    "cast",
    "narrator",
    "production_company",
    "co_production_company",
    "creative_group",
    "special_effects",
    "distributor",
    "other",
)
_KEYED = ("title", "name", *(f"credit_{r}" for r in _ROLES), "contributor", "container", "place")
_TEXT_ONLY = ("tag", "notes", "excerpt")
COLUMNS = (
    *(c for g in _KEYED for c in (f"{g}_t", f"{g}_k")),
    *(f"{g}_t" for g in _TEXT_ONLY),
)


def upgrade() -> None:
    columns = ", ".join(COLUMNS)
    new = ", ".join(f"new.{c}" for c in COLUMNS)
    old = ", ".join(f"old.{c}" for c in COLUMNS)
    op.execute(
        "CREATE TABLE IF NOT EXISTS search_doc (id INTEGER PRIMARY KEY, "
        + ", ".join(f"{c} TEXT" for c in COLUMNS)
        + ")"
    )
    op.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS search_index USING fts5({columns}, content='search_doc', "
        "content_rowid='id', tokenize='trigram', detail=full, columnsize=0)"
    )
    op.execute(
        "CREATE TRIGGER IF NOT EXISTS search_doc_insert AFTER INSERT ON search_doc BEGIN "
        f"INSERT INTO search_index(rowid, {columns}) VALUES (new.id, {new}); END"
    )
    op.execute(
        "CREATE TRIGGER IF NOT EXISTS search_doc_delete AFTER DELETE ON search_doc BEGIN "
        f"INSERT INTO search_index(search_index, rowid, {columns}) VALUES ('delete', old.id, {old}); END"
    )
    op.execute(
        "CREATE TRIGGER IF NOT EXISTS search_doc_update AFTER UPDATE ON search_doc BEGIN "
        f"INSERT INTO search_index(search_index, rowid, {columns}) VALUES ('delete', old.id, {old}); "
        f"INSERT INTO search_index(rowid, {columns}) VALUES (new.id, {new}); END"
    )
    # A catalogue that already has records gets its index now, in the same transaction. This
    # uses today's indexer; a later migration that changes the index layout drops and rebuilds.
    from nkarchive.search.index import rebuild_index

    rebuild_index(op.get_bind())


def downgrade() -> None:
    for trigger in ("search_doc_insert", "search_doc_delete", "search_doc_update"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS search_index")
    op.execute("DROP TABLE IF EXISTS search_doc")
