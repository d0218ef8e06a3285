"""Sources of a set of records as CSL-JSON items, for bundles and for `nkarchive cite`."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from nkarchive.interchange.csl_mapping import source_to_csl
from nkarchive.interchange.records import Selection, collect, serialize
from nkarchive.model import Source
from nkarchive.store.catalogue import Catalogue


def csl_items(records: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """One CSL-JSON item per source in `records` (as `records.serialize` writes them)."""
    contributors: dict[str, list[dict[str, Any]]] = {}
    for person in records.get("source_contributor", []):
        contributors.setdefault(person["source"], []).append(person)
    return [
        source_to_csl(source, contributors.get(source["uuid"], []))
        for source in records.get("source", [])
    ]


def csl_items_for_sources(catalogue: Catalogue, uuids: list[str]) -> list[dict[str, Any]]:
    """CSL-JSON items for the sources with these UUIDs, in the order given; KeyError names
    the first UUID that is not a source in the catalogue."""
    wanted = [u.strip().lower() for u in uuids]
    with catalogue.engine.connect() as connection:
        ids: dict[str, int] = {
            uuid: row_id
            for uuid, row_id in connection.execute(
                select(Source.uuid, Source.id).where(Source.uuid.in_(wanted))
            )
        }
        missing = [u for u in wanted if u not in ids]
        if missing:
            raise KeyError(missing[0])
        records = serialize(collect(connection, Selection(sources=set(ids.values()))))
    by_id = {item["id"]: item for item in csl_items(records)}
    return [by_id[u] for u in wanted]
