"""Every custom model passes Qt's model tester; lists sort and filter in SQL; layout is remembered."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from nkarchive.gui.child_table import ChildModel
from nkarchive.gui.citations import citation_model
from nkarchive.gui.list_models import LIST_SPECS, UUID_ROLE, RecordListModel
from nkarchive.gui.main_window import MainWindow
from nkarchive.gui.records import load_children, load_citations, load_record
from nkarchive.gui.work_list import WorkListModel
from nkarchive.model.dates import parse_date
from nkarchive.store.catalogue import Catalogue


@pytest.mark.parametrize("kind", sorted(LIST_SPECS))
def test_record_lists_pass_the_model_tester(
    demo_catalogue: Catalogue, qtmodeltester: Any, kind: str
) -> None:
    model = RecordListModel(demo_catalogue, LIST_SPECS[kind])
    assert model.rowCount() > 0
    qtmodeltester.check(model)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)


def test_work_list_sorts_by_year_in_sql_and_filters(demo_catalogue: Catalogue) -> None:
    model = WorkListModel(demo_catalogue)
    year = [c.header for c in LIST_SPECS["work"].columns].index("Year")
    model.sort(year, Qt.SortOrder.AscendingOrder)
    years = [model.data(model.index(r, year)) for r in range(model.rowCount())]
    known = [y for y in years if y]
    assert years[: len(known)] == known  # undated works last
    lower = [parse_date(y).lower for y in known]
    assert (
        lower == sorted(lower) and lower[0] < lower[-1]
    )  # by the date's lower bound, not its text
    model.set_filter_text("불가사리")
    assert model.rowCount() == 1
    assert model.index(0, 0).data(UUID_ROLE)


def test_child_and_citation_models_pass_the_model_tester(
    demo_catalogue: Catalogue, qtmodeltester: Any
) -> None:
    from sqlalchemy import text

    with demo_catalogue.engine.connect() as connection:
        uuid = connection.execute(
            text(
                "SELECT w.uuid FROM work w JOIN title t ON t.work_id = w.id "
                "JOIN citation c ON c.title_id = t.id LIMIT 1"
            )
        ).scalar()
        record = load_record(connection, "work", uuid)
        children = load_children(connection, "work", record["id"])
        citations = load_citations(connection, "work", record["id"], children)
    titles = ChildModel(
        "title",
        ["text", "title_type", "language", "script", "scheme", "preferred"],
        fixed=("work",),
    )
    titles.load(children["title"])
    qtmodeltester.check(titles)
    titles.add_row({"text": "New title"})
    titles.move_row(len(titles.rows) - 1, -1)
    qtmodeltester.check(titles)
    cited = citation_model()
    cited.load(citations)
    assert cited.rowCount() > 0
    qtmodeltester.check(cited)


def test_layout_and_last_catalogue_are_remembered(
    catalogue: Catalogue, app: Any, qtbot: Any
) -> None:
    from nkarchive.gui import settings

    first = MainWindow(catalogue)
    first.show()
    first.resize(700, 500)  # within the offscreen screen, which clamps bigger windows
    first.list_view.setColumnWidth(1, 321)
    first.splitter.setSizes([150, 250, 300])
    sizes = first.splitter.sizes()
    first.close()
    assert settings.last_catalogue() == str(catalogue.path)
    assert settings.recent_catalogues()[0] == str(catalogue.path)
    second = MainWindow(catalogue)
    second.show()
    assert (second.width(), second.height()) == (700, 500)
    assert second.list_view.columnWidth(1) == 321
    assert second.splitter.sizes() == sizes
    second.close()
