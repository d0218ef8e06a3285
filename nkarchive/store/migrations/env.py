"""Alembic environment: always run on a connection the store hands over, never from a URL."""

from __future__ import annotations

from alembic import context

from nkarchive.model import Base
from nkarchive.store.migrations_filter import include_object

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("nkarchive migrations run through nkarchive.store.migrate, with a connection")

context.configure(
    connection=connection,
    include_object=include_object,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite alters tables by copying them
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
