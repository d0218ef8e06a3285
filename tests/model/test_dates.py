"""EDTF and Juche dates: every accepted form, every error an archivist can meet, and properties."""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import warnings

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from nkarchive.model.dates import (
    EARLIEST_ISO,
    LATEST_ISO,
    DateError,
    EdtfDate,
    describe,
    format_juche,
    gregorian_year,
    juche_year,
    match_mode,
    overlaps,
    parse_date,
    sort_key,
)

# text typed -> (stored text, lower, upper, precision, kind, in words)
ACCEPTED: dict[str, tuple[str, str, str, str, str, str]] = {
    "1985": ("1985", "1985-01-01", "1985-12-31", "year", "single", "1985"),
    "1985-07": ("1985-07", "1985-07-01", "1985-07-31", "month", "single", "July 1985"),
    "1985-07-02": ("1985-07-02", "1985-07-02", "1985-07-02", "day", "single", "2 July 1985"),
    "1984-02-29": ("1984-02-29", "1984-02-29", "1984-02-29", "day", "single", "29 February 1984"),
    "0985": ("0985", "0985-01-01", "0985-12-31", "year", "single", "985"),
    "  1985\t": ("1985", "1985-01-01", "1985-12-31", "year", "single", "1985"),
    # qualifiers on the whole date (level 1)
    "1985~": ("1985~", "1985-01-01", "1985-12-31", "year", "single", "circa 1985"),
    "1985?": ("1985?", "1985-01-01", "1985-12-31", "year", "single", "1985, uncertain"),
    "1985%": ("1985%", "1985-01-01", "1985-12-31", "year", "single", "circa 1985, uncertain"),
    "1985-07~": ("1985-07~", "1985-07-01", "1985-07-31", "month", "single", "circa July 1985"),
    "1985-07-02?": (
        "1985-07-02?", "1985-07-02", "1985-07-02", "day", "single", "2 July 1985, uncertain",
    ),
    # qualifiers on parts (level 2): left of a part is that part, right is it and all before
    "?1985-07": ("?1985-07", "1985-07-01", "1985-07-31", "month", "single",
                 "July 1985, year uncertain"),
    "1985?-07": ("?1985-07", "1985-07-01", "1985-07-31", "month", "single",
                 "July 1985, year uncertain"),
    "1985-?07": ("1985-?07", "1985-07-01", "1985-07-31", "month", "single",
                 "July 1985, month uncertain"),
    "1985-07-~02": ("1985-07-~02", "1985-07-02", "1985-07-02", "day", "single",
                    "2 July 1985, day approximate"),
    "?1985-07-02~": ("%1985-~07-~02", "1985-07-02", "1985-07-02", "day", "single",
                     "2 July 1985, year approximate and uncertain, month approximate, "
                     "day approximate"),
    "1985-07?-02": ("?1985-?07-02", "1985-07-02", "1985-07-02", "day", "single",
                    "2 July 1985, year uncertain, month uncertain"),
    # unspecified digits
    "198X": ("198X", "1980-01-01", "1989-12-31", "decade", "single", "some time in the 1980s"),
    "19XX": ("19XX", "1900-01-01", "1999-12-31", "century", "single",
             "some time in the 20th century"),
    "1XXX": ("1XXX", "1000-01-01", "1999-12-31", "millennium", "single",
             "some time in the years 1000 to 1999"),
    "1985-XX": ("1985-XX", "1985-01-01", "1985-12-31", "year", "single", "some time in 1985"),
    "1985-XX-XX": ("1985-XX-XX", "1985-01-01", "1985-12-31", "year", "single",
                   "some time in 1985"),
    "1985-07-XX": ("1985-07-XX", "1985-07-01", "1985-07-31", "month", "single",
                   "some day in July 1985"),
    "1985-XX-31": ("1985-XX-31", "1985-01-31", "1985-12-31", "year", "single",
                   "day 31 of some month in 1985"),
    "198X-07": ("198X-07", "1980-07-01", "1989-07-31", "decade", "single",
                "July of some year in the 1980s"),
    "198X-07-02": ("198X-07-02", "1980-07-02", "1989-07-02", "decade", "single",
                   "2 July of some year in the 1980s"),
    "19XX-02-29": ("19XX-02-29", "1904-02-29", "1996-02-29", "century", "single",
                   "29 February of some year in the 20th century"),
    "198X~": ("198X~", "1980-01-01", "1989-12-31", "decade", "single",
              "some time in the 1980s, approximate"),
    # seasons (northern hemisphere; winter runs into the next year)
    "1985-21": ("1985-21", "1985-03-01", "1985-05-31", "season", "single", "spring 1985"),
    "1985-22": ("1985-22", "1985-06-01", "1985-08-31", "season", "single", "summer 1985"),
    "1985-23": ("1985-23", "1985-09-01", "1985-11-30", "season", "single", "autumn 1985"),
    "1987-24": ("1987-24", "1987-12-01", "1988-02-29", "season", "single", "winter 1987"),
    "1985-21?": ("1985-21?", "1985-03-01", "1985-05-31", "season", "single",
                 "spring 1985, uncertain"),
    # intervals
    "1985/1987": ("1985/1987", "1985-01-01", "1987-12-31", "year", "interval",
                  "between 1985 and 1987"),
    "1985-07/1986": ("1985-07/1986", "1985-07-01", "1986-12-31", "year", "interval",
                     "between July 1985 and 1986"),
    "1985-07-02/1985-07-09": ("1985-07-02/1985-07-09", "1985-07-02", "1985-07-09", "day",
                              "interval", "between 2 July 1985 and 9 July 1985"),
    "1984~/2004-06?": ("1984~/2004-06?", "1984-01-01", "2004-06-30", "year", "interval",
                       "between circa 1984 and June 2004 (uncertain)"),
    "198X/1990": ("198X/1990", "1980-01-01", "1990-12-31", "decade", "interval",
                  "between some time in the 1980s and 1990"),
    "../1972": ("../1972", EARLIEST_ISO, "1972-12-31", "year", "interval",
                "up to 1972 (open start)"),
    "1972/..": ("1972/..", "1972-01-01", LATEST_ISO, "year", "interval",
                "from 1972 on (open end)"),
    "/1972": ("/1972", EARLIEST_ISO, "1972-12-31", "year", "interval",
              "up to 1972 (start unknown)"),
    "1985/": ("1985/", "1985-01-01", LATEST_ISO, "year", "interval",
              "from 1985 on (end unknown)"),
    # sets
    "[..1972]": ("[..1972]", EARLIEST_ISO, "1972-12-31", "year", "set", "on or before 1972"),
    "[1972..]": ("[1972..]", "1972-01-01", LATEST_ISO, "year", "set", "1972 or later"),
    "[1985,1987]": ("[1985,1987]", "1985-01-01", "1987-12-31", "year", "set", "1985 or 1987"),
    "[1987,1985-07]": ("[1987,1985-07]", "1985-07-01", "1987-12-31", "year", "set",
                       "1987 or July 1985"),
    "[1985..1987]": ("[1985..1987]", "1985-01-01", "1987-12-31", "year", "set",
                     "one of 1985 to 1987"),
    "[1667,1668,1670..1672]": ("[1667,1668,1670..1672]", "1667-01-01", "1672-12-31", "year",
                               "set", "1667, 1668 or one of 1670 to 1672"),
    "{1985,1987}": ("{1985,1987}", "1985-01-01", "1987-12-31", "year", "set", "1985 and 1987"),
    "{1985..1987}": ("{1985..1987}", "1985-01-01", "1987-12-31", "year", "set",
                     "all of 1985 to 1987"),
    "{..1972}": ("{..1972}", EARLIEST_ISO, "1972-12-31", "year", "set",
                 "all dates up to 1972"),
    "[1985~,1987?]": ("[1985~,1987?]", "1985-01-01", "1987-12-31", "year", "set",
                      "circa 1985 or 1987 (uncertain)"),
    # Juche years, stored as Gregorian, described with both
    "주체74": ("1985", "1985-01-01", "1985-12-31", "year", "single", "Juche 74 (1985)"),
    "주체 74": ("1985", "1985-01-01", "1985-12-31", "year", "single", "Juche 74 (1985)"),
    "Juche 74": ("1985", "1985-01-01", "1985-12-31", "year", "single", "Juche 74 (1985)"),
    "juche74": ("1985", "1985-01-01", "1985-12-31", "year", "single", "Juche 74 (1985)"),
    "JUCHE 74": ("1985", "1985-01-01", "1985-12-31", "year", "single", "Juche 74 (1985)"),
    "주체74(1985)": ("1985", "1985-01-01", "1985-12-31", "year", "single", "Juche 74 (1985)"),
    "주체74 (1985)": ("1985", "1985-01-01", "1985-12-31", "year", "single", "Juche 74 (1985)"),
    "Juche 74-07": ("1985-07", "1985-07-01", "1985-07-31", "month", "single",
                    "Juche 74 (July 1985)"),
    "Juche 74-07-02": ("1985-07-02", "1985-07-02", "1985-07-02", "day", "single",
                       "Juche 74 (2 July 1985)"),
    "주체74(1985)-07-02": ("1985-07-02", "1985-07-02", "1985-07-02", "day", "single",
                          "Juche 74 (2 July 1985)"),
    "주체74년": ("1985", "1985-01-01", "1985-12-31", "year", "single", "Juche 74 (1985)"),
    "주체74(1985)년 7월": ("1985-07", "1985-07-01", "1985-07-31", "month", "single",
                        "Juche 74 (July 1985)"),
    "주체74(1985)년 7월 2일": ("1985-07-02", "1985-07-02", "1985-07-02", "day", "single",
                            "Juche 74 (2 July 1985)"),
    "주체1": ("1912", "1912-01-01", "1912-12-31", "year", "single", "Juche 1 (1912)"),
    "Juche 74~": ("1985~", "1985-01-01", "1985-12-31", "year", "single",
                  "Juche 74 (circa 1985)"),
    "주체74?": ("1985?", "1985-01-01", "1985-12-31", "year", "single",
               "Juche 74 (1985, uncertain)"),
}  # fmt: skip


