"""Storage guardrails: warn about catalogues on network shares or in cloud-synced folders, and
turn SQLite's low-level write failures (disk full, read-only, file gone) into plain messages.
"""

from __future__ import annotations

import re
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy.exc

from nkarchive.store.errors import (
    CatalogueDamaged,
    CatalogueError,
    CatalogueMissing,
    CatalogueReadOnly,
)

MOUNTS_FILE = Path("/proc/mounts")

NETWORK_FILE_SYSTEMS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb",
        "smb2",
        "smb3",
        "smbfs",
        "sshfs",
        "fuse.sshfs",
        "9p",
        "afs",
        "ncpfs",
        "coda",
        "ceph",
        "fuse.ceph",
        "glusterfs",
        "fuse.glusterfs",
        "lustre",
        "gpfs",
        "davfs",
        "fuse.davfs2",
        "fuse.rclone",
        "fuse.s3fs",
        "fuse.gcsfuse",
        "fuse.gvfsd-fuse",
        "virtiofs",
        "vboxsf",
        "prl_fs",
        "vmhgfs",
        "fuse.vmhgfs-fuse",
    }
)

# Folder names the sync clients create; matched against every folder above the catalogue.
CLOUD_FOLDERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("Dropbox", re.compile(r"^Dropbox( \(.+\))?$", re.IGNORECASE)),
    ("OneDrive", re.compile(r"^OneDrive( - .+)?$", re.IGNORECASE)),
    ("Google Drive", re.compile(r"^(Google ?Drive|GoogleDrive-.+|My Drive)$", re.IGNORECASE)),
    ("iCloud Drive", re.compile(r"^(iCloud ?Drive|Mobile Documents)$", re.IGNORECASE)),
    ("a cloud storage provider", re.compile(r"^CloudStorage$")),  # macOS ~/Library/CloudStorage
)

NETWORK_RISK = (
    "is on a network file system ({kind} at {mount}). SQLite cannot always lock files on network "
    "shares, so two computers writing at once can damage it, and a dropped connection during a "
    "save can lose the save. nkarchive keeps its journal in the file there (no write-ahead log), "
    "but the safest place for a catalogue is a local disk; back it up to the share instead."
)
CLOUD_RISK = (
    "is inside a {service} folder. Sync clients copy a catalogue while it is being written and "
    "may replace it with a copy from another computer, which can damage it or silently undo "
    "work. nkarchive keeps its journal in the file there (no write-ahead log), but the safest "
    "place for a catalogue is a local folder that is not synced; put backups in the synced one."
)


def storage_warning(path: Path) -> str | None:
    """Why the catalogue's folder is a risky place for it, in the user's words, or None."""
    resolved = path.resolve()
    network = network_mount(resolved)
    if network is not None:
        kind, mount = network
        return f"{path}: " + NETWORK_RISK.format(kind=kind, mount=mount)
    service = cloud_service(resolved)
    if service is not None:
        return f"{path}: " + CLOUD_RISK.format(service=service)
    return None


def journal_mode_for(path: Path) -> str:
    """WAL needs shared memory that network shares and sync clients do not provide."""
    return "DELETE" if storage_warning(path) else "WAL"


def network_mount(path: Path) -> tuple[str, str] | None:
    """(file system type, mount point) when `path` lies on a network file system."""
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        return _windows_network_drive(path)
    try:
        text = MOUNTS_FILE.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None  # not Linux (macOS has no /proc); treated as local
    best: tuple[str, str] | None = None
    for line in text.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        mount, kind = _unescape(fields[1]), fields[2]
        if _is_under(path, mount) and (best is None or len(mount) > len(best[1])):
            best = (kind, mount)
    if best is not None and best[0].lower() in NETWORK_FILE_SYSTEMS:
        return best
    return None


def cloud_service(path: Path) -> str | None:
    for folder in path.parents:
        for service, pattern in CLOUD_FOLDERS:
            if pattern.match(folder.name):
                return service
        if (folder / ".dropbox").exists() or (folder / ".dropbox.cache").exists():
            return "Dropbox"
    return None


def _unescape(field: str) -> str:
    # /proc/mounts writes spaces, tabs, newlines and backslashes in octal: "My\040Share".
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), field)


def _is_under(path: Path, mount: str) -> bool:
    return mount == "/" or path == Path(mount) or Path(mount) in path.parents


def _windows_network_drive(path: Path) -> tuple[str, str] | None:  # pragma: no cover
    import ctypes

    text = str(path)
    if text.startswith("\\\\"):
        return ("a network share", "\\\\" + "\\".join(text[2:].split("\\")[:2]))
    root = path.drive + "\\"
    if ctypes.windll.kernel32.GetDriveTypeW(root) == 4:  # type: ignore[attr-defined]  # DRIVE_REMOTE
        return ("a network drive", root)
    return None


# -- write failures ----------------------------------------------------------------------------

NOTHING_SAVED = "nothing was saved, and the catalogue is as it was before this change"


def storage_failure(path: Path, exc: BaseException) -> CatalogueError | None:
    """A plain CatalogueError for an SQLite write failure the user can do something about."""
    message = str(getattr(exc, "orig", None) or exc).lower()
    if "database or disk is full" in message:
        return CatalogueError(
            path,
            f"the disk is full; {NOTHING_SAVED}. Free some space (or save the catalogue "
            "elsewhere) and save again.",
        )
    if "attempt to write a readonly database" in message:
        if not path.exists():
            return CatalogueMissing(
                path,
                f"was moved or deleted while it was open; {NOTHING_SAVED}. Put the file back "
                "and reopen it (or restore a backup).",
            )
        return CatalogueReadOnly(
            path,
            f"can no longer be written (the file or its folder became read-only); {NOTHING_SAVED}.",
        )
    if "unable to open database file" in message:
        if not path.exists():
            return CatalogueMissing(
                path,
                f"was moved or deleted while it was open; {NOTHING_SAVED}. Put the file back "
                "and reopen it (or restore a backup).",
            )
        return CatalogueReadOnly(path, f"cannot be opened for writing; {NOTHING_SAVED}.")
    if "disk i/o error" in message:
        where = "" if path.exists() else " (the file is no longer there)"
        return CatalogueError(
            path,
            f"could not be written: the drive reported an error{where}. It may be full, "
            f"removed, or failing; {NOTHING_SAVED}. Check the drive and save again.",
        )
    if "database is locked" in message or "database is busy" in message:
        return CatalogueError(
            path,
            f"is busy: another program is writing to it; {NOTHING_SAVED}. Try again in a moment.",
        )
    if "malformed" in message or "file is not a database" in message:
        return CatalogueDamaged(
            path,
            f"is damaged ({message}); {NOTHING_SAVED}. Close it and restore the newest backup.",
        )
    return None


@contextmanager
def plain_storage_errors(path: Path) -> Iterator[None]:
    """Re-raise SQLite write failures as the CatalogueError that explains them."""
    try:
        yield
    except (
        sqlalchemy.exc.OperationalError,
        sqlalchemy.exc.DatabaseError,
        sqlite3.DatabaseError,
    ) as exc:
        plain = storage_failure(path, exc)
        if plain is None:
            raise
        raise plain from exc
