"""Dates in the search index: the words standing for a record's years, and the counts of
records by the day their date starts.

**Year words** (migration 0008). `year:` next to other words (`motherland year:1960..1979`)
is looked up in the index with them, not tested on each record found. A record's date, from
the first year of its lower bound to the last of its upper, is cut into aligned spans of
years: single years, decades, centuries and millennia, as few as cover it exactly (`198X` is
the decade 1980s; `1985/1992` is 1985-1989 and 1990-1992 year by year). Each span is a word,
`_date_d198`; so is each larger span that holds one of them, `_within_c19`. A query's range
is cut the same way. The two overlap when one of the record's spans is one of the query's,
lies within one of them, or holds one: so the query looks for its spans as `_date_` and
`_within_` words, and for the larger spans holding them as `_date_` words. That is exact for
every range `year:` can name (whole years), and it costs a dated record four words, and one
more, `_fact_year`, for `has:year`.

**Day counts** (migration 0007). `search_date_count` is kept in step by triggers; counting a
`year:` range alone sums it over the days of the range instead of counting index entries
(nkarchive.search.compiler.DateRange.counts).
"""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy import Connection

from nkarchive.model.dates.types import EARLIEST, LATEST
from nkarchive.search.columns import KIND_CODES, mark

# The years stored dates can name (an open end is one of these).
FIRST_YEAR, LAST_YEAR = EARLIEST.year, LATEST.year
_SPANS = ((1000, "m"), (100, "c"), (10, "d"), (1, "y"))  # years in a span, and its letter


def year_spans(first: int, last: int) -> list[tuple[int, str, int]]:
    """The fewest aligned spans that cover the years first..last exactly, each as (years in
    it, letter, number): 1985..1992 is 1985..1989 one by one, then the decade 199 (1990s)."""
    first, last = max(first, FIRST_YEAR), min(last, LAST_YEAR)
    spans = []
    while first <= last:
        for size, letter in _SPANS:
            if first % size == 0 and first + size - 1 <= last:
                spans.append((size, letter, first // size))
                first += size
                break
    return spans


def _holding(size: int, number: int) -> list[str]:
    """The larger spans that hold a span, by name: the decade 198 is in c19 and m1."""
    year = number * size
    return [f"{letter}{year // bigger}" for bigger, letter in _SPANS if bigger > size]


@lru_cache(maxsize=1 << 16)
def date_words(lower: str, upper: str) -> tuple[str, ...]:
    """The index words of a date with these bounds (ISO days)."""
    spans = year_spans(int(lower[:4]), int(upper[:4]))
    words = {mark("fact", "year")}  # has:year, one word where the spans' words are many
    words.update(mark("date", f"{letter}{number}") for _, letter, number in spans)
    words.update(
        mark("within", name) for size, _, number in spans for name in _holding(size, number)
    )
    return tuple(sorted(words))


def years_query_words(first: int, last: int) -> list[str]:
    """The words of the records whose dates overlap the years first..last: see the module's
    docstring."""
    spans = year_spans(first, last)
    own = [f"{letter}{number}" for _, letter, number in spans]
    holding = {name for size, _, number in spans for name in _holding(size, number)}
    return sorted(
        {mark("date", name) for name in own}
        | {mark("within", name) for name in own if not name.startswith("y")}
        | {mark("date", name) for name in holding}
    )


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
