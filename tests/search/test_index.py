"""The index follows every write (undo and redo too), is rebuilt by reindex, checked by check,
and made by migration 0002 for catalogues that already hold records."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from nkarchive import ops
from nkarchive.search import reindex, search
from nkarchive.search.index import check_search_index
from nkarchive.store.catalogue import Catalogue
from nkarchive.store.check import check_catalogue
from tests.search.migrating import schema_at
from tests.search.search_films import Films, add_films


@pytest.fixture
def films(catalogue: Catalogue) -> Films:
    return add_films(catalogue)


def works(films: Films, query: str) -> list[str]:
    return [hit.uuid for hit in search(films.catalogue, query, kinds=["work"]).hits]


def test_edits_deletes_undo_and_redo_keep_the_index_in_step(films: Films) -> None:
    catalogue = films.catalogue
    with ops.operation(catalogue, "Add a title") as op:
        op.create(
            "title",
            {
                "work": films.pulgasari,
                "text": "Pulgasari, the iron-eater",
                "title_type": "alternative",
            },
        )
    assert works(films, "iron eater") == [films.pulgasari]
    ops.undo(catalogue)
    assert works(films, "iron eater") == []
    ops.redo(catalogue)
    assert works(films, "iron eater") == [films.pulgasari]

    ops.delete(catalogue, "work", films.schoolgirl)
    assert works(films, "녀학생") == []
    ops.undo(catalogue)
    assert works(films, "녀학생") == [films.schoolgirl]
    assert check_search_index(catalogue) == []


def test_renaming_a_person_reindexes_the_films_they_are_credited_on(films: Films) -> None:
    catalogue = films.catalogue
    with catalogue.session() as session:
        name_uuid = session.execute(
            text(
                "SELECT n.uuid FROM agent_name n JOIN agent a ON a.id = n.agent_id "
                "WHERE a.uuid = :a AND n.name = 'Shin Sang-ok'"
            ),
            {"a": films.shin},
        ).scalar_one()
    ops.update(catalogue, "agent_name", name_uuid, {"name": "Simon Sheen"})
    assert works(films, "director:sheen") == [films.pulgasari]
    assert works(films, 'director:"shin sang-ok"') == [films.pulgasari]  # the Hangul name's key
    assert check_search_index(catalogue) == []


def test_a_citation_is_found_through_the_record_it_backs(films: Films) -> None:
    catalogue = films.catalogue
    with ops.operation(catalogue, "Cite") as op:
        op.create(
            "citation",
            {
                "source": films.rodong,
                "work": films.flower_girl,
                "excerpt": "인민상 계관작품",
                "confidence": "certain",
            },
        )
    result = search(catalogue, "인민상", kinds=["work"])
    assert [(h.uuid, h.matched_field) for h in result.hits] == [
        (films.flower_girl, "citation excerpt")
    ]
    ops.delete(catalogue, "citation", films.citation)
    assert (
        search(catalogue, '"special prize"', kinds=["event"]).total_by_kind["event"] == 1
    )  # result field
    assert search(catalogue, "특별상", kinds=["event"]).total == 0


def test_check_finds_an_index_out_of_step_and_reindex_repairs_it(films: Films) -> None:
    catalogue = films.catalogue
    with catalogue.engine.begin() as connection:  # what a write that bypassed ops would leave
        connection.execute(text("UPDATE title SET text = 'Sogwang' WHERE text = 'Pulgasari'"))
        connection.execute(
            text("DELETE FROM search_doc WHERE id = (SELECT max(id) FROM search_doc)")
        )
    report = check_catalogue(catalogue)
    problems = report.results["search index"]
    assert not report.ok
    assert f"work {films.pulgasari} is indexed with out-of-date text" in problems
    assert any("is missing from the index" in p for p in problems)
    reindex(catalogue)
    assert check_catalogue(catalogue).results["search index"] == []
    assert works(films, "sogwang") == [films.pulgasari]


def test_reindex_writes_exactly_the_rows_the_edits_left(films: Films) -> None:
    catalogue = films.catalogue
    with ops.operation(catalogue, "A new film, its title and its director, cited") as op:
        work = op.create("work", {"form": "feature", "record_status": "draft"})
        title = op.create(
            "title", {"work": work.uuid, "text": "도라지꽃", "title_type": "original"}
        )
        op.create("credit", {"work": work.uuid, "agent": films.shin, "role": "director"})
        op.create(
            "citation",
            {
                "source": films.rodong,
                "title": title.uuid,
                "excerpt": "Toraji kkot premiere",
                "confidence": "probable",
            },
        )
    ops.update(catalogue, "work", films.pulgasari, {"synopsis": "A monster eats iron."})

    def stored() -> list[tuple[object, ...]]:
        with catalogue.engine.connect() as connection:
            return [tuple(row) for row in connection.exec_driver_sql("SELECT * FROM search_doc")]

    after_edits = stored()
    reindex(catalogue)
    assert stored() == after_edits
    assert works(films, "toraji") == [work.uuid]
    assert works(films, "premiere") == [work.uuid]  # the excerpt of a citation of its title
    assert set(works(films, "director:shin")) == {films.pulgasari, work.uuid}
    assert check_search_index(catalogue) == []


def test_migration_0002_indexes_an_existing_catalogue_and_downgrade_drops_it(
    films: Films, tmp_path: Path
) -> None:
    path = films.catalogue.path
    films.catalogue.close()
    assert not [n for n in schema_at(path, "0001") if n.startswith("search_")]
    reopened = Catalogue.open(path)
    try:
        assert [h.uuid for h in search(reopened, "Pulgasari", kinds=["work"]).hits] == [
            films.pulgasari
        ]
        assert check_search_index(reopened) == []
    finally:
        reopened.close()


def test_reindex_refuses_a_read_only_catalogue(films: Films) -> None:
    from nkarchive.store.errors import CatalogueReadOnly

    path = films.catalogue.path
    films.catalogue.close()
    with Catalogue.open(path, read_only=True) as read_only, pytest.raises(CatalogueReadOnly):
        reindex(read_only)


def test_people_are_found_by_the_roles_their_credits_give_them(films: Films) -> None:
    """`director:kim` among people: Kim Jong Il produced, and is a director only while credited
    as one; the credit's edits, undo and redo move the role in the index."""
    catalogue = films.catalogue

    def people(query: str) -> list[str]:
        return [hit.uuid for hit in search(catalogue, query, kinds=["agent"]).hits]

    assert people("producer:kim") == [films.kim]
    assert people("director:kim") == []
    with ops.operation(catalogue, "Credit him as director") as op:
        credit = op.create(
            "credit", {"work": films.schoolgirl, "agent": films.kim, "role": "co_director"}
        )
    assert people("director:kim") == [films.kim]
    assert people("director:신상옥") == [films.shin]
    with ops.operation(catalogue, "He wrote it") as op:
        op.update("credit", credit.uuid, {"role": "screenwriter"})
    assert people("director:kim") == []
    assert people("screenwriter:kim") == [films.kim]
    ops.undo(catalogue)
    assert people("director:kim") == [films.kim]
    ops.redo(catalogue)
    with ops.operation(catalogue, "Uncredit") as op:
        op.delete("credit", credit.uuid)
    assert people("screenwriter:kim") == []
    assert people("producer:kim") == [films.kim]
    assert check_search_index(catalogue) == []
    assert people("director") == people("roledirector") == []  # roles are no words to type


