"""Search benchmark on the synthetic catalogue (a script; not collected by pytest).

    .venv/bin/python -m tests.perf.bench_search /tmp/big.nkcat            # builds it if missing
    .venv/bin/python -m tests.perf.bench_search /tmp/big.nkcat --works 100000 --runs 30

For each query of a fixed mix: the first page of 50 hits with counts for every kind, as the
search box asks for it, run `--runs` times after one warm-up; median and 95th percentile, and
for the simple queries the ratio to a bare FTS5 MATCH (count plus first 50 row ids) of the same
words as written, without their folding keys, on the same index. Then the index build time for
the whole catalogue, and the database size with and without the index. The machine may be
shared: each figure has the CPU time this process spent (time.process_time; SQLite runs in it)
beside the wall time.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from nkarchive.search import reindex, search
from nkarchive.store.catalogue import Catalogue

# (what it stands for, query, typed-so-far?, bare FTS5 pattern for the ratio or None)
MIX: tuple[tuple[str, str, bool, str | None], ...] = (
    ("rare word (an accession number)", "054321", False, '"054321"'),
    ("common word (every English title)", "the", False, '"the"'),
    ("prefix while typing", "pyo", True, '"pyo" *'),
    ("phrase", '"taedong river"', False, '"taedong river"'),
    ("Hangul", "조국", False, '"조국" *'),
    ("MR without diacritics", "chongchun", False, '"chongchun"'),
    ("RR spelling", "cheongchun", False, None),
    ("field query", "director:kim", False, None),
    ("year range", "year:1980..1989", False, None),
    ("boolean", "(motherland or 조국) -river year:1960..1979", False, None),
    ("no hits", "zzyzx", False, '"zzyzx"'),
)


def timed(action: Callable[[], object], runs: int) -> tuple[list[float], list[float]]:
    """Wall and CPU milliseconds of each run."""
    action()  # warm-up: caches, first page reads
    wall, cpu = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        action()
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return wall, cpu


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def bare_match(path: Path, pattern: str) -> Callable[[], object]:
    def run() -> object:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            count = con.execute(
                "SELECT count(*) FROM search_index WHERE search_index MATCH ?", (pattern,)
            ).fetchone()
            ids = con.execute(
                "SELECT rowid FROM search_index WHERE search_index MATCH ? LIMIT 50", (pattern,)
            ).fetchall()
            return count, ids
        finally:
            con.close()

    return run


def size_without_index(path: Path) -> int:
    bare = path.with_name(path.name + ".noindex")
    shutil.copyfile(path, bare)
    con = sqlite3.connect(bare, isolation_level=None)
    # Everything the search adds: its FTS5 index and documents, the day counts, its indexes
    # of credits and events.
    con.execute("DROP TABLE search_index")
    con.execute("DROP TABLE search_doc")
    con.execute("DROP TABLE search_date_count")
    con.execute("DROP INDEX search_credit_agent_role")
    con.execute("DROP INDEX search_event_work_type")
    con.execute("VACUUM")
    con.close()
    size = bare.stat().st_size
    bare.unlink()
    return size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--works", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument(
        "--skip-build", action="store_true", help="do not time a full index rebuild"
    )
    parser.add_argument(
        "--skip-size", action="store_true", help="do not measure the size without the index"
    )
    args = parser.parse_args()
    if not args.path.exists():
        from tests.perf.synthetic import build_synthetic

        build_synthetic(args.path, args.works, quiet=False)

    catalogue = Catalogue.open(args.path)
    counts = catalogue.counts()
    print(
        f"catalogue {args.path}: {counts['work']:,} works, {counts['agent']:,} agents, "
        f"{counts['event']:,} events, {counts['source']:,} sources, {counts['citation']:,} citations"
    )
    if not args.skip_build:
        started, started_cpu = time.perf_counter(), time.process_time()
        timings = reindex(catalogue)
        total, cpu = time.perf_counter() - started, time.process_time() - started_cpu
        print(
            f"index build: {total:.1f} s wall, {cpu:.1f} s CPU ("
            + ", ".join(f"{k} {v:.1f} s" for k, v in timings.items())
            + ")"
        )
    catalogue.close()
    with_index = args.path.stat().st_size
    if not args.skip_size:
        print(
            f"database size: {with_index / 2**20:,.0f} MiB with the index, "
            f"{size_without_index(args.path) / 2**20:,.0f} MiB without"
        )

    catalogue = Catalogue.open(args.path, read_only=True)
    print(
        f"\n{'query':<40} {'hits (w/a/e/s)':>28} {'median':>8} {'p95':>8} {'cpu':>7} "
        f"{'bare':>7} {'ratio':>6}"
    )
    worst = 0.0
    for name, query, typing, pattern in MIX:
        result = search(catalogue, query, limit=50, while_typing=typing)
        totals = "/".join(
            f"{result.total_by_kind[k]:,}" for k in ("work", "agent", "event", "source")
        )
        times, cpu = timed(
            lambda q=query, t=typing: search(catalogue, q, limit=50, while_typing=t), args.runs
        )
        median, high, cpu_median = statistics.median(times), p95(times), statistics.median(cpu)
        worst = max(worst, high)
        bare_text, ratio_text = "", ""
        if pattern:
            bare = statistics.median(timed(bare_match(args.path, pattern), args.runs)[0])
            bare_text, ratio_text = f"{bare:.1f}", f"{median / bare:.1f}" if bare else ""
        print(
            f"{name + ': ' + query:<40.40} {totals:>28} {median:>7.1f} {high:>7.1f} "
            f"{cpu_median:>7.1f} {bare_text:>7} {ratio_text:>6}"
        )
    catalogue.close()
    print(f"\nms (cpu: median CPU ms); worst p95 {worst:.1f} ms", file=sys.stderr)


if __name__ == "__main__":
    main()
