"""Works from CSV checked before anything is written: each problem named by line and column,
the mapping the desktop app builds is the one a mapping file holds, and a damaged file never
imports part of itself."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nkarchive import ops
from nkarchive.cli import main
from nkarchive.interchange.spreadsheet import (
    ColumnMapping,
    SpreadsheetError,
    import_planned_works,
    mapping_targets,
    plan_works,
    read_mapping,
    read_table,
    suggest_target,
    write_mapping,
)
from nkarchive.store.catalogue import Catalogue

FILMS = (
    "Accession,Year,Korean,MR,Minutes,Form\n"
    "NK-1,1985,불가사리,Pulgasari,95,feature\n"
    "NK-2,1985-13,꽃파는 처녀,Kkotp'anŭn ch'ŏnyŏ,ninety,\n"
    "NK-1,1972,피바다,P'ibada,,feature\n"
)
MAPPING = ColumnMapping(
    {
        "Accession": "identifier",
        "Year": "production_date",
        "Korean": "title:original",
        "MR": "title:transliterated:mr",
        "Minutes": "running_time",
        "Form": "form",
    },
    {"record_status": "draft"},
)


def write(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def test_every_problem_is_named_by_line_and_column(catalogue: Catalogue, tmp_path: Path) -> None:
    plan = plan_works(catalogue, write(tmp_path, "films.csv", FILMS), MAPPING)
    shown = [str(p) for p in plan.problems]
    assert len(shown) == 4
    assert shown[0].startswith("line 3, column 'Year': '1985-13' is not a date")
    assert (
        shown[1]
        == "line 3, column 'Minutes': Running time (minutes) must be a whole number, not 'ninety'"
    )
    assert shown[2] == "line 3, column 'Form': Form is empty"
    assert shown[3] == "line 4, column 'Accession': identifier NK-1 is already used on line 2"
    with pytest.raises(SpreadsheetError, match="line 3, column 'Year'"):
        import_planned_works(catalogue, plan)
    assert catalogue.counts()["work"] == 0


def test_a_clean_plan_imports_as_one_undoable_step(catalogue: Catalogue, tmp_path: Path) -> None:
    ops.create(
        catalogue, "work", {"identifier": "NK-9", "form": "feature", "record_status": "draft"}
    )
    rows = FILMS.splitlines()
    fixed = "\n".join(
        [rows[0], rows[1], "NK-2,1972,꽃파는 처녀,,72,feature", "NK-9,1972,피바다,,,"]
    )
    plan = plan_works(catalogue, write(tmp_path, "films.csv", fixed + "\n"), MAPPING)
    assert [str(p) for p in plan.problems] == [
        "line 4, column 'Accession': identifier NK-9 is already used by a work here",
        "line 4, column 'Form': Form is empty",
    ]
    mapping = ColumnMapping(MAPPING.columns, {**MAPPING.defaults, "form": "feature"})
    plan = plan_works(
        catalogue,
        write(tmp_path, "films.csv", "\n".join([*rows[:2], fixed.splitlines()[2]])),
        mapping,
    )
    assert plan.problems == []
    done = import_planned_works(catalogue, plan, "Import films.csv")
    assert len(done.added) == 2 and catalogue.counts()["title"] == 3
    assert catalogue.undo_stack.undo_label == "Import films.csv"
    ops.undo(catalogue)
    assert catalogue.counts()["work"] == 1 and catalogue.counts()["title"] == 0


def test_mapping_problems_come_before_any_row(catalogue: Catalogue, tmp_path: Path) -> None:
    mapping = ColumnMapping({"Accession": "identifier", "Code": "identifier", "Nope": "colour"}, {})
    plan = plan_works(catalogue, write(tmp_path, "films.csv", FILMS), mapping)
    shown = [str(p) for p in plan.problems]
    assert "column 'Code': column 'Accession' already gives Identifier" in shown
    assert "Form: no column gives it and no default" in shown
    assert any(s.startswith("line 1: no column 'Nope'") for s in shown)
    assert plan.rows == []


def test_the_chooser_targets_and_suggestions() -> None:
    targets = dict(mapping_targets())
    assert targets["production_date"] == "Production year"
    assert targets["title:transliterated:mr"] == "Transliterated title, McCune–Reischauer"
    assert targets["title:original"] == "Original title"
    assert suggest_target("Production year") == "production_date"
    assert suggest_target("running_time") == "running_time"
    assert suggest_target("Original Title") == "title:original"
    assert suggest_target("Shelf") is None


def test_a_mapping_saved_from_the_app_is_what_the_command_line_reads(
    catalogue: Catalogue, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "mapping.json"
    mapping = ColumnMapping(MAPPING.columns, {**MAPPING.defaults, "form": "feature"})
    write_mapping(mapping, path)
    assert read_mapping(path) == mapping
    good = "\n".join(FILMS.splitlines()[:2]) + "\n"
    catalogue.close()
    csv_path = str(write(tmp_path, "films.csv", good))
    assert (
        main(["import", "--catalogue", str(catalogue.path), "--mapping", str(path), csv_path]) == 0
    )
    assert "Added 1 work(s)." in capsys.readouterr().out
    catalogue.lock = None


def test_a_mapping_file_with_a_bad_default_is_refused(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "m.json",
        json.dumps({"columns": {"A": "identifier"}, "defaults": {"form": "epic"}}),
    )
    with pytest.raises(SpreadsheetError, match="default Form: 'epic' is not a known"):
        read_mapping(path)


def test_the_preview_reads_only_the_first_rows(tmp_path: Path) -> None:
    header, rows = read_table(write(tmp_path, "films.csv", FILMS), limit=2)
    assert header[:3] == ["Accession", "Year", "Korean"]
    assert [(line, cells[2]) for line, cells in rows] == [(2, "불가사리"), (3, "꽃파는 처녀")]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_damaged_csv_never_crashes_or_imports_part(
    catalogue: Catalogue, tmp_path: Path, data: st.DataObject
) -> None:
    text = (
        FILMS.replace("1985-13", "1985").replace("ninety", "90").replace("NK-1,1972", "NK-3,1972")
    )
    for _ in range(data.draw(st.integers(0, 3))):
        at = data.draw(st.integers(0, len(text)))
        text = (
            text[:at] + data.draw(st.text(max_size=3)) + text[at + data.draw(st.integers(0, 5)) :]
        )
    path = write(tmp_path, "damaged.csv", text)
    mapping = ColumnMapping(MAPPING.columns, {**MAPPING.defaults, "form": "feature"})
    try:
        plan = plan_works(catalogue, path, mapping)
        done = import_planned_works(catalogue, plan)
    except SpreadsheetError:
        assert catalogue.counts()["work"] == 0
    else:
        assert not plan.problems and catalogue.counts()["work"] == len(done.added) == len(plan.rows)
        if done.added:
            ops.undo(catalogue)
