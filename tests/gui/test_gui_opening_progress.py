"""A long open (an upgrade, the check after a crash) shows a window, never a silent wait."""

from __future__ import annotations

import time
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog

from nkarchive.gui.app import opening_shown
from nkarchive.store.errors import CatalogueError


def _progress_windows() -> list[QProgressDialog]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QProgressDialog) and w.objectName() == "opening_progress" and w.isVisible()
    ]


def test_a_slow_open_says_what_is_happening_and_returns_the_catalogue(app: Any) -> None:
    seen: list[str] = []
    QTimer.singleShot(600, lambda: seen.extend(w.labelText() for w in _progress_windows()))

    def slow() -> str:
        time.sleep(1.2)
        return "the catalogue"

    assert opening_shown(slow, patience_ms=200) == "the catalogue"
    assert seen and "upgraded" in seen[0] and "backup" in seen[0]
    QApplication.processEvents()
    assert not _progress_windows()  # gone once the catalogue is open


def test_a_quick_open_shows_nothing(app: Any) -> None:
    seen: list[int] = []
    QTimer.singleShot(0, lambda: seen.append(len(_progress_windows())))
    assert opening_shown(lambda: 42, patience_ms=400) == 42
    QApplication.processEvents()
    assert seen in ([], [0]) and not _progress_windows()


def test_what_went_wrong_reaches_the_caller(app: Any, tmp_path: Any) -> None:
    def refused() -> None:
        time.sleep(0.3)
        raise CatalogueError(tmp_path / "x.nkcat", "is not an nkarchive catalogue")

    with pytest.raises(CatalogueError, match="not an nkarchive catalogue"):
        opening_shown(refused, patience_ms=100)
    assert not _progress_windows()
