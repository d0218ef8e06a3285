"""Year words (migration 0008): a dated record's index row holds words for the spans of years its
date covers, so that `year:` beside other words is one lookup in the index. They must find
exactly the records whose dates overlap the range, whatever the date and the range."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from nkarchive import ops
from nkarchive.search import ids_matching, search
from nkarchive.search.compiler import compile_kind
from nkarchive.search.dates import date_words, year_spans, years_query_words
from nkarchive.search.grammar import QuerySyntaxError, parse
from nkarchive.search.index import check_search_index
from nkarchive.store import migrate
from nkarchive.store.catalogue import Catalogue
from nkarchive.store.engine import make_engine

# Years around the edges of spans, and the ends open dates are stored with.
years = st.one_of(
    st.integers(1, 9999),
    st.sampled_from([1, 9, 10, 99, 100, 999, 1000, 1899, 1900, 1949, 1950, 1959, 1960, 1999,
                     2000, 2009, 9990, 9999]),
)  # fmt: skip


@given(first=years, last=years)
def test_spans_cover_the_years_exactly_and_are_few(first: int, last: int) -> None:
    first, last = min(first, last), max(first, last)
    covered = [
        year
        for size, _, number in year_spans(first, last)
        for year in range(number * size, number * size + size)
    ]
    assert covered == list(range(first, last + 1))
    assert len(year_spans(first, last)) <= 2 * 9 * 3 + 9


@given(lower=years, upper=years, first=years, last=years)
def test_a_date_and_a_range_share_a_word_exactly_when_they_overlap(
    lower: int, upper: int, first: int, last: int
) -> None:
    lower, upper = min(lower, upper), max(lower, upper)
    first, last = min(first, last), max(first, last)
    stored = set(date_words(f"{lower:04d}-01-01", f"{upper:04d}-12-31")) - {"_fact_year"}
    looked_for = set(years_query_words(first, last))
    assert bool(stored & looked_for) == (lower <= last and upper >= first)


def test_a_date_within_a_year_is_four_words_and_the_mark_of_a_date() -> None:
    assert date_words("1965-03-01", "1965-03-31") == (
        "_date_y1965", "_fact_year", "_within_c19", "_within_d196", "_within_m1",
    )  # fmt: skip
    assert date_words("1980-01-01", "1989-12-31") == (
        "_date_d198", "_fact_year", "_within_c19", "_within_m1",
    )  # fmt: skip


def test_year_with_words_is_one_lookup_in_the_index() -> None:
    compiled = compile_kind(parse("(motherland or 조국) -river year:1960..1979"), "work")
    assert compiled.condition is None
    assert compiled.fts is not None and '"_date_d196"' in compiled.fts


def dated_works(catalogue: Catalogue, dates: list[str | None]) -> list[str]:
    with ops.operation(catalogue, "Add dated works") as op:
        made = []
        for date in dates:
            work = op.create(
                "work", {"form": "feature", "record_status": "draft", "production_date": date}
            )
            op.create(
                "title",
                {"work": work.uuid, "text": "Zebra crossing", "title_type": "original"},
            )
            made.append(work.uuid)
    return made


def overlapping(catalogue: Catalogue, uuids: list[str], low: str, high: str) -> set[str]:
    with catalogue.engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT uuid FROM work WHERE production_date_lower IS NOT NULL "
                "AND production_date_upper >= :low AND production_date_lower <= :high"
            ),
            {"low": low, "high": high},
        ).scalars()
        return set(rows) & set(uuids)


def found(catalogue: Catalogue, query: str) -> set[str]:
    return {hit.uuid for hit in search(catalogue, query, kinds=["work"], limit=500).hits}


DATES = ["1950", "1950-03", "1950-03-01", "195X", "19XX", "1949/1951", "1950?", "[..1952]",
         "1948/..", "../1951", "1950-03/1953-11", "2000", None]  # fmt: skip


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    dates=st.lists(st.sampled_from(DATES), min_size=1, max_size=8),
    low=st.integers(1940, 1960),
    span=st.sampled_from([0, 1, 4, 9, 30]),
)
def test_any_dates_beside_words_find_the_records_that_overlap(
    catalogue: Catalogue, dates: list[str | None], low: int, span: int
) -> None:
    made = dated_works(catalogue, dates)
    try:
        high = low + span
        expected = overlapping(catalogue, made, f"{low:04d}-01-01", f"{high:04d}-12-31")
        assert found(catalogue, f"zebra year:{low}..{high}") == expected
        assert found(catalogue, f"zebra -year:{low}..{high}") == set(made) - expected
        assert found(catalogue, f"zebra year:>{low}") == overlapping(
            catalogue, made, f"{low + 1:04d}-01-01", "9999-12-31"
        )
        assert found(catalogue, f"zebra year:<{low}") == overlapping(
            catalogue, made, "0001-01-01", f"{low - 1:04d}-12-31"
        )
        # Beside a condition tested in SQL, the range is tested there too: the same records.
        assert found(catalogue, f"zebra (year:{low}..{high} or has:attachment)") == expected
    finally:
        with ops.operation(catalogue, "Remove them") as op:
            for uuid in made:
                op.delete("work", uuid)


def test_redating_undo_and_redo_keep_the_words_in_step(catalogue: Catalogue) -> None:
    (work,) = dated_works(catalogue, ["1950"])
    assert found(catalogue, "zebra year:1950") == {work}
    ops.update(catalogue, "work", work, {"production_date": "196X"})
    assert found(catalogue, "zebra year:1950") == set()
    assert found(catalogue, "zebra year:1965") == {work}
    ops.undo(catalogue)
    assert found(catalogue, "zebra year:1950") == {work}
    ops.redo(catalogue)
    assert found(catalogue, "zebra year:1960..1969") == {work}
    ops.update(catalogue, "work", work, {"production_date": None})
    assert found(catalogue, "zebra year:1900..2100") == set()
    assert found(catalogue, "zebra") == {work}
    assert check_search_index(catalogue) == []


def test_counts_with_year_words_agree_with_the_lists(demo_catalogue: Catalogue) -> None:
    for query in ("year:1970..1979 kim", "year:>1985 -has:citation", "pyongyang -year:1980..1989"):
        totals = search(demo_catalogue, query, limit=0).total_by_kind
        for kind in ("work", "event", "source"):
            assert totals[kind] == len(ids_matching(demo_catalogue, query, kind)), (query, kind)


def _strip_year_words(path: Path) -> None:
    """Take the catalogue to 0007 with an index of that time: no year words."""
    engine = make_engine(path, foreign_keys=False)
    try:
        migrate.downgrade(engine, "0007")
        with engine.begin() as connection:
            rows = connection.exec_driver_sql("SELECT id, mark_t FROM search_doc").all()
            for rowid, marks in rows:
                kept = [
                    w for w in (marks or "").split() if not w.startswith(("_date_", "_within_"))
                ]
                connection.exec_driver_sql(
                    "UPDATE search_doc SET mark_t = ? WHERE id = ?",
                    (" " + " ".join(kept) + " " if kept else None, rowid),
                )
    finally:
        engine.dispose()


def test_migration_0008_gives_an_existing_index_its_year_words(demo_catalogue: Catalogue) -> None:
    path = demo_catalogue.path
    query = "pyongyang year:1970..1979"
    expected = search(demo_catalogue, query, limit=0).total_by_kind
    assert sum(expected.values()) > 0
    demo_catalogue.close()
    _strip_year_words(path)
    engine = make_engine(path, foreign_keys=False)
    try:
        with engine.connect() as connection:
            left = connection.exec_driver_sql(
                "SELECT count(*) FROM search_index WHERE search_index MATCH ?",
                ('"_date_d197" OR "_within_d197"',),
            ).scalar()
    finally:
        engine.dispose()
    assert left == 0
    with Catalogue.open(path) as upgraded:
        assert upgraded.schema_revision() == "0008"
        assert search(upgraded, query, limit=0).total_by_kind == expected
        assert check_search_index(upgraded) == []


@pytest.mark.parametrize("query", ["year:0", "kim year:>9999", "year:<1", "year:..0"])
def test_a_range_no_date_can_meet_is_an_error_that_says_so(query: str) -> None:
    with pytest.raises(QuerySyntaxError, match="dates run from the year 1 to 9999") as raised:
        parse(query)
    assert raised.value.column == query.index("year:") + 6


def test_ranges_at_the_ends_of_the_years_find_dates_there(catalogue: Catalogue) -> None:
    first, middle, last = dated_works(catalogue, ["0003", "1950", "9999"])
    assert found(catalogue, "zebra year:0..5") == {first}
    assert found(catalogue, "zebra year:..1") == set()
    assert found(catalogue, "zebra year:>=9999") == {last}
    assert found(catalogue, "zebra year:0..") == {first, middle, last}
    assert search(catalogue, "year:0..5", limit=0).total_by_kind["work"] == 1
