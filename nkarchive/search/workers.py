"""Making a rebuild's index rows on every core.

A rebuild reads the records' values and inserts their rows on its own connection: SQLite has
one writer, and the records may be uncommitted (a migration rebuilds the index in the same
transaction that changed them). What it hands out is the Python work between the two, folding
values into words and keys, which is most of a rebuild's time. Worker processes are started
fresh ("spawn"), so they copy none of the caller's threads, Qt objects or open connections;
the packaged app's launcher calls `multiprocessing.freeze_support()` for them.

Rows come back in the order their batches were handed out, so the index is the same as one
made in a single process. When worker processes cannot be started or die, the rest of the rows
are made in this process: a rebuild is slower then, never different.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from nkarchive.search.documents import Fetched, RowMaker, collect_values

log = logging.getLogger(__name__)

Values = dict[int, dict[str, set[str]]]  # records' values by group, by record id
GroupedRows = dict[tuple[int, ...], list[tuple[int | str, ...]]]

# A catalogue smaller than this (records of every kind) is indexed in this process: starting
# workers costs more than they would save.
WORKERS_ABOVE = 20_000
MAX_WORKERS = 4


def make_rows(base: int, values: Values, maker: RowMaker) -> GroupedRows:
    """The index rows of these records, each `(row id, *filled cells)`, grouped by the
    positions in COLUMNS of the cells they fill."""
    rows: GroupedRows = {}
    for record_id, by_group in values.items():
        made = maker.filled(by_group)
        if made is not None:
            rows.setdefault(made[0], []).append((base + record_id, *made[1]))
    return rows


def rows_of(kind: str, base: int, fetched: Fetched, maker: RowMaker) -> GroupedRows:
    """The index rows of records from the rows their readers fetched."""
    return make_rows(base, collect_values(kind, fetched), maker)


_worker_maker: RowMaker | None = None


def _rows_in_worker(kind: str, base: int, fetched: Fetched) -> GroupedRows:
    global _worker_maker
    if _worker_maker is None:
        _worker_maker = RowMaker(limit=1 << 20)
    return rows_of(kind, base, fetched, _worker_maker)


def usable_cores() -> int:
    """The cores this process may run on (a container or `taskset` may allow fewer than the
    machine has)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Windows or macOS
        return os.cpu_count() or 1


def workers_for(records: int) -> int:
    """How many worker processes a rebuild of this many records uses (0: none)."""
    cores = usable_cores()
    return 0 if records < WORKERS_ABOVE or cores < 2 else min(cores, MAX_WORKERS)


@dataclass
class _Batch:
    tag: Any
    kind: str
    base: int
    fetched: Fetched
    made: Future[GroupedRows] | GroupedRows


class RowMakers:
    """Rows for batches of records, in the order the batches were given, made in `workers`
    processes (0: in this one). Use as a context manager: `add` each batch and insert the rows
    it yields (the earliest batches, once enough are in flight), then the rest from
    `finish()`."""

    def __init__(self, workers: int) -> None:
        self._maker = RowMaker(limit=1 << 20)
        self._pool: ProcessPoolExecutor | None = None
        self._window = 2 * workers + 1  # batches in flight at most: bounded memory
        self._pending: deque[_Batch] = deque()
        if workers > 0:
            try:
                self._pool = ProcessPoolExecutor(
                    max_workers=workers, mp_context=multiprocessing.get_context("spawn")
                )
            except (OSError, ValueError, NotImplementedError) as error:
                log.warning("index rows are made in one process: %s", error)

    @property
    def parallel(self) -> bool:
        return self._pool is not None

    def __enter__(self) -> RowMakers:
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop()

    def _stop(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def add(
        self, tag: Any, kind: str, base: int, fetched: Fetched
    ) -> Iterator[tuple[Any, GroupedRows]]:
        """Hand out the fetched rows of a batch of records of `kind`; yields (tag, index rows)
        of the earliest batches while too many are in flight."""
        made: Future[GroupedRows] | GroupedRows
        if self._pool is not None:
            try:
                made = self._pool.submit(_rows_in_worker, kind, base, fetched)
            except (BrokenProcessPool, RuntimeError) as error:
                self._give_up(error)
                made = rows_of(kind, base, fetched, self._maker)
        else:
            made = rows_of(kind, base, fetched, self._maker)
        self._pending.append(_Batch(tag, kind, base, fetched, made))
        while len(self._pending) > (self._window if self._pool is not None else 0):
            yield self._take()

    def finish(self) -> Iterator[tuple[Any, GroupedRows]]:
        """The rows of every batch still in flight, in order."""
        while self._pending:
            yield self._take()

    def _take(self) -> tuple[Any, GroupedRows]:
        batch = self._pending.popleft()
        if isinstance(batch.made, Future):
            try:
                return batch.tag, batch.made.result()
            except BrokenProcessPool as error:
                self._give_up(error)
                return batch.tag, rows_of(batch.kind, batch.base, batch.fetched, self._maker)
        return batch.tag, batch.made

    def _give_up(self, error: BaseException) -> None:
        log.warning("index rows are made in one process from here on: %s", error)
        self._stop()
