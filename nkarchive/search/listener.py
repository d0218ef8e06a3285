"""Hooks the search index into every write and into `nkarchive check` (imported by nkarchive.ops)."""

from __future__ import annotations

from nkarchive.search.index import check_search_index, follow_changes
from nkarchive.store.catalogue import ROW_LISTENERS
from nkarchive.store.check import EXTRA_CHECKS

if follow_changes not in ROW_LISTENERS:
    ROW_LISTENERS.append(follow_changes)
EXTRA_CHECKS["search index"] = check_search_index
