"""Copies of a catalogue made with SQLite's online backup API, never by copying a live file;
kept in `<catalogue>.backups/`, checked, rotated, listed and restored.

Automatic backups (made at open once a day and at close after changes) rotate: the newest of
each of the last 7 days and of the last 4 weeks are kept. The numbers are the user's to set in
`backups.json` in the user config folder, e.g. `{"keep_daily": 14, "keep_weekly": 8}`; a file
setting rather than a catalogue setting because it is about the computer's disk, and because
reading it must not need the catalogue (which may be the thing that is damaged). Backups made
before a schema upgrade, by hand, or set aside by a restore are never rotated away.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from nkarchive import paths
from nkarchive.store.errors import CatalogueDamaged, CatalogueError, CatalogueMissing, NotACatalogue

STAMP = "%Y%m%dT%H%M%S%fZ"
POLICY_FILE = "backups.json"
ROTATED_REASONS = frozenset({"open", "close"})
BACKUP_INTERVAL = timedelta(days=1)


def backup_database(source: Path, destination: Path) -> Path:
    """Write a consistent copy of `source` to `destination` (created; must not exist)."""
    if destination.exists():
        raise FileExistsError(f"backup target already exists: {destination}")
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(partial)
            try:
                src.backup(dst)
                # A backup is a single self-contained file: no -wal beside it to lose.
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        _fsync(partial)
        partial.replace(destination)
        _fsync_folder(destination.parent)
    finally:
        partial.unlink(missing_ok=True)
    return destination


def backups_dir(catalogue: Path) -> Path:
    return catalogue.with_name(catalogue.name + ".backups")


def timestamped_backup_path(catalogue: Path, reason: str) -> Path:
    stamp = datetime.now(UTC).strftime(STAMP)
    return backups_dir(catalogue) / f"{catalogue.stem}-{stamp}-{reason}{catalogue.suffix}"


# -- policy ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BackupPolicy:
    keep_daily: int = 7
    keep_weekly: int = 4
    automatic: bool = True


def load_policy() -> BackupPolicy:
    """The user's backup settings; a missing or malformed file means the defaults."""
    try:
        data: Any = json.loads((paths.user_config_dir() / POLICY_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return BackupPolicy()
    if not isinstance(data, dict):
        return BackupPolicy()
    default = BackupPolicy()

    def count(key: str, fallback: int) -> int:
        value = data.get(key, fallback)
        return (
            value
            if isinstance(value, int) and not isinstance(value, bool) and value >= 0
            else fallback
        )

    automatic = data.get("automatic", True)
    return BackupPolicy(
        keep_daily=count("keep_daily", default.keep_daily),
        keep_weekly=count("keep_weekly", default.keep_weekly),
        automatic=automatic if isinstance(automatic, bool) else True,
    )


# -- the list ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken: datetime  # UTC
    reason: str
    size: int

    def describe(self) -> str:
        local = self.taken.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        return f"{local}  {_human_size(self.size):>9}  {self.reason:<22} {self.path.name}"


def list_backups(catalogue: Path) -> list[BackupInfo]:
    """The backups of `catalogue` in its backups folder, newest first."""
    folder = backups_dir(catalogue)
    pattern = re.compile(
        re.escape(catalogue.stem)
        + r"-(\d{8}T\d{12}Z)-([A-Za-z0-9_.-]+)"
        + re.escape(catalogue.suffix)
        + "$"
    )
    found: list[BackupInfo] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for entry in entries:
        match = pattern.match(entry.name)
        if not match or not entry.is_file():
            continue
        taken = datetime.strptime(match.group(1), STAMP).replace(tzinfo=UTC)
        found.append(BackupInfo(entry, taken, match.group(2), entry.stat().st_size))
    found.sort(key=lambda info: info.taken, reverse=True)
    return found


def verify_backup(path: Path) -> list[str]:
    """Problems found by opening the backup and running SQLite's quick check ([] when sound)."""
    if not path.is_file():
        return [f"{path} does not exist"]
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        con.text_factory = lambda raw: raw.decode("utf-8", errors="replace")  # damage is not UTF-8
        try:
            rows = [str(row[0]) for row in con.execute("PRAGMA quick_check")]
            tables = {
                row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        return [f"{path.name} cannot be read as a catalogue ({exc})"]
    if "alembic_version" not in tables:
        return [f"{path.name} is not an nkarchive catalogue"]
    return [] if rows == ["ok"] else rows


def newest_good_backup(catalogue: Path) -> BackupInfo | None:
    """The newest backup that passes its check, for the offer to restore a damaged catalogue."""
    for info in list_backups(catalogue):
        if not verify_backup(info.path):
            return info
    return None


def backup_due(catalogue: Path, now: datetime | None = None) -> bool:
    backups = list_backups(catalogue)
    return not backups or (now or datetime.now(UTC)) - backups[0].taken >= BACKUP_INTERVAL


# -- making and rotating -----------------------------------------------------------------------


def make_backup(catalogue: Path, reason: str, policy: BackupPolicy | None = None) -> BackupInfo:
    """Back up into the backups folder, check the copy, and only then drop old rotated ones."""
    destination = timestamped_backup_path(catalogue, reason)
    try:
        backup_database(catalogue, destination)
    except sqlite3.DatabaseError as exc:
        raise CatalogueError(
            catalogue, f"could not be backed up to {destination.parent} ({exc})"
        ) from exc
    except OSError as exc:
        raise CatalogueError(
            catalogue, f"could not be backed up to {destination.parent} ({exc.strerror or exc})"
        ) from exc
    problems = verify_backup(destination)
    if problems:
        destination.unlink(missing_ok=True)
        raise CatalogueDamaged(
            catalogue,
            f"its backup failed its check ({problems[0]}); the catalogue may be damaged. "
            "No older backup was removed.",
        )
    info = BackupInfo(destination, _stamp_of(destination), reason, destination.stat().st_size)
    if reason in ROTATED_REASONS:
        prune(catalogue, policy or load_policy())
    return info


def prune(catalogue: Path, policy: BackupPolicy, now: datetime | None = None) -> list[Path]:
    """Drop rotated backups beyond the newest per day (`keep_daily` days) and per week."""
    rotated = [info for info in list_backups(catalogue) if info.reason in ROTATED_REASONS]
    keep: set[Path] = {rotated[0].path} if rotated else set()  # never drop the newest
    days: dict[object, Path] = {}
    weeks: dict[object, Path] = {}
    for info in rotated:  # newest first: the first of each day or week is its newest
        local = info.taken.astimezone()
        days.setdefault(local.date(), info.path)
        weeks.setdefault(local.isocalendar()[:2], info.path)
    keep.update(list(days.values())[: policy.keep_daily])
    keep.update(list(weeks.values())[: policy.keep_weekly])
    removed = []
    for info in rotated:
        if info.path not in keep:
            info.path.unlink(missing_ok=True)
            removed.append(info.path)
    _remove_abandoned_partials(catalogue, now)
    return removed


def _remove_abandoned_partials(catalogue: Path, now: datetime | None) -> None:
    # A backup interrupted by a crash leaves a .partial file; one an hour old is nobody's.
    limit = (now or datetime.now(UTC)).timestamp() - 3600
    for partial in backups_dir(catalogue).glob("*.partial"):
        try:
            if partial.stat().st_mtime < limit:
                partial.unlink()
        except OSError:
            pass


# -- restoring ---------------------------------------------------------------------------------


def restore_backup(catalogue: Path, backup: Path) -> Path | None:
    """Put `backup` in place of `catalogue`, which must not be open anywhere.

    The backup is checked first; the current file (with its -wal and -shm, so that it stays
    whole) is set aside in the backups folder, and its path returned; the restored file gets no
    -wal or -shm beside it, so no stale log is ever replayed onto it.
    """
    from nkarchive.store.lock import acquire

    catalogue = catalogue.absolute()
    backup = backup.absolute()
    if not backup.is_file():
        raise CatalogueMissing(backup, "no such backup")
    problems = verify_backup(backup)
    if problems:
        raise CatalogueDamaged(backup, f"cannot be restored: it fails its check ({problems[0]})")
    if not catalogue.parent.is_dir():
        raise CatalogueMissing(catalogue, f"the folder {catalogue.parent} does not exist")
    lock = acquire(catalogue)
    try:
        if lock.shared:
            raise CatalogueError(
                catalogue, "is open in this copy of nkarchive; close it before restoring a backup"
            )
        incoming = catalogue.with_name(f".{catalogue.name}.restoring-{os.getpid()}")
        incoming.unlink(missing_ok=True)
        backup_database(backup, incoming)
        problems = verify_backup(incoming)
        if problems:
            incoming.unlink(missing_ok=True)
            raise CatalogueDamaged(backup, f"could not be copied intact ({problems[0]})")
        aside = _set_aside(catalogue) if catalogue.exists() else None
        for log in _logs(catalogue):
            log.unlink(missing_ok=True)
        incoming.replace(catalogue)
        _fsync_folder(catalogue.parent)
        return aside
    finally:
        lock.release()


def _set_aside(catalogue: Path) -> Path:
    """Keep the current catalogue (and its log) in the backups folder before it is replaced."""
    # Fold the log into the file first where it can be: the copy set aside is then one file.
    try:
        con = sqlite3.connect(catalogue)
        try:
            con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            con.close()
    except sqlite3.DatabaseError:
        pass  # a damaged file is set aside exactly as it is
    aside = timestamped_backup_path(catalogue, "replaced-by-restore")
    aside.parent.mkdir(parents=True, exist_ok=True)
    for part, target in ((catalogue, aside), *zip(_logs(catalogue), _logs(aside), strict=True)):
        if part.exists():
            try:
                os.link(part, target)
            except OSError:
                shutil.copy2(part, target)
    return aside


def _logs(path: Path) -> tuple[Path, Path]:
    return Path(f"{path}-wal"), Path(f"{path}-shm")


def _stamp_of(path: Path) -> datetime:
    match = re.search(r"-(\d{8}T\d{12}Z)-", path.name)
    if match is None:
        raise NotACatalogue(path, "is not named like a backup")
    return datetime.strptime(match.group(1), STAMP).replace(tzinfo=UTC)


def _human_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{value:,.0f} {unit}" if unit == "B" else f"{value:,.1f} {unit}"
        value /= 1024
    return f"{size} B"


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    # Makes a rename durable on POSIX; Windows cannot open folders this way and needs no help.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
