"""Deleting never leaves anything dangling: it cascades as an archivist expects, or is refused."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from nkarchive import ops
from nkarchive.store.catalogue import Catalogue
from nkarchive.store.check import check_catalogue


def film(catalogue: Catalogue) -> dict[str, str]:
    with ops.operation(catalogue, "Add film") as op:
        work = op.create("work", {"form": "feature", "record_status": "draft"})
        title = op.create("title", {"work": work.uuid, "text": "소금", "title_type": "original", "script": "Hang"})
        agent = op.create("agent", {"agent_type": "person"})
        op.create("agent_name", {"agent": agent.uuid, "name": "Shin Sang-ok", "name_type": "preferred"})
        credit = op.create("credit", {"work": work.uuid, "agent": agent.uuid, "role": "director"})
        festival = op.create("agent", {"agent_type": "festival"})
        edition = op.create("event", {"event_type": "festival", "date": "1985-07", "organiser": festival.uuid})
        showing = op.create("event", {"work": work.uuid, "event_type": "award", "parent": edition.uuid,
                                      "date": "1985-07", "result": "Best Actress"})
        source = op.create("source", {"source_type": "webpage", "title": "Salt (1985 film)"})
        for target, key in ((title, "title"), (credit, "credit"), (showing, "event"), (work, "work")):
            op.create("citation", {"source": source.uuid, key: target.uuid, "confidence": "probable"})
    return {"work": work.uuid, "agent": agent.uuid, "festival": festival.uuid, "edition": edition.uuid,
            "source": source.uuid, "showing": showing.uuid}


def count(catalogue: Catalogue, table: str) -> int:
    with catalogue.engine.connect() as connection:
        return int(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


def test_deleting_a_work_takes_its_titles_credits_events_and_citations(catalogue: Catalogue) -> None:
    refs = film(catalogue)
    ops.delete(catalogue, "work", refs["work"])
    for table in ("work", "title", "credit", "citation"):
        assert count(catalogue, table) == 0, table
    assert count(catalogue, "event") == 1  # the festival edition stays
    assert count(catalogue, "agent") == 2 and count(catalogue, "source") == 1
    assert check_catalogue(catalogue).ok
    ops.undo(catalogue)
    assert count(catalogue, "citation") == 4 and count(catalogue, "event") == 2


def test_credited_agent_cannot_be_deleted(catalogue: Catalogue) -> None:
    refs = film(catalogue)
    with pytest.raises(ops.DeleteRefused, match=r"Shin Sang-ok.*credited on 1 work"):
        ops.delete(catalogue, "agent", refs["agent"])


def test_festival_that_organised_events_cannot_be_deleted(catalogue: Catalogue) -> None:
    refs = film(catalogue)
    with pytest.raises(ops.DeleteRefused, match="organised 1 event"):
        ops.delete(catalogue, "agent", refs["festival"])


def test_cited_source_cannot_be_deleted(catalogue: Catalogue) -> None:
    refs = film(catalogue)
    with pytest.raises(ops.DeleteRefused, match="cited by 4 citation"):
        ops.delete(catalogue, "source", refs["source"])


def test_festival_edition_with_showings_cannot_be_deleted(catalogue: Catalogue) -> None:
    refs = film(catalogue)
    with pytest.raises(ops.DeleteRefused, match="within it"):
        ops.delete(catalogue, "event", refs["edition"])


def test_deleting_an_event_takes_its_citations(catalogue: Catalogue) -> None:
    refs = film(catalogue)
    ops.delete(catalogue, "event", refs["showing"])
    assert count(catalogue, "citation") == 3
    assert check_catalogue(catalogue).ok
