"""One writer at a time: a lock file beside the catalogue saying who holds it, backed by an
operating-system lock, so that a second copy of the app is told who is writing and since when.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import socket
import sys
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from nkarchive import __version__, paths
from nkarchive.store.errors import CatalogueError

# Windows locks byte ranges; the range lies far past the few hundred bytes of holder details so
# that those stay readable by the copy that is refused.
_WINDOWS_LOCK_OFFSET = 1 << 30


def lock_path(catalogue: Path) -> Path:
    return catalogue.with_name(catalogue.name + ".lock")


@dataclass(frozen=True)
class LockHolder:
    """Who holds (or held) a catalogue: written into the lock file as JSON."""

    user: str
    host: str
    pid: int
    since: str  # ISO 8601, UTC

    def describe(self) -> str:
        try:
            local = datetime.fromisoformat(self.since).astimezone()
            when = local.strftime("%Y-%m-%d %H:%M")
        except ValueError:
            when = self.since or "an unknown time"
        return f"{self.user} on {self.host} (process {self.pid}) since {when}"

    @classmethod
    def here(cls) -> LockHolder:
        return cls(
            user=paths.cataloguer_name(),
            host=socket.gethostname(),
            pid=os.getpid(),
            since=datetime.now(UTC).isoformat(timespec="seconds"),
        )

    @classmethod
    def parse(cls, text: str) -> LockHolder | None:
        """The holder recorded in a lock file, or None when the file is empty or unreadable."""
        try:
            data: Any = json.loads(text)
            return cls(str(data["user"]), str(data["host"]), int(data["pid"]), str(data["since"]))
        except (ValueError, KeyError, TypeError):
            return None


class CatalogueLocked(CatalogueError):
    """Another copy of nkarchive is writing to the catalogue; `holder` says who."""

    def __init__(self, path: Path, holder: LockHolder | None) -> None:
        self.holder = holder
        who = holder.describe() if holder else "another copy of nkarchive"
        super().__init__(
            path,
            f"is open in {who}. Only one copy may change a catalogue at a time: close it there, "
            "or open it read-only to look without changing anything.",
        )


class _Held:
    """The lock file this process holds for one catalogue, shared by its open copies."""

    def __init__(self, catalogue: Path, fd: int) -> None:
        self.catalogue = catalogue
        self.fd = fd
        self.users = 0


# The lock is per copy of the app, not per open Catalogue: two windows of one app may open the
# same catalogue (SQLite serialises their writes), so this process shares one lock between them.
_HELD: dict[Path, _Held] = {}
_HELD_GUARD = threading.Lock()


class CatalogueLock:
    """The writer's lock on one catalogue, held until `release()` (or the process ends)."""

    def __init__(self, held: _Held, previous: LockHolder | None, stale: bool) -> None:
        self.catalogue = held.catalogue
        self.path = lock_path(held.catalogue)
        self._held: _Held | None = held
        held.users += 1
        # The holder found in a lock file left behind by a process that is gone: the last
        # session did not end cleanly, so the catalogue deserves a full check.
        self.previous = previous
        self.taken_over = stale

    @property
    def held(self) -> bool:
        return self._held is not None

    @property
    def shared(self) -> bool:
        """Another Catalogue in this process has the same file open."""
        return self._held is not None and self._held.users > 1

    def release(self, *, clean: bool = True) -> None:
        """Remove the lock file, then let go of the OS lock (in that order: see `acquire`).
        With `clean=False` the file stays, so the next open still runs the full check."""
        with _HELD_GUARD:
            held, self._held = self._held, None
            if held is None:
                return
            held.users -= 1
            if held.users > 0:
                return
            del _HELD[held.catalogue]
        fd = held.fd
        if not clean:
            _os_unlock(fd)
            os.close(fd)
            return
        try:
            # Emptied first: an empty lock file means a clean close even where the file cannot
            # be removed while open (Windows).
            os.ftruncate(fd, 0)
            self.path.unlink(missing_ok=True)
        except OSError:
            pass  # a vanished folder or a refused unlink: the empty file says enough
        try:
            _os_unlock(fd)
        finally:
            os.close(fd)


def acquire(catalogue: Path) -> CatalogueLock:
    """Take the writer's lock, taking over a stale one; raise CatalogueLocked if it is held."""
    catalogue = catalogue.absolute()
    with _HELD_GUARD:
        held = _HELD.get(catalogue)
        if held is not None:
            return CatalogueLock(held, None, stale=False)
        lock = _acquire(catalogue)
        assert lock._held is not None
        _HELD[catalogue] = lock._held
        return lock


