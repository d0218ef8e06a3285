"""Importing a citation bundle: verify, match records by UUID, add what is new, report conflicts.

The whole import is one operation (one transaction, one undo step): all of it or none of it.
A record whose UUID is new is added; one that is identical to ours is skipped; one that
differs is a conflict, resolved by `on_conflict`:

- `keep`: ours stays as it is;
- `theirs`: ours is updated to theirs;
- `both`: ours stays, and where the record is a citation (a claim), theirs is added beside it
  as a further, not preferred, citation. Their citations of any record come in either way,
  so with `both` no claim of the other side is lost.

`resolutions` (UUID → keep/theirs/both) overrides `on_conflict` record by record: the GUI first
calls `prepare_import` (verify, read and compare; nothing is written), shows the conflicts side
by side, and then `import_prepared` with the archivist's choice for each.
"""

from __future__ import annotations

import json
import uuid as uuid_module
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import Connection, select

from nkarchive.interchange.records import (
    FORMAT,
    IMPORT_ORDER,
    VERSION,
    chunks,
    column_names,
    parents_first,
    table_of,
)
from nkarchive.interchange.unbag import LIMITS, Limits, manifest_sha256, opened_bundle
from nkarchive.ops import ValidationError, operation
from nkarchive.ops.fields import SPEC_BY_NAME, SPECS
from nkarchive.store.catalogue import Catalogue
from nkarchive.store.files import FileStore

ON_CONFLICT = ("keep", "theirs", "both")
FURTHER_CLAIM = uuid_module.UUID("3d1e7c0a-51f4-4b8e-9a55-0c2f6b8e4a11")
MAX_RECORDS_JSON = 2 * 1024**3
Progress = Callable[[str, int, int], None]


class ImportRefused(Exception):
    """The bundle's records cannot be imported; nothing was written. `problems` says why."""

    def __init__(self, where: str, problems: list[str]) -> None:
        self.problems = problems
        shown = problems[:20] + ([f"… and {len(problems) - 20} more"] if len(problems) > 20 else [])
        super().__init__(f"{where}: refused, nothing was imported:\n  " + "\n  ".join(shown))


@dataclass
class Conflict:
    kind: str
    uuid: str
    label: str
    differences: dict[str, tuple[Any, Any]]  # field → (ours, theirs)
    resolution: str  # what was done, in words
    # Every filled field of each side (empty values left out), to show the record whole.
    ours: dict[str, Any] = field(default_factory=dict)
    theirs: dict[str, Any] = field(default_factory=dict)
    choice: str = ""  # keep, theirs or both: how it was resolved ("" while only previewed)


@dataclass
class ImportSummary:
    added: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)
    files_added: int = 0
    label: str = ""

    def resolved(self) -> dict[str, int]:
        """How many conflicts were resolved each way (keep, theirs, both)."""
        found: dict[str, int] = {}
        for conflict in self.conflicts:
            choice = conflict.choice
            found[choice] = found.get(choice, 0) + 1
        return found

    def lines(self) -> list[str]:
        def counts(found: dict[str, int]) -> str:
            return (
                ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in found.items() if n) or "nothing"
            )

        out = [
            f"Added: {counts(self.added)}; {self.files_added} attached file(s).",
            f"Skipped (already here, identical): {counts(self.skipped)}.",
            f"In conflict: {len(self.conflicts)}"
            + (
                " (" + ", ".join(f"{n} {RESOLVED[c]}" for c, n in self.resolved().items()) + ")."
                if self.conflicts
                else "."
            ),
        ]
        for conflict in self.conflicts:
            out.append(
                f"  {conflict.kind.replace('_', ' ')} {conflict.uuid} “{conflict.label}”: {conflict.resolution}"
            )
            for name, (ours, theirs) in conflict.differences.items():
                out.append(
                    f"      {name}: ours {json.dumps(ours, ensure_ascii=False)}, "
                    f"theirs {json.dumps(theirs, ensure_ascii=False)}"
                )
        return out

    def as_json(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "skipped": self.skipped,
            "files_added": self.files_added,
            "conflicts": [
                {
                    "kind": c.kind,
                    "uuid": c.uuid,
                    "label": c.label,
                    "resolution": c.resolution,
                    "choice": c.choice,
                    "differences": {
                        k: {"ours": o, "theirs": t} for k, (o, t) in c.differences.items()
                    },
                }
                for c in self.conflicts
            ],
        }


# How the summary words each choice.
RESOLVED = {"keep": "kept ours", "theirs": "replaced by theirs", "both": "kept both"}


