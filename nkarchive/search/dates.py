"""How many works, events and sources start on each day (migration 0007): rebuilt and checked.

`search_date_count` is kept in step by triggers; counting a `year:` range sums it over the days
of the range instead of counting index entries (nkarchive.search.compiler.DateRange.counts).
"""

from __future__ import annotations

from sqlalchemy import Connection

from nkarchive.search.columns import KIND_CODES

# The kinds with a date, and the column of its first day (the triggers of migration 0007).
DATE_STARTS: dict[str, str] = {
    "work": "production_date_lower",
    "event": "date_lower",
    "source": "date_lower",
}


def _counted(kind: str) -> str:
    column = DATE_STARTS[kind]
    return f"SELECT {column}, count(*) FROM {kind} WHERE {column} IS NOT NULL GROUP BY {column}"


def rebuild_date_counts(connection: Connection) -> None:
    """Count every kind's records by the day their date starts, afresh."""
    connection.exec_driver_sql("DELETE FROM search_date_count")
    for kind in DATE_STARTS:
        connection.exec_driver_sql(
            f"INSERT INTO search_date_count (kind, day, n) SELECT {KIND_CODES[kind]}, * "
            f"FROM ({_counted(kind)})"
        )


def date_count_problems(connection: Connection, limit: int = 20) -> list[str]:
    """Days whose stored count differs from the records."""
    problems: list[str] = []
    for kind in DATE_STARTS:
        actual: dict[str, int] = dict(connection.exec_driver_sql(_counted(kind)).all())
        stored: dict[str, int] = dict(
            connection.exec_driver_sql(
                "SELECT day, n FROM search_date_count WHERE kind = ?", (KIND_CODES[kind],)
            ).all()
        )
        for day in sorted(actual.keys() | stored.keys()):
            if actual.get(day, 0) != stored.get(day, 0):
                problems.append(
                    f"the count of {kind}s dated from {day} is {stored.get(day, 0)}, "
                    f"not {actual.get(day, 0)}"
                )
                if len(problems) >= limit:
                    return problems
    return problems
