"""The catalogue's domain model: SQLAlchemy 2 typed ORM classes and vocabularies (no Qt)."""

from __future__ import annotations

from nkarchive.model.agent import Agent, AgentHonour, AgentIdentifier, AgentName
from nkarchive.model.base import Base, Record, new_uuid, row_values
from nkarchive.model.change import CatalogueSetting, Change, SavedSearch
from nkarchive.model.citation import ATTACHMENT_TARGETS, CITATION_TARGETS, Attachment, Citation
from nkarchive.model.event import Event
from nkarchive.model.source import Source, SourceContributor
from nkarchive.model.work import Credit, Item, Manifestation, Title, Work

RECORD_CLASSES: dict[str, type[Record]] = {
    cls.KIND: cls
    for cls in (
        Work, Title, Credit, Manifestation, Item, Event, Agent, AgentName, AgentHonour,
        AgentIdentifier, Source, SourceContributor, Citation, Attachment,
    )
}
KIND_BY_TABLE: dict[str, str] = {
    cls.__tablename__: kind for kind, cls in RECORD_CLASSES.items()  # type: ignore[attr-defined]
}

__all__ = [
    "ATTACHMENT_TARGETS", "CITATION_TARGETS", "KIND_BY_TABLE", "RECORD_CLASSES", "Agent",
    "AgentHonour", "AgentIdentifier", "AgentName", "Attachment", "Base", "CatalogueSetting",
    "Change", "Citation", "Credit", "Event", "Item", "Manifestation", "Record", "SavedSearch",
    "Source", "SourceContributor", "Title", "Work", "new_uuid", "row_values",
]
