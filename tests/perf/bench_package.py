"""Size and start-up benchmark of the packaged app (a script, not collected by pytest).

    make package && .venv/bin/python tests/perf/bench_package.py [--app dist/nkarchive/nkarchive]

Reports the one-folder build's size and its ten largest files (target: at most 150 MB), and the
time from starting the executable to its main window being shown and painted, offscreen, median
of 5 runs (targets: under 1.5 s on the demo catalogue, under 2.5 s on the synthetic catalogue of
100,000 works). The app quits after its first paint through NKARCHIVE_EXIT_AFTER_SHOW=1 and
prints its own figure (seconds since its process began); the script also times it from outside.

The synthetic catalogue is copied from --synthetic (default /work/syn100k.nkcat, never modified)
or built with tests/perf/synthetic.py; it is brought to the current schema once, untimed.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SIZE_LIMIT_MB = 150
DEMO_LIMIT_S = 1.5
SYNTHETIC_LIMIT_S = 2.5
SHOWN = re.compile(r"main window shown after ([0-9.]+) s \(processor ([0-9.]+) s\)")


def folder_size(folder: Path) -> tuple[int, list[tuple[int, str]]]:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    sizes = sorted(
        ((p.stat().st_size, p.relative_to(folder).as_posix()) for p in files), reverse=True
    )
    return sum(size for size, _name in sizes), sizes


def parts(folder: Path) -> list[tuple[int, str]]:
    """Size by part: each top-level entry of the contents folder, PySide6 split one level more."""
    inside = folder / "_internal"
    groups: dict[str, int] = {}
    for path in inside.rglob("*"):
        if path.is_file() and not path.is_symlink():
            relative = path.relative_to(inside).parts
            key = "/".join(
                relative[:3] if relative[0] == "PySide6" and len(relative) > 3 else relative[:1]
            )
            groups[key] = groups.get(key, 0) + path.stat().st_size
    groups["(executable)"] = (folder / "nkarchive").stat().st_size
    return sorted(((size, name) for name, size in groups.items()), reverse=True)


def environment(home: Path) -> dict[str, str]:
    return {
        "PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen", "NKARCHIVE_EXIT_AFTER_SHOW": "1",
        "NKARCHIVE_DATA_DIR": str(home / "data"), "NKARCHIVE_CONFIG_DIR": str(home / "config"),
    }  # fmt: skip


def start_once(
    app: Path, catalogue: Path, home: Path, timeout: float = 120
) -> tuple[float, float, float]:
    """Seconds to the main window: as the app reports it, its processor time, as timed here."""
    errors = (home / "stderr.txt").open("w+")  # a file: a full pipe would stall the app
    started = time.perf_counter()
    process = subprocess.Popen(
        [str(app), "--catalogue", str(catalogue)], env=environment(home),
        stdout=subprocess.PIPE, stderr=errors, text=True,
    )  # fmt: skip
    assert process.stdout is not None
    for line in process.stdout:
        found = SHOWN.search(line)
        if found:
            outside = time.perf_counter() - started
            process.wait(timeout=120)
            return float(found.group(1)), float(found.group(2)), outside
    process.wait(timeout=timeout)
    errors.seek(0)
    raise SystemExit(f"the app never showed its window:\n{errors.read()}")


def time_start(app: Path, catalogue: Path, home: Path, runs: int, label: str) -> float:
    first = start_once(app, catalogue, home)
    results = [start_once(app, catalogue, home) for _ in range(runs)]
    own, processor, outside = ([r[i] for r in results] for i in (0, 1, 2))
    median = statistics.median(own)
    print(f"{label}: first start {first[0]:.2f} s; then median {median:.2f} s of {runs} "
          f"(runs {', '.join(f'{t:.2f}' for t in own)}); timed from outside "
          f"{statistics.median(outside):.2f} s; processor time {statistics.median(processor):.2f} s")  # fmt: skip
    return median


def synthetic_copy(source: Path | None, folder: Path) -> Path:
    target = folder / "synthetic.nkcat"
    if source is not None and source.exists():
        shutil.copyfile(source, target)
        wal = Path(f"{source}-wal")
        if wal.exists():  # a catalogue left open: its log holds the latest pages
            shutil.copyfile(wal, Path(f"{target}-wal"))
        return target
    sys.path.insert(0, str(ROOT))
    from tests.perf.synthetic import build_synthetic

    print("building the synthetic catalogue of 100,000 works (minutes)…", flush=True)
    return build_synthetic(target, works=100_000)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--app", type=Path, default=ROOT / "dist" / "nkarchive" / "nkarchive")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--synthetic", type=Path, default=Path("/work/syn100k.nkcat"))
    parser.add_argument("--no-synthetic", action="store_true", help="only the demo catalogue")
    args = parser.parse_args()
    app = args.app.resolve()
    if not app.is_file():
        raise SystemExit(f"{app} does not exist: run `make package` first")

    total, files = folder_size(app.parent)
    print(f"build: {app.parent} is {total / 1e6:.1f} MB (limit {SIZE_LIMIT_MB} MB): "
          f"{'ok' if total <= SIZE_LIMIT_MB * 1e6 else 'OVER'}")  # fmt: skip
    print("ten largest files:")
    for size, name in files[:10]:
        print(f"  {size / 1e6:7.1f} MB  {name}")
    print("largest parts:")
    for size, name in parts(app.parent)[:10]:
        print(f"  {size / 1e6:7.1f} MB  {name}")

    with tempfile.TemporaryDirectory(prefix="nkarchive-bench-") as temporary:
        folder = Path(temporary)
        home = folder / "home"
        home.mkdir()
        demo = folder / "demo.nkcat"
        subprocess.run([str(app), "demo", str(demo)], env=environment(home), check=True,
                       capture_output=True)  # fmt: skip
        demo_median = time_start(app, demo, home, args.runs, "demo catalogue (46 works)")
        print(f"  limit {DEMO_LIMIT_S} s: {'ok' if demo_median < DEMO_LIMIT_S else 'OVER'}")
        if not args.no_synthetic:
            synthetic = synthetic_copy(args.synthetic, folder)
            started = time.perf_counter()
            start_once(app, synthetic, home, timeout=3600)  # upgrades it: a backup, migrations
            print(f"synthetic catalogue opened once, untimed, to bring it to the current schema "
                  f"({time.perf_counter() - started:.1f} s)")  # fmt: skip
            median = time_start(
                app, synthetic, home, args.runs, "synthetic catalogue (100,000 works)"
            )
            print(
                f"  limit {SYNTHETIC_LIMIT_S} s: {'ok' if median < SYNTHETIC_LIMIT_S else 'OVER'}"
            )
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
