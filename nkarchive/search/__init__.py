"""Search: one query language over works, agents, events and sources; an FTS5 index kept in step.

The API, for the search box (call it from a worker thread), lists, the timeline and the CLI:

    search(catalogue, query, kinds=None, limit=50, offset=0, *, while_typing=False, cancel=None)
        -> SearchResult: .total_by_kind {kind: count}, .hits (best first, at most `limit`),
           .hits_by_kind {kind: [Hit]}; each Hit has kind, uuid, label, score, matched_field,
           snippet. Kinds are "work", "agent", "event", "source". `while_typing` lets the last
           word match longer words; `cancel` (a CancelToken) lets a newer keystroke stop an
           older search, which then raises SearchCancelled.
    parse(query, *, while_typing=False) -> syntax tree (None for an empty query); raises
        QuerySyntaxError(message, column) for a query the grammar does not accept.
    work_ids_matching(catalogue, query) -> [work id]; event_ids_matching(catalogue, query)
        -> [event id] (the timeline filter: an event also matches by its work's titles);
        ids_sql(query, kind) -> (SQL, params) selecting the matching ids, for a subquery.
    HELP_TEXT: the language, for the app's help.
    reindex(catalogue) rebuilds the index; saved searches live in nkarchive.search.saved.

The grammar is in nkarchive.search.grammar and docs/search.md; how it becomes SQL in
nkarchive.search.compiler; the index in nkarchive.search.index (its row listener is hooked into
every write by nkarchive.search.listener, which nkarchive.ops imports).
"""

from __future__ import annotations

from nkarchive.search.engine import (
    CancelToken,
    Hit,
    SearchCancelled,
    SearchResult,
    event_ids_matching,
    ids_matching,
    ids_sql,
    search,
    work_ids_matching,
)
from nkarchive.search.grammar import QuerySyntaxError, parse
from nkarchive.search.help import HELP_TEXT
from nkarchive.search.index import reindex

rebuild_index = reindex  # the name tests/perf/synthetic.py looks for

__all__ = [
    "HELP_TEXT", "CancelToken", "Hit", "QuerySyntaxError", "SearchCancelled", "SearchResult",
    "event_ids_matching", "ids_matching", "ids_sql", "parse", "rebuild_index", "reindex", "search",
    "work_ids_matching",
]  # fmt: skip
