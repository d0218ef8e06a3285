"""The value types of an EDTF date: one written calendar date, a set member, the whole date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

Precision = Literal["day", "month", "season", "year", "decade", "century", "millennium"]
Kind = Literal["single", "interval", "set"]
SetKind = Literal["one_of", "all_of"]
Qualifier = Literal["", "?", "~", "%"]

# Coarsest last: an interval or set reports the coarsest precision among its dates.
PRECISION_ORDER: tuple[Precision, ...] = (
    "day", "month", "season", "year", "decade", "century", "millennium",
)  # fmt: skip

#: Stored as ``date_lower`` for an open or unknown start, so such dates sort first.
EARLIEST_ISO = "0001-01-01"
#: Stored as ``date_upper`` for an open or unknown end, so such dates sort last.
LATEST_ISO = "9999-12-31"
EARLIEST = dt.date(1, 1, 1)
LATEST = dt.date(9999, 12, 31)


class DateError(ValueError):
    """A date an archivist typed that is not a valid EDTF (or Juche) date.

    ``position`` is the 0-based index into the text as passed to ``parse_date`` (before
    stripping); the message names the 1-based column, as a text field shows it.
    """

    def __init__(self, problem: str, position: int = 0, hint: str = "") -> None:
        self.problem = problem
        self.position = position
        self.hint = hint
        message = f"{problem} (at column {position + 1})"
        if hint:
            message += f"; {hint}"
        super().__init__(message)

    @property
    def column(self) -> int:
        return self.position + 1


def qualifier_char(approximate: bool, uncertain: bool) -> Qualifier:
    if approximate and uncertain:
        return "%"
    if approximate:
        return "~"
    if uncertain:
        return "?"
    return ""


@dataclass(frozen=True)
class DatePoint:
    """One calendar date as written: a year, a month or season of it, or a day.

    ``year`` is four characters, digits with trailing ``X`` for unspecified digits; ``month``
    is two digits, ``XX``, or a season 21-24; ``day`` is two digits or ``XX``. The qualifier
    of each component is "", "?" (uncertain), "~" (approximate) or "%" (both), already
    resolved from EDTF's left/right placement rules.
    """

    year: str
    month: str | None
    day: str | None
    year_qualifier: Qualifier
    month_qualifier: Qualifier
    day_qualifier: Qualifier
    lower: dt.date
    upper: dt.date
    fuzzy_lower: dt.date
    fuzzy_upper: dt.date

    @property
    def qualifiers(self) -> tuple[Qualifier, ...]:
        """The qualifiers of the components that are written, year first."""
        found: list[Qualifier] = [self.year_qualifier]
        if self.month is not None:
            found.append(self.month_qualifier)
        if self.day is not None:
            found.append(self.day_qualifier)
        return tuple(found)

    @property
    def approximate(self) -> bool:
        return any(q in ("~", "%") for q in self.qualifiers)

    @property
    def uncertain(self) -> bool:
        return any(q in ("?", "%") for q in self.qualifiers)

    @property
    def unspecified(self) -> bool:
        return "X" in self.year or "X" in (self.month or "") or "X" in (self.day or "")

    @property
    def is_season(self) -> bool:
        return self.month is not None and self.month.isdigit() and int(self.month) > 12

    @property
    def precision(self) -> Precision:
        unknown_year_digits = self.year.count("X")
        if unknown_year_digits:
            return ("decade", "century", "millennium")[unknown_year_digits - 1]
        if self.month is None or self.month == "XX":
            return "year"
        if self.is_season:
            return "season"
        if self.day is None or self.day == "XX":
            return "month"
        return "day"

    @property
    def text(self) -> str:
        """The canonical EDTF form.

        When every written component carries the same qualifier it goes once at the end
        (level 1, ``1985-07~``); otherwise each qualified component gets it on its left
        (level 2, ``?1985-07``), which says exactly which part is qualified.
        """
        parts = [(self.year, self.year_qualifier)]
        if self.month is not None:
            parts.append((self.month, self.month_qualifier))
        if self.day is not None:
            parts.append((self.day, self.day_qualifier))
        kinds = {q for _, q in parts}
        if len(kinds) == 1:
            return "-".join(value for value, _ in parts) + parts[0][1]
        return "-".join(q + value for value, q in parts)


@dataclass(frozen=True)
class SetMember:
    """One member of a set: a date (first is last), a range ``a..b``, or an open ``..b``/``a..``."""

    first: DatePoint | None
    last: DatePoint | None
    is_range: bool

    @property
    def text(self) -> str:
        if not self.is_range:
            assert self.first is not None
            return self.first.text
        left = self.first.text if self.first is not None else ""
        right = self.last.text if self.last is not None else ""
        return f"{left}..{right}"

    @property
    def points(self) -> tuple[DatePoint, ...]:
        if not self.is_range:
            return (self.first,) if self.first is not None else ()
        return tuple(p for p in (self.first, self.last) if p is not None)


@dataclass(frozen=True)
class EdtfDate:
    """A parsed date with the bounds and flags the catalogue stores and the timeline draws.

    ``lower``/``upper`` are ISO days: the earliest and latest day the date can mean. An open
    (``..``) or unknown (empty) end has the sentinel ``EARLIEST_ISO``/``LATEST_ISO`` there,
    and the matching flag says which it is. ``fuzzy_lower``/``fuzzy_upper`` widen an
    approximate end (``~`` or ``%``) by one unit of its finest approximate component (a day,
    a month, a season of three months, a year, or ten/hundred/thousand years for ``198X``,
    ``19XX``, ``1XXX``); otherwise they equal the bounds. Uncertainty (``?``) does not widen:
    it doubts the value, it does not say the truth is near it.
    """

    text: str
    original: str
    kind: Kind
    lower: str
    upper: str
    fuzzy_lower: str
    fuzzy_upper: str
    precision: Precision
    approximate: bool
    uncertain: bool
    unspecified: bool
    start_approximate: bool
    start_uncertain: bool
    end_approximate: bool
    end_uncertain: bool
    open_start: bool = False
    open_end: bool = False
    unknown_start: bool = False
    unknown_end: bool = False
    juche: bool = False
    set_kind: SetKind | None = None
    # A single date is ``start``; an interval has ``start`` and ``end`` (None where open or
    # unknown); a set has ``members``.
    start: DatePoint | None = None
    end: DatePoint | None = None
    members: tuple[SetMember, ...] = ()

    @property
    def lower_date(self) -> dt.date:
        return dt.date.fromisoformat(self.lower)

    @property
    def upper_date(self) -> dt.date:
        return dt.date.fromisoformat(self.upper)

    @property
    def lower_ordinal(self) -> int:
        return self.lower_date.toordinal()

    @property
    def upper_ordinal(self) -> int:
        return self.upper_date.toordinal()

    @property
    def fuzzy_lower_ordinal(self) -> int:
        return dt.date.fromisoformat(self.fuzzy_lower).toordinal()

    @property
    def fuzzy_upper_ordinal(self) -> int:
        return dt.date.fromisoformat(self.fuzzy_upper).toordinal()

    @property
    def is_day(self) -> bool:
        """True for one known day, which the timeline draws as a mark rather than a span."""
        return self.lower == self.upper
