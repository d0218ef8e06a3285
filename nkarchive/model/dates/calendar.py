"""Calendar arithmetic for EDTF dates: the bounds of a written date and their fuzzy widening."""

from __future__ import annotations

import calendar as _calendar
import datetime as dt

from nkarchive.model.dates.types import EARLIEST, LATEST, Qualifier

#: Seasons (EDTF level 1, codes 21-24) as months of the northern hemisphere, where Korea is;
#: winter runs from December into February of the next year.
SEASON_MONTHS: dict[int, tuple[int, int]] = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 14)}
SEASON_NAMES: dict[int, str] = {21: "spring", 22: "summer", 23: "autumn", 24: "winter"}


def days_in_month(year: int, month: int) -> int:
    return _calendar.monthrange(year, month)[1]


def year_range(year: str) -> tuple[int, int]:
    """The first and last year a four-character year with trailing X digits can mean."""
    return max(1, int(year.replace("X", "0"))), int(year.replace("X", "9"))


def point_bounds(year: str, month: str | None, day: str | None) -> tuple[dt.date, dt.date] | None:
    """The earliest and latest day a written date can mean, or None when it names no real day.

    Month and day are already checked to be in range on their own (01-12 or 21-24, 01-31,
    or XX); what remains is whether the day exists in any month and year the date allows.
    """
    first_year, last_year = year_range(year)
    if month is None:
        return dt.date(first_year, 1, 1), dt.date(last_year, 12, 31)
    if month != "XX" and int(month) in SEASON_MONTHS:
        first_month, last_month = SEASON_MONTHS[int(month)]
        if last_month > 12:
            if last_year == 9999:
                return None
            last_year, last_month = last_year + 1, last_month - 12
        end_day = days_in_month(last_year, last_month)
        return dt.date(first_year, first_month, 1), dt.date(last_year, last_month, end_day)
    first_month, last_month = (1, 12) if month == "XX" else (int(month), int(month))
    if day is None or day == "XX":
        end_day = days_in_month(last_year, last_month)
        return dt.date(first_year, first_month, 1), dt.date(last_year, last_month, end_day)
    wanted = int(day)
    # With X digits or an XX month the day must exist in at least one allowed month; the
    # bounds are the first and the last month in which it does (29 February needs a leap year).
    candidates = _months_with_day(first_year, last_year, first_month, last_month, wanted)
    if not candidates:
        return None
    (y0, m0), (y1, m1) = min(candidates), max(candidates)
    return dt.date(y0, m0, wanted), dt.date(y1, m1, wanted)


def _months_with_day(
    first_year: int, last_year: int, first_month: int, last_month: int, wanted: int
) -> list[tuple[int, int]]:
    """The earliest and latest (year, month) in the ranges whose month has the wanted day."""
    months = range(first_month, last_month + 1)
    found: list[tuple[int, int]] = []
    for years in (range(first_year, last_year + 1), range(last_year, first_year - 1, -1)):
        for y in years:
            hits = [m for m in months if wanted <= days_in_month(y, m)]
            if hits:
                found.extend((y, m) for m in hits)
                break
    return found


def add_months(day: dt.date, months: int, *, month_end: bool) -> dt.date:
    """Shift by whole months, clamped to the supported years; ``month_end`` keeps a last day last."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    if year < 1:
        return EARLIEST
    if year > 9999:
        return LATEST
    last = days_in_month(year, month)
    is_last = day.day == days_in_month(day.year, day.month)
    return dt.date(year, month, last if month_end and is_last else min(day.day, last))


def fuzzy_bounds(
    year: str,
    month: str | None,
    year_qualifier: Qualifier,
    month_qualifier: Qualifier,
    day_qualifier: Qualifier,
    lower: dt.date,
    upper: dt.date,
) -> tuple[dt.date, dt.date]:
    """Widen approximate bounds by one unit of the finest approximate component."""

    def approximate(q: Qualifier) -> bool:
        return q in ("~", "%")

    if approximate(day_qualifier):
        low = lower - dt.timedelta(days=1) if lower > EARLIEST else lower
        high = upper + dt.timedelta(days=1) if upper < LATEST else upper
        return low, high
    if approximate(month_qualifier):
        season = month is not None and month != "XX" and int(month) > 12
        months = 3 if season else 1
    elif approximate(year_qualifier):
        months = 12 * 10 ** year.count("X")
    else:
        return lower, upper
    return (
        add_months(lower, -months, month_end=False),
        add_months(upper, months, month_end=True),
    )
