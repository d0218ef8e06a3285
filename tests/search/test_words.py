"""The word index (migration 0005) counts the words it can answer exactly as the trigram index
does, follows every write, is rebuilt by reindex, checked by check, and made for catalogues that
already hold records."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from nkarchive import ops
from nkarchive.search import compiler, reindex, search
from nkarchive.search.columns import KINDS, WORD_INDEX
from nkarchive.search.compiler import compile_kind
from nkarchive.search.grammar import parse
from nkarchive.search.index import check_search_index
from nkarchive.store import migrate
from nkarchive.store.catalogue import Catalogue
from nkarchive.store.engine import make_engine


@contextmanager
def trigram_index_only() -> Iterator[None]:
    """Searches as before the word index: every query looked up in the trigram index."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(compiler, "words_word_fts", lambda *args, **kwargs: None)
        yield


def both_ways(catalogue: Catalogue, query: str, typing: bool = False) -> tuple[object, object]:
    def seen(result: object) -> object:
        return (
            result.total_by_kind,  # type: ignore[attr-defined]
            [(h.kind, h.uuid, h.score, h.matched_field) for h in result.hits],  # type: ignore[attr-defined]
        )

    by_words = seen(search(catalogue, query, while_typing=typing))
    with trigram_index_only():
        by_trigrams = seen(search(catalogue, query, while_typing=typing))
    return by_words, by_trigrams


def uses_word_index(query: str, typing: bool = False) -> bool:
    tree = parse(query, while_typing=typing)
    return any(compile_kind(tree, kind).word_fts is not None for kind in KINDS)


WORD_QUERIES = [
    "the",
    "of",
    "the of",
    '"the"',
    "the -of",
    "the or a",
    "title:the",
    "notes:the",
    "person:ri",
    "place:the",
    "director:ri",
    "the year:1950..1990",
    "in -(the or of)",
    "the has:citation",
]


@pytest.mark.parametrize("query", WORD_QUERIES)
def test_counts_from_the_word_index_are_those_of_the_trigram_index(
    demo_catalogue: Catalogue, query: str
) -> None:
    assert uses_word_index(query)
    by_words, by_trigrams = both_ways(demo_catalogue, query)
    assert by_words == by_trigrams


def test_common_words_are_found_in_the_demo_catalogue(demo_catalogue: Catalogue) -> None:
    assert search(demo_catalogue, "the").total > 20
    assert search(demo_catalogue, "of the").total > 5


def test_a_word_typed_so_far_is_counted_by_its_beginning_in_the_trigram_index(
    demo_catalogue: Catalogue,
) -> None:
    assert not uses_word_index("th", typing=True)
    assert uses_word_index("th")
    assert (
        search(demo_catalogue, "th", while_typing=True).total > search(demo_catalogue, "the").total
    )


def test_words_with_a_folding_key_or_other_letters_stay_in_the_trigram_index() -> None:
    for query in ("pulgasari", "불가사리", "kim", "the pulgasari", "the or kim", "čechy"):
        assert not uses_word_index(query)


