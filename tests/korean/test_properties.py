"""Properties over arbitrary input: no scheme raises, no Hangul survives, keys are idempotent."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from nkarchive.korean import KINDS, SCHEMES, romanize, romanize_all, search_key

HANGUL_OR_JAMO = re.compile(
    "[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\ud7b0-\ud7ff\uffa0-\uffdc]"
)

syllables = st.integers(0xAC00, 0xD7A3).map(chr)
jamo = st.one_of(
    st.integers(0x1100, 0x11FF).map(chr),
    st.integers(0x3131, 0x318E).map(chr),
    st.integers(0xFFA0, 0xFFDC).map(chr),
)
others = st.one_of(
    st.sampled_from(list(" -.,·'’ʼ()《》0123456789")),
    st.characters(codec="utf-8", exclude_categories=("Cs",)),
)
mixed_text = st.lists(st.one_of(syllables, syllables, syllables, jamo, others), max_size=30).map(
    "".join
)


@settings(max_examples=300, deadline=None)
@given(mixed_text, st.sampled_from(KINDS))
def test_every_scheme_romanizes_without_leaving_hangul(text: str, kind: str) -> None:
    for scheme in SCHEMES:
        out = romanize(text, scheme, kind=kind)
        assert HANGUL_OR_JAMO.search(out) is None, (scheme, out)


@settings(max_examples=300, deadline=None)
@given(mixed_text)
def test_search_key_is_idempotent(text: str) -> None:
    key = search_key(text)
    assert search_key(key) == key


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abcdefghijklmnopqrstuvwxyzŏŭ' -")), max_size=25))
def test_search_key_is_idempotent_on_romanized_text(text: str) -> None:
    key = search_key(text)
    assert search_key(key) == key


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(list("ABC xyz,.!-1234")), syllables), max_size=20))
def test_non_hangul_characters_stay_in_place(pieces: list[str]) -> None:
    text = "".join(pieces)
    non_hangul = "".join(ch for ch in text if not HANGUL_OR_JAMO.match(ch))
    for scheme in ("mr", "rr", "dprk"):
        out = romanize(text, scheme)
        # Every non-Hangul character survives, in order.
        position = 0
        for ch in non_hangul:
            position = out.index(ch, position) + 1


@settings(max_examples=100, deadline=None)
@given(mixed_text)
def test_romanize_all_has_every_key(text: str) -> None:
    forms = romanize_all(text)
    assert set(forms) == {*SCHEMES, "search_key"}
    assert forms["search_key"] == search_key(text) == search_key(forms["rr"])
