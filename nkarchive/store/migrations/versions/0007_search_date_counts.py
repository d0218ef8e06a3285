"""Search: how many records start on each day (for `year:` counts), and events by work and kind.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26 12:40:00

Counting `year:1980..1989` mostly counts the records whose date starts inside the range
(nkarchive.search.compiler.DateRange). Counting them in the `(lower, upper)` index reads every
entry: 131,000 events of the synthetic catalogue's 1980s. `search_date_count` holds, for each
kind and day, how many records' dates start that day, so the count is a sum over the days of
the range (3,650 rows for a decade, however many records). Triggers keep it in step with every
insert, update and delete, in the writing transaction, undo and redo included;
nkarchive.search.dates rebuilds and checks it.

`search_event_work_type` indexes events by work and kind, so that the kinds of event of each
work (words of the work's index row, `_event_festival`) are read from the index alone: through
the work index they cost a read of each of a million event rows. Both are named `search_*`, so
nkarchive.store.migrations_filter leaves them out of the models.
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# Frozen here: (kind code of nkarchive.search.columns, table, column of the date's first day).
_DATES = (
    (1, "work", "production_date_lower"),
    (3, "event", "date_lower"),
    (4, "source", "date_lower"),
)


def upgrade() -> None:
    op.execute("CREATE INDEX IF NOT EXISTS search_event_work_type ON event (work_id, event_type)")
    op.execute(
        "CREATE TABLE IF NOT EXISTS search_date_count (kind INTEGER NOT NULL, day TEXT NOT NULL, "
        "n INTEGER NOT NULL, PRIMARY KEY (kind, day)) WITHOUT ROWID"
    )
    for kind, table, column in _DATES:
        add = (
            f"INSERT INTO search_date_count (kind, day, n) SELECT {kind}, new.{column}, 1 "
            f"WHERE new.{column} IS NOT NULL ON CONFLICT (kind, day) DO UPDATE SET n = n + 1;"
        )
        remove = (
            f"UPDATE search_date_count SET n = n - 1 WHERE kind = {kind} AND day = old.{column}; "
            f"DELETE FROM search_date_count WHERE kind = {kind} AND day = old.{column} AND n <= 0;"
        )
        op.execute(
            f"CREATE TRIGGER IF NOT EXISTS search_date_count_{table}_insert AFTER INSERT ON {table} "
            f"BEGIN {add} END"
        )
        op.execute(
            f"CREATE TRIGGER IF NOT EXISTS search_date_count_{table}_delete AFTER DELETE ON {table} "
            f"BEGIN {remove} END"
        )
        op.execute(
            f"CREATE TRIGGER IF NOT EXISTS search_date_count_{table}_update AFTER UPDATE OF {column} ON {table} "
            f"WHEN old.{column} IS NOT new.{column} BEGIN {remove} {add} END"
        )
        op.execute(f"DELETE FROM search_date_count WHERE kind = {kind}")
        op.execute(
            f"INSERT INTO search_date_count (kind, day, n) SELECT {kind}, {column}, count(*) "
            f"FROM {table} WHERE {column} IS NOT NULL GROUP BY {column}"
        )


def downgrade() -> None:
    for _, table, _ in _DATES:
        for event in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS search_date_count_{table}_{event}")
    op.execute("DROP TABLE IF EXISTS search_date_count")
    op.execute("DROP INDEX IF EXISTS search_event_work_type")
