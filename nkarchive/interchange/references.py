"""Sources from reference managers: RIS, BibTeX/BibLaTeX and CSL-JSON files as Zotero and
others export them, with duplicates against the catalogue found before anything is written.

A source is a duplicate of one we hold when it has the same DOI, ISBN or URL, or the same
normalised title, year and first author's family name. `plan_sources` lists each incoming
source with what it duplicates (nothing written); `import_planned` then skips, adds or merges
each duplicate as decided, and everything comes in as one undoable operation.
"""

from __future__ import annotations

import json
import re
import unicodedata
import uuid as uuid_module
from dataclasses import dataclass, field
from itertools import filterfalse
from pathlib import Path
from typing import Any

from sqlalchemy import select

from nkarchive.interchange.bibtex import BibtexError, read_bibtex
from nkarchive.interchange.csl_mapping import HANGUL, SourceValues, csl_to_source
from nkarchive.interchange.ris import RisError, read_ris
from nkarchive.model import Source, SourceContributor
from nkarchive.ops import Operation, OpResult, ValidationError, operation
from nkarchive.ops.fields import SPEC_BY_NAME
from nkarchive.store.catalogue import Catalogue

MAX_FILE = 256 * 1024**2


class ReferenceFileError(ValueError):
    """A reference file that cannot be read; the message names the file and the line."""


@dataclass
class Duplicate:
    """An incoming source left out as a duplicate: of a source here, or of an earlier entry."""

    title: str
    existing_uuid: str
    reason: str
    entry: int | None = None  # the earlier entry of the same file it repeats

    def describe(self) -> str:
        if self.entry is not None:
            return f"“{self.title}”: same {self.reason} as entry {self.entry} of this file"
        return f"“{self.title}”: same {self.reason} as {self.existing_uuid}"


@dataclass
class Merged:
    """A source already here whose empty fields were filled from an incoming duplicate."""

    title: str
    existing_uuid: str
    fields: list[str]


@dataclass
class SourceImport:
    added: list[str] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)  # left out
    merged: list[Merged] = field(default_factory=list)
    result: OpResult | None = None  # the one undoable operation, None when nothing was written

    def lines(self) -> list[str]:
        out = [f"Added {len(self.added)} source(s)."]
        if self.merged:
            out.append(f"Filled empty fields of {len(self.merged)} source(s) already here:")
            out += [
                f"  “{m.title}” ({m.existing_uuid}): {', '.join(m.fields) or 'nothing was empty'}"
                for m in self.merged
            ]
        if self.duplicates:
            out.append(f"Left out {len(self.duplicates)} duplicate(s):")
            out += ["  " + d.describe() for d in self.duplicates]
        return out


DECISIONS = {
    "skip": "Skip",
    "import": "Import as a new source",
    "merge": "Fill our empty fields",
}


@dataclass(frozen=True)
class ExistingSource:
    """What the preview shows of a source already in the catalogue."""

    uuid: str
    title: str
    first_author: str
    year: str
    source_type: str
    url: str = ""


@dataclass(frozen=True)
class Match:
    """Why an incoming source looks like one we hold: `existing` in the catalogue, or an
    earlier `entry` of the same file."""

    reason: str
    existing: ExistingSource | None = None
    entry: int | None = None

    def describe(self) -> str:
        where = f"entry {self.entry} of this file" if self.entry is not None else "a source here"
        return f"same {self.reason} as {where}"


@dataclass
class IncomingSource:
    """One entry of the file as the preview lists it, with its duplicate match if any."""

    entry: int
    source: SourceValues
    match: Match | None = None

    @property
    def title(self) -> str:
        return str(self.source.values.get("title") or "")

    @property
    def first_author(self) -> str:
        return _person_label(self.source.contributors[0]) if self.source.contributors else ""

    @property
    def year(self) -> str:
        return _year(self.source.values.get("date"))

    @property
    def source_type(self) -> str:
        return str(self.source.values.get("source_type") or "")

    @property
    def choices(self) -> tuple[str, ...]:
        """What may be done with it: filling our empty fields needs a source here to fill."""
        if self.match is None:
            return ("import",)
        if self.match.existing is None:
            return ("skip", "import")
        return ("skip", "import", "merge")


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


NON_WORD = re.compile(r"[\W_]+")


