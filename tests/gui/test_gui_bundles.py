"""File menu: export a citation bundle of the searched works, import it into another catalogue
(conflicts side by side, each resolved as chosen, Cancel imports nothing);
a refused bundle lists its problems; the Backups dialog lists, makes and restores backups."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from sqlalchemy import select

from nkarchive import ops
from nkarchive.gui import bundles
from nkarchive.gui.main_window import MainWindow
from nkarchive.interchange.bundle import export_bundle
from nkarchive.interchange.records import Selection
from nkarchive.model import Citation, Work
from nkarchive.store.backup import list_backups
from nkarchive.store.catalogue import Catalogue
from tests.conftest import copy_catalogue
from tests.gui.conftest import discard_edits, when_modal


def listed(main: MainWindow, column: int = 0) -> list[str]:
    model = main.list_view.model()
    return [str(model.index(row, column).data()) for row in range(model.rowCount())]


def add_work(catalogue: Catalogue, identifier: str, title: str) -> None:
    with ops.operation(catalogue, "Add") as op:
        work = op.create(
            "work", {"identifier": identifier, "form": "feature", "record_status": "draft"}
        )
        op.create(
            "title",
            {
                "work": work.uuid,
                "text": title,
                "title_type": "original",
                "script": "Latn",
                "language": "ko",
            },
        )


def test_export_the_searched_works_then_import_them_elsewhere(
    app: QApplication,
    window: MainWindow,
    catalogue: Catalogue,
    tmp_path: Path,
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    reports: list[tuple[str, list[str]]],
) -> None:
    add_work(catalogue, "W1", "Pulgasari")
    add_work(catalogue, "W2", "Sea of Blood")
    window.refresh_all()
    window.filter_box.setText("pulgasari")
    window.search.run_now()
    qtbot.waitUntil(lambda: window.search.shown_query == "pulgasari" and not window.worker.busy)
    out = tmp_path / "pulgasari.zip"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), ""))
    )
    bundles.export_bundle_dialog(window)
    qtbot.waitUntil(lambda: not window.worker.busy, timeout=20000)
    assert out.is_file()
    assert "Wrote" in window.statusBar().currentMessage()

    other = Catalogue.create(tmp_path / "other.nkcat")
    second = MainWindow(other)
    second.show()
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(out), ""))
    )
    bundles.import_bundle_dialog(second)
    qtbot.waitUntil(lambda: bool(reports), timeout=20000)
    title, lines = reports[0]
    assert title == "Import finished"
    assert lines[0].startswith("Added: 1 work")
    assert listed(second) == ["W1"]  # the searched work only
    discard_edits(second)
    other.close()


def test_a_damaged_bundle_is_refused_with_its_problems(
    app: QApplication,
    window: MainWindow,
    catalogue: Catalogue,
    tmp_path: Path,
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    reports: list[tuple[str, list[str]]],
) -> None:
    add_work(catalogue, "W1", "Pulgasari")
    out = tmp_path / "all.zip"
    bundles.export_work(catalogue, Selection(everything=True), out, None)(_NoProgress())
    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(out) as source, zipfile.ZipFile(tampered, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.endswith("data/sources.ris") or info.filename.endswith("records.json"):
                data = data.replace(b"W1", b"W9", 1)
            target.writestr(info, data)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(tampered), ""))
    )
    bundles.import_bundle_dialog(window)
    qtbot.waitUntil(lambda: bool(reports), timeout=20000)
    title, problems = reports[0]
    assert title == "Bundle refused"
    assert any("records.json" in p for p in problems)


LONG_EXCERPT = (
    "조선예술영화촬영소에서 새로 만든 예술영화는 인민들의 커다란 관심 속에 상영되고 있다. "
    "영화는 1940년대 후반 농촌을 배경으로 한다."
)


def colleagues_bundle(demo_template: Path, tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A colleague's copy of the demo catalogue with a work and a claim edited and a work
    added, exported whole; returns the bundle and the UUIDs concerned."""
    other = Catalogue.open(copy_catalogue(demo_template, tmp_path / "colleague.nkcat"))
    with other.session() as session:
        work = session.scalars(select(Work).where(Work.identifier == "NKA-0001")).one().uuid
        claim = session.scalars(select(Citation).order_by(Citation.id).limit(1)).one().uuid
    ops.update(other, "work", work, {"production_date": "1950"})
    ops.update(other, "citation", claim, {"excerpt": LONG_EXCERPT, "locator": "12"})
    add_work(other, "NKA-9001", "Brand-new film")
    out = tmp_path / "colleague.zip"
    export_bundle(other, Selection(everything=True), out)
    other.close()
    return out, {"work": work, "claim": claim}