class PreparedImport:
    """A verified bundle, held open (a zip stays extracted) until `close`, with what importing
    it would do now: `preview` lists what is new, identical and in conflict."""

    def __init__(
        self, path: Path, document: dict[str, Any], data_root: Path, stack: ExitStack
    ) -> None:
        self.path = path
        self.document = document
        self.data_root = data_root
        self._stack = stack
        self.preview = ImportSummary(label=f"Import {path.name}")

    @property
    def conflicts(self) -> list[Conflict]:
        return self.preview.conflicts

    def names(self) -> dict[str, str]:
        """A readable name for each record the conflicts point at (a citation's source, work
        or agent), from the bundle: UUID → title, identifier or preferred name."""
        wanted = {
            value
            for conflict in self.conflicts
            for side in (conflict.ours, conflict.theirs)
            for name, value in side.items()
            if SPEC_BY_NAME[conflict.kind][name].type == "ref" and isinstance(value, str)
        }
        records: dict[str, list[dict[str, Any]]] = self.document["records"]
        found: dict[str, str] = {}
        for rows in records.values():
            for record in rows:
                if record["uuid"] in wanted and _label(record):
                    found[record["uuid"]] = _label(record)
        for name in records.get("agent_name", []):
            agent = name.get("agent")
            if (
                agent in wanted
                and name.get("name")
                and (name.get("preferred") or agent not in found)
            ):
                found[agent] = str(name["name"])
        for title in records.get("title", []):
            work = title.get("work")
            if work in found and title.get("text") and "“" not in found[work]:
                found[work] += f" “{str(title['text'])[:60]}”"
        return found

    def close(self) -> None:
        self._stack.close()

    def __enter__(self) -> PreparedImport:
        return self

    def __exit__(
        self,
        _type: type[BaseException] | None,
        _value: BaseException | None,
        _traceback: TracebackType | None,
    ) -> None:
        self.close()


def prepare_import(
    catalogue: Catalogue,
    path: Path,
    *,
    limits: Limits = LIMITS,
    progress: Progress | None = None,
) -> PreparedImport:
    """Verify and read the bundle at `path` and compare it with the catalogue; nothing is
    written. Close the result (or use it in a `with`) when done."""
    path = Path(path)
    stack = ExitStack()
    try:
        root = stack.enter_context(opened_bundle(path, limits))
        if progress:
            progress("Verified the bundle", 1, 1)
        document = read_document(root / "data" / "records.json", str(path))
        check_files(document, root, str(path))
        prepared = PreparedImport(path, document, root / "data", stack)
        with catalogue.engine.connect() as connection:
            compare(connection, document["records"], prepared.preview)
        if progress:
            progress("Compared the bundle with the catalogue", 1, 1)
        return prepared
    except BaseException:
        stack.close()
        raise


def import_prepared(
    catalogue: Catalogue,
    prepared: PreparedImport,
    *,
    on_conflict: str = "keep",
    resolutions: dict[str, str] | None = None,
    progress: Progress | None = None,
) -> ImportSummary:
    """Import a prepared bundle. The records are compared again inside the import, so a
    change to the catalogue since `prepare_import` is not overwritten unseen."""
    return import_document(
        catalogue,
        prepared.document,
        prepared.data_root,
        on_conflict=on_conflict,
        resolutions=resolutions,
        label=prepared.preview.label,
        progress=progress,
    )


def import_bundle(
    catalogue: Catalogue,
    path: Path,
    *,
    on_conflict: str = "keep",
    resolutions: dict[str, str] | None = None,
    limits: Limits = LIMITS,
    progress: Progress | None = None,
) -> ImportSummary:
    """Verify the bundle at `path` (zip or folder), then import it; see the module docstring."""
    with opened_bundle(Path(path), limits) as root:
        if progress:
            progress("Verified the bundle", 1, 1)
        document = read_document(root / "data" / "records.json", str(path))
        check_files(document, root, str(path))
        return import_document(
            catalogue,
            document,
            root / "data",
            on_conflict=on_conflict,
            resolutions=resolutions,
            label=f"Import {Path(path).name}",
            progress=progress,
        )


