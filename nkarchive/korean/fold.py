"""Search keys: a lossy folding in which the romanizations and spellings of one Korean name meet.

The key has no spaces. Korean spacing is not stable across schemes and sources: the DPRK writes
every syllable of a given name as a word (Kim Jong Il / Kim Chŏngil), ALA-LC writes particles
apart (hanŭl ŭl / hanŭrŭl), and titles are spaced differently in different sources (이름없는 /
Irŭm ŏmnŭn). A word-aligned key would keep those variants apart, so the key drops word
boundaries. The search index stores the keys of a value's runs of words, from each word on, and
a search matches the key of what the user typed as the beginning of one of them
(nkarchive.search.normalize). Ranking by closeness is the search layer's job.

Folding (romanization.md §9, extended): lower case; marks, apostrophes, hyphens, punctuation and
spaces removed; eo→o, eu→u, ee→i, oo→u, oi→oe, ui→i, yi→i; sh→s; tch/jj/ch/j→c; kh/th/ph→k/t/p;
g/d/b→k/t/p and r→l; doubled letters single; ng and nk→q (RR ango, MR anko: 안고); before m or
n, q→k, p→m and t→n (nasalisation shown or not: Pangmihyang / Bak Mihyang); n after a
consonant→l (Amnok/Amrok, Chongno/Jongro); a key-initial n→l (Rodong/Nodong); and l dropped
before i or y at the start or after a consonant, which is where North Korean spelling keeps an
initial ㄹ/ㄴ that South Korean spelling drops (Ryu/Yu, Rim/Im, nyŏhaksaeng/yeohaksaeng,
Ri/Yi/Lee). The rules are applied until nothing changes, so the key is idempotent.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from nkarchive.korean.jamo import contains_hangul
from nkarchive.korean.romanize import romanize

_NOT_WORD = re.compile(r"[\W_]+")

# Marks and apostrophes in one C-level pass for the common letters; others go through NFD.
_QUICK = str.maketrans(
    {
        **dict.fromkeys("'`´‘’ʼʻˈ", None),
        **dict.fromkeys(' -.,·:;!?()[]"/&_', None),
        **dict.fromkeys("ŏǒöòóô", "o"),
        **dict.fromkeys("ŭǔüùúû", "u"),
        **dict.fromkeys("ëéèê", "e"),
        **dict.fromkeys("àáâäă", "a"),
        **dict.fromkeys("ìíîï", "i"),
    }
)
# Ordered: each replacement assumes the ones before it have run.
_DIGRAPHS = (
    ("eo", "o"), ("eu", "u"), ("ee", "i"), ("oo", "u"), ("oi", "oe"), ("ui", "i"), ("yi", "i"),
    ("tch", "c"), ("ch", "c"), ("sh", "s"), ("kh", "k"), ("th", "t"), ("ph", "p"),
)  # fmt: skip
_LETTERS = str.maketrans("jgdbr", "cktpl")
_DOUBLES = ("kk", "tt", "pp", "ss", "cc", "ll", "nn", "mm", "qq", "hh")
_AFTER_DOUBLES = (
    # ng and nk are one sound group: ㅇ+vowel, or ㄴ+ㄱ voiced (ango) or tensed (anko).
    ("nk", "q"), ("tc", "c"), ("ts", "s"),
    # Nasalisation is written in some forms and not others (Pangmihyang / Bak Mihyang).
    ("qm", "km"), ("qn", "kn"), ("pm", "m"), ("pn", "mn"), ("tm", "nm"), ("tn", "n"),
    # n after a consonant is l (Amnok / Amrok, Chongno / Jongro).
    ("kn", "kl"), ("sn", "sl"), ("cn", "cl"), ("mn", "ml"), ("ln", "l"), ("hn", "hl"),
)  # fmt: skip
_WEAK_L = tuple((c + "l" + v, c + v) for c in "ktpscmnqh" for v in "iy")


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _single(key: str) -> str:
    for double in _DOUBLES:
        while double in key:
            key = key.replace(double, double[0])
    return key


def _fold_once(key: str) -> str:
    for old, new in _DIGRAPHS:
        if old in key:
            key = key.replace(old, new)
    key = _single(key.translate(_LETTERS))
    for old, new in _AFTER_DOUBLES:
        if old in key:
            key = key.replace(old, new)
    if key.startswith("n"):
        key = "l" + key[1:]
    # l before i or y: where North Korean spelling keeps an initial ㄹ/ㄴ (Ryu / Yu).
    if key.startswith(("li", "ly")):
        key = key[1:]
    if "li" in key or "ly" in key:
        for old, new in _WEAK_L:
            if old in key:
                key = key.replace(old, new)
    return _single(key)


@lru_cache(maxsize=1 << 16)
def search_key(text: str) -> str:
    """The folding key of a romanized or Hangul string (Hangul is keyed by its MR form)."""
    if contains_hangul(text):
        text = romanize(text, "mr")
    key = text.lower().translate(_QUICK)
    if not key.isascii():
        key = _strip_marks(key).lower()
        key = _NOT_WORD.sub("", key)
    elif not key.isalnum():
        key = _NOT_WORD.sub("", key)
    while True:
        folded = _fold_once(key)
        if folded == key:
            return key
        key = folded
