"""Schema migrations with Alembic: the only way the catalogue's schema is created or changed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine

from nkarchive import paths

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

# The newest schema this version writes. Opening a catalogue already at it needs no Alembic at
# all (importing Alembic and reading every migration script costs a noticeable part of start-up);
# a test keeps this equal to the migrations' head.
EXPECTED_HEAD = "0008"


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(paths.migrations_dir()))
    config.attributes["connection"] = connection
    return config


def script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = script_directory().get_current_head()
    if head is None:
        raise RuntimeError("no migrations are installed")
    return head


def known_revisions() -> set[str]:
    return {script.revision for script in script_directory().walk_revisions()}


def current_revision(connection: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, target: str = "head") -> None:
    """Upgrade in one transaction. `engine` must have foreign keys off (see `store.catalogue`)."""
    from alembic import command

    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), target)
        _check_foreign_keys(connection)


def downgrade(engine: Engine, target: str) -> None:
    from alembic import command

    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), target)
        _check_foreign_keys(connection)


def _check_foreign_keys(connection: Connection) -> None:
    # Migrations run with foreign keys off (SQLite would otherwise cascade deletes while batch
    # operations copy tables), so the result is checked before the transaction commits.
    problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if problems:
        raise RuntimeError(f"migration left {len(problems)} broken references, e.g. {problems[0]}")
