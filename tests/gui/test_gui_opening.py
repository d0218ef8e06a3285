"""Opening large catalogues fast: the quick check runs after the window shows, damage offers the
newest good backup, and a risky folder gets a warning bar."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from nkarchive import ops
from nkarchive.gui.main_window import MainWindow
from nkarchive.store.backup import make_backup
from nkarchive.store.catalogue import Catalogue
from nkarchive.store.errors import CatalogueDamaged
from tests.gui.conftest import discard_edits


@pytest.fixture
def opened_unchecked(catalogue: Catalogue) -> Iterator[Catalogue]:
    """The test catalogue as the app opens it: without SQLite's quick check."""
    path = catalogue.path
    catalogue.close()
    unchecked = Catalogue.open(path, verify=False)
    yield unchecked
    unchecked.close()


def open_window(catalogue: Catalogue, qtbot: Any) -> MainWindow:
    main = MainWindow(catalogue)
    main.show()
    qtbot.waitExposed(main)
    return main


def test_the_check_runs_after_the_window_shows(
    app: QApplication, opened_unchecked: Catalogue, qtbot: Any
) -> None:
    assert not opened_unchecked.verified
    main = open_window(opened_unchecked, qtbot)
    qtbot.waitUntil(lambda: opened_unchecked.verified)
    discard_edits(main)


def test_damage_offers_the_newest_good_backup(
    app: QApplication, opened_unchecked: Catalogue, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = opened_unchecked.path
    ops.create(
        opened_unchecked,
        "work",
        {"identifier": "BEFORE", "form": "feature", "record_status": "draft"},
    )
    make_backup(path, "manual")
    ops.create(
        opened_unchecked,
        "work",
        {"identifier": "AFTER", "form": "feature", "record_status": "draft"},
    )
    damaged = [True]

    def verify(self: Catalogue) -> None:
        if damaged.pop() if damaged else False:
            raise CatalogueDamaged(self.path, "is damaged: page 7 is not a b-tree page")
        self.verified = True

    asked: list[str] = []

    def question(_parent: Any, _title: str, text: str, *_a: Any, **_k: Any) -> Any:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(Catalogue, "verify", verify)
    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    main = open_window(opened_unchecked, qtbot)
    qtbot.waitUntil(lambda: main.catalogue is not opened_unchecked and not main.worker.busy)
    assert "page 7 is not a b-tree page" in asked[0]
    assert "Restore the newest good backup" in asked[0]
    restored = main.catalogue
    assert restored.path == path
    identifiers = [
        main.list_view.model().index(r, 0).data() for r in range(main.list_view.model().rowCount())
    ]
    assert identifiers == ["BEFORE"]
    assert "Restored the backup" in main.statusBar().currentMessage()
    discard_edits(main)
    restored.close()


def test_a_risky_folder_gets_a_warning_bar(
    app: QApplication, opened_unchecked: Catalogue, qtbot: Any
) -> None:
    opened_unchecked.storage_warning = (
        "This catalogue is inside a Dropbox folder; sync can damage it."
    )
    main = open_window(opened_unchecked, qtbot)
    assert main.warning_bar.isVisible()
    assert "Dropbox" in main.warning_bar.text()
    qtbot.waitUntil(lambda: opened_unchecked.verified)
    discard_edits(main)


def test_no_warning_bar_in_a_plain_folder(window: MainWindow) -> None:
    assert not window.warning_bar.isVisible()


def test_the_timeline_reloads_after_an_edit_to_events(
    window: MainWindow, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.timeline_dock.show()
    panel = window.timeline_dock.widget()
    panel.wait_until_loaded()
    reloads: list[bool] = []
    original = panel.reload
    monkeypatch.setattr(panel, "reload", lambda **kw: (reloads.append(True), original(**kw)))
    with ops.operation(window.catalogue, "New screening") as op:
        work = op.create("work", {"form": "feature", "record_status": "draft"})
        op.create("event", {"work": work.uuid, "event_type": "screening", "date": "1985-07-02"})
    window.after_operation(op.result)
    assert reloads
    panel.wait_until_loaded()
    assert panel.message.text().startswith("1 events")
    reloads.clear()
    window.after_operation(
        ops.create(window.catalogue, "source", {"source_type": "book", "title": "Korean Film Art"})
    )
    assert not reloads  # a new source alone changes nothing on the timeline
