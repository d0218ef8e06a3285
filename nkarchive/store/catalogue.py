"""Opening, creating and upgrading a catalogue file; the session factory every layer uses."""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, func, insert, select
from sqlalchemy.orm import Session, sessionmaker

from nkarchive import __version__, paths
from nkarchive.model import RECORD_CLASSES, CatalogueSetting, Change, new_uuid
from nkarchive.store import migrate
from nkarchive.store.backup import (
    backup_database,
    backup_due,
    load_policy,
    make_backup,
    timestamped_backup_path,
)
from nkarchive.store.engine import looks_like_sqlite, make_engine, writer
from nkarchive.store.errors import (
    CatalogueError,
    CatalogueMissing,
    CatalogueReadOnly,
    NewerSchema,
    NotACatalogue,
)
from nkarchive.store.guardrails import plain_storage_errors, storage_warning
from nkarchive.store.lock import CatalogueLock, acquire

if TYPE_CHECKING:
    from nkarchive.ops.history import UndoStack

log = logging.getLogger(__name__)

# Called inside every write transaction with the row changes it made (see nkarchive.ops);
# the full-text index keeps itself in step this way. Packages that must follow every write
# append a listener to ROW_LISTENERS when imported; nkarchive.ops imports them, so no write
# can happen without them.
RowListener = Callable[["Catalogue", Connection, list[Any]], None]
ROW_LISTENERS: list[RowListener] = []


class Catalogue:
    """An open catalogue file. Create with `Catalogue.open` or `Catalogue.create`."""

    def __init__(self, path: Path, engine: Engine, *, read_only: bool, cataloguer: str) -> None:
        self.path = path
        self.engine = engine
        self.read_only = read_only
        self.cataloguer = cataloguer
        self.row_listeners: list[RowListener] = list(ROW_LISTENERS)
        self._sessions = sessionmaker(bind=engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(bind=writer(engine), expire_on_commit=False)
        self._undo: UndoStack | None = None
        # Data safety (set by `open`): the writer's lock, why the folder is a risky place for a
        # catalogue (shown by the GUI, printed by the command line), whether anything was
        # written since open (a backup follows at close).
        self.lock: CatalogueLock | None = None
        self.storage_warning: str | None = None
        self.changed = False
        self.verified = False  # SQLite's check has passed since this catalogue was opened

    # -- opening -------------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        read_only: bool = False,
        cataloguer: str | None = None,
        upgrade: bool = True,
        verify: bool = True,
    ) -> Catalogue:
        """Open an existing catalogue, upgrading its schema (after a backup) when needed.

        SQLite's quick check runs before anything else touches the file. It reads every page,
        seconds on a large catalogue, so a caller that can run it later off the user's way (the
        desktop app, in a worker while the first page shows) passes `verify=False` and calls
        `verify()` itself. After an unclean exit the full check always runs here, first.
        """
        path = Path(path).expanduser().absolute()
        if not path.parent.is_dir():
            raise CatalogueMissing(path, f"the folder {path.parent} does not exist")
        if not path.exists():
            raise CatalogueMissing(path, "no such catalogue file")
        if path.is_dir():
            raise NotACatalogue(path, "is a folder, not a catalogue file")
        if not os.access(path, os.R_OK):
            raise CatalogueReadOnly(path, "cannot be read (permission denied)")
        if not looks_like_sqlite(path):
            raise NotACatalogue(path, "is not an nkarchive catalogue (not an SQLite database)")
        if not read_only and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
            raise CatalogueReadOnly(
                path,
                "is read-only (the file or its folder cannot be written); "
                "open it read-only, or copy it to a folder you can write to",
            )
        # One writer at a time; a lock left by a crashed process means a full check below.
        lock = None if read_only else acquire(path)
        try:
            crashed = lock is not None and lock.taken_over
            if verify or crashed:
                _check_on_open(path, full=crashed, read_only=read_only)
            revision = _read_revision(path)
            if revision != migrate.EXPECTED_HEAD:
                _bring_to_head(path, revision, may_write=not read_only and upgrade)
            warning = storage_warning(path)
            if warning:
                log.warning("%s", warning)
            # WAL needs shared memory a network share or a sync client does not provide.
            engine = make_engine(path, read_only=read_only, journal_mode="DELETE" if warning else "WAL",
                                 create=False)
            catalogue = cls(path, engine, read_only=read_only, cataloguer=cataloguer or paths.cataloguer_name())
            catalogue.lock, catalogue.storage_warning = lock, warning
            catalogue.verified = verify or crashed
            if lock is not None:
                catalogue._automatic_backup("open")
            return catalogue
        except BaseException:
            if lock is not None:  # after a crash, the next open must run the full check again
                lock.release(clean=not lock.taken_over)
            raise

    @classmethod
    def create(cls, path: Path | str, *, cataloguer: str | None = None) -> Catalogue:
        """Create an empty catalogue at `path`, which must not exist; all or nothing."""
        path = Path(path).expanduser().absolute()
        if path.exists():
            raise NotACatalogue(path, "already exists; refusing to overwrite it")
        if not path.parent.is_dir():
            raise CatalogueMissing(path, f"the folder {path.parent} does not exist")
        if not os.access(path.parent, os.W_OK):
            raise CatalogueReadOnly(path, f"the folder {path.parent} cannot be written")
        partial = path.with_name(f".{path.name}.creating-{os.getpid()}")
        try:
            _upgrade(partial)
            engine = make_engine(partial)
            with writer(engine).begin() as connection:
                now = datetime.now(UTC).isoformat(timespec="seconds")
                for key, value in (
                    ("catalogue_id", new_uuid()),
                    ("created", now),
                    ("created_by_version", __version__),
                ):
                    connection.execute(insert(CatalogueSetting).values(key=key, value=value))
            engine.dispose()
            # The WAL must be folded into the file before it is renamed into place.
            con = sqlite3.connect(partial)
            con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            con.close()
            partial.replace(path)
        finally:
            for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
                leftover.unlink(missing_ok=True)
        return cls.open(path, cataloguer=cataloguer)

    def close(self) -> None:
        """Close, folding the write-ahead log into the file so the file alone is complete,
        backing it up if anything changed, and releasing the writer's lock."""
        if not self.read_only:
            if self.changed and self.lock is not None and self.lock.held:
                self._automatic_backup("close")
            try:
                with self.engine.connect() as connection:
                    connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            except Exception:  # a busy or vanished file: SQLite recovers the WAL on next open
                pass
        self.engine.dispose()
        if self.lock is not None:
            self.lock.release()

    def __enter__(self) -> Catalogue:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- sessions ------------------------------------------------------------------------------

    def session(self) -> Session:
        """A session for reading. Writes go through `nkarchive.ops`, never through this."""
        return self._sessions()

    @contextmanager
    def write_session(self) -> Iterator[Session]:
        """A session holding the write lock for one transaction; used only by `nkarchive.ops`."""
        if self.read_only:
            raise CatalogueReadOnly(self.path, "is open read-only")
        # SQLite's "disk is full", "readonly database" and "disk I/O error" become a plain
        # CatalogueError; the transaction was rolled back, so the catalogue is as it was.
        with plain_storage_errors(self.path), self._write_sessions() as session, session.begin():
            yield session
        self.changed = True  # committed

    @property
    def undo_stack(self) -> UndoStack:
        if self._undo is None:
            from nkarchive.ops.history import UndoStack

            self._undo = UndoStack(self)
        return self._undo

    def verify(self) -> None:
        """SQLite's quick check, on a connection of its own (safe in a worker thread); raises
        CatalogueDamaged, naming the newest good backup, when the file is damaged."""
        _check_on_open(self.path, full=False, read_only=True)
        self.verified = True

    def _automatic_backup(self, reason: str) -> None:
        """At open (once a day) and at close (after changes); a failure must not stop the work,
        so it is logged, and the next open or close tries again."""
        policy = load_policy()
        if not policy.automatic or (reason == "open" and not backup_due(self.path)):
            return
        if reason == "open":
            with self.session() as session:
                if session.scalar(select(Change.id).limit(1)) is None:
                    return  # a new, empty catalogue: nothing to lose yet
        try:
            make_backup(self.path, reason, policy)
            self.changed = False
        except CatalogueError as exc:
            log.warning("%s", exc)

    # -- facts ---------------------------------------------------------------------------------

    def setting(self, key: str) -> str | None:
        with self.session() as session:
            row = session.get(CatalogueSetting, key)
            return row.value if row else None

    def schema_revision(self) -> str | None:
        with self.engine.connect() as connection:
            return migrate.current_revision(connection)

    def counts(self) -> dict[str, int]:
        with self.session() as session:
            counts = {
                kind: session.scalar(select(func.count()).select_from(cls)) or 0
                for kind, cls in RECORD_CLASSES.items()
            }
            counts["change"] = session.scalar(select(func.count()).select_from(Change)) or 0
            return counts


