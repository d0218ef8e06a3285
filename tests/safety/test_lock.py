"""One writer at a time: a second copy is told who holds the catalogue and may read it; a lock
left by a crashed process is taken over, and a full check is run."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from nkarchive import ops
from nkarchive.store import lock
from nkarchive.store.catalogue import Catalogue
from nkarchive.store.errors import CatalogueDamaged
from nkarchive.store.lock import CatalogueLocked, lock_path

REPO = Path(__file__).resolve().parents[2]

SECOND_COPY = """
import sys
from nkarchive.store.catalogue import Catalogue
from nkarchive.store.lock import CatalogueLocked
try:
    Catalogue.open(sys.argv[1])
except CatalogueLocked as exc:
    print("LOCKED", exc)
with Catalogue.open(sys.argv[1], read_only=True) as reader:
    print("READ", reader.counts()["agent"])
"""


def run_second_copy(path: Path) -> str:
    result = subprocess.run(
        [sys.executable, "-c", SECOND_COPY, str(path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**os.environ, "NKARCHIVE_CATALOGUER": "Second Cataloguer"},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def write_lock(path: Path, **holder: object) -> None:
    details = {
        "user": "Kim Archivist",
        "host": socket.gethostname(),
        "pid": dead_pid(),
        "since": "2024-03-01T09:30:00+00:00",
        **holder,
    }
    lock_path(path).write_text(json.dumps(details))


def test_second_copy_is_told_who_holds_it_and_may_read(catalogue: Catalogue) -> None:
    ops.create(catalogue, "agent", {"agent_type": "person"})
    out = run_second_copy(catalogue.path)
    assert "LOCKED" in out
    assert (
        "Test Cataloguer" in out and socket.gethostname() in out and f"process {os.getpid()}" in out
    )
    assert "since 20" in out and "read-only" in out
    assert "READ 1" in out


def test_lock_is_released_at_close(catalogue: Catalogue) -> None:
    path = catalogue.path
    assert lock_path(path).exists()
    catalogue.close()
    assert not lock_path(path).exists()
    assert "LOCKED" not in run_second_copy(path)


def test_stale_lock_of_a_crashed_process_is_taken_over(catalogue: Catalogue) -> None:
    path = catalogue.path
    catalogue.close()
    write_lock(path)
    with Catalogue.open(path) as reopened:
        assert reopened.lock is not None and reopened.lock.taken_over
        assert reopened.lock.previous is not None and reopened.lock.previous.user == "Kim Archivist"
        holder = json.loads(lock_path(path).read_text())
        assert holder["pid"] == os.getpid() and holder["user"] == "Test Cataloguer"
        ops.create(reopened, "agent", {"agent_type": "person"})


def test_lock_of_a_live_process_without_os_lock_is_respected(
    catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where the file system has no OS locks, a running holder (here: our parent) still counts."""
    path = catalogue.path
    catalogue.close()
    write_lock(path, pid=os.getppid())
    monkeypatch.setattr(lock, "_os_lock", lambda fd: None)
    with pytest.raises(CatalogueLocked, match="Kim Archivist"):
        Catalogue.open(path)


def test_lock_from_another_computer_is_not_taken_over(catalogue: Catalogue) -> None:
    path = catalogue.path
    catalogue.close()
    write_lock(path, host="reading-room-pc", pid=1)
    with pytest.raises(
        CatalogueLocked, match=r"Kim Archivist on reading-room-pc .* since 2024-03-01"
    ) as caught:
        Catalogue.open(path)
    assert caught.value.holder is not None and caught.value.holder.host == "reading-room-pc"
    with Catalogue.open(path, read_only=True) as reader:  # looking is still allowed
        assert reader.counts()["work"] == 0
    from nkarchive.cli import main

    assert main(["unlock", "--catalogue", str(path)]) == 0
    Catalogue.open(path).close()


def test_garbage_in_the_lock_file_is_a_crash_not_a_holder(catalogue: Catalogue) -> None:
    path = catalogue.path
    catalogue.close()
    lock_path(path).write_bytes(b'{"user": "half a wri')
    with Catalogue.open(path) as reopened:
        assert reopened.lock is not None and reopened.lock.taken_over


def test_unclean_exit_gets_a_full_check(catalogue: Catalogue) -> None:
    """A broken reference is found by the full check (run after a crash), not the quick one."""
    import sqlite3

    ops.create(catalogue, "work", {"form": "feature", "record_status": "draft"})
    path = catalogue.path
    catalogue.close()
    con = sqlite3.connect(path)
    con.execute(
        "INSERT INTO title (uuid, work_id, text, title_type, preferred, position) "
        "VALUES ('00000000-0000-4000-8000-000000000001', 999, 'stray', 'original', 0, 0)"
    )
    con.commit()
    con.close()
    Catalogue.open(path).close()  # after a clean exit: the quick check only
    write_lock(path)
    with pytest.raises(CatalogueDamaged, match="points at a missing work"):
        Catalogue.open(path)
    assert lock_path(path).exists()  # still marks the unclean exit for the next attempt


def test_same_process_shares_the_lock(catalogue: Catalogue) -> None:
    second = Catalogue.open(catalogue.path)
    ops.create(second, "agent", {"agent_type": "person"})
    second.close()
    assert lock_path(catalogue.path).exists()  # still held by the first
    ops.create(catalogue, "agent", {"agent_type": "person"})
    assert catalogue.counts()["agent"] == 2


def test_read_only_open_takes_no_lock(catalogue: Catalogue) -> None:
    path = catalogue.path
    catalogue.close()
    with Catalogue.open(path, read_only=True) as reader:
        assert reader.lock is None
        assert not lock_path(path).exists()
