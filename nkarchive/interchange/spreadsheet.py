"""Works from CSV with a column mapping, and works to CSV with formula-like cells neutralised.

A mapping file names, for each CSV column, what it holds:

    {"columns": {"Accession": "identifier", "Year": "production_date", "Form": "form",
                 "Korean title": "title:original", "MR title": "title:transliterated:mr",
                 "English title": "title:translated"},
     "defaults": {"form": "feature", "record_status": "draft"}}

Targets are a work's fields (see `nkarchive.ops.fields`) or `title:<type>[:<scheme>]`; a
title's language and script follow from its text (Hangul → ko, Hang). List fields (countries,
languages, genres, subjects) take comma-separated values. `plan_works` checks every row first
and names each problem by line and column; `import_planned_works` then writes all rows as one
undoable operation, or nothing.
"""

from __future__ import annotations

import csv
import io
import json
import uuid as uuid_module
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from nkarchive.interchange.csl_mapping import HANGUL
from nkarchive.model import Title, Work
from nkarchive.model.vocab import ROMANIZATION_SCHEMES, TITLE_TYPES
from nkarchive.ops import OpResult, ValidationError, operation
from nkarchive.ops.fields import SPEC_BY_NAME, SPECS, clean_value
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


@dataclass
class ColumnMapping:
    """Which CSV column holds what, and the values every work gets when its row gives none: what
    a mapping file says, and what the desktop app's column chooser builds."""

    columns: dict[str, str]
    defaults: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_json(cls, data: Any, where: str) -> ColumnMapping:
        columns = data.get("columns") if isinstance(data, dict) else None
        defaults = data.get("defaults", {}) if isinstance(data, dict) else {}
        if not isinstance(columns, dict) or not all(isinstance(v, str) for v in columns.values()):
            raise SpreadsheetError(
                f'{where}: expected {{"columns": {{"CSV column": "field", ...}}}}'
            )
        if not isinstance(defaults, dict):
            raise SpreadsheetError(f'{where}: "defaults" must be an object')
        mapping = cls(dict(columns), dict(defaults))
        problems = mapping.problems()
        if problems:
            raise SpreadsheetError(f"{where}: {problems[0]}")
        return mapping

    def as_json(self) -> dict[str, Any]:
        return {"columns": dict(self.columns), "defaults": dict(self.defaults)}

    def problems(self) -> list[RowProblem]:
        """What makes the mapping unusable whatever the rows hold."""
        found = []
        given: dict[str, str] = {}
        for column, target in self.columns.items():
            problem = _target_problem(target)
            if problem:
                found.append(RowProblem(None, column, problem))
            elif not target.startswith("title:"):
                if target in given:
                    found.append(
                        RowProblem(
                            None,
                            column,
                            f"column {given[target]!r} already gives "
                            f"{SPEC_BY_NAME['work'][target].label}",
                        )
                    )
                given[target] = column
        for name, value in self.defaults.items():
            spec_ = SPEC_BY_NAME["work"].get(name)
            if spec_ is None:
                found.append(RowProblem(None, None, f"default for {name!r}: not a field of a work"))
                continue
            _value, error = clean_value(spec_, value)
            if error:
                found.append(RowProblem(None, None, f"default {spec_.label}: {error.message}"))
        for spec_ in SPEC_BY_NAME["work"].values():
            if spec_.required and spec_.name not in given and spec_.name not in self.defaults:
                found.append(
                    RowProblem(None, None, f"{spec_.label}: no column gives it and no default")
                )
        return found


@dataclass(frozen=True)
class RowProblem:
    """Why a row (or the mapping, line None) cannot be imported, and in which column."""

    line: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = [f"line {self.line}"] if self.line is not None else []
        where += [f"column {self.column!r}"] if self.column is not None else []
        return f"{', '.join(where)}: {self.message}" if where else self.message


@dataclass
class WorkRow:
    """One CSV row as the work and titles it becomes."""

    line: int
    work: dict[str, Any]
    titles: list[dict[str, Any]]