def read_document(path: Path, where: str) -> dict[str, Any]:
    """records.json, checked for its format, version and shape (fields are checked on import)."""
    if not path.is_file():
        raise ImportRefused(where, ["data/records.json is missing"])
    if path.stat().st_size > MAX_RECORDS_JSON:
        raise ImportRefused(where, ["data/records.json is too large"])
    try:
        document = json.loads(path.read_bytes().decode("utf-8"))
    except UnicodeDecodeError:
        raise ImportRefused(where, ["data/records.json is not UTF-8 text"]) from None
    except json.JSONDecodeError as exc:
        raise ImportRefused(
            where, [f"data/records.json, line {exc.lineno}: not valid JSON ({exc.msg})"]
        ) from None
    except RecursionError:
        raise ImportRefused(where, ["data/records.json is nested too deeply"]) from None
    return check_document(document, where)


def check_document(document: Any, where: str) -> dict[str, Any]:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportRefused(
            where, [f"data/records.json is not an nkarchive records file (format {FORMAT!r})"]
        )
    version = document.get("version")
    if version != VERSION or isinstance(version, bool):
        raise ImportRefused(
            where,
            [
                f"data/records.json has format version {version!r}; this nkarchive reads "
                f"version {VERSION}. A newer nkarchive may read it."
            ],
        )
    records = document.get("records")
    problems: list[str] = []
    if not isinstance(records, dict):
        raise ImportRefused(where, ["data/records.json has no records"])
    for kind, rows in records.items():
        if kind not in IMPORT_ORDER:
            problems.append(f"unknown kind of record {kind!r}")
        elif not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            problems.append(f"{kind}: expected a list of records")
        else:
            seen: set[str] = set()
            for row in rows:
                value = row.get("uuid")
                try:
                    normal = str(uuid_module.UUID(value)) if isinstance(value, str) else None
                except ValueError:
                    normal = None
                if normal is None:
                    problems.append(f"{kind}: a record without a valid uuid ({value!r})")
                elif normal in seen:
                    problems.append(f"{kind} {normal}: appears twice")
                else:
                    seen.add(normal)
                    row["uuid"] = normal
    files = document.get("files", {})
    if not isinstance(files, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in files.items()
    ):
        problems.append("files: expected a mapping of SHA-256 to file names")
    if problems:
        raise ImportRefused(where, problems)
    return document


def check_files(document: dict[str, Any], root: Path, where: str) -> None:
    """Every attachment's file is in the bag, under attachments/, with the SHA-256 it claims."""
    digests = manifest_sha256(root)
    files: dict[str, str] = document.get("files", {})
    problems = []
    for attachment in document["records"].get("attachment", []):
        sha256 = attachment.get("sha256")
        name = files.get(sha256) if isinstance(sha256, str) else None
        if name is None:
            problems.append(f"attachment {attachment['uuid']}: no file for SHA-256 {sha256!r}")
        elif (
            not name.startswith("attachments/")
            or ".." in name.split("/")
            or digests.get(name) != sha256
        ):
            problems.append(
                f"attachment {attachment['uuid']}: {name} is not in the bag with SHA-256 {sha256}"
            )
    if problems:
        raise ImportRefused(where, problems)


def normalized(kind: str, record: dict[str, Any]) -> dict[str, Any]:
    """A record's fields with empty values left out, for comparing ours and theirs."""
    return {
        s.name: record[s.name]
        for s in SPECS[kind]
        if record.get(s.name) not in (None, "", [], {}, False)
    }


def existing_records(
    connection: Connection, kind: str, uuids: list[str]
) -> dict[str, dict[str, Any]]:
    """Our records with these UUIDs, written as a bundle writes them."""
    table = table_of(kind)
    rows: list[dict[str, Any]] = []
    for start in range(0, len(uuids), 500):
        chunk = uuids[start : start + 500]
        rows += [
            dict(r)
            for r in connection.execute(select(table).where(table.c.uuid.in_(chunk))).mappings()
        ]
    columns = column_names(kind)
    uuid_of: dict[tuple[str, int], str] = {}
    for spec in SPECS[kind]:
        if spec.type == "ref" and spec.ref:
            target = table_of(spec.ref)
            ids = {r[spec.column] for r in rows if r[spec.column] is not None}
            for chunk_ids in chunks(ids):
                for row_id, row_uuid in connection.execute(
                    select(target.c.id, target.c.uuid).where(target.c.id.in_(chunk_ids))
                ):
                    uuid_of[(spec.ref, row_id)] = row_uuid
    found: dict[str, dict[str, Any]] = {}
    for row in rows:
        record: dict[str, Any] = {"uuid": row["uuid"]}
        for spec in SPECS[kind]:
            value = row[columns[spec.column]]
            if value is not None:
                record[spec.name] = (
                    uuid_of[(spec.ref, value)] if spec.type == "ref" and spec.ref else value
                )
        found[row["uuid"]] = record
    return found


