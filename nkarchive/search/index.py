"""Keeping the search index in step: the row listener, the full rebuild and the index check.

The listener runs inside every write transaction (nkarchive.ops, undo and redo included): it
works out which works, agents, events and sources the changed rows belong to, reads those
records' documents afresh and replaces their index rows. `search_doc`'s triggers carry each
replacement into the FTS5 index.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Generator, Iterable
from contextlib import closing
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import Connection, text

from nkarchive.search.columns import (
    COLUMNS,
    INDEX,
    KINDS,
    rowid_base,
    rowid_range,
    split_rowid,
)
from nkarchive.search.dates import date_count_problems, rebuild_date_counts
from nkarchive.search.documents import RowMaker, chunks, fetch_values, read_values
from nkarchive.search.workers import GroupedRows, RowMakers, make_rows, workers_for

if TYPE_CHECKING:
    from nkarchive.store.catalogue import Catalogue

Progress = Callable[[str, int, int], None]  # kind, records done, records of that kind
BATCH = 4000
# FTS5's settings for a rebuild, and their defaults: segments merged at once, and bytes of
# entries gathered in memory before they are written out as a segment.
REBUILD_SETTINGS = {"automerge": 16, "hashsize": 64 << 20}
DEFAULT_SETTINGS = {"automerge": 4, "hashsize": 1 << 20}
REBUILD_BATCH = 25_000  # records read at once by a rebuild: few statements, bounded memory
WORKER_BATCH = 5_000  # records handed to a worker process at once: the first rows come soon


class Change(Protocol):
    """What the listener needs of `nkarchive.ops.RowChange`."""

    table: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


# Folded text and keys of the values the listener has seen lately (one import writes the same
# names on many records); bounded, so a long session does not grow it without end.
_rows_made = RowMaker(limit=1 << 17)


def insert_rows(
    cursor: Any, base: int, values: dict[int, dict[str, set[str]]], maker: RowMaker
) -> None:
    """Insert the index rows of these records (by id, their values by group)."""
    insert_grouped(cursor, make_rows(base, values, maker))


def insert_grouped(cursor: Any, rows: GroupedRows) -> None:
    """Insert rows made by `make_rows`: one statement for each set of filled columns, which
    binds no empty ones."""
    for positions, batch in rows.items():
        columns = ", ".join(COLUMNS[n] for n in positions)
        marks = ", ".join("?" * (len(positions) + 1))
        cursor.executemany(f"INSERT INTO search_doc (id, {columns}) VALUES ({marks})", batch)


def write_docs(
    connection: Connection, kind: str, record_ids: Iterable[int], created: set[int] | None = None
) -> None:
    """Replace the index rows of these records with their current documents; `created` are
    records the same write made, which have no index row to remove yet."""
    base = rowid_base(kind)
    created = created or set()
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    for batch in chunks(sorted(set(record_ids))):
        _, values = read_values(connection, kind, ids=batch)
        old = [base + record_id for record_id in batch if record_id not in created]
        if old:
            cursor.execute(f"DELETE FROM search_doc WHERE id IN ({', '.join('?' * len(old))})", old)
        insert_rows(cursor, base, values, _rows_made)


# -- which records a changed row belongs to ---------------------------------------------------

_DIRECT: dict[str, tuple[tuple[str, str], ...]] = {
    "work": (("work", "id"),), "title": (("work", "work_id"),),
    # A credit is text of its work, and a role of its agent.
    "credit": (("work", "work_id"), ("agent", "agent_id")),
    "manifestation": (("work", "work_id"),), "item": (("work", "work_id"),),
    "agent": (("agent", "id"),), "agent_honour": (("agent", "agent_id"),),
    "agent_identifier": (("agent", "agent_id"),), "agent_name": (("agent", "agent_id"),),
    # An event is a record, and its kind and country mark its work.
    "event": (("event", "id"), ("work", "work_id")), "source": (("source", "id"),),
    "source_contributor": (("source", "source_id"),),
    # A citation marks the source it cites (what it backs is found through _CITATION_OWNER).
    "citation": (("source", "source_id"),),
}  # fmt: skip
# A citation's text belongs to the record it backs; some targets are parts of a work or agent,
# whose owner is looked up: (owner kind, SQL selecting the owner of the parts `IN ({})`).
_CITATION_OWNER: dict[str, tuple[str, str | None]] = {
    "work_id": ("work", None), "title_id": ("work", "SELECT work_id FROM title WHERE id IN ({})"),
    "credit_id": ("work", "SELECT work_id FROM credit WHERE id IN ({})"),
    "manifestation_id": ("work", "SELECT work_id FROM manifestation WHERE id IN ({})"),
    "item_id": ("work", "SELECT work_id FROM item WHERE id IN ({})"),
    "event_id": ("event", None), "agent_id": ("agent", None),
    "agent_name_id": ("agent", "SELECT agent_id FROM agent_name WHERE id IN ({})"),
}  # fmt: skip
# An agent's names appear in the documents of what it is credited on, organised or wrote.
_NAME_USERS: tuple[tuple[str, str], ...] = (
    ("work", "SELECT work_id FROM credit WHERE agent_id IN ({})"),
    ("event", "SELECT id FROM event WHERE organiser_id IN ({})"),
    ("source", "SELECT source_id FROM source_contributor WHERE agent_id IN ({})"),
)


def _owners(connection: Connection, query: str, ids: set[int]) -> Iterable[int]:
    """The owners `query` finds for these ids, a few hundred ids per statement."""
    for batch in chunks(sorted(ids)):
        found = connection.exec_driver_sql(query.format(", ".join("?" * len(batch))), tuple(batch))
        yield from (int(owner) for owner in found.scalars() if owner is not None)


def affected_records(connection: Connection, changes: Iterable[Change]) -> dict[str, set[int]]:
    """The records whose documents the changes may have altered, by kind."""
    dirty: dict[str, set[int]] = defaultdict(set)
    parts: dict[str, set[int]] = defaultdict(set)  # citation column -> ids of cited parts
    named_agents: set[int] = set()  # agents whose names changed
    reclassed: set[int] = set()  # sources whose class changed
    for change in changes:
        for values in (change.before, change.after):
            if not values:
                continue
            for kind, column in _DIRECT.get(change.table, ()):
                if values.get(column) is not None:
                    dirty[kind].add(int(values[column]))
            if change.table == "citation":
                for column, (kind, lookup) in _CITATION_OWNER.items():
                    target = values.get(column)
                    if target is None:
                        continue
                    if lookup is None:
                        dirty[kind].add(int(target))
                    else:
                        parts[column].add(int(target))
            if change.table == "agent_name" and values.get("agent_id") is not None:
                named_agents.add(int(values["agent_id"]))
        if (
            change.table == "source"
            and change.before
            and change.after
            and change.before.get("source_class") != change.after.get("source_class")
        ):
            reclassed.add(int(change.after["id"]))
    # What the citations of a reclassed source back is marked with the source's class.
    for column, (kind, lookup) in _CITATION_OWNER.items() if reclassed else ():
        query = f"SELECT {column} FROM citation WHERE source_id IN ({{}})"
        (dirty[kind] if lookup is None else parts[column]).update(
            _owners(connection, query, reclassed)
        )
    # Owners are looked up after the write, as the rows stand now, in batches.
    for column, ids in parts.items():
        kind, lookup = _CITATION_OWNER[column]
        assert lookup is not None
        dirty[kind].update(_owners(connection, lookup, ids))
    if named_agents:
        for kind, query in _NAME_USERS:
            dirty[kind].update(_owners(connection, query, named_agents))
    return dirty


def created_records(changes: Iterable[Change]) -> dict[str, set[int]]:
    """Records the changes created that were not there before them, by kind: they have no
    index row yet (a record deleted and made again with the same id in one write has)."""
    created: dict[str, set[int]] = defaultdict(set)
    existed: dict[str, set[int]] = defaultdict(set)
    for change in changes:
        if change.table not in KINDS:
            continue
        if change.before is not None:
            existed[change.table].add(int(change.before.get("id") or 0))
        elif change.after is not None and change.after.get("id") is not None:
            created[change.table].add(int(change.after["id"]))
    return {kind: ids - existed[kind] for kind, ids in created.items()}


def follow_changes(catalogue: Catalogue | None, connection: Connection, changes: list[Any]) -> None:
    """The row listener: bring the index rows of everything the changes touched up to date."""
    created = created_records(changes)
    for kind, record_ids in affected_records(connection, changes).items():
        write_docs(connection, kind, record_ids, created.get(kind))


# -- rebuilding and checking -------------------------------------------------------------------


def _max_id(connection: Connection, kind: str) -> int:
    return int(connection.exec_driver_sql(f"SELECT coalesce(max(id), 0) FROM {kind}").scalar() or 0)


def _ranges(connection: Connection, kind: str, batch: int = BATCH) -> Iterable[tuple[int, int]]:
    top = _max_id(connection, kind)
    for low in range(1, top + 1, batch):
        yield low, min(low + batch - 1, top)


def rebuild_index(
    connection: Connection, progress: Progress | None = None, *, workers: int | None = None
) -> dict[str, float]:
    """Rebuild the whole index from the records, in the caller's transaction; returns the
    seconds spent on each kind of record. `workers` is how many processes make rows (0: this
    one; None: as many as the catalogue's size is worth, see `workers_for`). An index of an
    earlier shape (migration 0002 calls this as it makes one) is left empty: the migration that
    gives `search_doc` today's columns (0006) rebuilds it."""
    present = [row[1] for row in connection.exec_driver_sql("PRAGMA table_info(search_doc)").all()]
    if present[1:] != list(COLUMNS):
        return {}
    triggers = (
        connection.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'search_doc'"
        )
        .scalars()
        .all()
    )
    # Row-by-row triggers would make a rebuild several times slower: the FTS index is emptied
    # and rebuilt from search_doc in one pass instead, and the triggers put back after.
    for name in (
        connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'search_doc'"
        )
        .scalars()
        .all()
    ):
        connection.exec_driver_sql(f'DROP TRIGGER "{name}"')
    # A larger page cache for the rebuild: FTS5 merges its segments far faster in memory.
    cache_size = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    connection.exec_driver_sql("PRAGMA cache_size = -262144")
    connection.exec_driver_sql("DELETE FROM search_doc")
    connection.exec_driver_sql(f"INSERT INTO {INDEX}({INDEX}) VALUES ('delete-all')")
    timings = _insert_all_rows(connection, progress, workers)
    started = time.perf_counter()
    # FTS5 gathers entries in memory and writes them out as a segment whenever they pass its
    # hash size, then merges segments as it goes. Gathering 64 MiB rather than 1 MiB, and
    # merging 16 segments at a time rather than 4, writes each entry far fewer times (the
    # FTS5 part of a 100,000-work rebuild: 26 s to 18 s). Both are put back after.
    settings: dict[str, Any] = dict(
        connection.exec_driver_sql(
            f"SELECT k, v FROM {INDEX}_config WHERE k IN ('automerge', 'hashsize')"
        ).all()
    )
    for key, value in REBUILD_SETTINGS.items():
        connection.exec_driver_sql(
            f"INSERT INTO {INDEX}({INDEX}, rank) VALUES (?, ?)", (key, value)
        )
    connection.exec_driver_sql(f"INSERT INTO {INDEX}({INDEX}) VALUES ('rebuild')")
    for key, value in DEFAULT_SETTINGS.items():
        connection.exec_driver_sql(
            f"INSERT INTO {INDEX}({INDEX}, rank) VALUES (?, ?)",
            (key, int(settings.get(key, value))),
        )
    # One segment: each lookup costs a setup in every segment, and the first page of a title
    # tier is mostly setup (a phrase: 3 ms in 22 segments, 0.2 ms in one).
    connection.exec_driver_sql(f"INSERT INTO {INDEX}({INDEX}) VALUES ('optimize')")
    timings["full-text index"] = time.perf_counter() - started
    for sql in triggers:
        connection.exec_driver_sql(sql)
    connection.exec_driver_sql(f"PRAGMA cache_size = {int(cache_size or -2000)}")
    return timings


