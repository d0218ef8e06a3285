"""File → Import sources and Import works from CSV on the demo catalogue: the preview shows each
duplicate beside the demo source it looks like, skip and import-anyway do what they say, a
malformed file names its line and imports nothing, and CSV columns are mapped in a preview whose
choices are remembered. Screenshots of both dialogs land in tests/gui/screenshots/."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from sqlalchemy import select

from nkarchive.gui import source_import
from nkarchive.gui.main_window import MainWindow
from nkarchive.gui.source_import import SourceImportDialog, WorksImportDialog
from nkarchive.model import Source, Title
from tests.gui.conftest import when_modal
from tests.gui.test_gui_screenshots import shoot
from tests.interchange.test_references_decisions import DEMO_DUPLICATE_AND_NEW, DEMO_KMDB

KMDB_URL = "https://kmdb.or.kr/db/kor/detail/movie/F/07180"


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []

    def warn(_parent: Any, _title: str, text_: str, *_a: Any) -> QMessageBox.StandardButton:
        shown.append(text_)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warn))
    return shown


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )


def source_titles(window: MainWindow) -> list[str]:
    with window.catalogue.session() as session:
        return list(session.scalars(select(Source.title)))


def cells(table: Any, row: int) -> list[str]:
    return [
        table.item(row, c).text() if table.item(row, c) else "" for c in range(table.columnCount())
    ]


def test_a_duplicate_is_shown_beside_ours_then_skipped_then_imported_anyway(
    demo_window: MainWindow,
    tmp_path: Path,
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    reports: list[tuple[str, list[str]]],
) -> None:
    window = demo_window
    ris = tmp_path / "zotero.ris"
    ris.write_text(DEMO_DUPLICATE_AND_NEW, encoding="utf-8")
    choose_file(monkeypatch, ris)
    before = len(source_titles(window))
    seen: dict[str, Any] = {}

    def skip(dialog: SourceImportDialog) -> None:
        seen["rows"] = [cells(dialog.table, 0)[:7], cells(dialog.table, 1)[:7]]
        seen["choice"] = dialog.combos[1].currentText()
        seen["counts"] = dialog.counts.text()
        seen["shot"] = shoot(dialog, "source_import_preview")
        dialog.import_button.click()

    when_modal(SourceImportDialog, skip)
    source_import.import_sources_dialog(window)
    qtbot.waitUntil(lambda: bool(reports), timeout=20000)
    assert seen["rows"][0][:5] == ["1", "불가사리", "", "", "Web page"]
    assert seen["rows"][0][5:7] == ["Same URL", f"“불가사리” · Web page · {KMDB_URL}"]
    assert seen["rows"][1] == ["2", "조선영화사", "김일성", "1987", "Book", "", ""]
    assert seen["choice"] == "Skip"
    assert seen["counts"].startswith("Will add 1 source(s), fill the empty fields of 0")
    _title, lines = reports.pop()
    assert lines[0] == "Added 1 source(s)." and f"same URL as {DEMO_KMDB}" in lines[-1]
    assert len(source_titles(window)) == before + 1
    assert source_titles(window).count("불가사리") == 1

    def import_anyway(dialog: SourceImportDialog) -> None:
        combo = dialog.combos[1]
        combo.setCurrentIndex(combo.findText("Import as a new source"))
        dialog.set_decision(2, "skip")  # now already here too
        dialog.import_button.click()

    when_modal(SourceImportDialog, import_anyway)
    source_import.import_sources_dialog(window)
    qtbot.waitUntil(lambda: bool(reports), timeout=20000)
    assert reports.pop()[1][0] == "Added 1 source(s)."
    assert source_titles(window).count("불가사리") == 2
    assert window.undo_action.text() == "&Undo Import zotero.ris"
    window.undo()  # one step takes the whole import back
    assert source_titles(window).count("불가사리") == 1
    assert len(source_titles(window)) == before + 1


def test_apply_to_all_fills_our_empty_fields(
    demo_window: MainWindow,
    tmp_path: Path,
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    reports: list[tuple[str, list[str]]],
) -> None:
    window = demo_window
    ris = tmp_path / "zotero.ris"
    ris.write_text(DEMO_DUPLICATE_AND_NEW + DEMO_DUPLICATE_AND_NEW, encoding="utf-8")
    choose_file(monkeypatch, ris)
    chosen: dict[int, str] = {}

    def merge_all(dialog: SourceImportDialog) -> None:
        dialog.all_choice.setCurrentIndex(dialog.all_choice.findData("merge"))
        dialog.apply_all.click()
        chosen.update(dialog.decisions())
        dialog.import_button.click()

    when_modal(SourceImportDialog, merge_all)
    source_import.import_sources_dialog(window)
    qtbot.waitUntil(lambda: bool(reports), timeout=20000)
    # 3 repeats 1, so it too looks like the demo source; 4 repeats 2, which is not here yet:
    # there is nothing to fill, so it is skipped
    assert chosen == {1: "merge", 3: "merge", 4: "skip"}
    lines = reports[0][1]
    assert lines[0] == "Added 1 source(s)."
    assert f"  “불가사리” ({DEMO_KMDB}): Abstract" in lines
    assert f"  “불가사리” ({DEMO_KMDB}): nothing was empty" in lines
    with window.catalogue.session() as session:
        kmdb = session.scalars(select(Source).where(Source.uuid == DEMO_KMDB)).one()
        assert kmdb.abstract == "신상옥 감독의 1985년 괴수 영화."


def test_a_malformed_bibtex_file_names_its_line_and_imports_nothing(
    demo_window: MainWindow,
    tmp_path: Path,
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    warnings: list[str],
) -> None:
    bib = tmp_path / "broken.bib"
    bib.write_text(
        "@book{a, title={조선영화사}, year={1987}}\n\n@article{b,\n  title = {Unclosed,\n"
        "  year = {1990}\n",
        encoding="utf-8",
    )
    choose_file(monkeypatch, bib)
    before = len(source_titles(demo_window))
    source_import.import_sources_dialog(demo_window)
    qtbot.waitUntil(lambda: bool(warnings), timeout=20000)
    assert "broken.bib, line 3" in warnings[0] and "Nothing was imported." in warnings[0]
    assert len(source_titles(demo_window)) == before
    assert QApplication.activeModalWidget() is None  # no preview of a file that cannot be read


FILMS = (
    "Accession,Production year,Korean,MR,Minutes,Notes\n"
    "NK-101,1985,불가사리,Pulgasari,95,Monster film\n"
    "NK-102,1972,꽃파는 처녀,Kkotp'anŭn ch'ŏnyŏ,ninety,\n"
    "NK-103,1969,피바다,P'ibada,,\n"
)


def test_works_from_csv_with_columns_chosen_in_the_preview(
    demo_window: MainWindow,
    tmp_path: Path,
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    reports: list[tuple[str, list[str]]],
) -> None:
    window = demo_window
    films = tmp_path / "films.csv"
    films.write_text(FILMS, encoding="utf-8")
    choose_file(monkeypatch, films)
    works_before = window.catalogue.counts()["work"]
    seen: dict[str, Any] = {}

    def choose(dialog: WorksImportDialog) -> None:
        seen["suggested"] = dialog.combos["Production year"].currentText()
        dialog.set_target("Accession", "identifier")
        dialog.set_target("Korean", "title:original")
        dialog.set_target("MR", "title:transliterated:mr")
        dialog.set_target("Minutes", "running_time")
        dialog.form_default.setCurrentIndex(dialog.form_default.findData("feature"))
        dialog.import_button.click()  # checks first: the bad row stops it

        def after_check() -> None:
            seen["problems"] = [
                dialog.problems.item(i).text() for i in range(dialog.problems.count())
            ]
            seen["label"] = dialog.problems_label.text()
            seen["cell"] = dialog.table.item(2, 4).toolTip()
            seen["shot"] = shoot(dialog, "csv_import_preview")
            dialog.set_target("Minutes", "")  # leave the column out
            dialog.import_button.click()

        qtbot.waitUntil(lambda: dialog.problems.count() > 0, timeout=20000)
        after_check()

    when_modal(WorksImportDialog, choose)
    source_import.import_works_dialog(window)
    qtbot.waitUntil(lambda: bool(reports), timeout=30000)
    assert seen["suggested"] == "Production year"
    assert seen["problems"] == [
        "line 3, column 'Minutes': Running time (minutes) must be a whole number, not 'ninety'"
    ]
    assert seen["label"].startswith("1 problem(s); nothing was imported.")
    assert "whole number" in seen["cell"]
    assert reports[0][1][0].startswith("Added 3 work(s).")
    assert window.catalogue.counts()["work"] == works_before + 3
    with window.catalogue.session() as session:
        texts = set(
            session.scalars(select(Title.text).where(Title.text.in_(["불가사리", "피바다"])))
        )
    assert {"불가사리", "피바다"} <= texts
    assert window.undo_action.text() == "&Undo Import works from films.csv"
    window.undo()
    assert window.catalogue.counts()["work"] == works_before

    remembered: dict[str, str] = {}

    def look(dialog: WorksImportDialog) -> None:
        remembered.update({name: str(c.currentData()) for name, c in dialog.combos.items()})
        remembered["form"] = str(dialog.form_default.currentData())
        dialog.reject()

    when_modal(WorksImportDialog, look)
    source_import.import_works_dialog(window)
    qtbot.waitUntil(lambda: bool(remembered), timeout=20000)
    assert remembered == {
        "Accession": "identifier",
        "Production year": "production_date",
        "Korean": "title:original",
        "MR": "title:transliterated:mr",
        "Minutes": "",
        "Notes": "notes",
        "form": "feature",
    }


def test_check_lists_problems_and_the_mapping_saves_for_the_command_line(
    demo_window: MainWindow, tmp_path: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nkarchive.interchange.spreadsheet import SpreadsheetError, read_mapping

    films = tmp_path / "films.csv"
    films.write_text(FILMS, encoding="utf-8")
    choose_file(monkeypatch, films)
    saved = tmp_path / "films-mapping.json"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(saved), ""))
    )
    seen: dict[str, Any] = {}

    def check(dialog: WorksImportDialog) -> None:
        dialog.set_target("Accession", "identifier")
        dialog.set_target("Minutes", "running_time")
        dialog.check_button.click()
        qtbot.waitUntil(lambda: dialog.problems.count() > 0, timeout=20000)
        seen["problems"] = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
        dialog.save_button.click()
        seen["label"] = dialog.problems_label.text()
        dialog.reject()

    works_before = demo_window.catalogue.counts()["work"]
    when_modal(WorksImportDialog, check)
    source_import.import_works_dialog(demo_window)
    qtbot.waitUntil(lambda: "label" in seen, timeout=30000)
    # the mapping's own problems come first; rows are read once it can be used
    assert seen["problems"] == ["Form: no column gives it and no default"]
    assert (
        seen["label"]
        == "Saved the mapping to films-mapping.json (for `nkarchive import --mapping`)."
    )
    assert json.loads(saved.read_text(encoding="utf-8")) == {
        "columns": {
            "Accession": "identifier",
            "Production year": "production_date",
            "Minutes": "running_time",
            "Notes": "notes",
        },
        "defaults": {"record_status": "draft"},
    }
    with pytest.raises(SpreadsheetError, match="Form: no column gives it and no default"):
        read_mapping(saved)  # the command line refuses it as the dialog's Check did
    assert demo_window.catalogue.counts()["work"] == works_before  # Check writes nothing
