"""Copies of a catalogue made with SQLite's online backup API, never by copying a live file."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path


def backup_database(source: Path, destination: Path) -> Path:
    """Write a consistent copy of `source` to `destination` (created; must not exist)."""
    if destination.exists():
        raise FileExistsError(f"backup target already exists: {destination}")
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
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
    partial.replace(destination)
    return destination


def backups_dir(catalogue: Path) -> Path:
    return catalogue.with_name(catalogue.name + ".backups")


def timestamped_backup_path(catalogue: Path, reason: str) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    return backups_dir(catalogue) / f"{catalogue.stem}-{stamp}-{reason}{catalogue.suffix}"
