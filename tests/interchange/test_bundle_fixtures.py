"""A small catalogue with every kind of record a bundle carries, attachments included."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

from nkarchive import ops
from nkarchive.interchange.bundle import export_bundle
from nkarchive.interchange.records import Selection
from nkarchive.store.catalogue import Catalogue
from nkarchive.store.files import FileStore

SCAN = b"%PDF-1.4 scan of Rodong Sinmun, 2 July 1985, page 3\n" * 20
POSTER = bytes(range(256)) * 8


def fill(catalogue: Catalogue, folder: Path) -> dict[str, str]:
    """Two films, a festival, people, sources and citations; returns the UUIDs by name."""
    store = FileStore.for_catalogue(catalogue.path)
    folder.mkdir(exist_ok=True)
    (folder / "scan.pdf").write_bytes(SCAN)
    (folder / "poster.jpg").write_bytes(POSTER)
    scan, poster = store.add(folder / "scan.pdf"), store.add(folder / "poster.jpg")
    with ops.operation(catalogue, "Fixture") as op:
        studio = op.create("agent", {"agent_type": "studio", "dates": "1947/.."})
        op.create(
            "agent_name",
            {
                "agent": studio.uuid,
                "name": "조선예술영화촬영소",
                "name_type": "preferred",
                "script": "Hang",
                "preferred": True,
            },
        )
        director = op.create("agent", {"agent_type": "person", "dates": "1926/2006"})
        name = op.create(
            "agent_name",
            {
                "agent": director.uuid,
                "name": "신상옥",
                "name_type": "preferred",
                "script": "Hang",
                "language": "ko",
                "preferred": True,
            },
        )
        op.create(
            "agent_identifier", {"agent": director.uuid, "authority": "viaf", "value": "12345"}
        )
        op.create(
            "agent_honour", {"agent": director.uuid, "honour": "Honoured Artist", "date": "주체74"}
        )
        festival_org = op.create("agent", {"agent_type": "festival"})
        op.create(
            "agent_name",
            {"agent": festival_org.uuid, "name": "Karlovy Vary IFF", "name_type": "preferred"},
        )
        paper = op.create(
            "source",
            {
                "source_type": "article-newspaper",
                "title": "새 영화 《불가사리》",
                "container_title": "로동신문",
                "date": "1985-07-02",
                "pages": "3",
                "language": "ko",
                "source_class": "dprk_state_media",
                "identifiers": {"doi": "10.9999/rodong.1985.0702"},
            },
        )
        op.create(
            "source_contributor",
            {"source": paper.uuid, "role": "author", "family": "김", "given": "정일"},
        )
        op.create(
            "source_contributor",
            {
                "source": paper.uuid,
                "role": "translator",
                "family": "Smith",
                "given": "Jane",
                "position": 1,
            },
        )
        catalogue_source = op.create(
            "source",
            {
                "source_type": "festival-catalogue",
                "title": "25th KVIFF",
                "date": "1986~",
                "url": "https://example.org/kviff/1986",
            },
        )
        interview = op.create(
            "source",
            {"source_type": "interview", "title": "Interview with a projectionist", "date": "198X"},
        )
        op.create(
            "source_contributor",
            {"source": interview.uuid, "role": "interviewer", "literal": "리영희"},
        )
        film = op.create(
            "work",
            {
                "form": "feature",
                "record_status": "draft",
                "production_date": "1985",
                "countries": ["KP"],
                "identifier": "NKA-0042",
                "running_time": 95,
                "synopsis": '=HYPERLINK("x") a monster eats iron',
            },
        )
        title = op.create(
            "title",
            {
                "work": film.uuid,
                "text": "불가사리",
                "title_type": "original",
                "script": "Hang",
                "language": "ko",
                "preferred": True,
            },
        )
        op.create(
            "title",
            {
                "work": film.uuid,
                "text": "Pulgasari",
                "title_type": "transliterated",
                "script": "Latn",
                "scheme": "mr",
                "position": 1,
            },
        )
        credit = op.create(
            "credit", {"work": film.uuid, "agent": director.uuid, "role": "director"}
        )
        op.create(
            "credit",
            {"work": film.uuid, "agent": studio.uuid, "role": "production_company", "position": 1},
        )
        version = op.create(
            "manifestation", {"work": film.uuid, "manifestation_type": "dubbed", "date": "1998"}
        )
        item = op.create(
            "item",
            {
                "work": film.uuid,
                "manifestation": version.uuid,
                "carrier": "vhs",
                "shelf_mark": "VHS 7",
            },
        )
        edition = op.create(
            "event",
            {
                "event_type": "festival",
                "date": "1986-07",
                "organiser": festival_org.uuid,
                "label_text": "25th Karlovy Vary IFF",
            },
        )
        showing = op.create(
            "event",
            {
                "work": film.uuid,
                "parent": edition.uuid,
                "event_type": "festival_showing",
                "date": "1986-07-05?",
                "country": "CS",
                "place": "Karlovy Vary",
            },
        )
        op.create(
            "citation",
            {
                "source": paper.uuid,
                "work": film.uuid,
                "field": "production_date",
                "claimed_value": "1985",
                "confidence": "certain",
                "preferred": True,
                "excerpt": "1985년에 만든 영화",
                "excerpt_language": "ko",
                "translation": "a film made in 1985",
                "locator": "3",
                "locator_type": "page",
            },
        )
        op.create(
            "citation",
            {"source": catalogue_source.uuid, "event": showing.uuid, "confidence": "probable"},
        )
        op.create(
            "citation", {"source": paper.uuid, "credit": credit.uuid, "confidence": "certain"}
        )
        op.create(
            "citation",
            {"source": interview.uuid, "agent_name": name.uuid, "confidence": "uncertain"},
        )
        op.create("citation", {"source": paper.uuid, "title": title.uuid, "confidence": "certain"})
        op.create(
            "attachment",
            {
                "source": paper.uuid,
                "sha256": scan.sha256,
                "original_name": "scan.pdf",
                "media_type": "application/pdf",
                "size": scan.size,
                "added": "2024-05-01",
            },
        )
        op.create(
            "attachment",
            {
                "item": item.uuid,
                "sha256": poster.sha256,
                "original_name": "poster.jpg",
                "size": poster.size,
                "added": "2024-05-01",
            },
        )
        other = op.create(
            "work", {"form": "documentary", "record_status": "draft", "identifier": "NKA-0043"}
        )
        op.create("title", {"work": other.uuid, "text": "Another film", "title_type": "translated"})
    catalogue.undo_stack.clear()
    return {
        "film": film.uuid,
        "other": other.uuid,
        "paper": paper.uuid,
        "director": director.uuid,
        "showing": showing.uuid,
        "edition": edition.uuid,
        "title": title.uuid,
    }


def bundle_of(catalogue: Catalogue, out: Path, selection: Selection | None = None) -> Path:
    export_bundle(catalogue, selection or Selection(everything=True), out)
    return out


def records_in(bundle: Path) -> dict[str, Any]:
    """The records section of a bundle's records.json (zip or folder)."""
    if bundle.is_dir():
        text = (bundle / "data" / "records.json").read_text(encoding="utf-8")
    else:
        with zipfile.ZipFile(bundle) as archive:
            name = next(n for n in archive.namelist() if n.endswith("data/records.json"))
            text = archive.read(name).decode()
    records: dict[str, Any] = json.loads(text)["records"]
    return records
