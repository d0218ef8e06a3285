"""Which events the timeline shows: a query in the search language plus quick toggles.

The query goes to ``nkarchive.search`` (``ids_sql(query, "event", via_work=True)`` as a
subquery), so the timeline, the search box and the command line read it the same way. The small
interim parser below (``event:``, ``country:``, ``year:``, plain words) is used only where the
search package is not installed.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from typing import Any

from nkarchive.model.vocab import CONFIDENCES, EVENT_TYPES, SOURCE_CLASSES
from nkarchive.store.catalogue import Catalogue


class TimelineQueryError(ValueError):
    """A query the timeline cannot read; the message says what is wrong and where."""


@dataclass(frozen=True)
class EventFilter:
    """A query and the quick toggles. ``None`` for a toggle means everything is shown."""

    query: str = ""
    event_types: frozenset[str] | None = None
    source_classes: frozenset[str] | None = None
    confidences: frozenset[str] | None = None


@dataclass
class FilterPlan:
    """SQL over ``event e`` that selects the events, and (from search) a set of ids to keep."""

    where: list[str] = field(default_factory=list)
    params: dict[str, Any] = field(default_factory=dict)
    event_ids: Collection[int] | None = None

    def sql(self) -> str:
        return " AND ".join(f"({w})" for w in self.where) if self.where else "1"


_YEAR = re.compile(r"^(\d{4})?(?:\.\.(\d{4})?)?$")


def _search_conditions(plan: FilterPlan, catalogue: Catalogue, query: str) -> bool:
    """Add the search package's reading of ``query``; False when there is no search package."""
    try:
        from nkarchive import search
    except ImportError:
        return False
    syntax_error: type[Exception] = getattr(search, "QuerySyntaxError", ValueError)
    ids_sql: Callable[..., tuple[str, dict[str, Any]]] | None = getattr(search, "ids_sql", None)
    matcher: Callable[[Catalogue, str], Iterable[int]] | None = getattr(
        search, "event_ids_matching", None
    )
    try:
        if ids_sql is not None:
            sql, params = ids_sql(query, "event", via_work=True)
            clashes = set(params) & set(plan.params)
            if clashes:  # our own names all start with tl_; theirs never should
                raise RuntimeError(f"query parameter names clash: {sorted(clashes)}")
            plan.where.append(f"e.id IN ({sql})")
            plan.params.update(params)
            return True
        if matcher is not None:
            plan.event_ids = set(matcher(catalogue, query))
            return True
    except syntax_error as exc:
        raise TimelineQueryError(str(exc)) from exc
    return False


def _in_list(plan: FilterPlan, name: str, values: Iterable[str]) -> str:
    keys = []
    for index, value in enumerate(sorted(values)):
        key = f"{name}{index}"
        plan.params[key] = value
        keys.append(f":{key}")
    return ", ".join(keys) if keys else "NULL"


def _year_condition(plan: FilterPlan, value: str, index: int) -> str:
    found = _YEAR.match(value)
    if not found or value in ("", ".."):
        raise TimelineQueryError(
            f"year:{value} is not a year or a range of years (write year:1985 or year:1970..1990)"
        )
    first, last = found.group(1), found.group(2)
    if ".." not in value:
        last = first
    low = f"{first}-01-01" if first else "0001-01-01"
    high = f"{last}-12-31" if last else "9999-12-31"
    if low > high:
        raise TimelineQueryError(f"year:{value} ends before it starts")
    lo, hi = f"tl_year_lo{index}", f"tl_year_hi{index}"
    plan.params[lo], plan.params[hi] = low, high
    # The rule of nkarchive.model.dates.overlaps: a date lies within the years, an interval or
    # an all-of set merely touches them.
    return (
        f"CASE WHEN e.date LIKE '%/%' OR e.date LIKE '{{%' "
        f"THEN e.date_lower <= :{hi} AND e.date_upper >= :{lo} "
        f"ELSE e.date_lower >= :{lo} AND e.date_upper <= :{hi} END"
    )


def _interim_conditions(plan: FilterPlan, query: str) -> None:
    try:
        terms = shlex.split(query)
    except ValueError as exc:
        raise TimelineQueryError(f"unbalanced quotes in the query ({exc})") from exc
    for index, term in enumerate(terms):
        name, colon, value = term.partition(":")
        name = name.lower()
        if colon and name in ("event", "type"):
            wanted = [code for code in EVENT_TYPES if code.startswith(value.lower())]
            if not wanted:
                raise TimelineQueryError(
                    f"{term}: no event type starts with {value!r} "
                    f"(types: {', '.join(EVENT_TYPES.codes())})"
                )
            plan.where.append(f"e.event_type IN ({_in_list(plan, f'tl_type{index}_', wanted)})")
        elif colon and name == "country":
            codes = [c.upper() for c in value.split(",") if c]
            plan.where.append(f"e.country IN ({_in_list(plan, f'tl_country{index}_', codes)})")
        elif colon and name == "year":
            plan.where.append(_year_condition(plan, value, index))
        elif (colon and name in ("place", "text")) or not colon:
            key = f"tl_word{index}"
            plan.params[key] = f"%{value if colon else term}%"
            plan.where.append(f"e.place LIKE :{key} OR e.venue LIKE :{key} OR e.label LIKE :{key}")
        else:
            raise TimelineQueryError(
                f"{term}: the timeline filter understands event:, country:, year:, place: "
                "and plain words"
            )


def _toggle_conditions(plan: FilterPlan, chosen: EventFilter) -> None:
    if chosen.event_types is not None:
        plan.where.append(
            f"e.event_type IN ({_in_list(plan, 'tl_toggle_type', chosen.event_types)})"
        )
    backing = []
    if chosen.source_classes is not None and set(chosen.source_classes) != set(SOURCE_CLASSES):
        names = _in_list(plan, "tl_toggle_class", chosen.source_classes)
        backing.append(
            f"c.source_id IN (SELECT s.id FROM source s WHERE s.source_class IN ({names}))"
        )
    if chosen.confidences is not None and set(chosen.confidences) != set(CONFIDENCES):
        backing.append(f"c.confidence IN ({_in_list(plan, 'tl_toggle_conf', chosen.confidences)})")
    if backing:
        # Shown when one citation meets every restriction: "backed by foreign press, certain".
        plan.where.append(
            "EXISTS (SELECT 1 FROM citation c WHERE c.event_id = e.id AND "
            + " AND ".join(backing)
            + ")"
        )


def plan_filter(catalogue: Catalogue, chosen: EventFilter) -> FilterPlan:
    """The SQL (and ids) that select the events ``chosen`` lets through."""
    plan = FilterPlan()
    query = chosen.query.strip()
    if query and not _search_conditions(plan, catalogue, query):
        _interim_conditions(plan, query)
    _toggle_conditions(plan, chosen)
    return plan
