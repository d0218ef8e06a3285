"""Each kind of date becomes its own kind of mark, over the days it can mean."""

from __future__ import annotations

import datetime as dt

import pytest

from nkarchive.timeline.marks import OPEN_END, OPEN_START, UNCERTAIN, MarkKind, mark_for_text


def day(text: str) -> int:
    return dt.date.fromisoformat(text).toordinal()


@pytest.mark.parametrize(
    ("text", "kind", "first", "last"),
    [
        ("1985-07-02", MarkKind.DAY, "1985-07-02", "1985-07-02"),
        ("1985-07", MarkKind.PERIOD, "1985-07-01", "1985-07-31"),
        ("1985", MarkKind.PERIOD, "1985-01-01", "1985-12-31"),
        ("1985-22", MarkKind.PERIOD, "1985-06-01", "1985-08-31"),
        ("1985~", MarkKind.APPROXIMATE, "1984-01-01", "1986-12-31"),
        ("198X", MarkKind.UNSPECIFIED, "1980-01-01", "1989-12-31"),
        ("1985/1987", MarkKind.RANGE, "1985-01-01", "1987-12-31"),
        ("[1985,1987]", MarkKind.RANGE, "1985-01-01", "1987-12-31"),
        ("[..1972]", MarkKind.OPEN, "1962-12-31", "1972-12-31"),
        ("1985/..", MarkKind.OPEN, "1985-01-01", "1995-01-02"),
    ],
)
def test_kind_and_drawn_extent(text: str, kind: MarkKind, first: str, last: str) -> None:
    mark = mark_for_text(text)
    assert mark is not None
    assert mark.kind == kind
    assert (mark.draw_lower, mark.draw_upper) == (day(first), day(last))


def test_flags_say_what_is_open_or_doubted() -> None:
    assert mark_for_text("[..1972]").flags & OPEN_START  # type: ignore[union-attr]
    assert mark_for_text("1985/..").flags & OPEN_END  # type: ignore[union-attr]
    assert mark_for_text("1985?").flags == UNCERTAIN  # type: ignore[union-attr]
    assert mark_for_text("1985?").kind == MarkKind.PERIOD  # type: ignore[union-attr]


def test_dates_that_cannot_be_placed_have_no_mark() -> None:
    assert mark_for_text("../..") is None
    assert mark_for_text("not a date") is None


@pytest.mark.parametrize(
    "text",
    [
        "1985",
        "1985-02",
        "1984-02",
        "1985-12",
        "1985-07-02",
        "2000-02-29",
        "1985-21",
        "1985-13",
        "1985-02-30",
        "0000",
    ],
)
def test_plain_dates_read_quickly_agree_with_the_parser(text: str) -> None:
    from nkarchive.model.dates import DateError, parse_date
    from nkarchive.timeline.marks import _plain_mark, mark_for

    try:
        expected = mark_for(parse_date(text))
    except DateError:
        expected = None
    quick = _plain_mark(text)
    assert quick is None or quick == expected
    assert mark_for_text(text) == expected
