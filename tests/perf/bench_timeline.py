"""Timeline benchmark: load time, memory, and frame times per zoom level (not collected by pytest).

    .venv/bin/python -m tests.perf.bench_timeline /tmp/big.nkcat            # an existing catalogue
    .venv/bin/python -m tests.perf.bench_timeline /tmp/big.nkcat --works 100000   # build it first

Wall-clock and CPU time (``time.process_time``) are both reported: on a shared machine the
wall clock also counts time spent waiting for a processor. A frame is everything the widget
does in ``paintEvent``: choosing the visible marks from the
arrays, density where a lane is busy, and painting axis, lanes, headers, marks and legend into
a 1600x900 image. Each zoom level is measured at many pan positions across 1950–2025, with
the lanes scrolled to the top, the middle and the bottom.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ZOOMS: tuple[tuple[str, float], ...] = (
    ("all 75 years", 75 * 365.25),
    ("10 years", 10 * 365.25),
    ("1 year", 365.25),
    ("1 month", 30.0),
    ("1 week", 7.0),
)


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument(
        "--works", type=int, help="build a synthetic catalogue of this many works first"
    )
    parser.add_argument("--frames", type=int, default=60, help="frames per zoom level")
    parser.add_argument("--group-by", nargs="*", default=["work", "country", "type"])
    parser.add_argument("--width", type=int, default=1600)
    parser.add_argument("--height", type=int, default=900)
    args = parser.parse_args()

    if args.works:
        from tests.perf.synthetic import build_synthetic

        build_synthetic(args.path, args.works, quiet=False)

    from PySide6.QtGui import QImage, QPainter

    from nkarchive.gui.app import make_application
    from nkarchive.gui.timeline.painter import TimelinePainter, ViewState
    from nkarchive.store.catalogue import Catalogue
    from nkarchive.timeline.data import load_timeline
    from nkarchive.timeline.details import LaneLabels

    make_application()
    catalogue = Catalogue.open(args.path)  # upgrades an older synthetic file once
    print(
        f"catalogue {args.path}: {catalogue.counts()['event']:,} events; "
        f"frame {args.width}x{args.height}; {args.frames} frames per zoom level"
    )
    print(f"resident memory before loading: {rss_mb():.0f} MB")
    image = QImage(args.width, args.height, QImage.Format.Format_ARGB32_Premultiplied)
    first_day = dt.date(1950, 1, 1).toordinal()
    last_day = dt.date(2025, 12, 31).toordinal()
    for group_by in args.group_by:
        started, started_cpu = time.perf_counter(), time.process_time()
        data = load_timeline(catalogue, group_by)
        loaded = time.perf_counter() - started
        loaded_cpu = time.process_time() - started_cpu
        print(
            f"\nlanes by {group_by}: loaded {len(data):,} events in {len(data.lanes):,} lanes "
            f"in {loaded:.2f} s (processor {loaded_cpu:.2f} s); arrays {data.nbytes / 1e6:.1f} MB; "
            f"peak resident memory {rss_mb():.0f} MB"
        )
        painter = TimelinePainter(data, LaneLabels(catalogue))
        max_scroll = painter.max_scroll(args.width, args.height)
        print(
            f"  {'zoom':<14}{'median ms':>10}{'p95 ms':>9}{'max ms':>9}{'CPU med':>9}{'CPU p95':>9}"
            f"{'marks':>7}{'dense lanes':>13}"
        )
        for name, span in ZOOMS:
            times: list[float] = []
            cpu_times: list[float] = []
            marks: list[int] = []
            dense: list[int] = []
            for frame_number in range(args.frames + 3):
                # Spread the views over the whole period, at the top, middle and bottom lanes
                # (the first three frames, not counted, read those lanes' headers).
                fraction = (frame_number * 0.6180339887) % 1.0
                start = first_day + fraction * max(0.0, (last_day - first_day) - span)
                scroll = (frame_number % 3) / 2 * max_scroll
                state = ViewState(start, start + span, scroll=scroll)
                qp = QPainter(image)
                began, began_cpu = time.perf_counter(), time.process_time()
                frame = painter.paint(qp, state, args.width, args.height)
                qp.end()
                elapsed = (time.perf_counter() - began) * 1000
                cpu = (time.process_time() - began_cpu) * 1000
                if frame_number >= 3:  # the first frames warm caches (lane labels, fonts)
                    times.append(elapsed)
                    cpu_times.append(cpu)
                    marks.append(frame.mark_count)
                    dense.append(sum(1 for lane in frame.lanes if lane.density is not None))
            times.sort()
            cpu_times.sort()
            p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
            cpu_p95 = cpu_times[min(len(cpu_times) - 1, round(0.95 * (len(cpu_times) - 1)))]
            print(
                f"  {name:<14}{statistics.median(times):>10.2f}{p95:>9.2f}{times[-1]:>9.2f}"
                f"{statistics.median(cpu_times):>9.2f}{cpu_p95:>9.2f}"
                f"{statistics.median(marks):>7.0f}{statistics.median(dense):>13.0f}"
            )
        del painter, data
    print(f"\npeak resident memory: {rss_mb():.0f} MB")
    catalogue.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
