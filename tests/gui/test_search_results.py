"""Search results across kinds in the main window: grouped, counted, the matched field shown,
more hits a page at a time, a hit opened in its editor, the keyboard from the box into them."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import text

from nkarchive import ops
from nkarchive.gui.main_window import MainWindow
from nkarchive.gui.search_results import (
    COUNT_ROLE,
    DETAIL_ROLE,
    FIELD_ROLE,
    GROUPS,
    PAGE,
    ROW_TYPE_ROLE,
    SNIPPET_ROLE,
    UUID_ROLE,
    SearchResultsModel,
    marked_spans,
    query_terms,
)
from nkarchive.search import search
from tests.gui.conftest import commit, press
from tests.gui.test_gui_screenshots import shoot


def type_query(main: MainWindow, qtbot: Any, query: str) -> None:
    """Type as a user does (Latin key by key, Hangul committed by the input method) and wait
    until the results and the list show it."""
    main.filter_box.setFocus()
    main.filter_box.selectAll()
    if query.isascii():
        qtbot.keyClicks(main.filter_box, query)
    else:
        commit(main.filter_box, query)
    qtbot.waitUntil(
        lambda: (
            main.results_panel.query == query.strip()
            and main.search.shown_query == query.strip()
            and not main.worker.busy
        )
    )


def groups(main: MainWindow) -> dict[str, list[QModelIndex]]:
    """Each group's heading text → the indexes of the rows under it, as the tree shows them."""
    model = main.results_panel.model
    shown: dict[str, list[QModelIndex]] = {}
    for row in range(model.rowCount()):
        heading = model.index(row, 0)
        shown[str(heading.data())] = [
            model.index(child, 0, heading) for child in range(model.rowCount(heading))
        ]
    return shown


def hits_of(main: MainWindow, kind: str) -> list[QModelIndex]:
    model = main.results_panel.model
    for row in range(model.rowCount()):
        heading = model.index(row, 0)
        if model.group_at(heading).kind == kind:  # type: ignore[union-attr]
            return [
                model.index(child, 0, heading)
                for child in range(model.rowCount(heading))
                if model.index(child, 0, heading).data(ROW_TYPE_ROLE) == "hit"
            ]
    return []


def navigator_counts(main: MainWindow) -> dict[str, Any]:
    return {
        main.navigator.item(row).text(): main.navigator.item(row).data(COUNT_ROLE)
        for row in range(main.navigator.count())
    }


def test_typing_shows_every_kind_grouped_with_the_engines_counts(
    demo_window: MainWindow, qtbot: Any
) -> None:
    type_query(demo_window, qtbot, "kim")
    assert demo_window.results_panel.isVisible()
    assert not demo_window.list_view.isVisible()
    expected = search(demo_window.catalogue, "kim", while_typing=True).total_by_kind
    assert sum(expected.values()) > 0
    shown = groups(demo_window)
    for kind, (heading, _one, _many) in GROUPS.items():
        if expected[kind]:
            assert f"{heading} ({expected[kind]:,})" in shown
        else:
            assert not any(name.startswith(heading) for name in shown)
    # Best first inside each group, the engine's order.
    engine = search(demo_window.catalogue, "kim", while_typing=True)
    for kind in GROUPS:
        assert [i.data(UUID_ROLE) for i in hits_of(demo_window, kind)] == [
            hit.uuid for hit in engine.hits_by_kind[kind]
        ]
    counts = navigator_counts(demo_window)
    assert counts["Works"] == expected["work"]
    assert counts["People and organisations"] == expected["agent"]
    assert counts["Sources"] == expected["source"]
    assert counts["Events"] == expected["event"]
    assert counts["Search results"] == sum(expected.values())
    header = demo_window.results_panel.counts.text()
    assert f"Works</a>&nbsp;<b>{expected['work']:,}</b>" in header
    assert "records matching “kim”" in demo_window.statusBar().currentMessage()


@pytest.mark.parametrize("query", ["피바다", "P'ibada", "pibada", "Sea of Blood"])
def test_hangul_and_romanized_queries_find_sea_of_blood(
    demo_window: MainWindow, qtbot: Any, query: str
) -> None:
    type_query(demo_window, qtbot, query)
    works = hits_of(demo_window, "work")
    assert [hit.data() for hit in works][:1] == ["피바다"]
    assert works[0].data(FIELD_ROLE) == "title"


