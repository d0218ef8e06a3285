"""The ORM models and the migrations agree, and migrating keeps the data."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import select

from nkarchive import ops
from nkarchive.model import Base, Title, Work
from nkarchive.store import migrate
from nkarchive.store.catalogue import Catalogue
from nkarchive.store.engine import make_engine


def test_models_and_migrations_agree(catalogue: Catalogue) -> None:
    with catalogue.engine.connect() as connection:
        from nkarchive.store.migrations_filter import include_object

        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_object": include_object}
        )
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_catalogue_is_created_at_head(catalogue: Catalogue) -> None:
    assert catalogue.schema_revision() == migrate.head_revision()


def test_downgrade_and_upgrade_keep_data(catalogue: Catalogue) -> None:
    with ops.operation(catalogue, "Add film") as op:
        work = op.create("work", {"form": "feature", "record_status": "draft", "production_date": "1985~"})
        op.create("title", {"work": work.uuid, "text": "불가사리", "title_type": "original", "script": "Hang"})
    path = catalogue.path
    catalogue.close()

    revisions = [s.revision for s in migrate.script_directory().walk_revisions()]
    engine = make_engine(Path(path), foreign_keys=False)
    try:
        # Down to the oldest revision that still holds works (the first), then back up.
        oldest = revisions[-1]
        if oldest != migrate.head_revision():
            migrate.downgrade(engine, oldest)
        migrate.upgrade(engine)
    finally:
        engine.dispose()

    reopened = Catalogue.open(path)
    with reopened.session() as session:
        stored = session.scalars(select(Work)).one()
        assert stored.uuid == work.uuid
        assert stored.production_date == "1985~"
        assert session.scalars(select(Title.text)).all() == ["불가사리"]
    reopened.close()


def test_downgrade_to_base_and_back_recreates_schema(catalogue: Catalogue) -> None:
    path = catalogue.path
    catalogue.close()
    engine = make_engine(Path(path), foreign_keys=False)
    try:
        migrate.downgrade(engine, "base")
        with engine.connect() as connection:
            tables = {r[0] for r in connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")}
        assert "work" not in tables
        migrate.upgrade(engine)
    finally:
        engine.dispose()
    Catalogue.open(path).close()


def test_opening_an_older_catalogue_backs_it_up_and_upgrades(catalogue: Catalogue, tmp_path: Path) -> None:
    """A catalogue at an older revision is copied aside before it is upgraded."""
    from sqlalchemy import text

    path = catalogue.path
    catalogue.close()
    engine = make_engine(path)
    with engine.begin() as connection:  # pretend the file was written at an older revision
        connection.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": "0001"})
    engine.dispose()
    head = migrate.head_revision()
    reopened = Catalogue.open(path)
    assert reopened.schema_revision() == head
    reopened.close()
    backups = list((path.parent / f"{path.name}.backups").glob("*")) if head != "0001" else []
    assert (head == "0001") or backups


def test_expected_head_is_the_migrations_head() -> None:
    """Opening skips Alembic for catalogues at EXPECTED_HEAD, so it must be the real head."""
    assert migrate.head_revision() == migrate.EXPECTED_HEAD
