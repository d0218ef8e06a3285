"""The query language: what parses to what, and syntax errors that say what and where."""

from __future__ import annotations

import pytest

from nkarchive.search import HELP_TEXT, QuerySyntaxError, parse
from nkarchive.search.grammar import And, Codes, Fact, Not, Or, Words, Years


def test_free_words_phrases_and_implicit_and() -> None:
    assert parse('불가사리 "flower girl"') == And(
        (
            Words(None, "불가사리", False, 1),
            Words(None, "flower girl", True, 6),
        )
    )


def test_or_binds_looser_than_and_and_not_binds_tightest() -> None:
    tree = parse("a b or not c -d")
    assert tree == Or(
        (
            And((Words(None, "a", False, 1), Words(None, "b", False, 3))),
            And((Not(Words(None, "c", False, 12)), Not(Words(None, "d", False, 15)))),
        )
    )


def test_parentheses_and_fields() -> None:
    tree = parse('(title:Pulgasari OR director:"Shin Sang-ok") year:1980..1989')
    assert isinstance(tree, And)
    group, years = tree.items
    assert group == Or(
        (Words("title", "Pulgasari", False, 8), Words("director", "Shin Sang-ok", True, 30))
    )
    assert years == Years("1980-01-01", "1989-12-31", 51)


@pytest.mark.parametrize(
    ("value", "lower", "upper"),
    [
        ("1985", "1985-01-01", "1985-12-31"),
        (">1980", "1981-01-01", None),
        (">=1980", "1980-01-01", None),
        ("<1990", None, "1989-12-31"),
        ("<=1990", None, "1990-12-31"),
        ("1980..", "1980-01-01", None),
        ("..1989", None, "1989-12-31"),
        ("1970-1990", "1970-01-01", "1990-12-31"),
    ],
)
def test_year_forms(value: str, lower: str | None, upper: str | None) -> None:
    assert parse(f"year:{value}") == Years(lower, upper, 6)


def test_codes_name_every_type_they_begin() -> None:
    assert parse("event:festival") == Codes("event", ("festival_showing", "festival"), 7)
    assert parse("class:dprk") == Codes("class", ("dprk_state_media", "dprk_publication"), 7)
    assert parse("country:cs") == Codes("country", ("CS",), 9)
    assert parse("missing:source") == Fact("citation", False, 9)
    assert parse("has:hangul") == Fact("hangul", True, 5)


def test_role_aliases_and_keywords_in_any_case() -> None:
    assert parse("writer:Paek AND NOT x") == And(
        (Words("screenwriter", "Paek", False, 8), Not(Words(None, "x", False, 21)))
    )


def test_prefix_only_for_the_last_unquoted_word_while_typing() -> None:
    assert parse("flower gi", while_typing=True) == And(
        (Words(None, "flower", False, 1), Words(None, "gi", False, 8, prefix=True))
    )
    assert parse("flower gi ", while_typing=True) == And(
        (Words(None, "flower", False, 1), Words(None, "gi", False, 8))
    )
    assert parse("flower gi") == And((Words(None, "flower", False, 1), Words(None, "gi", False, 8)))


def test_empty_query_is_none_and_words_with_colons_in_numbers_stay_words() -> None:
    assert parse("   ") is None
    assert parse("12:30") == Words(None, "12:30", False, 1)


@pytest.mark.parametrize(
    ("query", "message", "column"),
    [
        ('title:"flower girl', "unclosed quote", 7),
        ("(pulgasari or 불가사리", "unclosed parenthesis", 1),
        ("pulgasari)", "has no “(”", 10),
        ("colour:red", "unknown field “colour:”", 1),
        ("pulgasari year:abc", "year:abc", 16),
        ("year:1990..1980", "ends before it starts", 6),
        ("title: pulgasari", "needs a value", 1),
        ("event:picnic", "not a known event type", 7),
        ("country:Czech", "two-letter country code", 9),
        ("has:everything", "not something nkarchive can look for", 5),
        ("pulgasari or", "“or” needs something", 11),
        ("and pulgasari", "needs something to search for before it", 1),
        ("not", "needs a term after it", 1),
        ("()", "empty parentheses", 1),
    ],
)
def test_syntax_errors_say_what_and_where(query: str, message: str, column: int) -> None:
    with pytest.raises(QuerySyntaxError) as caught:
        parse(query)
    assert message in caught.value.message
    assert caught.value.column == column
    assert f"column {column}" in str(caught.value)


def test_help_text_names_every_field() -> None:
    for field in (
        "title:",
        "person:",
        "director:",
        "cast:",
        "studio:",
        "year:",
        "event:",
        "place:",
        "country:",
        "source:",
        "class:",
        "tag:",
        "confidence:",
        "has:X",
        "missing:X",
    ):
        assert field in HELP_TEXT