def test_the_matched_field_and_value_are_shown(demo_window: MainWindow, qtbot: Any) -> None:
    type_query(demo_window, qtbot, "sea of blood")
    work = hits_of(demo_window, "work")[0]
    assert work.data() == "피바다"
    assert (work.data(FIELD_ROLE), work.data(SNIPPET_ROLE)) == ("title", "Sea of Blood")
    assert "title: Sea of Blood" in work.data(Qt.ItemDataRole.ToolTipRole)
    # The match is marked where it is, whatever the case.
    model = demo_window.results_panel.model
    snippet = work.data(SNIPPET_ROLE)
    assert [snippet[a:b] for a, b in marked_spans(snippet, model.terms)] == ["Sea", "Blood"]
    # Beside the name, what tells it from another work of that name: its year and number.
    with demo_window.catalogue.engine.connect() as connection:
        year, number = connection.execute(
            text("SELECT production_date, identifier FROM work WHERE uuid = :u"),
            {"u": work.data(UUID_ROLE)},
        ).one()
    assert work.data(DETAIL_ROLE) == f"{year} · {number}"
    person = hits_of(demo_window, "agent")[0]
    assert person.data(DETAIL_ROLE).endswith("Person")


def test_marks_ignore_case_diacritics_and_apostrophes() -> None:
    assert marked_spans("P'ibada", query_terms("pibada")) == [(0, 7)]
    assert marked_spans("Kkotp'anŭn ch'ŏnyŏ", query_terms("chonyo")) == [(11, 18)]
    assert marked_spans("피바다 (1969)", query_terms("피바")) == [(0, 2)]
    # Latin words from the start of a word only, Hangul anywhere in a compound.
    assert marked_spans("The Mother", query_terms("the")) == [(0, 3)]
    assert marked_spans("Kim Il-sung", query_terms("sung")) == [(7, 11)]
    # A romanized word marks the Hangul it spells, in any scheme.
    assert marked_spans("Sea of Blood (피바다)", query_terms("pibada")) == [(14, 17)]
    assert marked_spans("피바다", query_terms("p'ibada")) == [(0, 3)]
    assert marked_spans("불가사리 (1985)", query_terms("pul")) == [(0, 1)]
    assert marked_spans("꽃파는 처녀", query_terms("파는")) == [(1, 3)]
    # Excluded words, keywords and codes are not marked.
    assert query_terms('title:"sea of blood" -flower or has:citation year:1969') == [
        "sea of blood",
        "1969",
    ]


def test_down_from_the_box_and_enter_open_the_hit_in_its_editor(
    demo_window: MainWindow, qtbot: Any
) -> None:
    type_query(demo_window, qtbot, "kim")
    press(qtbot, Qt.Key.Key_Down)  # from the search box into the results
    view = demo_window.results_panel.view
    assert QApplication.focusWidget() is view
    first = hits_of(demo_window, "work")[0]
    assert view.currentIndex() == first
    editor = demo_window.current_editor()
    assert editor is not None and (editor.KIND, editor.uuid) == ("work", first.data(UUID_ROLE))
    # Further down, into the people: Enter opens the person in the person editor.
    person = hits_of(demo_window, "agent")[0]
    view.setCurrentIndex(person)
    press(qtbot, Qt.Key.Key_Return)
    editor = demo_window.current_editor()
    assert editor is not None
    assert (editor.KIND, editor.uuid) == ("agent", person.data(UUID_ROLE))
    assert editor.heading() == person.data()
    assert editor.isAncestorOf(QApplication.focusWidget())
    assert demo_window.results_panel.isVisible()  # the results stay for the next hit


def test_up_from_the_first_row_or_escape_goes_back_to_the_box(
    demo_window: MainWindow, qtbot: Any
) -> None:
    type_query(demo_window, qtbot, "pulgasari")
    view = demo_window.results_panel.view
    view.setFocus()
    view.setCurrentIndex(demo_window.results_panel.model.index(0, 0))
    press(qtbot, Qt.Key.Key_Up)
    assert QApplication.focusWidget() is demo_window.filter_box
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is view
    press(qtbot, Qt.Key.Key_Escape)  # from anywhere in the results
    assert QApplication.focusWidget() is demo_window.filter_box


def test_double_click_opens_an_event(demo_window: MainWindow, qtbot: Any) -> None:
    type_query(demo_window, qtbot, "karlovy")
    event = hits_of(demo_window, "event")[0]
    view = demo_window.results_panel.view
    view.scrollTo(event)
    rect = view.visualRect(event)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = demo_window.current_editor()
    assert editor is not None
    assert (editor.KIND, editor.uuid) == ("event", event.data(UUID_ROLE))


