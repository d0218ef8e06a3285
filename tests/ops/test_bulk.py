"""Operation.create_many: the bulk path imports use, held to what `create` does row by row."""

from __future__ import annotations

import uuid as uuid_module
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from nkarchive import ops
from nkarchive.model import Change, Citation, Title
from nkarchive.store.catalogue import Catalogue


def table_rows(catalogue: Catalogue, table: str) -> list[tuple[Any, ...]]:
    with catalogue.engine.connect() as connection:
        return [tuple(r) for r in connection.execute(text(f'SELECT * FROM "{table}" ORDER BY id'))]


def film_rows() -> dict[str, list[dict[str, Any]]]:
    """A studio, a person, two works with titles, credits, an event tree and citations."""
    u = [str(uuid_module.UUID(int=n + 1)) for n in range(20)]
    return {
        "agent": [
            {"uuid": u[0], "agent_type": "studio", "dates": "1947/.."},
            {"uuid": u[1], "agent_type": "person", "dates": "1926~/2006"},
        ],
        "agent_name": [
            {
                "uuid": u[2],
                "agent": u[1],
                "name": "신상옥",
                "name_type": "preferred",
                "script": "Hang",
                "language": "ko",
                "preferred": True,
            }
        ],
        "source": [
            {
                "uuid": u[3],
                "source_type": "article-newspaper",
                "title": "새 영화",
                "container_title": "로동신문",
                "date": "1985-07-02",
                "identifiers": {"oclc": "1"},
            }
        ],
        "work": [
            {
                "uuid": u[4],
                "form": "feature",
                "record_status": "draft",
                "production_date": "1985",
                "countries": ["KP"],
                "identifier": "NK-1",
            },
            {"uuid": u[5], "form": "documentary", "record_status": "draft"},
        ],
        "title": [
            {
                "uuid": u[6],
                "work": u[4],
                "text": "불가사리",
                "title_type": "original",
                "script": "Hang",
                "preferred": True,
            },
            {
                "uuid": u[7],
                "work": u[4],
                "text": "Pulgasari",
                "title_type": "transliterated",
                "script": "Latn",
                "scheme": "mr",
                "position": 1,
            },
        ],
        "credit": [{"uuid": u[8], "work": u[4], "agent": u[1], "role": "director"}],
        "event": [
            {"uuid": u[9], "event_type": "festival", "date": "1986-07", "organiser": u[0]},
            {
                "uuid": u[10],
                "work": u[4],
                "parent": u[9],
                "event_type": "festival_showing",
                "date": "1986-07-05~",
                "country": "CS",
            },
        ],
        "citation": [
            {
                "uuid": u[11],
                "source": u[3],
                "work": u[4],
                "field": "production_date",
                "claimed_value": "1985",
                "confidence": "certain",
                "preferred": True,
                "excerpt": "1985년에 제작",
                "locator": "3",
                "locator_type": "page",
            },
            {"uuid": u[12], "source": u[3], "event": u[10], "confidence": "probable"},
        ],
    }


def create_one_by_one(catalogue: Catalogue, rows: dict[str, list[dict[str, Any]]]) -> None:
    with ops.operation(catalogue, "Import") as op:
        for kind, kind_rows in rows.items():
            for row in kind_rows:
                op.create(kind, row)


def create_in_bulk(catalogue: Catalogue, rows: dict[str, list[dict[str, Any]]]) -> ops.OpResult:
    with ops.operation(catalogue, "Import") as op:
        for kind, kind_rows in rows.items():
            op.create_many(kind, kind_rows)
    assert op.result is not None
    return op.result


@pytest.fixture
def second(tmp_path: Path) -> Catalogue:
    other = Catalogue.create(tmp_path / "second.nkcat")
    yield other  # type: ignore[misc]
    other.close()


def test_bulk_rows_equal_rows_made_one_by_one(catalogue: Catalogue, second: Catalogue) -> None:
    create_one_by_one(catalogue, film_rows())
    create_in_bulk(second, film_rows())
    for table in ("agent", "agent_name", "source", "work", "title", "credit", "event", "citation"):
        assert table_rows(second, table) == table_rows(catalogue, table), table


def test_bulk_change_log_undo_and_redo(catalogue: Catalogue) -> None:
    result = create_in_bulk(catalogue, film_rows())
    created = result.records("insert")
    assert len(created) == 13
    with catalogue.session() as session:
        logged = session.scalars(select(Change).where(Change.action == "create")).all()
        assert {(c.record_kind, c.record_uuid) for c in logged} == set(created)
        title = next(
            c for c in logged if c.record_kind == "title" and "불가사리" in (c.new_value or "")
        )
        assert '"work_id": 1' in (title.new_value or "")
    assert catalogue.undo_stack.undo_label == "Import"
    ops.undo(catalogue)
    assert all(catalogue.counts()[kind] == 0 for kind in ("work", "title", "citation", "agent"))
    ops.redo(catalogue)
    assert catalogue.counts()["citation"] == 2
    with catalogue.session() as session:
        assert session.scalar(select(Title.text).where(Title.preferred)) == "불가사리"


