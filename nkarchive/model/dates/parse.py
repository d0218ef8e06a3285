"""The one entry point that turns what an archivist typed into an EdtfDate."""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re
from functools import lru_cache

from nkarchive.model.dates.edtf import parse_edtf, single
from nkarchive.model.dates.juche import is_juche, parse_juche
from nkarchive.model.dates.reading import FORMS_HINT, Reader
from nkarchive.model.dates.types import DateError, DatePoint, EdtfDate


# Validation, bounds, the dossier, CSL and the timeline parse the same few dates again and
# again (an import of 45,000 records parses each date three times); EdtfDate is frozen, so a
# parsed date can be handed out to every caller. Errors are not cached: they are rare.
@lru_cache(maxsize=8192)  # about 1 kB a date: at most some 10 MB
def parse_date(text: str) -> EdtfDate:
    """Parse an EDTF date or a Juche date; raise DateError naming what is wrong and where.

    Surrounding whitespace is ignored; nothing else is corrected. Error positions count
    from the start of ``text`` as given, leading whitespace included.
    """
    return _plain_date(text) or _parsed(text)


# A plain year, month or day (most dates in a catalogue) is read without the full reader: an
# import or a bundle of thousands of distinct dates spent most of its date time there. Anything
# else, including a plain-looking date that names no real day, goes to the reader, which says
# what is wrong. A test checks both give the same EdtfDate for every plain date.
_PLAIN = re.compile(r"(\d{4})(?:-(0[1-9]|1[0-2])(?:-(\d{2}))?)?")


def _plain_date(text: str) -> EdtfDate | None:
    found = _PLAIN.fullmatch(text)
    if found is None:
        return None
    year, month, day = found.groups()
    number = int(year)
    if number == 0:
        return None
    if month is None:
        lower, upper = dt.date(number, 1, 1), dt.date(number, 12, 31)
    elif day is None:
        last = calendar.monthrange(number, int(month))[1]
        lower, upper = dt.date(number, int(month), 1), dt.date(number, int(month), last)
    else:
        try:
            lower = upper = dt.date(number, int(month), int(day))
        except ValueError:
            return None
    point = DatePoint(year, month, day, "", "", "", lower, upper, lower, upper)
    return single(point)


def _parsed(text: str) -> EdtfDate:
    stripped = text.strip()
    offset = len(text) - len(text.lstrip())
    if not stripped:
        raise DateError("enter a date", offset, FORMS_HINT)
    reader = Reader(stripped, offset)
    if is_juche(stripped):
        return dataclasses.replace(parse_juche(reader), original=stripped, juche=True)
    return dataclasses.replace(parse_edtf(reader), original=stripped)