def _read_revision(path: Path) -> str | None:
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if "alembic_version" not in tables:
                raise NotACatalogue(path, "is an SQLite database, but not an nkarchive catalogue")
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            return str(row[0]) if row else None
        finally:
            con.close()
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:  # the latter: a damaged table name
        raise NotACatalogue(path, f"cannot be read as a catalogue ({exc})") from exc


def _check_on_open(path: Path, *, full: bool, read_only: bool) -> None:
    from nkarchive.store.check import damage_error, problems_on_open

    problems = problems_on_open(path, full=full, read_only=read_only)
    if problems:
        raise damage_error(path, problems)


def _bring_to_head(path: Path, revision: str | None, *, may_write: bool) -> None:
    """A catalogue at another schema: refuse a newer one, back up and upgrade an older one."""
    head = migrate.head_revision()
    if revision == head:
        return
    if revision not in migrate.known_revisions():
        raise NewerSchema(
            path,
            f"was written by a newer version of nkarchive (schema {revision}); "
            f"this version ({__version__}) knows schemas up to {head}. "
            "Install a newer nkarchive to open it.",
        )
    if not may_write:
        raise CatalogueReadOnly(
            path, f"needs upgrading from schema {revision} to {head}, but is opened read-only"
        )
    backup_database(path, timestamped_backup_path(path, f"before-schema-{head}"))
    _upgrade(path)


def _upgrade(path: Path) -> None:
    engine = make_engine(path, foreign_keys=False)
    try:
        migrate.upgrade(engine)
    finally:
        engine.dispose()