@pytest.mark.parametrize("first", [0, 1, 3, 50])
def test_counts_are_the_same_wherever_the_first_pass_stops(
    demo_catalogue: Catalogue, first: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nkarchive.search import engine

    expected = {q: search(demo_catalogue, q).total_by_kind for q in ("the", "a", "in")}
    monkeypatch.setattr(engine, "FEW_HITS", first)
    for query, totals in expected.items():
        by_words, by_trigrams = both_ways(demo_catalogue, query)
        assert by_words == by_trigrams
        assert by_words[0] == totals  # type: ignore[index]


# Words of the demo catalogue with no folding key (the word index answers them), some with one
# (the trigram index does), and some found nowhere.
_WORDS = ["the", "of", "a", "in", "to", "at", "on", "is", "as", "no", "by", "an", "ri", "ho",
          "my", "1", "10", "19", "6th", "tv", "de", "film", "korean", "kim", "river", "zz", "q"]  # fmt: skip
_FIELDS = ["", "", "", "title:", "notes:", "person:", "place:", "director:", "tag:", "excerpt:"]


@st.composite
def queries(draw: st.DrawFn) -> str:
    terms = []
    for _ in range(draw(st.integers(1, 3))):
        words = draw(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=3))
        term = " ".join(words) if len(words) == 1 else '"' + " ".join(words) + '"'
        term = draw(st.sampled_from(_FIELDS)) + term
        terms.append(draw(st.sampled_from(["", "", "-"])) + term)
    joiners = draw(st.lists(st.sampled_from([" ", " or "]), min_size=len(terms) - 1,
                            max_size=len(terms) - 1))  # fmt: skip
    query = terms[0]
    for joiner, term in zip(joiners, terms[1:], strict=True):
        query += joiner + term
    return query


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=queries(), typing=st.booleans())
def test_random_queries_find_the_same_records_either_way(
    demo_catalogue: Catalogue, query: str, typing: bool
) -> None:
    by_words, by_trigrams = both_ways(demo_catalogue, query, typing)
    assert by_words == by_trigrams


def word_count(catalogue: Catalogue, match: str) -> int:
    with catalogue.engine.connect() as connection:
        found = connection.execute(
            text(f"SELECT count(*) FROM {WORD_INDEX} WHERE {WORD_INDEX} MATCH :m"), {"m": match}
        ).scalar()
    return int(found or 0)


def test_edits_undo_and_redo_keep_the_word_index_in_step(demo_catalogue: Catalogue) -> None:
    catalogue = demo_catalogue
    work = search(catalogue, "the", kinds=["work"]).hits[0].uuid
    before = word_count(catalogue, '{title_t} : "sogwang"')
    with ops.operation(catalogue, "Add a title") as op:
        op.create(
            "title", {"work": work, "text": "Sogwang of the west", "title_type": "alternative"}
        )
    assert word_count(catalogue, '{title_t} : "sogwang"') == before + 1
    ops.undo(catalogue)
    assert word_count(catalogue, '{title_t} : "sogwang"') == before
    ops.redo(catalogue)
    assert word_count(catalogue, '{title_t} : "sogwang"') == before + 1
    assert check_search_index(catalogue) == []


def test_check_finds_the_word_index_out_of_step_and_reindex_repairs_it(
    demo_catalogue: Catalogue,
) -> None:
    catalogue = demo_catalogue
    expected = search(catalogue, "the").total_by_kind
    with catalogue.engine.begin() as connection:
        connection.execute(text(f"INSERT INTO {WORD_INDEX}({WORD_INDEX}) VALUES ('delete-all')"))
    problems = check_search_index(catalogue)
    assert "the word index is empty although records are indexed" in problems
    assert any(p.endswith("is not found by its own words in the word index") for p in problems)
    reindex(catalogue)
    assert check_search_index(catalogue) == []
    assert search(catalogue, "the").total_by_kind == expected


def test_migration_0005_indexes_an_existing_catalogue_and_downgrade_drops_it(
    demo_catalogue: Catalogue,
) -> None:
    path = demo_catalogue.path
    expected = search(demo_catalogue, "the").total_by_kind
    demo_catalogue.close()
    engine = make_engine(path, foreign_keys=False)
    try:
        migrate.downgrade(engine, "0004")
        with engine.connect() as connection:
            names = {r[0] for r in connection.exec_driver_sql("SELECT name FROM sqlite_master")}
        assert not [n for n in names if n.startswith(WORD_INDEX)]
        assert "search_index" in names
        migrate.upgrade(engine)
    finally:
        engine.dispose()
    reopened = Catalogue.open(path)
    try:
        assert search(reopened, "the").total_by_kind == expected
        assert word_count(reopened, '"the"') == sum(expected.values())
        assert check_search_index(reopened) == []
    finally:
        reopened.close()
