"""Create, update, delete, validation, undo, redo and the Change log, for every kind of record."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import select, text

from nkarchive import ops
from nkarchive.model import RECORD_CLASSES, Change
from nkarchive.store.catalogue import Catalogue


def dump(catalogue: Catalogue) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (the Change log included), to compare whole catalogues."""
    with catalogue.engine.connect() as connection:
        tables = [r[0] for r in connection.execute(text(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name"))]
        return {t: [tuple(r) for r in connection.execute(text(f'SELECT * FROM "{t}" ORDER BY 1'))] for t in tables}


def records_only(d: dict[str, list[tuple[Any, ...]]]) -> dict[str, list[tuple[Any, ...]]]:
    # FTS5's own segment tables (every full-text index's shadow tables) depend on the order of
    # writes, not only on what is indexed; the index rows themselves (search_doc) are compared
    # like any table.
    return {
        t: rows
        for t, rows in d.items()
        if t != "change" and not t.startswith(("search_index", "search_main"))
    }


def prerequisites(catalogue: Catalogue) -> dict[str, str]:
    """A work, agent, source, event, manifestation and item to hang other records on."""
    with ops.operation(catalogue, "Prerequisites") as op:
        work = op.create("work", {"form": "feature", "record_status": "draft"})
        agent = op.create("agent", {"agent_type": "person"})
        source = op.create("source", {"source_type": "book", "title": "Korean Film Art"})
        manifestation = op.create("manifestation", {"work": work.uuid, "manifestation_type": "release"})
        item = op.create("item", {"work": work.uuid, "carrier": "35mm"})
        event = op.create("event", {"work": work.uuid, "event_type": "screening", "date": "1985-07-02"})
    catalogue.undo_stack.clear()
    return {"work": work.uuid, "agent": agent.uuid, "source": source.uuid,
            "manifestation": manifestation.uuid, "item": item.uuid, "event": event.uuid}


# For each kind: valid values, an update, and an invalid update with the field it names.
CASES: dict[str, tuple[dict[str, Any], dict[str, Any], dict[str, Any], str]] = {
    "work": ({"form": "feature", "record_status": "draft", "production_date": "1985", "countries": ["KP"]},
             {"production_date": "198X", "running_time": 95}, {"production_date": "1985-13"}, "production_date"),
    "title": ({"work": "@work", "text": "불가사리", "title_type": "original", "script": "Hang", "language": "ko"},
              {"text": "불가사리 (1985)"}, {"script": "Latn"}, "script"),
    "credit": ({"work": "@work", "agent": "@agent", "role": "director"},
               {"role": "screenwriter", "credited_as": "Shin Sang-ok"}, {"role": "gaffer!"}, "role"),
    "manifestation": ({"work": "@work", "manifestation_type": "restored", "date": "2010"},
                      {"running_time": 90}, {"running_time": -3}, "running_time"),
    "item": ({"work": "@work", "carrier": "dvd", "shelf_mark": "DVD 12"},
             {"condition": "good"}, {"carrier": "wax cylinder"}, "carrier"),
    "event": ({"work": "@work", "event_type": "festival_showing", "date": "1972-07", "country": "CS"},
              {"result": "Special Prize"}, {"country": "Czechoslovakia"}, "country"),
    "agent": ({"agent_type": "studio", "dates": "1947/.."}, {"notes": "Pyongyang"},
              {"agent_type": "planet"}, "agent_type"),
    "agent_name": ({"agent": "@agent", "name": "신상옥", "name_type": "preferred", "script": "Hang"},
                   {"name": "申相玉", "script": "Hani"}, {"name": ""}, "name"),
    "agent_honour": ({"agent": "@agent", "honour": "People's Artist", "date": "주체74"},
                     {"date": "1986"}, {"date": "yesterday"}, "date"),
    "agent_identifier": ({"agent": "@agent", "authority": "wikidata", "value": "Q123"},
                         {"value": "Q124"}, {"authority": "facebook"}, "authority"),
    "source": ({"source_type": "article-newspaper", "title": "Rodong Sinmun", "date": "1985-07-02"},
               {"pages": "3"}, {"accessed": "July 1985"}, "accessed"),
    "source_contributor": ({"source": "@source", "role": "author", "family": "Kim", "given": "Ryon"},
                           {"role": "translator"}, {"family": None, "literal": None}, "family"),
    "citation": ({"source": "@source", "event": "@event", "field": "date", "locator": "p. 3",
                  "confidence": "certain", "excerpt": "1985년 7월 2일", "translation": "2 July 1985"},
                 {"confidence": "disputed"}, {"confidence": "sure"}, "confidence"),
    "attachment": ({"source": "@source", "sha256": "a" * 64, "original_name": "scan.pdf", "size": 10,
                    "added": "2026-01-01T00:00:00Z", "media_type": "application/pdf"},
                   {"description": "front page"}, {"sha256": "xyz"}, "sha256"),
}


def resolve(values: dict[str, Any], refs: dict[str, str]) -> dict[str, Any]:
    return {k: refs[v[1:]] if isinstance(v, str) and v.startswith("@") else v for k, v in values.items()}


def test_every_kind_has_a_case() -> None:
    assert set(CASES) == set(RECORD_CLASSES)


@pytest.mark.parametrize("kind", sorted(CASES))
def test_create_update_delete_undo_redo(catalogue: Catalogue, kind: str) -> None:
    refs = prerequisites(catalogue)
    valid, update, _invalid, _field = CASES[kind]
    cls = RECORD_CLASSES[kind]
    empty = records_only(dump(catalogue))

    created = ops.create(catalogue, kind, resolve(valid, refs))
    ((created_kind, uuid),) = created.records("insert")
    assert created_kind == kind
    after_create = records_only(dump(catalogue))

    ops.update(catalogue, kind, uuid, resolve(update, refs))
    with catalogue.session() as session:
        record = session.scalars(select(cls).where(cls.uuid == uuid)).one()
        for name, value in update.items():
            column = ops.spec(kind, name).column
            assert getattr(record, column) == value
    after_update = records_only(dump(catalogue))

    ops.delete(catalogue, kind, uuid)
    assert records_only(dump(catalogue)) == empty

    # Undo walks back through delete, update and create, restoring each state exactly.
    ops.undo(catalogue)
    assert records_only(dump(catalogue)) == after_update
    ops.undo(catalogue)
    assert records_only(dump(catalogue)) == after_create
    ops.undo(catalogue)
    assert records_only(dump(catalogue)) == empty
    ops.redo(catalogue)
    assert records_only(dump(catalogue)) == after_create
    ops.redo(catalogue)
    assert records_only(dump(catalogue)) == after_update

    with catalogue.session() as session:
        log = session.scalars(select(Change).where(Change.record_uuid == uuid).order_by(Change.id)).all()
    actions = [(c.action, c.why) for c in log]
    assert actions[0] == ("create", f"Add {kind.replace('_', ' ')}")
    assert ("delete", f"Delete {kind.replace('_', ' ')}") in actions
    assert any(why and why.startswith("Undo:") for _, why in actions)
    assert all(c.who == "Test Cataloguer" for c in log)
    first_update = next(c for c in log if c.action == "update")
    name, value = next(iter(update.items()))
    assert first_update.field == ops.spec(kind, name).column
    assert first_update.new_value == (value if isinstance(value, str) else json.dumps(value))
    created_values = json.loads(log[0].new_value or "{}")
    assert created_values["uuid"] == uuid


@pytest.mark.parametrize("kind", sorted(CASES))
def test_invalid_update_names_the_field_and_changes_nothing(catalogue: Catalogue, kind: str) -> None:
    refs = prerequisites(catalogue)
    valid, _update, invalid, field = CASES[kind]
    uuid = ops.create(catalogue, kind, resolve(valid, refs)).records("insert")[0][1]
    before = dump(catalogue)
    with pytest.raises(ops.ValidationError) as caught:
        ops.update(catalogue, kind, uuid, resolve(invalid, refs))
    assert caught.value.for_field(field), caught.value
    assert dump(catalogue) == before
    assert catalogue.undo_stack.undo_label == f"Add {kind.replace('_', ' ')}"


@pytest.mark.parametrize("kind", sorted(CASES))
def test_invalid_create_changes_nothing(catalogue: Catalogue, kind: str) -> None:
    refs = prerequisites(catalogue)
    valid, _update, invalid, field = CASES[kind]
    before = dump(catalogue)
    with pytest.raises(ops.ValidationError) as caught:
        ops.create(catalogue, kind, {**resolve(valid, refs), **resolve(invalid, refs)})
    assert caught.value.for_field(field)
    assert dump(catalogue) == before


def test_a_failed_step_rolls_back_the_whole_operation(catalogue: Catalogue) -> None:
    before = dump(catalogue)
    with pytest.raises(ops.ValidationError), ops.operation(catalogue, "Add film") as op:
        work = op.create("work", {"form": "feature", "record_status": "draft"})
        op.create("title", {"work": work.uuid, "text": "Salt", "title_type": "sideways"})
    assert dump(catalogue) == before
    assert not catalogue.undo_stack.can_undo


def test_unknown_field_and_missing_required_field_are_named(catalogue: Catalogue) -> None:
    with pytest.raises(ops.ValidationError) as caught:
        ops.create(catalogue, "title", {"colour": "red"})
    fields = {e.field for e in caught.value.errors}
    assert {"colour", "work", "text", "title_type"} <= fields


def test_reference_to_missing_record_is_refused(catalogue: Catalogue) -> None:
    with pytest.raises(ops.ValidationError, match="no work with id"):
        ops.create(catalogue, "title", {"work": "00000000-0000-0000-0000-000000000000",
                                         "text": "x", "title_type": "original"})


def test_juche_year_is_kept_as_entered_with_gregorian_bounds(catalogue: Catalogue) -> None:
    uuid = ops.create(catalogue, "work", {"form": "feature", "record_status": "draft",
                                          "production_date": "주체74"}).records()[0][1]
    with catalogue.session() as session:
        work = session.scalars(select(RECORD_CLASSES["work"]).where(RECORD_CLASSES["work"].uuid == uuid)).one()
        assert work.production_date == "주체74"
        assert (work.production_date_lower, work.production_date_upper) == ("1985-01-01", "1985-12-31")


def test_only_one_preferred_title_per_work(catalogue: Catalogue) -> None:
    refs = prerequisites(catalogue)
    first = ops.create(catalogue, "title", {"work": refs["work"], "text": "소금", "title_type": "original",
                                            "preferred": True}).records()[0][1]
    ops.create(catalogue, "title", {"work": refs["work"], "text": "Salt", "title_type": "translated",
                                    "preferred": True})
    with catalogue.session() as session:
        titles = {t.text: t.preferred for t in session.scalars(select(RECORD_CLASSES["title"]))}
    assert titles == {"소금": False, "Salt": True}
    ops.undo(catalogue)
    with catalogue.session() as session:
        assert session.scalars(select(RECORD_CLASSES["title"]).where(
            RECORD_CLASSES["title"].uuid == first)).one().preferred


def test_writes_outside_operations_are_refused(catalogue: Catalogue) -> None:
    from nkarchive.model import Agent

    with catalogue.session() as session:
        session.add(Agent(agent_type="person"))
        with pytest.raises(ops.WriteOutsideOperation):
            session.flush()


def test_undo_refuses_when_the_record_changed_since(catalogue: Catalogue) -> None:
    uuid = ops.create(catalogue, "agent", {"agent_type": "person"}).records()[0][1]
    ops.update(catalogue, "agent", uuid, {"notes": "first"})
    # Another window (another undo history) edits the same record.
    other = Catalogue.open(catalogue.path)
    ops.update(other, "agent", uuid, {"notes": "second"})
    other.close()
    before = dump(catalogue)
    with pytest.raises(ops.UndoConflict, match="changed since"):
        ops.undo(catalogue)
    assert dump(catalogue) == before
