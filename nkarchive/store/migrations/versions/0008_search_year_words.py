"""Search: the years of each record's date, and the confidence and class of what cites it, as
words of its index row.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26 15:10:00

`year:` next to other words (`(motherland or 조국) -river year:1960..1979`) tested the date of
every record the words found, one row read each. Each dated work, event and source now has
words for the spans of years its date covers (nkarchive.search.dates), so the range is looked
up in the index with the words. In the same way a citation marks the record it backs with
its confidence and its source's class, a source is marked with the confidences it is cited
with, and a record with a title or name in Hangul is marked so: `confidence:disputed`,
`class:testimony` and `has:hangul` were tests of each record (up to 2 s on 100,000 works).

The schema does not change; the index is rebuilt, unless it already has the year words (an
upgrade through 0006 rebuilds it with today's rows, these marks included).
"""

from __future__ import annotations

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def _has_year_words() -> bool:
    bind = op.get_bind()
    dated = bind.exec_driver_sql(
        "SELECT 1 FROM work WHERE production_date_lower IS NOT NULL UNION ALL "
        "SELECT 1 FROM event WHERE date_lower IS NOT NULL UNION ALL "
        "SELECT 1 FROM source WHERE date_lower IS NOT NULL LIMIT 1"
    ).first()
    if dated is None:
        return True  # nothing to mark
    found = bind.exec_driver_sql(
        r"SELECT 1 FROM search_doc WHERE mark_t LIKE '% \_date\_%' ESCAPE '\' LIMIT 1"
    ).first()
    return found is not None


def upgrade() -> None:
    if not _has_year_words():
        from nkarchive.search.index import rebuild_index

        rebuild_index(op.get_bind())


def downgrade() -> None:
    # The words stay: 0007's code never looks for them, and its `nkarchive reindex` (or the
    # check's repair) writes rows without them.
    pass
