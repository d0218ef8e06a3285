"""Which events the timeline shows: a query in the search language plus quick toggles.

The query goes to ``nkarchive.search`` (``ids_sql(query, "event", via_work=True)``, used as a
subquery), so the timeline, the search box and the command line read it the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from nkarchive.model.vocab import CONFIDENCES, SOURCE_CLASSES
from nkarchive.search import QuerySyntaxError, ids_sql


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
    """SQL over ``event e`` that selects the events, with its parameters."""

    where: list[str] = field(default_factory=list)
    params: dict[str, Any] = field(default_factory=dict)

    def sql(self) -> str:
        return " AND ".join(f"({w})" for w in self.where) if self.where else "1"


def _in_list(plan: FilterPlan, name: str, values: Iterable[str]) -> str:
    keys = []
    for index, value in enumerate(sorted(values)):
        key = f"{name}{index}"
        plan.params[key] = value
        keys.append(f":{key}")
    return ", ".join(keys) if keys else "NULL"


def _query_condition(plan: FilterPlan, query: str) -> None:
    try:
        sql, params = ids_sql(query, "event", via_work=True)
    except QuerySyntaxError as exc:
        raise TimelineQueryError(str(exc)) from exc
    clashes = set(params) & set(plan.params)
    if clashes:  # our own parameter names all start with tl_
        raise RuntimeError(f"query parameter names clash: {sorted(clashes)}")
    plan.where.append(f"e.id IN ({sql})")
    plan.params.update(params)


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


def plan_filter(chosen: EventFilter) -> FilterPlan:
    """The SQL that selects the events ``chosen`` lets through."""
    plan = FilterPlan()
    _toggle_conditions(plan, chosen)
    if chosen.query.strip():
        _query_condition(plan, chosen.query.strip())
    return plan
