"""Importing citation bundles: verified first, unsafe content refused, records matched by UUID,
conflicts resolved as asked, all or nothing, undoable; and the round trip keeps every record."""

from __future__ import annotations

import json
import os
import shutil
import stat
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from nkarchive import ops
from nkarchive.cli import main
from nkarchive.interchange.importer import (
    ImportRefused,
    import_bundle,
    import_prepared,
    prepare_import,
)
from nkarchive.interchange.unbag import BundleRefused, Limits
from nkarchive.model import Citation, Work
from nkarchive.store.catalogue import Catalogue
from nkarchive.store.files import FileStore
from tests.interchange.test_bundle_fixtures import SCAN, bundle_of, fill, records_in
from tests.perf.synthetic import build_synthetic


@pytest.fixture
def source_catalogue(tmp_path: Path, empty_template: Path) -> Catalogue:
    shutil.copyfile(empty_template, tmp_path / "theirs.nkcat")
    theirs = Catalogue.open(tmp_path / "theirs.nkcat")
    fill(theirs, tmp_path / "files")
    yield theirs  # type: ignore[misc]
    theirs.close()


@pytest.fixture
def bundle(source_catalogue: Catalogue, tmp_path: Path) -> Path:
    return bundle_of(source_catalogue, tmp_path / "bundle.zip")


def nothing_imported(catalogue: Catalogue) -> bool:
    counts = catalogue.counts()
    return (
        counts["change"] == 0
        and all(n == 0 for n in counts.values())
        and not catalogue.undo_stack.can_undo
    )


def test_round_trip_into_an_empty_catalogue_keeps_every_record_and_file(
    catalogue: Catalogue, bundle: Path, tmp_path: Path
) -> None:
    summary = import_bundle(catalogue, bundle)
    assert (
        summary.added["work"] == 2 and summary.added["citation"] == 5 and summary.files_added == 2
    )
    assert not summary.conflicts and not summary.skipped
    again = bundle_of(catalogue, tmp_path / "again.zip")
    assert records_in(again) == records_in(bundle)
    store = FileStore.for_catalogue(catalogue.path)
    digest = next(
        a["sha256"] for a in records_in(bundle)["attachment"] if a["original_name"] == "scan.pdf"
    )
    assert store.path_for(digest).read_bytes() == SCAN


def test_importing_twice_skips_what_is_identical(catalogue: Catalogue, bundle: Path) -> None:
    import_bundle(catalogue, bundle)
    summary = import_bundle(catalogue, bundle)
    assert summary.added == {} and summary.skipped["citation"] == 5 and summary.files_added == 0
    assert "Skipped (already here, identical): 3 agent" in "\n".join(summary.lines())


def test_the_import_is_one_undoable_operation(catalogue: Catalogue, bundle: Path) -> None:
    import_bundle(catalogue, bundle)
    assert catalogue.undo_stack.undo_label == "Import bundle.zip"
    ops.undo(catalogue)
    assert all(n == 0 for kind, n in catalogue.counts().items() if kind != "change")


@pytest.mark.parametrize(
    "damage", ["change a byte", "remove a file", "add a file", "change a tag file"]
)
def test_a_damaged_bundle_is_refused_with_what_is_wrong(
    catalogue: Catalogue, source_catalogue: Catalogue, tmp_path: Path, damage: str
) -> None:
    bag = bundle_of(source_catalogue, tmp_path / "folder")
    records = bag / "data" / "records.json"
    if damage == "change a byte":
        content = bytearray(records.read_bytes())
        content[100] ^= 0x01
        records.write_bytes(bytes(content))
        expected = "data/records.json: changed"
    elif damage == "remove a file":
        (bag / "data" / "sources.ris").unlink()
        expected = "data/sources.ris: missing"
    elif damage == "add a file":
        (bag / "data" / "notes.txt").write_text("hello")
        expected = "data/notes.txt: extra"
    else:
        with (bag / "bag-info.txt").open("a") as handle:
            handle.write("Contact-Name: someone\n")
        expected = "bag-info.txt"
    with pytest.raises(BundleRefused) as refused:
        import_bundle(catalogue, bag)
    assert any(expected in problem for problem in refused.value.problems), refused.value.problems
    assert "nothing was imported" in str(refused.value)
    assert nothing_imported(catalogue)


