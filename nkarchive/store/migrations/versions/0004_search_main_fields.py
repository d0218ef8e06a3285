"""Search: a small full-text index of titles and names alone, and credits by agent and role.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26 09:58:00

`search_main` is a second FTS5 external-content index over `search_doc`, of its title and name
columns only. Ranking looks for the records whose title or name has the words (nkarchive.search
.engine `tiers`); in `search_index` such a lookup reads the postings of every column (notes,
excerpts, places of a million events) and throws most away, here only those of titles and
names. It is kept in step by triggers of its own, like `search_index`.

`search_credit_agent_role` answers `director:kim` for people: whether an agent is credited in a
role, from the index alone (the `(agent_id)` index made SQLite read every credit row).
Both are named `search_*`: nkarchive.store.migrations_filter leaves them out of the models.
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# Frozen here; nkarchive.search.columns MAIN_INDEX_COLUMNS must name the same.
_COLUMNS = ("title_t", "title_k", "name_t", "name_k")


def upgrade() -> None:
    op.execute("CREATE INDEX IF NOT EXISTS search_credit_agent_role ON credit (agent_id, role)")
    columns = ", ".join(_COLUMNS)
    new = ", ".join(f"new.{c}" for c in _COLUMNS)
    old = ", ".join(f"old.{c}" for c in _COLUMNS)
    op.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS search_main USING fts5({columns}, "
        "content='search_doc', content_rowid='id', tokenize='trigram', detail=full, columnsize=0)"
    )
    op.execute(
        "CREATE TRIGGER IF NOT EXISTS search_main_insert AFTER INSERT ON search_doc BEGIN "
        f"INSERT INTO search_main(rowid, {columns}) VALUES (new.id, {new}); END"
    )
    op.execute(
        "CREATE TRIGGER IF NOT EXISTS search_main_delete AFTER DELETE ON search_doc BEGIN "
        f"INSERT INTO search_main(search_main, rowid, {columns}) VALUES ('delete', old.id, {old}); END"
    )
    op.execute(
        "CREATE TRIGGER IF NOT EXISTS search_main_update AFTER UPDATE ON search_doc BEGIN "
        f"INSERT INTO search_main(search_main, rowid, {columns}) VALUES ('delete', old.id, {old}); "
        f"INSERT INTO search_main(rowid, {columns}) VALUES (new.id, {new}); END"
    )
    # Fill it from the rows already in search_doc (merging 16 segments at once, as a rebuild
    # does, then back to FTS5's default of 4), and merge it into one segment: a lookup costs
    # a setup in every segment, which made the first page of a phrase three times slower.
    op.execute("INSERT INTO search_main(search_main, rank) VALUES ('automerge', 16)")
    op.execute("INSERT INTO search_main(search_main) VALUES ('rebuild')")
    op.execute("INSERT INTO search_main(search_main, rank) VALUES ('automerge', 4)")
    op.execute("INSERT INTO search_main(search_main) VALUES ('optimize')")


def downgrade() -> None:
    for trigger in ("search_main_insert", "search_main_delete", "search_main_update"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS search_main")
    op.execute("DROP INDEX IF EXISTS search_credit_agent_role")
