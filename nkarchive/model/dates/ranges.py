"""Range queries and ordering over dates' stored bounds."""

from __future__ import annotations

from typing import Literal

from nkarchive.model.dates.parse import parse_date
from nkarchive.model.dates.types import EARLIEST_ISO, LATEST_ISO, EdtfDate

MatchMode = Literal["auto", "within", "intersects"]


def match_mode(date: EdtfDate) -> Literal["within", "intersects"]:
    """How a date meets a query window when the caller does not choose.

    A single date, or a one-of set (``[1985,1987]``), is one day we cannot pin down: it
    belongs to "the 1980s" only if every day it could be lies within the window, so
    ``19XX`` or ``[..1972]`` do not turn up in a search for 1980..1989. An interval
    (``1985/1987``) or an all-of set (``{1985,1987}``) is something that lasted or
    recurred: it belongs to any window it touches, so a 1985/1987 run matches 1986.
    """
    if date.kind == "interval" or date.set_kind == "all_of":
        return "intersects"
    return "within"


def overlaps(
    date: EdtfDate | str,
    lower_iso: str | None,
    upper_iso: str | None,
    *,
    mode: MatchMode = "auto",
) -> bool:
    """Whether a date belongs to the query window ``lower_iso..upper_iso`` (ISO days, inclusive).

    A missing window end is unbounded. ``within`` means ``lower >= window lower and upper <=
    window upper``; ``intersects`` means ``lower <= window upper and upper >= window lower``;
    ``auto`` picks by ``match_mode``. Only the strict bounds count, never the fuzzy ones.
    Open and unknown ends carry the sentinel bounds, so an open or unknown start reaches
    back to the earliest day: such a date is never *within* a window with a lower end, and
    an interval with an unknown start *intersects* every window before its end, because it
    may have begun at any time. The same rules in SQL over the stored columns:
    within ``date_lower >= :lo AND date_upper <= :hi``; intersects ``date_lower <= :hi AND
    date_upper >= :lo``; auto chooses intersects where ``date LIKE '%/%' OR date LIKE '{%'``.
    """
    parsed = parse_date(date) if isinstance(date, str) else date
    low = lower_iso or EARLIEST_ISO
    high = upper_iso or LATEST_ISO
    chosen = match_mode(parsed) if mode == "auto" else mode
    if chosen == "within":
        return parsed.lower >= low and parsed.upper <= high
    return parsed.lower <= high and parsed.upper >= low


def sort_key(date: EdtfDate | str) -> tuple[str, str, str]:
    """Earliest possible day first, then the narrower date, then the text, so sorting is total.

    The same order as ``ORDER BY date_lower, date_upper, date`` on the stored columns; open
    and unknown starts come first, open and unknown ends last among equal starts.
    """
    parsed = parse_date(date) if isinstance(date, str) else date
    return parsed.lower, parsed.upper, parsed.text
