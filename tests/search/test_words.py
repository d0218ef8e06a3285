"""The word index (migration 0006): words as written and folding keys stored as words.

A query word's key matches a stored key that it begins, so a key is found where a stored word
starts, and may run over several stored words; keys are looked for in titles, names and places
only. The index follows every write, is rebuilt by reindex, checked by check, and made for
catalogues that already hold records.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from nkarchive import ops
from nkarchive.korean import romanize, search_key
from nkarchive.search import reindex, search
from nkarchive.search.columns import INDEX
from nkarchive.search.index import check_search_index
from nkarchive.search.normalize import MIN_KEY, SPAN, fold_text, value_keys
from nkarchive.store.catalogue import Catalogue
from tests.search.migrating import schema_at


def add_work(catalogue: Catalogue, title: str, notes: str | None = None) -> str:
    with ops.operation(catalogue, "Add a work") as op:
        work = op.create("work", {"form": "feature", "record_status": "draft", "notes": notes})
        op.create("title", {"work": work.uuid, "text": title, "title_type": "original"})
    return work.uuid


def add_person(catalogue: Catalogue, name: str) -> str:
    with ops.operation(catalogue, "Add a person") as op:
        person = op.create("agent", {"agent_type": "person"})
        op.create("agent_name", {"agent": person.uuid, "name": name, "name_type": "preferred"})
    return person.uuid


def works(catalogue: Catalogue, query: str, typing: bool = False) -> set[str]:
    result = search(catalogue, query, kinds=["work"], limit=500, while_typing=typing)
    return {hit.uuid for hit in result.hits}


def test_a_key_is_found_where_a_stored_word_begins(catalogue: Catalogue) -> None:
    teacher = add_work(catalogue, "선생님")  # Sŏnsaengnim: `kim` is inside its key, not a word
    kim = add_work(catalogue, "김 선생")
    assert works(catalogue, "kim") == {kim}
    assert works(catalogue, "gim") == {kim}
    assert works(catalogue, "sonsaengnim") == {teacher}
    assert works(catalogue, "선생") == {teacher, kim}
    assert works(catalogue, "saengnim") == set()


def test_a_key_runs_over_words_spaced_another_way(catalogue: Catalogue) -> None:
    person = add_person(catalogue, "Kim Jong Il")
    for query in ("kimjongil", "Kim Chŏngil", "chongil", "jong il", "김정일"):
        found = search(catalogue, query, kinds=["agent"]).hits
        assert [hit.uuid for hit in found] == [person], query


def test_keys_are_not_looked_for_in_notes(catalogue: Catalogue) -> None:
    """`pin` is the key of `bin`; notes hold words, not keys, so only the word itself finds them."""
    spinning = add_work(catalogue, "Wheel", notes="a spinning wheel")
    pin = add_work(catalogue, "Needle", notes="a pin")
    assert works(catalogue, "bin") == set()
    assert works(catalogue, "pin") == {pin}
    assert works(catalogue, "spinning") == {spinning}


def test_a_whole_title_ranks_first_and_its_beginning_while_typing(catalogue: Catalogue) -> None:
    longer = add_work(catalogue, "Blood of the Sea")
    whole = add_work(catalogue, "Sea of Blood")
    found = search(catalogue, "sea of blood", kinds=["work"]).hits
    assert [hit.uuid for hit in found] == [whole, longer]
    assert found[0].score > found[1].score
    typed = search(catalogue, "sea of bl", kinds=["work"], while_typing=True).hits
    assert [hit.uuid for hit in typed] == [whole, longer]


def test_two_letters_typed_so_far_find_every_word_they_begin(catalogue: Catalogue) -> None:
    theatre = add_work(catalogue, "Theatre")
    the = add_work(catalogue, "The River")
    assert works(catalogue, "th", typing=True) == {theatre, the}
    assert works(catalogue, "the") == {the}
    assert works(catalogue, "thea", typing=True) == {theatre}


@pytest.mark.parametrize("first", [0, 1, 3, 50])
def test_counts_are_the_same_wherever_the_first_pass_stops(
    demo_catalogue: Catalogue, first: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nkarchive.search import engine

    queries = ("the", "a", "in", "kim", "pyongyang")
    expected = {q: search(demo_catalogue, q).total_by_kind for q in queries}
    monkeypatch.setattr(engine, "FEW_HITS", first)
    for query, totals in expected.items():
        assert search(demo_catalogue, query).total_by_kind == totals


# Titles as archivists type them: Hangul, Latin with the marks of McCune-Reischauer, digits,
# punctuation and spaces.
_LETTERS = st.sampled_from(list("abcdeghijklmnoprstuwyzŏŭéÉÀçñ0123456789불가사리조국의"))
_BREAKS = st.sampled_from([" ", " ", "-", "'", "’", ", ", ": ", "(", ")", "."])
_TITLES = st.lists(st.text(_LETTERS, min_size=1, max_size=8), min_size=1, max_size=5).flatmap(
    lambda words: st.lists(_BREAKS, min_size=len(words) - 1, max_size=len(words) - 1).map(
        lambda breaks: words[0] + "".join(b + w for b, w in zip(breaks, words[1:], strict=True))
    )
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(title=_TITLES)
def test_a_title_is_found_by_each_of_its_words_its_keys_and_its_whole(
    catalogue: Catalogue, title: str
) -> None:
    """The index's tokenizer and the folding split text into the same words."""
    work = add_work(catalogue, title)
    try:
        words = fold_text(title).split()
        for word in words:
            assert work in works(catalogue, f'"{word}"'), word
        assert work in works(catalogue, f'"{" ".join(words)}"')
        if not {"and", "or", "not"} & set(words):  # typed as words, not operators
            assert search(catalogue, " ".join(words), kinds=["work"]).hits[0].score >= 1.0
        for key in value_keys(title):
            assert work in works(catalogue, key), key
        romanized = fold_text(romanize(title, "mr")).split()
        if len(romanized) <= SPAN and len(search_key(" ".join(romanized))) >= MIN_KEY:
            assert work in works(catalogue, f'"{" ".join(romanized)}"')
    finally:
        with ops.operation(catalogue, "Remove it") as op:
            op.delete("work", work)


