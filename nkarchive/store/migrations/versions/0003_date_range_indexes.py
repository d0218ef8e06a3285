"""Indexes that answer `year:` ranges: each date's bounds together, and long dates apart.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 10:30:00

Searching `year:1980..1989` counts the records whose date overlaps the range
(nkarchive.search.compiler.DateRange): those that start inside it (one range of the
`(lower, upper)` index, which also holds the upper bound, so no row is read), short dates that
start just before it, and long dates (bounds more than 366 days apart: `198X`, `[..1972]`),
kept in small partial indexes of their own. Event's `(date_lower, date_upper)` index exists
since 0001.
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# The same expression and bound as nkarchive.search.compiler (LONG_SPAN_DAYS): SQLite uses a
# partial index only for a query that spells its condition the same way.
_LONG = "julianday({c}_upper) - julianday({c}_lower) > 366"
_INDEXES = (
    ("ix_work_production_date_bounds", "work", "production_date", False),
    ("ix_source_date_bounds", "source", "date", False),
    ("ix_work_long_production_date", "work", "production_date", True),
    ("ix_event_long_date", "event", "date", True),
    ("ix_source_long_date", "source", "date", True),
)


def upgrade() -> None:
    for name, table, column, long_only in _INDEXES:
        where = f" WHERE {_LONG.format(c=column)}" if long_only else ""
        op.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({column}_lower, {column}_upper){where}"
        )


def downgrade() -> None:
    for name, *_ in _INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
