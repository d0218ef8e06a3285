"""The demo catalogue: real films built through the operation layer, sound and well cited."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from nkarchive.interchange.demo import DemoDataError, build_demo
from nkarchive.model import Citation, Title, Work
from nkarchive.store.catalogue import Catalogue
from nkarchive.store.check import check_catalogue


def test_demo_holds_the_films_their_events_sources_and_citations(demo_catalogue: Catalogue) -> None:
    counts = demo_catalogue.counts()
    assert counts["work"] >= 46
    assert counts["event"] >= 60
    assert counts["source"] >= 40
    assert counts["citation"] >= 100
    assert check_catalogue(demo_catalogue).ok


def test_demo_titles_are_in_hangul_and_mccune_reischauer(demo_catalogue: Catalogue) -> None:
    with demo_catalogue.session() as session:
        flower_girl = session.scalars(select(Work).join(Title).where(Title.text == "꽃파는 처녀")).one()
        forms = {(t.script, t.scheme, t.text) for t in flower_girl.titles}
        assert ("Hang", None, "꽃파는 처녀") in forms
        assert ("Latn", "mr", "Kkotp'anŭn ch'ŏnyŏ") in forms
        assert any(text == "The Flower Girl" for _, _, text in forms)
        assert flower_girl.label() == "꽃파는 처녀"
        assert flower_girl.production_date == "1972"


def test_not_found_facts_are_left_empty(demo_catalogue: Catalogue) -> None:
    with demo_catalogue.session() as session:
        for work in session.scalars(select(Work)):
            for title in work.titles:
                assert "not found" not in title.text.lower()


def test_conflicting_claims_are_kept_side_by_side(demo_catalogue: Catalogue) -> None:
    with demo_catalogue.session() as session:
        disputed = session.scalars(select(Citation).where(Citation.confidence == "disputed")).all()
        assert disputed
        for citation in disputed:
            assert not citation.preferred


def test_demo_uuids_are_the_same_in_every_demo_catalogue(demo_template: Path, tmp_path: Path) -> None:
    with Catalogue.open(demo_template, read_only=True) as first, first.session() as session:
        first_ids = set(session.scalars(select(Work.uuid)))
    with build_demo(tmp_path / "again.nkcat") as second, second.session() as session:
        assert set(session.scalars(select(Work.uuid))) == first_ids


def test_a_broken_demo_file_leaves_no_catalogue(tmp_path: Path) -> None:
    data = tmp_path / "broken.json"
    data.write_text(json.dumps({"format": "nkarchive-demo", "version": 1, "works": [
        {"ref": "w", "form": "feature", "credits": [{"agent": "nobody", "role": "director"}]}]}))
    target = tmp_path / "demo.nkcat"
    with pytest.raises(DemoDataError, match="nobody"):
        build_demo(target, data_file=data)
    assert not target.exists()
