"""Citations (a source backing one fact) and attachments (files kept with a record)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from nkarchive.model.base import Base, Record

if TYPE_CHECKING:
    from nkarchive.model.agent import Agent, AgentName
    from nkarchive.model.event import Event
    from nkarchive.model.source import Source
    from nkarchive.model.work import Credit, Item, Manifestation, Title, Work

# The kinds of record a citation can back, each with its own foreign key so that the database
# itself guarantees no citation ever points at nothing.
CITATION_TARGETS: tuple[str, ...] = (
    "work", "title", "credit", "event", "agent", "agent_name", "manifestation", "item",
)
ATTACHMENT_TARGETS: tuple[str, ...] = ("source", "work", "item")


def _exactly_one(columns: tuple[str, ...]) -> str:
    return " + ".join(f"({c}_id IS NOT NULL)" for c in columns) + " = 1"


def _target_fk(table: str) -> Mapped[int | None]:
    return mapped_column(ForeignKey(f"{table}.id", ondelete="CASCADE"), index=True)


class Citation(Record, Base):
    """A source's backing for one fact: a record, or one field of it, with locator and excerpt."""

    __tablename__ = "citation"
    __table_args__ = (CheckConstraint(_exactly_one(CITATION_TARGETS), name="one_target"),)
    KIND = "citation"

    source_id: Mapped[int] = mapped_column(ForeignKey("source.id", ondelete="RESTRICT"), index=True)
    work_id: Mapped[int | None] = _target_fk("work")
    title_id: Mapped[int | None] = _target_fk("title")
    credit_id: Mapped[int | None] = _target_fk("credit")
    event_id: Mapped[int | None] = _target_fk("event")
    agent_id: Mapped[int | None] = _target_fk("agent")
    agent_name_id: Mapped[int | None] = _target_fk("agent_name")
    manifestation_id: Mapped[int | None] = _target_fk("manifestation")
    item_id: Mapped[int | None] = _target_fk("item")
    field: Mapped[str | None] = mapped_column(String(64))
    locator: Mapped[str | None] = mapped_column(Text)
    locator_type: Mapped[str | None] = mapped_column(String(16))
    excerpt: Mapped[str | None] = mapped_column(Text)
    excerpt_language: Mapped[str | None] = mapped_column(String(8))
    translation: Mapped[str | None] = mapped_column(Text)
    claimed_value: Mapped[str | None] = mapped_column(Text)
    confidence: Mapped[str] = mapped_column(String(16), default="probable")
    preferred: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str | None] = mapped_column(Text)

    source: Mapped[Source] = relationship(back_populates="citations")
    work: Mapped[Work | None] = relationship(back_populates="citations")
    title: Mapped[Title | None] = relationship(back_populates="citations")
    credit: Mapped[Credit | None] = relationship(back_populates="citations")
    event: Mapped[Event | None] = relationship(back_populates="citations")
    agent: Mapped[Agent | None] = relationship(back_populates="citations")
    agent_name: Mapped[AgentName | None] = relationship(back_populates="citations")
    manifestation: Mapped[Manifestation | None] = relationship(back_populates="citations")
    item: Mapped[Item | None] = relationship(back_populates="citations")

    def target_kind(self) -> str:
        for kind in CITATION_TARGETS:
            if getattr(self, f"{kind}_id") is not None:
                return kind
        raise LookupError(f"citation {self.uuid} has no target")

    def label(self) -> str:
        return f"{self.source.label()} → {self.target_kind()}" + (f".{self.field}" if self.field else "")


class Attachment(Record, Base):
    """A file (scan, PDF, still, poster) kept with a source, work or item, stored by SHA-256."""

    __tablename__ = "attachment"
    __table_args__ = (CheckConstraint(_exactly_one(ATTACHMENT_TARGETS), name="one_target"),)
    KIND = "attachment"

    source_id: Mapped[int | None] = _target_fk("source")
    work_id: Mapped[int | None] = _target_fk("work")
    item_id: Mapped[int | None] = _target_fk("item")
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    original_name: Mapped[str] = mapped_column(Text)
    media_type: Mapped[str | None] = mapped_column(String(128))
    size: Mapped[int] = mapped_column(Integer)
    added: Mapped[str] = mapped_column(String(32))
    description: Mapped[str | None] = mapped_column(Text)

    source: Mapped[Source | None] = relationship(back_populates="attachments")
    work: Mapped[Work | None] = relationship(back_populates="attachments")
    item: Mapped[Item | None] = relationship(back_populates="attachments")

    def label(self) -> str:
        return self.original_name
