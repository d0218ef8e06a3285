"""Saved searches: named queries kept in the catalogue, saved, renamed and deleted as undoable
operations, and run like any query."""

from __future__ import annotations

import pytest

from nkarchive import ops
from nkarchive.search import search
from nkarchive.search.saved import (
    change_saved_search,
    delete_saved_search,
    rename_saved_search,
    save_search,
    saved_searches,
)
from nkarchive.store.catalogue import Catalogue
from tests.search.search_films import add_films


def test_save_list_rename_change_delete_and_undo(catalogue: Catalogue) -> None:
    films = add_films(catalogue)
    first = save_search(catalogue, "Festival films", "event:festival")
    second = save_search(catalogue, " Eighties ", "year:1980..1989")
    assert [(s.name, s.query) for s in saved_searches(catalogue)] == [
        ("Festival films", "event:festival"),
        ("Eighties", "year:1980..1989"),
    ]
    saved = saved_searches(catalogue)[1]
    assert [h.uuid for h in search(catalogue, saved.query, kinds=["work"]).hits] == [
        films.pulgasari
    ]

    rename_saved_search(catalogue, first, "Shown at festivals")
    change_saved_search(catalogue, second, "year:1970..1979")
    assert catalogue.undo_stack.undo_label == "Change saved search"
    assert [(s.name, s.query) for s in saved_searches(catalogue)] == [
        ("Shown at festivals", "event:festival"),
        ("Eighties", "year:1970..1979"),
    ]
    delete_saved_search(catalogue, first)
    assert [s.name for s in saved_searches(catalogue)] == ["Eighties"]
    ops.undo(catalogue)
    assert [s.name for s in saved_searches(catalogue)] == ["Shown at festivals", "Eighties"]


@pytest.mark.parametrize(
    ("name", "query", "field", "message"),
    [
        ("", "pulgasari", "name", "needs a name"),
        ("Festival films", "pulgasari", "name", "already a saved search called “Festival films”"),
        ("festival FILMS", "pulgasari", "name", "already a saved search"),
        ("Broken", "year:abc", "query", "column 6"),
        ("Empty", "   ", "query", "empty"),
    ],
)
def test_bad_names_and_queries_are_refused(
    catalogue: Catalogue, name: str, query: str, field: str, message: str
) -> None:
    save_search(catalogue, "Festival films", "event:festival")
    with pytest.raises(ops.ValidationError) as refused:
        save_search(catalogue, name, query)
    assert [e.field for e in refused.value.errors] == [field]
    assert message in refused.value.errors[0].message
    assert len(saved_searches(catalogue)) == 1