def test_kinds_of_event_and_countries_follow_the_events_of_a_work(films: Films) -> None:
    """`event:` and `country:` are looked up as index words; a work has the kinds of its events,
    so an event's edits, its removal, undo and redo move them on the work too."""
    catalogue = films.catalogue

    def found(query: str, kind: str = "work") -> list[str]:
        return [hit.uuid for hit in search(catalogue, query, kinds=[kind]).hits]

    assert found("event:broadcast") == []
    with ops.operation(catalogue, "Broadcast it") as op:
        event = op.create(
            "event",
            {"work": films.pulgasari, "event_type": "broadcast", "date": "1998", "country": "JP"},
        )
    assert found("event:broadcast") == [films.pulgasari]
    assert found("pulgasari event:broadcast") == [films.pulgasari]
    assert found("country:JP", "event") == [event.uuid]
    assert found("country:JP") == []  # a work's own countries, not its events'
    with ops.operation(catalogue, "Screened, not broadcast") as op:
        op.update("event", event.uuid, {"event_type": "screening", "country": "FR"})
    assert found("event:broadcast") == []
    assert found("country:fr", "event") == [event.uuid]
    ops.undo(catalogue)
    assert found("event:broadcast") == [films.pulgasari]
    with ops.operation(catalogue, "Remove it") as op:
        op.delete("event", event.uuid)
    assert found("event:broadcast") == []
    ops.undo(catalogue)
    assert found("event:broadcast") == [films.pulgasari]
    with ops.operation(catalogue, "Countries") as op:
        op.update("work", films.pulgasari, {"countries": ["KP", "JP"]})
    assert found("country:JP") == [films.pulgasari]
    assert check_search_index(catalogue) == []