@dataclass
class WorksPlan:
    """Every row checked against the mapping and the catalogue, before anything is written."""

    path: Path
    rows: list[WorkRow]
    problems: list[RowProblem]


@dataclass
class WorksImport:
    added: list[str]
    result: OpResult | None


def read_mapping(path: Path) -> ColumnMapping:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise SpreadsheetError(f"{path}: cannot be read ({exc})") from None
    except json.JSONDecodeError as exc:
        raise SpreadsheetError(f"{path}, line {exc.lineno}: not valid JSON ({exc.msg})") from None
    return ColumnMapping.from_json(data, str(path))


def write_mapping(mapping: ColumnMapping, path: Path) -> None:
    """A mapping file the command line's `import --mapping` reads."""
    path.write_text(json.dumps(mapping.as_json(), ensure_ascii=False, indent=2) + "\n", "utf-8")


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


def mapping_targets() -> list[tuple[str, str]]:
    """What a column can hold, as (target, label): each field of a work, each type of title,
    and a transliterated title in each romanization scheme."""
    targets = [(spec_.name, spec_.label) for spec_ in SPECS["work"]]
    targets += [(f"title:{code}", TITLE_TYPES.label(code)) for code in TITLE_TYPES.codes()]
    targets += [
        (f"title:transliterated:{code}", f"{TITLE_TYPES.label('transliterated')}, {label}")
        for code, label in (
            (c, ROMANIZATION_SCHEMES.label(c)) for c in ROMANIZATION_SCHEMES.codes()
        )
    ]
    return targets


def suggest_target(column: str) -> str | None:
    """A target whose name or label is the column's heading (case and spacing aside)."""
    key = " ".join(column.replace("_", " ").casefold().split())
    for target, label in mapping_targets():
        if key in (target.replace("_", " ").casefold(), label.casefold()):
            return target
    return None


def read_table(
    path: Path, limit: int | None = None
) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header and the (line, cells) of each row, or of the first `limit` rows."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        raise SpreadsheetError(f"{path}, line {line}: not UTF-8 text") from None
    except OSError as exc:
        raise SpreadsheetError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[tuple[int, list[str]]] = []
    try:
        header = next(reader, [])
        for cells in reader:
            if limit is not None and len(rows) >= limit:
                break
            if reader.line_num > MAX_ROWS:
                raise SpreadsheetError(f"{path}: more than {MAX_ROWS} rows")
            if any(cell.strip() for cell in cells):
                rows.append((reader.line_num, cells))
    except csv.Error as exc:
        raise SpreadsheetError(f"{path}, line {reader.line_num}: {exc}") from None
    return header, rows


def _title(value: str, target: str) -> dict[str, Any]:
    parts = target.split(":")
    hangul = bool(HANGUL.search(value))
    return {
        "text": value,
        "title_type": parts[1],
        "script": "Hang" if hangul else "Latn",
        **({"language": "ko"} if hangul or len(parts) == 3 else {}),
        **({"scheme": parts[2]} if len(parts) == 3 else {}),
    }


