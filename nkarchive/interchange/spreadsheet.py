"""Works from CSV with a column mapping, and works to CSV with formula-like cells neutralised.

A mapping file names, for each CSV column, what it holds:

    {"columns": {"Accession": "identifier", "Year": "production_date", "Form": "form",
                 "Korean title": "title:original", "MR title": "title:transliterated:mr",
                 "English title": "title:translated"},
     "defaults": {"form": "feature", "record_status": "draft"}}

Targets are a work's fields (see `nkarchive.ops.fields`) or `title:<type>[:<scheme>]`; a
title's language and script follow from its text (Hangul → ko, Hang). List fields (countries,
languages, genres, subjects) take comma-separated values.
"""

from __future__ import annotations

import csv
import io
import json
import uuid as uuid_module
from pathlib import Path
from typing import Any

from sqlalchemy import select

from nkarchive.interchange.csl_mapping import HANGUL
from nkarchive.model import Title, Work
from nkarchive.model.vocab import ROMANIZATION_SCHEMES, TITLE_TYPES
from nkarchive.ops import ValidationError, operation
from nkarchive.ops.fields import SPEC_BY_NAME
from nkarchive.store.catalogue import Catalogue

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MAX_ROWS = 1_000_000


class SpreadsheetError(ValueError):
    """A CSV or mapping file that cannot be used; the message names the file and line."""


def neutralise(cell: Any) -> str:
    """A cell a spreadsheet will show as text: one that would start a formula gets a leading
    apostrophe, as OWASP recommends for CSV injection."""
    text = "" if cell is None else str(cell)
    return "'" + text if text.startswith(FORMULA_START) else text


