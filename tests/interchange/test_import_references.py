"""Sources from reference managers (RIS, BibTeX/BibLaTeX, CSL-JSON as Zotero writes them) and
works from CSV: mapping, duplicates, malformed files named by line, nothing written partially."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from nkarchive.cli import main
from nkarchive.interchange.references import ReferenceFileError, import_sources, read_sources
from nkarchive.interchange.spreadsheet import SpreadsheetError, import_works, neutralise
from nkarchive.model import Source, SourceContributor, Title, Work
from nkarchive.store.catalogue import Catalogue

ZOTERO_RIS = """TY  - JOUR
TI  - The Cinema of Kim Jong Il
AU  - Schönherr, Johannes
AU  - 신, 상옥
A4  - Park, Translator
T2  - Film International
PY  - 2012
DA  - 2012/03/15/
VL  - 10
IS  - 2
SP  - 12
EP  - 19
DO  - 10.1386/fiin.10.2.12_1
UR  - https://example.org/kim-jong-il-cinema
AB  - On film art.
N1  - A note kept as it was.
KW  - propaganda
LA  - en
ER  -

TY  - BOOK
TI  - North Korean Cinema: A History
AU  - Kim, Suk-Young
PB  - McFarland
CY  - Jefferson
PY  - 2010
SN  - 978-0-7864-4436-5
ER  -
""".replace("ER  -\n", "ER  - \n")  # Zotero ends each record with "ER  - "

ZOTERO_BIB = r"""@article{schonherr_cinema_2012,
	title = {The {Cinema} of {Kim} {Jong} {Il}},
	volume = {10},
	doi = {10.1386/fiin.10.2.12_1},
	journal = {Film International},
	author = {Sch{\"o}nherr, Johannes and {신상옥}},
	year = {2012},
	month = mar,
	pages = {12--19},
	keywords = {propaganda},
}

@book{kim_cinema_2010,
	address = {Jefferson},
	title = {North {Korean} {Cinema}: {A} {History}},
	isbn = {978-0-7864-4436-5},
	publisher = {McFarland},
	author = {Kim, Suk-Young},
	date = {2010~},
	abstract = {A history.},
	series = {Film studies},
	eventtitle = {Not a field of ours},
}
"""

ZOTERO_CSL = [
    {
        "id": "http://zotero.org/users/1/items/A",
        "type": "article-journal",
        "title": "The Cinema of Kim Jong Il",
        "container-title": "Film International",
        "volume": "10",
        "issue": "2",
        "page": "12-19",
        "DOI": "10.1386/fiin.10.2.12_1",
        "language": "en",
        "author": [{"family": "Schönherr", "given": "Johannes"}, {"family": "신", "given": "상옥"}],
        "translator": [{"family": "Park", "given": "T."}],
        "issued": {"date-parts": [["2012", 3, 15]]},
        "accessed": {"date-parts": [[2024, 5, 1]]},
    },
    {
        "id": "B",
        "type": "motion_picture",
        "title": "Pulgasari",
        "director": [{"literal": "신상옥"}],
        "performer": [{"family": "Ham", "given": "Gi-sop"}],
        "issued": {"date-parts": [[1985]], "circa": True},
        "dimensions": "95 min",
    },
]


def write(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def sources(
    catalogue: Catalogue,
) -> dict[str, tuple[Source, list[tuple[str, str | None, str | None, str | None]]]]:
    with catalogue.session() as session:
        found = {}
        for source in session.scalars(select(Source)):
            people = session.scalars(
                select(SourceContributor)
                .where(SourceContributor.source_id == source.id)
                .order_by(SourceContributor.position)
            ).all()
            found[source.title] = (source, [(p.role, p.family, p.given, p.literal) for p in people])
        return found


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("zotero.ris", ZOTERO_RIS, "ris"),
        ("zotero.bib", ZOTERO_BIB, "bibtex"),
        ("zotero.json", json.dumps(ZOTERO_CSL, ensure_ascii=False), "csl-json"),
    ],
)
def test_zotero_exports_become_sources(
    catalogue: Catalogue, tmp_path: Path, name: str, content: str, kind: str
) -> None:
    result = import_sources(catalogue, read_sources(write(tmp_path, name, content), kind))
    assert len(result.added) == 2 and not result.duplicates
    found = sources(catalogue)
    article, people = found["The Cinema of Kim Jong Il"]
    assert (
        article.source_type == "article-journal" and article.container_title == "Film International"
    )
    assert article.identifiers["doi"] == "10.1386/fiin.10.2.12_1" and article.date.startswith(
        "2012"
    )
    assert people[0] == ("author", "Schönherr", "Johannes", None)
    assert people[1][:3] == ("author", "신", "상옥")  # Hangul: surname first, split
    if kind != "bibtex":
        assert article.pages == "12-19" and article.date == "2012-03-15"
        assert people[2][:2] == ("translator", "Park")
    if kind == "ris":
        assert "A note kept as it was." in article.notes and "propaganda" in article.notes
        assert found["North Korean Cinema: A History"][0].identifiers == {
            "isbn": "978-0-7864-4436-5"
        }
    if kind == "bibtex":
        book = found["North Korean Cinema: A History"][0]
        assert (
            book.date == "2010~"
            and book.publisher_place == "Jefferson"
            and book.abstract == "A history."
        )
        assert "eventtitle: Not a field of ours" in (book.notes or "")  # kept, not dropped
    if kind == "csl-json":
        film, crew = found["Pulgasari"]
        assert film.source_type == "motion_picture" and film.date == "1985~"
        assert [c[0] for c in crew] == ["director", "performer"] and crew[0][1:3] == ("신", "상옥")
        assert article.accessed == "2024-05-01"


def test_duplicates_are_left_out_and_reported_unless_allowed(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    ris = write(tmp_path, "a.ris", ZOTERO_RIS)
    import_sources(catalogue, read_sources(ris, "ris"))
    same_title = [
        ZOTERO_CSL[0],
        {
            "id": "x",
            "type": "book",
            "title": "north korean  cinema — a history",
            "author": [{"family": "Kim"}],
            "issued": {"date-parts": [[2010]]},
        },
    ]
    same_title[0] = {**same_title[0], "DOI": "10.1386/FIIN.10.2.12_1"}
    result = import_sources(
        catalogue, read_sources(write(tmp_path, "b.json", json.dumps(same_title)), "csl-json")
    )
    assert result.added == [] and [d.reason for d in result.duplicates] == [
        "DOI",
        "title, year and first author",
    ]
    assert "same DOI as" in "\n".join(result.lines())
    result = import_sources(catalogue, read_sources(ris, "ris"), allow_duplicates=True)
    assert len(result.added) == 2 and catalogue.counts()["source"] == 4


@pytest.mark.parametrize(
    ("name", "content", "kind", "line"),
    [
        ("bad.ris", ZOTERO_RIS.replace("ER  - \n\nTY  - BOOK", "TY  - BOOK"), "ris", 1),
        ("bad.ris", "TY  - JOUR\nTI  - Fine\nER  - \nnonsense here\n", "ris", 4),
        ("bad.ris", ZOTERO_RIS.replace("TI  - North", "XX  - North"), "ris", 21),
        ("bad.bib", ZOTERO_BIB.replace("pages = {12--19},", "pages = {12--19,"), "bibtex", 1),
        ("bad.json", '[{"id": "a", "type": "book",\n "title": }]', "csl-json", 2),
    ],
)
def test_a_malformed_file_names_its_line_and_imports_nothing(
    catalogue: Catalogue, tmp_path: Path, name: str, content: str, kind: str, line: int
) -> None:
    with pytest.raises(ReferenceFileError, match=f"line {line}"):
        import_sources(catalogue, read_sources(write(tmp_path, name, content), kind))
    assert catalogue.counts()["source"] == 0


def test_cli_recognises_formats_by_content(
    catalogue: Catalogue, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalogue.close()
    path = str(catalogue.path)
    assert (
        main(["import", "--catalogue", path, str(write(tmp_path, "export.txt", ZOTERO_RIS))]) == 0
    )
    assert "Added 2 source(s)" in capsys.readouterr().out
    assert main(["import", "--catalogue", path, str(write(tmp_path, "again.dat", ZOTERO_BIB))]) == 0
    out = capsys.readouterr().out
    assert "Left out 2 duplicate(s)" in out and "--duplicates import" in out
    assert (
        main(["import", "--catalogue", path, str(write(tmp_path, "bad.ris", "TY  - JOUR\n"))]) == 1
    )
    assert "line 1" in capsys.readouterr().err
    letter = str(write(tmp_path, "letter.txt", "Dear colleague,\n"))
    assert main(["import", "--catalogue", path, letter]) == 2
    assert "not a RIS, BibTeX or CSL-JSON file" in capsys.readouterr().err
    catalogue.lock = None


MAPPING = {
    "columns": {
        "Accession": "identifier",
        "Year": "production_date",
        "Korean": "title:original",
        "MR": "title:transliterated:mr",
        "English": "title:translated",
        "Minutes": "running_time",
        "Countries": "countries",
    },
    "defaults": {"form": "feature", "record_status": "draft"},
}


def test_works_come_from_csv_with_a_mapping(catalogue: Catalogue, tmp_path: Path) -> None:
    csv_file = write(
        tmp_path,
        "films.csv",
        "Accession,Year,Korean,MR,English,Minutes,Countries\n"
        'NK-1,1985,불가사리,Pulgasari,,95,"KP, JP"\nNK-2,198X,,,Hong Kil Dong,,KP\n',
    )
    mapping = write(tmp_path, "mapping.json", json.dumps(MAPPING))
    assert len(import_works(catalogue, csv_file, mapping)) == 2
    with catalogue.session() as session:
        work = session.scalars(select(Work).where(Work.identifier == "NK-1")).one()
        assert (work.production_date, work.running_time, work.countries) == (
            "1985",
            95,
            ["KP", "JP"],
        )
        titles = session.scalars(
            select(Title).where(Title.work_id == work.id).order_by(Title.position)
        ).all()
        assert [(t.text, t.script, t.scheme, t.preferred) for t in titles] == [
            ("불가사리", "Hang", None, True),
            ("Pulgasari", "Latn", "mr", False),
        ]


def test_a_bad_csv_row_names_its_line_and_imports_nothing(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    mapping = write(tmp_path, "mapping.json", json.dumps(MAPPING))
    bad = write(
        tmp_path,
        "films.csv",
        "Accession,Year,Korean,MR,English,Minutes,Countries\n"
        "NK-1,1985,불가사리,,,95,KP\nNK-2,1985-13,,,X,,KP\n",
    )
    with pytest.raises(SpreadsheetError, match=r"line 3.*1985-13"):
        import_works(catalogue, bad, mapping)
    assert catalogue.counts()["work"] == 0
    with pytest.raises(SpreadsheetError, match=r"no column 'Countries'"):
        import_works(
            catalogue,
            write(tmp_path, "short.csv", "Accession,Year,Korean,MR,English,Minutes\n"),
            mapping,
        )


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        ("=1+1", "'=1+1"),
        ("+SUM(A1)", "'+SUM(A1)"),
        ("-2", "'-2"),
        ("@cmd", "'@cmd"),
        ("\tx", "'\tx"),
        ("불가사리", "불가사리"),
        (None, ""),
    ],
)
def test_csv_export_neutralises_formulas(cell: str | None, shown: str) -> None:
    assert neutralise(cell) == shown


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(kind=st.sampled_from(["ris", "bibtex", "csl-json"]), data=st.data())
def test_damaged_reference_files_never_crash_or_import_part(
    catalogue: Catalogue, tmp_path: Path, kind: str, data: st.DataObject
) -> None:
    text = {"ris": ZOTERO_RIS, "bibtex": ZOTERO_BIB, "csl-json": json.dumps(ZOTERO_CSL)}[kind]
    for _ in range(data.draw(st.integers(1, 3))):
        at = data.draw(st.integers(0, len(text)))
        text = (
            text[:at] + data.draw(st.text(max_size=3)) + text[at + data.draw(st.integers(0, 5)) :]
        )
    path = write(tmp_path, f"damaged.{kind}", text)
    before = catalogue.counts()["source"]
    try:
        result = import_sources(catalogue, read_sources(path, kind), allow_duplicates=True)
    except ReferenceFileError:
        assert catalogue.counts()["source"] == before
    else:
        assert catalogue.counts()["source"] == before + len(result.added)