def plan_works(catalogue: Catalogue, path: Path, mapping: ColumnMapping) -> WorksPlan:
    """Each row as the work it becomes, and every problem named by line and column; nothing is
    written. Identifiers already used here or earlier in the file are problems too."""
    problems = mapping.problems()
    header, table = read_table(path)
    missing = [c for c in mapping.columns if c not in header]
    problems += [
        RowProblem(1, None, f"no column {c!r} (columns: {', '.join(header)})") for c in missing
    ]
    if problems:
        return WorksPlan(path, [], problems)
    specs = SPEC_BY_NAME["work"]
    defaults = {
        name: clean_value(specs[name], value)[0] for name, value in mapping.defaults.items()
    }
    at = {column: header.index(column) for column in mapping.columns}
    column_of = {target: column for column, target in mapping.columns.items()}
    rows = []
    for line, cells in table:
        if len(cells) > len(header):
            problems.append(RowProblem(line, None, "more cells than columns"))
            continue
        work: dict[str, Any] = dict(defaults)
        titles: list[dict[str, Any]] = []
        for column, target in mapping.columns.items():
            value = cells[at[column]].strip() if at[column] < len(cells) else ""
            if not value:
                continue
            if target.startswith("title:"):
                titles.append(_title(value, target))
                continue
            cleaned, error = clean_value(specs[target], value)
            if error:
                problems.append(RowProblem(line, column, error.message))
            else:
                work[target] = cleaned
        for spec_ in specs.values():
            if spec_.required and _is_empty(work.get(spec_.name)):
                problems.append(
                    RowProblem(line, column_of.get(spec_.name), f"{spec_.label} is empty")
                )
        for position, title in enumerate(titles):
            title.update(position=position, preferred=position == 0)
        rows.append(WorkRow(line, work, titles))
    problems += _identifier_problems(catalogue, rows, column_of.get("identifier"))
    # In the file's order, row by row and column by column, as a person reads it.
    problems.sort(key=lambda p: (p.line or 0, at.get(p.column or "", len(header))))
    return WorksPlan(path, rows, problems)


def _is_empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def _identifier_problems(
    catalogue: Catalogue, rows: list[WorkRow], column: str | None
) -> list[RowProblem]:
    identifiers = [str(r.work["identifier"]) for r in rows if r.work.get("identifier")]
    taken: set[str | None] = set()
    with catalogue.session() as session:
        for start in range(0, len(identifiers), 500):
            taken.update(
                session.scalars(
                    select(Work.identifier).where(
                        Work.identifier.in_(identifiers[start : start + 500])
                    )
                )
            )
    problems = []
    seen: dict[str, int] = {}
    for row in rows:
        identifier = row.work.get("identifier")
        if not identifier:
            continue
        if identifier in taken:
            problems.append(
                RowProblem(
                    row.line, column, f"identifier {identifier} is already used by a work here"
                )
            )
        elif identifier in seen:
            problems.append(
                RowProblem(
                    row.line,
                    column,
                    f"identifier {identifier} is already used on line {seen[identifier]}",
                )
            )
        seen.setdefault(identifier, row.line)
    return problems


def import_planned_works(
    catalogue: Catalogue, plan: WorksPlan, label: str | None = None
) -> WorksImport:
    """Add a work (with its titles) per planned row, in one undoable operation; a plan with
    problems is refused whole, naming the first."""
    if plan.problems:
        raise SpreadsheetError(f"{plan.path}, {plan.problems[0]}")
    line_of: dict[str, int] = {}
    works, titles = [], []
    for row in plan.rows:
        work_uuid = str(uuid_module.uuid4())
        line_of[work_uuid] = row.line
        works.append({"uuid": work_uuid, **row.work})
        for title in row.titles:
            title_uuid = str(uuid_module.uuid4())
            line_of[title_uuid] = row.line
            titles.append({"uuid": title_uuid, "work": work_uuid, **title})
    if not works:
        return WorksImport([], None)
    try:
        with operation(catalogue, label or f"Import works from {plan.path.name}") as op:
            op.create_many("work", works)
            op.create_many("title", titles)
    except ValidationError as exc:
        bad_line = next((n for u, n in line_of.items() if exc.record and u in exc.record), None)
        raise SpreadsheetError(
            f"{plan.path}, line {bad_line}: " + "; ".join(str(e) for e in exc.errors)
        ) from None
    return WorksImport([w["uuid"] for w in works], op.result)


def import_works(catalogue: Catalogue, path: Path, mapping: Path) -> list[str]:
    """Add a work (with its titles) per CSV row, in one operation; returns their UUIDs."""
    plan = plan_works(catalogue, path, read_mapping(mapping))
    return import_planned_works(catalogue, plan).added


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
