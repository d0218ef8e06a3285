"""Giving a catalogue's free space back to the disk.

SQLite keeps the pages of deleted rows and dropped tables inside the file for reuse, and pages
that many changes have left half full stay so: an upgrade that replaces the search index or a
large deletion leaves the file larger than its contents (91 MiB of free pages in one upgraded
copy of the 100,000-work synthetic catalogue). `compact` backs the catalogue up, rewrites it
packed and without free pages (SQLite's VACUUM, which either completes or leaves the file as it
was), checks it, and says how much smaller it became.
"""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from nkarchive.store.backup import make_backup
from nkarchive.store.errors import CatalogueDamaged, CatalogueError, CatalogueReadOnly

if TYPE_CHECKING:
    from nkarchive.store.catalogue import Catalogue


@dataclass(frozen=True)
class Compacted:
    before: int  # bytes on disk (with the write-ahead log)
    after: int
    free_before: int  # bytes of free pages before
    backup: Path


def on_disk(path: Path) -> int:
    """The catalogue's bytes on disk: the file and its write-ahead log."""
    wal = path.with_name(path.name + "-wal")
    return path.stat().st_size + (wal.stat().st_size if wal.exists() else 0)


def free_bytes(path: Path) -> int:
    """Bytes of free pages in the catalogue file."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        pages = connection.execute("PRAGMA freelist_count").fetchone()[0]
        size = connection.execute("PRAGMA page_size").fetchone()[0]
    return int(pages) * int(size)


def compact(catalogue: Catalogue) -> Compacted:
    """Back up, then rewrite the open catalogue without its free pages. Needs room for the
    backup and for the rewrite (each about the size of the catalogue)."""
    path = catalogue.path
    if catalogue.read_only:
        raise CatalogueReadOnly(path, "is open read-only; it cannot be compacted")
    before = on_disk(path)
    needed = 2 * before
    available = shutil.disk_usage(path.parent).free
    if available < needed:
        raise CatalogueError(
            path,
            f"cannot be compacted here: it needs {needed / 2**20:,.0f} MiB of free disk space "
            f"(a backup and a rewritten copy), and {available / 2**20:,.0f} MiB are free",
        )
    free_before = free_bytes(path)
    backup = make_backup(path, "compact").path
    # The catalogue's own connections hold no transaction between operations; VACUUM takes the
    # write lock like any write, on a connection of its own outside a transaction.
    connection = sqlite3.connect(path, isolation_level=None, timeout=30)
    try:
        connection.execute("VACUUM")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        found = connection.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.OperationalError as exc:
        raise CatalogueError(
            path, f"could not be compacted ({exc}); it is as it was, and backed up in {backup}"
        ) from exc
    finally:
        connection.close()
    if found != "ok":
        raise CatalogueDamaged(
            path, f"failed its check after compacting ({found}); a backup is in {backup}"
        )
    return Compacted(before, on_disk(path), free_before, backup)
