"""Sources in CSL terms: the bibliographic record behind a citation, and its contributors."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from nkarchive.model.base import Base, Record
from nkarchive.model.work import CHILD

if TYPE_CHECKING:
    from nkarchive.model.agent import Agent
    from nkarchive.model.citation import Attachment, Citation


class Source(Record, Base):
    """A newspaper article, book, broadcast, web page, festival catalogue, testimony, ..."""

    __tablename__ = "source"
    __table_args__ = (  # for `year:` searches (migration 0003)
        Index("ix_source_date_bounds", "date_lower", "date_upper"),
        Index("ix_source_long_date", "date_lower", "date_upper",
              sqlite_where=text("julianday(date_upper) - julianday(date_lower) > 366")),
    )  # fmt: skip
    KIND = "source"

    source_type: Mapped[str] = mapped_column(String(32), default="webpage")
    title: Mapped[str] = mapped_column(Text)
    short_title: Mapped[str | None] = mapped_column(Text)
    container_title: Mapped[str | None] = mapped_column(Text)
    date: Mapped[str | None] = mapped_column(String(64))
    date_lower: Mapped[str | None] = mapped_column(String(10))
    date_upper: Mapped[str | None] = mapped_column(String(10))
    publisher: Mapped[str | None] = mapped_column(Text)
    publisher_place: Mapped[str | None] = mapped_column(Text)
    volume: Mapped[str | None] = mapped_column(String(32))
    issue: Mapped[str | None] = mapped_column(String(32))
    pages: Mapped[str | None] = mapped_column(String(32))
    edition: Mapped[str | None] = mapped_column(String(32))
    url: Mapped[str | None] = mapped_column(Text)
    accessed: Mapped[str | None] = mapped_column(String(10))
    language: Mapped[str | None] = mapped_column(String(8))
    identifiers: Mapped[dict[str, Any]] = mapped_column(default=dict)
    archive_location: Mapped[str | None] = mapped_column(Text)
    source_class: Mapped[str | None] = mapped_column(String(32), index=True)
    abstract: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)

    contributors: Mapped[list[SourceContributor]] = relationship(
        back_populates="source", cascade=CHILD, order_by="SourceContributor.position"
    )
    citations: Mapped[list[Citation]] = relationship(back_populates="source")
    attachments: Mapped[list[Attachment]] = relationship(back_populates="source", cascade=CHILD)

    def label(self) -> str:
        return self.title


class SourceContributor(Record, Base):
    """An author, editor, translator, director, interviewer, ... of a source."""

    __tablename__ = "source_contributor"
    KIND = "source_contributor"

    source_id: Mapped[int] = mapped_column(ForeignKey("source.id", ondelete="CASCADE"), index=True)
    agent_id: Mapped[int | None] = mapped_column(
        ForeignKey("agent.id", ondelete="SET NULL"), index=True
    )
    role: Mapped[str] = mapped_column(String(32), default="author")
    family: Mapped[str | None] = mapped_column(Text)
    given: Mapped[str | None] = mapped_column(Text)
    literal: Mapped[str | None] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)

    source: Mapped[Source] = relationship(back_populates="contributors")
    agent: Mapped[Agent | None] = relationship(back_populates="contributions")

    def label(self) -> str:
        if self.literal:
            return self.literal
        return ", ".join(p for p in (self.family, self.given) if p)