def _all_rows(
    connection: Connection, totals: dict[str, int], workers: int | None, batch: int
) -> Generator[tuple[str, int, int, GroupedRows], None, None]:
    """Every record's index row, made the rebuild's way, a batch at a time in id order:
    (kind, first id, last id, rows). `totals` is each kind's highest id. With many records
    (or `workers` given) the rows are made in worker processes while this one reads the next
    batches (nkarchive.search.workers); alone, `batch` records are read at once."""
    if workers is None:
        workers = workers_for(sum(totals.values()))
    size = batch if workers == 0 else WORKER_BATCH
    with RowMakers(workers) as makers:
        for kind in KINDS:
            for first, last in _ranges(connection, kind, size):
                fetched = fetch_values(connection, kind, id_range=(first, last))
                tag = (kind, first, last)
                for (done, low, high), rows in makers.add(tag, kind, rowid_base(kind), fetched):
                    yield done, low, high, rows
        for (done, low, high), rows in makers.finish():
            yield done, low, high, rows


def _insert_all_rows(
    connection: Connection, progress: Progress | None, workers: int | None
) -> dict[str, float]:
    """Read every record's values and insert its row; returns the seconds up to each kind's
    last row (the kinds overlap a little when workers make the rows)."""
    totals = {kind: _max_id(connection, kind) for kind in KINDS}
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    timings = {kind: 0.0 for kind in KINDS}
    started = time.perf_counter()
    for kind, _, last, rows in _all_rows(connection, totals, workers, REBUILD_BATCH):
        insert_grouped(cursor, rows)
        if progress:
            progress(kind, last, totals[kind])
        if last == totals[kind]:
            timings[kind] = time.perf_counter() - started
            started = time.perf_counter()
    return timings


