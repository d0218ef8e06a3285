"""Builds the demo catalogue from `resources/demo/catalogue.json` through the operation layer.

The demo is real data (46 North Korean films with their sources), and building it exercises the
whole write path. Record UUIDs are derived from the file's refs, so every demo catalogue gives
its records the same UUIDs and bundles move between demo catalogues without duplicates.
"""

from __future__ import annotations

import json
import uuid as uuid_module
from pathlib import Path
from typing import Any

from nkarchive import paths
from nkarchive.ops import SPECS, Operation, operation
from nkarchive.store.catalogue import Catalogue

DEMO_NAMESPACE = uuid_module.UUID("6f1c54d2-3b7e-4f0a-9d3c-2a8e5b1c7d90")

class DemoDataError(ValueError):
    """The demo data file is malformed; the message names the entry."""


def demo_data_path() -> Path:
    return paths.resource_path("demo", "catalogue.json")


def build_demo(path: Path | str, *, data_file: Path | None = None) -> Catalogue:
    """Create a new catalogue at `path` holding the demo data; returns it open."""
    data = json.loads((data_file or demo_data_path()).read_text(encoding="utf-8"))
    if data.get("format") != "nkarchive-demo" or data.get("version") != 1:
        raise DemoDataError("demo data: expected format nkarchive-demo, version 1")
    catalogue = Catalogue.create(path)
    try:
        with operation(catalogue, "Build the demo catalogue") as op:
            _Builder(op).build(data)
        catalogue.undo_stack.clear()  # the demo is the starting point, not an edit to undo
    except Exception:
        catalogue.close()
        Path(path).unlink(missing_ok=True)
        raise
    return catalogue


def _pick(entry: dict[str, Any], kind: str) -> dict[str, Any]:
    """The entry's values for the plain fields of `kind` (the operation layer's field specs;
    references between records are resolved by the builder)."""
    return {
        spec.name: entry[spec.name]
        for spec in SPECS[kind]
        if spec.type != "ref" and entry.get(spec.name) is not None
    }


class _Builder:
    def __init__(self, op: Operation) -> None:
        self.op = op
        self.uuids: dict[str, str] = {}
        self.pending: list[tuple[str, str, list[dict[str, Any]], str]] = []

    def uuid(self, ref: str) -> str:
        return str(uuid_module.uuid5(DEMO_NAMESPACE, ref))

    def ref(self, ref: str, where: str) -> str:
        try:
            return self.uuids[ref]
        except KeyError:
            raise DemoDataError(f"demo data: {where} refers to {ref!r}, which is not defined") from None

    def make(self, kind: str, ref: str, values: dict[str, Any]) -> str:
        uuid = self.uuid(ref)
        self.op.create(kind, {"uuid": uuid, **values})
        self.uuids[ref] = uuid
        return uuid

    def build(self, data: dict[str, Any]) -> None:
        for source in data.get("sources", []):
            self.source(source)
        for agent in data.get("agents", []):
            self.agent(agent)
        for event in data.get("events", []):
            self.event(event, work_uuid=None, ref=event["ref"])
        for work in data.get("works", []):
            self.work(work)
        # Citations last: every record they may point at exists by now.
        for kind, target_uuid, citations, ref in self.pending:
            for index, citation in enumerate(citations):
                self.citation(kind, target_uuid, citation, f"{ref}/citation/{index}")

    def cite_later(self, kind: str, uuid: str, entry: dict[str, Any], ref: str) -> None:
        if entry.get("citations"):
            self.pending.append((kind, uuid, entry["citations"], ref))

    def source(self, entry: dict[str, Any]) -> None:
        ref = entry["ref"]
        uuid = self.make("source", ref, _pick(entry, "source"))
        for index, person in enumerate(entry.get("contributors", [])):
            values = _pick(person, "source_contributor")
            if person.get("agent"):
                values["agent"] = self.ref(person["agent"], ref)
            self.make("source_contributor", f"{ref}/contributor/{index}",
                      {"source": uuid, "position": index, **values})

    def agent(self, entry: dict[str, Any]) -> None:
        ref = entry["ref"]
        uuid = self.make("agent", ref, _pick(entry, "agent"))
        for index, name in enumerate(entry.get("names", [])):
            name_ref = f"{ref}/name/{index}"
            name_uuid = self.make("agent_name", name_ref,
                                  {"agent": uuid, "position": index, **_pick(name, "agent_name")})
            self.cite_later("agent_name", name_uuid, name, name_ref)
        for index, honour in enumerate(entry.get("honours", [])):
            self.make("agent_honour", f"{ref}/honour/{index}",
                      {"agent": uuid, **_pick(honour, "agent_honour")})
        for index, identifier in enumerate(entry.get("identifiers", [])):
            self.make("agent_identifier", f"{ref}/identifier/{index}",
                      {"agent": uuid, **_pick(identifier, "agent_identifier")})
        self.cite_later("agent", uuid, entry, ref)

    def event(self, entry: dict[str, Any], *, work_uuid: str | None, ref: str) -> None:
        values = _pick(entry, "event")
        if entry.get("label"):
            values["label_text"] = entry["label"]
        if work_uuid:
            values["work"] = work_uuid
        if entry.get("organiser"):
            values["organiser"] = self.ref(entry["organiser"], ref)
        if entry.get("parent"):
            values["parent"] = self.ref(entry["parent"], ref)
        uuid = self.make("event", ref, values)
        self.cite_later("event", uuid, entry, ref)

    def work(self, entry: dict[str, Any]) -> None:
        ref = entry["ref"]
        values = _pick(entry, "work")
        values.setdefault("record_status", "provisional")
        uuid = self.make("work", ref, values)
        self.cite_later("work", uuid, entry, ref)
        for index, title in enumerate(entry.get("titles", [])):
            title_ref = f"{ref}/title/{index}"
            title_uuid = self.make("title", title_ref,
                                   {"work": uuid, "position": index, **_pick(title, "title")})
            self.cite_later("title", title_uuid, title, title_ref)
        for index, credit in enumerate(entry.get("credits", [])):
            credit_ref = f"{ref}/credit/{index}"
            credit_uuid = self.make("credit", credit_ref, {
                "work": uuid, "agent": self.ref(credit["agent"], credit_ref), "position": index,
                **_pick(credit, "credit"),
            })
            self.cite_later("credit", credit_uuid, credit, credit_ref)
        for index, event in enumerate(entry.get("events", [])):
            self.event(event, work_uuid=uuid, ref=event.get("ref") or f"{ref}/event/{index}")

    def citation(self, kind: str, target_uuid: str, entry: dict[str, Any], ref: str) -> None:
        values = _pick(entry, "citation")
        values.setdefault("confidence", "probable")
        values["source"] = self.ref(entry["source"], ref)
        values[kind] = target_uuid
        self.make("citation", ref, values)