@pytest.mark.parametrize("typed", list(ACCEPTED))
def test_accepted_form(typed: str) -> None:
    text, lower, upper, precision, kind, words = ACCEPTED[typed]
    date = parse_date(typed)
    assert (date.text, date.lower, date.upper) == (text, lower, upper)
    assert (date.precision, date.kind) == (precision, kind)
    assert describe(date) == words
    assert describe(typed) == words
    assert date.original == typed.strip()
    assert date.juche == (typed.strip()[0] in "Jj주")


def test_flags_of_a_single_date() -> None:
    plain = parse_date("1985-07-02")
    assert not (plain.approximate or plain.uncertain or plain.unspecified)
    assert plain.is_day
    assert parse_date("1985~").approximate and not parse_date("1985~").uncertain
    assert parse_date("1985?").uncertain and not parse_date("1985?").approximate
    both = parse_date("1985%")
    assert both.approximate and both.uncertain
    assert parse_date("?1985-07").uncertain
    assert parse_date("198X").unspecified
    assert not parse_date("1985").is_day


def test_flags_of_interval_ends() -> None:
    date = parse_date("1984~/2004-06?")
    assert date.start_approximate and not date.start_uncertain
    assert date.end_uncertain and not date.end_approximate
    assert date.approximate and date.uncertain
    assert (date.open_start, date.open_end, date.unknown_start, date.unknown_end) == (
        False, False, False, False,
    )  # fmt: skip
    assert parse_date("../1972").open_start and not parse_date("../1972").unknown_start
    assert parse_date("/1972").unknown_start and not parse_date("/1972").open_start
    assert parse_date("1972/..").open_end and not parse_date("1972/..").unknown_end
    assert parse_date("1985/").unknown_end and not parse_date("1985/").open_end


