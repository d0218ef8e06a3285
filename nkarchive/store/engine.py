"""SQLite engines with the pragmas and transaction handling the catalogue relies on.

Python's sqlite3 module (before 3.12's autocommit attribute) opens transactions implicitly and
late, which breaks SAVEPOINT rollbacks; so the driver is put in autocommit mode and every
transaction is begun explicitly here: `BEGIN IMMEDIATE` for writes (the write lock is taken at
once, so a busy catalogue fails before any work is done), plain `BEGIN` for reads.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection
from sqlalchemy.pool import NullPool

BUSY_TIMEOUT_MS = 5000
SQLITE_HEADER = b"SQLite format 3\x00"


def make_engine(
    path: Path,
    *,
    read_only: bool = False,
    foreign_keys: bool = True,
    journal_mode: str = "WAL",
    create: bool = True,
) -> Engine:
    """An engine on the catalogue file; `journal_mode` is WAL on local disks, DELETE elsewhere.
    With `create=False` a file removed while open is reported, not silently made anew and empty."""
    if read_only:
        url = f"sqlite+pysqlite:///file:{quote(str(path))}?mode=ro&uri=true"
    elif not create:
        url = f"sqlite+pysqlite:///file:{quote(str(path))}?mode=rw&uri=true"
    else:
        url = f"sqlite+pysqlite:///{path}"
    # NullPool: a connection per session, closed when done. SQLite connections are cheap, and no
    # pooled connection outlives the catalogue (which matters for restore and for tests).
    engine = create_engine(
        url,
        poolclass=NullPool,
        connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
    )

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
            cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            if not read_only:
                cursor.execute(f"PRAGMA journal_mode={journal_mode}")
                # FULL: a committed write survives a power cut, not only a crash of the app.
                cursor.execute("PRAGMA synchronous=FULL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        immediate = connection.get_execution_options().get("immediate", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def writer(engine: Engine) -> Engine:
    """The same engine, beginning its transactions with the write lock already held."""
    return engine.execution_options(immediate=True)


def looks_like_sqlite(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