def index_problems(
    connection: Connection, limit: int = 100, *, workers: int | None = None
) -> list[str]:
    """Differences between the index and the records: each record's document is read afresh
    and compared with its stored row; and every stored row must be found by the FTS index.
    The rows are made the rebuild's way, in worker processes on a large catalogue."""
    problems: list[str] = []
    totals = {kind: _max_id(connection, kind) for kind in KINDS}

    def compare(kind: str, first: int, last: int, rows: GroupedRows) -> bool:
        """Note the differences in a batch; whether the limit is reached."""
        base = rowid_base(kind)
        expected: dict[int, tuple[str | None, ...]] = {}
        for positions, made in rows.items():
            for rowid, *cells in made:
                row: list[str | None] = [None] * len(COLUMNS)
                for position, cell in zip(positions, cells, strict=True):
                    row[position] = str(cell)
                expected[int(rowid)] = tuple(row)
        stored = {
            row[0]: tuple(row[1:])
            for row in connection.exec_driver_sql(
                f"SELECT id, {', '.join(COLUMNS)} FROM search_doc WHERE id BETWEEN ? AND ?",
                (base + first, base + last),
            )
        }
        for rowid in sorted(expected.keys() | stored.keys()):
            if expected.get(rowid) != stored.get(rowid):
                _, record_id = split_rowid(rowid)
                what = (
                    "is missing from the index"
                    if rowid not in stored
                    else "is in the index but no longer in the catalogue"
                    if rowid not in expected
                    else "is indexed with out-of-date text"
                )
                problems.append(f"{kind} {_uuid(connection, kind, record_id)} {what}")
                if len(problems) >= limit:
                    return True
        return False

    with closing(_all_rows(connection, totals, workers, BATCH)) as batches:
        if any(compare(*batch) for batch in batches):
            return problems  # the limit (closing the batches stops the workers)
    for kind in KINDS:
        low, high = rowid_range(kind)
        stray = connection.exec_driver_sql(
            "SELECT count(*) FROM search_doc WHERE id BETWEEN ? AND ? AND id - ? > ?",
            (low, high, low, totals[kind]),
        ).scalar()
        if stray:
            problems.append(f"{stray} index row(s) name {kind}s that are not in the catalogue")
    problems += _fts_problems(connection)
    return problems[:limit]


