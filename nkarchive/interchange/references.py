"""Sources from reference managers: RIS, BibTeX/BibLaTeX and CSL-JSON files as Zotero and
others export them, with duplicates against the catalogue found before anything is written.

A source is a duplicate of one we hold when it has the same DOI, ISBN or URL, or the same
normalised title, year and first author's family name. Duplicates are left out and reported
unless the caller allows them; the rest come in as one undoable operation.
"""

from __future__ import annotations

import json
import re
import unicodedata
import uuid as uuid_module
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from nkarchive.interchange.bibtex import BibtexError, read_bibtex
from nkarchive.interchange.csl_mapping import SourceValues, csl_to_source
from nkarchive.interchange.ris import RisError, read_ris
from nkarchive.model import Source, SourceContributor
from nkarchive.ops import ValidationError, operation
from nkarchive.store.catalogue import Catalogue

MAX_FILE = 256 * 1024**2


class ReferenceFileError(ValueError):
    """A reference file that cannot be read; the message names the file and the line."""


@dataclass
class Duplicate:
    title: str
    existing_uuid: str
    reason: str


@dataclass
class SourceImport:
    added: list[str] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"Added {len(self.added)} source(s)."]
        if self.duplicates:
            out.append(
                f"Left out {len(self.duplicates)} duplicate(s) of sources already here "
                "(import again with --allow-duplicates to add them anyway):"
            )
            out += [f"  “{d.title}”: same {d.reason} as {d.existing_uuid}" for d in self.duplicates]
        return out


def read_text(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_FILE:
            raise ReferenceFileError(f"{path}: larger than {MAX_FILE // 1024**2} MB")
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        raise ReferenceFileError(f"{path}, line {line}: not UTF-8 text") from None
    except OSError as exc:
        raise ReferenceFileError(f"{path}: cannot be read ({exc.strerror or exc})") from None


def read_csl_json(text: str) -> list[dict[str, Any]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"line {exc.lineno}: not valid JSON ({exc.msg})") from None
    except RecursionError:
        raise ValueError("the JSON is nested too deeply") from None
    if isinstance(data, dict):
        data = data.get("items", [data])
    if not isinstance(data, list):
        raise ValueError("expected a list of CSL-JSON items")
    return data


def read_sources(path: Path, kind: str) -> list[SourceValues]:
    """The sources in a RIS ("ris"), BibTeX ("bibtex") or CSL-JSON ("csl-json") file."""
    text = read_text(path)
    try:
        items = {"ris": read_ris, "bibtex": read_bibtex, "csl-json": read_csl_json}[kind](text)
    except (RisError, BibtexError, ValueError) as exc:
        raise ReferenceFileError(f"{path}, {exc}") from None
    sources = []
    for index, item in enumerate(items, start=1):
        try:
            sources.append(csl_to_source(item))
        except (ValueError, TypeError, AttributeError) as exc:
            where = item.get("id") if isinstance(item, dict) else None
            raise ReferenceFileError(
                f"{path}, entry {index}{f' ({where})' if where else ''}: {exc}"
            ) from None
    return sources


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold())
    return re.sub(r"[\W_]+", " ", "".join(c for c in text if not unicodedata.combining(c))).strip()


def _url_key(url: str) -> str:
    url = re.sub(r"^[a-z]+://(www\.)?", "", url.strip().casefold())
    return url.rstrip("/")


def _isbn_key(isbn: str) -> str:
    return re.sub(r"[^0-9x]", "", isbn.casefold())


def duplicate_keys(values: dict[str, Any], first_family: str | None) -> list[tuple[str, str]]:
    """The keys two sources are the same by: (what, normalised value)."""
    keys: list[tuple[str, str]] = []
    identifiers = values.get("identifiers") or {}
    if isinstance(identifiers, dict):
        if identifiers.get("doi"):
            keys.append(
                ("DOI", str(identifiers["doi"]).strip().casefold().removeprefix("https://doi.org/"))
            )
        if identifiers.get("isbn"):
            keys.append(("ISBN", _isbn_key(str(identifiers["isbn"]))))
    if values.get("url"):
        keys.append(("URL", _url_key(values["url"])))
    year = re.match(r"\d{4}", str(values.get("date") or values.get("date_lower") or ""))
    if values.get("title"):
        keys.append(
            (
                "title, year and first author",
                f"{_fold(values['title'])}|{year.group(0) if year else ''}|{_fold(first_family or '')}",
            )
        )
    return keys


def existing_keys(catalogue: Catalogue) -> dict[tuple[str, str], str]:
    """Every source's duplicate keys → its UUID."""
    found: dict[tuple[str, str], str] = {}
    with catalogue.engine.connect() as connection:
        first: dict[int, str] = {}
        for source_id, family, literal in connection.execute(
            select(
                SourceContributor.source_id, SourceContributor.family, SourceContributor.literal
            ).order_by(SourceContributor.source_id, SourceContributor.position.desc())
        ):
            first[source_id] = family or literal or ""
        for row in connection.execute(
            select(
                Source.id,
                Source.uuid,
                Source.title,
                Source.date_lower,
                Source.url,
                Source.identifiers,
            )
        ):
            values = {
                "title": row.title,
                "date_lower": row.date_lower,
                "url": row.url,
                "identifiers": row.identifiers,
            }
            for key in duplicate_keys(values, first.get(row.id)):
                found.setdefault(key, row.uuid)
    return found


def _first_family(source: SourceValues) -> str | None:
    for person in source.contributors:
        return str(person.get("family") or person.get("literal") or "")
    return None


def import_sources(
    catalogue: Catalogue,
    sources: list[SourceValues],
    *,
    allow_duplicates: bool = False,
    label: str = "Import sources",
) -> SourceImport:
    """Add the sources (and their contributors) in one operation; duplicates are left out
    and reported unless allowed. A ValidationError becomes a ReferenceFileError naming the entry."""
    result = SourceImport()
    known = existing_keys(catalogue)
    chosen: list[tuple[int, SourceValues, str]] = []
    for index, source in enumerate(sources, start=1):
        keys = duplicate_keys(source.values, _first_family(source))
        match = next(
            ((what, known[(what, value)]) for what, value in keys if (what, value) in known), None
        )
        if match and not allow_duplicates:
            result.duplicates.append(Duplicate(source.values.get("title", ""), match[1], match[0]))
            continue
        new_uuid = str(uuid_module.uuid4())
        for key in keys:  # the same source twice in one file is a duplicate too
            known.setdefault(key, new_uuid)
        chosen.append((index, source, new_uuid))
    entry_of = {u: i for i, _, u in chosen}
    people = []
    for index, source, source_uuid in chosen:
        for person in source.contributors:
            person_uuid = str(uuid_module.uuid4())
            entry_of[person_uuid] = index
            people.append({"uuid": person_uuid, "source": source_uuid, **person})
    try:
        with operation(catalogue, label) as op:
            op.create_many("source", [{"uuid": u, **s.values} for _, s, u in chosen])
            op.create_many("source_contributor", people)
    except ValidationError as exc:
        entry = next((i for u, i in entry_of.items() if exc.record and u in exc.record), None)
        raise ReferenceFileError(
            f"entry {entry}: " + "; ".join(str(e) for e in exc.errors) if entry else str(exc)
        ) from None
    result.added = [u for _, _, u in chosen]
    return result
