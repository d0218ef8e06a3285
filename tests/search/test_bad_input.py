"""Any string is either a query or the parser's own error, and compiled SQL holds no user text."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nkarchive.search import QuerySyntaxError, ids_matching, parse, search
from nkarchive.search.columns import KINDS
from nkarchive.search.compiler import compile_kind
from nkarchive.search.engine import tiers
from nkarchive.search.grammar import FIELD_KINDS
from nkarchive.store.catalogue import Catalogue
from tests.search.search_films import add_films


@pytest.fixture
def films_catalogue(catalogue: Catalogue) -> Catalogue:
    add_films(catalogue)
    return catalogue


PIECES = st.sampled_from(
    [
        "(",
        ")",
        '"',
        "-",
        ":",
        " ",
        "and",
        "or",
        "not",
        "AND",
        "NOT",
        "..",
        ">",
        "<=",
        "'",
        ";",
        "--",
        "/*",
        "*",
        "^",
        "$",
        "{",
        "}",
        "불가사리",
        "Pulgasari",
        "ŏ",
        "DROP TABLE work",
        "x'00'",
        *(f"{name}:" for name in FIELD_KINDS),
        "1985",
        "1980..1989",
        "0",
        "1",
        "9999",
        ">9999",
        "<1",
        "0..",
        "festival",
        "KP",
        "citation",
    ]
)
QUERIES = st.one_of(st.text(max_size=40), st.lists(PIECES, max_size=12).map("".join))


@settings(max_examples=600, deadline=None)
@given(QUERIES)
def test_any_text_parses_or_raises_the_parsers_own_error(query: str) -> None:
    try:
        tree = parse(query)
        parse(query, while_typing=True)
    except QuerySyntaxError as error:
        assert 1 <= error.column <= len(query) + 1
        return
    for kind in KINDS:
        compiled = compile_kind(tree, kind, via_work=True)
        tiers(tree, kind, compiled)


_IDENTIFIER_OR_LITERAL = re.compile(r"[A-Za-z_][A-Za-z_0-9.]*|'[^']*'|:p\d+|\d+|\S")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=20))
def test_compiled_sql_never_contains_the_users_words(word: str) -> None:
    query = f'title:"{word.replace(chr(34), "")}" or person:"{word.replace(chr(34), "")}" year:1985'
    try:
        tree = parse(query)
    except QuerySyntaxError:
        return
    for kind in KINDS:
        compiled = compile_kind(tree, kind, via_work=True)
        sql = compiled.condition or ""
        # Every string literal in the SQL is one the compiler wrote, never the user's.
        for literal in re.findall(r"'([^']*)'", sql):
            assert literal in {"person", "director", "co_director", "*[가-힣]*"}, literal
        for value in compiled.params.values():
            assert isinstance(value, str | int)
        if compiled.fts is not None:
            assert compiled.fts not in sql


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=QUERIES)
def test_any_query_runs_against_a_catalogue_or_raises_the_parsers_own_error(
    films_catalogue: Catalogue, query: str
) -> None:
    catalogue = films_catalogue
    for typing in (False, True):
        try:
            result = search(catalogue, query, limit=5, while_typing=typing)
        except QuerySyntaxError:
            return
        assert all(n >= 0 for n in result.total_by_kind.values())
    ids_matching(catalogue, query, "event", via_work=True)


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=20))
def test_a_marked_word_never_reaches_the_sql_text(word: str) -> None:
    marked = "Qzxv" + "".join(ch for ch in word if ch not in '"')
    try:
        tree = parse(f'"{marked}" title:"{marked}" source:"{marked}" place:"{marked}"')
    except QuerySyntaxError:
        return
    for kind in KINDS:
        compiled = compile_kind(tree, kind, via_work=True)
        assert "qzxv" not in (compiled.condition or "").casefold()