def _fts_problems(connection: Connection) -> list[str]:
    """The FTS index agrees with search_doc: it is not empty when records are indexed, and
    sampled rows are found by their own first word and key."""
    stored = connection.exec_driver_sql("SELECT count(*) FROM search_doc").scalar() or 0
    problems: list[str] = []
    indexed = connection.exec_driver_sql(
        f"SELECT count(*) FROM {INDEX}_idx WHERE segid IS NOT NULL"
    ).scalar()
    if stored and not indexed:
        problems.append("the full-text index is empty although records are indexed")
    step = max(1, int(stored) // 200)
    sample = connection.exec_driver_sql(
        "SELECT id, coalesce(title_t, name_t), coalesce(title_k, name_k) FROM search_doc "
        "WHERE id % ? = 0 LIMIT 200",
        (step,),
    ).all()
    for rowid, words, keys in sample:
        for word in (words or "").split()[:1] + (keys or "").split()[:1]:
            found = connection.exec_driver_sql(
                f"SELECT 1 FROM {INDEX} WHERE {INDEX} MATCH ? AND rowid = ?", (f'"{word}"', rowid)
            ).scalar()
            if not found:
                kind, record_id = split_rowid(rowid)
                problems.append(
                    f"{kind} {_uuid(connection, kind, record_id)} is not found by its own "
                    "words in the full-text index"
                )
                break
    return problems


def _uuid(connection: Connection, kind: str, record_id: int) -> str:
    found = connection.execute(
        text(f"SELECT uuid FROM {kind} WHERE id = :i"), {"i": record_id}
    ).scalar()
    return str(found) if found else f"(row {record_id})"


def check_search_index(catalogue: Catalogue) -> list[str]:
    """The "search index" check of `nkarchive check`."""
    with catalogue.engine.connect() as connection:
        tables = connection.exec_driver_sql(
            "SELECT count(*) FROM sqlite_master WHERE name IN ('search_doc', ?)", (INDEX,)
        ).scalar()
        if tables != 2:
            return ["the catalogue has no search index (run `nkarchive reindex`)"]
        return index_problems(connection) + date_count_problems(connection)


def reindex(catalogue: Catalogue, progress: Progress | None = None) -> dict[str, float]:
    """Rebuild the index of an open catalogue in one write transaction."""
    from nkarchive.store.engine import writer
    from nkarchive.store.errors import CatalogueReadOnly

    if catalogue.read_only:
        raise CatalogueReadOnly(catalogue.path, "is open read-only; the index cannot be rebuilt")
    with writer(catalogue.engine).begin() as connection:
        timings = rebuild_index(connection, progress)
        started = time.perf_counter()
        rebuild_date_counts(connection)
        timings["dates"] = time.perf_counter() - started
        return timings