def test_flags_of_sets() -> None:
    earlier = parse_date("[..1972]")
    assert earlier.open_start and not earlier.open_end and earlier.set_kind == "one_of"
    later = parse_date("[1972..]")
    assert later.open_end and not later.open_start
    assert parse_date("{1985,1987}").set_kind == "all_of"
    assert [m.text for m in parse_date("[1667,1670..1672]").members] == ["1667", "1670..1672"]


@pytest.mark.parametrize(
    ("typed", "fuzzy_lower", "fuzzy_upper"),
    [
        ("1985", "1985-01-01", "1985-12-31"),
        ("1985?", "1985-01-01", "1985-12-31"),  # doubt does not widen
        ("1985~", "1984-01-01", "1986-12-31"),
        ("1985%", "1984-01-01", "1986-12-31"),
        ("1985-07~", "1985-06-01", "1985-08-31"),
        ("1985-02~", "1985-01-01", "1985-03-31"),
        ("~1985-07", "1984-07-01", "1986-07-31"),
        ("1985-07-02~", "1985-07-01", "1985-07-03"),
        ("1985-21~", "1984-12-01", "1985-08-31"),
        ("198X~", "1970-01-01", "1999-12-31"),
        ("19XX~", "1800-01-01", "2099-12-31"),
        ("1984~/2004-06~", "1983-01-01", "2004-07-31"),
        ("../1972~", EARLIEST_ISO, "1973-12-31"),
        ("[1985~,1990]", "1984-01-01", "1990-12-31"),
        ("0001~", EARLIEST_ISO, "0002-12-31"),
        ("9999-12-31~", "9999-12-30", LATEST_ISO),
        ("Juche 74~", "1984-01-01", "1986-12-31"),
    ],
)
def test_fuzzy_bounds_widen_approximate_ends_by_one_unit(
    typed: str, fuzzy_lower: str, fuzzy_upper: str
) -> None:
    date = parse_date(typed)
    assert (date.fuzzy_lower, date.fuzzy_upper) == (fuzzy_lower, fuzzy_upper)
    assert date.fuzzy_lower_ordinal == dt.date.fromisoformat(fuzzy_lower).toordinal()
    assert date.fuzzy_upper_ordinal == dt.date.fromisoformat(fuzzy_upper).toordinal()


