"""`nkarchive check` re-hashes every attachment's file and finds missing, changed and orphan
files in the file store."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from nkarchive import ops
from nkarchive.cli import main
from nkarchive.store.catalogue import Catalogue
from nkarchive.store.check import check_catalogue
from nkarchive.store.files import FileStore


def attach(catalogue: Catalogue, source_file: Path) -> str:
    stored = FileStore.for_catalogue(catalogue.path).add(source_file)
    with ops.operation(catalogue, "Attach a scan") as op:
        source = op.create("source", {"source_type": "book", "title": "조선영화년감"})
        op.create(
            "attachment",
            {
                "source": source.uuid,
                "sha256": stored.sha256,
                "original_name": stored.original_name,
                "size": stored.size,
                "added": datetime.now(UTC).isoformat(timespec="seconds"),
            },
        )
    return stored.sha256


@pytest.fixture
def scans(tmp_path: Path) -> list[Path]:
    files = []
    for number, text in enumerate(
        ["page one of the yearbook", "page two", "a poster scan", "a still"]
    ):
        path = tmp_path / f"scan-{number}.txt"
        path.write_text(text * 100)
        files.append(path)
    return files


def test_sound_file_store_passes(catalogue: Catalogue, scans: list[Path]) -> None:
    for scan in scans:
        attach(catalogue, scan)
    report = check_catalogue(catalogue)
    assert report.ok, report.lines()
    assert report.results["attachment files (fixity)"] == []


def test_missing_changed_and_orphan_files_are_reported(
    catalogue: Catalogue, scans: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    store = FileStore.for_catalogue(catalogue.path)
    missing, changed, same_size, _fine = (attach(catalogue, scan) for scan in scans)
    store.path_for(missing).unlink()
    store.path_for(changed).write_text("something else entirely")
    flipped = store.path_for(same_size).read_bytes()
    store.path_for(same_size).write_bytes(flipped[:-1] + b"!")  # same size, other content
    orphan = store.root / "ff" / ("0" * 62)
    orphan.parent.mkdir()
    orphan.write_text("left behind by an interrupted import")

    report = check_catalogue(catalogue)
    fixity = report.results["attachment files (fixity)"]
    assert not report.ok
    assert any("scan-0.txt" in line and "missing" in line for line in fixity)
    assert any(
        "scan-1.txt" in line and "has changed" in line and "bytes" in line for line in fixity
    )
    assert any("scan-2.txt" in line and "SHA-256 is now" in line for line in fixity)
    assert len(fixity) == 3  # scan-3 is sound
    assert report.results["orphan files in the file store"] == [
        f"{store.root.name}/ff/{'0' * 62} is not used by any attachment"
    ]
    quick = check_catalogue(catalogue, quick=True).results["attachment files (fixity)"]
    assert len(quick) == 2  # sizes only: the same-size change needs the full re-hash

    path = catalogue.path
    catalogue.close()
    assert main(["check", "--catalogue", str(path)]) == 1
    out = capsys.readouterr().out
    assert "FAIL attachment files (fixity)" in out and "FAIL orphan files in the file store" in out
