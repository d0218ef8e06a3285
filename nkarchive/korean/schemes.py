"""Letters of each scheme, and the rendering of a pronounced word into them (romanization.md §3–4).

MR and ALA-LC share one renderer; RR and the DPRK system have their own. The ASCII forms are the
strict forms with breves and apostrophes removed.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from nkarchive.korean.jamo import V_A, V_E, V_O, V_WI, VOWELS
from nkarchive.korean.sandhi import Segment, pronounce

SCHEMES = ("mr", "mr_ascii", "rr", "alalc", "dprk", "dprk_ascii")

MR_VOWELS = (
    "a", "ae", "ya", "yae", "ŏ", "e", "yŏ", "ye", "o", "wa", "wae", "oe", "yo", "u", "wŏ",
    "we", "wi", "yu", "ŭ", "ŭi", "i",
)  # fmt: skip
RR_VOWELS = (
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo",
    "we", "wi", "yu", "eu", "ui", "i",
)  # fmt: skip

# (voiceless, voiced) for the plain stops; other onsets have one value.
MR_PLAIN = {"ㄱ": ("k", "g"), "ㄷ": ("t", "d"), "ㅂ": ("p", "b"), "ㅈ": ("ch", "j")}
MR_ONSETS = {
    "": "", "ㄲ": "kk", "ㄴ": "n", "ㄸ": "tt", "ㅁ": "m", "ㅃ": "pp", "ㅆ": "ss", "ㅉ": "tch",
    "ㅊ": "ch'", "ㅋ": "k'", "ㅌ": "t'", "ㅍ": "p'", "ㅎ": "h",
}  # fmt: skip
RR_ONSETS = {
    "": "", "ㄱ": "g", "ㄲ": "kk", "ㄴ": "n", "ㄷ": "d", "ㄸ": "tt", "ㅁ": "m", "ㅂ": "b",
    "ㅃ": "pp", "ㅅ": "s", "ㅆ": "ss", "ㅈ": "j", "ㅉ": "jj", "ㅊ": "ch", "ㅋ": "k", "ㅌ": "t",
    "ㅍ": "p", "ㅎ": "h",
}  # fmt: skip
DPRK_PLAIN = {"ㄱ": ("k", "g"), "ㄷ": ("t", "d"), "ㅂ": ("p", "b")}
DPRK_ONSETS = {
    "": "", "ㄲ": "kk", "ㄴ": "n", "ㄸ": "tt", "ㅁ": "m", "ㅃ": "pp", "ㅅ": "s", "ㅆ": "ss",
    "ㅈ": "j", "ㅉ": "jj", "ㅊ": "ch", "ㅋ": "kh", "ㅌ": "th", "ㅍ": "ph", "ㅎ": "h",
}  # fmt: skip

VOICED_BEFORE = frozenset(("", "n", "l", "m", "ng"))  # a plain stop after these is voiced
MR_APOSTROPHE = "'"
ALALC_APOSTROPHE = "ʼ"  # U+02BC, as in Library of Congress records

_ASCII = str.maketrans(
    {"ŏ": "o", "Ŏ": "O", "ŭ": "u", "Ŭ": "U", "ë": "e", "Ë": "E", "'": None, "ʼ": None}
)


def to_ascii(text: str) -> str:
    """Drop breves, the diaeresis and apostrophes (MR-ASCII, DPRK-ASCII)."""
    return text.translate(_ASCII)


def capitalize(text: str) -> str:
    """Upper-case the first letter, leaving the rest (and any leading punctuation) alone."""
    if text[:1].isalpha():
        return text[0].upper() + text[1:]
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1 :]
    return text


def _mr_like(
    segments: Sequence[Segment],
    alalc: bool,
    hyphens: frozenset[int],
    start: str | None,
    moved: frozenset[int],
) -> str:
    """MR 1939 (alalc=False) or ALA-LC letters; `hyphens` are syllable indices preceded by '-'.

    moved: syllables whose onset came from the final before them (liaison); at a hyphen that
    consonant stays on the left: Kim Ch'ŏr-wŏn, Pak Mog-wŏl.
    """
    apostrophe = ALALC_APOSTROPHE if alalc else MR_APOSTROPHE
    out: list[str] = []
    last = len(segments) - 1
    for i, (onset, vowel, coda, tense) in enumerate(segments):
        before = segments[i - 1][2] if i else start
        if i in hyphens and i not in moved:
            out.append("-")
        if onset in MR_PLAIN:
            voiced = before is not None and before in VOICED_BEFORE and not tense
            out.append(MR_PLAIN[onset][voiced])
        elif onset == "ㄹ":
            out.append("l" if before == "l" else "r")
        elif onset == "ㅅ":
            out.append("sh" if vowel == V_WI else "s")
        else:
            letters = MR_ONSETS[onset]
            out.append(letters.replace("'", apostrophe) if alalc else letters)
        if i in hyphens and i in moved:
            out.append("-")
        if (
            not alalc
            and vowel == V_E
            and not onset
            and i
            and not before
            and segments[i - 1][1] in (V_A, V_O)
        ):
            out.append("ë")  # 가에 kaë, so that it is not read as the digraph ae
        else:
            out.append(MR_VOWELS[vowel])
        if not coda:
            continue
        if i < last:
            following = segments[i + 1]
            if coda == "t" and following[0] in ("ㅅ", "ㅆ"):
                coda = "s"
            elif coda == "l" and following[0] == "ㅎ":
                coda = "r"  # 일하 irha
            elif (
                coda == "n" and following[0] == "ㄱ" and not following[3] and (i + 1) not in hyphens
            ):
                coda = "n" + apostrophe  # 잔금 chan'gŭm, not changŭm
        out.append(coda)
    return "".join(out)


def _rr(segments: Sequence[Segment], hyphens: frozenset[int], start: str | None) -> str:
    out: list[str] = []
    for i, (onset, vowel, coda, _tense) in enumerate(segments):
        before = segments[i - 1][2] if i else start
        if i in hyphens:
            out.append("-")
        if onset == "ㄹ":
            out.append("l" if before == "l" else "r")
        else:
            out.append(RR_ONSETS[onset])
        out.append(RR_VOWELS[vowel])
        out.append(coda)
    return "".join(out)


def _dprk(
    segments: Sequence[Segment], hyphens: frozenset[int], start: str | None, suffix: bool
) -> str:
    """suffix: the last syllable is a geographic or group suffix, written voiced (Amrokgang)."""
    out: list[str] = []
    last = len(segments) - 1
    for i, (onset, vowel, coda, _tense) in enumerate(segments):
        before = segments[i - 1][2] if i else start
        if i in hyphens:
            out.append("-")
        if onset in DPRK_PLAIN:
            # Voiced between vowels or after a resonant; tensing is not written.
            voiced = (before is not None and before in VOICED_BEFORE) or (suffix and i == last)
            out.append(DPRK_PLAIN[onset][voiced])
        elif onset == "ㄹ":
            out.append("l" if before == "l" else "r")
        else:
            out.append(DPRK_ONSETS[onset])
        out.append(MR_VOWELS[vowel])
        out.append(coda)
    return "".join(out)


# Syllables with the null onset ㅇ (U+C544 아 is the first; every 588 code points a new vowel).
_VOWEL_INITIAL = frozenset(chr(code) for code in range(0xC544, 0xC544 + 588))
# The DPRK writes these suffixes of geographic and group names with a voiced initial after any
# final, as it writes 압록강 Amrokgang: 강 river, 단 troupe or group, 봉 peak, 골 valley.
DPRK_VOICED_SUFFIXES = frozenset("강단봉골")


@lru_cache(maxsize=1 << 17)
def render(
    word: str,
    scheme: str,
    hyphens: frozenset[int] = frozenset(),
    start: str | None = None,
) -> str:
    """Lower-case romanization of one word of Hangul syllables in `scheme`.

    hyphens: syllable indices written after a hyphen, with sound changes still shown across it
    (ALA-LC given names, administrative units). start: the pronounced final of what precedes the
    word, when the word continues it (DPRK given-name syllables); None at a word start.
    """
    if scheme in ("mr", "mr_ascii", "alalc"):
        moved = frozenset(i for i in hyphens if word[i] in _VOWEL_INITIAL)
        text = _mr_like(pronounce(word), scheme == "alalc", hyphens, start, moved)
        return to_ascii(text) if scheme == "mr_ascii" else text
    if scheme == "rr":
        return _rr(pronounce(word), hyphens, start)
    suffix = len(word) > 1 and word[-1] in DPRK_VOICED_SUFFIXES
    text = _dprk(pronounce(word, keep_r=True), hyphens, start, suffix)
    return to_ascii(text) if scheme == "dprk_ascii" else text


# Lone letters that could not be composed into a syllable are written with the scheme's letter.
def _lone_letter_tables() -> dict[str, dict[int, str]]:
    tables: dict[str, dict[int, str]] = {}
    consonants = "ㄱㄲㄳㄴㄵㄶㄷㄸㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅃㅄㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
    mr = {"ㄳ": "ks", "ㄵ": "nj", "ㄶ": "nh", "ㄺ": "lg", "ㄻ": "lm", "ㄼ": "lb", "ㄽ": "ls"}
    mr |= {"ㄾ": "lt", "ㄿ": "lp", "ㅀ": "lh", "ㅄ": "ps", "ㄹ": "r", "ㅇ": "ng", "ㅅ": "s"}
    for scheme in SCHEMES:
        table: dict[int, str] = {}
        for ch in consonants:
            if ch in mr:
                letters = mr[ch]
            elif scheme == "rr":
                letters = RR_ONSETS[ch]
            elif scheme.startswith("dprk"):
                letters = DPRK_PLAIN[ch][0] if ch in DPRK_PLAIN else DPRK_ONSETS[ch]
            else:
                letters = MR_PLAIN[ch][0] if ch in MR_PLAIN else MR_ONSETS[ch]
            table[ord(ch)] = to_ascii(letters) if scheme.endswith("ascii") else letters
        vowels = RR_VOWELS if scheme == "rr" else MR_VOWELS
        for index, ch in enumerate(VOWELS):
            table[ord(ch)] = to_ascii(vowels[index]) if scheme.endswith("ascii") else vowels[index]
        table[0x318D] = table[0x119E] = "a" if scheme.endswith("ascii") else "ă"  # arae-a
        tables[scheme] = table
    return tables


LONE_LETTERS = _lone_letter_tables()
