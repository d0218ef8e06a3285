"""What kind of mark a date is drawn as, and the days the mark covers.

Every kind says something different about what is known, so each is drawn differently (see the
legend in the widget): a known day is a point; a month, season or year is a span over it; an
approximate date a span with soft edges out to its fuzzy bounds; unspecified digits (``198X``) a
hatched span; a range or set (``1985/1987``, ``[1985,1987]``) a bracketed span; an open end
(``[..1972]``, ``1985/..``) a bar that fades out towards the open side.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from enum import IntEnum
from functools import lru_cache

from nkarchive.model.dates import DateError, EdtfDate, parse_date

#: How far back (or on) an open end is drawn fading out: ten years.
OPEN_FADE_DAYS = 3653


class MarkKind(IntEnum):
    DAY = 0
    PERIOD = 1  # month, season or year precision
    APPROXIMATE = 2  # ~ or %
    UNSPECIFIED = 3  # 198X, 1985-XX
    RANGE = 4  # an interval or a set
    OPEN = 5  # an open or unknown end


MARK_NAMES: dict[MarkKind, str] = {
    MarkKind.DAY: "known day",
    MarkKind.PERIOD: "month or year",
    MarkKind.APPROXIMATE: "approximate (~)",
    MarkKind.UNSPECIFIED: "unspecified digits (198X)",
    MarkKind.RANGE: "range or set (1985/1987)",
    MarkKind.OPEN: "open end ([..1972])",
}

# Flags stored with each mark.
UNCERTAIN = 1
OPEN_START = 2
OPEN_END = 4


@dataclass(frozen=True)
class Mark:
    """A date as the timeline draws it. Days are ordinals; ``draw_*`` is the inclusive extent drawn."""

    kind: MarkKind
    lower: int  # the strict bounds, where known (open ends get the drawn extent)
    upper: int
    draw_lower: int  # includes the soft edges of an approximate date and the fade of an open end
    draw_upper: int
    flags: int

    @property
    def uncertain(self) -> bool:
        return bool(self.flags & UNCERTAIN)


def mark_for(date: EdtfDate) -> Mark | None:
    """The mark of a parsed date; None for a date open at both ends (nothing to place)."""
    open_start = date.open_start or date.unknown_start
    open_end = date.open_end or date.unknown_end
    flags = UNCERTAIN if date.uncertain else 0
    if open_start and open_end:
        return None
    lower = date.lower_ordinal if not open_start else 0
    upper = date.upper_ordinal if not open_end else 0
    if open_start:
        lower = upper - OPEN_FADE_DAYS
        return Mark(MarkKind.OPEN, lower, upper, lower, upper, flags | OPEN_START)
    if open_end:
        upper = lower + OPEN_FADE_DAYS
        return Mark(MarkKind.OPEN, lower, upper, lower, upper, flags | OPEN_END)
    fuzzy_lower, fuzzy_upper = date.fuzzy_lower_ordinal, date.fuzzy_upper_ordinal
    if date.kind in ("interval", "set"):
        kind = MarkKind.RANGE
    elif date.unspecified:
        kind = MarkKind.UNSPECIFIED
    elif date.approximate:
        kind = MarkKind.APPROXIMATE
    elif date.is_day:
        kind = MarkKind.DAY
    else:
        kind = MarkKind.PERIOD
    return Mark(kind, lower, upper, fuzzy_lower, fuzzy_upper, flags)


@lru_cache(maxsize=200_000)
def mark_for_text(text: str) -> Mark | None:
    """The mark of a stored date string; None when it cannot be placed on the axis.

    Cached: a large catalogue has far fewer distinct date strings than events.
    """
    plain = _plain_mark(text)
    if plain is not None:
        return plain
    try:
        return mark_for(parse_date(text))
    except (DateError, ValueError, OverflowError):
        return None


_PLAIN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _plain_mark(text: str) -> Mark | None:
    """A plain year, month or day (most stored dates) without the full EDTF parser; None for
    anything else, which the parser then reads."""
    found = _PLAIN.match(text)
    if not found:
        return None
    year, month, day = (int(part) if part else 0 for part in found.groups())
    try:
        if day:
            lower = upper = dt.date(year, month, day).toordinal()
            return Mark(MarkKind.DAY, lower, upper, lower, upper, 0)
        if month:
            if not 1 <= month <= 12:
                return None  # a season (21-24) or an error: the parser knows
            lower = dt.date(year, month, 1).toordinal()
            upper = lower + calendar.monthrange(year, month)[1] - 1
        else:
            lower = dt.date(year, 1, 1).toordinal()
            upper = dt.date(year, 12, 31).toordinal()
    except ValueError:
        return None
    if year == 0:
        return None
    return Mark(MarkKind.PERIOD, lower, upper, lower, upper, 0)


def day_of(iso_text: str) -> int:
    return dt.date.fromisoformat(iso_text).toordinal()
