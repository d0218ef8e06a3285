"""Searching a small catalogue: every spelling finds the film, fields narrow, ranking, counts."""

from __future__ import annotations

import pytest

from nkarchive import ops
from nkarchive.search import event_ids_matching, ids_sql, search, work_ids_matching
from nkarchive.search.engine import CancelToken, SearchCancelled
from nkarchive.store.catalogue import Catalogue
from tests.search.search_films import Films, add_films


@pytest.fixture
def films(catalogue: Catalogue) -> Films:
    return add_films(catalogue)


def found(films: Films, query: str, kind: str = "work", **options: object) -> list[str]:
    result = search(films.catalogue, query, kinds=[kind], **options)  # type: ignore[arg-type]
    return [hit.uuid for hit in result.hits]


@pytest.mark.parametrize(
    "query",
    [
        "불가사리",
        "Pulgasari",
        "pulgasari",
        "Bulgasari",
        "PULGASARI",
        "title:Pulgasari",
        "P‘ulgasari",
    ],
)
def test_hangul_and_every_romanization_find_the_film(films: Films, query: str) -> None:
    assert found(films, query) == [films.pulgasari]


@pytest.mark.parametrize(
    "query",
    [
        "Han nyŏhaksaengŭi ilgi",
        "Han nyohaksaengui ilgi",
        "Han nyeohaksaengui ilgi",
        "Han yeohaksaengui ilgi",
        "녀학생",
        '"schoolgirl\'s diary"',
    ],
)
def test_north_and_south_korean_spellings_meet(films: Films, query: str) -> None:
    assert found(films, query) == [films.schoolgirl]


def test_mr_without_diacritics_and_apostrophes(films: Films) -> None:
    assert found(films, "Kkotpanun chonyo") == [films.flower_girl]
    assert found(films, "kkotp'anŭn") == [films.flower_girl]


def test_prefix_of_the_last_word_while_typing(films: Films) -> None:
    assert found(films, "pulga", while_typing=True) == [films.pulgasari]
    assert found(films, "the flower gi", while_typing=True) == [films.flower_girl]
    assert found(films, "the flower gi") == []


def test_people_by_any_name_and_credits_by_role(films: Films) -> None:
    assert found(films, "Sin Sangok", "agent") == [films.shin]
    assert found(films, "director:신상옥") == [films.pulgasari]
    assert found(films, 'producer:"Kim Jong Il"') == [films.flower_girl]
    assert found(films, 'director:"Kim Jong Il"') == []
    assert set(found(films, "person:kim")) == {films.flower_girl}
    assert set(found(films, 'studio:"Korean Feature Film Studio"')) == {
        films.pulgasari,
        films.flower_girl,
        films.schoolgirl,
    }
    assert found(films, "studio:shin", "agent") == []


def test_years_events_places_countries(films: Films) -> None:
    assert found(films, "year:1980..1989") == [films.pulgasari]
    assert set(found(films, "year:<2000")) == {films.pulgasari, films.flower_girl}
    assert found(films, "event:festival") == [films.flower_girl]
    assert found(films, "place:karlovy") == [films.flower_girl]
    assert len(found(films, "event:festival country:CS year:1970..1990", "event")) == 2
    assert found(films, "year:1985", "agent") == []


def test_sources_classes_confidence_and_facts(films: Films) -> None:
    assert found(films, "source:rodong", "source") == [films.rodong]
    assert found(films, "ri myong hun", "source") == [films.rodong]
    assert found(films, "class:dprk_state_media", "event") != []
    assert found(films, "confidence:probable", "source") == [films.rodong]
    assert found(films, "confidence:certain", "event") == []
    assert set(found(films, "missing:source")) == {
        films.pulgasari,
        films.flower_girl,
        films.schoolgirl,
    }
    assert found(films, "has:hangul", "agent") == [films.studio, films.shin]
    assert found(films, "tag:monster") == [films.pulgasari]
    assert found(films, '"special prize"', "event") != []
    assert found(films, "특별상", "event") != []