def test_ordinals_are_proleptic_gregorian() -> None:
    date = parse_date("1985-07")
    assert date.lower_ordinal == dt.date(1985, 7, 1).toordinal()
    assert date.upper_ordinal == dt.date(1985, 7, 31).toordinal()
    assert parse_date("../1972").lower_ordinal == 1
    assert parse_date("1972/..").upper_ordinal == dt.date(9999, 12, 31).toordinal()


# typed -> (problem, 0-based position) ; the message adds " (at column position+1)"
REFUSED: dict[str, tuple[str, int]] = {
    "": ("enter a date", 0),
    "   ": ("enter a date", 3),
    "85": ("expected a year of four digits", 0),
    "  85": ("expected a year of four digits", 2),
    "19850": ("expected a year of four digits", 0),
    "c1985": ("expected a year of four digits", 0),
    "ca. 1985": ("expected a year of four digits", 0),
    "-0500": ("years before 0001 are not supported", 0),
    "0000": ("year 0000 is outside the years the catalogue supports (0001-9999)", 0),
    "1985-13": ("month 13 does not exist", 5),
    "1985-00": ("month 00 does not exist", 5),
    "1985-99": ("month 99 does not exist", 5),
    "1985-25": ("season 25 is not supported", 5),
    "1985-7": ("expected a month of two digits, as in 1985-07", 5),
    "1985-07-2": ("expected a day of two digits, as in 1985-07-02", 8),
    "1985-07-32": ("day 32 does not exist", 8),
    "1985-07-00": ("day 00 does not exist", 8),
    "1985-02-30": ("day 30 does not exist in February 1985", 8),
    "1985-02-29": ("day 29 does not exist in February 1985", 8),
    "1985-04-31": ("day 31 does not exist in April 1985", 8),
    "19XX-02-30": ("day 30 does not exist in February", 8),
    "1985-21-01": ("a season has no day", 7),
    "9999-24": ("winter 9999 would end after 9999, the last supported year", 5),
    "198x": ("write an unspecified digit as a capital X", 3),
    "1985-xx": ("write an unspecified digit as a capital X", 5),
    "1X85": ("unspecified digits (X) must end the year, as in 198X or 19XX", 1),
    "XXXX": ("a year with no known digit (XXXX) is not accepted", 0),
    "1985-1X": ("a month is either two digits or XX", 5),
    "1985-07-X1": ("a day is either two digits or XX", 8),
    "1985~?": ("two qualifiers in a row", 5),
    "1985 /1987": ("unexpected space; an EDTF date has no spaces", 4),
    "[1985, 1987]": ("unexpected space; an EDTF date has no spaces", 6),
    "1985, 1987": ("unexpected ',' after the date", 4),
    "1985.5": ("unexpected '.' after the date", 4),
    "1985-07-02T10:00": ("unexpected 'T' after the date", 10),
    "1987/1985": ("the interval ends before it starts: 1985 is earlier than 1987", 5),
    "1985-07/1985-06": ("the interval ends before it starts: 1985-06 is earlier than 1985-07", 8),
    "/": ("an interval needs at least one known end", 0),
    "../..": ("an interval needs at least one known end", 0),
    "../": ("an interval needs at least one known end", 0),
    "..1972": ("'..' marks an open end and needs an interval or a set", 0),
    "1985/1987/1989": ("an interval has only one '/'", 9),
    "[]": ("expected a date in the set", 1),
    "[1985,]": ("expected a date in the set", 6),
    "[1985": ("expected ',' or ']' to close the set", 5),
    "{1985,1987": ("expected ',' or '}' to close the set", 10),
    "[1985,1987}": ("expected ']' to close the set, found '}'", 10),
    "[1985]x": ("unexpected 'x' after the set", 6),
    "[..]": ("expected a date after '..'", 3),
    "[1985..,1987]": ("'..' with no date after it can only close a set", 7),
    "[1985,..1987]": ("'..' with no date before it can only open a set", 6),
    "[1987..1985]": ("the range ends before it starts: 1985 is earlier than 1987", 7),
    "주체": ("expected a Juche year after '주체'", 2),
    "Juche": ("expected a Juche year after 'Juche'", 5),
    "juche seventy": ("expected a Juche year after 'juche'", 6),
    "주체0": ("Juche 0 does not exist; Juche 1 is 1912", 2),
    "주체074": ("expected a Juche year after '주체'", 2),
    "주체8089": ("Juche 8089 is after 9999, the last supported year", 2),
    "주체74(1986)": ("Juche 74 is 1985, not 1986", 5),
    "주체74(85)": ("expected the Gregorian year of four digits in the parentheses", 5),
    "주체74(1985": ("expected ')' after the Gregorian year", 9),
    "Juche 74-13": ("month 13 does not exist", 9),
    "Juche 74-21": ("month 21 does not exist", 9),
    "Juche 74-02-30": ("day 30 does not exist in February 1985", 12),
    "Juche 74-XX": ("unspecified digits (X) are not accepted in a Juche date", 9),
    "주체74(1985)년 13월": ("month 13 does not exist", 12),
    "주체74년 7": ("expected 월 after the month", 7),
    "주체74/주체76": ("unexpected '/' after the Juche date", 4),
}  # fmt: skip


