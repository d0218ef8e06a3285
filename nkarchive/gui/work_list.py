"""The list of works (kept for callers of the first shell): a RecordListModel over works."""

from __future__ import annotations

from typing import Any

from nkarchive.gui.list_models import UUID_ROLE, WORKS, RecordListModel
from nkarchive.store.catalogue import Catalogue

COLUMNS = tuple((c.header, c.value) for c in WORKS.columns)

__all__ = ["COLUMNS", "UUID_ROLE", "WorkListModel"]


class WorkListModel(RecordListModel):
    def __init__(self, catalogue: Catalogue, parent: Any = None) -> None:
        super().__init__(catalogue, WORKS, parent)