def test_a_tampered_zip_is_refused(catalogue: Catalogue, bundle: Path, tmp_path: Path) -> None:
    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(bundle) as source, zipfile.ZipFile(tampered, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename.endswith(".pdf"):
                content = content[:10] + bytes([content[10] ^ 0xFF]) + content[11:]
            target.writestr(info, content)
    with pytest.raises(BundleRefused, match=r"attachments/.*\.pdf: changed"):
        import_bundle(catalogue, tampered)
    assert nothing_imported(catalogue)


def hostile_zip(path: Path, members: list[tuple[str, bytes]], *, link: str | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members:
            archive.writestr(name, content)
        if link:
            info = zipfile.ZipInfo(link)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, "/etc/passwd")
    return path


@pytest.mark.parametrize(
    ("members", "link", "limits", "expected"),
    [
        ([("/etc/cron.d/x", b"x")], None, Limits(), "absolute"),
        ([("bag/../../evil.txt", b"x")], None, Limits(), "climbs out"),
        ([("bag/data/a.txt", b"x")], "bag/data/link", Limits(), "a link"),
        (
            [("bag/data/Read.txt", b"x"), ("bag/data/READ.TXT", b"y")],
            None,
            Limits(),
            "case is ignored",
        ),
        (
            [(f"bag/data/{n}.txt", b"x") for n in range(30)],
            None,
            Limits(members=20),
            "more than the 20",
        ),
        (
            [("bag/data/big.bin", os.urandom(5000))],
            None,
            Limits(total_bytes=4000),
            "more than the 4000",
        ),
        ([("bag/data/zeros.bin", bytes(3 * 1024**2))], None, Limits(), "zip bomb"),
    ],
)
def test_unsafe_zips_are_refused_before_anything_is_written(
    catalogue: Catalogue,
    tmp_path: Path,
    members: list[tuple[str, bytes]],
    link: str | None,
    limits: Limits,
    expected: str,
) -> None:
    archive = hostile_zip(tmp_path / "hostile.zip", members, link=link)
    with pytest.raises(BundleRefused, match=expected):
        import_bundle(catalogue, archive, limits=limits)
    assert nothing_imported(catalogue)
    assert not (tmp_path.parent / "evil.txt").exists()


def test_a_link_in_a_bundle_folder_is_refused(
    catalogue: Catalogue, source_catalogue: Catalogue, tmp_path: Path
) -> None:
    bag = bundle_of(source_catalogue, tmp_path / "folder")
    (bag / "data" / "passwd").symlink_to("/etc/passwd")
    with pytest.raises(BundleRefused, match="data/passwd: a link"):
        import_bundle(catalogue, bag)
    assert nothing_imported(catalogue)


def rewrite_records(bag: Path, change: dict[str, object]) -> None:
    """Change records.json and re-bag it, as another program might write a valid bag."""
    import bagit

    path = bag / "data" / "records.json"
    path.write_text(json.dumps({**json.loads(path.read_text()), **change}))
    bagit.Bag(str(bag)).save(manifests=True)


def test_an_unknown_format_version_is_refused(
    catalogue: Catalogue, source_catalogue: Catalogue, tmp_path: Path
) -> None:
    bag = bundle_of(source_catalogue, tmp_path / "folder")
    rewrite_records(bag, {"version": 2})
    with pytest.raises(ImportRefused, match="format version 2"):
        import_bundle(catalogue, bag)
    assert nothing_imported(catalogue)


def test_an_invalid_record_imports_nothing(
    catalogue: Catalogue, source_catalogue: Catalogue, tmp_path: Path
) -> None:
    bag = bundle_of(source_catalogue, tmp_path / "folder")
    records = json.loads((bag / "data" / "records.json").read_text())["records"]
    records["citation"][-1]["confidence"] = "absolutely"
    rewrite_records(bag, {"records": records})
    with pytest.raises(ImportRefused, match="absolutely"):
        import_bundle(catalogue, bag)
    assert nothing_imported(catalogue)
    assert not FileStore.for_catalogue(catalogue.path).root.exists() or not any(
        FileStore.for_catalogue(catalogue.path).root.rglob("*/*")
    )


def diverge(catalogue: Catalogue) -> tuple[str, str]:
    """Change our copy of the film's year and of its preferred citation; returns their UUIDs."""
    with catalogue.session() as session:
        film = session.scalars(select(Work).where(Work.identifier == "NKA-0042")).one().uuid
        claim = (
            session.scalars(select(Citation).where(Citation.field == "production_date")).one().uuid
        )
    ops.update(catalogue, "work", film, {"production_date": "1986"})
    ops.update(catalogue, "citation", claim, {"claimed_value": "1986", "locator": "4"})
    return film, claim


@pytest.mark.parametrize("on_conflict", ["keep", "theirs", "both"])
def test_conflicts_are_reported_and_resolved_as_asked(
    catalogue: Catalogue, bundle: Path, on_conflict: str
) -> None:
    import_bundle(catalogue, bundle)
    film, claim = diverge(catalogue)
    summary = import_bundle(catalogue, bundle, on_conflict=on_conflict)
    conflicts = {c.kind: c for c in summary.conflicts}
    assert set(conflicts) == {"work", "citation"}
    assert conflicts["work"].differences == {"production_date": ("1986", "1985")}
    assert conflicts["citation"].differences["claimed_value"] == ("1986", "1985")
    with catalogue.session() as session:
        year = session.scalar(select(Work.production_date).where(Work.uuid == film))
        claims = session.scalars(select(Citation).where(Citation.field == "production_date")).all()
    if on_conflict == "theirs":
        assert year == "1985" and [(c.claimed_value, c.preferred) for c in claims] == [
            ("1985", True)
        ]
    else:
        assert year == "1986"
        values = sorted((c.claimed_value, c.preferred) for c in claims)
        assert values == (
            [("1985", False), ("1986", True)] if on_conflict == "both" else [("1986", True)]
        )
    if on_conflict == "both":
        further = next(c for c in claims if c.claimed_value == "1985")
        assert claim in (further.note or "") and further.excerpt == "1985년에 만든 영화"
        assert import_bundle(catalogue, bundle, on_conflict="both").added == {}  # not added twice


def test_a_prepared_import_shows_the_conflicts_and_writes_nothing(
    catalogue: Catalogue, bundle: Path
) -> None:
    import_bundle(catalogue, bundle)
    film, _claim = diverge(catalogue)
    changes = catalogue.counts()["change"]
    with prepare_import(catalogue, bundle) as prepared:
        conflicts = {c.kind: c for c in prepared.conflicts}
        assert set(conflicts) == {"work", "citation"} and conflicts["work"].uuid == film
        assert conflicts["work"].ours["production_date"] == "1986"
        assert conflicts["work"].theirs["production_date"] == "1985"
        assert conflicts["work"].ours["identifier"] == conflicts["work"].theirs["identifier"]
        assert conflicts["work"].label == "불가사리 (NKA-0042)"  # its title, not just its number
        assert prepared.preview.skipped["citation"] == 4 and not prepared.preview.added
    assert catalogue.counts()["change"] == changes
    assert catalogue.undo_stack.undo_label == "Edit citation"


def test_each_conflict_is_resolved_as_chosen_for_it(catalogue: Catalogue, bundle: Path) -> None:
    import_bundle(catalogue, bundle)
    film, claim = diverge(catalogue)
    with prepare_import(catalogue, bundle) as prepared:
        summary = import_prepared(catalogue, prepared, resolutions={film: "theirs", claim: "both"})
    assert {c.kind: c.choice for c in summary.conflicts} == {"work": "theirs", "citation": "both"}
    assert "In conflict: 2 (1 replaced by theirs, 1 kept both)." in summary.lines()
    with catalogue.session() as session:
        year = session.scalar(select(Work.production_date).where(Work.uuid == film))
        claims = session.scalars(select(Citation).where(Citation.field == "production_date")).all()
    assert year == "1985"
    assert sorted((c.claimed_value, c.preferred) for c in claims) == [
        ("1985", False),
        ("1986", True),
    ]
    assert catalogue.undo_stack.undo_label == "Import bundle.zip"


def test_keeping_both_of_a_record_that_is_not_a_claim_keeps_ours(
    catalogue: Catalogue, bundle: Path
) -> None:
    import_bundle(catalogue, bundle)
    film, _claim = diverge(catalogue)
    summary = import_bundle(catalogue, bundle, resolutions={film: "both"})
    assert {c.kind: c.choice for c in summary.conflicts} == {"work": "keep", "citation": "keep"}
    with catalogue.session() as session:
        assert session.scalar(select(Work.production_date).where(Work.uuid == film)) == "1986"


def test_cli_import_and_export(
    source_catalogue: Catalogue, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source_catalogue.close()
    theirs = str(tmp_path / "theirs.nkcat")
    ours = str(tmp_path / "ours.nkcat")
    assert main(["export", "--catalogue", theirs, "--all", "--out", str(tmp_path / "all.zip")]) == 0
    assert "2 work" in capsys.readouterr().out
    assert main(["import", "--catalogue", ours, str(tmp_path / "all.zip")]) == 0
    assert "Added: 3 agent" in capsys.readouterr().out
    assert main(["import", "--catalogue", ours, "--json", str(tmp_path / "all.zip")]) == 0
    assert json.loads(capsys.readouterr().out)["skipped"]["work"] == 2
    (tmp_path / "notabundle.zip").write_bytes(b"PK\x03\x04 not really")
    assert main(["import", "--catalogue", ours, str(tmp_path / "notabundle.zip")]) == 1
    assert "refused" in capsys.readouterr().err
    assert (
        main(["export", "--catalogue", theirs, "--query", "불가사리", "--out", str(tmp_path / "q")])
        == 0
    )
    assert len(records_in(tmp_path / "q")["work"]) == 1
    assert (
        main(["export", "--catalogue", theirs, "--all", "--out", str(tmp_path / "works.csv")]) == 0
    )
    cells = (tmp_path / "works.csv").read_text().splitlines()
    assert any("'=HYPERLINK" in line for line in cells)  # a formula is shown, never run
    source_catalogue.lock = None  # closed above


def records_equal_after_round_trip(path: Path, folder: Path) -> None:
    with Catalogue.open(path) as original:
        first = bundle_of(original, folder / "first")
    with Catalogue.create(folder / "empty.nkcat") as empty:
        import_bundle(empty, first)
        second = bundle_of(empty, folder / "second.zip")
    assert records_in(second) == records_in(first)


@settings(
    max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(works=st.integers(1, 6), seed=st.integers(0, 10_000))
def test_round_trip_of_random_catalogues(
    tmp_path_factory: pytest.TempPathFactory, works: int, seed: int
) -> None:
    folder = tmp_path_factory.mktemp("trip")
    records_equal_after_round_trip(
        build_synthetic(folder / "synthetic.nkcat", works=works, seed=seed), folder
    )


def test_round_trip_of_the_demo_catalogue(demo_template: Path, tmp_path: Path) -> None:
    shutil.copyfile(demo_template, tmp_path / "demo.nkcat")
    records_equal_after_round_trip(tmp_path / "demo.nkcat", tmp_path)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_damaged_bundles_never_import_part_or_crash(
    catalogue: Catalogue, bundle: Path, data: st.DataObject
) -> None:
    content = bytearray(bundle.read_bytes())
    for _ in range(data.draw(st.integers(1, 4))):
        position = data.draw(st.integers(0, len(content) - 1))
        content[position] = data.draw(st.integers(0, 255))
    if data.draw(st.booleans()):
        content = content[: data.draw(st.integers(0, len(content)))]
    damaged = bundle.with_name("damaged.zip")
    damaged.write_bytes(bytes(content))
    before = catalogue.counts()
    try:
        import_bundle(catalogue, damaged)
    except (BundleRefused, ImportRefused):
        assert catalogue.counts() == before
    else:  # the damage missed every byte that matters (zip padding, an unread comment)
        assert catalogue.counts()["citation"] == 5