def test_row_listeners_see_every_bulk_row(catalogue: Catalogue) -> None:
    seen: list[tuple[str, str]] = []
    catalogue.row_listeners.append(
        lambda _c, _conn, changes: seen.extend((c.kind, c.action) for c in changes)
    )
    create_in_bulk(catalogue, film_rows())
    assert seen.count(("citation", "insert")) == 2 and seen.count(("title", "insert")) == 2
    assert len(seen) == 13


def test_an_invalid_row_writes_nothing_and_names_the_row(catalogue: Catalogue) -> None:
    rows = film_rows()
    rows["title"][1]["script"] = "Hang"  # but the text is in Latin letters
    with pytest.raises(ops.ValidationError) as raised:
        create_in_bulk(catalogue, rows)
    assert "#2 of 2" in str(raised.value) and raised.value.for_field("script")
    assert catalogue.counts()["work"] == 0 and catalogue.counts()["change"] == 0


@pytest.mark.parametrize(
    ("kind", "row", "field"),
    [
        ("work", {"form": "feature"}, "record_status"),
        ("work", {"form": "feature", "record_status": "draft", "colour": "sepia"}, "colour"),
        ("work", {"form": "feature", "record_status": "draft", "rating": 5}, "rating"),
        (
            "title",
            {"work": str(uuid_module.uuid4()), "text": "x", "title_type": "original"},
            "work",
        ),
        ("work", {"uuid": "not-a-uuid", "form": "feature", "record_status": "draft"}, "uuid"),
        ("citation", {"source": "@source", "confidence": "certain"}, "target"),
    ],
)
def test_bulk_validation_matches_create(
    catalogue: Catalogue, kind: str, row: dict[str, Any], field: str
) -> None:
    source = ops.create(catalogue, "source", {"source_type": "book", "title": "Korean Film Art"})
    row = {k: (source.records()[0][1] if v == "@source" else v) for k, v in row.items()}
    with pytest.raises(ops.ValidationError) as one:
        ops.create(catalogue, kind, row)
    with pytest.raises(ops.ValidationError) as bulk, ops.operation(catalogue, "Import") as op:
        op.create_many(kind, [row])
    assert bulk.value.for_field(field) == one.value.for_field(field) != []


def test_uuids_already_used_or_repeated_are_refused(catalogue: Catalogue) -> None:
    work = ops.create(catalogue, "work", {"form": "feature", "record_status": "draft"}).records()[
        0
    ][1]
    fresh = str(uuid_module.uuid4())
    for rows in ([{"uuid": work}], [{"uuid": fresh}, {"uuid": fresh}]):
        with (
            pytest.raises(ops.ValidationError, match="already exists"),
            ops.operation(catalogue, "Import") as op,
        ):
            op.create_many(
                "work", [{**r, "form": "feature", "record_status": "draft"} for r in rows]
            )
    assert catalogue.counts()["work"] == 1


def test_a_reference_to_a_later_row_is_refused(catalogue: Catalogue) -> None:
    parent, child = str(uuid_module.uuid4()), str(uuid_module.uuid4())
    rows = [
        {"uuid": child, "event_type": "festival_showing", "parent": parent},
        {"uuid": parent, "event_type": "festival"},
    ]
    with (
        pytest.raises(ops.ValidationError, match="no event with id"),
        ops.operation(catalogue, "Import") as op,
    ):
        op.create_many("event", rows)
    with ops.operation(catalogue, "Import") as op:
        op.create_many("event", list(reversed(rows)))
    assert catalogue.counts()["event"] == 2


def test_last_preferred_claim_wins_as_with_create(catalogue: Catalogue) -> None:
    rows = film_rows()
    create_in_bulk(catalogue, {k: rows[k] for k in ("source", "work")})
    claim = {"source": rows["source"][0]["uuid"], "work": rows["work"][0]["uuid"],
             "preferred": True}  # fmt: skip

    def cite(field: str) -> str:
        made = ops.create(catalogue, "citation", {**claim, "field": field, "confidence": "certain"})
        return str(made.records()[0][1])

    first = cite("production_date")
    other_fact = cite("running_time")  # the same work, another fact: its claim stays preferred
    claims = [
        {**claim, "field": "production_date", "confidence": "probable", "claimed_value": value}
        for value in ("1984", "1985")
    ]
    with ops.operation(catalogue, "Import") as op:
        op.create_many("citation", claims)
    with catalogue.session() as session:
        preferred = session.scalars(
            select(Citation).where(Citation.preferred, Citation.field == "production_date")
        ).all()
        assert [c.claimed_value for c in preferred] == ["1985"]
        assert session.scalar(select(Citation.preferred).where(Citation.uuid == first)) is False
        assert session.scalar(select(Citation.preferred).where(Citation.uuid == other_fact))
    ops.undo(catalogue)
    with catalogue.session() as session:
        assert session.scalar(select(Citation.preferred).where(Citation.uuid == first)) is True


def test_defaults_and_date_bounds_are_filled_in(catalogue: Catalogue) -> None:
    with ops.operation(catalogue, "Import") as op:
        (work,) = op.create_many(
            "work", [{"form": "feature", "record_status": "draft", "production_date": "198X"}]
        )
    with catalogue.engine.connect() as connection:
        row = connection.execute(
            text("SELECT countries, production_date_lower, production_date_upper, uuid FROM work")
        ).one()
    assert tuple(row) == ("[]", "1980-01-01", "1989-12-31", work)