def read_mapping(path: Path) -> tuple[dict[str, str], dict[str, Any]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise SpreadsheetError(f"{path}: cannot be read ({exc})") from None
    except json.JSONDecodeError as exc:
        raise SpreadsheetError(f"{path}, line {exc.lineno}: not valid JSON ({exc.msg})") from None
    columns = data.get("columns") if isinstance(data, dict) else None
    defaults = data.get("defaults", {}) if isinstance(data, dict) else {}
    if not isinstance(columns, dict) or not all(isinstance(v, str) for v in columns.values()):
        raise SpreadsheetError(f'{path}: expected {{"columns": {{"CSV column": "field", ...}}}}')
    if not isinstance(defaults, dict):
        raise SpreadsheetError(f'{path}: "defaults" must be an object')
    for column, target in columns.items():
        problem = _target_problem(target)
        if problem:
            raise SpreadsheetError(f"{path}: column {column!r}: {problem}")
    return columns, defaults


def _target_problem(target: str) -> str | None:
    if target.startswith("title:"):
        parts = target.split(":")
        if len(parts) not in (2, 3) or parts[1] not in TITLE_TYPES:
            return f"{target!r}: expected title:<type>, a type being one of {', '.join(TITLE_TYPES.codes())}"
        if len(parts) == 3 and parts[2] not in ROMANIZATION_SCHEMES:
            return f"{target!r}: unknown romanization scheme {parts[2]!r}"
        return None
    if target not in SPEC_BY_NAME["work"]:
        return f"{target!r} is not a field of a work (fields: {', '.join(SPEC_BY_NAME['work'])})"
    return None


def read_works(
    path: Path, columns: dict[str, str], defaults: dict[str, Any]
) -> list[tuple[int, dict[str, Any], list[dict[str, Any]]]]:
    """(line, work values, titles) for each row of the CSV file."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        raise SpreadsheetError(f"{path}, line {line}: not UTF-8 text") from None
    except OSError as exc:
        raise SpreadsheetError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    rows = []
    try:
        header = reader.fieldnames or []
        unknown = [c for c in columns if c not in header]
        if unknown:
            raise SpreadsheetError(
                f"{path}, line 1: no column {unknown[0]!r} (columns: {', '.join(header)})"
            )
        for row in reader:
            if reader.line_num > MAX_ROWS:
                raise SpreadsheetError(f"{path}: more than {MAX_ROWS} rows")
            if None in row:
                raise SpreadsheetError(f"{path}, line {reader.line_num}: more cells than columns")
            work: dict[str, Any] = dict(defaults)
            titles: list[dict[str, Any]] = []
            for column, target in columns.items():
                value = (row.get(column) or "").strip()
                if not value:
                    continue
                if target.startswith("title:"):
                    parts = target.split(":")
                    hangul = bool(HANGUL.search(value))
                    titles.append(
                        {
                            "text": value,
                            "title_type": parts[1],
                            "script": "Hang" if hangul else "Latn",
                            **({"language": "ko"} if hangul or len(parts) == 3 else {}),
                            **({"scheme": parts[2]} if len(parts) == 3 else {}),
                        }
                    )
                else:
                    work[target] = (
                        int(value)
                        if SPEC_BY_NAME["work"][target].type == "int" and value.isdigit()
                        else value
                    )
            for position, title in enumerate(titles):
                title.update(position=position, preferred=position == 0)
            rows.append((reader.line_num, work, titles))
    except csv.Error as exc:
        raise SpreadsheetError(f"{path}, line {reader.line_num}: {exc}") from None
    return rows


def import_works(catalogue: Catalogue, path: Path, mapping: Path) -> list[str]:
    """Add a work (with its titles) per CSV row, in one operation; returns their UUIDs."""
    columns, defaults = read_mapping(mapping)
    rows = read_works(path, columns, defaults)
    line_of: dict[str, int] = {}
    works, titles = [], []
    for line, work, work_titles in rows:
        work_uuid = str(uuid_module.uuid4())
        line_of[work_uuid] = line
        works.append({"uuid": work_uuid, **work})
        for title in work_titles:
            title_uuid = str(uuid_module.uuid4())
            line_of[title_uuid] = line
            titles.append({"uuid": title_uuid, "work": work_uuid, **title})
    taken: set[str | None] = set()
    identifiers = [w["identifier"] for w in works if w.get("identifier")]
    with catalogue.session() as session:
        for start in range(0, len(identifiers), 500):
            taken.update(
                session.scalars(
                    select(Work.identifier).where(
                        Work.identifier.in_(identifiers[start : start + 500])
                    )
                )
            )
    seen: set[str] = set()
    for work in works:
        identifier = work.get("identifier")
        if identifier in taken or identifier in seen:
            raise SpreadsheetError(
                f"{path}, line {line_of[work['uuid']]}: identifier {identifier} is already used"
            )
        if identifier:
            seen.add(identifier)
    try:
        with operation(catalogue, f"Import works from {path.name}") as op:
            op.create_many("work", works)
            op.create_many("title", titles)
    except ValidationError as exc:
        bad_line = next((n for u, n in line_of.items() if exc.record and u in exc.record), None)
        raise SpreadsheetError(
            f"{path}, line {bad_line}: " + "; ".join(str(e) for e in exc.errors)
        ) from None
    return [w["uuid"] for w in works]


WORK_COLUMNS = (
    "uuid",
    "identifier",
    "title",
    "original_title",
    "form",
    "production_date",
    "countries",
    "languages",
    "running_time",
    "record_status",
    "synopsis",
    "notes",
)


def export_works_csv(catalogue: Catalogue, out: Path, work_ids: set[int] | None = None) -> int:
    """Works as CSV, one a row; cells a spreadsheet would run as formulas are neutralised."""
    with catalogue.session() as session:
        query = select(Work).order_by(Work.id)
        if work_ids is not None:
            query = query.where(Work.id.in_(sorted(work_ids)))
        titles: dict[int, list[Title]] = {}
        for title in session.scalars(select(Title).order_by(Title.work_id, Title.position)):
            titles.setdefault(title.work_id, []).append(title)
        count = 0
        with out.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(WORK_COLUMNS)
            for work in session.scalars(query):
                own = titles.get(work.id, [])
                preferred = next((t.text for t in own if t.preferred), own[0].text if own else "")
                original = next((t.text for t in own if t.title_type == "original"), "")
                values = [
                    work.uuid,
                    work.identifier,
                    preferred,
                    original,
                    work.form,
                    work.production_date,
                    ", ".join(work.countries),
                    ", ".join(work.languages),
                    work.running_time,
                    work.record_status,
                    work.synopsis,
                    work.notes,
                ]
                writer.writerow([neutralise(v) for v in values])
                count += 1
    return count
