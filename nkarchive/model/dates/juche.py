"""Juche years (the DPRK calendar era: Juche 1 is 1912), read and written as DPRK sources do."""

from __future__ import annotations

from nkarchive.model.dates.edtf import single
from nkarchive.model.dates.reading import (
    Reader,
    build_point,
    check_day,
    check_month,
    read_qualifier,
    read_two_digits,
)
from nkarchive.model.dates.types import EdtfDate

JUCHE_OFFSET = 1911
HANGUL_PREFIX = "주체"
LATIN_PREFIX = "juche"
_JUCHE_HINT = "as in 주체74, Juche 74, 주체74(1985), 주체74(1985)년 7월 2일 or Juche 74-07-02"


def juche_year(gregorian: int) -> int:
    """The Juche year of a Gregorian year from 1912 on (1985 → 74)."""
    if gregorian < 1 + JUCHE_OFFSET:
        raise ValueError(f"{gregorian} is before Juche 1 (1912)")
    return gregorian - JUCHE_OFFSET


def gregorian_year(juche: int) -> int:
    """The Gregorian year of a Juche year (74 → 1985)."""
    if juche < 1:
        raise ValueError(f"Juche {juche} does not exist; Juche 1 is 1912")
    return juche + JUCHE_OFFSET


def is_juche(text: str) -> bool:
    return text.startswith(HANGUL_PREFIX) or text[: len(LATIN_PREFIX)].lower() == LATIN_PREFIX


def parse_juche(reader: Reader) -> EdtfDate:
    """A Juche date, in the EDTF-like or the Korean written form, as a Gregorian EdtfDate.

    Accepted: ``주체74``, ``주체 74``, ``Juche 74`` (any case, space optional), with an
    optional Gregorian year in parentheses that must agree (``주체74(1985)``), then either
    ``-07`` / ``-07-02`` or the Korean ``년``, ``년 7월``, ``년 7월 2일``, then optionally one
    qualifier for the whole date (``~``, ``?``, ``%``).
    """
    prefix = HANGUL_PREFIX if reader.startswith(HANGUL_PREFIX) else reader.text[:5]
    reader.pos += len(prefix)
    reader.run(" ")
    year_at = reader.pos
    digits = reader.run("0123456789")
    if not digits or digits.startswith("0") or len(digits) > 4:
        if digits and int(digits) == 0:
            raise reader.error("Juche 0 does not exist; Juche 1 is 1912", year_at)
        raise reader.error(f"expected a Juche year after '{prefix}'", year_at, _JUCHE_HINT)
    gregorian = gregorian_year(int(digits))
    if gregorian > 9999:
        raise reader.error(f"Juche {digits} is after 9999, the last supported year", year_at)
    year = f"{gregorian:04d}"
    _read_gregorian_check(reader, digits, gregorian)
    month = day = None
    month_at = day_at = reader.pos
    if reader.peek() == "년":
        reader.pos += 1
        if reader.peek() == " ":
            reader.run(" ")
            month_at = reader.pos
            month = _read_korean_number(reader, "월", "month")
            check_month(reader, month, month_at, seasons=False)
            if reader.peek() == " ":
                reader.run(" ")
                day_at = reader.pos
                day = _read_korean_number(reader, "일", "day")
                check_day(reader, day, day_at)
    elif reader.peek() == "-":
        reader.pos += 1
        month_at = reader.pos
        month = _read_known(reader, "month", "Juche 74-07")
        check_month(reader, month, month_at, seasons=False)
        if reader.peek() == "-":
            reader.pos += 1
            day_at = reader.pos
            day = _read_known(reader, "day", "Juche 74-07-02")
            check_day(reader, day, day_at)
    qualifier = read_qualifier(reader)
    if not reader.at_end():
        raise reader.unexpected("the Juche date")
    point = build_point(
        reader, year, month, day, (qualifier, qualifier, qualifier), (year_at, month_at, day_at)
    )
    return single(point)


def _read_gregorian_check(reader: Reader, juche: str, gregorian: int) -> None:
    """An optional ``(1985)`` after the Juche year, as DPRK print gives it; it must agree."""
    save = reader.pos
    reader.run(" ")
    if reader.peek() != "(":
        reader.pos = save
        return
    reader.pos += 1
    at = reader.pos
    digits = reader.run("0123456789")
    if len(digits) != 4:
        raise reader.error("expected the Gregorian year of four digits in the parentheses", at)
    if int(digits) != gregorian:
        raise reader.error(f"Juche {juche} is {gregorian}, not {digits}", at)
    if reader.peek() != ")":
        raise reader.error("expected ')' after the Gregorian year")
    reader.pos += 1


def _read_korean_number(reader: Reader, unit: str, what: str) -> str:
    at = reader.pos
    digits = reader.run("0123456789")
    if not 1 <= len(digits) <= 2:
        raise reader.error(f"expected the {what} as a number followed by {unit}", at, _JUCHE_HINT)
    if reader.peek() != unit:
        raise reader.error(f"expected {unit} after the {what}", hint=_JUCHE_HINT)
    reader.pos += 1
    return f"{int(digits):02d}"


def _read_known(reader: Reader, what: str, example: str) -> str:
    at = reader.pos
    value = read_two_digits(reader, what, example)
    if value == "XX":
        raise reader.error("unspecified digits (X) are not accepted in a Juche date", at)
    return value