def test_a_citation_marks_what_it_backs_as_cited(films: Films) -> None:
    """`has:citation` and `missing:source` are index lookups: a citation of a work, or of one of
    its titles, marks the work; removing it, undo and redo follow."""
    catalogue = films.catalogue
    assert films.flower_girl in works(films, "missing:source")
    assert films.flower_girl not in works(films, "has:citation")
    with catalogue.engine.connect() as connection:
        title = connection.execute(
            text(
                "SELECT t.uuid FROM title t JOIN work w ON w.id = t.work_id "
                "WHERE w.uuid = :w LIMIT 1"
            ),
            {"w": films.flower_girl},
        ).scalar()
    with ops.operation(catalogue, "Cite a title") as op:
        citation = op.create(
            "citation", {"source": films.rodong, "title": title, "confidence": "probable"}
        )
    assert films.flower_girl in works(films, "has:citation")
    assert films.flower_girl not in works(films, "missing:source")
    assert works(films, "flower -has:citation") == []
    assert works(films, "flower has:citation") == [films.flower_girl]
    with ops.operation(catalogue, "Uncite") as op:
        op.delete("citation", citation.uuid)
    assert works(films, "flower -has:citation") == [films.flower_girl]
    ops.undo(catalogue)
    assert works(films, "flower has:citation") == [films.flower_girl]
    ops.redo(catalogue)
    assert works(films, "flower has:citation") == []
    assert check_search_index(catalogue) == []


@pytest.mark.parametrize("query", ["missing:source", "-has:citation", "-kim", "-kim -the"])
def test_a_query_that_only_excludes_counts_and_pages_as_its_sql_does(
    demo_catalogue: Catalogue, query: str
) -> None:
    """Counted as the records less the excluded, and paged by reading both in id order: the
    same records as the query's SQL condition finds, page after page."""
    from nkarchive.search import ids_matching

    totals = search(demo_catalogue, query, limit=0).total_by_kind
    for kind in ("work", "agent", "event", "source"):
        expected = ids_matching(demo_catalogue, query, kind)
        assert totals[kind] == len(expected), kind
        paged = [
            hit.record_id
            for offset in range(0, len(expected) + 7, 7)
            for hit in search(demo_catalogue, query, kinds=[kind], limit=7, offset=offset).hits
        ]
        assert sorted(paged) == expected and len(paged) == len(set(paged)), kind


def test_sources_are_cited_while_a_citation_cites_them(demo_catalogue: Catalogue) -> None:
    """`missing:source` among sources: those no citation cites, through the index's mark,
    as the citations stand after each edit, undo included."""
    from nkarchive.search import ids_matching

    def uncited() -> list[int]:
        with demo_catalogue.engine.connect() as connection:
            found = connection.execute(
                text(
                    "SELECT id FROM source WHERE id NOT IN (SELECT source_id FROM citation) "
                    "ORDER BY id"
                )
            ).scalars()
            return [int(i) for i in found]

    assert ids_matching(demo_catalogue, "missing:source", "source") == uncited()
    with demo_catalogue.engine.connect() as connection:
        source = connection.execute(text("SELECT source_id FROM citation LIMIT 1")).scalar()
        citations = (
            connection.execute(
                text("SELECT uuid FROM citation WHERE source_id = :s"), {"s": source}
            )
            .scalars()
            .all()
        )
    with ops.operation(demo_catalogue, "Uncite a source") as op:
        for uuid in citations:
            op.delete("citation", uuid)
    assert source in ids_matching(demo_catalogue, "missing:source", "source")
    assert ids_matching(demo_catalogue, "missing:source", "source") == uncited()
    ops.undo(demo_catalogue)
    assert source not in ids_matching(demo_catalogue, "missing:source", "source")
    assert check_search_index(demo_catalogue) == []
