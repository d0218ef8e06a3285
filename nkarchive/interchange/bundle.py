"""Exporting a citation bundle: a BagIt 1.0 bag of records, sources in CSL-JSON, BibTeX and
RIS, a formatted bibliography, a dossier and the attached files; as a folder or a zip.

    summary = export_bundle(catalogue, Selection(everything=True), Path("films.zip"))
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from html import escape
from pathlib import Path
from typing import Any

from nkarchive import __version__, paths
from nkarchive.interchange.bag import BagWriter, place_bag
from nkarchive.interchange.bibtex import write_bibtex
from nkarchive.interchange.csl import CslError, load_style
from nkarchive.interchange.dossier import Dossier
from nkarchive.interchange.records import (
    FORMAT,
    SCHEMA_NAME,
    VERSION,
    Selection,
    collect,
    serialize,
)
from nkarchive.interchange.ris import write_ris
from nkarchive.interchange.sources import csl_items
from nkarchive.store.catalogue import Catalogue
from nkarchive.store.files import FileStore

DEFAULT_STYLE = "chicago-author-date"
SAFE_SUFFIX = re.compile(r"\.[a-z0-9]{1,8}")
Progress = Callable[[str, int, int], None]


class ExportError(Exception):
    """The bundle could not be written; nothing was left at the destination."""


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    counts: dict[str, int]
    attachments: int
    payload_bytes: int

    def __str__(self) -> str:
        shown = ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in self.counts.items() if n)
        return f"Wrote {self.path}: {shown or 'no records'}; {self.attachments} attached file(s)."


def schema_path() -> Path:
    return paths.resource_path("schemas", SCHEMA_NAME)


def attachment_name(sha256: str, original_name: str) -> str:
    """Where an attached file goes under data/: by digest, keeping a harmless file suffix."""
    suffix = Path(original_name).suffix.lower()
    if not SAFE_SUFFIX.fullmatch(suffix):
        suffix = ""
    return f"attachments/{sha256}{suffix}"


def describe_selection(selection: Selection) -> str:
    if selection.everything:
        return "the whole catalogue"
    parts = [
        f"{len(ids)} {name}"
        for name, ids in (
            ("work(s)", selection.works),
            ("source(s)", selection.sources),
            ("agent(s)", selection.agents),
            ("event(s)", selection.events),
        )
        if ids
    ]
    return ", ".join(parts) or "nothing"


def export_bundle(
    catalogue: Catalogue,
    selection: Selection,
    out: Path,
    *,
    style: str = DEFAULT_STYLE,
    query: str | None = None,
    progress: Progress | None = None,
) -> ExportSummary:
    """Write the bundle to `out` (`.zip` → a zip; otherwise a new or empty folder)."""
    out = Path(out).absolute()
    if out.exists() and (out.suffix.lower() == ".zip" or not out.is_dir() or any(out.iterdir())):
        raise ExportError(f"{out} already exists; choose a new file or an empty folder")
    if not out.parent.is_dir():
        raise ExportError(f"{out.parent} is not a folder")
    try:
        bibliography_style = load_style(style)
    except CslError as exc:
        raise ExportError(f"citation style {style!r}: {exc}") from None
    _step(progress, "Reading the records", 0, 1)
    with catalogue.engine.connect() as connection:
        records = serialize(collect(connection, selection))
    store = FileStore.for_catalogue(catalogue.path)
    missing = sorted({a["sha256"] for a in records["attachment"] if not store.has(a["sha256"])})
    if missing:
        raise ExportError(
            f"{len(missing)} attached file(s) are missing from {store.root}: "
            + ", ".join(missing[:5])
            + ("…" if len(missing) > 5 else "")
            + ". Run `nkarchive check` to see which records they belong to."
        )
    staging_parent = Path(tempfile.mkdtemp(prefix=".nkarchive-export-", dir=out.parent))
    try:
        writer = BagWriter(staging_parent / "bag")
        files = _write_attachments(writer, store, records["attachment"], progress)
        _step(progress, "Writing records and sources", 0, 1)
        document = {
            "format": FORMAT,
            "version": VERSION,
            "exported": datetime.now(UTC).isoformat(timespec="seconds"),
            "nkarchive_version": __version__,
            "catalogue_id": catalogue.setting("catalogue_id") or "",
            "selection": f"query: {query}" if query else describe_selection(selection),
            "files": files,
            "records": records,
        }
        writer.add_bytes("records.json", _json(document))
        writer.add_bytes(SCHEMA_NAME, schema_path().read_bytes())
        items = csl_items(records)
        writer.add_bytes("sources.csl.json", _json(items, depth=1))
        writer.add_bytes("sources.bib", write_bibtex(items).encode())
        writer.add_bytes("sources.ris", write_ris(items).encode())
        _step(progress, "Formatting the bibliography", 0, 1)
        try:
            # One processor for both formats: registering and sorting the items is half the work.
            processor = bibliography_style.processor(items)
            html_entries = processor.bibliography("html")
            text_entries = processor.bibliography("text")
        except CslError as exc:
            raise ExportError(f"the bibliography could not be formatted: {exc}") from None
        labels = {source["uuid"]: source_label(source) for source in records["source"]}
        title = f"Citation bundle from {catalogue.path.stem}"
        writer.add_bytes("bibliography.html", _bibliography_html(title, style, html_entries))
        writer.add_bytes("bibliography.txt", ("\n".join(text_entries) + "\n").encode())
        writer.add_bytes("dossier.html", Dossier(records, labels).html(title).encode())
        counts = {kind: len(rows) for kind, rows in records.items()}
        writer.finish(
            {
                "Source-Organization": catalogue.setting("organisation") or catalogue.cataloguer,
                "External-Description": f"nkarchive citation bundle: {document['selection']}; "
                + ", ".join(f"{n} {k}" for k, n in counts.items() if n),
                "Bag-Software-Agent": f"nkarchive {__version__}",
                "Nkarchive-Version": __version__,
                "Nkarchive-Catalogue-Id": str(document["catalogue_id"]),
                "Nkarchive-Records-Format": f"{FORMAT} {VERSION}",
            }
        )
        place_bag(writer.root, out, progress)
        return ExportSummary(out, counts, len(files), writer.payload_bytes)
    except OSError as exc:
        raise ExportError(f"{out}: cannot be written ({exc.strerror or exc})") from None
    finally:
        shutil.rmtree(staging_parent, ignore_errors=True)


def _write_attachments(
    writer: BagWriter,
    store: FileStore,
    attachments: list[dict[str, Any]],
    progress: Progress | None,
) -> dict[str, str]:
    files: dict[str, str] = {}
    for done, attachment in enumerate(attachments, start=1):
        sha256 = attachment["sha256"]
        if sha256 in files:
            continue
        files[sha256] = attachment_name(sha256, attachment["original_name"])
        digests = writer.add_file(files[sha256], store.path_for(sha256))
        if digests["sha256"] != sha256:
            raise ExportError(
                f"the stored file {store.path_for(sha256)} has changed (its SHA-256 is not "
                f"{sha256}); run `nkarchive check`"
            )
        _step(progress, "Copying attached files", done, len(attachments))
    return files


def source_label(source: dict[str, Any]) -> str:
    """A source in one line for the dossier: title, where published, date."""
    parts = [source["title"], source.get("container_title"), source.get("date")]
    return ", ".join(str(p) for p in parts if p)


def _bibliography_html(title: str, style: str, entries: list[str]) -> bytes:
    body = "\n".join(entries)
    return (
        f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{escape(title)}</title>'
        "<style>body{font-family:sans-serif;max-width:50em;margin:2em auto;line-height:1.5}"
        ".csl-entry{margin:.6em 0 .6em 2em;text-indent:-2em}</style></head>"
        f"<body><h1>Bibliography</h1><p>Style: {escape(style)}</p>\n{body}\n</body></html>\n"
    ).encode()


_ENCODER = json.JSONEncoder(ensure_ascii=False)


def _json(document: Any, depth: int = 3) -> bytes:
    """JSON with the outer `depth` levels of objects and arrays laid out one entry a line and
    everything deeper (a record, a CSL item) on its own line: as readable and diffable as an
    indented file, and written by the C encoder (an indented file is several times slower)."""
    return (_layout(document, depth, 0) + "\n").encode()


def _layout(value: Any, depth: int, indent: int) -> str:
    if depth == 0 or not isinstance(value, dict | list) or not value:
        return _ENCODER.encode(value)
    pad = " " * (indent + 1)
    if isinstance(value, dict):
        inner = ",\n".join(
            f"{pad}{_ENCODER.encode(str(key))}: {_layout(item, depth - 1, indent + 1)}"
            for key, item in value.items()
        )
        return "{\n" + inner + "\n" + " " * indent + "}"
    inner = ",\n".join(pad + _layout(item, depth - 1, indent + 1) for item in value)
    return "[\n" + inner + "\n" + " " * indent + "]"


def _step(progress: Progress | None, step: str, done: int, total: int) -> None:
    if progress is not None:
        progress(step, done, total)