def test_a_group_heading_lists_all_its_kind_filtered(demo_window: MainWindow, qtbot: Any) -> None:
    type_query(demo_window, qtbot, "kim")
    model = demo_window.results_panel.model
    view = demo_window.results_panel.view
    heading = next(
        model.index(row, 0)
        for row in range(model.rowCount())
        if model.index(row, 0).data().startswith("Sources")
    )
    view.setFocus()
    view.setCurrentIndex(heading)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: demo_window.search.shown_query == "kim" and not demo_window.worker.busy)
    assert demo_window.kind == "source"
    assert demo_window.list_view.isVisible() and not demo_window.results_panel.isVisible()
    assert demo_window.list_view.model().rowCount() == heading.data(COUNT_ROLE)
    # The navigator still counts, and takes the user back to the grouped results.
    assert navigator_counts(demo_window)["Sources"] == heading.data(COUNT_ROLE)
    demo_window.show_kind("results")
    assert demo_window.results_panel.isVisible()
    assert demo_window.results_panel.query == "kim"


def test_refining_the_query_in_a_chosen_list_keeps_the_list(
    demo_window: MainWindow, qtbot: Any
) -> None:
    type_query(demo_window, qtbot, "kim")
    demo_window.navigator.setCurrentRow(1)  # Works, from the grouped results
    qtbot.waitUntil(lambda: not demo_window.worker.busy)
    assert demo_window.kind == "work" and demo_window.list_view.isVisible()
    demo_window.filter_box.setFocus()
    demo_window.filter_box.end(False)
    qtbot.keyClicks(demo_window.filter_box, " kil")
    qtbot.waitUntil(
        lambda: demo_window.search.shown_query == "kim kil" and not demo_window.worker.busy
    )
    assert demo_window.list_view.isVisible() and not demo_window.results_panel.isVisible()
    expected = search(demo_window.catalogue, "kim kil", while_typing=True).total_by_kind
    assert demo_window.list_view.model().rowCount() == expected["work"]
    assert navigator_counts(demo_window)["Works"] == expected["work"]


def test_clearing_the_query_returns_to_the_lists(demo_window: MainWindow, qtbot: Any) -> None:
    all_works = demo_window.list_view.model().rowCount()
    type_query(demo_window, qtbot, "pulgasari")
    assert demo_window.results_panel.isVisible()
    press(qtbot, Qt.Key.Key_Down)  # onto the best hit, which opens in its editor
    opened = hits_of(demo_window, "work")[0].data(UUID_ROLE)
    demo_window.filter_box.setFocus()
    demo_window.filter_box.selectAll()
    press(qtbot, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: demo_window.search.shown_query == "" and not demo_window.worker.busy)
    assert not demo_window.results_panel.isVisible()
    assert demo_window.list_view.isVisible()
    assert demo_window.list_view.model().rowCount() == all_works
    assert all(count is None for count in navigator_counts(demo_window).values())
    # The record opened from the results stays open, and is the one selected in the list.
    editor = demo_window.current_editor()
    assert editor is not None and editor.uuid == opened
    row = demo_window.list_view.currentIndex().row()
    assert demo_window.model_for("work").uuid_at(row) == opened
    assert demo_window.navigator.item(0).isHidden()  # no "Search results" without a query
    assert demo_window.statusBar().currentMessage().startswith(f"{all_works:,} works")


def test_a_newer_query_supersedes_the_older(demo_window: MainWindow, qtbot: Any) -> None:
    demo_window.show_kind("results")
    demo_window.filter_box.setText("kim")
    demo_window.search.run_now()
    demo_window.filter_box.setText("피바다")
    demo_window.search.run_now()  # before the first answer came back
    qtbot.waitUntil(lambda: not demo_window.worker.busy)
    QApplication.processEvents()
    assert demo_window.results_panel.query == "피바다"
    assert [hit.data() for hit in hits_of(demo_window, "work")] == ["피바다"]
    assert navigator_counts(demo_window)["Works"] == 1


def test_a_syntax_error_is_shown_and_the_results_kept(demo_window: MainWindow, qtbot: Any) -> None:
    type_query(demo_window, qtbot, "pulgasari")
    before = groups(demo_window).keys()
    qtbot.keyClicks(demo_window.filter_box, " (year:1985")
    qtbot.waitUntil(lambda: demo_window.search_bar.error.isVisible())
    message = demo_window.search_bar.error.text()
    assert "unclosed parenthesis" in message and "(column 11)" in message
    assert demo_window.results_panel.query == "pulgasari"
    assert groups(demo_window).keys() == before


