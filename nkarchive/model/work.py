"""The film and what belongs to it: Work, Title, Credit, Manifestation, Item (FIAF shape)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from nkarchive.model.base import Base, Record

if TYPE_CHECKING:
    from nkarchive.model.agent import Agent
    from nkarchive.model.citation import Attachment, Citation
    from nkarchive.model.event import Event

CHILD = "all, delete-orphan"


class Work(Record, Base):
    """A film (or series, newsreel, ...): the intellectual creation."""

    __tablename__ = "work"
    __table_args__ = (  # for `year:` searches (migration 0003)
        Index("ix_work_production_date_bounds", "production_date_lower", "production_date_upper"),
        Index("ix_work_long_production_date", "production_date_lower", "production_date_upper",
              sqlite_where=text("julianday(production_date_upper) - julianday(production_date_lower) > 366")),
    )  # fmt: skip
    KIND = "work"

    identifier: Mapped[str | None] = mapped_column(String(64), unique=True)
    form: Mapped[str] = mapped_column(String(32), default="feature")
    countries: Mapped[list[str]] = mapped_column(default=list)
    production_date: Mapped[str | None] = mapped_column(String(64))
    production_date_lower: Mapped[str | None] = mapped_column(String(10), index=True)
    production_date_upper: Mapped[str | None] = mapped_column(String(10), index=True)
    languages: Mapped[list[str]] = mapped_column(default=list)
    colour: Mapped[str | None] = mapped_column(String(16))
    sound: Mapped[str | None] = mapped_column(String(16))
    running_time: Mapped[int | None] = mapped_column(Integer)
    genres: Mapped[list[str]] = mapped_column(default=list)
    subjects: Mapped[list[str]] = mapped_column(default=list)
    synopsis: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    record_status: Mapped[str] = mapped_column(String(16), default="draft")

    titles: Mapped[list[Title]] = relationship(
        back_populates="work", cascade=CHILD, order_by="Title.position"
    )
    credits: Mapped[list[Credit]] = relationship(
        back_populates="work", cascade=CHILD, order_by="Credit.position"
    )
    manifestations: Mapped[list[Manifestation]] = relationship(back_populates="work", cascade=CHILD)
    items: Mapped[list[Item]] = relationship(back_populates="work", cascade=CHILD)
    events: Mapped[list[Event]] = relationship(back_populates="work", cascade=CHILD)
    citations: Mapped[list[Citation]] = relationship(back_populates="work", cascade=CHILD)
    attachments: Mapped[list[Attachment]] = relationship(back_populates="work", cascade=CHILD)

    def preferred_title(self) -> Title | None:
        for title in self.titles:
            if title.preferred:
                return title
        return self.titles[0] if self.titles else None

    def label(self) -> str:
        title = self.preferred_title()
        return title.text if title else (self.identifier or "(untitled work)")


class Title(Record, Base):
    """One title of a work, typed, with its language, script and romanization scheme."""

    __tablename__ = "title"
    KIND = "title"

    work_id: Mapped[int] = mapped_column(ForeignKey("work.id", ondelete="CASCADE"), index=True)
    manifestation_id: Mapped[int | None] = mapped_column(
        ForeignKey("manifestation.id", ondelete="SET NULL"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    title_type: Mapped[str] = mapped_column(String(32), default="original")
    language: Mapped[str | None] = mapped_column(String(8))
    script: Mapped[str | None] = mapped_column(String(8))
    scheme: Mapped[str | None] = mapped_column(String(16))
    preferred: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)

    work: Mapped[Work] = relationship(back_populates="titles")
    citations: Mapped[list[Citation]] = relationship(back_populates="title", cascade=CHILD)

    def label(self) -> str:
        return self.text


class Credit(Record, Base):
    """An agent's part in a work: director, cast, production company, ..."""

    __tablename__ = "credit"
    KIND = "credit"

    work_id: Mapped[int] = mapped_column(ForeignKey("work.id", ondelete="CASCADE"), index=True)
    agent_id: Mapped[int] = mapped_column(ForeignKey("agent.id", ondelete="RESTRICT"), index=True)
    role: Mapped[str] = mapped_column(String(32))
    character: Mapped[str | None] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)
    credited_as: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)

    work: Mapped[Work] = relationship(back_populates="credits")
    agent: Mapped[Agent] = relationship(back_populates="credits")
    citations: Mapped[list[Citation]] = relationship(back_populates="credit", cascade=CHILD)

    def label(self) -> str:
        return f"{self.role}: {self.credited_as or self.agent.label()}"


class Manifestation(Record, Base):
    """A version of a work: release version, TV version, restoration, dubbed edition, ..."""

    __tablename__ = "manifestation"
    KIND = "manifestation"

    work_id: Mapped[int] = mapped_column(ForeignKey("work.id", ondelete="CASCADE"), index=True)
    manifestation_type: Mapped[str] = mapped_column(String(32), default="release")
    date: Mapped[str | None] = mapped_column(String(64))
    date_lower: Mapped[str | None] = mapped_column(String(10))
    date_upper: Mapped[str | None] = mapped_column(String(10))
    format: Mapped[str | None] = mapped_column(Text)
    language_version: Mapped[str | None] = mapped_column(String(32))
    running_time: Mapped[int | None] = mapped_column(Integer)
    distributor_id: Mapped[int | None] = mapped_column(
        ForeignKey("agent.id", ondelete="RESTRICT"), index=True
    )
    notes: Mapped[str | None] = mapped_column(Text)

    work: Mapped[Work] = relationship(back_populates="manifestations")
    distributor: Mapped[Agent | None] = relationship(back_populates="distributed")
    items: Mapped[list[Item]] = relationship(back_populates="manifestation")
    citations: Mapped[list[Citation]] = relationship(back_populates="manifestation", cascade=CHILD)

    def label(self) -> str:
        return f"{self.manifestation_type} {self.date or ''}".strip()


class Item(Record, Base):
    """A physical or digital copy held somewhere."""

    __tablename__ = "item"
    KIND = "item"

    work_id: Mapped[int] = mapped_column(ForeignKey("work.id", ondelete="CASCADE"), index=True)
    manifestation_id: Mapped[int | None] = mapped_column(
        ForeignKey("manifestation.id", ondelete="RESTRICT"), index=True
    )
    holder_id: Mapped[int | None] = mapped_column(
        ForeignKey("agent.id", ondelete="RESTRICT"), index=True
    )
    carrier: Mapped[str | None] = mapped_column(String(32))
    shelf_mark: Mapped[str | None] = mapped_column(Text)
    condition: Mapped[str | None] = mapped_column(Text)
    access_notes: Mapped[str | None] = mapped_column(Text)

    work: Mapped[Work] = relationship(back_populates="items")
    manifestation: Mapped[Manifestation | None] = relationship(back_populates="items")
    holder: Mapped[Agent | None] = relationship(back_populates="holdings")
    citations: Mapped[list[Citation]] = relationship(back_populates="item", cascade=CHILD)
    attachments: Mapped[list[Attachment]] = relationship(back_populates="item", cascade=CHILD)

    def label(self) -> str:
        return f"{self.carrier or 'copy'} {self.shelf_mark or ''}".strip()
