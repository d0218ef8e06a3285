"""Undoing an import and redoing it: the file store and the catalogue agree, `check` stays
clean, no file is lost, and redo brings every attachment back with its file intact."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from nkarchive import ops
from nkarchive.cli import main
from nkarchive.interchange.importer import import_bundle
from nkarchive.model import Attachment
from nkarchive.store.catalogue import Catalogue
from nkarchive.store.check import check_catalogue, orphan_files
from nkarchive.store.files import FileStore
from tests.interchange.test_bundle_fixtures import POSTER, SCAN, bundle_of, fill


@pytest.fixture
def bundle(tmp_path: Path, empty_template: Path) -> Path:
    shutil.copyfile(empty_template, tmp_path / "theirs.nkcat")
    theirs = Catalogue.open(tmp_path / "theirs.nkcat")
    fill(theirs, tmp_path / "files")
    out = bundle_of(theirs, tmp_path / "bundle.zip")
    theirs.close()
    return out


def stored_files(catalogue: Catalogue) -> dict[str, bytes]:
    store = FileStore.for_catalogue(catalogue.path)
    with catalogue.session() as session:
        digests = session.scalars(select(Attachment.sha256)).all()
    return {digest: store.path_for(digest).read_bytes() for digest in digests}


def test_check_is_clean_after_an_import_is_undone_and_redo_brings_the_files_back(
    catalogue: Catalogue, bundle: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    summary = import_bundle(catalogue, bundle)
    assert summary.files_added == 2
    files = stored_files(catalogue)
    assert sorted(files.values()) == sorted([SCAN, POSTER])

    ops.undo(catalogue)
    assert catalogue.counts()["attachment"] == 0
    report = check_catalogue(catalogue)
    assert report.ok, report.lines()
    assert main(["check", "--catalogue", str(catalogue.path)]) == 0
    assert "FAIL" not in capsys.readouterr().out

    ops.redo(catalogue)
    assert stored_files(catalogue) == files
    report = check_catalogue(catalogue)
    assert report.ok, report.lines()


def test_a_file_no_attachment_ever_used_is_still_an_orphan(
    catalogue: Catalogue, bundle: Path, tmp_path: Path
) -> None:
    import_bundle(catalogue, bundle)
    ops.undo(catalogue)
    stray = tmp_path / "stray.txt"
    stray.write_text("left by an interrupted import")
    stored = FileStore.for_catalogue(catalogue.path).add(stray)
    problems = orphan_files(catalogue)
    assert problems == [
        f"{catalogue.path.name}.files/{stored.sha256[:2]}/{stored.sha256[2:]} "
        "is not used by any attachment"
    ]


def test_an_attachment_deleted_by_an_edit_keeps_its_file_for_undo(
    catalogue: Catalogue, bundle: Path
) -> None:
    import_bundle(catalogue, bundle)
    with catalogue.session() as session:
        scan = session.scalars(
            select(Attachment).where(Attachment.original_name == "scan.pdf")
        ).one()
        uuid, digest = scan.uuid, scan.sha256
    ops.delete(catalogue, "attachment", uuid)
    assert orphan_files(catalogue) == []
    ops.undo(catalogue)
    assert FileStore.for_catalogue(catalogue.path).verify(digest)
    assert check_catalogue(catalogue).ok
