"""File menu: export a citation bundle of the searched works, import it into another catalogue;
a refused bundle lists its problems; the Backups dialog lists, makes and restores backups."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from nkarchive import ops
from nkarchive.gui import bundles
from nkarchive.gui.main_window import MainWindow
from nkarchive.interchange.records import Selection
from nkarchive.store.backup import list_backups
from nkarchive.store.catalogue import Catalogue
from tests.gui.conftest import discard_edits


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


@pytest.fixture
def reports(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, list[str]]]:
    shown: list[tuple[str, list[str]]] = []
    monkeypatch.setattr(
        bundles, "show_report", lambda _p, title, _h, lines: shown.append((title, lines))
    )
    return shown


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
