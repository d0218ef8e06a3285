"""The pieces both grammars share: a reader that knows columns, and building checked dates."""

from __future__ import annotations

import calendar as _calendar
import re

from nkarchive.model.dates.calendar import SEASON_MONTHS, SEASON_NAMES, fuzzy_bounds, point_bounds
from nkarchive.model.dates.types import DateError, DatePoint, Qualifier, qualifier_char

FORMS_HINT = "accepted forms include 1985, 1985-07, 1985-07-02, 1985~, 198X, 1985/1987 and [..1972]"
QUALIFIERS = "?~%"
_TRAILING_X_YEAR = re.compile(r"[0-9]+X*")


class Reader:
    """A cursor over stripped text that reports positions in the text as the user passed it."""

    def __init__(self, text: str, offset: int = 0) -> None:
        self.text = text
        self.pos = 0
        self.offset = offset

    def peek(self, ahead: int = 0) -> str:
        index = self.pos + ahead
        return self.text[index] if index < len(self.text) else ""

    def at_end(self) -> bool:
        return self.pos >= len(self.text)

    def startswith(self, prefix: str) -> bool:
        return self.text.startswith(prefix, self.pos)

    def run(self, allowed: str) -> str:
        """Consume and return the longest run of characters from ``allowed``."""
        start = self.pos
        while not self.at_end() and self.text[self.pos] in allowed:
            self.pos += 1
        return self.text[start : self.pos]

    def error(self, problem: str, at: int | None = None, hint: str = "") -> DateError:
        return DateError(problem, (self.pos if at is None else at) + self.offset, hint)

    def unexpected(self, after: str = "the date") -> DateError:
        found = self.peek()
        if found.isspace():
            return self.error("unexpected space; an EDTF date has no spaces", hint=FORMS_HINT)
        if found == "," and after == "the date":
            hint = "for one of several dates write a set, as in [1985,1987]"
            return self.error("unexpected ',' after the date", hint=hint)
        return self.error(f"unexpected {found!r} after {after}", hint=FORMS_HINT)


def read_qualifier(reader: Reader) -> Qualifier:
    found = reader.peek()
    if not found or found not in QUALIFIERS:
        return ""
    reader.pos += 1
    if reader.peek() and reader.peek() in QUALIFIERS:
        raise reader.error(
            "two qualifiers in a row",
            hint="use % for a date that is both approximate (~) and uncertain (?)",
        )
    return qualifier_char(found in "~%", found in "?%")


def merge(*found: Qualifier) -> Qualifier:
    return qualifier_char(any(q in ("~", "%") for q in found), any(q in ("?", "%") for q in found))


def read_year(reader: Reader) -> str:
    at = reader.pos
    if reader.peek() == "-":
        raise reader.error("years before 0001 are not supported", hint=FORMS_HINT)
    if reader.peek().isspace():
        raise reader.unexpected()
    year = reader.run("0123456789Xx")
    if "x" in year:
        raise reader.error("write an unspecified digit as a capital X", at + year.index("x"))
    if len(year) != 4:
        raise reader.error("expected a year of four digits", at, FORMS_HINT)
    if year == "XXXX":
        raise reader.error(
            "a year with no known digit (XXXX) is not accepted", at, "leave the date empty instead"
        )
    if not _TRAILING_X_YEAR.fullmatch(year):
        raise reader.error(
            "unspecified digits (X) must end the year, as in 198X or 19XX", at + year.index("X")
        )
    if year == "0000":
        raise reader.error("year 0000 is outside the years the catalogue supports (0001-9999)", at)
    return year


def read_two_digits(reader: Reader, what: str, example: str) -> str:
    """A two-character month or day: digits, or XX for an unspecified one."""
    at = reader.pos
    value = reader.run("0123456789Xx")
    if "x" in value:
        raise reader.error("write an unspecified digit as a capital X", at + value.index("x"))
    if len(value) != 2:
        raise reader.error(f"expected a {what} of two digits, as in {example}", at)
    if "X" in value and value != "XX":
        raise reader.error(f"a {what} is either two digits or XX", at)
    return value


def check_month(reader: Reader, month: str, at: int, *, seasons: bool = True) -> None:
    if month == "XX":
        return
    number = int(month)
    if 1 <= number <= 12 or (seasons and number in SEASON_MONTHS):
        return
    if seasons and 25 <= number <= 41:
        raise reader.error(
            f"season {month} is not supported",
            at,
            "use 21 (spring), 22 (summer), 23 (autumn) or 24 (winter)",
        )
    raise reader.error(f"month {month} does not exist", at)


def check_day(reader: Reader, day: str, at: int) -> None:
    if day != "XX" and not 1 <= int(day) <= 31:
        raise reader.error(f"day {day} does not exist", at)


def build_point(
    reader: Reader,
    year: str,
    month: str | None,
    day: str | None,
    qualifiers: tuple[Qualifier, Qualifier, Qualifier],
    positions: tuple[int, int, int],
) -> DatePoint:
    """A checked DatePoint; ``positions`` are where year, month and day start, for errors."""
    bounds = point_bounds(year, month, day)
    if bounds is None:
        _, month_at, day_at = positions
        if day is None:  # only a winter can run past the last supported year
            raise reader.error(
                f"{SEASON_NAMES[24]} {year} would end after 9999, the last supported year",
                month_at,
            )
        assert month is not None and month != "XX"
        where = _calendar.month_name[int(month)]
        if "X" not in year:
            where += f" {year}"
        raise reader.error(f"day {day} does not exist in {where}", day_at)
    lower, upper = bounds
    year_q, month_q, day_q = qualifiers
    # A whole-date qualifier arrives for every component; only written ones keep it.
    month_q = month_q if month is not None else ""
    day_q = day_q if day is not None else ""
    fuzzy_lower, fuzzy_upper = fuzzy_bounds(year, month, year_q, month_q, day_q, lower, upper)
    return DatePoint(
        year=year,
        month=month,
        day=day,
        year_qualifier=year_q,
        month_qualifier=month_q,
        day_qualifier=day_q,
        lower=lower,
        upper=upper,
        fuzzy_lower=fuzzy_lower,
        fuzzy_upper=fuzzy_upper,
    )
