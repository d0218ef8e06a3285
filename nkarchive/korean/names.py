"""Personal names as each scheme writes them (romanization.md §7): Kim Chŏngil (MR),
Kim Chŏng-il (ALA-LC), Gim Jeongil (RR), Kim Jong Il (DPRK).
"""

from __future__ import annotations

from functools import lru_cache

from nkarchive.korean import lexicon
from nkarchive.korean.jamo import HANGUL_RUN, decompose
from nkarchive.korean.sandhi import FINAL_PHONE
from nkarchive.korean.schemes import capitalize, render
from nkarchive.korean.segment import south_spelling

# ALA-LC writes the surname 李/리/이 as Yi; other initial ㄹ/ㄴ surnames follow South Korean
# spelling. MR also writes the South Korean spelling 이 as Yi (Yi Sŭngman); North Korean 리 is Ri.
_ALALC_YI = frozenset(("리", "이", "니"))
_MR = frozenset(("mr", "mr_ascii"))


def split_name(text: str) -> tuple[str, str] | None:
    """(surname, given name) of a Hangul personal name, or None if it is not one."""
    parts = text.split()
    if not parts or not all(HANGUL_RUN.fullmatch(part) for part in parts):
        return None
    if len(parts) > 1:
        return parts[0], "".join(parts[1:])
    name = parts[0]
    if len(name) >= 3 and name[:2] in lexicon.COMPOUND_SURNAMES:
        return name[:2], name[2:]
    return name[:1], name[1:]


def _rr_as_spelled(word: str) -> str:
    """RR writes a name syllable by syllable, without sound changes (Han Boknam)."""
    return "".join(render(ch, "rr") for ch in word)


def _dprk_syllables(given: str, scheme: str) -> str:
    """Each syllable a capitalised word; a plain stop is voiced after a vowel or resonant."""
    words = []
    before: str | None = None
    for ch in given:
        words.append(capitalize(render(ch, scheme, frozenset(), before)))
        before = FINAL_PHONE[decompose(ch)[2]]
    return " ".join(words)


@lru_cache(maxsize=1 << 12)
def _family(surname: str, scheme: str) -> str:
    if scheme == "rr":
        return capitalize(_rr_as_spelled(surname))
    if (scheme == "alalc" and surname in _ALALC_YI) or (surname == "이" and scheme in _MR):
        return "Yi"
    if scheme == "alalc":
        return capitalize(render(south_spelling(surname), scheme))
    return capitalize(render(surname, scheme))


@lru_cache(maxsize=1 << 15)
def _personal(given: str, scheme: str) -> str:
    if scheme == "rr":
        return capitalize(_rr_as_spelled(given))
    if scheme == "alalc":
        # Sound changes are shown across the hyphen: Kim Ch'ŏr-wŏn, Kim Ch'ang-nyong.
        return capitalize(render(given, scheme, frozenset(range(1, len(given)))))
    if scheme.startswith("dprk"):
        return _dprk_syllables(given, scheme)
    return capitalize(render(given, scheme))


def romanize_name(surname: str, given: str, scheme: str) -> str:
    """A surname and given name (Hangul) in `scheme`."""
    if scheme.startswith("dprk") and surname + given in lexicon.DPRK_CONVENTIONAL:
        return lexicon.DPRK_CONVENTIONAL[surname + given]
    if not given:
        return _family(surname, scheme)
    return f"{_family(surname, scheme)} {_personal(given, scheme)}"
