"""Personal names as each scheme writes them (romanization.md §7): Kim Chŏngil (MR),
Kim Chŏng-il (ALA-LC), Gim Jeongil (RR), Kim Jong Il (DPRK).
"""

from __future__ import annotations

from nkarchive.korean import lexicon
from nkarchive.korean.jamo import HANGUL_RUN, decompose
from nkarchive.korean.sandhi import FINAL_PHONE
from nkarchive.korean.schemes import capitalize, render, to_ascii
from nkarchive.korean.segment import south_spelling

# ALA-LC writes the surname 李/리/이 as Yi; other initial ㄹ/ㄴ surnames follow South Korean
# spelling. MR also writes the South Korean spelling 이 as Yi (Yi Sŭngman); North Korean 리 is Ri.
_ALALC_YI = frozenset(("리", "이", "니"))


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


def romanize_name(surname: str, given: str, scheme: str) -> str:
    """A surname and given name (Hangul) in `scheme`."""
    if scheme.startswith("dprk") and surname + given in lexicon.DPRK_CONVENTIONAL:
        return lexicon.DPRK_CONVENTIONAL[surname + given]
    if scheme == "rr":
        family, personal = _rr_as_spelled(surname), _rr_as_spelled(given)
    elif scheme == "alalc":
        family = "yi" if surname in _ALALC_YI else render(south_spelling(surname), scheme)
        # Sound changes are shown across the hyphen: Kim Ch'ŏr-wŏn, Kim Ch'ang-nyong.
        personal = render(given, scheme, frozenset(range(1, len(given))))
    elif scheme.startswith("dprk"):
        family = render(surname, scheme)
        personal = _dprk_syllables(given, scheme)
    else:
        family = "yi" if surname == "이" else render(surname, scheme)
        personal = render(given, scheme)
    if scheme.endswith("ascii"):
        personal = to_ascii(personal)
    if not given:
        return capitalize(family)
    return f"{capitalize(family)} {capitalize(personal)}"
