"""Exporting citation bundles: what a bag holds, and that every reader accepts each file."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import bibtexparser
import jsonschema
import pytest
import rispy
from sqlalchemy import select

from nkarchive.interchange.bundle import ExportError, export_bundle
from nkarchive.interchange.csl import load_style
from nkarchive.interchange.dossier import _date as dossier_date
from nkarchive.interchange.records import Selection
from nkarchive.model import Work
from nkarchive.model.dates import DateError, describe, parse_date
from nkarchive.paths import resource_path
from nkarchive.store.catalogue import Catalogue
from nkarchive.store.files import FileStore
from tests.interchange.test_bundle_fixtures import POSTER, SCAN, bundle_of, fill, records_in

BAGIT = [sys.executable, "-m", "bagit", "--validate"]


@pytest.fixture
def filled(catalogue: Catalogue, tmp_path: Path) -> dict[str, str]:
    return fill(catalogue, tmp_path / "files")


def bagit_validates(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*BAGIT, str(path)], capture_output=True, text=True, check=False)


def test_folder_bundle_holds_every_file_and_bagit_accepts_it(
    catalogue: Catalogue, filled: dict[str, str], tmp_path: Path
) -> None:
    bag = bundle_of(catalogue, tmp_path / "bundle")
    data = {
        p.relative_to(bag / "data").as_posix() for p in (bag / "data").rglob("*") if p.is_file()
    }
    assert {
        "records.json",
        "records-v1.schema.json",
        "sources.csl.json",
        "sources.bib",
        "sources.ris",
        "bibliography.html",
        "bibliography.txt",
        "dossier.html",
    } <= data
    assert sorted(n for n in data if n.startswith("attachments/")) == sorted(
        f"attachments/{FileStore.for_catalogue(catalogue.path).add(tmp_path / 'files' / n).sha256}{Path(n).suffix}"
        for n in ("scan.pdf", "poster.jpg")
    )
    tags = {p.name for p in bag.iterdir() if p.is_file()}
    assert tags == {
        "bagit.txt",
        "bag-info.txt",
        "manifest-sha256.txt",
        "manifest-sha512.txt",
        "tagmanifest-sha256.txt",
        "tagmanifest-sha512.txt",
    }
    assert (
        bag / "bagit.txt"
    ).read_text() == "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
    info = dict(line.split(": ", 1) for line in (bag / "bag-info.txt").read_text().splitlines())
    assert {
        "Source-Organization",
        "Bagging-Date",
        "Payload-Oxum",
        "External-Description",
        "Nkarchive-Version",
        "Nkarchive-Catalogue-Id",
    } <= info.keys()
    assert info["Nkarchive-Catalogue-Id"] == catalogue.setting("catalogue_id")
    size = sum(p.stat().st_size for p in (bag / "data").rglob("*") if p.is_file())
    assert info["Payload-Oxum"] == f"{size}.{len(data)}"
    result = bagit_validates(bag)
    assert result.returncode == 0, result.stderr
    assert "is valid" in result.stderr


def test_zip_bundle_is_one_folder_bagit_accepts(
    catalogue: Catalogue, filled: dict[str, str], tmp_path: Path
) -> None:
    bundle = bundle_of(catalogue, tmp_path / "films.zip")
    with zipfile.ZipFile(bundle) as archive:
        names = archive.namelist()
        assert all(n.startswith("films/") for n in names)
        archive.extractall(tmp_path / "unzipped")
        assert (
            archive.read(
                "films/data/" + next(n.split("data/")[1] for n in names if n.endswith(".pdf"))
            )
            == SCAN
        )
    assert bagit_validates(tmp_path / "unzipped" / "films").returncode == 0


def test_records_follow_the_shipped_schema(
    catalogue: Catalogue, filled: dict[str, str], tmp_path: Path
) -> None:
    bag = bundle_of(catalogue, tmp_path / "bundle")
    schema = json.loads(resource_path("schemas", "records-v1.schema.json").read_text())
    assert json.loads((bag / "data" / "records-v1.schema.json").read_text()) == schema
    document = json.loads((bag / "data" / "records.json").read_text())
    jsonschema.Draft202012Validator(schema).validate(document)
    assert (document["format"], document["version"]) == ("nkarchive-records", 1)
    broken = {**document, "version": 2}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


def test_a_selected_work_brings_what_it_depends_on_and_nothing_else(
    catalogue: Catalogue, filled: dict[str, str], tmp_path: Path
) -> None:
    with catalogue.session() as session:
        film_id = session.scalar(select(Work.id).where(Work.uuid == filled["film"]))
    assert film_id is not None
    records = records_in(bundle_of(catalogue, tmp_path / "one.zip", Selection(works={film_id})))
    assert [w["uuid"] for w in records["work"]] == [filled["film"]]
    events = records["event"]
    assert [e["uuid"] for e in events] == [
        filled["edition"],
        filled["showing"],
    ]  # the festival first
    assert {a["uuid"] for a in records["agent"]} >= {filled["director"]}
    assert (
        len(records["agent"]) == 3 and len(records["agent_identifier"]) == 1
    )  # director, studio, festival
    assert (
        len(records["source"]) == 3
        and len(records["citation"]) == 5
        and len(records["attachment"]) == 2
    )
    assert len(records["title"]) == 2


def test_sources_as_csl_json_bibtex_and_ris_read_back(
    catalogue: Catalogue, filled: dict[str, str], tmp_path: Path
) -> None:
    bag = bundle_of(catalogue, tmp_path / "bundle")
    items = json.loads((bag / "data" / "sources.csl.json").read_text())
    paper = next(i for i in items if i["id"] == filled["paper"])
    assert paper["type"] == "article-newspaper" and paper["issued"] == {
        "date-parts": [[1985, 7, 2]]
    }
    assert (
        paper["author"] == [{"family": "김", "given": "정일"}]
        and paper["translator"][0]["family"] == "Smith"
    )
    assert paper["DOI"] == "10.9999/rodong.1985.0702"
    load_style("apa").bibliography(items)  # the processor accepts every item
    library = bibtexparser.parse_string((bag / "data" / "sources.bib").read_text())
    assert not library.failed_blocks and len(library.entries) == 3
    entry = next(e for e in library.entries if "doi" in e.fields_dict)
    assert (
        entry["author"] == "{김정일}"
        and entry["date"] == "1985-07-02"
        and entry.entry_type == "article"
    )
    ris = rispy.loads((bag / "data" / "sources.ris").read_text())
    assert len(ris) == 3
    newspaper = next(r for r in ris if r["type_of_reference"] == "NEWS")
    assert newspaper["authors"] == ["김, 정일"] and newspaper["year"] == "1985"


def test_bibliography_and_dossier_are_readable(
    catalogue: Catalogue, filled: dict[str, str], tmp_path: Path
) -> None:
    bag = tmp_path / "bundle"
    export_bundle(catalogue, Selection(everything=True), bag, style="modern-language-association")
    text = (bag / "data" / "bibliography.txt").read_text()
    assert len(text.splitlines()) == 3 and "로동신문" in text
    html = (bag / "data" / "bibliography.html").read_text()
    assert html.count('class="csl-entry"') == 3
    dossier = (bag / "data" / "dossier.html").read_text()
    assert (
        "불가사리" in dossier
        and "1985년에 만든 영화" in dossier
        and "a film made in 1985" in dossier
    )
    assert (
        "Festival showing" in dossier and "http" not in dossier.split("<body>")[0]
    )  # no network needed


@pytest.mark.parametrize(
    "text",
    [
        "1985",
        "1985-07",
        "1985-07-02",
        "0999-01-01",
        "2024-02-29",
        "1985-21",
        "1985-02-30",
        "1985-13",
        "0000",
        "1985?",
        "주체74",
        "1985-07-02/1985-07-09",
    ],
)
def test_the_dossier_gives_each_date_in_the_words_of_the_date_rules(text: str) -> None:
    # The dossier writes plain dates without the full EDTF parser; the words must not differ.
    try:
        expected = f"{text} ({describe(parse_date(text))})"
    except DateError:
        expected = text
    assert dossier_date(text) == expected


def test_records_json_has_one_record_a_line(
    catalogue: Catalogue, filled: dict[str, str], tmp_path: Path
) -> None:
    bag = tmp_path / "bundle"
    export_bundle(catalogue, Selection(everything=True), bag)
    lines = (bag / "data" / "records.json").read_text(encoding="utf-8").splitlines()
    citations = [
        json.loads(line.strip().rstrip(",")) for line in lines if '"claimed_value"' in line
    ]
    assert {c["claimed_value"] for c in citations} >= {"1985"}
    assert all(isinstance(c["uuid"], str) for c in citations)


def test_export_refuses_an_existing_destination_and_a_missing_file(
    catalogue: Catalogue, filled: dict[str, str], tmp_path: Path
) -> None:
    (tmp_path / "taken.zip").write_bytes(b"")
    with pytest.raises(ExportError, match="already exists"):
        export_bundle(catalogue, Selection(everything=True), tmp_path / "taken.zip")
    store = FileStore.for_catalogue(catalogue.path)
    store.path_for(store.add(tmp_path / "files" / "poster.jpg").sha256).unlink()
    with pytest.raises(ExportError, match="missing"):
        export_bundle(catalogue, Selection(everything=True), tmp_path / "new.zip")
    assert not (tmp_path / "new.zip").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".nkarchive")] == []
    assert POSTER  # the fixture's file, removed above
