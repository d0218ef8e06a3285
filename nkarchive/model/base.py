"""Declarative base, naming conventions and the stable-UUID mixin shared by every record."""

from __future__ import annotations

import uuid as uuid_module
from typing import Any, ClassVar

from sqlalchemy import JSON, MetaData, String, inspect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Constraint names must be stable so that Alembic batch migrations on SQLite can find them.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_uuid() -> str:
    return str(uuid_module.uuid4())


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[str]: JSON}


class Record:
    """A catalogue record: a row id for joins and a UUID that bundles and merges match on."""

    KIND: ClassVar[str]

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)

    def label(self) -> str:
        """A short human label: the preferred title or name."""
        return f"{self.KIND} {self.uuid}"


def row_values(obj: object) -> dict[str, Any]:
    """The object's column values keyed by column name, as they would be written to its table."""
    mapper = inspect(type(obj))
    values: dict[str, Any] = {}
    for attr in mapper.column_attrs:
        column = attr.columns[0]
        value = getattr(obj, attr.key)
        values[column.name] = list(value) if isinstance(value, list) else (
            dict(value) if isinstance(value, dict) else value
        )
    return values
