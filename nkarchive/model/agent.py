"""Authority records for people and organisations, with their name variants, honours and identifiers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from nkarchive.model.base import Base, Record
from nkarchive.model.work import CHILD

if TYPE_CHECKING:
    from nkarchive.model.citation import Citation
    from nkarchive.model.event import Event
    from nkarchive.model.source import SourceContributor
    from nkarchive.model.work import Credit, Item, Manifestation


class Agent(Record, Base):
    """A person or an organisation (studio, festival, broadcaster, archive, venue, ...)."""

    __tablename__ = "agent"
    KIND = "agent"

    agent_type: Mapped[str] = mapped_column(String(32), default="person")
    dates: Mapped[str | None] = mapped_column(String(64))
    dates_lower: Mapped[str | None] = mapped_column(String(10))
    dates_upper: Mapped[str | None] = mapped_column(String(10))
    notes: Mapped[str | None] = mapped_column(Text)

    names: Mapped[list[AgentName]] = relationship(
        back_populates="agent", cascade=CHILD, order_by="AgentName.position"
    )
    honours: Mapped[list[AgentHonour]] = relationship(back_populates="agent", cascade=CHILD)
    identifiers: Mapped[list[AgentIdentifier]] = relationship(back_populates="agent", cascade=CHILD)
    citations: Mapped[list[Citation]] = relationship(back_populates="agent", cascade=CHILD)
    credits: Mapped[list[Credit]] = relationship(back_populates="agent")
    organised: Mapped[list[Event]] = relationship(back_populates="organiser")
    distributed: Mapped[list[Manifestation]] = relationship(back_populates="distributor")
    holdings: Mapped[list[Item]] = relationship(back_populates="holder")
    contributions: Mapped[list[SourceContributor]] = relationship(back_populates="agent")

    def preferred_name(self) -> AgentName | None:
        for name in self.names:
            if name.preferred:
                return name
        return self.names[0] if self.names else None

    def label(self) -> str:
        name = self.preferred_name()
        return name.name if name else "(unnamed agent)"


class AgentName(Record, Base):
    """One form of an agent's name: script, language, romanization scheme and dates of use."""

    __tablename__ = "agent_name"
    KIND = "agent_name"

    agent_id: Mapped[int] = mapped_column(ForeignKey("agent.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(Text)
    name_type: Mapped[str] = mapped_column(String(32), default="variant")
    language: Mapped[str | None] = mapped_column(String(8))
    script: Mapped[str | None] = mapped_column(String(8))
    scheme: Mapped[str | None] = mapped_column(String(16))
    used_from: Mapped[str | None] = mapped_column(String(64))
    used_to: Mapped[str | None] = mapped_column(String(64))
    preferred: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)

    agent: Mapped[Agent] = relationship(back_populates="names")
    citations: Mapped[list[Citation]] = relationship(back_populates="agent_name", cascade=CHILD)

    def label(self) -> str:
        return self.name


class AgentHonour(Record, Base):
    """A dated honour or title (People's Artist, Kim Il Sung Prize, ...)."""

    __tablename__ = "agent_honour"
    KIND = "agent_honour"

    agent_id: Mapped[int] = mapped_column(ForeignKey("agent.id", ondelete="CASCADE"), index=True)
    honour: Mapped[str] = mapped_column(Text)
    date: Mapped[str | None] = mapped_column(String(64))
    date_lower: Mapped[str | None] = mapped_column(String(10))
    date_upper: Mapped[str | None] = mapped_column(String(10))
    notes: Mapped[str | None] = mapped_column(Text)

    agent: Mapped[Agent] = relationship(back_populates="honours")

    def label(self) -> str:
        return self.honour


class AgentIdentifier(Record, Base):
    """An identifier of the agent in an external authority file (VIAF, Wikidata, KMDb, ...)."""

    __tablename__ = "agent_identifier"
    KIND = "agent_identifier"

    agent_id: Mapped[int] = mapped_column(ForeignKey("agent.id", ondelete="CASCADE"), index=True)
    authority: Mapped[str] = mapped_column(String(32))
    value: Mapped[str] = mapped_column(Text)

    agent: Mapped[Agent] = relationship(back_populates="identifiers")

    def label(self) -> str:
        return f"{self.authority}: {self.value}"
