"""The command line as a user runs it: output, JSON documents and exit statuses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from nkarchive import __version__
from nkarchive.cli import main
from nkarchive.store.catalogue import Catalogue


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_version() -> None:
    result = subprocess.run([sys.executable, "-m", "nkarchive", "--version"],
                            capture_output=True, text=True, check=True)
    assert result.stdout.strip() == f"nkarchive {__version__}"


def test_info_json(capsys: pytest.CaptureFixture[str], demo_catalogue: Catalogue) -> None:
    path = str(demo_catalogue.path)
    demo_catalogue.close()
    status, out, _ = run(capsys, "info", "--catalogue", path, "--json")
    document = json.loads(out)
    assert status == 0
    assert document["counts"]["work"] >= 46
    assert document["schema"]
    assert document["size_bytes"] > 0


def test_catalogue_option_before_the_command(capsys: pytest.CaptureFixture[str], demo_catalogue: Catalogue) -> None:
    path = str(demo_catalogue.path)
    demo_catalogue.close()
    status, out, _ = run(capsys, "--catalogue", path, "info")
    assert status == 0 and "work" in out


@pytest.mark.parametrize("what,kind", [("works", "work"), ("agents", "agent"),
                                       ("sources", "source"), ("events", "event")])
def test_list_json(capsys: pytest.CaptureFixture[str], demo_catalogue: Catalogue, what: str, kind: str) -> None:
    path = str(demo_catalogue.path)
    demo_catalogue.close()
    status, out, _ = run(capsys, "list", what, "--catalogue", path, "--json")
    records = json.loads(out)
    assert status == 0 and records
    assert all(r["kind"] == kind and r["uuid"] and r["label"] for r in records)
    if kind == "work":
        assert "꽃파는 처녀" in {r["label"] for r in records}


def test_check_passes_on_the_demo(capsys: pytest.CaptureFixture[str], demo_catalogue: Catalogue) -> None:
    path = str(demo_catalogue.path)
    demo_catalogue.close()
    status, out, _ = run(capsys, "check", "--catalogue", path)
    assert status == 0, out
    assert "sound" in out


def test_check_reports_broken_references(capsys: pytest.CaptureFixture[str], catalogue: Catalogue) -> None:
    import sqlite3

    from nkarchive import ops

    work = ops.create(catalogue, "work", {"form": "feature", "record_status": "draft"}).records()[0][1]
    ops.create(catalogue, "title", {"work": work, "text": "Salt", "title_type": "translated"})
    path = catalogue.path
    catalogue.close()
    con = sqlite3.connect(path)  # damage it behind the app's back
    con.execute("PRAGMA foreign_keys=OFF")
    con.execute("DELETE FROM work")
    con.commit()
    con.close()
    status, out, _ = run(capsys, "check", "--catalogue", str(path))
    assert status == 1
    assert "FAIL references between records" in out
    assert "title row 1 points at a missing work" in out


def test_demo_command_writes_a_catalogue(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "mine.nkcat"
    status, out, _ = run(capsys, "demo", str(target))
    assert status == 0 and target.exists()
    assert "46 works" in out


def test_bad_file_exits_nonzero_with_a_message(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "letter.nkcat"
    bad.write_text("Dear colleague")
    status, _, err = run(capsys, "info", "--catalogue", str(bad))
    assert status == 1
    assert str(bad) in err and "not an nkarchive catalogue" in err
    assert bad.read_text() == "Dear colleague"


def test_missing_catalogue_is_not_created_by_read_commands(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = tmp_path / "nothing.nkcat"
    status, _, err = run(capsys, "list", "works", "--catalogue", str(missing))
    assert status == 1 and "no such catalogue file" in err
    assert not missing.exists()


def test_cite_formats_catalogue_sources_in_the_chosen_style(
    capsys: pytest.CaptureFixture[str], demo_catalogue: Catalogue
) -> None:
    from sqlalchemy import select

    from nkarchive.interchange.csl import load_style
    from nkarchive.interchange.sources import csl_items_for_sources
    from nkarchive.model import Source

    with demo_catalogue.session() as session:
        uuids = list(session.scalars(select(Source.uuid).order_by(Source.id).limit(2)))
    expected = load_style("apa").bibliography(csl_items_for_sources(demo_catalogue, uuids))
    path = str(demo_catalogue.path)
    demo_catalogue.close()
    status, out, _ = run(capsys, "cite", *uuids, "--catalogue", path, "--style", "apa")
    assert status == 0
    assert out.splitlines() == expected
    status, _, err = run(capsys, "cite", "00000000-0000-0000-0000-000000000000", "--catalogue", path)
    assert status == 1 and "no source with id" in err


def _damage_table(path: Path, table: str) -> None:
    """Zero the root page of one table, as a bad disk sector would."""
    import sqlite3

    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    connection.close()
    with path.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(bytes(page_size))


def test_lookups_skip_the_whole_file_check_but_still_report_damage_plainly(
    capsys: pytest.CaptureFixture[str], demo_catalogue: Catalogue
) -> None:
    # Lookups (info, list, search, cite, timeline) do not read the whole file first; what they
    # do read, if damaged, ends in a plain message naming the file, never a traceback.
    path = demo_catalogue.path
    demo_catalogue.close()
    _damage_table(path, "work")
    before = path.read_bytes()
    status, _, err = run(capsys, "list", "works", "--catalogue", str(path))
    assert status == 1
    assert str(path) in err and "could not be read" in err and "nkarchive check" in err
    assert "Traceback" not in err
    status, out, _ = run(capsys, "list", "agents", "--catalogue", str(path))
    assert status == 0 and "Korean Art Film Studio" in out  # what is not damaged is still there to read
    status, _, err = run(capsys, "search", "pulgasari", "--catalogue", str(path))
    assert status == 1 and "could not be read" in err
    status, out, _ = run(capsys, "check", "--catalogue", str(path))
    assert status == 1  # check itself reads every page
    assert path.read_bytes() == before
