"""Saved searches: named queries kept in the catalogue, written through nkarchive.ops (so each
save, rename and delete is logged and can be undone), for the navigator and the command line.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from nkarchive.model import SavedSearch
from nkarchive.search.grammar import QuerySyntaxError, parse
from nkarchive.store.catalogue import Catalogue


@dataclass(frozen=True)
class Saved:
    """A saved search as the navigator lists it."""

    uuid: str
    name: str
    query: str
    position: int


def saved_searches(catalogue: Catalogue) -> list[Saved]:
    """Every saved search, in the order the user gave them (then by name)."""
    with catalogue.session() as session:
        rows = session.scalars(select(SavedSearch).order_by(SavedSearch.position, SavedSearch.name))
        return [Saved(r.uuid, r.name, r.query, r.position) for r in rows]


def _check(catalogue: Catalogue, name: str | None, query: str | None, existing: str | None) -> None:
    from nkarchive.ops import FieldError, ValidationError

    errors = []
    if name is not None:
        if not name.strip():
            errors.append(FieldError("name", "a saved search needs a name"))
        else:
            with catalogue.session() as session:
                clash = session.scalar(
                    select(SavedSearch.uuid).where(
                        func.lower(SavedSearch.name) == name.strip().lower()
                    )
                )
            if clash is not None and clash != existing:
                errors.append(
                    FieldError("name", f"there is already a saved search called “{name.strip()}”")
                )
    if query is not None:
        try:
            if parse(query) is None:
                errors.append(FieldError("query", "the query is empty"))
        except QuerySyntaxError as error:
            errors.append(FieldError("query", str(error)))
    if errors:
        raise ValidationError("saved_search", errors, existing)


def save_search(catalogue: Catalogue, name: str, query: str) -> str:
    """Save a query under a name; returns the saved search's UUID. Raises ops.ValidationError
    for an empty or taken name, or a query with a syntax error."""
    from nkarchive import ops

    _check(catalogue, name, query, None)
    with catalogue.session() as session:
        position = (session.scalar(select(func.max(SavedSearch.position))) or 0) + 1
    result = ops.create(
        catalogue,
        "saved_search",
        {"name": name.strip(), "query": query, "position": position},
        label=f"Save search “{name.strip()}”",
    )
    return result.records("insert")[0][1]


def rename_saved_search(catalogue: Catalogue, uuid: str, name: str) -> None:
    from nkarchive import ops

    _check(catalogue, name, None, uuid)
    ops.update(
        catalogue,
        "saved_search",
        uuid,
        {"name": name.strip()},
        label=f"Rename saved search to “{name.strip()}”",
    )


def change_saved_search(catalogue: Catalogue, uuid: str, query: str) -> None:
    """Give a saved search a new query."""
    from nkarchive import ops

    _check(catalogue, None, query, uuid)
    ops.update(catalogue, "saved_search", uuid, {"query": query}, label="Change saved search")


def delete_saved_search(catalogue: Catalogue, uuid: str) -> None:
    from nkarchive import ops

    ops.delete(catalogue, "saved_search", uuid, label="Delete saved search")
