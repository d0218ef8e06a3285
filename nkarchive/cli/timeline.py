"""`nkarchive timeline`: the timeline view written to PNG or SVG, drawn offscreen by the widget's painter."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
from pathlib import Path
from typing import Any

from nkarchive.cli import UserError, add_catalogue_option

_SIZE = re.compile(r"^(\d{2,5})[xX×](\d{2,5})$")
_RANGE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?\.\.(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "timeline",
        help="draw the screening timeline to a PNG or SVG file",
        description="Draw the catalogue's events on a time axis, as the Timeline tab shows them.",
    )
    add_catalogue_option(parser)
    parser.add_argument("--out", required=True, metavar="FILE", help="FILE.png or FILE.svg")
    parser.add_argument(
        "--query",
        default="",
        metavar="Q",
        help="filter, e.g. 'event:festival country:CS year:1970..1990'",
    )
    parser.add_argument(
        "--group-by",
        default="work",
        choices=("work", "country", "organiser", "type"),
        help="lanes (default: work)",
    )
    parser.add_argument(
        "--range",
        metavar="FROM..TO",
        help="time shown, years or ISO dates: 1970..1990, 1985-07-01..1985-07-31 "
        "(default: all events)",
    )
    parser.add_argument(
        "--size", default="1600x900", metavar="WxH", help="image size in pixels (default 1600x900)"
    )
    parser.set_defaults(func=cmd_timeline)


def parse_size(text: str) -> tuple[int, int]:
    found = _SIZE.match(text.strip())
    if not found:
        raise UserError(f"--size {text}: write the size as WIDTHxHEIGHT, e.g. 1600x900", 2)
    width, height = int(found.group(1)), int(found.group(2))
    if not (200 <= width <= 20000 and 150 <= height <= 20000):
        raise UserError(f"--size {text}: width must be 200 to 20000 and height 150 to 20000", 2)
    return width, height


def parse_range(text: str) -> tuple[int, int]:
    """Day ordinals of the first and last day of ``FROM..TO`` (years, months or days)."""
    found = _RANGE.match(text.strip())
    if not found:
        raise UserError(
            f"--range {text}: write FROM..TO with years or ISO dates, e.g. 1970..1990", 2
        )
    y1, m1, d1, y2, m2, d2 = found.groups()
    try:
        first = dt.date(int(y1), int(m1 or 1), int(d1 or 1))
        if d2:
            last = dt.date(int(y2), int(m2), int(d2))
        elif m2:
            month_end = dt.date(int(y2) + int(m2) // 12, int(m2) % 12 + 1, 1)
            last = month_end - dt.timedelta(days=1)
        else:
            last = dt.date(int(y2), 12, 31)
    except ValueError as exc:
        raise UserError(f"--range {text}: {exc}", 2) from exc
    if last < first:
        raise UserError(f"--range {text}: the range ends before it starts", 2)
    return first.toordinal(), last.toordinal()


def cmd_timeline(args: argparse.Namespace) -> int:
    from nkarchive.cli.catalogue import open_catalogue
    from nkarchive.timeline.data import load_timeline
    from nkarchive.timeline.filtering import EventFilter, TimelineQueryError

    out = Path(args.out)
    if out.suffix.lower() not in (".png", ".svg"):
        raise UserError(f"--out {args.out}: the file must end in .png or .svg", 2)
    if not out.parent.is_dir():
        raise UserError(f"--out {args.out}: the folder {out.parent} does not exist", 2)
    width, height = parse_size(args.size)
    shown = parse_range(args.range) if args.range else None
    with open_catalogue(args, verify=False) as catalogue:
        try:
            data = load_timeline(catalogue, args.group_by, EventFilter(query=args.query))
        except TimelineQueryError as exc:
            raise UserError(f"--query: {exc}", 2) from exc
        # Qt only now, offscreen: the command must run on a machine with no display.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from nkarchive.gui.app import make_application
        from nkarchive.gui.timeline.export import export_view
        from nkarchive.gui.timeline.painter import TimelinePainter, ViewState
        from nkarchive.timeline.details import LaneLabels
        from nkarchive.timeline.scale import TimeScale

        make_application()
        painter = TimelinePainter(data, LaneLabels(catalogue))
        if shown is None:
            extent = data.extent() or (
                dt.date(1945, 1, 1).toordinal(),
                dt.date(2025, 12, 31).toordinal(),
            )
            scale = painter.scale(ViewState(0, 1), width, height).fitted(*extent)
        else:
            scale = TimeScale(shown[0], shown[1] + 1, 0, 1)
        state = ViewState(scale.start, scale.end, caption=args.query)
        try:
            export_view(painter, state, out, width, height)
        except (OSError, ValueError) as exc:
            raise UserError(str(exc)) from exc
    print(f"wrote {out} ({width}x{height}, {len(data):,} events in {len(data.lanes):,} lanes)")
    return 0
