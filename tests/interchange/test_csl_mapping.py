"""Our Sources as CSL-JSON and back: types, roles, EDTF dates and Korean names."""

from __future__ import annotations

from typing import Any

import pytest

from nkarchive.interchange.csl import load_style
from nkarchive.interchange.csl_mapping import (
    csl_date_to_edtf,
    csl_to_source,
    edtf_to_csl,
    source_to_csl,
)


@pytest.mark.parametrize(
    ("edtf", "csl", "back"),
    [
        ("1985", {"date-parts": [[1985]]}, "1985"),
        ("1985-07-02", {"date-parts": [[1985, 7, 2]]}, "1985-07-02"),
        ("1985-07~", {"date-parts": [[1985, 7]], "circa": True}, "1985-07~"),
        ("1985?", {"date-parts": [[1985]], "circa": True}, "1985~"),
        ("1985/1987", {"date-parts": [[1985], [1987]]}, "1985/1987"),
        ("198X", {"date-parts": [[1980], [1989]]}, "1980/1989"),
        ("1985-21", {"date-parts": [[1985]], "season": 1}, "1985-21"),
        ("주체74", {"date-parts": [[1985]]}, "1985"),
        ("1972/..", {"literal": "from 1972 on (open end)"}, None),
    ],
)
def test_edtf_dates_as_csl_dates(edtf: str, csl: dict[str, Any], back: str | None) -> None:
    assert edtf_to_csl(edtf) == csl
    assert csl_date_to_edtf(csl) == back


@pytest.mark.parametrize(
    ("role", "person", "name"),
    [
        ("director", {"literal": "신상옥"}, {"family": "신", "given": "상옥"}),
        ("performer", {"literal": "남궁원"}, {"family": "남궁", "given": "원"}),
        (
            "interviewer",
            {"family": "Kim", "given": "Jong Il"},
            {"family": "Kim", "given": "Jong Il"},
        ),
        ("translator", {"literal": "Korean Film Studio"}, {"literal": "Korean Film Studio"}),
        ("editor", {"family": "김", "given": "정일"}, {"family": "김", "given": "정일"}),
    ],
)
def test_contributor_roles_and_korean_names(
    role: str, person: dict[str, str], name: dict[str, str]
) -> None:
    item = source_to_csl(
        {"uuid": "s1", "source_type": "interview", "title": "T"}, [{"role": role, **person}]
    )
    assert item[role] == [name]
    assert csl_to_source(item).contributors[0]["role"] == role


def test_a_hangul_name_is_written_family_name_first() -> None:
    item = source_to_csl(
        {"uuid": "s1", "source_type": "book", "title": "영화예술론", "date": "1973"},
        [{"role": "author", "literal": "김정일"}],
    )
    assert load_style("chicago-author-date").bibliography([item])[0].startswith("김정일. 1973.")


def test_types_we_lack_keep_their_meaning() -> None:
    item = source_to_csl(
        {"uuid": "s1", "source_type": "festival-catalogue", "title": "25th KVIFF"}, []
    )
    assert (item["type"], item["genre"]) == ("book", "Festival catalogue")
    assert csl_to_source(item).values["source_type"] == "festival-catalogue"
    review = csl_to_source(
        {"type": "review-book", "title": "R", "reviewed-author": [{"family": "Lee"}]}
    )
    assert review.values["source_type"] == "article-magazine"
    assert "Type in the imported file: review-book" in review.values["notes"]
    assert "reviewed-author: Lee" in review.values["notes"]  # no field of ours: kept in a note
