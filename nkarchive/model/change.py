"""The append-only Change log and the catalogue's own settings."""

from __future__ import annotations

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from nkarchive.model.base import Base


class Change(Base):
    """One row of the audit log: who changed which record and field, when, from what to what, why.

    Rows are only ever appended. Creating or deleting a record writes one row whose new or old
    value is the whole record as JSON; an update writes one row per changed field.
    """

    __tablename__ = "change"

    id: Mapped[int] = mapped_column(primary_key=True)
    operation: Mapped[str] = mapped_column(String(36), index=True)
    at: Mapped[str] = mapped_column(String(32), index=True)
    who: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(String(16))
    record_kind: Mapped[str] = mapped_column(String(32))
    record_uuid: Mapped[str] = mapped_column(String(36), index=True)
    field: Mapped[str | None] = mapped_column(String(64))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    why: Mapped[str | None] = mapped_column(Text)


class CatalogueSetting(Base):
    """Key/value facts about the catalogue itself: its id, when and by which version it was made."""

    __tablename__ = "catalogue_setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class SavedSearch(Base):
    """A named query in the search language, kept in the catalogue."""

    __tablename__ = "saved_search"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    name: Mapped[str] = mapped_column(Text, unique=True)
    query: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)
