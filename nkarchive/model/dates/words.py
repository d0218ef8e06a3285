"""Dates in words, for forms and hover text, and in the Juche form DPRK sources use."""

from __future__ import annotations

import calendar

from nkarchive.model.dates.calendar import SEASON_NAMES
from nkarchive.model.dates.juche import HANGUL_PREFIX, JUCHE_OFFSET, juche_year
from nkarchive.model.dates.parse import parse_date
from nkarchive.model.dates.types import DateError, DatePoint, EdtfDate, SetMember

_QUALITY = {"~": "approximate", "?": "uncertain", "%": "approximate and uncertain"}


def describe(date: EdtfDate | str) -> str:
    """The date in English words: "2 July 1985", "circa 1985", "between 1985 and 1987"."""
    parsed = parse_date(date) if isinstance(date, str) else date
    if parsed.kind == "set":
        return _set_words(parsed)
    if parsed.kind == "interval":
        return _interval_words(parsed)
    assert parsed.start is not None
    words = _point_words(parsed.start)
    if parsed.juche:
        return f"Juche {juche_year(int(parsed.start.year))} ({words})"
    return words


def _ordinal(number: int) -> str:
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


def _year_words(year: str) -> str:
    unknown = year.count("X")
    if unknown == 0:
        return str(int(year))
    if unknown == 1:
        return f"the {int(year[:3])}0s"
    if unknown == 2:
        return f"the {_ordinal(int(year[:2]) + 1)} century"
    return f"the years {year[0]}000 to {year[0]}999"


def _plain_words(point: DatePoint) -> str:
    """The date without its qualifiers."""
    year = _year_words(point.year)
    unknown_year = "X" in point.year
    of_year = f"of some year in {year}" if unknown_year else year
    if point.month is None:
        return f"some time in {year}" if unknown_year else year
    if point.is_season:
        return f"{SEASON_NAMES[int(point.month)]} {of_year}"
    if point.month == "XX":
        if point.day is None or point.day == "XX":
            return f"some time in {year}"
        return f"day {int(point.day)} of some month in {year}"
    month = calendar.month_name[int(point.month)]
    if point.day is None:
        return f"{month} {of_year}"
    if point.day == "XX":
        return f"some day in {month} {of_year}"
    return f"{int(point.day)} {month} {of_year}"


def _point_words(point: DatePoint, *, embedded: bool = False) -> str:
    """With qualifiers: "circa 1985", "1985, uncertain", "July 1985, year uncertain".

    ``embedded`` puts the notes in parentheses, for a date inside a longer phrase.
    """
    words = _plain_words(point)
    qualifiers = point.qualifiers
    if not any(qualifiers):
        return words
    if len(set(qualifiers)) == 1:
        qualifier = qualifiers[0]
        note = _QUALITY[qualifier]
        # "circa some time in the 1980s" reads badly; such phrases take the note after.
        if qualifier in "~%" and not words.startswith("some"):
            words = f"circa {words}"
            note = "uncertain" if qualifier == "%" else ""
    else:
        names = ("year", "season" if point.is_season else "month", "day")
        note = ", ".join(
            f"{n} {_QUALITY[q]}"
            for n, q in zip(names[: len(qualifiers)], qualifiers, strict=True)
            if q
        )
    if not note:
        return words
    return f"{words} ({note})" if embedded else f"{words}, {note}"


def _interval_words(date: EdtfDate) -> str:
    start = _point_words(date.start, embedded=True) if date.start is not None else ""
    end = _point_words(date.end, embedded=True) if date.end is not None else ""
    if date.start is not None and date.end is not None:
        return f"between {start} and {end}"
    if date.start is None:
        return f"up to {end} ({'open start' if date.open_start else 'start unknown'})"
    return f"from {start} on ({'open end' if date.open_end else 'end unknown'})"


def _member_words(member: SetMember, one_of: bool) -> str:
    first = _point_words(member.first, embedded=True) if member.first is not None else ""
    last = _point_words(member.last, embedded=True) if member.last is not None else ""
    if not member.is_range:
        return first
    if member.first is None:
        return f"on or before {last}" if one_of else f"all dates up to {last}"
    if member.last is None:
        return f"{first} or later" if one_of else f"all dates from {first} on"
    return f"{'one' if one_of else 'all'} of {first} to {last}"


def _set_words(date: EdtfDate) -> str:
    one_of = date.set_kind == "one_of"
    phrases = [_member_words(m, one_of) for m in date.members]
    if len(phrases) == 1:
        return phrases[0]
    return f"{', '.join(phrases[:-1])} {'or' if one_of else 'and'} {phrases[-1]}"


def format_juche(date: EdtfDate | str, *, hangul: bool = False) -> str:
    """A single date as a Juche date that parses back to it.

    ``Juche 74``, ``Juche 74-07-02~``; with ``hangul``, the DPRK printed form
    ``주체74(1985)년 7월 2일``. Raises DateError for dates before 1912, intervals, sets,
    seasons, unspecified digits, or qualifiers on only part of a date, none of which have
    a Juche form.
    """

    parsed = parse_date(date) if isinstance(date, str) else date
    point = parsed.start
    if parsed.kind != "single" or point is None or point.unspecified or point.is_season:
        raise DateError(f"{parsed.text} has no Juche form; only a year, month or day has one")
    if len(set(point.qualifiers)) != 1:
        raise DateError(f"{parsed.text} has no Juche form: a qualifier must cover the whole date")
    year = int(point.year)
    if year <= JUCHE_OFFSET:
        raise DateError(f"{year} is before Juche 1 (1912)")
    qualifier = point.qualifiers[0]
    if hangul:
        text = f"{HANGUL_PREFIX}{juche_year(year)}({year})년"
        if point.month is not None:
            text += f" {int(point.month)}월"
        if point.day is not None:
            text += f" {int(point.day)}일"
        return text + qualifier
    text = f"Juche {juche_year(year)}"
    for part in (point.month, point.day):
        if part is not None:
            text += f"-{part}"
    return text + qualifier
