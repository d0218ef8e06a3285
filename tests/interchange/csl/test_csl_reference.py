"""Our CSL processor against citeproc-js: the reference outputs in reference/expected/.

The outputs were made by reference/make_reference.js from reference/items.json; regenerate them
there (npm install && node make_reference.js) when the bundled styles or items change.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pytest

from nkarchive.interchange.csl import BUNDLED_STYLES, load_style

REFERENCE = Path(__file__).parent / "reference"
ITEMS: list[dict[str, Any]] = json.loads((REFERENCE / "items.json").read_text(encoding="utf-8"))
CLUSTERS: list[list[dict[str, Any]]] = json.loads(
    (REFERENCE / "citations.json").read_text(encoding="utf-8")
)
# (style, kind, index) -> why our output differs from citeproc-js. Empty: every entry matches.
EXPECTED_FAILURES: dict[tuple[str, str, int], str] = {}
REQUIRED_MATCH_RATE = 0.95


def expected(style: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (REFERENCE / "expected" / f"{style}.json").read_text(encoding="utf-8")
    )
    return data


@functools.cache
def ours(style: str) -> dict[str, list[str]]:
    csl = load_style(style)
    cluster_processor = csl.processor(ITEMS)
    single_processor = csl.processor(ITEMS)
    return {
        "bibliography_text": csl.bibliography(ITEMS, format="text"),
        "bibliography_html": csl.bibliography(ITEMS, format="html"),
        "citations_text": [cluster_processor.cite(cites) for cites in CLUSTERS],
        "single_citations_text": [single_processor.cite([item["id"]]) for item in ITEMS],
    }


def test_there_are_enough_realistic_items() -> None:
    assert len(ITEMS) >= 40
    types = {item["type"] for item in ITEMS}
    assert {
        "book",
        "chapter",
        "article-newspaper",
        "article-magazine",
        "motion_picture",
        "broadcast",
        "webpage",
        "thesis",
        "interview",
    } <= types


@pytest.mark.parametrize("style", sorted(BUNDLED_STYLES))
@pytest.mark.parametrize(
    "kind", ["bibliography_text", "bibliography_html", "citations_text", "single_citations_text"]
)
def test_matches_citeproc_js(style: str, kind: str) -> None:
    want = expected(style)[kind]
    got = ours(style)[kind]
    assert len(got) == len(want), f"{style} {kind}: {len(got)} entries, citeproc-js has {len(want)}"
    mismatches = [
        (index, w, g)
        for index, (w, g) in enumerate(zip(want, got, strict=True))
        if w != g and (style, kind, index) not in EXPECTED_FAILURES
    ]
    matched = sum(1 for w, g in zip(want, got, strict=True) if w == g)
    assert matched / len(want) >= REQUIRED_MATCH_RATE
    assert not mismatches, "\n".join(f"#{i}\n want: {w}\n  got: {g}" for i, w, g in mismatches)