@pytest.mark.parametrize("typed", list(REFUSED))
def test_refused_form_names_the_problem_and_column(typed: str) -> None:
    problem, position = REFUSED[typed]
    with pytest.raises(DateError) as caught:
        parse_date(typed)
    error = caught.value
    assert (error.problem, error.position) == (problem, position)
    assert str(error).startswith(f"{problem} (at column {position + 1})")
    assert error.column == position + 1
    assert isinstance(error, ValueError)


def test_error_messages_read_whole() -> None:
    def message(typed: str) -> str:
        with pytest.raises(DateError) as caught:
            parse_date(typed)
        return str(caught.value)

    assert message("1985-13") == "month 13 does not exist (at column 6)"
    assert message("85") == (
        "expected a year of four digits (at column 1); accepted forms include 1985, 1985-07, "
        "1985-07-02, 1985~, 198X, 1985/1987 and [..1972]"
    )
    assert message("1985-25") == (
        "season 25 is not supported (at column 6); "
        "use 21 (spring), 22 (summer), 23 (autumn) or 24 (winter)"
    )
    assert message("1985~?").endswith(
        "use % for a date that is both approximate (~) and uncertain (?)"
    )
    assert message("1985, 1987").endswith("write a set, as in [1985,1987]")


# --- Juche ------------------------------------------------------------------------------


def test_juche_year_arithmetic() -> None:
    assert juche_year(1985) == 74
    assert gregorian_year(74) == 1985
    assert juche_year(1912) == 1 and gregorian_year(1) == 1912
    with pytest.raises(ValueError, match="before Juche 1"):
        juche_year(1911)
    with pytest.raises(ValueError, match="Juche 0 does not exist"):
        gregorian_year(0)


@pytest.mark.parametrize(
    ("date", "latin", "hangul"),
    [
        ("1985", "Juche 74", "주체74(1985)년"),
        ("1985-07", "Juche 74-07", "주체74(1985)년 7월"),
        ("1985-07-02", "Juche 74-07-02", "주체74(1985)년 7월 2일"),
        ("1985~", "Juche 74~", "주체74(1985)년~"),
        ("1985-07-02?", "Juche 74-07-02?", "주체74(1985)년 7월 2일?"),
        ("주체103", "Juche 103", "주체103(2014)년"),
    ],
)
def test_format_juche(date: str, latin: str, hangul: str) -> None:
    assert format_juche(date) == latin
    assert format_juche(parse_date(date), hangul=True) == hangul
    assert parse_date(latin).text == parse_date(date).text
    assert parse_date(hangul).text == parse_date(date).text


