"""The one entry point that turns what an archivist typed into an EdtfDate."""

from __future__ import annotations

import dataclasses
from functools import lru_cache

from nkarchive.model.dates.edtf import parse_edtf
from nkarchive.model.dates.juche import is_juche, parse_juche
from nkarchive.model.dates.reading import FORMS_HINT, Reader
from nkarchive.model.dates.types import DateError, EdtfDate


# Validation, bounds, the dossier, CSL and the timeline parse the same few dates again and
# again (an import of 45,000 records parses each date three times); EdtfDate is frozen, so a
# parsed date can be handed out to every caller. Errors are not cached: they are rare.
@lru_cache(maxsize=8192)  # about 1 kB a date: at most some 10 MB
def parse_date(text: str) -> EdtfDate:
    """Parse an EDTF date or a Juche date; raise DateError naming what is wrong and where.

    Surrounding whitespace is ignored; nothing else is corrected. Error positions count
    from the start of ``text`` as given, leading whitespace included.
    """
    stripped = text.strip()
    offset = len(text) - len(text.lstrip())
    if not stripped:
        raise DateError("enter a date", offset, FORMS_HINT)
    reader = Reader(stripped, offset)
    if is_juche(stripped):
        return dataclasses.replace(parse_juche(reader), original=stripped, juche=True)
    return dataclasses.replace(parse_edtf(reader), original=stripped)