def test_boolean_combinations(films: Films) -> None:
    assert set(found(films, "pulgasari or 꽃파는")) == {films.pulgasari, films.flower_girl}
    assert set(found(films, "studio:korean -pulgasari")) == {films.flower_girl, films.schoolgirl}
    assert set(found(films, "not (pulgasari or flower)")) == {films.schoolgirl}
    assert found(films, "(flower or pulgasari) year:1972") == [films.flower_girl]


def test_counts_per_kind_and_matched_field(films: Films) -> None:
    result = search(films.catalogue, "pulgasari")
    assert result.total_by_kind == {"work": 1, "agent": 0, "event": 0, "source": 1}
    work = result.hits_by_kind["work"][0]
    assert (work.label, work.matched_field, work.snippet) == ("불가사리", "title", "Pulgasari")
    assert result.hits_by_kind["source"][0].matched_field == "title"
    assert result.hits[0].kind == "work"


def test_exact_spelling_ranks_above_another_romanization_and_titles_above_credits(
    films: Films,
) -> None:
    from nkarchive import ops

    with ops.operation(films.catalogue, "Another film") as op:
        work = op.create("work", {"form": "feature", "record_status": "draft"})
        op.create(
            "title",
            {
                "work": work.uuid,
                "text": "Bulgasari",
                "title_type": "transliterated",
                "scheme": "rr",
            },
        )
        op.create(
            "title", {"work": work.uuid, "text": "Bulgasari returns", "title_type": "alternative"}
        )
        about = op.create("work", {"form": "documentary", "record_status": "draft"})
        op.create(
            "title", {"work": about.uuid, "text": "Making a monster", "title_type": "original"}
        )
        op.create(
            "credit",
            {
                "work": about.uuid,
                "agent": films.shin,
                "role": "narrator",
                "credited_as": "Pulgasari's director",
            },
        )
    result = search(films.catalogue, "Pulgasari", kinds=["work"])
    assert [h.uuid for h in result.hits] == [films.pulgasari, work.uuid, about.uuid]
    assert [h.matched_field for h in result.hits] == ["title", "title", "narrator"]
    scores = [h.score for h in result.hits]
    assert scores == sorted(scores, reverse=True)


def test_paging_continues_across_tiers(films: Films) -> None:
    everything = found(films, "studio:korean -pulgasari", limit=10)
    assert found(films, "studio:korean -pulgasari", limit=1, offset=1) == everything[1:2]
    ranked = found(films, "korean")
    pages = [found(films, "korean", limit=1, offset=n) for n in range(len(ranked))]
    assert [p[0] for p in pages] == ranked


def test_paging_through_tiers_shows_each_record_once(films: Films) -> None:
    # An `or` is ranked tier by tier from the index (not ranked whole), and a record found by a
    # better tier's lookup is found again by every later one: it must appear once, in its best.
    ranked = found(films, "korean or pulgasari", limit=50)
    works = search(films.catalogue, "korean or pulgasari").total_by_kind["work"]
    assert len(ranked) == len(set(ranked)) == works
    assert ranked[0] == films.pulgasari
    pages = [found(films, "korean or pulgasari", limit=1, offset=n) for n in range(len(ranked))]
    assert [p[0] for p in pages] == ranked


def test_ids_for_lists_and_the_timeline(films: Films) -> None:
    from sqlalchemy import text

    work_ids = work_ids_matching(films.catalogue, "year:1970..1990")
    assert len(work_ids) == 2
    assert len(event_ids_matching(films.catalogue, "flower event:festival_showing")) == 1
    assert len(event_ids_matching(films.catalogue, "")) == 3
    sql, params = ids_sql("pulgasari", "work")
    with films.catalogue.engine.connect() as connection:
        assert (
            len(connection.execute(text(f"SELECT id FROM work WHERE id IN ({sql})"), params).all())
            == 1
        )


def test_empty_query_finds_nothing_and_punctuation_alone_is_harmless(films: Films) -> None:
    assert search(films.catalogue, "").total == 0
    assert search(films.catalogue, "  -- ").hits == []


def test_a_cancelled_search_stops(films: Films) -> None:
    token = CancelToken()
    token.cancel()
    with pytest.raises(SearchCancelled):
        search(films.catalogue, "pulgasari", cancel=token)