@pytest.mark.parametrize(
    ("date", "problem"),
    [
        ("1911", "1911 is before Juche 1 (1912)"),
        ("1985/1987", "1985/1987 has no Juche form; only a year, month or day has one"),
        ("[1985,1987]", "[1985,1987] has no Juche form; only a year, month or day has one"),
        ("198X", "198X has no Juche form; only a year, month or day has one"),
        ("1985-21", "1985-21 has no Juche form; only a year, month or day has one"),
        ("?1985-07", "?1985-07 has no Juche form: a qualifier must cover the whole date"),
    ],
)
def test_format_juche_refuses_dates_without_a_juche_form(date: str, problem: str) -> None:
    with pytest.raises(DateError) as caught:
        format_juche(date)
    assert caught.value.problem == problem


# --- range queries and order ------------------------------------------------------------

EIGHTIES = ("1980-01-01", "1989-12-31")


@pytest.mark.parametrize(
    ("date", "in_the_eighties"),
    [
        ("1985", True),
        ("1985-07-02", True),
        ("1985~", True),  # strict bounds: the fuzzy edge does not leave the window
        ("198X", True),
        ("19XX", False),  # could be any year of the century
        ("1979", False),
        ("1989-12-31", True),
        ("1990-01-01", False),
        ("[1985,1987]", True),
        ("[1985,1995]", False),  # one of them, perhaps the one outside
        ("[..1985]", False),
        ("{1985,1995}", True),  # all of them: 1985 happened in the 1980s
        ("1975/1982", True),  # an interval belongs to every window it touches
        ("1990/1992", False),
        ("../1972", False),
        ("../1982", True),
        ("/1982", True),  # an unknown start may lie anywhere before the end
        ("1988/", True),
        ("1975/..", True),
    ],
)
def test_overlaps_eighties(date: str, in_the_eighties: bool) -> None:
    assert overlaps(date, *EIGHTIES) is in_the_eighties


def test_overlaps_modes_and_unbounded_windows() -> None:
    century = parse_date("19XX")
    assert match_mode(century) == "within"
    assert overlaps(century, *EIGHTIES, mode="intersects")
    assert not overlaps("1975/1982", *EIGHTIES, mode="within")
    assert match_mode(parse_date("1975/1982")) == "intersects"
    assert overlaps("[..1972]", None, "1975-12-31")
    assert overlaps("[..1972]", None, None)
    assert not overlaps("1985", "1986-01-01", None)


def test_sort_key_orders_by_earliest_day_then_narrower() -> None:
    typed = ["1985", "1985-07-02", "../1972", "1984/1986", "198X", "1985-07", "[1990..]"]
    ordered = sorted(typed, key=sort_key)
    assert ordered == ["../1972", "198X", "1984/1986", "1985", "1985-07", "1985-07-02", "[1990..]"]
    assert sort_key(parse_date("1985")) == ("1985-01-01", "1985-12-31", "1985")


# --- properties ---------------------------------------------------------------------------

QUALIFIER = st.sampled_from(["", "", "", "?", "~", "%"])


@st.composite
def points(draw: st.DrawFn, year: int | None = None) -> str:
    """A valid written date: year with optional X digits, month or season, day, qualifiers."""
    number = draw(st.integers(1, 9999)) if year is None else year
    digits = f"{number:04d}"
    unknown = draw(st.integers(0, 3)) if digits[0] != "0" else 0
    written = digits[: 4 - unknown] + "X" * unknown
    text = draw(QUALIFIER) + written + draw(QUALIFIER)
    shape = draw(st.sampled_from(["year", "month", "season", "day"]))
    if shape == "year":
        return text
    if shape == "season":
        last_year = int(written.replace("X", "9"))
        season = draw(st.integers(21, 23 if last_year == 9999 else 24))
        return f"{text}-{draw(QUALIFIER)}{season}{draw(QUALIFIER)}"
    month = draw(st.sampled_from(["XX", *(f"{m:02d}" for m in range(1, 13))]))
    text += f"-{draw(QUALIFIER)}{month}{draw(QUALIFIER)}"
    if shape == "month":
        return text
    days = _days_in(number, int(month)) if month != "XX" and "X" not in written else 28
    day = draw(st.sampled_from(["XX", *(f"{d:02d}" for d in range(1, days + 1))]))
    return f"{text}-{draw(QUALIFIER)}{day}{draw(QUALIFIER)}"


