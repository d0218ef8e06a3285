"""create_many: what an import gets for UUIDs it gives or leaves out, and what the Change log
keeps, whichever way the UUIDs are written."""

from __future__ import annotations

import json
import uuid as uuid_module
from collections.abc import Callable

import pytest
from sqlalchemy import select, text

from nkarchive import ops
from nkarchive.model import Change
from nkarchive.store.catalogue import Catalogue

DRAFT = {"form": "feature", "record_status": "draft"}


def stored_uuids(catalogue: Catalogue) -> list[str]:
    with catalogue.engine.connect() as connection:
        return [r[0] for r in connection.execute(text("SELECT uuid FROM work ORDER BY id"))]


def test_records_without_a_uuid_each_get_their_own(catalogue: Catalogue) -> None:
    with ops.operation(catalogue, "Import") as op:
        made = op.create_many("work", [dict(DRAFT) for _ in range(50)])
    assert stored_uuids(catalogue) == made
    assert len(set(made)) == 50
    assert all(str(uuid_module.UUID(u)) == u for u in made)


@pytest.mark.parametrize("case", [str.lower, str.upper])
def test_a_given_uuid_is_kept_in_its_usual_form(
    catalogue: Catalogue, case: Callable[[str], str]
) -> None:
    given = str(uuid_module.uuid4())
    with ops.operation(catalogue, "Import") as op:
        made = op.create_many("work", [{**DRAFT, "uuid": case(given)}])
    assert made == stored_uuids(catalogue) == [given]
    with (
        pytest.raises(ops.ValidationError, match="already exists"),
        ops.operation(catalogue, "Import again") as op,
    ):
        op.create_many("work", [{**DRAFT, "uuid": given.upper()}])


def test_the_change_log_keeps_each_created_record_as_json(catalogue: Catalogue) -> None:
    with ops.operation(catalogue, "Import") as op:
        (work,) = op.create_many("work", [{**DRAFT, "countries": ["KP", "CN"], "synopsis": "조국"}])
    with catalogue.session() as session:
        logged = session.scalar(select(Change.new_value).where(Change.record_uuid == work))
    assert logged is not None
    values = json.loads(logged)
    assert values["countries"] == ["KP", "CN"] and values["synopsis"] == "조국"
    assert list(values) == sorted(values)  # written with sorted keys, as every logged value is
    assert "조국" in logged  # readable, not \\u-escaped