@pytest.fixture
def many_films(window: MainWindow) -> MainWindow:
    """130 works titled with "Harbour", and two people, on an empty catalogue."""
    with ops.operation(window.catalogue, "Films") as op:
        for number in range(130):
            work = op.create(
                "work",
                {"identifier": f"H{number:03}", "form": "feature", "record_status": "draft"},
            )
            op.create(
                "title",
                {
                    "work": work.uuid,
                    "text": f"Harbour Song {number}",
                    "title_type": "original",
                    "script": "Latn",
                    "language": "en",
                },
            )
        for name in ("Ri Harbour", "Pak Harbourside"):
            agent = op.create("agent", {"agent_type": "person"})
            op.create(
                "agent_name",
                {"agent": agent.uuid, "name": name, "name_type": "preferred", "script": "Latn"},
            )
    window.after_operation(op.result)
    return window


def test_more_hits_are_read_a_page_at_a_time(many_films: MainWindow, qtbot: Any) -> None:
    type_query(many_films, qtbot, "harbour")
    shown = groups(many_films)
    works = shown["Works (130)"]
    assert len(works) == PAGE + 1
    more = works[-1]
    assert more.data(ROW_TYPE_ROLE) == "more"
    assert more.data() == "Show 50 more works (80 not shown yet)"
    assert len(shown["People & organisations (2)"]) == 2  # no "more" row when all are shown
    view = many_films.results_panel.view
    view.scrollTo(more)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(more).center())
    qtbot.waitUntil(
        lambda: len(hits_of(many_films, "work")) == 2 * PAGE and not many_films.worker.busy
    )
    more = groups(many_films)["Works (130)"][-1]
    assert more.data() == "Show 30 more works (30 not shown yet)"
    view.setFocus()
    view.setCurrentIndex(more)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(hits_of(many_films, "work")) == 130 and not many_films.worker.busy)
    rows = groups(many_films)["Works (130)"]
    assert all(row.data(ROW_TYPE_ROLE) == "hit" for row in rows)  # the "more" row is gone
    titles = [row.data() for row in rows]
    assert sorted(titles) == sorted(f"Harbour Song {n}" for n in range(130))


def test_a_saved_change_shows_in_the_results(many_films: MainWindow, qtbot: Any) -> None:
    type_query(many_films, qtbot, "harbour")
    hit = hits_of(many_films, "agent")[0]
    uuid, name = hit.data(UUID_ROLE), hit.data()
    with ops.operation(many_films.catalogue, "Delete") as op:
        op.delete("agent", uuid)
    many_films.after_operation(op.result)
    qtbot.waitUntil(lambda: not many_films.worker.busy)
    QApplication.processEvents()
    names = [row.data() for row in hits_of(many_films, "agent")]
    assert name not in names and len(names) == 1
    assert navigator_counts(many_films)["People and organisations"] == 1


def test_nothing_found_says_so(demo_window: MainWindow, qtbot: Any) -> None:
    type_query(demo_window, qtbot, "zzxqv")
    assert demo_window.results_panel.empty.isVisible()
    assert demo_window.results_panel.empty.text() == "Nothing matches “zzxqv”."
    assert "0 records matching “zzxqv”" in demo_window.statusBar().currentMessage()


def test_the_results_model_is_a_sound_qt_model(demo_catalogue: Any, qtmodeltester: Any) -> None:
    model = SearchResultsModel()
    model.show_result(search(demo_catalogue, "kim", while_typing=True))
    qtmodeltester.check(model)


def test_screenshot_of_the_grouped_results(
    demo_window: MainWindow, qtbot: Any, capsys: Any
) -> None:
    type_query(demo_window, qtbot, "kim")
    press(qtbot, Qt.Key.Key_Down)
    path = shoot(demo_window, "search_results")
    with capsys.disabled():
        print(f"\nthe grouped search results: {path}")


def test_a_year_range_beside_words_lists_what_search_counts(
    demo_window: MainWindow, qtbot: Any, capsys: Any
) -> None:
    query = "pyongyang year:1970..1979"
    expected = search(demo_window.catalogue, query).total_by_kind
    assert expected["event"] > 0
    type_query(demo_window, qtbot, query)
    message = demo_window.statusBar().currentMessage()
    assert f"{sum(expected.values())} records matching “{query}”" in message
    path = shoot(demo_window, "search_results_year")
    with capsys.disabled():
        print(f"\nwords and a year range: {path}")
