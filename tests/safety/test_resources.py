"""Disk full, a read-only file, a file removed under the app, a busy catalogue: a plain error,
nothing half-saved, and the catalogue as it was."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from nkarchive import ops
from nkarchive.store.catalogue import Catalogue
from nkarchive.store.check import check_catalogue
from nkarchive.store.errors import CatalogueError, CatalogueMissing, CatalogueReadOnly
from tests.safety.harness import group_versions
from tests.safety.worker import create_group

REPO = Path(__file__).resolve().parents[2]


def worker(*args: str, timeout: float = 300) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-m", "tests.safety.worker", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout.splitlines()


def test_disk_full_during_a_save_loses_nothing_and_says_so(catalogue: Catalogue) -> None:
    path = catalogue.path
    create_group(catalogue, "g-before-0", "v0")
    catalogue.close()
    limit = path.stat().st_size + 300_000  # every file, the log included, may grow this far
    lines = worker("diskfull", str(path), str(limit))
    saved = [line.split()[2] for line in lines if line.startswith("DONE")]
    errors = [line for line in lines if line.startswith("ERROR")]
    assert saved and len(errors) == 1, lines
    assert "nothing was saved" in errors[0]
    assert "disk is full" in errors[0] or "drive reported an error" in errors[0]
    assert lines[-1] == "CLOSED"  # closing (whose backup cannot be written either) did not fail
    with Catalogue.open(path) as reopened:
        assert check_catalogue(reopened).ok
        versions, halves = group_versions(reopened)
    assert not halves
    assert set(versions) == {"g-before-0", *saved}


def test_disk_full_during_an_import_imports_nothing_and_says_so(
    catalogue: Catalogue, demo_catalogue: Catalogue, tmp_path: Path
) -> None:
    from nkarchive.interchange.bundle import export_bundle
    from nkarchive.interchange.records import Selection

    bundle = tmp_path / "demo-bundle.zip"
    export_bundle(demo_catalogue, Selection(everything=True), bundle)
    path = catalogue.path
    before = catalogue.counts()
    catalogue.close()
    # The demo's records need far more room than this: the disk "fills" inside the import.
    limit = path.stat().st_size + 60_000
    lines = worker("importfull", str(path), str(bundle), str(limit))
    errors = [line for line in lines if line.startswith("ERROR")]
    assert "IMPORTED" not in lines and len(errors) == 1, lines
    assert "nothing was saved" in errors[0]
    assert lines[-1] == "CLOSED"
    with Catalogue.open(path) as reopened:
        assert check_catalogue(reopened).ok
        assert reopened.counts() == before  # all or nothing: nothing


def test_write_to_a_read_only_file_is_a_plain_error(catalogue: Catalogue) -> None:
    """SQLite's "attempt to write a readonly database" (here forced with query_only, which
    reports it the same way, as permissions cannot be taken from root)."""
    ops.create(catalogue, "agent", {"agent_type": "person"})
    before = catalogue.counts()

    @event.listens_for(catalogue.engine, "connect")
    def _read_only(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.execute("PRAGMA query_only=ON")

    with pytest.raises(CatalogueReadOnly, match=r"can no longer be written .* nothing was saved"):
        ops.create(catalogue, "agent", {"agent_type": "organisation"})
    event.remove(catalogue.engine, "connect", _read_only)
    assert catalogue.counts() == before


def test_file_removed_under_the_app(catalogue: Catalogue, tmp_path: Path) -> None:
    path = catalogue.path
    ops.create(catalogue, "agent", {"agent_type": "person"})
    moved = tmp_path / "moved away.nkcat"
    path.rename(moved)
    with pytest.raises(
        CatalogueMissing, match="moved or deleted while it was open; nothing was saved"
    ):
        ops.create(catalogue, "agent", {"agent_type": "organisation"})
    assert not path.exists()  # not silently re-created empty
    catalogue.close()
    with Catalogue.open(moved) as found:
        assert found.counts()["agent"] == 1


def test_busy_catalogue_is_a_plain_error(
    catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = sqlite3.connect(catalogue.path, timeout=0)
    blocker.execute("BEGIN IMMEDIATE")
    monkeypatch.setattr("nkarchive.store.engine.BUSY_TIMEOUT_MS", 100)
    path = catalogue.path
    catalogue.close()
    with Catalogue.open(path) as busy:
        try:
            with pytest.raises(CatalogueError, match="is busy: another program is writing to it"):
                ops.create(busy, "agent", {"agent_type": "person"})
        finally:
            blocker.rollback()
            blocker.close()
        assert busy.counts()["agent"] == 0


def test_two_processes_refused_by_the_lock(catalogue: Catalogue) -> None:
    """The one-writer lock: a second copy is refused outright, before writing anything."""
    lines = worker("write", str(catalogue.path), "second", "3")
    assert lines[0].startswith("REFUSED") and "Test Cataloguer" in lines[0]
    assert catalogue.counts()["work"] == 0


def test_two_processes_writing_at_once_lose_nothing(catalogue: Catalogue) -> None:
    """With the lock bypassed at the store level, SQLite's own locking and busy timeout keep
    two writers from damaging the catalogue or losing an acknowledged write."""
    path = catalogue.path
    catalogue.close()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    children = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.safety.worker",
                "write",
                str(path),
                name,
                "25",
                "--no-lock",
            ],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for name in ("left", "right")
    ]
    acknowledged: set[str] = set()
    for child in children:
        out, err = child.communicate(timeout=600)
        assert child.returncode == 0, err[-3000:]
        acknowledged |= {line.split()[2] for line in out.splitlines() if line.startswith("DONE")}
    assert len(acknowledged) >= 40  # they really did write side by side
    with Catalogue.open(path) as after:
        assert check_catalogue(after).ok
        versions, halves = group_versions(after)
    assert not halves
    assert acknowledged <= set(versions)
