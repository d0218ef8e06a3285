"""Counts of records by the day their date starts (migration 0007): `year:` ranges are counted
from them, every write keeps them in step, check finds them wrong and reindex repairs them."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from nkarchive import ops
from nkarchive.search import reindex, search
from nkarchive.search.dates import date_count_problems
from nkarchive.search.index import check_search_index
from nkarchive.store.catalogue import Catalogue
from tests.search.migrating import schema_at


def counts_by_query(catalogue: Catalogue, query: str) -> dict[str, int]:
    return search(catalogue, query, limit=0).total_by_kind


def counts_by_records(catalogue: Catalogue, low: str, high: str) -> dict[str, int]:
    """The records whose date overlaps [low, high], counted straight from the tables."""
    found = {"agent": 0}
    with catalogue.engine.connect() as connection:
        for kind, column in (("work", "production_date"), ("event", "date"), ("source", "date")):
            found[kind] = int(
                connection.execute(
                    text(
                        f"SELECT count(*) FROM {kind} WHERE {column}_lower IS NOT NULL "
                        f"AND {column}_upper >= :low AND {column}_lower <= :high"
                    ),
                    {"low": low, "high": high},
                ).scalar()
                or 0
            )
    return found


def problems(catalogue: Catalogue) -> list[str]:
    with catalogue.engine.connect() as connection:
        return date_count_problems(connection)


def test_year_ranges_count_what_the_records_hold(demo_catalogue: Catalogue) -> None:
    for query, low, high in (
        ("year:1970..1979", "1970-01-01", "1979-12-31"),
        ("year:1985", "1985-01-01", "1985-12-31"),
        ("year:<1960", "0000-01-01", "1959-12-31"),
        ("year:>1989", "1990-01-01", "9999-12-31"),
    ):
        assert counts_by_query(demo_catalogue, query) == counts_by_records(
            demo_catalogue, low, high
        ), query


def test_edits_undo_and_redo_keep_the_counts_in_step(demo_catalogue: Catalogue) -> None:
    catalogue = demo_catalogue
    before = counts_by_query(catalogue, "year:1911")
    with ops.operation(catalogue, "Add a work of 1911") as op:
        work = op.create("work", {"form": "feature", "record_status": "draft"})
        op.update("work", work.uuid, {"production_date": "1911-05"})
    assert counts_by_query(catalogue, "year:1911")["work"] == before["work"] + 1
    with ops.operation(catalogue, "Redate it") as op:
        op.update("work", work.uuid, {"production_date": "1912?"})
    assert counts_by_query(catalogue, "year:1911") == before
    assert counts_by_query(catalogue, "year:1912")["work"] >= 1
    ops.undo(catalogue)
    assert counts_by_query(catalogue, "year:1911")["work"] == before["work"] + 1
    ops.undo(catalogue)
    assert counts_by_query(catalogue, "year:1911") == before
    ops.redo(catalogue)
    assert counts_by_query(catalogue, "year:1911")["work"] == before["work"] + 1
    with ops.operation(catalogue, "Remove it") as op:
        op.delete("work", work.uuid)
    assert counts_by_query(catalogue, "year:1911") == before
    assert problems(catalogue) == []


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    dates=st.lists(
        st.sampled_from(["1950", "1950-03", "1950-03-01", "195X", "1949/1951", "1950?", None]),
        min_size=1,
        max_size=6,
    ),
    low=st.integers(1945, 1955),
    span=st.integers(0, 4),
)
def test_any_dates_are_counted_as_the_records_overlap(
    catalogue: Catalogue, dates: list[str | None], low: int, span: int
) -> None:
    with ops.operation(catalogue, "Add works") as op:
        made = [
            op.create("work", {"form": "feature", "record_status": "draft", "production_date": d})
            for d in dates
        ]
    try:
        query = f"year:{low}..{low + span}"
        expected = counts_by_records(catalogue, f"{low}-01-01", f"{low + span}-12-31")
        assert counts_by_query(catalogue, query)["work"] == expected["work"]
        assert problems(catalogue) == []
    finally:
        with ops.operation(catalogue, "Remove them") as op:
            for work in made:
                op.delete("work", work.uuid)


def test_check_finds_wrong_counts_and_reindex_repairs_them(demo_catalogue: Catalogue) -> None:
    catalogue = demo_catalogue
    expected = counts_by_query(catalogue, "year:1970..1979")
    with catalogue.engine.begin() as connection:
        connection.execute(text("UPDATE search_date_count SET n = n + 1 WHERE kind = 3"))
    assert counts_by_query(catalogue, "year:1970..1979") != expected
    found = check_search_index(catalogue)
    assert any(p.startswith("the count of events dated from ") for p in found)
    reindex(catalogue)
    assert check_search_index(catalogue) == []
    assert counts_by_query(catalogue, "year:1970..1979") == expected


def test_migration_0007_counts_an_existing_catalogue(demo_catalogue: Catalogue) -> None:
    path = demo_catalogue.path
    expected = counts_by_query(demo_catalogue, "year:1960..1989")
    demo_catalogue.close()
    before = schema_at(path, "0006")
    assert not [n for n in before if n.startswith("search_date_count")]
    with Catalogue.open(path) as reopened:
        assert counts_by_query(reopened, "year:1960..1989") == expected
        assert problems(reopened) == []


@pytest.mark.parametrize("query", ["year:1980..1989 kim", "year:1980..1989 -has:citation"])
def test_a_year_range_with_other_terms_is_counted_on_the_records(
    demo_catalogue: Catalogue, query: str
) -> None:
    """Only a range on its own is summed from the day counts; with other terms it is looked up
    as year words in the index, and the counts agree with the ids the lists show."""
    from nkarchive.search import ids_matching

    totals = counts_by_query(demo_catalogue, query)
    for kind in ("work", "event", "source"):
        assert totals[kind] == len(ids_matching(demo_catalogue, query, kind))
