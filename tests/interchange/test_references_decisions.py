"""Sources from reference managers with a decision per duplicate: the plan names what each
incoming source duplicates and why; skip, import as new and fill-our-empty-fields come in as one
undoable operation; damaged files and any mix of decisions never import part of a file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from nkarchive import ops
from nkarchive.cli import main
from nkarchive.interchange.references import (
    ReferenceFileError,
    detect_kind,
    import_planned,
    plan_sources,
    read_sources,
)
from nkarchive.model import Source
from nkarchive.store.catalogue import Catalogue

# A copy of a demo source (same URL; its abstract is one the demo lacks, its publisher differs), and a
# source the demo does not have.
DEMO_DUPLICATE_AND_NEW = """TY  - ELEC
TI  - 불가사리
UR  - https://kmdb.or.kr/db/kor/detail/movie/F/07180
PB  - 한국영상자료원
AB  - 신상옥 감독의 1985년 괴수 영화.
ER  -

TY  - BOOK
TI  - 조선영화사
AU  - 김, 일성
PY  - 1987
PB  - 문예출판사
CY  - 평양
ER  -
""".replace("ER  -\n", "ER  - \n")  # Zotero ends each record with "ER  - "
DEMO_KMDB = "cb23b078-fba4-513f-8793-f6ade57c319a"


def write(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def source(catalogue: Catalogue, uuid: str) -> Source:
    with catalogue.session() as session:
        found = session.scalars(select(Source).where(Source.uuid == uuid)).one()
        session.expunge(found)
        return found


def titles(catalogue: Catalogue) -> list[str]:
    with catalogue.session() as session:
        return sorted(session.scalars(select(Source.title)))


def test_the_plan_names_the_source_here_and_why(demo_catalogue: Catalogue, tmp_path: Path) -> None:
    ris = write(tmp_path, "zotero.ris", DEMO_DUPLICATE_AND_NEW)
    before = demo_catalogue.counts()["source"]
    planned = plan_sources(demo_catalogue, read_sources(ris, "ris"))
    assert demo_catalogue.counts()["source"] == before  # a plan writes nothing
    duplicate, new = planned
    assert duplicate.match is not None and duplicate.match.reason == "URL"
    assert duplicate.match.existing is not None
    assert (duplicate.match.existing.uuid, duplicate.match.existing.title) == (
        DEMO_KMDB,
        "불가사리",
    )
    assert duplicate.choices == ("skip", "import", "merge")
    assert new.match is None and new.choices == ("import",)
    assert (new.title, new.first_author, new.year, new.source_type) == (
        "조선영화사",
        "김일성",
        "1987",
        "book",
    )


def test_skip_then_import_anyway_then_undo(demo_catalogue: Catalogue, tmp_path: Path) -> None:
    ris = write(tmp_path, "zotero.ris", DEMO_DUPLICATE_AND_NEW)
    before = demo_catalogue.counts()["source"]
    planned = plan_sources(demo_catalogue, read_sources(ris, "ris"))
    skipped = import_planned(demo_catalogue, planned, {1: "skip"}, label="Import zotero.ris")
    assert len(skipped.added) == 1 and [d.existing_uuid for d in skipped.duplicates] == [DEMO_KMDB]
    assert demo_catalogue.counts()["source"] == before + 1
    assert "same URL as " + DEMO_KMDB in "\n".join(skipped.lines())

    planned = plan_sources(demo_catalogue, read_sources(ris, "ris"))
    assert planned[1].match is not None and planned[1].match.existing is not None  # now it is here
    anyway = import_planned(demo_catalogue, planned, {1: "import", 2: "skip"}, label="Again")
    assert len(anyway.added) == 1 and titles(demo_catalogue).count("불가사리") == 2
    assert demo_catalogue.undo_stack.undo_label == "Again"
    ops.undo(demo_catalogue)  # the whole import is one step
    assert titles(demo_catalogue).count("불가사리") == 1
    assert demo_catalogue.counts()["source"] == before + 1


def test_merge_fills_only_our_empty_fields_and_undoes_in_one_step(
    demo_catalogue: Catalogue, tmp_path: Path
) -> None:
    ris = write(tmp_path, "zotero.ris", DEMO_DUPLICATE_AND_NEW)
    ours = source(demo_catalogue, DEMO_KMDB)
    assert ours.publisher == "Korean Film Archive" and ours.abstract is None
    planned = plan_sources(demo_catalogue, read_sources(ris, "ris"))
    result = import_planned(demo_catalogue, planned, {1: "merge"})
    assert [(m.existing_uuid, m.fields) for m in result.merged] == [(DEMO_KMDB, ["Abstract"])]
    merged = source(demo_catalogue, DEMO_KMDB)
    assert (merged.title, merged.source_type, merged.url) == (
        ours.title,
        ours.source_type,
        ours.url,
    )
    assert (merged.publisher, merged.abstract) == (
        "Korean Film Archive",  # ours is kept
        "신상옥 감독의 1985년 괴수 영화.",
    )
    assert "Filled empty fields of 1 source(s)" in "\n".join(result.lines())
    ops.undo(demo_catalogue)
    undone = source(demo_catalogue, DEMO_KMDB)
    assert (undone.publisher, undone.abstract) == ("Korean Film Archive", None)
    assert "조선영화사" not in titles(demo_catalogue)


def test_merge_adds_identifiers_and_contributors_ours_lack(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    ops.create(
        catalogue,
        "source",
        {
            "source_type": "book",
            "title": "North Korean Cinema: A History",
            "date": "2010",
            "identifiers": {"oclc": "1"},
            "notes": "Ours.",
        },
    )
    bib = write(
        tmp_path,
        "b.bib",
        "@book{k, title={North Korean Cinema: A History}, author={Kim, Suk-Young}, year={2010},"
        " isbn={978-0-7864-4436-5}, note={Theirs.}}\n",
    )
    planned = plan_sources(catalogue, read_sources(bib, "bibtex"))
    assert planned[0].match is None  # no first author here, so title+year+author differs
    ops.create(
        catalogue,
        "source",
        {"source_type": "book", "title": "Other", "url": "https://example.org/x"},
    )
    csl = write(
        tmp_path,
        "c.json",
        json.dumps(
            [
                {
                    "id": "a",
                    "type": "book",
                    "title": "Other",
                    "URL": "http://www.example.org/x/",
                    "ISBN": "0-00",
                    "author": [{"family": "Lee", "given": "Hyang-jin"}],
                }
            ]
        ),
    )
    planned = plan_sources(catalogue, read_sources(csl, "csl-json"))
    assert planned[0].match is not None and planned[0].match.reason == "URL"
    result = import_planned(catalogue, planned, duplicates="merge")
    assert result.merged[0].fields == ["Identifiers", "Contributors"] and not result.added
    with catalogue.session() as session:
        other = session.scalars(select(Source).where(Source.title == "Other")).one()
        assert other.identifiers == {"isbn": "0-00"}
        assert [(p.family, p.given) for p in other.contributors] == [("Lee", "Hyang-jin")]


def test_a_repeat_within_the_file_names_the_earlier_entry(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    twice = DEMO_DUPLICATE_AND_NEW + DEMO_DUPLICATE_AND_NEW.split("\n\n")[1]
    planned = plan_sources(catalogue, read_sources(write(tmp_path, "t.ris", twice), "ris"))
    assert [p.match.entry if p.match else None for p in planned] == [None, None, 2]
    assert planned[2].choices == ("skip", "import")  # nothing here yet to fill
    result = import_planned(catalogue, planned, {3: "merge"})  # not offered: left out
    assert len(result.added) == 2
    assert (
        result.duplicates[0]
        .describe()
        .endswith("same title, year and first author as entry 2 of this file")
    )


def test_cli_duplicates_option(
    demo_catalogue: Catalogue, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    demo_catalogue.close()
    path = str(demo_catalogue.path)
    ris = str(write(tmp_path, "z.ris", DEMO_DUPLICATE_AND_NEW))
    assert main(["import", "--catalogue", path, "--duplicates", "merge", "--json", ris]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["added"] == {"source": 1}
    assert document["merged"][0]["existing_uuid"] == DEMO_KMDB
    assert main(["import", "--catalogue", path, "--duplicates", "import", ris]) == 0
    assert "Added 2 source(s)." in capsys.readouterr().out
    demo_catalogue.lock = None


@pytest.mark.parametrize(
    ("name", "kind"),
    [("a.ris", "ris"), ("a.BIB", "bibtex"), ("a.json", "csl-json"), ("export.txt", "ris")],
)
def test_detect_kind(tmp_path: Path, name: str, kind: str) -> None:
    assert detect_kind(write(tmp_path, name, DEMO_DUPLICATE_AND_NEW)) == kind


def test_detect_kind_refuses_what_is_not_a_reference_file(tmp_path: Path) -> None:
    with pytest.raises(ReferenceFileError, match="not a RIS, BibTeX or CSL-JSON file"):
        detect_kind(write(tmp_path, "notes.txt", "Dear colleague,\n"))


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_damaged_files_with_any_decisions_never_crash_or_import_part(
    demo_catalogue: Catalogue, tmp_path: Path, data: st.DataObject
) -> None:
    text = DEMO_DUPLICATE_AND_NEW * 2
    for _ in range(data.draw(st.integers(0, 3))):
        at = data.draw(st.integers(0, len(text)))
        text = (
            text[:at] + data.draw(st.text(max_size=3)) + text[at + data.draw(st.integers(0, 5)) :]
        )
    path = write(tmp_path, "damaged.ris", text)
    before = demo_catalogue.counts()
    try:
        planned = plan_sources(demo_catalogue, read_sources(path, "ris"))
    except ReferenceFileError:
        assert demo_catalogue.counts() == before
        return
    decisions = {
        item.entry: data.draw(st.sampled_from(("skip", "import", "merge"))) for item in planned
    }
    try:
        result = import_planned(demo_catalogue, planned, decisions)
    except ReferenceFileError:
        assert demo_catalogue.counts() == before
    else:
        assert demo_catalogue.counts()["source"] == before["source"] + len(result.added)
        assert len(result.added) + len(result.merged) + len(result.duplicates) == len(planned)
