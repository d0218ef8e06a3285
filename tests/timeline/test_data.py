"""The timeline's arrays: lanes, filtering exactly as the query language selects, culling, density."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nkarchive.search import event_ids_matching
from nkarchive.store.catalogue import Catalogue
from nkarchive.timeline.data import LONG_DAYS, LaneKey, TimelineData, _arranged, load_timeline
from nkarchive.timeline.details import LaneLabels, event_details
from nkarchive.timeline.filtering import EventFilter, TimelineQueryError
from nkarchive.timeline.frame import LaneGeometry, build_frame, density
from nkarchive.timeline.scale import TimeScale, ordinal
from tests.timeline.fixtures import EVENTS, build_sample


def shown_ids(data: TimelineData) -> set[int]:
    return {int(i) for i in data.event_id}


def test_lanes_by_work_show_hangul_and_romanized_titles(catalogue: Catalogue) -> None:
    build_sample(catalogue)
    data = load_timeline(catalogue, "work")
    assert len(data) == len(EVENTS)
    labels = LaneLabels(catalogue)
    headers = [labels(key) for key in data.lanes]
    # Lanes follow their first event: [..1972] reaches back furthest, then the 1972 showings.
    assert [h.main for h in headers] == ["도라지꽃", "꽃파는 처녀", "소금"]
    assert headers[1].secondary == "Kkotp'anŭn ch'ŏnyŏ · The Flower Girl"


@pytest.mark.parametrize(
    ("group_by", "expected"),
    [
        ("country", ["North Korea", "Czechoslovakia", "Japan", "Soviet Union", "Canada"]),
        ("type", ["Release", "Screening", "Festival showing", "Broadcast", "Award"]),
        ("organiser", ["Karlovy Vary International Film Festival", "No organiser recorded"]),
    ],
)
def test_other_groupings(catalogue: Catalogue, group_by: str, expected: list[str]) -> None:
    build_sample(catalogue)
    data = load_timeline(catalogue, group_by)  # type: ignore[arg-type]
    labels = LaneLabels(catalogue)
    assert [labels(key).main for key in data.lanes] == expected
    assert sorted(data.lane.tolist()) == data.lane.tolist()


@pytest.mark.parametrize(
    "query",
    [
        "event:festival_showing",
        "country:SU",
        "year:1972",
        "year:1980..1989",
        "Moscow",
        "event:screening year:1980..1990",
        "country:CA or country:CS",
        "not country:KP",
        "소금",
    ],
)
def test_a_query_shows_exactly_the_events_it_selects(catalogue: Catalogue, query: str) -> None:
    build_sample(catalogue)
    data = load_timeline(catalogue, "work", EventFilter(query=query))
    assert shown_ids(data) == set(event_ids_matching(catalogue, query))
    assert len(data) > 0


def test_a_query_that_cannot_be_read_names_the_problem(catalogue: Catalogue) -> None:
    with pytest.raises(TimelineQueryError, match="column"):
        load_timeline(catalogue, "work", EventFilter(query="country:Czechoslovakia"))


def ids_of(catalogue: Catalogue, sample_dates: list[str], events: dict[str, str]) -> set[int]:
    with catalogue.engine.connect() as connection:
        return {
            int(
                connection.exec_driver_sql(
                    "SELECT id FROM event WHERE uuid = ?", (events[d],)
                ).scalar_one()
            )
            for d in sample_dates
        }


def test_quick_toggles(catalogue: Catalogue) -> None:
    sample = build_sample(catalogue)
    by_type = load_timeline(
        catalogue, "work", EventFilter(event_types=frozenset({"award", "broadcast"}))
    )
    assert shown_ids(by_type) == ids_of(catalogue, ["1972-07", "198X"], sample.events)
    state_media = load_timeline(
        catalogue, "work", EventFilter(source_classes=frozenset({"dprk_state_media"}))
    )
    assert shown_ids(state_media) == ids_of(catalogue, ["1972-07-09", "1985-07-02"], sample.events)
    certain = load_timeline(catalogue, "work", EventFilter(confidences=frozenset({"certain"})))
    assert shown_ids(certain) == ids_of(catalogue, ["1972-07-09"], sample.events)
    # One citation must meet both: the certain one is festival material, not state media.
    both = EventFilter(
        source_classes=frozenset({"dprk_state_media"}), confidences=frozenset({"certain"})
    )
    assert len(load_timeline(catalogue, "work", both)) == 0


def test_hover_details(catalogue: Catalogue) -> None:
    sample = build_sample(catalogue)
    event_id = next(iter(ids_of(catalogue, ["1972-07-09"], sample.events)))
    details = event_details(catalogue, event_id)
    assert details is not None
    assert details.lines() == [
        "꽃파는 처녀",
        "Kkotp'anŭn ch'ŏnyŏ · The Flower Girl",
        "Festival showing",
        "9 July 1972 (written 1972-07-09)",
        "Karlovy Vary (Czechoslovakia)",
        "Organiser: Karlovy Vary International Film Festival",
        "2 citations",
    ]


# -- culling and density over arrays -----------------------------------------------------------


def synthetic_data(rng: np.random.Generator, n: int, lanes: int) -> TimelineData:
    lower = rng.integers(720_000, 740_000, n).astype(np.int32)
    length = np.where(rng.random(n) < 0.1, rng.integers(0, 5000, n), rng.integers(0, 400, n))
    arrays = {
        "event_id": np.arange(1, n + 1, dtype=np.int32),
        "work_id": rng.integers(1, 50, n).astype(np.int32),
        "lane": rng.integers(0, lanes, n).astype(np.int32),
        "kind": rng.integers(0, 6, n).astype(np.int32),
        "type": rng.integers(0, 5, n).astype(np.int32),
        "flags": np.zeros(n, dtype=np.int32),
        "lower": lower,
        "upper": (lower + length).astype(np.int32),
        "draw_lower": lower,
        "draw_upper": (lower + length).astype(np.int32),
    }
    keys = [LaneKey("country", f"C{i}") for i in range(lanes)]
    return _arranged("country", keys, arrays, ["a", "b", "c", "d", "e"], 0)


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**32 - 1), st.floats(715_000, 745_000), st.floats(1, 20_000))
def test_culling_finds_exactly_the_marks_that_reach_the_view(
    seed: int, first: float, span: float
) -> None:
    data = synthetic_data(np.random.default_rng(seed), 3000, 7)
    last = first + span
    for lane in range(len(data.lanes)):
        found = set(data.visible_in_lane(lane, first, last).tolist())
        start, stop = data.lane_range(lane)
        brute = {
            i
            for i in range(start, stop)
            if data.draw_lower[i] <= last and data.draw_upper[i] + 1 >= first
        }
        assert found == brute
    assert LONG_DAYS < 5000  # the sample has marks longer than the side-list threshold


def test_density_spreads_each_event_over_the_columns_it_covers() -> None:
    rng = np.random.default_rng(3)
    data = synthetic_data(rng, 5000, 1)
    scale = TimeScale(700_000, 760_000, 0, 600)  # everything in view
    counts = density(data, np.arange(len(data)), scale)
    assert counts.size == 600
    assert counts.sum() == pytest.approx(len(data))
    # One year-long event in a view of ten years: a tenth of it in each of ten columns' worth.
    one = synthetic_data(rng, 1, 1)
    one.draw_lower[:] = ordinal("1985-01-01")
    one.draw_upper[:] = ordinal("1985-12-31")
    decade = TimeScale(ordinal("1980-01-01"), ordinal("1990-01-01"), 0, 100)
    spread = density(one, np.arange(1), decade)
    assert np.count_nonzero(spread) in (10, 11)
    assert spread.max() < 0.12


def test_busy_lanes_become_density_and_quiet_lanes_keep_their_marks() -> None:
    rng = np.random.default_rng(5)
    busy = synthetic_data(rng, 4000, 2)
    scale = TimeScale(700_000, 760_000, 0, 1000)
    frame = build_frame(busy, scale, LaneGeometry(0, 400, 40), max_marks_per_lane=100)
    assert all(lane.density is not None and lane.marks is None for lane in frame.lanes)
    narrow = TimeScale(730_000, 730_010, 0, 1000)
    frame = build_frame(busy, narrow, LaneGeometry(0, 400, 40), max_marks_per_lane=100)
    assert all(lane.marks is not None for lane in frame.lanes)


def test_headers_read_in_one_go_match_those_read_one_by_one(catalogue: Catalogue) -> None:
    build_sample(catalogue)
    data = load_timeline(catalogue, "work")
    one_by_one = [LaneLabels(catalogue)(key) for key in data.lanes]
    batched = LaneLabels(catalogue)
    batched.prefetch(data.lanes)
    assert [batched(key) for key in data.lanes] == one_by_one


def test_busy_lanes_get_the_same_density_from_their_running_totals() -> None:
    from nkarchive.timeline.frame import DensityCache

    data = synthetic_data(np.random.default_rng(11), 20_000, 1)
    cache = DensityCache(data)
    for start, span in ((715_000.0, 30_000.0), (730_000.5, 400.0), (731_000.25, 7.0)):
        scale = TimeScale(start, start + span, 0, 800)
        direct = density(data, data.visible_in_lane(0, start - 1, start + span + 1), scale)
        cached = cache.density(0, scale)
        # The same weights: they differ only in how an event narrower than a column, or a day
        # straddling two columns, is split between neighbouring columns.
        assert cached.sum() == pytest.approx(direct.sum(), rel=0.01)
        blocks = 40
        assert cached.reshape(blocks, -1).sum(axis=1) == pytest.approx(
            direct.reshape(blocks, -1).sum(axis=1), rel=0.1, abs=3
        )


def test_a_busy_lane_in_a_wide_view_is_drawn_from_its_running_totals() -> None:
    data = synthetic_data(np.random.default_rng(13), 30_000, 1)
    scale = TimeScale(700_000, 760_000, 0, 1000)
    frame = build_frame(data, scale, LaneGeometry(0, 400, 40))
    (lane,) = frame.lanes
    assert lane.marks is None and lane.density is not None
    assert lane.density.sum() == pytest.approx(len(data), rel=1e-6)
