"""Backups: made with the online API at open, close and on demand, checked before old ones
rotate away, listed newest first, and restorable to exactly the catalogue they copied."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from nkarchive import ops, paths
from nkarchive.cli import main
from nkarchive.store import backup as backup_module
from nkarchive.store.backup import (
    STAMP,
    BackupPolicy,
    backups_dir,
    list_backups,
    make_backup,
    prune,
    restore_backup,
)
from nkarchive.store.catalogue import Catalogue
from nkarchive.store.errors import CatalogueDamaged, CatalogueError


def dump(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table of a closed catalogue file, to compare whole catalogues."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [
            r[0]
            for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        return {
            t: sorted(map(tuple, con.execute(f'SELECT * FROM "{t}"')), key=repr) for t in tables
        }
    finally:
        con.close()


def add_film(catalogue: Catalogue, title: str) -> str:
    with ops.operation(catalogue, f"Add {title}") as op:
        work = op.create(
            "work", {"form": "feature", "record_status": "draft", "production_date": "1985"}
        )
        op.create("title", {"work": work.uuid, "text": title, "title_type": "original"})
    return str(work.uuid)


def fake_backup(catalogue: Path, taken: datetime, reason: str = "close") -> Path:
    """A backup file named as if made at `taken` (a real catalogue copy, so it passes checks)."""
    folder = backups_dir(catalogue)
    folder.mkdir(exist_ok=True)
    target = (
        folder
        / f"{catalogue.stem}-{taken.astimezone(UTC).strftime(STAMP)}-{reason}{catalogue.suffix}"
    )
    backup_module.backup_database(catalogue, target)
    return target


def test_backup_is_restorable_and_equal_to_the_catalogue_when_made(catalogue: Catalogue) -> None:
    path = catalogue.path
    add_film(catalogue, "불가사리")
    info = make_backup(path, "manual")
    catalogue.close()
    at_backup = dump(path)
    assert dump(info.path) == at_backup
    with Catalogue.open(path) as later:
        add_film(later, "꽃파는 처녀")
        ops.delete(
            later,
            "work",
            later.session()
            .execute(__import__("sqlalchemy").text("SELECT uuid FROM work LIMIT 1"))
            .scalar_one(),
        )
    before_restore = dump(path)
    assert before_restore != at_backup
    aside = restore_backup(path, info.path)
    assert dump(path) == at_backup
    assert aside is not None and dump(aside) == before_restore  # nothing is thrown away
    with Catalogue.open(path) as restored:
        assert restored.counts()["title"] == 1


def test_restore_never_replays_a_stale_log(catalogue: Catalogue) -> None:
    """A -wal left by a crashed writer belongs to the file it was written for, not the backup."""
    path = catalogue.path
    add_film(catalogue, "Pulgasari")
    info = make_backup(path, "manual")
    catalogue.close()
    crashed_writer = (
        "import os, sqlite3, sys\n"
        "con = sqlite3.connect(sys.argv[1])\n"
        "con.execute('PRAGMA journal_mode=WAL'); con.execute('PRAGMA wal_autocheckpoint=0')\n"
        "con.execute(\"UPDATE title SET text = 'written only to the log'\"); con.commit()\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", crashed_writer, str(path)], check=True)
    wal = Path(f"{path}-wal")
    assert wal.exists() and wal.stat().st_size > 0
    aside = restore_backup(path, info.path)
    assert not wal.exists()
    assert dump(path) == dump(info.path)
    assert aside is not None
    titles = sqlite3.connect(aside).execute("SELECT text FROM title").fetchall()
    assert titles == [("written only to the log",)]  # the log went aside with its own file


def test_restore_refuses_a_damaged_backup_and_an_open_catalogue(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    path = catalogue.path
    add_film(catalogue, "Pulgasari")
    info = make_backup(path, "manual")
    with pytest.raises(CatalogueError, match="close it before restoring"):
        restore_backup(path, info.path)
    catalogue.close()
    before = dump(path)
    broken = tmp_path / "broken.nkcat"
    broken.write_bytes(b"SQLite format 3\x00" + b"\x00" * 5000)
    with pytest.raises(CatalogueDamaged, match="cannot be restored"):
        restore_backup(path, broken)
    assert dump(path) == before


def test_backup_at_close_only_after_changes(catalogue: Catalogue) -> None:
    path = catalogue.path
    catalogue.close()
    Catalogue.open(path).close()
    assert list_backups(path) == []
    with Catalogue.open(path) as reopened:
        add_film(reopened, "Pulgasari")
    backups = list_backups(path)
    assert [b.reason for b in backups] == ["close"]
    assert dump(backups[0].path) == dump(path)


def test_backup_at_open_once_a_day(catalogue: Catalogue) -> None:
    path = catalogue.path
    add_film(catalogue, "Pulgasari")
    catalogue.close()  # makes a close backup: none is due at the next open
    Catalogue.open(path).close()
    assert [b.reason for b in list_backups(path)] == ["close"]
    only = list_backups(path)[0].path
    old = fake_backup(path, datetime.now(UTC) - timedelta(days=2))
    only.unlink()
    Catalogue.open(path).close()
    assert [b.reason for b in list_backups(path)] == ["open", "close"]
    assert list_backups(path)[1].path == old


def test_rotation_keeps_seven_days_and_four_weeks(catalogue: Catalogue) -> None:
    path = catalogue.path
    catalogue.close()
    now = datetime(2024, 6, 30, 12, 0, tzinfo=UTC)
    made = [
        fake_backup(path, now - timedelta(days=day, hours=hour))
        for day in range(60)
        for hour in (0, 3)
    ]
    manual = fake_backup(path, now - timedelta(days=90), reason="manual")
    prune(path, BackupPolicy(keep_daily=7, keep_weekly=4), now=now)
    kept = [b for b in list_backups(path) if b.reason == "close"]
    days = {b.taken.astimezone().date() for b in kept}
    assert len(kept) == len(days)  # one per day at most
    assert made[0] in [b.path for b in kept]  # the newest
    recent_days = sorted(
        {
            m.astimezone().date()
            for m in (now - timedelta(days=d, hours=h) for d in range(60) for h in (0, 3))
        }
    )[-7:]
    assert set(recent_days) <= days
    weeks = {b.taken.astimezone().isocalendar()[:2] for b in kept}
    assert len(weeks) == 4 and len(kept) <= 7 + 4
    assert manual.exists()  # made by hand: never rotated away


def test_rotation_follows_the_settings_file(catalogue: Catalogue) -> None:
    path = catalogue.path
    add_film(catalogue, "Pulgasari")
    config = paths.user_config_dir()
    config.mkdir(parents=True, exist_ok=True)
    (config / "backups.json").write_text(json.dumps({"keep_daily": 2, "keep_weekly": 0}))
    for day in range(1, 10):
        fake_backup(path, datetime.now(UTC) - timedelta(days=day))
    catalogue.close()
    assert len([b for b in list_backups(path) if b.reason in ("open", "close")]) == 2
    (config / "backups.json").write_text("{not json")
    assert backup_module.load_policy() == BackupPolicy()


def test_no_old_backup_is_dropped_unless_the_new_one_checks_out(
    catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = catalogue.path
    add_film(catalogue, "Pulgasari")
    olds = [fake_backup(path, datetime.now(UTC) - timedelta(days=day)) for day in range(1, 30)]
    monkeypatch.setattr(backup_module, "verify_backup", lambda p: ["*** in database main ***"])
    with pytest.raises(CatalogueDamaged, match="No older backup was removed"):
        make_backup(path, "close")
    assert all(old.exists() for old in olds)
    assert len(list_backups(path)) == len(olds)


def test_damaged_catalogue_names_the_newest_good_backup(catalogue: Catalogue) -> None:
    path = catalogue.path
    for number in range(30):
        add_film(catalogue, f"Film {number}")
    catalogue.close()
    good = list_backups(path)[0]  # made at close
    bad = fake_backup(path, datetime.now(UTC) + timedelta(minutes=1), reason="manual")
    with bad.open("r+b") as handle:  # the newest backup is itself damaged: it must be passed over
        handle.truncate(bad.stat().st_size // 2)
    with path.open("r+b") as handle:
        handle.seek(4096 * 4)
        handle.write(os.urandom(4096 * 20))
    with pytest.raises(CatalogueDamaged) as caught:
        Catalogue.open(path)
    message = str(caught.value)
    assert "is damaged" in message and good.path.name in message and bad.name not in message
    assert main(["restore", "--catalogue", str(path), good.path.name]) == 0
    with Catalogue.open(path) as restored:
        assert restored.counts()["work"] == 30


def test_command_line_backup_list_and_restore(
    catalogue: Catalogue, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = catalogue.path
    add_film(catalogue, "Pulgasari")
    catalogue.close()
    assert main(["backup", "--catalogue", str(path)]) == 0
    copy = tmp_path / "copy for the reading room.nkcat"
    assert main(["backup", "--catalogue", str(path), "--to", str(copy)]) == 0
    assert dump(copy) == dump(path)
    assert main(["backup", "--catalogue", str(path), "--to", str(copy)]) == 1  # never overwrites
    capsys.readouterr()
    assert main(["backups", "--catalogue", str(path)]) == 0
    listing = capsys.readouterr().out
    names = [line.split()[-1] for line in listing.splitlines()[1:]]
    assert names == sorted(names, reverse=True) and len(names) == 2  # close, manual
    assert "KiB" in listing
    shutil.copyfile(path, tmp_path / "before.nkcat")
    assert main(["restore", "--catalogue", str(path), names[-1]]) == 0
    assert "kept in" in capsys.readouterr().out
