"""`nkarchive search` and `nkarchive reindex` as a batch user runs them."""

from __future__ import annotations

import json

import pytest

from nkarchive.cli import main
from nkarchive.store.catalogue import Catalogue
from tests.search.search_films import add_films


@pytest.fixture
def path(catalogue: Catalogue) -> str:
    add_films(catalogue)
    catalogue.close()
    return str(catalogue.path)


def test_json_has_totals_per_kind_and_hits_best_first(
    path: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "--catalogue", path, "--json", "Pulgasari"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["total"] == {"works": 1, "agents": 0, "events": 0, "sources": 1}
    first = document["hits"][0]
    assert (first["kind"], first["label"], first["matched_field"]) == ("work", "불가사리", "title")
    assert set(first) >= {"kind", "uuid", "label", "score", "matched_field"}
    scores = [hit["score"] for hit in document["hits"]]
    assert scores == sorted(scores, reverse=True)


def test_kind_and_limit(path: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(
            [
                "search",
                "--catalogue",
                path,
                "--json",
                "--kind",
                "works",
                "--limit",
                "2",
                "studio:korean",
            ]
        )
        == 0
    )
    document = json.loads(capsys.readouterr().out)
    assert document["total"] == {"works": 3}
    assert len(document["hits"]) == 2


def test_text_output(path: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "--catalogue", path, "Kkotpanun chonyo"]) == 0
    out = capsys.readouterr().out
    assert "Found 1 work, 0 agents, 0 events, 0 sources." in out
    assert "꽃파는 처녀  [title: Kkotp'anŭn ch'ŏnyŏ]" in out


def test_a_syntax_error_exits_2_and_points_at_the_column(
    path: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "--catalogue", path, "year:abc pulgasari"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "year:abc" in captured.err and "column 6" in captured.err
    assert "\n       ^" in captured.err


def test_reindex(path: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["reindex", "--catalogue", path]) == 0
    assert "Rebuilt the search index" in capsys.readouterr().out
    assert main(["check", "--catalogue", path]) == 0
    assert "ok   search index" in capsys.readouterr().out