def _label(record: dict[str, Any]) -> str:
    for name in (
        "text",
        "name",
        "title",
        "honour",
        "claimed_value",
        "identifier",
        "original_name",
        "label_text",
    ):
        if record.get(name):
            return str(record[name])[:60]
    return ""


def _work_names(titles: list[dict[str, Any]]) -> dict[str, str]:
    """Each work's name as an archivist knows it: its preferred title, else its original one."""
    ranked: dict[str, tuple[int, str]] = {}
    for title in titles:
        rank = 0 if title.get("preferred") else 1 if title.get("title_type") == "original" else 2
        work, text = title.get("work"), title.get("text")
        if work and text and (work not in ranked or rank < ranked[work][0]):
            ranked[work] = (rank, str(text))
    return {work: text for work, (_rank, text) in ranked.items()}


def _conflict_label(kind: str, record: dict[str, Any], work_names: dict[str, str]) -> str:
    """A work in conflict is shown by its title (a work row itself holds only an identifier)."""
    if kind == "work" and record["uuid"] in work_names:
        name = work_names[record["uuid"]][:60]
        return f"{name} ({record['identifier']})" if record.get("identifier") else name
    return _label(record)


def compare(
    connection: Connection,
    records: dict[str, list[dict[str, Any]]],
    summary: ImportSummary,
    decide: Callable[[str, dict[str, Any]], tuple[str, str]] | None = None,
) -> dict[str, list[dict[str, Any]]]:
    """Match their records with ours by UUID: counts what is identical in `summary.skipped`,
    lists each conflict in `summary.conflicts` (resolved by `decide`, when given), and returns
    the records that are new, by kind."""
    new: dict[str, list[dict[str, Any]]] = {}
    names = _work_names(records.get("title", []))
    for kind in IMPORT_ORDER:
        theirs = records.get(kind, [])
        ours = existing_records(connection, kind, [r["uuid"] for r in theirs])
        new[kind] = []
        for record in theirs:
            mine = ours.get(record["uuid"])
            if mine is None:
                new[kind].append(record)
                summary.added[kind] = summary.added.get(kind, 0) + 1
                continue
            a, b = normalized(kind, mine), normalized(kind, record)
            if a == b:
                summary.skipped[kind] = summary.skipped.get(kind, 0) + 1
                continue
            differences = {
                k: (a.get(k), b.get(k)) for k in sorted(a.keys() | b.keys()) if a.get(k) != b.get(k)
            }
            choice, resolution = decide(kind, record) if decide else ("", "")
            summary.conflicts.append(
                Conflict(
                    kind,
                    record["uuid"],
                    _conflict_label(kind, mine, names),
                    differences,
                    resolution,
                    a,
                    b,
                    choice,
                )
            )
    return new


def import_document(
    catalogue: Catalogue,
    document: dict[str, Any],
    data_root: Path | None,
    *,
    on_conflict: str = "keep",
    resolutions: dict[str, str] | None = None,
    label: str = "Import citation bundle",
    progress: Progress | None = None,
) -> ImportSummary:
    resolutions = resolutions or {}
    for choice in [on_conflict, *resolutions.values()]:
        if choice not in ON_CONFLICT:
            raise ValueError(f"a conflict is resolved by one of {', '.join(ON_CONFLICT)}")
    records: dict[str, list[dict[str, Any]]] = document["records"]
    summary = ImportSummary(label=label)
    updates: dict[str, list[dict[str, Any]]] = {kind: [] for kind in IMPORT_ORDER}

    def decide(kind: str, record: dict[str, Any]) -> tuple[str, str]:
        choice = resolutions.get(record["uuid"], on_conflict)
        if choice == "both" and kind != "citation":
            choice = "keep"  # only a claim can stand twice; their claims about it come in anyway
        return choice, _resolve(kind, record, choice, plan, updates)

    with catalogue.engine.connect() as connection:
        plan: dict[str, list[dict[str, Any]]] = {kind: [] for kind in IMPORT_ORDER}
        for kind, rows in compare(connection, records, summary, decide).items():
            plan[kind][:0] = rows  # the new records, before any further claims `decide` added
        summary.added = {}  # counted again below, from what is written
        if any(c.choice == "both" and c.kind == "citation" for c in summary.conflicts):
            _drop_claims_already_here(connection, plan["citation"])
        _refuse_taken_identifiers(connection, plan["work"])
    store = FileStore.for_catalogue(catalogue.path)
    new_files: list[str] = []
    try:
        with operation(catalogue, label) as op:
            for step, kind in enumerate(IMPORT_ORDER, start=1):
                rows = parents_first(plan[kind]) if kind == "event" else plan[kind]
                if kind == "attachment" and rows:
                    new_files = _store_files(store, rows, document.get("files", {}), data_root)
                if rows:
                    op.create_many(
                        kind, [{k: v for k, v in r.items() if v is not None} for r in rows]
                    )
                    summary.added[kind] = len(rows)
                for record in updates[kind]:
                    values = {s.name: record.get(s.name) for s in SPECS[kind]}
                    op.update(kind, record["uuid"], values)
                if progress:
                    progress("Importing records", step, len(IMPORT_ORDER))
    except ValidationError as exc:
        _remove(store, new_files)
        raise ImportRefused(
            label,
            [
                f"{exc.kind.replace('_', ' ')} {exc.record or ''}: "
                + "; ".join(str(e) for e in exc.errors)
            ],
        ) from None
    except BaseException:
        _remove(store, new_files)
        raise
    summary.files_added = len(new_files)
    return summary


