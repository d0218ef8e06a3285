"""The timeline's arrays: lanes, filtering exactly as the query language selects, culling, density."""

from __future__ import annotations

import math
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nkarchive.search import event_ids_matching
from nkarchive.store.catalogue import Catalogue
from nkarchive.timeline.data import LONG_DAYS, LaneKey, TimelineData, _arranged, load_timeline
from nkarchive.timeline.details import LaneLabels, event_details
from nkarchive.timeline.filtering import EventFilter, TimelineQueryError
from nkarchive.timeline.frame import (
    ColumnEdges,
    LaneGeometry,
    build_frame,
    density,
    spread_density,
)
from nkarchive.timeline.scale import TimeScale, ordinal
from tests.timeline.fixtures import EVENTS, build_sample


def shown_ids(data: TimelineData) -> set[int]:
    return set(data.event_id)


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


def synthetic_data(rng: random.Random, n: int, lanes: int) -> TimelineData:
    lower = [rng.randrange(720_000, 740_000) for _ in range(n)]
    length = [rng.randrange(5000) if rng.random() < 0.1 else rng.randrange(400) for _ in range(n)]
    upper = [low + span for low, span in zip(lower, length, strict=True)]
    arrays = {
        "event_id": list(range(1, n + 1)),
        "work_id": [rng.randrange(1, 50) for _ in range(n)],
        "lane": [rng.randrange(lanes) for _ in range(n)],
        "kind": [rng.randrange(6) for _ in range(n)],
        "type": [rng.randrange(5) for _ in range(n)],
        "flags": [0] * n,
        "lower": lower,
        "upper": upper,
        "draw_lower": lower,
        "draw_upper": upper,
    }
    keys = [LaneKey("country", f"C{i}") for i in range(lanes)]
    return _arranged("country", keys, arrays, ["a", "b", "c", "d", "e"], 0)


def one_event(lower: int, upper: int) -> TimelineData:
    columns = {"event_id": [1], "work_id": [1], "lane": [0], "kind": [1], "type": [0]}
    columns |= {"flags": [0], "lower": [lower], "upper": [upper]}
    columns |= {"draw_lower": [lower], "draw_upper": [upper]}
    return _arranged("country", [LaneKey("country", "C0")], columns, ["a"], 0)


def touching(data: TimelineData, lane: int, first: float, last: float) -> set[int]:
    """The lane's events that reach ``first..last``, by looking at every one."""
    start, stop = data.lane_range(lane)
    return {
        i
        for i in range(start, stop)
        if data.draw_lower[i] <= last and data.draw_upper[i] + 1 >= first
    }


def test_lanes_are_sorted_by_start_and_keep_every_event() -> None:
    data = synthetic_data(random.Random(1), 2000, 5)
    assert sorted(data.event_id) == list(range(1, 2001))
    assert list(data.lane) == sorted(data.lane)
    for lane in range(len(data.lanes)):
        start, stop = data.lane_range(lane)
        starts = list(data.draw_lower[start:stop])
        assert starts == sorted(starts)
    # Every event keeps its own dates through the sort.
    assert all(data.upper[i] - data.lower[i] < 5000 for i in range(len(data)))
    assert data.index_of(1234) is not None and data.event_id[data.index_of(1234)] == 1234
    assert data.index_of(5000) is None


@settings(max_examples=60, deadline=None)
@given(
    st.integers(0, 2**32 - 1),
    st.floats(715_000, 745_000),
    st.floats(1, 20_000),
    st.sampled_from([3000, 40]),
)
def test_culling_finds_exactly_the_marks_that_reach_the_view(
    seed: int, first: float, span: float, size: int
) -> None:
    # 3000 events in 7 lanes are indexed lanes; 40 are scanned ones.
    data = synthetic_data(random.Random(seed), size, 7)
    last = first + span
    for lane in range(len(data.lanes)):
        found = data.visible_in_lane(lane, first, last)
        brute = touching(data, lane, first, last)
        assert set(found) == brute
        assert len(found) == len(brute) == data.count_in_lane(lane, first, last)
        # Lane order, the marks longer than LONG_DAYS after the others.
        long = [data.draw_upper[i] - data.draw_lower[i] > LONG_DAYS for i in found]
        assert long == sorted(long)
        assert [i for i, is_long in zip(found, long, strict=True) if not is_long] == sorted(
            i for i, is_long in zip(found, long, strict=True) if not is_long
        )


