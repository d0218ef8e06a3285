"""EDTF dates (with Juche-year input): parsing, bounds for sorting and the timeline, words.

Pure Python: no Qt, no SQLAlchemy. ``parse_date`` is the entry point; see ``EdtfDate``.
"""

from __future__ import annotations

from nkarchive.model.dates.juche import JUCHE_OFFSET, gregorian_year, juche_year
from nkarchive.model.dates.parse import parse_date
from nkarchive.model.dates.ranges import match_mode, overlaps, sort_key
from nkarchive.model.dates.types import (
    EARLIEST_ISO,
    LATEST_ISO,
    PRECISION_ORDER,
    DateError,
    DatePoint,
    EdtfDate,
    Precision,
    SetMember,
)
from nkarchive.model.dates.words import describe, format_juche

__all__ = [
    "EARLIEST_ISO",
    "JUCHE_OFFSET",
    "LATEST_ISO",
    "PRECISION_ORDER",
    "DateError",
    "DatePoint",
    "EdtfDate",
    "Precision",
    "SetMember",
    "describe",
    "format_juche",
    "gregorian_year",
    "juche_year",
    "match_mode",
    "overlaps",
    "parse_date",
    "sort_key",
]
