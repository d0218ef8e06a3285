"""`nkarchive compact`: a backup first, then the file without its free pages, every record as it
was; no room on the disk or a read-only catalogue is a plain message, and the file stays."""

from __future__ import annotations

import shutil
from collections import namedtuple
from pathlib import Path
from typing import Any

import pytest

from nkarchive import ops
from nkarchive.cli import main
from nkarchive.search import search
from nkarchive.store import compact as compact_module
from nkarchive.store.backup import list_backups
from nkarchive.store.catalogue import Catalogue
from nkarchive.store.compact import compact, free_bytes, on_disk
from nkarchive.store.errors import CatalogueError, CatalogueReadOnly


def thin_out(catalogue: Catalogue) -> None:
    """Delete most citations: their pages, and those of the index rows they changed, become
    free pages."""
    with catalogue.engine.connect() as connection:
        citations = connection.exec_driver_sql("SELECT uuid FROM citation").scalars().all()
    with ops.operation(catalogue, "Delete most citations") as op:
        for uuid in citations[5:]:
            op.delete("citation", uuid)
    catalogue.undo_stack.clear()


def test_compacting_gives_free_pages_back_and_keeps_every_record(
    demo_catalogue: Catalogue,
) -> None:
    catalogue = demo_catalogue
    thin_out(catalogue)
    counts = catalogue.counts()
    hits = search(catalogue, "꽃파는 처녀").total_by_kind
    with catalogue.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    assert free_bytes(catalogue.path) > 0
    done = compact(catalogue)
    assert done.after < done.before and done.free_before > 0
    assert free_bytes(catalogue.path) == 0
    assert on_disk(catalogue.path) == done.after
    assert catalogue.counts() == counts
    assert search(catalogue, "꽃파는 처녀").total_by_kind == hits
    assert list_backups(catalogue.path)[0].reason == "compact"
    with Catalogue.open(done.backup, read_only=True) as backup:
        assert backup.counts() == counts


Usage = namedtuple("Usage", "total used free")


def test_without_room_for_the_rewrite_it_says_how_much_and_changes_nothing(
    demo_catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = demo_catalogue.path
    before = path.read_bytes()
    monkeypatch.setattr(shutil, "disk_usage", lambda _p: Usage(10**9, 10**9 - 1000, 1000))
    with pytest.raises(CatalogueError, match=r"needs [\d,]+ MiB of free disk space .* are free"):
        compact(demo_catalogue)
    assert path.read_bytes() == before
    assert [b.reason for b in list_backups(path)] in ([], ["open"])  # no compact backup


def test_a_read_only_catalogue_is_not_compacted(demo_catalogue: Catalogue) -> None:
    path = demo_catalogue.path
    demo_catalogue.close()
    with Catalogue.open(path, read_only=True) as opened, pytest.raises(CatalogueReadOnly):
        compact(opened)


def test_the_command_reports_the_sizes_and_the_backup(
    demo_catalogue: Catalogue, capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    thin_out(demo_catalogue)
    path: Path = demo_catalogue.path
    demo_catalogue.close()
    assert main(["compact", "--catalogue", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Compacted {path.name}: ") and "MiB given back to the disk" in out
    assert str(list_backups(path)[0].path) in out
    # No room: exit status 1 and the message, on standard error.
    monkeypatch.setattr(compact_module.shutil, "disk_usage", lambda _p: Usage(1, 1, 0))
    assert main(["compact", "--catalogue", str(path)]) != 0
    assert "of free disk space" in capsys.readouterr().err