def _resolve(
    kind: str,
    record: dict[str, Any],
    on_conflict: str,
    plan: dict[str, list[dict[str, Any]]],
    updates: dict[str, list[dict[str, Any]]],
) -> str:
    if on_conflict == "theirs":
        updates[kind].append(record)
        return "ours was replaced by theirs"
    if on_conflict == "both" and kind == "citation":
        content = json.dumps(
            normalized(kind, record), sort_keys=True, ensure_ascii=False, default=str
        )
        further = str(uuid_module.uuid5(FURTHER_CLAIM, f"{record['uuid']}:{content}"))
        note = f"Imported as a further claim beside citation {record['uuid']}, which differs."
        plan[kind].append(
            {
                **record,
                "uuid": further,
                "preferred": False,
                "note": "\n".join(filter(None, [record.get("note"), note])),
            }
        )
        return f"kept ours, and theirs as a further citation {further}"
    return "kept ours"


def _drop_claims_already_here(connection: Connection, rows: list[dict[str, Any]]) -> None:
    """A further claim from an earlier import of the same bundle is not added twice."""
    table = table_of("citation")
    uuids = [r["uuid"] for r in rows]
    present: set[str] = set()
    for start in range(0, len(uuids), 500):
        present.update(
            connection.scalars(
                select(table.c.uuid).where(table.c.uuid.in_(uuids[start : start + 500]))
            )
        )
    rows[:] = [r for r in rows if r["uuid"] not in present]


def _refuse_taken_identifiers(connection: Connection, works: list[dict[str, Any]]) -> None:
    table = table_of("work")
    problems: list[str] = []
    first: dict[str, str] = {}
    for work in works:
        identifier = work.get("identifier")
        if isinstance(identifier, str):
            if identifier in first:
                problems.append(
                    f"work identifier {identifier} is used by both {first[identifier]} and {work['uuid']}"
                )
            first.setdefault(identifier, work["uuid"])
    wanted = list(first)
    for start in range(0, len(wanted), 500):
        for identifier, other in connection.execute(
            select(table.c.identifier, table.c.uuid).where(
                table.c.identifier.in_(wanted[start : start + 500])
            )
        ):
            problems.append(f"work identifier {identifier} is already used by our work {other}")
    if problems:
        raise ImportRefused("records.json", problems)


def _store_files(
    store: FileStore,
    attachments: list[dict[str, Any]],
    files: dict[str, str],
    data_root: Path | None,
) -> list[str]:
    """Copy the new attachments' files into the file store; returns the digests it did not
    hold before, so that a failed import can take them out again."""
    added: list[str] = []
    for sha256 in sorted({a["sha256"] for a in attachments if isinstance(a.get("sha256"), str)}):
        if store.has(sha256):
            continue
        if data_root is None or sha256 not in files:
            raise ImportRefused("records.json", [f"no file for attachment SHA-256 {sha256}"])
        stored = store.add(data_root / files[sha256])
        added.append(stored.sha256)
        if stored.sha256 != sha256:
            raise ImportRefused("records.json", [f"{files[sha256]} does not have SHA-256 {sha256}"])
    return added


def _remove(store: FileStore, digests: list[str]) -> None:
    for sha256 in digests:
        store.path_for(sha256).unlink(missing_ok=True)
