"""Which database objects the models describe; the rest are managed by hand-written migrations."""

from __future__ import annotations

# The full-text indexes, their FTS5 shadow tables and the search's own indexes on mapped tables
# (`search_credit_agent_role`): made by migrations, not described by the ORM.
UNMAPPED_PREFIXES = ("search_",)


def include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    return not (
        type_ in ("table", "index") and reflected and compare_to is None
        and name is not None and name.startswith(UNMAPPED_PREFIXES)
    )
