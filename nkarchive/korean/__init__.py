"""Korean: Hangul to McCune–Reischauer, Revised Romanization, ALA-LC and the DPRK system, and the
folding keys that let every spelling of a title or name find the others. No Qt, no network.
"""

from __future__ import annotations

from nkarchive.korean.fold import search_key
from nkarchive.korean.jamo import contains_hangul
from nkarchive.korean.romanize import KINDS, all_forms, romanize
from nkarchive.korean.schemes import SCHEMES

__all__ = [
    "KINDS",
    "SCHEMES",
    "contains_hangul",
    "romanize",
    "romanize_all",
    "search_key",
    "search_keys",
]


def romanize_all(text: str, kind: str = "title") -> dict[str, str]:
    """Every scheme's form of `text`, and its search key, keyed mr, mr_ascii, rr, alalc, dprk,
    dprk_ascii and search_key."""
    forms = dict(zip(SCHEMES, all_forms(text, kind), strict=True))
    forms["search_key"] = search_key(forms["mr_ascii"])
    return forms


def search_keys(text: str) -> set[str]:
    """The keys to index for `text`: for Hangul, the key of each scheme's form as a title, a
    name and a place (they usually coincide); for anything else, its one key."""
    if not contains_hangul(text):
        return {search_key(text)}
    return {search_key(romanize(text, scheme, kind=kind)) for scheme in SCHEMES for kind in KINDS}
