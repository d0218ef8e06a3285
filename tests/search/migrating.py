"""Taking a closed catalogue down to an older revision and back, for the migration tests."""

from __future__ import annotations

from pathlib import Path

from nkarchive.store import migrate
from nkarchive.store.engine import make_engine


def schema_at(path: Path, revision: str) -> dict[str, str | None]:
    """Downgrade the closed catalogue at `path` to `revision`, read what its schema holds then
    (each object's name and SQL), and upgrade it back to the head."""
    engine = make_engine(path, foreign_keys=False)
    try:
        migrate.downgrade(engine, revision)
        with engine.connect() as connection:
            schema: dict[str, str | None] = dict(
                connection.exec_driver_sql("SELECT name, sql FROM sqlite_master").all()
            )
        migrate.upgrade(engine)
    finally:
        engine.dispose()
    return schema