def _days_in(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


@st.composite
def intervals(draw: st.DrawFn) -> str:
    first = draw(st.integers(1, 9998))
    second = draw(st.integers(first + 1, 9999))
    start = draw(st.one_of(points(first), st.sampled_from(["..", ""])))
    end = (
        draw(points(second))
        if start in ("..", "")
        else draw(st.one_of(points(second), st.sampled_from(["..", ""])))
    )
    return f"{start}/{end}"


@st.composite
def sets(draw: st.DrawFn) -> str:
    members: list[str] = []
    for _ in range(draw(st.integers(1, 4))):
        if draw(st.booleans()):
            members.append(draw(points()))
        else:
            first = draw(st.integers(1, 9998))
            second = draw(st.integers(first + 1, 9999))
            members.append(f"{draw(points(first))}..{draw(points(second))}")
    if draw(st.booleans()):
        members[0] = ".." + members[0].split("..")[-1]
    elif draw(st.booleans()):
        members[-1] = members[-1].split("..")[0] + ".."
    opening = draw(st.sampled_from("[{"))
    return opening + ",".join(members) + ("]" if opening == "[" else "}")


@st.composite
def juche_dates(draw: st.DrawFn) -> str:
    juche = draw(st.integers(1, 8088))
    prefix = draw(st.sampled_from(["주체", "주체 ", "Juche ", "juche", "JUCHE "]))
    check = draw(st.sampled_from(["", f"({juche + 1911:04d})", f" ({juche + 1911:04d})"]))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, _days_in(juche + 1911, month)))
    rest = draw(
        st.sampled_from(["", f"-{month:02d}", f"-{month:02d}-{day:02d}", "년", f"년 {month}월",
                         f"년 {month}월 {day}일"])
    )  # fmt: skip
    return prefix + str(juche) + check + rest + draw(QUALIFIER)


ANY_DATE = st.one_of(points(), intervals(), sets(), juche_dates())


@settings(max_examples=400, deadline=None)
@given(ANY_DATE)
def test_generated_dates_parse_with_ordered_bounds(typed: str) -> None:
    date = parse_date(typed)
    assert EARLIEST_ISO <= date.fuzzy_lower <= date.lower <= date.upper
    assert date.upper <= date.fuzzy_upper <= LATEST_ISO
    assert date.lower_ordinal <= date.upper_ordinal
    assert describe(date)


@settings(max_examples=400, deadline=None)
@given(ANY_DATE)
def test_round_trip_through_the_stored_text(typed: str) -> None:
    date = parse_date(typed)
    again = parse_date(date.text)
    assert again == dataclasses.replace(date, original=date.text, juche=False)
    assert again.text == date.text


@settings(deadline=None)
@given(st.integers(1, 9999), st.integers(1, 12), st.integers(1, 31))
def test_a_year_contains_its_months_and_days(year: int, month: int, day: int) -> None:
    assume(day <= _days_in(year, month))
    whole_year = parse_date(f"{year:04d}")
    whole_month = parse_date(f"{year:04d}-{month:02d}")
    one_day = parse_date(f"{year:04d}-{month:02d}-{day:02d}")
    assert whole_year.lower <= whole_month.lower <= one_day.lower
    assert one_day.upper <= whole_month.upper <= whole_year.upper
    assert one_day.lower == one_day.upper == dt.date(year, month, day).isoformat()
    decade = parse_date(f"{year:04d}"[:3] + "X") if year >= 10 else whole_year
    assert decade.lower <= whole_year.lower and whole_year.upper <= decade.upper


DATE_ALPHABET = "0123456789X-/.?~%[]{},주체Juchex년월일() \t"


@settings(max_examples=600, deadline=None)
@given(st.one_of(st.text(DATE_ALPHABET, max_size=16), st.text(max_size=12)))
def test_random_text_raises_only_date_error(typed: str) -> None:
    try:
        date = parse_date(typed)
    except DateError as error:
        assert 0 <= error.position <= len(typed)
        assert str(error)
    else:
        assert date.lower <= date.upper


@settings(deadline=None)
@given(st.integers(1, 8088))
def test_juche_conversion_is_an_exact_inverse(juche: int) -> None:
    gregorian = gregorian_year(juche)
    assert juche_year(gregorian) == juche
    assert gregorian - juche == 1911
    date = parse_date(f"주체{juche}")
    assert date.text == f"{gregorian:04d}" and date.juche and date.original == f"주체{juche}"
    assert parse_date(format_juche(date)).text == date.text
    assert parse_date(format_juche(date, hangul=True)).text == date.text


