"""The `romanize` command: every scheme's form of a Hangul title, name or place, and its search key."""

from __future__ import annotations

import argparse
import json
from typing import Any

from nkarchive.korean import KINDS, romanize_all

LABELS = {
    "mr": "McCune–Reischauer",
    "mr_ascii": "MR without diacritics",
    "rr": "Revised Romanization",
    "alalc": "ALA-LC",
    "dprk": "DPRK",
    "dprk_ascii": "DPRK without breves",
    "search_key": "search key",
}


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "romanize",
        help="romanize Hangul in every scheme (MR, RR, ALA-LC, DPRK) and show its search key",
    )
    parser.add_argument("text", metavar="TEXT", help="Hangul text, e.g. 불가사리 or 김정일")
    parser.add_argument(
        "--kind",
        choices=KINDS,
        default="title",
        help="title or running text (default), personal name, or place or organisation",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(func=handle_romanize)


def handle_romanize(args: argparse.Namespace) -> int:
    forms = romanize_all(args.text, kind=args.kind)
    if args.json:
        print(json.dumps(forms, ensure_ascii=False))
        return 0
    width = max(len(label) for label in LABELS.values())
    for scheme, label in LABELS.items():
        print(f"{label:<{width}}  {forms[scheme]}")
    return 0