def _acquire(catalogue: Path) -> CatalogueLock:
    path = lock_path(catalogue)
    me = LockHolder.here()
    for _attempt in range(20):
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise CatalogueError(
                catalogue, f"cannot create its lock file {path.name} ({exc.strerror})"
            ) from exc
        try:
            os_locked = _os_lock(fd)
            if os_locked is False:
                raise CatalogueLocked(catalogue, _read_holder(fd))
            # The file we locked may have been unlinked by a holder releasing it between our open
            # and our lock; a lock on an unlinked file protects nothing, so start again.
            if not _same_file(fd, path):
                _os_unlock(fd)
                os.close(fd)
                continue
            previous = _read_holder(fd)
            stale = False
            if previous is not None:
                if not _is_stale(previous, me, os_locked is True):
                    raise CatalogueLocked(catalogue, previous)
                stale = True
            elif _has_content(fd):
                stale = True  # a torn or damaged lock file: its writer did not finish cleanly
            _write_holder(fd, me)
            return CatalogueLock(_Held(catalogue, fd), previous, stale)
        except BaseException:
            with contextlib.suppress(OSError):
                os.close(fd)
            raise
    raise CatalogueError(catalogue, "its lock file keeps changing; another program is opening it")


def break_lock(catalogue: Path) -> LockHolder | None:
    """Remove a lock left by a copy on another computer that can no longer release it.
    Only for a holder the user knows is gone; returns who held it."""
    path = lock_path(catalogue)
    try:
        holder = LockHolder.parse(path.read_text(encoding="utf-8"))
    except OSError:
        return None
    path.unlink(missing_ok=True)
    return holder


def read_holder(catalogue: Path) -> LockHolder | None:
    """Who holds the catalogue according to its lock file (for messages), or None."""
    try:
        return LockHolder.parse(lock_path(catalogue).read_text(encoding="utf-8"))
    except OSError:
        return None


# -- internals ---------------------------------------------------------------------------------


def _is_stale(previous: LockHolder, me: LockHolder, os_locked: bool) -> bool:
    if previous.host != me.host:
        # Process ids mean nothing across computers, and OS locks on network shares are not
        # always shared between them: only the user can say the other copy is gone.
        return False
    if os_locked:
        # Nobody on this computer holds the OS lock, so the recorded process is not running
        # nkarchive any more, even if its id has been reused since.
        return True
    return not pid_running(previous.pid)


def pid_running(pid: int) -> bool:
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        return _windows_pid_running(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    # A killed child its parent has not yet reaped is a zombie: gone for our purposes.
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as handle:
            return handle.read().rsplit(")", 1)[-1].split()[0] != "Z"
    except (OSError, IndexError):
        return True


def _windows_pid_running(pid: int) -> bool:  # pragma: no cover - exercised on Windows only
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return False
    code = ctypes.c_ulong()
    kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
    kernel32.CloseHandle(handle)
    return code.value == 259  # STILL_ACTIVE


def _os_lock(fd: int) -> bool | None:
    """True if locked, False if another process holds it, None if this file system has no locks."""
    try:
        if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
            import msvcrt

            os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError as exc:
        if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES, errno.EDEADLK):
            return False
        if exc.errno in (errno.ENOLCK, errno.ENOSYS, errno.EOPNOTSUPP, errno.EINVAL):
            return None  # fall back on the holder details in the file alone
        raise


def _os_unlock(fd: int) -> None:
    try:
        if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
            import msvcrt

            os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_UN)
    except OSError:
        pass  # closing the descriptor releases it anyway


def _same_file(fd: int, path: Path) -> bool:
    try:
        on_disk = path.stat()
    except FileNotFoundError:
        return False
    mine = os.fstat(fd)
    return (mine.st_dev, mine.st_ino) == (on_disk.st_dev, on_disk.st_ino)


def _has_content(fd: int) -> bool:
    return os.fstat(fd).st_size > 0


def _read_holder(fd: int) -> LockHolder | None:
    os.lseek(fd, 0, os.SEEK_SET)
    data = os.read(fd, 4096)
    return LockHolder.parse(data.decode("utf-8", errors="replace"))


def _write_holder(fd: int, holder: LockHolder) -> None:
    data = json.dumps(
        {
            "user": holder.user,
            "host": holder.host,
            "pid": holder.pid,
            "since": holder.since,
            "app": "nkarchive",
            "version": __version__,
        },
        ensure_ascii=False,
    ).encode("utf-8")
    os.ftruncate(fd, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, data)
    os.fsync(fd)