def _fold(text: str) -> str:
    """Case, diacritics and punctuation aside; run once per source here, so kept in C calls
    (filterfalse over unicodedata.combining) rather than a Python loop per character."""
    text = unicodedata.normalize("NFKD", text.casefold())
    return NON_WORD.sub(" ", "".join(filterfalse(unicodedata.combining, text))).strip()


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


def _person_label(person: dict[str, Any]) -> str:
    family, given = person.get("family") or "", person.get("given") or ""
    if family and given:
        return f"{family}{given}" if HANGUL.search(family + given) else f"{family}, {given}"
    return str(family or given or person.get("literal") or "")


def _year(date: Any) -> str:
    found = re.match(r"\d{4}", str(date or ""))
    return found.group(0) if found else ""


def catalogue_sources(
    catalogue: Catalogue,
) -> tuple[dict[tuple[str, str], str], dict[str, ExistingSource]]:
    """Every source's duplicate keys → its UUID, and what the preview shows of each source."""
    found: dict[tuple[str, str], str] = {}
    shown: dict[str, ExistingSource] = {}
    with catalogue.engine.connect() as connection:
        first: dict[int, dict[str, Any]] = {}
        for source_id, family, given, literal in connection.execute(
            select(
                SourceContributor.source_id,
                SourceContributor.family,
                SourceContributor.given,
                SourceContributor.literal,
            ).order_by(SourceContributor.source_id, SourceContributor.position.desc())
        ):  # the lowest position comes last and stays
            first[source_id] = {"family": family, "given": given, "literal": literal}
        for row in connection.execute(
            select(
                Source.id,
                Source.uuid,
                Source.source_type,
                Source.title,
                Source.date,
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
            person = first.get(row.id)
            family = (person.get("family") or person.get("literal") or "") if person else None
            for key in duplicate_keys(values, family):
                found.setdefault(key, row.uuid)
            shown[row.uuid] = ExistingSource(
                row.uuid,
                row.title or "",
                _person_label(person) if person else "",
                _year(row.date or row.date_lower),
                row.source_type or "",
                row.url or "",
            )
    return found, shown


def existing_keys(catalogue: Catalogue) -> dict[tuple[str, str], str]:
    """Every source's duplicate keys → its UUID."""
    return catalogue_sources(catalogue)[0]


def _first_family(source: SourceValues) -> str | None:
    for person in source.contributors:
        return str(person.get("family") or person.get("literal") or "")
    return None


def plan_sources(catalogue: Catalogue, sources: list[SourceValues]) -> list[IncomingSource]:
    """Each incoming source with the source here (or earlier entry of the file) it looks like:
    what the preview lists, nothing written. A source here is named before an earlier entry."""
    known, shown = catalogue_sources(catalogue)
    in_file: dict[tuple[str, str], int] = {}
    planned = []
    for entry, source in enumerate(sources, start=1):
        keys = duplicate_keys(source.values, _first_family(source))
        match = next(
            (Match(what, shown[known[(what, v)]]) for what, v in keys if (what, v) in known), None
        )
        if match is None:
            match = next(
                (Match(what, entry=in_file[(what, v)]) for what, v in keys if (what, v) in in_file),
                None,
            )
        for key in keys:
            in_file.setdefault(key, entry)
        planned.append(IncomingSource(entry, source, match))
    return planned


def _is_empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _fill_empty_fields(op: Operation, existing_uuid: str, source: SourceValues) -> list[str]:
    """Copy into the source here each incoming field that is empty in ours (identifiers key by
    key, contributors only when ours has none); what is filled in ours is never overwritten.
    Returns the labels of the fields filled."""
    record = op.get("source", existing_uuid)
    specs = SPEC_BY_NAME["source"]
    filled: dict[str, Any] = {}
    for name, value in source.values.items():
        spec_ = specs.get(name)
        if spec_ is None or _is_empty(value):
            continue
        ours = getattr(record, spec_.column, None)
        if name == "identifiers" and isinstance(value, dict):
            merged = {**value, **(ours or {})}
            if merged != (ours or {}):
                filled[name] = merged
        elif _is_empty(ours):
            filled[name] = value
    labels = [specs[name].label for name in filled]
    if filled:
        op.update("source", existing_uuid, filled)
    if source.contributors and not record.contributors:  # type: ignore[attr-defined]
        op.create_many(
            "source_contributor",
            [{"source": existing_uuid, **person} for person in source.contributors],
        )
        labels.append("Contributors")
    return labels


def import_planned(
    catalogue: Catalogue,
    planned: list[IncomingSource],
    decisions: dict[int, str] | None = None,
    *,
    duplicates: str = "skip",
    label: str = "Import sources",
) -> SourceImport:
    """Import as one undoable operation: sources with no match are added; each duplicate is
    skipped, imported as a new source, or merged ("merge": our empty fields filled from it) as
    `decisions` (entry → decision) says, else as `duplicates` says. Nothing is written when any
    entry is refused: a ValidationError becomes a ReferenceFileError naming the entry."""
    if duplicates not in DECISIONS:
        raise ValueError(f"unknown decision {duplicates!r} (one of: {', '.join(DECISIONS)})")
    decisions = decisions or {}
    result = SourceImport()
    chosen: list[tuple[int, SourceValues, str]] = []
    merges: list[IncomingSource] = []
    for item in planned:
        decision = "import" if item.match is None else decisions.get(item.entry, duplicates)
        if decision not in item.choices:  # merging into an entry of the same file: skip it
            decision = "skip"
        if decision == "import":
            chosen.append((item.entry, item.source, str(uuid_module.uuid4())))
        elif decision == "merge":
            merges.append(item)
        else:
            assert item.match is not None
            existing = item.match.existing
            result.duplicates.append(
                Duplicate(
                    item.title,
                    existing.uuid if existing else "",
                    item.match.reason,
                    item.match.entry,
                )
            )
    entry_of = {u: i for i, _, u in chosen}
    people = []
    for index, source, source_uuid in chosen:
        for person in source.contributors:
            person_uuid = str(uuid_module.uuid4())
            entry_of[person_uuid] = index
            people.append({"uuid": person_uuid, "source": source_uuid, **person})
    if not chosen and not merges:
        return result
    current: list[int] = []  # the entry being merged, for an error to name it
    try:
        with operation(catalogue, label) as op:
            for item in merges:
                assert item.match is not None and item.match.existing is not None
                current[:] = [item.entry]
                existing = item.match.existing
                fields = _fill_empty_fields(op, existing.uuid, item.source)
                result.merged.append(Merged(existing.title, existing.uuid, fields))
            current.clear()
            op.create_many("source", [{"uuid": u, **s.values} for _, s, u in chosen])
            op.create_many("source_contributor", people)
    except ValidationError as exc:
        entry = (
            current[0]
            if current
            else next((i for u, i in entry_of.items() if exc.record and u in exc.record), None)
        )
        raise ReferenceFileError(
            f"entry {entry}: " + "; ".join(str(e) for e in exc.errors) if entry else str(exc)
        ) from None
    result.added = [u for _, _, u in chosen]
    result.result = op.result
    return result


def import_sources(
    catalogue: Catalogue,
    sources: list[SourceValues],
    *,
    allow_duplicates: bool = False,
    duplicates: str | None = None,
    label: str = "Import sources",
) -> SourceImport:
    """Add the sources (and their contributors) in one operation; every duplicate is handled
    alike: `duplicates` "skip" (the default: left out and reported), "import" or "merge"."""
    return import_planned(
        catalogue,
        plan_sources(catalogue, sources),
        duplicates=duplicates or ("import" if allow_duplicates else "skip"),
        label=label,
    )


def detect_kind(path: Path) -> str:
    """ris, bibtex or csl-json, by the file's extension, else by its first characters."""
    by_suffix = {
        ".ris": "ris",
        ".bib": "bibtex",
        ".bibtex": "bibtex",
        ".biblatex": "bibtex",
        ".json": "csl-json",
    }
    if path.suffix.lower() in by_suffix:
        return by_suffix[path.suffix.lower()]
    try:
        with path.open("rb") as handle:
            head = handle.read(4096).decode("utf-8", "replace").lstrip("\ufeff \t\r\n")
    except OSError as exc:
        raise ReferenceFileError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if head.startswith("TY  -"):
        return "ris"
    if head.startswith(("[", "{")):
        return "csl-json"
    if head.startswith(("@", "%")):
        return "bibtex"
    raise ReferenceFileError(
        f"{path}: not a RIS, BibTeX or CSL-JSON file (it starts {head[:20]!r})"
    )
