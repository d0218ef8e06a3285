"""GUI benchmarks on the synthetic catalogue (a script, not collected by pytest).

    .venv/bin/python -m tests.perf.bench_gui /tmp/big.nkcat     # built if missing (100,000 works)

Measures: the first page of works shown after start (median of 5 fresh processes); opening a
work with 10 titles, 20 credits, 30 events and 50 citations in the editor; saving it after one
edit; peak memory (max RSS) of each process.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

FIRST_PAGE = r"""
import os, resource, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from nkarchive.gui.app import make_application
from nkarchive.gui.main_window import MainWindow
from nkarchive.store.catalogue import Catalogue
app = make_application([])
catalogue = Catalogue.open(sys.argv[1])
opened = time.time()
window = MainWindow(catalogue)
window.show()
app.processEvents()
view = window.list_view
rows = view.rowAt(view.viewport().height() - 1)
shown = [view.model().index(r, 1).data() for r in range(max(rows, 1))]
assert shown and shown[0], "no first page"
print(time.time(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, window.model_for("work").rowCount(),
      time.time() - opened)
"""


def first_page_seconds(path: Path) -> tuple[float, int, int, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    start = time.time()
    out = subprocess.run(
        [sys.executable, "-c", FIRST_PAGE, str(path)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout.split()
    return float(out[0]) - start, int(out[1]), int(out[2]), float(out[3])


def big_work(catalogue: object) -> str:
    """A work with 10 titles, 20 credits, 30 events and 50 citations (made once, kept)."""
    from sqlalchemy import text

    from nkarchive import ops

    with catalogue.engine.connect() as connection:  # type: ignore[attr-defined]
        found = connection.execute(
            text("SELECT uuid FROM work WHERE identifier = 'BENCH-GUI-1'")
        ).scalar()
        if found:
            return str(found)
        agents = [r[0] for r in connection.execute(text("SELECT uuid FROM agent LIMIT 20"))]
        sources = [r[0] for r in connection.execute(text("SELECT uuid FROM source LIMIT 50"))]
    with ops.operation(catalogue, "Benchmark work") as op:  # type: ignore[arg-type]
        work = op.create(
            "work",
            {
                "identifier": "BENCH-GUI-1",
                "form": "feature",
                "record_status": "draft",
                "production_date": "1985~",
            },
        )
        titles = [
            op.create(
                "title",
                {
                    "work": work.uuid,
                    "text": f"벤치마크 {i}",
                    "title_type": "alternative",
                    "script": "Hang",
                    "position": i,
                },
            )
            for i in range(10)
        ]
        for i, agent in enumerate(agents):
            op.create("credit", {"work": work.uuid, "agent": agent, "role": "cast", "position": i})
        events = [
            op.create(
                "event", {"work": work.uuid, "event_type": "screening", "date": f"19{60 + i}"}
            )
            for i in range(30)
        ]
        targets = [("title", t.uuid) for t in titles] + [("event", e.uuid) for e in events]
        for i, source in enumerate(sources):
            kind, uuid = targets[i % len(targets)]
            op.create(
                "citation",
                {
                    "source": source,
                    kind: uuid,
                    "confidence": "probable",
                    "claimed_value": str(i % 3),
                },
            )
    return str(work.uuid)


EDITOR = r"""
import os, resource, statistics, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from nkarchive.gui.app import make_application
from nkarchive.gui.editors.work import WorkEditor
from nkarchive.store.catalogue import Catalogue
app = make_application([])
catalogue = Catalogue.open(sys.argv[1])
editor = WorkEditor(catalogue)
editor.resize(1000, 800)
editor.show()
opens, saves = [], []
for i in range(7):
    start = time.perf_counter()
    editor.load(sys.argv[2])
    app.processEvents()
    opens.append(time.perf_counter() - start)
    assert len(editor.children["title"].rows) == 10 and len(editor.children["credit"].rows) == 20
    assert len(editor.children["event"].rows) == 30 and len(editor.citations.rows) == 50
    editor.ui.notes_input.setPlainText(f"benchmark edit {i} {time.time()}")
    start = time.perf_counter()
    assert editor.save() is not None
    saves.append(time.perf_counter() - start)
print(statistics.median(opens), statistics.median(saves), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("catalogue", type=Path)
    parser.add_argument("--works", type=int, default=100_000)
    args = parser.parse_args()
    if not args.catalogue.exists():
        from tests.perf.synthetic import build_synthetic

        build_synthetic(args.catalogue, works=args.works, seed=1)
    from nkarchive.store.catalogue import Catalogue

    catalogue = Catalogue.open(args.catalogue)
    uuid = big_work(catalogue)
    catalogue.close()
    runs = [first_page_seconds(args.catalogue) for _ in range(5)]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", EDITOR, str(args.catalogue), uuid],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout.split()
    report = {
        "works": runs[0][2],
        "first_page_s_median_of_5": round(statistics.median(r[0] for r in runs), 3),
        "first_page_s_runs": [round(r[0], 3) for r in runs],
        # the same, counted from the moment Catalogue.open returned (the window's own part)
        "first_page_after_open_s_median_of_5": round(statistics.median(r[3] for r in runs), 3),
        "first_page_peak_rss_mb": round(max(r[1] for r in runs) / 1024, 1),
        "open_big_work_ms_median_of_7": round(float(out[0]) * 1000, 1),
        "save_big_work_ms_median_of_7": round(float(out[1]) * 1000, 1),
        "editor_peak_rss_mb": round(int(out[2]) / 1024, 1),
    }
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
