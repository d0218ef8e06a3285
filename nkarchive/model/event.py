"""Dated events in a work's life: releases, screenings, festival showings, broadcasts, awards."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from nkarchive.model.base import Base, Record
from nkarchive.model.work import CHILD

if TYPE_CHECKING:
    from nkarchive.model.agent import Agent
    from nkarchive.model.citation import Citation
    from nkarchive.model.work import Work


class Event(Record, Base):
    """Something that happened, usually to a work; a festival edition is an event with no work."""

    __tablename__ = "event"
    __table_args__ = (
        Index("ix_event_date_bounds", "date_lower", "date_upper"),
        Index("ix_event_long_date", "date_lower", "date_upper",  # migration 0003, for `year:`
              sqlite_where=text("julianday(date_upper) - julianday(date_lower) > 366")),
    )  # fmt: skip
    KIND = "event"

    work_id: Mapped[int | None] = mapped_column(
        ForeignKey("work.id", ondelete="CASCADE"), index=True
    )
    manifestation_id: Mapped[int | None] = mapped_column(
        ForeignKey("manifestation.id", ondelete="SET NULL"), index=True
    )
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("event.id", ondelete="RESTRICT"), index=True
    )
    event_type: Mapped[str] = mapped_column(String(32))
    label_text: Mapped[str | None] = mapped_column("label", Text)
    date: Mapped[str | None] = mapped_column(String(64))
    date_lower: Mapped[str | None] = mapped_column(String(10))
    date_upper: Mapped[str | None] = mapped_column(String(10))
    place: Mapped[str | None] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(String(8), index=True)
    venue: Mapped[str | None] = mapped_column(Text)
    organiser_id: Mapped[int | None] = mapped_column(
        ForeignKey("agent.id", ondelete="RESTRICT"), index=True
    )
    result: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)

    work: Mapped[Work | None] = relationship(back_populates="events")
    organiser: Mapped[Agent | None] = relationship(back_populates="organised")
    parent: Mapped[Event | None] = relationship(remote_side="Event.id", back_populates="children")
    children: Mapped[list[Event]] = relationship(back_populates="parent")
    citations: Mapped[list[Citation]] = relationship(back_populates="event", cascade=CHILD)

    def label(self) -> str:
        if self.label_text:
            return self.label_text
        parts = [self.event_type.replace("_", " ")]
        if self.place:
            parts.append(self.place)
        if self.date:
            parts.append(self.date)
        return ", ".join(parts)