def index_count(catalogue: Catalogue, match: str) -> int:
    with catalogue.engine.connect() as connection:
        found = connection.execute(
            text(f"SELECT count(*) FROM {INDEX} WHERE {INDEX} MATCH :m"), {"m": match}
        ).scalar()
    return int(found or 0)


def test_edits_undo_and_redo_keep_the_index_in_step(demo_catalogue: Catalogue) -> None:
    catalogue = demo_catalogue
    work = search(catalogue, "the", kinds=["work"]).hits[0].uuid
    before = index_count(catalogue, '{title_t} : "sogwang"')
    keys_before = index_count(catalogue, '{title_k} : "sokwaq" *')
    with ops.operation(catalogue, "Add a title") as op:
        op.create(
            "title", {"work": work, "text": "Sogwang of the west", "title_type": "alternative"}
        )
    assert index_count(catalogue, '{title_t} : "sogwang"') == before + 1
    assert index_count(catalogue, '{title_k} : "sokwaq" *') == keys_before + 1
    ops.undo(catalogue)
    assert index_count(catalogue, '{title_t} : "sogwang"') == before
    ops.redo(catalogue)
    assert index_count(catalogue, '{title_t} : "sogwang"') == before + 1
    assert check_search_index(catalogue) == []


def test_check_finds_the_index_emptied_and_reindex_repairs_it(demo_catalogue: Catalogue) -> None:
    catalogue = demo_catalogue
    expected = search(catalogue, "the").total_by_kind
    with catalogue.engine.begin() as connection:
        connection.execute(text(f"INSERT INTO {INDEX}({INDEX}) VALUES ('delete-all')"))
    problems = check_search_index(catalogue)
    assert "the full-text index is empty although records are indexed" in problems
    assert any(p.endswith("is not found by its own words in the full-text index") for p in problems)
    reindex(catalogue)
    assert check_search_index(catalogue) == []
    assert search(catalogue, "the").total_by_kind == expected


def test_migration_0006_reindexes_an_existing_catalogue_and_downgrade_goes_back(
    demo_catalogue: Catalogue,
) -> None:
    path = demo_catalogue.path
    queries = ("the", "kim", "pyongyang", "조국", "year:1970..1979 -the")
    expected = {q: search(demo_catalogue, q).total_by_kind for q in queries}
    demo_catalogue.close()
    before = schema_at(path, "0005")
    assert {"search_main", "search_index_words", "search_index"} <= before.keys()
    assert "trigram" in str(before["search_index"])
    reopened = Catalogue.open(path)
    try:
        assert {q: search(reopened, q).total_by_kind for q in queries} == expected
        assert check_search_index(reopened) == []
        with reopened.engine.connect() as connection:
            after = dict(connection.exec_driver_sql("SELECT name, sql FROM sqlite_master").all())
        assert "unicode61" in str(after["search_index"])
        assert "search_index_words" not in after and "search_main" not in after
    finally:
        reopened.close()
