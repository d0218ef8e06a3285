"""A large catalogue's rebuild makes its index rows in worker processes: the index is the one a
single process makes, batch order kept, also when a worker dies on the way."""

from __future__ import annotations

import logging
import os
from typing import Any

import pytest

from nkarchive.search import index, search, workers
from nkarchive.search.index import check_search_index, index_problems, rebuild_index
from nkarchive.store.catalogue import Catalogue
from nkarchive.store.engine import writer


def stored_rows(catalogue: Catalogue) -> list[Any]:
    with catalogue.engine.connect() as connection:
        return connection.exec_driver_sql("SELECT * FROM search_doc ORDER BY id").all()


def rebuild(catalogue: Catalogue, processes: int) -> list[tuple[str, int, int]]:
    seen: list[tuple[str, int, int]] = []
    with writer(catalogue.engine).begin() as connection:
        rebuild_index(connection, lambda *done: seen.append(done), workers=processes)
    return seen


def test_rows_made_in_worker_processes_are_the_rows_made_in_one(
    demo_catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    rebuild(demo_catalogue, 0)
    alone = stored_rows(demo_catalogue)
    assert len(alone) > 100
    # Batches of three records: many in flight at once, coming back in their order.
    monkeypatch.setattr(index, "WORKER_BATCH", 3)
    with caplog.at_level(logging.WARNING, logger="nkarchive.search.workers"):
        progress = rebuild(demo_catalogue, 2)
    assert caplog.records == []  # no falling back to one process
    assert stored_rows(demo_catalogue) == alone
    assert check_search_index(demo_catalogue) == []
    # Progress comes batch by batch, in order, up to each kind's last record.
    works = [done for kind, done, _ in progress if kind == "work"]
    assert works == sorted(works) and len(works) > 5
    assert works[-1] == progress[0][2]
    hits = search(demo_catalogue, "꽃파는 처녀", kinds=["work"]).hits
    assert hits and hits[0].label.startswith("꽃파는 처녀")


def _die(*args: Any) -> Any:
    os._exit(3)


def test_when_a_worker_dies_the_rows_are_made_here_and_nothing_is_lost(
    demo_catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    rebuild(demo_catalogue, 0)
    alone = stored_rows(demo_catalogue)
    monkeypatch.setattr(index, "WORKER_BATCH", 5)
    monkeypatch.setattr(workers, "_rows_in_worker", _die)
    with caplog.at_level(logging.WARNING, logger="nkarchive.search.workers"):
        rebuild(demo_catalogue, 2)
    assert any("one process" in record.getMessage() for record in caplog.records)
    assert stored_rows(demo_catalogue) == alone
    assert check_search_index(demo_catalogue) == []


def test_an_error_in_a_worker_is_not_hidden(
    demo_catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = stored_rows(demo_catalogue)
    monkeypatch.setattr(workers, "_rows_in_worker", _fail)
    with pytest.raises(ValueError, match="a bug in row making"):
        rebuild(demo_catalogue, 2)
    assert stored_rows(demo_catalogue) == before  # the rebuild's transaction rolled back


def _fail(*args: Any) -> Any:
    raise ValueError("a bug in row making")


def test_only_a_large_catalogue_on_several_cores_uses_worker_processes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(workers, "usable_cores", lambda: 2)
    assert workers.workers_for(500) == 0
    assert workers.workers_for(1_350_000) == 2
    monkeypatch.setattr(workers, "usable_cores", lambda: 16)
    assert workers.workers_for(1_350_000) == workers.MAX_WORKERS
    monkeypatch.setattr(workers, "usable_cores", lambda: 1)
    assert workers.workers_for(1_350_000) == 0


def test_the_cores_counted_are_those_this_process_may_use() -> None:
    cores = workers.usable_cores()
    assert 1 <= cores <= (os.cpu_count() or 1)
    if hasattr(os, "sched_getaffinity"):
        assert cores == len(os.sched_getaffinity(0))


def test_a_rebuild_puts_back_the_settings_it_changes(demo_catalogue: Catalogue) -> None:
    def settings() -> dict[str, int]:
        with demo_catalogue.engine.connect() as connection:
            rows = connection.exec_driver_sql("SELECT k, v FROM search_index_config").all()
            return {key: int(value) for key, value in rows if key in index.DEFAULT_SETTINGS}

    before = settings()
    assert before.get("automerge", 4) == 4 and before.get("hashsize", 1 << 20) == 1 << 20
    with demo_catalogue.engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO search_index(search_index, rank) VALUES ('automerge', 8)"
        )
    rebuild(demo_catalogue, 0)
    assert settings() == {"automerge": 8, "hashsize": 1 << 20}


def test_the_check_compares_rows_made_in_worker_processes_alike(
    demo_catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index, "WORKER_BATCH", 7)
    with demo_catalogue.engine.connect() as connection:
        assert index_problems(connection, workers=2) == []
    with demo_catalogue.engine.begin() as connection:
        first, last = connection.exec_driver_sql(
            "SELECT min(id), max(id) FROM search_doc WHERE id < 2199023255552"
        ).one()
        connection.exec_driver_sql(
            "UPDATE search_doc SET title_t = ' damaged ' WHERE id = ?", (first,)
        )
        connection.exec_driver_sql("DELETE FROM search_doc WHERE id = ?", (last,))
    with demo_catalogue.engine.connect() as connection:
        alone = index_problems(connection, workers=0)
        pooled = index_problems(connection, workers=2)
        assert len(index_problems(connection, limit=1, workers=2)) == 1
    assert pooled == alone
    assert [p.split()[-3:] for p in alone] == [
        ["with", "out-of-date", "text"], ["from", "the", "index"],
    ]  # fmt: skip
