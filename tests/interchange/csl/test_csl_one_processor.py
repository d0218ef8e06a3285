"""One processor, several formats: a bundle asks one processor for HTML and then text, and each
must be what citeproc-js gives (the bibliography is rendered once and converted per format)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from nkarchive.interchange.csl import BUNDLED_STYLES, load_style

REFERENCE = Path(__file__).parent / "reference"
ITEMS: list[dict[str, Any]] = json.loads((REFERENCE / "items.json").read_text(encoding="utf-8"))


def expected(style: str, kind: str) -> list[str]:
    data: dict[str, list[str]] = json.loads(
        (REFERENCE / "expected" / f"{style}.json").read_text(encoding="utf-8")
    )
    return data[kind]


@pytest.mark.parametrize("style", sorted(BUNDLED_STYLES))
def test_one_processor_gives_each_format_as_citeproc_js_does(style: str) -> None:
    csl = load_style(style)
    processor = csl.processor(ITEMS)
    html = processor.bibliography("html")
    rtf = processor.bibliography("rtf")
    text = processor.bibliography("text")
    assert html == expected(style, "bibliography_html")
    assert text == expected(style, "bibliography_text")
    assert rtf == csl.bibliography(ITEMS, format="rtf")  # as a processor of its own gives it
    assert processor.bibliography("html") == html  # asking again changes nothing


def test_citations_after_the_bibliography_are_unchanged() -> None:
    processor = load_style("chicago-notes-bibliography").processor(ITEMS)
    processor.bibliography("text")
    first_ids = [item["id"] for item in ITEMS]
    assert [processor.cite([item_id]) for item_id in first_ids] == expected(
        "chicago-notes-bibliography", "single_citations_text"
    )
