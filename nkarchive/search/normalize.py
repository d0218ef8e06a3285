"""How text is folded for the index and for queries, so that both sides fold the same way.

Text side: lower case, no diacritics, apostrophes dropped (P'yŏngyang = Pyongyang), any other
punctuation a word break; each stored word has a space on either side, so that ` word ` finds
a whole word and ` wor` a word's beginning with the index's trigram tokenizer, and a title or
name is framed as `^ words $`, so that a whole value can be matched too.
Key side: the folding keys of `nkarchive.korean` (no spaces; matched as substrings).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache

from nkarchive.korean import contains_hangul, romanize, search_key

_APOSTROPHES = re.compile(r"['’ʼ‘`´]")
_NOT_WORD = re.compile(r"[\W_]+")
# Keys shorter than this cannot be looked up (the trigram index needs three characters), and
# would match nearly everything anyway.
MIN_KEY = 3
# Romanizations whose keys are indexed for a Hangul value; the folding makes the others meet
# these (nkarchive.korean's tests), and each extra scheme costs index build time.
KEY_SCHEMES = ("mr", "rr", "alalc", "dprk")


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", kept)  # recompose Hangul syllables


@lru_cache(maxsize=1 << 16)
def fold_text(text: str) -> str:
    """Words of `text` folded for case and diacritics, separated by single spaces."""
    folded = text.casefold()
    if not folded.isascii():
        folded = _strip_marks(unicodedata.normalize("NFKC", folded))
    folded = _APOSTROPHES.sub("", folded)
    return " ".join(_NOT_WORD.sub(" ", folded).split())


def stored_text(values: Iterable[str], *, framed: bool = True) -> str:
    """The text column of one field group: each value framed as `^ words $` (main fields, whose
    whole value can be matched) or as ` words ` between `|` (the rest: shorter to index)."""
    folded = [f for f in (fold_text(v) for v in values) if f]
    if not folded:
        return ""
    if framed:
        return " ".join(f"^ {f} $" for f in folded)
    return " " + " | ".join(folded) + " "


@lru_cache(maxsize=1 << 18)
def value_keys(value: str, kind: str = "title") -> tuple[str, ...]:
    """The folding keys to index for one value: for Hangul, the key of each scheme's form."""
    return keys_of(value, kind, search_key)


def keys_of(value: str, kind: str, key: Callable[[str], str]) -> tuple[str, ...]:
    """`value_keys`, with `key` standing for `search_key` (a rebuild passes a cached one: the
    romanized forms of different values often meet)."""
    if contains_hangul(value):
        keys = {key(romanize(value, scheme, kind=kind)) for scheme in KEY_SCHEMES}
    else:
        keys = {key(value)}
    return tuple(sorted(k for k in keys if k))


def stored_keys(values: Iterable[str], kind: str = "title") -> str:
    """The key column of one field group: every value's keys, space separated."""
    keys: dict[str, None] = {}
    for value in values:
        for key in value_keys(value, kind):
            keys[key] = None
    return " ".join(keys)


def query_key(word: str) -> str | None:
    """The key a query word is looked up by, or None when it is too short to look up."""
    key = search_key(word)
    return key if len(key) >= MIN_KEY else None
