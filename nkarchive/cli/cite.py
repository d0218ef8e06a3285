"""Citation commands: `format-csl` formats a CSL-JSON file in a CSL style, one entry a line.

`cite SOURCE_UUID...` (sources in the catalogue) belongs here too; it is added in
`register_cite` below once the Source → CSL-JSON mapping exists, on the same `format_entries`.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from nkarchive.cli import UserError
from nkarchive.interchange.csl import BUNDLED_STYLES, FORMATS, CslError, load_style

DEFAULT_STYLE = "chicago-author-date"
STYLE_HELP = (
    f"a bundled style ({', '.join(BUNDLED_STYLES)}) or the path of a .csl file "
    f"(default: {DEFAULT_STYLE})"
)


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "format-csl",
        help="format a CSL-JSON file as a bibliography in a citation style",
        description="Print the bibliography of the items in a CSL-JSON file, in the style's "
        "order, one entry per line.",
    )
    parser.add_argument("items", metavar="ITEMS.json", help="a CSL-JSON file: a list of items")
    add_style_options(parser)
    parser.set_defaults(func=handle_format_csl)
    register_cite(sub)


def add_style_options(parser: argparse.ArgumentParser) -> None:
    """--style and --format, shared by every command that formats citations."""
    parser.add_argument("--style", default=DEFAULT_STYLE, metavar="NAME|PATH", help=STYLE_HELP)
    parser.add_argument(
        "--format", choices=FORMATS, default="text", help="output format (default: text)"
    )


def register_cite(sub: Any) -> None:
    """`cite SOURCE_UUID... [--style] [--format]`: catalogue sources as bibliography entries."""
    from nkarchive.cli import add_catalogue_option

    parser = sub.add_parser(
        "cite",
        help="format sources of the catalogue in a citation style",
        description="Print the bibliography entries of the sources with these ids, in the style's "
        "order, one entry per line.",
    )
    add_catalogue_option(parser)
    parser.add_argument("sources", nargs="+", metavar="SOURCE_UUID")
    add_style_options(parser)
    parser.set_defaults(func=handle_cite)


def handle_cite(args: argparse.Namespace) -> int:
    from nkarchive.cli.catalogue import open_catalogue
    from nkarchive.interchange.sources import csl_items_for_sources

    with open_catalogue(args, read_only=True, verify=False) as catalogue:
        try:
            items = csl_items_for_sources(catalogue, args.sources)
        except KeyError as exc:
            raise UserError(f"no source with id {exc.args[0]} in {catalogue.path}") from None
    for entry in format_entries(items, args.style, args.format):
        sys.stdout.write(entry.replace("\n", " ") + "\n")
    return 0


def read_items(path: Path) -> list[dict[str, Any]]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UserError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise UserError(f"{path}: not UTF-8 text") from None
    except OSError as exc:
        raise UserError(f"{path}: cannot be read ({exc.strerror})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UserError(
            f"{path}: not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from None
    if isinstance(data, dict):
        data = data.get("items", [data]) if "id" not in data else [data]
    if not isinstance(data, list):
        raise UserError(f"{path}: expected a list of CSL-JSON items")
    return data


def format_entries(items: list[dict[str, Any]], style_name: str, fmt: str) -> list[str]:
    """The bibliography entries of `items`; CSL errors become user errors naming the problem."""
    try:
        style = load_style(style_name)
        if not style.has_bibliography:
            raise UserError(f"{style.source}: this style defines no bibliography")
        return style.bibliography(items, format=fmt)
    except CslError as exc:
        raise UserError(str(exc)) from None


def handle_format_csl(args: argparse.Namespace) -> int:
    path = Path(args.items)
    items = read_items(path)
    try:
        entries = format_entries(items, args.style, args.format)
    except UserError as exc:
        raise UserError(f"{path}: {exc}" if "item" in str(exc) else str(exc)) from None
    out = sys.stdout
    for entry in entries:
        out.write(entry.replace("\n", " ") + "\n")
    return 0