@pytest.mark.parametrize(
    "query",
    ["Pulgasari", "korean", "studio:korean -pulgasari", "flower", "kim or shin", "karlovy vary"],
)
def test_tier_queries_rank_as_the_whole_result_ranking_does(
    films: Films, query: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Small results are ranked whole in Python, large ones by one index query per tier: both
    must give the same order and scores."""
    from nkarchive.search import engine

    ranked_whole = search(films.catalogue, query, limit=10)
    monkeypatch.setattr(engine, "RANK_ALL", 0)
    monkeypatch.setattr(engine, "PROBE_ABOVE", 0)  # title tiers start at the widest one's first hit
    by_tiers = search(films.catalogue, query, limit=10)
    assert by_tiers.total_by_kind == ranked_whole.total_by_kind
    assert [(h.uuid, h.score) for h in by_tiers.hits] == [
        (h.uuid, h.score) for h in ranked_whole.hits
    ]
    paged = [search(films.catalogue, query, limit=1, offset=n).hits_by_kind for n in range(3)]
    for kind, hits in by_tiers.hits_by_kind.items():
        assert [p[kind][0].uuid for p in paged if p[kind]] == [h.uuid for h in hits][:3]


def test_a_year_range_finds_every_date_that_overlaps_it(catalogue: Catalogue) -> None:
    dated = {}
    with ops.operation(catalogue, "Add dated films") as op:
        for date in ("1984", "1984-06/1985-02", "198X", "[..1972]", "1985/..", "1987-03-02",
                     "1990", "19XX"):  # fmt: skip
            work = op.create(
                "work", {"form": "feature", "record_status": "draft", "production_date": date}
            )
            op.create(
                "title", {"work": work.uuid, "text": f"Film of {date}", "title_type": "original"}
            )
            dated[date] = work.uuid
    expected = {dated[d] for d in ("1984-06/1985-02", "198X", "1985/..", "1987-03-02", "19XX")}
    result = search(catalogue, "year:1985..1989", kinds=["work"])
    assert {hit.uuid for hit in result.hits} == expected
    assert result.total_by_kind["work"] == len(expected)
    assert set(work_ids_matching(catalogue, "year:1985..1989")) == {
        hit.record_id for hit in result.hits
    }
    assert {hit.uuid for hit in search(catalogue, "year:..1972", kinds=["work"]).hits} == {
        dated["[..1972]"],
        dated["19XX"],
    }
    later = search(catalogue, "year:1986..", kinds=["work"])
    assert {hit.uuid for hit in later.hits} == {
        dated[d] for d in ("198X", "1985/..", "1987-03-02", "1990", "19XX")
    }
    assert later.total_by_kind["work"] == 5


def test_a_word_in_no_title_ranks_its_credits_first_by_tier_lookups(
    films: Films, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When no title holds the words, the title tiers are skipped after one lookup; the page
    must be what ranking every hit whole gives."""
    from nkarchive.search import engine

    ranked_whole = search(films.catalogue, "shin", kinds=["work"])
    monkeypatch.setattr(engine, "RANK_ALL", 0)
    monkeypatch.setattr(engine, "PROBE_ABOVE", 0)
    by_tiers = search(films.catalogue, "shin", kinds=["work"])
    assert [(h.uuid, h.score, h.matched_field) for h in by_tiers.hits] == [
        (h.uuid, h.score, h.matched_field) for h in ranked_whole.hits
    ]
    assert by_tiers.hits and all(h.matched_field != "title" for h in by_tiers.hits)


@pytest.mark.parametrize(
    "query", ["korean", "kim", "pulgasari", "불가사리", "zzyzx", "studio:korean"]
)
def test_counts_tallied_from_row_ids_match_counts_by_kind(
    films: Films, query: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first hits are counted in one pass grouped by kind, the rest from where it stopped
    or by a count per kind: wherever the pass stops, every kind's count is the same."""
    from nkarchive.search import engine

    tallied = search(films.catalogue, query).total_by_kind
    assert set(tallied) == {"work", "agent", "event", "source"}
    for first in (0, 1, 2, 3, 5):
        monkeypatch.setattr(engine, "FEW_HITS", first)
        assert search(films.catalogue, query).total_by_kind == tallied
