"""Search: a word index of the text columns, for counting words with no folding key fast.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26 10:50:00

`search_index_words` is a third FTS5 external-content index over `search_doc`, of its text
columns only, with the unicode61 tokenizer: one entry per word rather than per three letters.
Counting a common word (`the` in every English title) reads a fraction of what the trigram
index reads for ` the `. It answers only queries whose every word is matched by spelling
alone (no folding key, nkarchive.search.compiler); a key is matched as a substring, which needs
the trigram index. `^`, `$` and `|` are tokens of their own, so a phrase never runs from one
value into the next, as in the trigram index. Diacritics are left alone: the stored text is
folded already. Kept in step by triggers of its own; named `search_index_*` so that
nkarchive.store.migrations_filter leaves it out of the models, like the other indexes.
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# Frozen here; nkarchive.search.columns WORD_INDEX_COLUMNS must name the same.
_COLUMNS = (
    "title_t", "name_t", "credit_director_t", "credit_co_director_t", "credit_screenwriter_t",
    "credit_original_author_t", "credit_cinematographer_t", "credit_composer_t",
    "credit_editor_t", "credit_art_director_t", "credit_producer_t", "credit_cast_t",
    "credit_narrator_t", "credit_production_company_t", "credit_co_production_company_t",
    "credit_creative_group_t", "credit_special_effects_t", "credit_distributor_t",
    "credit_other_t", "contributor_t", "container_t", "place_t", "tag_t", "notes_t", "excerpt_t",
)  # fmt: skip
_TOKENIZER = "unicode61 remove_diacritics 0 tokenchars ''^$|''"


def upgrade() -> None:
    columns = ", ".join(_COLUMNS)
    new = ", ".join(f"new.{c}" for c in _COLUMNS)
    old = ", ".join(f"old.{c}" for c in _COLUMNS)
    op.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS search_index_words USING fts5({columns}, "
        f"content='search_doc', content_rowid='id', tokenize='{_TOKENIZER}', detail=full, "
        "columnsize=0)"
    )
    op.execute(
        "CREATE TRIGGER IF NOT EXISTS search_index_words_insert AFTER INSERT ON search_doc BEGIN "
        f"INSERT INTO search_index_words(rowid, {columns}) VALUES (new.id, {new}); END"
    )
    op.execute(
        "CREATE TRIGGER IF NOT EXISTS search_index_words_delete AFTER DELETE ON search_doc BEGIN "
        f"INSERT INTO search_index_words(search_index_words, rowid, {columns}) "
        f"VALUES ('delete', old.id, {old}); END"
    )
    op.execute(
        "CREATE TRIGGER IF NOT EXISTS search_index_words_update AFTER UPDATE ON search_doc BEGIN "
        f"INSERT INTO search_index_words(search_index_words, rowid, {columns}) "
        f"VALUES ('delete', old.id, {old}); "
        f"INSERT INTO search_index_words(rowid, {columns}) VALUES (new.id, {new}); END"
    )
    # Filled from the rows already in search_doc, merging 16 segments at once as a rebuild does,
    # then merged into one segment (a lookup pays a setup in every segment): 5 s of processor
    # time for 100,000 works with their events and sources.
    op.execute("INSERT INTO search_index_words(search_index_words, rank) VALUES ('automerge', 16)")
    op.execute("INSERT INTO search_index_words(search_index_words) VALUES ('rebuild')")
    op.execute("INSERT INTO search_index_words(search_index_words, rank) VALUES ('automerge', 4)")
    op.execute("INSERT INTO search_index_words(search_index_words) VALUES ('optimize')")


def downgrade() -> None:
    for trigger in ("insert", "delete", "update"):
        op.execute(f"DROP TRIGGER IF EXISTS search_index_words_{trigger}")
    op.execute("DROP TABLE IF EXISTS search_index_words")
