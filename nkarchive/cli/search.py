"""The `search` and `reindex` commands."""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Any

from nkarchive.cli import UserError, add_catalogue_option

KIND_NAMES = {"works": "work", "agents": "agent", "sources": "source", "events": "event"}
PLURAL = {kind: name for name, kind in KIND_NAMES.items()}


def register(sub: Any) -> None:
    from nkarchive.search import HELP_TEXT

    search = sub.add_parser(
        "search",
        help="search the catalogue with the search language",
        description=HELP_TEXT,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_catalogue_option(search)
    search.add_argument("query", metavar="QUERY", help="what to look for (see above)")
    search.add_argument(
        "--kind",
        action="append",
        choices=sorted(KIND_NAMES),
        help="only this kind of record (may be repeated; default: all)",
    )
    search.add_argument(
        "--limit", type=int, default=20, metavar="N", help="at most N hits (default 20)"
    )
    search.add_argument("--json", action="store_true", help="print one JSON object")
    search.set_defaults(func=cmd_search)

    reindex = sub.add_parser("reindex", help="rebuild the search index from the records")
    add_catalogue_option(reindex)
    reindex.set_defaults(func=cmd_reindex)


def cmd_search(args: argparse.Namespace) -> int:
    from nkarchive.cli.catalogue import open_catalogue
    from nkarchive.search import QuerySyntaxError, parse, search

    if args.limit < 0:
        raise UserError("--limit must be 0 or more", 2)
    try:
        parse(args.query)  # a syntax error is reported before any catalogue is opened
    except QuerySyntaxError as exc:
        raise UserError(f"{exc}\n  {args.query}\n  {' ' * (exc.column - 1)}^", 2) from exc
    kinds = [KIND_NAMES[k] for k in args.kind] if args.kind else None
    with open_catalogue(args, verify=False) as catalogue:
        result = search(catalogue, args.query, kinds=kinds, limit=args.limit)
    if args.json:
        document = {
            "query": result.query,
            "total": {PLURAL[k]: n for k, n in result.total_by_kind.items()},
            "hits": [
                {
                    "kind": hit.kind,
                    "uuid": hit.uuid,
                    "label": hit.label,
                    "score": hit.score,
                    "matched_field": hit.matched_field,
                    "snippet": hit.snippet,
                }
                for hit in result.hits
            ],
        }
        json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    counts = ", ".join(
        f"{n:,} {PLURAL[k] if n != 1 else k}" for k, n in result.total_by_kind.items()
    )
    print(f"Found {counts}.")
    for hit in result.hits:
        where = (
            f"  [{hit.matched_field}: {hit.snippet}]"
            if hit.snippet
            else (f"  [{hit.matched_field}]" if hit.matched_field else "")
        )
        print(f"{hit.kind:<7} {hit.uuid}  {hit.label}{where}")
    return 0


def cmd_reindex(args: argparse.Namespace) -> int:
    from nkarchive.cli.catalogue import open_catalogue
    from nkarchive.search import reindex
    from nkarchive.store.errors import CatalogueError

    started = time.perf_counter()
    with open_catalogue(args, read_only=False) as catalogue:
        try:
            reindex(catalogue)
        except CatalogueError as exc:
            raise UserError(str(exc)) from exc
        with catalogue.engine.connect() as connection:
            rows = connection.exec_driver_sql("SELECT count(*) FROM search_doc").scalar()
    print(
        f"Rebuilt the search index of {catalogue.path}: {rows:,} records in "
        f"{time.perf_counter() - started:.1f} s."
    )
    return 0
