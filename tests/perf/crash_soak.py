"""Crash soak: SIGKILL a writer at random moments N times in a row on one catalogue (default
200), checking after every kill that nothing reported is lost and nothing is half-written.

    python -m tests.perf.crash_soak [ROUNDS] [--seed N]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from nkarchive.store.catalogue import Catalogue
from tests.safety.harness import run_rounds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "rounds", type=int, nargs="?", default=int(os.environ.get("NKARCHIVE_CRASH_ROUNDS", 200))
    )
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="nkarchive-crash-soak-"))
    os.environ.setdefault("NKARCHIVE_CONFIG_DIR", str(folder / "config"))
    path = folder / "soak.nkcat"
    Catalogue.create(path).close()
    started = time.monotonic()
    results = run_rounds(path, args.rounds, seed=args.seed, progress=True)
    reported = sum(r.reported for r in results)
    in_flight = sum(1 for r in results if r.in_flight)
    during_open = sum(1 for r in results if not r.opened_by_child)
    print(
        f"\n{len(results)} of {args.rounds} kills survived ({during_open} before the writer had opened "
        f"the catalogue, {in_flight} with an operation in flight); {reported} reported operations, all "
        f"found, none half-written; {time.monotonic() - started:.0f} s. Catalogue: {path}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
