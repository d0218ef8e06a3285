"""How text is folded for the index and for queries, so that both sides fold the same way.

The index is made of words (FTS5's unicode61 tokenizer, with `^`, `_` and `|` as letters).

Text side: lower case, no diacritics, apostrophes dropped (P'yŏngyang = Pyongyang), any other
punctuation a word break. A title or name is followed by one more word standing for the whole
value, `^` and its words joined by `_` (`the sea of blood ^the_sea_of_blood`), so that a whole
value, or its beginning while typing, is one lookup; other fields' values are kept apart by `|`.
Either way a phrase never runs from one value into the next. Stored text has a space at each
end, so that ` word ` is a whole word and ` wor` a word's beginning in Python too.

Key side: the folding keys of `nkarchive.korean` drop word boundaries, because spacing differs
between schemes and sources (Kim Jong Il / Kimjŏngil, hanŭl ŭl / hanŭrŭl). So a value's keys
are the keys of its runs of up to SPAN words, starting at each word: `Kim Jong Il` gives
`kimcoqil`, `coqil` and `il`. A query word's key matches a stored key it begins: the word's key
starts where a stored word starts, and may run over several stored words. A Hangul value is
keyed by each scheme's romanization of it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache

from nkarchive.korean import contains_hangul, romanize, search_key

_APOSTROPHES = re.compile(r"['’ʼ‘`´]")
_NOT_WORD = re.compile(r"[\W_]+")
# Keys shorter than this are not looked up: they would match nearly everything.
MIN_KEY = 3
# The most words one stored key runs over: a typed word spelling three written apart (the
# DPRK's Kim Jong Il, typed as kimjongil), or a phrase of three spelt another way. Each word
# more costs the index build a quarter more keys to fold.
SPAN = 3
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


def whole_word(folded: str) -> str:
    """The word standing for a whole folded title or name."""
    return "^" + folded.replace(" ", "_")


def framed_text(folded: Iterable[str], *, framed: bool) -> str:
    """The text column of one field group from its folded values (none empty): a main field's
    values each followed by their whole word, any other group's kept apart by `|`."""
    if framed:
        return " " + " ".join(f"{f} {whole_word(f)}" for f in folded) + " "
    return " " + " | ".join(folded) + " "


def verbatim_text(values: Iterable[str]) -> str:
    """The text column of a group whose values are words already (`_role_director`), some
    read as lists (`_event_festival,_event_screening`, in whatever order SQL gave them)."""
    words = sorted({word for value in values for word in value.split(",") if word})
    return " " + " ".join(words) + " " if words else ""


@lru_cache(maxsize=1 << 18)
def value_keys(value: str, kind: str = "title") -> tuple[str, ...]:
    """The folding keys to index for one value (see the module's docstring)."""
    return keys_of(value, kind, search_key)


def keys_of(value: str, kind: str, key: Callable[[str], str]) -> tuple[str, ...]:
    """`value_keys`, with `key` standing for `search_key` (a rebuild passes a cached one: the
    romanized forms of different values often meet)."""
    if contains_hangul(value):
        forms = {romanize(value, scheme, kind=kind) for scheme in KEY_SCHEMES}
    else:
        forms = {value}
    keys: set[str] = set()
    for form in forms:
        words = fold_text(form).split()
        for start, word in enumerate(words):
            span = word
            for following in words[start + 1 : start + SPAN]:
                keys.add(key(span))
                span += " " + following
            keys.add(key(span))
    keys = {k for k in keys if len(k) >= MIN_KEY}
    # A key that begins another is found by whatever finds it: only the longer one is kept.
    ordered = sorted(keys)
    last = len(ordered) - 1
    return tuple(k for n, k in enumerate(ordered) if n == last or not ordered[n + 1].startswith(k))


def key_matches(key: str, stored: str) -> bool:
    """Whether a query key begins one of the keys of a stored key column."""
    return f" {key}" in stored


def query_key(word: str) -> str | None:
    """The key a query word is looked up by, or None when it is too short to look up."""
    key = search_key(word)
    return key if len(key) >= MIN_KEY else None
