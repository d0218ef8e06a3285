"""Interchange commands: `export` a citation bundle (or works as CSV) and `import` a bundle,
RIS, BibTeX/BibLaTeX, CSL-JSON or (with --mapping) CSV file; status 0 only on success.
"""

from __future__ import annotations

import argparse
import json
import sys
import zipfile
from pathlib import Path
from typing import Any

from nkarchive.cli import UserError, add_catalogue_option
from nkarchive.cli.catalogue import open_catalogue
from nkarchive.interchange.csl import BUNDLED_STYLES

DEFAULT_STYLE = "chicago-author-date"


def register(sub: Any) -> None:
    export = sub.add_parser(
        "export",
        help="export a citation bundle (zip or folder), or works as CSV",
        description="Write a self-checking citation bundle (BagIt) of the selected works and everything "
        "they depend on: records, CSL-JSON, BibTeX, RIS, a bibliography, a dossier and the attached files. "
        "An --out ending in .csv writes the works as a spreadsheet instead.",
    )
    add_catalogue_option(export)
    which = export.add_mutually_exclusive_group(required=True)
    which.add_argument(
        "--query", metavar="Q", help="the works matching this search (see `nkarchive search`)"
    )
    which.add_argument("--all", action="store_true", help="the whole catalogue")
    export.add_argument(
        "--out", required=True, metavar="FILE.zip|DIR|FILE.csv", help="where to write it"
    )
    export.add_argument(
        "--style",
        default=DEFAULT_STYLE,
        metavar="NAME|PATH",
        help=f"citation style of the bibliography: {', '.join(BUNDLED_STYLES)} or a .csl file "
        f"(default: {DEFAULT_STYLE})",
    )
    export.set_defaults(func=cmd_export)

    imp = sub.add_parser(
        "import",
        help="import a citation bundle, RIS, BibTeX, CSL-JSON or CSV file",
        description="Import a citation bundle (zip or folder; verified first), sources from a reference "
        "manager (RIS, BibTeX/BibLaTeX, CSL-JSON) or works from CSV (with --mapping). "
        "Everything is one undoable step; nothing is written if anything is wrong.",
    )
    add_catalogue_option(imp)
    imp.add_argument("file", metavar="FILE")
    imp.add_argument(
        "--on-conflict",
        choices=("keep", "theirs", "both"),
        default="keep",
        help="bundles: for a record that differs from ours, keep ours, take theirs, or keep "
        "both claims (default: keep)",
    )
    imp.add_argument("--mapping", metavar="MAPPING.json", help="CSV: which column holds what")
    imp.add_argument(
        "--duplicates",
        choices=("skip", "import", "merge"),
        help="sources: for one that looks like a source already here, leave it out (the "
        "default, reported), import it as a new source, or merge (fill our empty fields from it)",
    )
    imp.add_argument(
        "--allow-duplicates",
        action="store_true",
        help="sources: the same as --duplicates import",
    )
    imp.add_argument(
        "--format",
        choices=("bundle", "ris", "bibtex", "csl-json", "csv"),
        help="the file's format, when it cannot be told from its name and content",
    )
    imp.add_argument("--json", action="store_true", help="print the summary as JSON")
    imp.set_defaults(func=cmd_import)


def cmd_export(args: argparse.Namespace) -> int:
    from nkarchive.interchange.bundle import ExportError, export_bundle
    from nkarchive.interchange.records import Selection
    from nkarchive.interchange.spreadsheet import export_works_csv

    out = Path(args.out)
    with open_catalogue(args, read_only=True) as catalogue:
        selection = (
            Selection(everything=True)
            if args.all
            else Selection(works=_query_works(catalogue, args.query))
        )
        if out.suffix.lower() == ".csv":
            if out.exists():
                raise UserError(f"{out} already exists; choose a new file")
            count = export_works_csv(catalogue, out, None if args.all else selection.works)
            print(f"Wrote {count} work(s) to {out}.")
            return 0
        try:
            summary = export_bundle(catalogue, selection, out, style=args.style, query=args.query)
        except ExportError as exc:
            raise UserError(str(exc)) from None
    print(summary)
    return 0


def _query_works(catalogue: Any, query: str) -> set[int]:
    try:
        from nkarchive.search import QuerySyntaxError, work_ids_matching
    except ImportError:
        raise UserError(
            "--query needs the search module, which this build lacks; use --all"
        ) from None
    try:
        return set(work_ids_matching(catalogue, query))
    except QuerySyntaxError as exc:
        raise UserError(f"--query: {exc}", 2) from None


def detect_format(path: Path) -> str:
    """bundle, csv, or what references.detect_kind says (ris, bibtex, csl-json)."""
    from nkarchive.interchange.references import ReferenceFileError, detect_kind

    if path.is_dir():
        return "bundle"
    suffix = path.suffix.lower()
    if suffix == ".zip" or zipfile.is_zipfile(path):
        return "bundle"
    if suffix == ".csv":
        return "csv"
    try:
        return detect_kind(path)
    except ReferenceFileError as exc:
        raise UserError(f"{exc}; say which with --format", 2) from None


def cmd_import(args: argparse.Namespace) -> int:
    path = Path(args.file)
    if not path.exists():
        raise UserError(f"{path}: no such file or folder")
    kind = args.format or detect_format(path)
    if kind == "csv" and not args.mapping:
        raise UserError(f"{path}: importing works from CSV needs --mapping MAPPING.json", 2)
    with open_catalogue(args, read_only=False, create=True) as catalogue:
        lines, document = _import(catalogue, path, kind, args)
    if args.json:
        json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print("\n".join(lines))
    return 0


def _import(
    catalogue: Any, path: Path, kind: str, args: argparse.Namespace
) -> tuple[list[str], dict[str, Any]]:
    from nkarchive.interchange.importer import ImportRefused, import_bundle
    from nkarchive.interchange.references import ReferenceFileError, import_sources, read_sources
    from nkarchive.interchange.spreadsheet import SpreadsheetError, import_works
    from nkarchive.interchange.unbag import BundleRefused
    from nkarchive.ops import OperationError
    from nkarchive.store.errors import CatalogueError

    try:
        if kind == "bundle":
            summary = import_bundle(catalogue, path, on_conflict=args.on_conflict)
            return summary.lines(), summary.as_json()
        if kind == "csv":
            added = import_works(catalogue, path, Path(args.mapping))
            return [f"Added {len(added)} work(s)."], {"added": {"work": len(added)}}
        result = import_sources(
            catalogue,
            read_sources(path, kind),
            allow_duplicates=args.allow_duplicates,
            duplicates=args.duplicates,
            label=f"Import {path.name}",
        )
        lines = result.lines()
        if result.duplicates:
            lines.append(
                "(import again with --duplicates import to add them anyway, or --duplicates "
                "merge to fill the empty fields of ours from them)"
            )
        return lines, {
            "added": {"source": len(result.added)},
            "merged": [m.__dict__ for m in result.merged],
            "duplicates": [d.__dict__ for d in result.duplicates],
        }
    except (
        BundleRefused,
        ImportRefused,
        ReferenceFileError,
        SpreadsheetError,
        OperationError,
        CatalogueError,
    ) as exc:
        raise UserError(str(exc)) from None
