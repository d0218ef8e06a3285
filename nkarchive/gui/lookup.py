"""Finding records to link to as you type: people and organisations (any script, any
romanization), sources and works. Uses nkarchive.search when it is present, else a simple
name match plus Korean search keys. No Qt here."""

from __future__ import annotations

import threading
from typing import Any

from sqlalchemy import text

from nkarchive.gui.records import search_records
from nkarchive.store.catalogue import Catalogue

Hit = tuple[str, str, str]  # uuid, label, detail
KEY_CACHE_LIMIT = 20_000  # above this many names the key table is left to nkarchive.search
_KIND_NAMES = {"agent": "agents", "source": "sources", "work": "works"}
_key_cache: dict[str, list[tuple[str, frozenset[str]]]] = {}
_key_lock = threading.Lock()


def find(catalogue: Catalogue, kind: str, query: str, limit: int = 40) -> list[Hit]:
    query = query.strip()
    if not query:
        return []
    hits = _full_search(catalogue, kind, query, limit)
    if hits is not None:
        return hits
    with catalogue.engine.connect() as connection:
        hits = search_records(connection, kind, query, limit)
    if kind == "agent" and len(hits) < limit:
        seen = {h[0] for h in hits}
        extra = [u for u in _agents_by_key(catalogue, query) if u not in seen]
        if extra:
            with catalogue.engine.connect() as connection:
                for uuid in extra[: limit - len(hits)]:
                    hits.extend(_agent_hit(connection, uuid))
    return hits


def _full_search(catalogue: Catalogue, kind: str, query: str, limit: int) -> list[Hit] | None:
    """Hits from nkarchive.search, or None while it is not there (or cannot answer)."""
    try:
        from nkarchive.search import search  # type: ignore[attr-defined]
    except ImportError:
        return None
    try:
        results = search(catalogue, query, kinds=[_KIND_NAMES[kind]], limit=limit)
        hits: list[Hit] = []
        for result in results:
            uuid = getattr(result, "uuid", None) or (
                result.get("uuid") if isinstance(result, dict) else None
            )
            label = getattr(result, "label", None) or (
                result.get("label") if isinstance(result, dict) else None
            )
            if uuid:
                hits.append(
                    (str(uuid), str(label or uuid), str(getattr(result, "detail", "") or ""))
                )
        return hits
    except Exception:  # a search still being written must not break the forms
        return None


def _agent_hit(connection: Any, uuid: str) -> list[Hit]:
    from nkarchive.gui.records import LABEL_SQL

    row = connection.execute(
        text(
            "SELECT a.uuid, " + LABEL_SQL["agent"].format(id="a.id") + ", a.agent_type, "
            "(SELECT group_concat(n.name, ' · ') FROM agent_name n WHERE n.agent_id = a.id) "
            "FROM agent a WHERE a.uuid = :u"
        ),
        {"u": uuid},
    ).first()
    return [(row[0], row[1], f"{row[2]} — {row[3]}")] if row else []


def _agents_by_key(catalogue: Catalogue, query: str) -> list[str]:
    """Agents any of whose names folds to the same search key as the query (so "Sin Sang-ok",
    "Shin Sangok" and "신상옥" find one another)."""
    try:
        from nkarchive.korean import search_key, search_keys
    except ImportError:
        return []
    table = _name_keys(catalogue, search_keys)
    if table is None:
        return []
    wanted = search_key(query)
    if not wanted:
        return []
    return [uuid for uuid, keys in table if any(wanted in key for key in keys)]


def _name_keys(catalogue: Catalogue, search_keys: Any) -> list[tuple[str, frozenset[str]]] | None:
    cache_key = str(catalogue.path)
    with _key_lock:
        if cache_key in _key_cache:
            return _key_cache[cache_key]
        with catalogue.engine.connect() as connection:
            count = connection.execute(text("SELECT count(*) FROM agent_name")).scalar() or 0
            if count > KEY_CACHE_LIMIT:
                return None
            rows = connection.execute(
                text("SELECT a.uuid, n.name FROM agent_name n JOIN agent a ON a.id = n.agent_id")
            ).all()
        keys: dict[str, set[str]] = {}
        for uuid, name in rows:
            keys.setdefault(uuid, set()).update(k for k in search_keys(name) if k)
        table = [(u, frozenset(k)) for u, k in keys.items()]
        _key_cache[cache_key] = table
        return table


def forget_keys(catalogue: Catalogue) -> None:
    """Names changed: the key table is rebuilt on the next lookup."""
    with _key_lock:
        _key_cache.pop(str(catalogue.path), None)
