"""Integrity checks of a catalogue: SQLite's own checks, references, the schema version, the
attachment files (fixity and orphans), and the checks run every time a catalogue is opened.

Other parts register further checks (the search index) in `EXTRA_CHECKS`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from nkarchive.model import Attachment, Change
from nkarchive.store import migrate
from nkarchive.store.catalogue import Catalogue
from nkarchive.store.errors import CatalogueDamaged

if TYPE_CHECKING:
    from nkarchive.store.files import FileStore


@dataclass
class CheckReport:
    """Named checks, each with the problems it found (an empty list means it passed)."""

    results: dict[str, list[str]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not any(self.results.values())

    def add(self, name: str, problems: list[str]) -> None:
        self.results[name] = problems

    def lines(self) -> list[str]:
        out = []
        for name, problems in self.results.items():
            out.append(f"{'ok  ' if not problems else 'FAIL'} {name}")
            out.extend(f"     - {problem}" for problem in problems[:50])
            if len(problems) > 50:
                out.append(f"     … and {len(problems) - 50} more")
        return out


Check = Callable[[Catalogue], list[str]]
EXTRA_CHECKS: dict[str, Check] = {}


def sqlite_integrity(catalogue: Catalogue, *, quick: bool = False) -> list[str]:
    pragma = "quick_check" if quick else "integrity_check"
    with catalogue.engine.connect() as connection:
        rows = [str(row[0]) for row in connection.exec_driver_sql(f"PRAGMA {pragma}")]
    return [] if rows == ["ok"] else rows


def foreign_keys(catalogue: Catalogue) -> list[str]:
    with catalogue.engine.connect() as connection:
        rows = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    return [f"{table} row {rowid} points at a missing {parent}" for table, rowid, parent, _ in rows]


def schema_version(catalogue: Catalogue) -> list[str]:
    current, head = catalogue.schema_revision(), migrate.head_revision()
    return [] if current == head else [f"schema is {current}, this version expects {head}"]


def attachment_fixity(catalogue: Catalogue, *, quick: bool = False) -> list[str]:
    """Every attachment's file is in the file store and still has its SHA-256 (with `quick`,
    its size, which finds truncation without reading every scan)."""
    from nkarchive.store.files import FileStore

    store = FileStore.for_catalogue(catalogue.path)
    with catalogue.session() as session:
        rows = session.execute(
            select(Attachment.uuid, Attachment.original_name, Attachment.sha256, Attachment.size)
            .order_by(Attachment.id)
        ).all()
    problems: list[str] = []
    verdicts: dict[str, str | None] = {}  # one reading per stored file, however many use it
    for uuid, name, sha256, size in rows:
        if sha256 not in verdicts:
            verdicts[sha256] = _file_problem(store, sha256, size, quick=quick)
        verdict = verdicts[sha256]
        if verdict:
            problems.append(f"attachment “{name}” ({uuid}): {verdict}")
    return problems


def _file_problem(store: FileStore, sha256: str, size: int, *, quick: bool) -> str | None:
    from nkarchive.store.files import file_digest

    try:
        path = store.path_for(sha256)
    except ValueError:
        return f"its recorded checksum {sha256!r} is not a SHA-256"
    short = f"{sha256[:2]}/{sha256[2:12]}…"
    if not path.is_file():
        return f"its file {short} is missing from {store.root.name}"
    actual_size = path.stat().st_size
    if actual_size != size:
        return f"its file {short} has changed: {actual_size:,} bytes, {size:,} when added"
    if not quick:
        try:
            actual = file_digest(path)
        except OSError as exc:
            return f"its file {short} cannot be read ({exc.strerror or exc})"
        if actual != sha256:
            return f"its file {short} has changed: its SHA-256 is now {actual[:12]}…"
    return None


def orphan_files(catalogue: Catalogue) -> list[str]:
    """Files in the file store that no attachment uses, now or in the Change log (left by an
    interrupted import or an attached file never saved).

    The file of an attachment that was deleted, by an edit or by undoing an import, stays in
    the store and is not an orphan: undo and redo replay the attachment's row, and the Change
    log holds it whole, so the file must be there when the attachment comes back. The store is
    content-addressed and never changes a file, so keeping it is safe and a redo finds it intact.
    """
    from nkarchive.store.files import FileStore

    store = FileStore.for_catalogue(catalogue.path)
    if not store.root.is_dir():
        return []
    with catalogue.session() as session:
        used = set(session.scalars(select(Attachment.sha256).distinct()))
    unused: dict[str, str] = {}
    for path in sorted(store.root.rglob("*")):
        relative = path.relative_to(store.root)
        if not path.is_file() or relative.parts[0].startswith("."):
            continue  # files being added right now are dot-named at the top
        digest = "".join(relative.parts)
        if digest not in used:
            unused[digest] = relative.as_posix()
    kept = files_of_deleted_attachments(catalogue) if unused else set()
    return [
        f"{store.root.name}/{relative} is not used by any attachment"
        for digest, relative in unused.items()
        if digest not in kept
    ]


def files_of_deleted_attachments(catalogue: Catalogue) -> set[str]:
    """The SHA-256 of every attachment the Change log shows deleted or given another file:
    undo, redo or the log can bring it back, so its file is kept."""
    with catalogue.engine.connect() as connection:
        rows = connection.execute(
            select(func.json_extract(Change.old_value, "$.sha256")).where(
                Change.record_kind == "attachment",
                Change.action == "delete",
                func.json_valid(Change.old_value),
            )
        ).scalars()
        found = {str(digest) for digest in rows if digest}
        found.update(
            str(digest)
            for digest in connection.execute(
                select(Change.old_value).where(
                    Change.record_kind == "attachment",
                    Change.action == "update",
                    Change.field == "sha256",
                )
            ).scalars()
            if digest
        )
    return found


def check_catalogue(catalogue: Catalogue, *, quick: bool = False) -> CheckReport:
    report = CheckReport()
    report.add("SQLite integrity", sqlite_integrity(catalogue, quick=quick))
    report.add("references between records", foreign_keys(catalogue))
    report.add("schema version", schema_version(catalogue))
    report.add("attachment files (fixity)", attachment_fixity(catalogue, quick=quick))
    report.add("orphan files in the file store", orphan_files(catalogue))
    for name, check in EXTRA_CHECKS.items():
        report.add(name, check(catalogue))
    return report


# -- at every open -----------------------------------------------------------------------------


def problems_on_open(path: Path, *, full: bool, read_only: bool) -> list[str]:
    """SQLite's quick check (and, after an unclean exit, its full check and the references),
    run on the file before anything else touches it."""
    uri = f"file:{path}?mode={'ro' if read_only else 'rw'}"
    con = sqlite3.connect(uri, uri=True)
    con.text_factory = lambda raw: raw.decode("utf-8", errors="replace")  # damage is not UTF-8
    try:
        rows = [str(row[0]) for row in con.execute(f"PRAGMA {'integrity_check' if full else 'quick_check'}")]
        problems = [] if rows == ["ok"] else rows
        if full:
            problems += [
                f"{table} row {rowid} points at a missing {parent}"
                for table, rowid, parent, _ in con.execute("PRAGMA foreign_key_check")
            ]
        return problems
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    except UnicodeDecodeError:
        # SQLite's message quotes the damaged bytes (of the schema's own text), which the driver
        # cannot decode: the message is lost, not the finding.
        return ["damage in the file's schema, where SQLite's message could not be read"]
    finally:
        con.close()


def damage_error(path: Path, problems: list[str]) -> CatalogueDamaged:
    """The plain message for a damaged catalogue, naming the newest backup that is sound."""
    from nkarchive.store.backup import newest_good_backup

    first = problems[0] if len(problems) == 1 else f"{len(problems)} problems, the first: {problems[0]}"
    message = f"is damaged (SQLite's check found {first})."
    backup = newest_good_backup(path)
    if backup is None:
        message += (" No sound backup of it was found. Copy the file somewhere safe before "
                    "anything else, then try `nkarchive check` on the copy.")
    else:
        when = backup.taken.astimezone().strftime("%Y-%m-%d %H:%M")
        message += (f" The newest good backup is {backup.path.name}, made {when}, in "
                    f"{backup.path.parent}. Restore it with `nkarchive restore {backup.path.name}` "
                    "(or File ▸ Restore backup); the damaged file is kept aside.")
    return CatalogueDamaged(path, message)