def test_density_spreads_each_event_over_the_columns_it_covers() -> None:
    rng = random.Random(3)
    data = synthetic_data(rng, 5000, 1)
    scale = TimeScale(700_000, 760_000, 0, 600)  # everything in view
    counts = density(data, list(range(len(data))), scale)
    assert len(counts) == 600
    assert sum(counts) == pytest.approx(len(data))
    # One year-long event in a view of ten years: a tenth of it in each of ten columns' worth.
    one = one_event(ordinal("1985-01-01"), ordinal("1985-12-31"))
    decade = TimeScale(ordinal("1980-01-01"), ordinal("1990-01-01"), 0, 100)
    spread = density(one, [0], decade)
    assert sum(1 for c in spread if c) in (10, 11)
    assert max(spread) < 0.12
    assert sum(spread) == pytest.approx(1.0)


def test_busy_lanes_become_density_and_quiet_lanes_keep_their_marks() -> None:
    busy = synthetic_data(random.Random(5), 4000, 2)
    scale = TimeScale(700_000, 760_000, 0, 1000)
    frame = build_frame(busy, scale, LaneGeometry(0, 400, 40), max_marks_per_lane=100)
    assert all(lane.density is not None and lane.marks is None for lane in frame.lanes)
    assert [lane.count for lane in frame.lanes] == [
        len(touching(busy, lane, 699_000, 761_000)) for lane in range(2)
    ]
    narrow = TimeScale(730_000, 730_010, 0, 1000)
    frame = build_frame(busy, narrow, LaneGeometry(0, 400, 40), max_marks_per_lane=100)
    assert all(lane.marks is not None for lane in frame.lanes)
    for lane in frame.lanes:
        assert lane.marks is not None
        assert set(lane.marks.positions) == touching(busy, lane.lane, 730_000, 730_010)


def test_the_frame_budget_keeps_marks_in_the_quietest_lanes() -> None:
    data = synthetic_data(random.Random(8), 3000, 6)
    scale = TimeScale(725_000, 726_000, 0, 1000)
    counts = [data.count_in_lane(lane, 724_999, 726_001) for lane in range(6)]
    budget = sorted(counts)[0] + sorted(counts)[1]  # room for the two quietest lanes only
    frame = build_frame(data, scale, LaneGeometry(0, 400, 40), max_marks=budget)
    marked = [lane.lane for lane in frame.lanes if lane.marks is not None]
    assert sorted(counts[lane] for lane in marked) == sorted(counts)[:2]
    assert all(lane.density is not None for lane in frame.lanes if lane.lane not in marked)


def test_headers_read_in_one_go_match_those_read_one_by_one(catalogue: Catalogue) -> None:
    build_sample(catalogue)
    data = load_timeline(catalogue, "work")
    one_by_one = [LaneLabels(catalogue)(key) for key in data.lanes]
    batched = LaneLabels(catalogue)
    batched.prefetch(data.lanes)
    assert [batched(key) for key in data.lanes] == one_by_one


@pytest.mark.parametrize(
    ("start", "span"),
    [(715_000.0, 30_000.0), (715_000.3, 4000.0), (730_000.5, 400.0), (731_000.25, 7.0)],
)
def test_busy_lanes_get_the_same_density_from_their_spread_weights(
    start: float, span: float
) -> None:
    data = synthetic_data(random.Random(11), 20_000, 1)
    scale = TimeScale(start, start + span, 0, 800)
    direct = density(data, data.visible_in_lane(0, start - 1, start + span + 1), scale)
    extent = data.extent()
    assert extent is not None
    spread = spread_density(data.spread(0), ColumnEdges(scale, extent))
    assert min(spread) >= 0.0
    # The same weights: they differ only in how an event narrower than a column, or a day
    # straddling two columns, is split between neighbouring columns.
    assert sum(spread) == pytest.approx(sum(direct), rel=0.01)
    blocks = [sum(spread[i : i + 20]) for i in range(0, 800, 20)]
    direct_blocks = [sum(direct[i : i + 20]) for i in range(0, 800, 20)]
    assert blocks == pytest.approx(direct_blocks, rel=0.1, abs=3)


