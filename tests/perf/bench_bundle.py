"""Benchmark: export a citation bundle of 1,000 works (5,000 sources, 20,000 citations, 100 MB
of attached files), then verify it and import it into an empty catalogue (not collected by pytest).

    .venv/bin/python -m tests.perf.bench_bundle [--folder /tmp/bench] [--megabytes 100] [--reuse]

Targets (issue 8): export < 10 s; verification plus import < 15 s. Each step reports wall time
and CPU time (os.times(), user + system, this process and its children): on a shared, busy
machine wall time includes waiting for a core, CPU time does not.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sqlite3
import tempfile
import time
import uuid
from pathlib import Path

from nkarchive.interchange.bundle import export_bundle
from nkarchive.interchange.importer import import_bundle
from nkarchive.interchange.records import Selection
from nkarchive.store.catalogue import Catalogue
from nkarchive.store.files import FileStore
from tests.perf.synthetic import build_synthetic

WORKS, SOURCES, CITATIONS = 1_000, 5_000, 20_000
TARGETS = {"export": 10.0, "import": 15.0}


class Stopwatch:
    """Wall and CPU seconds of one step."""

    def __enter__(self) -> Stopwatch:
        self.wall, self.cpu = time.perf_counter(), _cpu()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall, self.cpu = time.perf_counter() - self.wall, _cpu() - self.cpu

    def shown(self, target: float) -> str:
        verdict = "met" if self.wall < target else "MISSED"
        return (
            f"{self.wall:.2f} s wall, {self.cpu:.2f} s CPU (target {target:.0f} s wall: {verdict})"
        )


def _cpu() -> float:
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def top_up(path: Path, megabytes: int, rng: random.Random) -> None:
    """Add sources and citations up to the benchmark's counts, and attached files, with bulk SQL
    (test tooling, as the synthetic generator is)."""
    con = sqlite3.connect(path)
    have_sources = con.execute("SELECT max(id) FROM source").fetchone()[0]
    have_citations = con.execute("SELECT max(id) FROM citation").fetchone()[0]
    events = [r[0] for r in con.execute("SELECT id FROM event")]
    titles = [r[0] for r in con.execute("SELECT id FROM title")]
    con.executemany(
        "INSERT INTO source (id, uuid, source_type, title, date, date_lower, date_upper, identifiers, language) "
        "VALUES (?, ?, 'article-newspaper', ?, '1985-07-02', '1985-07-02', '1985-07-02', '{}', 'ko')",
        [
            (i, str(uuid.UUID(int=rng.getrandbits(128), version=4)), f"새 영화 평 {i}")
            for i in range(have_sources + 1, SOURCES + 1)
        ],
    )
    rows = []
    for i in range(have_citations + 1, CITATIONS + 1):
        on_event = rng.random() < 0.7
        rows.append(
            (
                i,
                str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                rng.randint(1, SOURCES),
                rng.choice(events) if on_event else None,
                None if on_event else rng.choice(titles),
                f"p. {rng.randint(1, 12)}",
                "1985년 7월 평양에서 상영되였다",
                "Shown in Pyongyang in July 1985",
            )
        )
    con.executemany(
        "INSERT INTO citation (id, uuid, source_id, event_id, title_id, locator, locator_type, excerpt, translation, "
        "confidence, preferred) VALUES (?, ?, ?, ?, ?, ?, 'page', ?, ?, 'probable', 0)",
        rows,
    )
    store = FileStore.for_catalogue(path)
    scratch = Path(tempfile.mkdtemp())
    count = 200
    for n in range(count):
        scan = scratch / f"scan-{n}.pdf"
        scan.write_bytes(os.urandom(megabytes * 1024**2 // count))
        stored = store.add(scan)
        con.execute(
            "INSERT INTO attachment (uuid, source_id, sha256, original_name, media_type, size, added) "
            "VALUES (?, ?, ?, ?, 'application/pdf', ?, '2024-05-01')",
            (str(uuid.uuid4()), rng.randint(1, SOURCES), stored.sha256, scan.name, stored.size),
        )
    con.commit()
    con.close()
    shutil.rmtree(scratch)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, default=None)
    parser.add_argument("--megabytes", type=int, default=100)
    parser.add_argument(
        "--reuse", action="store_true", help="use the catalogue a run before left in --folder"
    )
    args = parser.parse_args()
    folder = args.folder or Path(tempfile.mkdtemp(prefix="bench-bundle-"))
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / "theirs.nkcat"
    if args.reuse and source.exists():
        for old in [*folder.glob("bundle*"), *folder.glob("ours-*")]:
            shutil.rmtree(old) if old.is_dir() else old.unlink()
    else:
        build_synthetic(source, works=WORKS, seed=8)
        top_up(source, args.megabytes, random.Random(8))
    with Catalogue.open(source) as catalogue:
        counts = catalogue.counts()
        print(
            f"catalogue: {counts['work']:,} works, {counts['source']:,} sources, {counts['citation']:,} citations, "
            f"{counts['event']:,} events, {counts['attachment']} attachments ({args.megabytes} MB)"
        )
        for out in (folder / "bundle.zip", folder / "bundle-folder"):
            with Stopwatch() as took:
                summary = export_bundle(catalogue, Selection(everything=True), out)
            print(
                f"export to {out.name}: {took.shown(TARGETS['export'])} "
                f"({summary.payload_bytes / 1024**2:.0f} MB payload)"
            )
    for bundle in (folder / "bundle.zip", folder / "bundle-folder"):
        target = folder / f"ours-{bundle.stem}.nkcat"
        with Catalogue.create(target) as ours:
            with Stopwatch() as took:
                result = import_bundle(ours, bundle)
            print(
                f"verify + import {bundle.name} into an empty catalogue: {took.shown(TARGETS['import'])} "
                f"({sum(result.added.values()):,} records, {result.files_added} files)"
            )
    if args.folder is None:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