def test_conflicts_are_shown_side_by_side_and_resolved_record_by_record(
    app: QApplication,
    demo_window: MainWindow,
    demo_catalogue: Catalogue,
    demo_template: Path,
    tmp_path: Path,
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    reports: list[tuple[str, list[str]]],
) -> None:
    bundle, uuids = colleagues_bundle(demo_template, tmp_path)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(bundle), ""))
    )
    seen: dict[str, Any] = {}

    def choose(dialog: bundles.ConflictsDialog) -> None:
        rows = {c.uuid: row for row, c in enumerate(dialog.conflicts)}
        seen["listed"] = sorted(
            (dialog.list.item(r, 0).text(), dialog.list.item(r, 1).text())
            for r in range(dialog.list.rowCount())
        )
        dialog.list.selectRow(rows[uuids["work"]])
        table = dialog.comparison
        cells = {
            table.item(r, 0).text(): (table.item(r, 1).text(), table.item(r, 2).text())
            for r in range(table.rowCount())
        }
        seen["work"] = cells
        seen["highlighted"] = [
            table.item(r, 0).text()
            for r in range(table.rowCount())
            if table.item(r, 1).background().color() == bundles.DIFFERENT
        ]
        dialog.choice_buttons["theirs"].click()
        dialog.list.selectRow(rows[uuids["claim"]])
        seen["excerpt"] = next(
            (table.item(r, 1).text(), table.item(r, 2).text())
            for r in range(table.rowCount())
            if table.item(r, 0).text() == "Excerpt"
        )
        seen["both enabled"] = dialog.choice_buttons["both"].isEnabled()
        dialog.choice_buttons["keep"].click()
        seen["choices"] = [dialog.list.item(r, 2).text() for r in range(dialog.list.rowCount())]
        assert not dialog.grab().isNull()
        dialog.import_button.click()

    when_modal(bundles.ConflictsDialog, choose, timeout_ms=30000)
    bundles.import_bundle_dialog(demo_window)
    qtbot.waitUntil(lambda: bool(reports), timeout=30000)

    assert seen["listed"] == [("citation", "조선예술영화촬영소"), ("work", "내 고향 (NKA-0001)")]
    assert seen["work"]["Production year"] == ("1949", "1950")
    assert seen["work"]["Countries"] == ("KP", "KP")
    assert seen["work"]["Identifier"] == ("NKA-0001", "NKA-0001")
    assert seen["work"]["Form"] == ("Feature film", "Feature film")  # words, not codes
    assert seen["highlighted"] == ["Production year"]
    assert seen["excerpt"] == ("", LONG_EXCERPT)
    assert seen["both enabled"]
    assert sorted(seen["choices"]) == ["Keep ours", "Take theirs"]
    title, lines = reports[0]
    assert title == "Import finished"
    assert "In conflict: 2 (1 replaced by theirs, 1 kept ours)." in lines
    assert lines[0].startswith("Added: 1 work, 1 title")
    with demo_catalogue.session() as session:
        work = session.scalars(select(Work).where(Work.uuid == uuids["work"])).one()
        claim = session.scalars(select(Citation).where(Citation.uuid == uuids["claim"])).one()
        new_work = session.scalars(select(Work).where(Work.identifier == "NKA-9001")).one_or_none()
    assert work.production_date == "1950"
    assert claim.excerpt is None and claim.locator is None
    assert new_work is not None
    assert demo_catalogue.undo_stack.undo_label == "Import colleague.zip"


def test_cancelling_the_conflicts_imports_nothing(
    app: QApplication,
    demo_window: MainWindow,
    demo_catalogue: Catalogue,
    demo_template: Path,
    tmp_path: Path,
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    reports: list[tuple[str, list[str]]],
) -> None:
    bundle, _uuids = colleagues_bundle(demo_template, tmp_path)
    before = demo_catalogue.counts()
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(bundle), ""))
    )

    def cancel(dialog: bundles.ConflictsDialog) -> None:
        dialog.apply_to_all("theirs")
        dialog.reject()

    when_modal(bundles.ConflictsDialog, cancel, timeout_ms=30000)
    bundles.import_bundle_dialog(demo_window)
    qtbot.waitUntil(
        lambda: "nothing was imported" in demo_window.statusBar().currentMessage(), timeout=30000
    )
    assert demo_catalogue.counts() == before
    assert not reports
    assert demo_catalogue.undo_stack.undo_label is None


def test_apply_to_all_keeps_both_only_where_a_claim_can_stand_twice(
    app: QApplication, demo_catalogue: Catalogue, demo_template: Path, tmp_path: Path
) -> None:
    from nkarchive.interchange.importer import prepare_import

    bundle, uuids = colleagues_bundle(demo_template, tmp_path)
    with prepare_import(demo_catalogue, bundle) as prepared:
        dialog = bundles.ConflictsDialog(None, prepared.conflicts, bundle.name, prepared.names())
        dialog.apply_to_all("both")
        assert dialog.resolutions() == {uuids["work"]: "keep", uuids["claim"]: "both"}
        dialog.deleteLater()


def test_backups_dialog_backs_up_and_restores(
    app: QApplication, catalogue: Catalogue, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(catalogue)
    window.show()
    path = catalogue.path
    add_work(catalogue, "BEFORE", "Pulgasari")
    dialog = bundles.BackupsDialog(window)
    before = dialog.list.count()
    dialog.back_up_now()
    qtbot.waitUntil(lambda: dialog.list.count() == before + 1)
    assert "manual" in dialog.list.item(0).text()
    add_work(catalogue, "AFTER", "Sea of Blood")
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    dialog.restore()
    qtbot.waitUntil(lambda: window.catalogue is not catalogue and not window.worker.busy)
    window.show_kind("work")
    assert listed(window) == ["BEFORE"]
    assert any(info.reason == "manual" for info in list_backups(path))
    restored = window.catalogue
    discard_edits(window)
    restored.close()


class _NoProgress:
    cancelled = False

    def report(self, done: int, total: int, text: str = "") -> None:
        pass