@settings(deadline=None)
@given(st.integers(1912, 9999))
def test_gregorian_to_juche_is_an_exact_inverse(gregorian: int) -> None:
    assert gregorian_year(juche_year(gregorian)) == gregorian


# --- the edtf library as an oracle ---------------------------------------------------------

# The test extra's independent EDTF implementation (installed with nkarchive[test]).


def _oracle_bounds(typed: str) -> tuple[str, str] | None:
    """The edtf library's strict bounds, or None where it cannot parse or bound the form."""
    import edtf

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parsed = edtf.parse_edtf(typed)
            low, high = parsed.lower_strict(), parsed.upper_strict()
    except Exception:  # the oracle's own limits, not ours
        return None
    return (
        f"{low.tm_year:04d}-{low.tm_mon:02d}-{low.tm_mday:02d}",
        f"{high.tm_year:04d}-{high.tm_mon:02d}-{high.tm_mday:02d}",
    )


def _oracle_agrees_on(date: EdtfDate) -> bool:
    """Forms where the library's strict bounds mean what ours do.

    It bounds an unknown end ten years out, gives winter only December, and puts a known
    day of an X year into the first year of the range even when that year lacks the day
    (19XX-02-29 → 1900-02-29); open ends it cannot bound at all.
    """
    if date.open_start or date.open_end or date.unknown_start or date.unknown_end:
        return False
    points = [p for p in (date.start, date.end) if p is not None]
    points += [p for m in date.members for p in m.points]
    for point in points:
        if point.month == "24":
            return False
        if "X" in point.year and point.day not in (None, "XX"):
            return False
    return True


@st.composite
def level1_points(
    draw: st.DrawFn, year: int | None = None, compound: bool = False, qualified: bool = True
) -> str:
    """Dates in the forms the edtf library bounds: level 1 with a whole-date qualifier.

    Inside intervals and sets it bounds no X digits and no seasons, and no qualifier on
    the ends of a range; those forms are checked by the table instead.
    """
    number = draw(st.integers(1000, 2999)) if year is None else year
    unknown = 0 if compound else draw(st.integers(0, 2))
    text = f"{number}"[: 4 - unknown] + "X" * unknown
    shape = draw(st.sampled_from(["year", "month", "season", "day"]))
    if shape == "season" and not unknown and not compound:
        return f"{text}-{draw(st.integers(21, 23))}"
    if shape != "year":
        month = draw(st.integers(1, 12))
        text += "-" + (
            f"{month:02d}" if compound else draw(st.sampled_from([f"{month:02d}", "XX"]))
        )
        if shape == "day" and not unknown and not text.endswith("XX"):
            day = f"{draw(st.integers(1, _days_in(number, month))):02d}"
            text += "-" + (day if compound else draw(st.sampled_from([day, "XX"])))
    return text + (draw(QUALIFIER) if qualified else "")


@st.composite
def level1_dates(draw: st.DrawFn) -> str:
    first = draw(st.integers(1000, 2998))
    second = draw(st.integers(first + 1, 2999))
    shape = draw(st.sampled_from(["single", "interval", "one_of", "all_of"]))
    if shape == "single":
        return draw(level1_points())
    if shape == "interval":
        start = draw(level1_points(first, compound=True))
        return f"{start}/{draw(level1_points(second, compound=True))}"
    members = draw(st.lists(level1_points(compound=True), min_size=2, max_size=3))
    if draw(st.booleans()):
        start = draw(level1_points(first, compound=True, qualified=False))
        members.append(f"{start}..{draw(level1_points(second, compound=True, qualified=False))}")
    body = ",".join(members)
    return f"[{body}]" if shape == "one_of" else f"{{{body}}}"


@settings(max_examples=80, deadline=None)
@given(level1_dates())
def test_bounds_agree_with_the_edtf_library(typed: str) -> None:
    date = parse_date(typed)
    assume(_oracle_agrees_on(date))
    expected = _oracle_bounds(typed)
    assume(expected is not None)
    assert (date.lower, date.upper) == expected


@pytest.mark.parametrize(
    "typed",
    [
        t for t in ACCEPTED
        if t.strip()[0] not in "Jj주" and _oracle_agrees_on(parse_date(t))
        and _oracle_bounds(t.strip()) is not None  # forms the library cannot bound are left out
    ],
)
def test_table_bounds_agree_with_the_edtf_library(typed: str) -> None:
    expected = _oracle_bounds(typed.strip())
    date = parse_date(typed)
    assert (date.lower, date.upper) == expected
