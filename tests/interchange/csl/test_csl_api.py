"""The CSL processor's public API: what a caller gets for good and bad input."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from nkarchive.interchange.csl import (
    BUNDLED_STYLES,
    CslError,
    load_style,
    style_from_string,
)

FILM: dict[str, Any] = {
    "id": "flower-girl",
    "type": "motion_picture",
    "title": "The Flower Girl",
    "director": [{"family": "Choe", "given": "Ik-kyu"}, {"family": "Pak", "given": "Hak"}],
    "publisher": "Korean Art Film Studio",
    "issued": {"date-parts": [[1972]]},
}
HANGUL_BOOK: dict[str, Any] = {
    "id": "yonghwa",
    "type": "book",
    "title": "영화예술론",
    "language": "ko",
    "author": [{"family": "김", "given": "정일"}],
    "publisher": "조선로동당출판사",
    "issued": {"date-parts": [[1973]]},
}
MINIMAL_STYLE = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout>
    <group delimiter=", ">
      <names variable="author"><name name-as-sort-order="all" initialize-with=". "/></names>
      <date variable="issued"><date-part name="year"/></date>
      <text value="[extra]" prefix=" "/>
    </group>
  </layout></bibliography>
</style>"""


def test_every_bundled_style_loads_by_name() -> None:
    for name in BUNDLED_STYLES:
        style = load_style(name)
        assert style.has_bibliography
        assert style.title


def test_films_list_their_directors() -> None:
    entry = load_style("chicago-author-date").bibliography([FILM])[0]
    assert (
        entry == "Choe, Ik-kyu, and Hak Pak, dirs. 1972. The Flower Girl. Korean Art Film Studio."
    )


def test_hangul_names_keep_family_name_first_without_space_or_initials() -> None:
    for name in ("apa", "harvard-cite-them-right", "chicago-author-date"):
        entry = load_style(name).bibliography([HANGUL_BOOK])[0]
        assert entry.startswith("김정일"), entry


def test_html_output_italicises_titles_and_escapes() -> None:
    item = dict(FILM, title="Sea & Blood")
    entry = load_style("apa").bibliography([item], format="html")[0]
    assert entry.startswith('<div class="csl-entry">')
    assert "<i>Sea &#38; Blood</i>" in entry


def test_rtf_output_uses_rtf_groups() -> None:
    entry = load_style("apa").bibliography([FILM], format="rtf")[0]
    assert "{\\i The Flower Girl}" in entry


def test_approximate_and_range_dates() -> None:
    circa = dict(FILM, id="c", issued={"date-parts": [[1987]], "circa": True})
    span = dict(FILM, id="r", title="Nation and Destiny", issued={"date-parts": [[1992], [2002]]})
    entries = load_style("apa").bibliography([circa, span])
    assert any("(ca. 1987)" in e for e in entries)
    assert any("(1992–2002)" in e for e in entries)


def test_year_suffixes_tell_same_author_same_year_apart() -> None:
    first = {
        "id": "a",
        "type": "book",
        "title": "Alpha",
        "author": [{"family": "Kim", "given": "Il"}],
        "issued": {"date-parts": [[2010]]},
    }
    second = dict(first, id="b", title="Beta")
    style = load_style("chicago-author-date")
    assert style.citation([first, second]) == "(Kim 2010a, 2010b)"


def test_citation_positions_follow_the_order_of_citing() -> None:
    processor = load_style("chicago-notes-bibliography").processor([FILM])
    first = processor.cite([{"id": "flower-girl", "locator": "12"}])
    again = processor.cite([{"id": "flower-girl", "locator": "14"}])
    assert first.startswith("The Flower Girl, directed by Ik-kyu Choe and Hak Pak")
    assert len(again) < len(first)


def test_any_csl_file_can_be_loaded_by_path(tmp_path: Path) -> None:
    path = tmp_path / "mine.csl"
    path.write_text(MINIMAL_STYLE, encoding="utf-8")
    entry = load_style(path).bibliography([HANGUL_BOOK, FILM])
    assert entry == ["김정일, 1973, [extra]", "1972, [extra]"]


def test_malformed_style_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.csl"
    path.write_text(MINIMAL_STYLE.replace("</citation>", ""), encoding="utf-8")
    with pytest.raises(CslError) as caught:
        load_style(path)
    assert str(path) in str(caught.value)
    assert "line" in str(caught.value)


def test_unknown_element_and_missing_macro_name_the_element() -> None:
    with pytest.raises(CslError, match=r"element <bogus>"):
        style_from_string(MINIMAL_STYLE.replace('<text value="[extra]" prefix=" "/>', "<bogus/>"))
    with pytest.raises(CslError, match=r"element <text>.*macro \"nowhere\""):
        style_from_string(MINIMAL_STYLE.replace('value="[extra]"', 'macro="nowhere"'))


def test_unknown_style_name_lists_the_bundled_ones() -> None:
    with pytest.raises(CslError, match="chicago-author-date"):
        load_style("no-such-style")


@pytest.mark.parametrize(
    ("item", "field"),
    [
        ({"id": "x", "type": "book", "issued": {"date-parts": [["soon"]]}}, "issued"),
        ({"id": "x", "type": "book", "author": [{"given": ""}]}, "author"),
        ({"id": "x", "type": "book", "author": "Kim"}, "author"),
        ({"id": "x", "type": "book", "title": ["a", "b"], "author": [42]}, "author"),
    ],
)
def test_malformed_items_name_the_item_and_field(item: dict[str, Any], field: str) -> None:
    with pytest.raises(CslError) as caught:
        load_style("apa").bibliography([item])
    assert caught.value.item_id == "x"
    assert caught.value.field == field
    assert "'x'" in str(caught.value)


def test_items_without_id_and_unknown_formats_are_errors() -> None:
    with pytest.raises(CslError, match="no id"):
        load_style("apa").bibliography([{"type": "book", "title": "T"}])
    with pytest.raises(CslError, match="output format"):
        load_style("apa").bibliography([FILM], format="pdf")


def test_macros_calling_each_other_in_a_circle_are_refused() -> None:
    looping = MINIMAL_STYLE.replace(
        "<citation>",
        '<macro name="a"><text macro="b"/></macro><macro name="b"><text macro="a"/></macro>'
        "<citation>",
    )
    with pytest.raises(CslError, match="circle"):
        style_from_string(looping)
