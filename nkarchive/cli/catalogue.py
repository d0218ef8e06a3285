"""Catalogue commands: info, check, list, demo."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import select

from nkarchive.cli import UserError, add_catalogue_option
from nkarchive.model import Agent, Event, Source, Work
from nkarchive.store.catalogue import Catalogue
from nkarchive.store.errors import CatalogueError

LISTABLE: dict[str, type[Any]] = {"works": Work, "agents": Agent, "sources": Source, "events": Event}


def open_catalogue(
    args: argparse.Namespace, *, read_only: bool = True, create: bool = False, verify: bool = True
) -> Catalogue:
    """The catalogue a command works on, or a UserError naming what is wrong with it.

    `verify=False` (for commands that only look something up) skips SQLite's quick check, which
    reads every page of the file: seconds on a large catalogue, more when it is not cached.
    Damage in what the command does read still ends in a plain message (see `cli.main`), and
    after an unclean exit the full check runs at open whatever is asked here.
    """
    from nkarchive.store.opening import open_for_user

    try:
        return open_for_user(
            getattr(args, "catalogue", None), read_only=read_only, create=create, verify=verify
        )
    except CatalogueError as exc:
        raise UserError(str(exc)) from exc


def register(sub: Any) -> None:
    info = sub.add_parser("info", help="counts of each kind of record, schema version, file size")
    add_catalogue_option(info)
    info.add_argument("--json", action="store_true", help="print one JSON document")
    info.set_defaults(func=cmd_info)

    check = sub.add_parser("check", help="check the catalogue's integrity; nonzero exit if damaged")
    add_catalogue_option(check)
    check.add_argument("--quick", action="store_true", help="SQLite quick check instead of the full one")
    check.add_argument("--json", action="store_true", help="print one JSON document")
    check.set_defaults(func=cmd_check)

    listing = sub.add_parser("list", help="list works, agents, sources or events")
    add_catalogue_option(listing)
    listing.add_argument("what", choices=sorted(LISTABLE))
    listing.add_argument("--json", action="store_true", help="print one JSON document")
    listing.set_defaults(func=cmd_list)

    demo = sub.add_parser("demo", help="write a fresh demo catalogue to PATH")
    demo.add_argument("path", metavar="PATH")
    demo.set_defaults(func=cmd_demo)


def _print_json(document: Any) -> None:
    json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def cmd_info(args: argparse.Namespace) -> int:
    with open_catalogue(args, verify=False) as catalogue:
        size = sum(
            p.stat().st_size for p in (catalogue.path, Path(f"{catalogue.path}-wal")) if p.exists()
        )
        document = {
            "path": str(catalogue.path),
            "catalogue_id": catalogue.setting("catalogue_id"),
            "schema": catalogue.schema_revision(),
            "size_bytes": size,
            "counts": catalogue.counts(),
        }
    if args.json:
        _print_json(document)
    else:
        print(f"Catalogue   {document['path']}")
        print(f"Id          {document['catalogue_id']}")
        print(f"Schema      {document['schema']}")
        print(f"Size        {size / 1024:,.0f} KiB")
        for kind, count in document["counts"].items():
            print(f"{kind.replace('_', ' '):<20}{count:>10,}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from nkarchive.store.check import check_catalogue

    with open_catalogue(args) as catalogue:
        report = check_catalogue(catalogue, quick=args.quick)
    if args.json:
        _print_json({"ok": report.ok, "checks": report.results})
    else:
        print("\n".join(report.lines()))
        print("The catalogue is sound." if report.ok else "Problems were found (see above).")
    return 0 if report.ok else 1


def cmd_list(args: argparse.Namespace) -> int:
    cls = LISTABLE[args.what]
    kind = cls.KIND
    with open_catalogue(args, verify=False) as catalogue, catalogue.session() as session:
        records = [{"uuid": r.uuid, "kind": kind, "label": r.label(), **_extra(r)}
                   for r in session.scalars(select(cls).order_by(cls.id))]
    if args.json:
        _print_json(records)
    else:
        for record in records:
            print(f"{record['uuid']}  {record['label']}")
    return 0


def _extra(record: Any) -> dict[str, Any]:
    if isinstance(record, Work):
        return {"identifier": record.identifier, "production_date": record.production_date,
                "titles": [t.text for t in record.titles]}
    if isinstance(record, Event):
        return {"event_type": record.event_type, "date": record.date, "place": record.place}
    if isinstance(record, Source):
        return {"source_type": record.source_type, "url": record.url}
    if isinstance(record, Agent):
        return {"agent_type": record.agent_type, "names": [n.name for n in record.names]}
    return {}


def cmd_demo(args: argparse.Namespace) -> int:
    from nkarchive.interchange.demo import build_demo

    path = Path(args.path).expanduser()
    try:
        catalogue = build_demo(path)
    except CatalogueError as exc:
        raise UserError(str(exc)) from exc
    with catalogue:
        counts = catalogue.counts()
    print(f"Wrote the demo catalogue to {path}: {counts['work']} works, {counts['event']} events, "
          f"{counts['source']} sources, {counts['citation']} citations.")
    return 0
