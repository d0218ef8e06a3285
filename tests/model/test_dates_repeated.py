"""Dates parsed again and again (validation, bounds, the dossier, CSL) are parsed once and
shared: what every caller gets must be the same, unchangeable, and errors must still be raised."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nkarchive.model.dates import DateError, parse_date
from nkarchive.model.dates.parse import _parsed, _plain_date


def test_the_same_text_gives_the_same_date_every_time() -> None:
    first = parse_date("1985-07~")
    again = parse_date("1985-07~")
    assert again == first
    assert (again.lower, again.upper, again.approximate) == ("1985-07-01", "1985-07-31", True)
    assert parse_date(" 1985-07~ ").original == "1985-07~"


def test_a_shared_date_cannot_be_changed_by_one_caller() -> None:
    date = parse_date("1987/1989")
    with pytest.raises(dataclasses.FrozenInstanceError):
        date.lower = "1900-01-01"  # type: ignore[misc]
    assert parse_date("1987/1989").lower == "1987-01-01"


def test_a_bad_date_is_refused_every_time_it_is_entered() -> None:
    for _ in range(3):
        with pytest.raises(DateError, match="month"):
            parse_date("1985-13")


def test_juche_and_gregorian_texts_are_told_apart() -> None:
    juche = parse_date("주체74")
    assert juche.juche and juche.lower == "1985-01-01"
    assert not parse_date("1985").juche


@given(
    year=st.integers(0, 9999),
    month=st.one_of(st.none(), st.integers(0, 13)),
    day=st.one_of(st.none(), st.integers(0, 32)),
)
def test_plain_dates_read_quickly_are_the_dates_the_reader_gives(
    year: int, month: int | None, day: int | None
) -> None:
    text = f"{year:04d}" + (f"-{month:02d}" if month is not None else "")
    text += f"-{day:02d}" if month is not None and day is not None else ""
    quick = _plain_date(text)
    try:
        full = _parsed(text)
    except DateError:
        assert quick is None  # what names no real day is left to the reader, which says why
        return
    assert quick is None or quick == full
    if year > 0 and (month is None or 1 <= month <= 12):
        assert quick is not None  # every plain day, month or year takes the quick way
