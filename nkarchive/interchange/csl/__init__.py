"""A CSL 1.0.2 citation processor: CSL styles and CSL-JSON items in, citations and bibliographies
out as plain text, HTML or RTF. No Qt and no network: styles and the locale ship in resources/.

    style = load_style("chicago-author-date")       # or a path to any .csl file
    entries = style.bibliography(items, format="html")
    processor = style.processor(items)               # citations in document order
    note = processor.cite([{"id": "kcna-1987", "locator": "3"}])
"""

from __future__ import annotations

from nkarchive.interchange.csl.errors import CslError
from nkarchive.interchange.csl.processor import FORMATS, CitationProcessor
from nkarchive.interchange.csl.style import (
    BUNDLED_STYLES,
    Style,
    load_style,
    style_from_string,
)

__all__ = [
    "BUNDLED_STYLES",
    "FORMATS",
    "CitationProcessor",
    "CslError",
    "Style",
    "load_style",
    "style_from_string",
]
