"""The main window's search box: results as you type, syntax errors beside the box, saved searches."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from nkarchive import ops
from nkarchive.gui.main_window import MainWindow
from nkarchive.search.saved import save_search
from tests.gui.conftest import commit


def listed_titles(main: MainWindow) -> list[str]:
    model = main.list_view.model()
    return [str(model.index(row, 1).data()) for row in range(model.rowCount())]


def type_query(main: MainWindow, qtbot: Any, query: str) -> None:
    main.filter_box.setFocus()
    main.filter_box.selectAll()
    if query.isascii():
        qtbot.keyClicks(main.filter_box, query)
    else:
        commit(main.filter_box, query)  # Hangul arrives from the input method, as it does for users
    qtbot.waitUntil(lambda: main.search.shown_query == query.strip() and not main.worker.busy)


@pytest.fixture
def films(window: MainWindow) -> MainWindow:
    with ops.operation(window.catalogue, "Films") as op:
        for identifier, hangul, romanized in (
            ("W1", "불가사리", "Pulgasari"),
            ("W2", "꽃파는 처녀", "Kkotp'anŭn ch'ŏnyŏ"),
        ):
            work = op.create(
                "work", {"identifier": identifier, "form": "feature", "record_status": "draft"}
            )
            op.create(
                "title",
                {
                    "work": work.uuid,
                    "text": hangul,
                    "title_type": "original",
                    "script": "Hang",
                    "language": "ko",
                },
            )
            op.create(
                "title",
                {
                    "work": work.uuid,
                    "text": romanized,
                    "title_type": "transliterated",
                    "script": "Latn",
                    "language": "ko",
                    "scheme": "mr",
                },
            )
    window.after_operation(op.result)
    return window


def test_typing_lists_the_matching_works(films: MainWindow, qtbot: Any) -> None:
    type_query(films, qtbot, "pulgasari")
    assert listed_titles(films) == ["불가사리"]
    assert "matching “pulgasari”" in films.statusBar().currentMessage()
    type_query(films, qtbot, "꽃파")  # a Hangul prefix, while typing
    assert listed_titles(films) == ["꽃파는 처녀"]


def test_a_newer_keystroke_supersedes_the_older_query(films: MainWindow, qtbot: Any) -> None:
    films.filter_box.setText("pulgasari")
    films.search.run_now()
    films.filter_box.setText("kkotp")
    films.search.run_now()  # before the first answer came back
    qtbot.waitUntil(lambda: films.search.shown_query == "kkotp" and not films.worker.busy)
    assert listed_titles(films) == ["꽃파는 처녀"]


def test_a_syntax_error_is_shown_and_the_list_kept(films: MainWindow, qtbot: Any) -> None:
    type_query(films, qtbot, "pulgasari")
    qtbot.keyClicks(films.filter_box, ' "unclosed')
    qtbot.waitUntil(lambda: films.search_bar.error.isVisible())
    assert "column 11" in films.search_bar.error.text()
    assert "quote" in films.search_bar.error.text().lower()
    assert listed_titles(films) == ["불가사리"]
    assert not films.search_bar.save_button.isEnabled()


def test_a_saved_search_runs_when_chosen(films: MainWindow, qtbot: Any) -> None:
    save_search(films.catalogue, "Monster films", "title:pulgasari")
    films.show_kind("saved_search")
    item = films.saved_list.item(0)
    assert "Monster films" in item.text()
    films.saved_list.itemClicked.emit(item)
    qtbot.waitUntil(
        lambda: (
            films.search.shown_query == "title:pulgasari"
            and films.results_panel.query == "title:pulgasari"
            and not films.worker.busy
        )
    )
    # Its hits across every kind, grouped; the works list behind them is filtered by it too.
    assert films.results_panel.isVisible()
    assert [films.results_panel.model.index(0, 0).data()] == ["Works (1)"]
    assert films.kind == "work"
    assert listed_titles(films) == ["불가사리"]


def test_save_search_saves_the_current_query(
    films: MainWindow, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nkarchive.gui import main_window

    type_query(films, qtbot, "pulgasari")
    monkeypatch.setattr(
        main_window.QInputDialog, "getText", staticmethod(lambda *a, **k: ("Pulgasari", True))
    )
    films.search_bar.save_button.click()
    films.show_kind("saved_search")
    assert films.saved_list.item(0).text().startswith("Pulgasari")
    assert films.saved_list.item(0).data(Qt.ItemDataRole.UserRole) == "pulgasari"


def test_demo_catalogue_finds_pulgasari_in_both_scripts(
    demo_window: MainWindow, qtbot: Any
) -> None:
    for query in ("pulgasari", "불가사리"):
        type_query(demo_window, qtbot, query)
        assert "불가사리" in listed_titles(demo_window)