def test_spread_weights_are_exactly_zero_where_no_event_is_under_way() -> None:
    data = one_event(730_000, 730_002)
    scale = TimeScale(729_990, 730_020, 0, 300)  # ten pixels a day
    spread = spread_density(data.spread(0), ColumnEdges(scale, (730_000, 730_002)))
    filled = [i for i, c in enumerate(spread) if c]
    assert filled == list(range(100, 130))  # the three days, and nothing either side
    assert sum(spread) == pytest.approx(1.0)
    assert spread[100:130] == pytest.approx([1 / 30] * 30)


def test_a_busy_lane_in_a_wide_view_is_drawn_from_its_spread_weights() -> None:
    data = synthetic_data(random.Random(13), 30_000, 1)
    scale = TimeScale(700_000, 760_000, 0, 1000)
    frame = build_frame(data, scale, LaneGeometry(0, 400, 40))
    (lane,) = frame.lanes
    assert lane.marks is None and lane.density is not None
    assert lane.count == len(data)
    assert sum(lane.density) == pytest.approx(len(data), rel=1e-6)


def test_a_works_events_are_found_wherever_they_are() -> None:
    data = synthetic_data(random.Random(21), 3000, 4)
    for work in (1, 17, 49, 50):
        assert data.positions_of_work(work) == [
            i for i in range(len(data)) if data.work_id[i] == work
        ]


def test_finding_a_number_ignores_byte_matches_across_two_numbers() -> None:
    from array import array

    from nkarchive.timeline.data import find_all

    # Little-endian bytes 00 01 00 00 | 01 00 00 00 hold 00 00 01 00 (65,536) across the two.
    column = array("i", [256, 1, 65_536, 7, 65_536])
    assert find_all(column, 65_536) == [2, 4]
    assert find_all(column, 256) == [0]
    assert find_all(array("i", [256, 1]), 65_536) == []


def test_a_busy_lane_zoomed_to_days_is_drawn_day_by_day_with_the_same_density() -> None:
    data = synthetic_data(random.Random(17), 30_000, 1)
    scale = TimeScale(730_000.5, 730_030.5, 100, 600)  # twenty pixels a day
    frame = build_frame(data, scale, LaneGeometry(0, 400, 40))
    (lane,) = frame.lanes
    assert lane.density is not None and lane.marks is None
    assert lane.density_step == pytest.approx(20.0)
    assert lane.density_left == pytest.approx(90.0)  # the half day before the view starts
    extent = data.extent()
    assert extent is not None
    by_column = spread_density(data.spread(0), ColumnEdges(scale, extent))
    for column in (3, 150, 311, 597):
        x = 100 + column + 0.5
        assert lane.density_around(x) == pytest.approx(sum(by_column[column - 2 : column + 3]))
    assert lane.count == len(touching(data, 0, scale.day_at(94), scale.day_at(706)))


def test_between_one_and_sixteen_days_a_column_edges_are_read_to_an_eighth_of_a_day() -> None:
    data = synthetic_data(random.Random(19), 20_000, 1)
    extent = data.extent()
    assert extent is not None
    scale = TimeScale(722_000.37, 722_000.37 + 2.7 * 800, 0, 800)  # 2.7 days a column
    edges = ColumnEdges(scale, extent)
    assert edges.eighths
    spread = spread_density(data.spread(0), edges)
    weights = data.spread(0)

    def exactly_before(day: float) -> float:
        whole = math.floor(day)
        return (
            weights.before[whole - weights.first_day]
            + (day - whole) * weights.per_day[whole - weights.first_day]
        )

    busiest_day = max(weights.per_day)
    for column in range(0, 800, 37):
        left, right = scale.day_at(column), scale.day_at(column + 1)
        exact = exactly_before(right) - exactly_before(left)
        # Each edge at most 1/16 of a day away from where it is.
        assert abs(spread[column] - exact) <= busiest_day / 8 + 1e-9
    assert sum(spread) == pytest.approx(
        exactly_before(scale.end) - exactly_before(scale.start), abs=busiest_day / 8
    )
