"""Bad catalogue files get a clear message naming the file, and are left exactly as they were."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from nkarchive.store.catalogue import Catalogue
from nkarchive.store.errors import (
    CatalogueMissing,
    CatalogueReadOnly,
    NewerSchema,
    NotACatalogue,
)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_text_file_is_not_a_catalogue(tmp_path: Path) -> None:
    path = tmp_path / "notes.nkcat"
    path.write_text("these are my notes\n")
    before = digest(path)
    with pytest.raises(NotACatalogue, match="not an SQLite database") as caught:
        Catalogue.open(path)
    assert str(path) in str(caught.value)
    assert digest(path) == before


def test_other_sqlite_database_is_not_a_catalogue(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    before = digest(path)
    with pytest.raises(NotACatalogue, match="not an nkarchive catalogue"):
        Catalogue.open(path)
    assert digest(path) == before


def test_newer_schema_is_refused_untouched(catalogue: Catalogue) -> None:
    path = catalogue.path
    catalogue.close()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    before = digest(path)
    with pytest.raises(NewerSchema, match="newer version of nkarchive"):
        Catalogue.open(path)
    assert digest(path) == before


def test_catalogue_opened_read_only_refuses_writes(catalogue: Catalogue) -> None:
    from nkarchive import ops

    path = catalogue.path
    catalogue.close()
    before = digest(path)
    with Catalogue.open(path, read_only=True) as read_only:
        assert read_only.counts()["work"] == 0
        with pytest.raises(CatalogueReadOnly, match="read-only"):
            ops.create(read_only, "agent", {"agent_type": "person"})
    assert digest(path) == before


def test_read_only_folder_is_refused_for_writing(catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch) -> None:
    """Simulated through os.access so that it also holds when the tests run as root."""
    path = catalogue.path
    catalogue.close()
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if mode == os.W_OK else real_access(p, mode))
    before = digest(path)
    with pytest.raises(CatalogueReadOnly, match="read-only"):
        Catalogue.open(path)
    assert digest(path) == before


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(CatalogueMissing, match="does not exist"):
        Catalogue.open(tmp_path / "nowhere" / "x.nkcat")
    with pytest.raises(CatalogueMissing, match="does not exist"):
        Catalogue.create(tmp_path / "nowhere" / "x.nkcat")


def test_create_refuses_to_overwrite(catalogue: Catalogue) -> None:
    with pytest.raises(NotACatalogue, match="already exists"):
        Catalogue.create(catalogue.path)


def test_folder_is_not_a_catalogue(tmp_path: Path) -> None:
    with pytest.raises(NotACatalogue, match="is a folder"):
        Catalogue.open(tmp_path)


def test_foreign_keys_wal_and_busy_timeout_are_on(catalogue: Catalogue) -> None:
    with catalogue.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


def test_savepoint_rollback_really_rolls_back(catalogue: Catalogue) -> None:
    """Python's legacy sqlite3 transaction handling would silently commit around a SAVEPOINT."""
    from nkarchive import ops

    with ops.operation(catalogue, "Add two") as op:
        op.create("agent", {"agent_type": "studio"})
        nested = op.session.begin_nested()
        op.create("agent", {"agent_type": "festival"})
        nested.rollback()
    assert catalogue.counts()["agent"] == 1
