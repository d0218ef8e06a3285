"""`confidence:`, `class:` and most `has:` facts are words of the index rows: a citation marks
what it backs with its confidence and its source's class, a source with the confidences it is
cited with; a title or name in Hangul, a work's titles, credits and directors, an event's
place and any record's date mark their record. They must find exactly what the records say,
as edits, undo and redo change them."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from nkarchive import ops
from nkarchive.model import vocab
from nkarchive.search import ids_matching
from nkarchive.search.index import check_search_index
from nkarchive.store.catalogue import Catalogue
from tests.search.search_films import Films, add_films

# What a citation backs, by the kind of record it belongs to: (kind, SQL of the owner's id
# from citation c).
_BACKED = {
    "work": [
        "SELECT c.work_id FROM citation c WHERE c.work_id IS NOT NULL",
        "SELECT x.work_id FROM citation c JOIN title x ON x.id = c.title_id",
        "SELECT x.work_id FROM citation c JOIN credit x ON x.id = c.credit_id",
        "SELECT x.work_id FROM citation c JOIN manifestation x ON x.id = c.manifestation_id",
        "SELECT x.work_id FROM citation c JOIN item x ON x.id = c.item_id",
    ],
    "agent": [
        "SELECT c.agent_id FROM citation c WHERE c.agent_id IS NOT NULL",
        "SELECT x.agent_id FROM citation c JOIN agent_name x ON x.id = c.agent_name_id",
    ],
    "event": ["SELECT c.event_id FROM citation c WHERE c.event_id IS NOT NULL"],
    "source": ["SELECT c.source_id FROM citation c WHERE 1"],
}
_HANGUL = {
    "work": "SELECT work_id FROM title WHERE text GLOB '*[가-힣]*'",
    "agent": "SELECT agent_id FROM agent_name WHERE name GLOB '*[가-힣]*'",
    "event": "SELECT id FROM event WHERE label GLOB '*[가-힣]*' OR place GLOB '*[가-힣]*'",
    "source": "SELECT id FROM source WHERE title GLOB '*[가-힣]*'",
}


def backed(catalogue: Catalogue, kind: str, condition: str, **params: str) -> list[int]:
    """Ids of the records of `kind` a citation meeting `condition` backs (sources: cites)."""
    union = " UNION ".join(f"{select} AND {condition}" for select in _BACKED[kind])
    with catalogue.engine.connect() as connection:
        return sorted({int(i) for i in connection.execute(text(union), params).scalars() if i})


def of_class(catalogue: Catalogue, kind: str, code: str) -> list[int]:
    if kind == "source":
        with catalogue.engine.connect() as connection:
            found = connection.execute(
                text("SELECT id FROM source WHERE source_class = :c"), {"c": code}
            ).scalars()
            return sorted(int(i) for i in found)
    cited = "c.source_id IN (SELECT id FROM source WHERE source_class = :c)"
    return backed(catalogue, kind, cited, c=code)


def in_hangul(catalogue: Catalogue, kind: str) -> list[int]:
    with catalogue.engine.connect() as connection:
        return sorted({int(i) for i in connection.execute(text(_HANGUL[kind])).scalars()})


def every(catalogue: Catalogue, kind: str) -> list[int]:
    with catalogue.engine.connect() as connection:
        return sorted(int(i) for i in connection.execute(text(f"SELECT id FROM {kind}")).scalars())


KINDS = ("work", "agent", "event", "source")


@pytest.mark.parametrize("code", vocab.CONFIDENCES.codes())
def test_confidence_finds_what_citations_of_that_confidence_back(
    demo_catalogue: Catalogue, code: str
) -> None:
    for kind in KINDS:
        expected = backed(demo_catalogue, kind, "c.confidence = :c", c=code)
        assert ids_matching(demo_catalogue, f"confidence:{code}", kind) == expected, kind


def test_some_confidences_and_classes_are_found_in_the_demo(demo_catalogue: Catalogue) -> None:
    assert ids_matching(demo_catalogue, "confidence:certain", "work")
    assert ids_matching(demo_catalogue, "confidence:disputed", "source")
    assert ids_matching(demo_catalogue, "class:dprk_state_media", "event")
    assert ids_matching(demo_catalogue, "has:hangul", "agent")


@pytest.mark.parametrize("code", vocab.SOURCE_CLASSES.codes())
def test_class_finds_sources_of_the_class_and_what_their_citations_back(
    demo_catalogue: Catalogue, code: str
) -> None:
    for kind in KINDS:
        expected = of_class(demo_catalogue, kind, code)
        assert ids_matching(demo_catalogue, f"class:{code}", kind) == expected, kind


def test_has_hangul_finds_titles_names_and_places_in_hangul(demo_catalogue: Catalogue) -> None:
    for kind in KINDS:
        expected = in_hangul(demo_catalogue, kind)
        assert ids_matching(demo_catalogue, "has:hangul", kind) == expected, kind
        without = sorted(set(every(demo_catalogue, kind)) - set(expected))
        assert ids_matching(demo_catalogue, "-has:hangul", kind) == without, kind
        # Beside a condition tested in SQL, the same records.
        assert ids_matching(demo_catalogue, "has:hangul or has:attachment", kind) == sorted(
            set(expected) | set(ids_matching(demo_catalogue, "has:attachment", kind))
        ), kind


@pytest.fixture
def films(catalogue: Catalogue) -> Films:
    return add_films(catalogue)


def test_a_citations_confidence_and_its_sources_class_follow_edits(films: Films) -> None:
    catalogue = films.catalogue
    event = ids_matching(catalogue, "confidence:probable", "event")
    assert event and ids_matching(catalogue, "class:dprk_state_media", "event") == event
    ops.update(catalogue, "citation", films.citation, {"confidence": "disputed"})
    assert ids_matching(catalogue, "confidence:probable", "event") == []
    assert ids_matching(catalogue, "confidence:disputed", "event") == event
    assert ids_matching(catalogue, "confidence:disputed", "source") != []
    ops.update(catalogue, "source", films.rodong, {"source_class": "foreign_press"})
    assert ids_matching(catalogue, "class:dprk_state_media", "event") == []
    assert ids_matching(catalogue, "class:foreign_press", "event") == event
    ops.undo(catalogue)
    assert ids_matching(catalogue, "class:dprk_state_media", "event") == event
    ops.undo(catalogue)
    assert ids_matching(catalogue, "confidence:probable", "event") == event
    ops.redo(catalogue)
    ops.redo(catalogue)
    assert ids_matching(catalogue, "class:foreign_press confidence:disputed", "event") == event
    assert check_search_index(catalogue) == []


def test_a_title_in_hangul_marks_its_work(films: Films) -> None:
    catalogue = films.catalogue
    work = ids_matching(catalogue, "pulgasari", "work")
    assert work and set(work) <= set(ids_matching(catalogue, "has:hangul", "work"))
    with catalogue.engine.connect() as connection:
        titles = (
            connection.execute(
                text(
                    "SELECT t.uuid FROM title t JOIN work w ON w.id = t.work_id "
                    "WHERE w.uuid = :w AND t.text GLOB '*[가-힣]*'"
                ),
                {"w": films.pulgasari},
            )
            .scalars()
            .all()
        )
    deleting_takes_the_fact(catalogue, "title", list(titles), "hangul", work)
    assert check_search_index(catalogue) == []


def deleting_takes_the_fact(
    catalogue: Catalogue, part: str, uuids: list[str], fact: str, works: list[int]
) -> None:
    """Deleting these parts of the works takes `has:<fact>` from them; undo gives it back."""
    with ops.operation(catalogue, f"Delete {len(uuids)} {part}(s)") as op:
        for uuid in uuids:
            op.delete(part, uuid)
    assert not set(works) & set(ids_matching(catalogue, f"has:{fact}", "work"))
    ops.undo(catalogue)
    assert set(works) <= set(ids_matching(catalogue, f"has:{fact}", "work"))


# has:<fact> as the records say it, by kind (a fact a kind cannot have is in no record).
_FACTS = {
    "title": {"work": "SELECT work_id FROM title"},
    "credit": {"work": "SELECT work_id FROM credit"},
    "director": {"work": "SELECT work_id FROM credit WHERE role IN ('director', 'co_director')"},
    "place": {"event": "SELECT id FROM event WHERE place IS NOT NULL OR venue IS NOT NULL"},
    "year": {
        "work": "SELECT id FROM work WHERE production_date IS NOT NULL",
        "agent": "SELECT id FROM agent WHERE dates IS NOT NULL",
        "event": "SELECT id FROM event WHERE date IS NOT NULL",
        "source": "SELECT id FROM source WHERE date IS NOT NULL",
    },
}


def having(catalogue: Catalogue, fact: str, kind: str) -> list[int]:
    sql = _FACTS[fact].get(kind)
    if sql is None:
        return []
    with catalogue.engine.connect() as connection:
        return sorted({int(i) for i in connection.execute(text(sql)).scalars()})


@pytest.mark.parametrize("fact", list(_FACTS))
def test_has_and_missing_find_what_the_records_hold(demo_catalogue: Catalogue, fact: str) -> None:
    for kind in KINDS:
        expected = having(demo_catalogue, fact, kind)
        assert ids_matching(demo_catalogue, f"has:{fact}", kind) == expected, kind
        if fact in _FACTS and kind in _FACTS[fact]:
            missing = sorted(set(every(demo_catalogue, kind)) - set(expected))
            assert ids_matching(demo_catalogue, f"missing:{fact}", kind) == missing, kind
    assert any(having(demo_catalogue, fact, kind) for kind in KINDS)


def test_credits_places_and_dates_follow_edits(films: Films) -> None:
    catalogue = films.catalogue
    work = ids_matching(catalogue, "pulgasari", "work")
    assert set(work) <= set(ids_matching(catalogue, "has:director", "work"))
    with catalogue.engine.connect() as connection:
        directing = (
            connection.execute(
                text(
                    "SELECT c.uuid FROM credit c JOIN work w ON w.id = c.work_id "
                    "WHERE w.uuid = :w AND c.role IN ('director', 'co_director')"
                ),
                {"w": films.pulgasari},
            )
            .scalars()
            .all()
        )
        showing = connection.execute(
            text("SELECT e.uuid FROM event e WHERE e.place IS NOT NULL LIMIT 1")
        ).scalar_one()
    deleting_takes_the_fact(catalogue, "credit", list(directing), "director", work)

    events = set(ids_matching(catalogue, "has:place", "event"))
    ops.update(catalogue, "event", showing, {"place": None, "venue": None})
    assert len(set(ids_matching(catalogue, "has:place", "event"))) == len(events) - 1
    ops.undo(catalogue)
    assert set(ids_matching(catalogue, "has:place", "event")) == events

    ops.update(catalogue, "work", films.pulgasari, {"production_date": None})
    assert not set(work) & set(ids_matching(catalogue, "has:year", "work"))
    assert set(work) <= set(ids_matching(catalogue, "missing:year", "work"))
    ops.undo(catalogue)
    assert set(work) <= set(ids_matching(catalogue, "has:year", "work"))
    assert check_search_index(catalogue) == []
