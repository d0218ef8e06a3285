"""Benchmark: a 1,000-entry bibliography in Chicago author-date (target: under 2 s).

Run: .venv/bin/python tests/perf/bench_csl.py [--entries N] [--style NAME]
The items are the reference fixtures varied (ids, titles, names, years), so every entry is
distinct and sorting and year-suffix disambiguation do real work.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import random
import time
from pathlib import Path
from typing import Any

from nkarchive.interchange.csl import load_style

FIXTURES = Path(__file__).resolve().parents[1] / "interchange" / "csl" / "reference" / "items.json"
TARGET_SECONDS = 2.0
FAMILY_NAMES = ["Kim", "Ri", "Pak", "Choe", "Jong", "Kang", "Han", "O", "Yun", "Jang", "김", "리"]
GIVEN_NAMES = ["Jong-su", "Myong-hui", "Chol", "Song-ae", "Kwang-ho", "Un-ju", "Hak", "철수"]


def synthetic_items(count: int, seed: int = 1985) -> list[dict[str, Any]]:
    base: list[dict[str, Any]] = [
        item
        for item in json.loads(FIXTURES.read_text(encoding="utf-8"))
        # Chicago cites a personal communication in the text only, never in the bibliography:
        # leave it out so that 1,000 items make 1,000 entries.
        if item.get("type") != "personal_communication"
    ]
    rng = random.Random(seed)
    items: list[dict[str, Any]] = []
    for n in range(count):
        item = copy.deepcopy(base[n % len(base)])
        item["id"] = f"{item['id']}-{n}"
        item["title"] = f"{item.get('title', 'Untitled')} {n // len(base) + 1}"
        for role in ("author", "director", "editor"):
            for name in item.get(role, []):
                if "family" in name and rng.random() < 0.7:
                    name["family"] = rng.choice(FAMILY_NAMES)
                    name["given"] = rng.choice(GIVEN_NAMES)
        if "issued" in item and "date-parts" in item["issued"]:
            item["issued"]["date-parts"][0][0] = rng.randint(1949, 2023)
        items.append(item)
    return items


def _cpu() -> float:
    """User + system seconds of this process (os.times(), as the other benchmarks report)."""
    times = os.times()
    return times.user + times.system


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entries", type=int, default=1000)
    parser.add_argument("--style", default="chicago-author-date")
    parser.add_argument("--format", default="text")
    args = parser.parse_args()
    items = synthetic_items(args.entries)
    started = time.perf_counter()
    cpu_started = _cpu()
    style = load_style(args.style)
    loaded = time.perf_counter()
    entries = style.bibliography(items, format=args.format)
    finished = time.perf_counter()
    cpu = _cpu() - cpu_started
    total = finished - started
    # CPU time is shown too: on a shared, busy machine wall-clock time includes waiting.
    if len(entries) != len(items):
        print(f"note: {len(items) - len(entries)} item(s) have no entry in {args.style}")
    print(
        f"{len(entries)} entries in {args.style} ({args.format}): {total:.2f} s wall, "
        f"{cpu:.2f} s CPU (style load {loaded - started:.2f} s, formatting "
        f"{finished - loaded:.2f} s); target {TARGET_SECONDS:.1f} s: "
        f"{'met' if total < TARGET_SECONDS else 'MISSED'}"
    )
    return 0 if total < TARGET_SECONDS else 1


if __name__ == "__main__":
    raise SystemExit(main())
