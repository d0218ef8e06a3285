"""One read connection per thread and catalogue, kept open between searches.

The catalogue's engine opens a fresh SQLite connection for every use (NullPool). For a search
that costs more than the search itself: opening the file, reading the schema, and an empty
page cache, so the index's pages are read and parsed again on every keystroke. Searches keep
their own connection per thread instead, with a larger page cache; each search runs in its own
read transaction (ended afterwards, so the next one sees every write since), and the
connections are closed when the catalogue's engine is disposed (`Catalogue.close`).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress

from sqlalchemy import Connection, Engine, event

# Pages kept by each search connection (KiB, as SQLite's negative cache_size): the index's
# upper levels and the tables' hot pages stay parsed in memory between keystrokes.
CACHE_KIB = 65536

_lock = threading.Lock()
_open: dict[int, tuple[Engine, dict[int, Connection]]] = {}  # id(engine) -> its connections


def _close_all(engine: Engine) -> None:
    with _lock:
        _, connections = _open.pop(id(engine), (None, {}))
    for connection in connections.values():
        # A connection of a thread that is gone may fail to close; nothing is left to release.
        with suppress(Exception):
            connection.close()


def _connection(engine: Engine) -> Connection:
    thread = threading.get_ident()
    with _lock:
        entry = _open.get(id(engine))
        if entry is not None and entry[0] is engine and thread in entry[1]:
            connection = entry[1][thread]
            if not connection.closed and not connection.invalidated:
                return connection
    connection = engine.connect()
    connection.exec_driver_sql(f"PRAGMA cache_size = -{CACHE_KIB}")
    connection.rollback()
    with _lock:
        entry = _open.get(id(engine))
        if entry is None or entry[0] is not engine:
            entry = (engine, {})
            _open[id(engine)] = entry
            if not event.contains(engine, "engine_disposed", _close_all):
                event.listen(engine, "engine_disposed", _close_all)
        entry[1][thread] = connection
    return connection


@contextmanager
def reading(engine: Engine) -> Iterator[Connection]:
    """This thread's search connection on `engine`, inside a read transaction of its own."""
    connection = _connection(engine)
    try:
        yield connection
    finally:
        # End the read transaction: an open one would keep the catalogue at an old snapshot.
        try:
            connection.rollback()
        except Exception:
            connection.invalidate()
