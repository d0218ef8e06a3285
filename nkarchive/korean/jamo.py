"""Hangul syllables and jamo: decomposition, input normalisation, and the Hangul-run splitter.

Onsets and finals are named by their compatibility-jamo letters ("ㄱ"); an empty onset is "".
"""

from __future__ import annotations

import re
import unicodedata

INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
VOWELS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
FINALS: tuple[str, ...] = ("", *"ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ")

# Vowel indices the sound rules refer to by name.
V_A, V_E, V_O, V_WI, V_I = 0, 5, 8, 16, 20

_BASE = 0xAC00
_LAST = 0xD7A3

Syllable = tuple[str, int, str]  # onset ("" for ㅇ), vowel index, final ("" for none)

HANGUL_RUN = re.compile("([\uac00-\ud7a3]+)")
_JAMO = "\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\ud7b0-\ud7ff\uffa0-\uffdc"
JAMO_CHAR = re.compile(f"[{_JAMO}]")
ANY_HANGUL = re.compile(f"[\uac00-\ud7a3{_JAMO}]")


def decompose(syllable: str) -> Syllable:
    """Split one precomposed syllable into onset, vowel index and final."""
    index = ord(syllable) - _BASE
    onset = INITIALS[index // 588]
    return ("" if onset == "ㅇ" else onset, (index % 588) // 28, FINALS[index % 28])


def compose(onset: str, vowel: int, final: str = "") -> str:
    """The precomposed syllable for onset (or "" for ㅇ), vowel index and final."""
    lead = INITIALS.index(onset or "ㅇ")
    return chr(_BASE + lead * 588 + vowel * 28 + FINALS.index(final))


def contains_hangul(text: str) -> bool:
    """True if text holds any Hangul syllable or jamo."""
    return ANY_HANGUL.search(text) is not None


# Conjoining jamo (U+1100 block) to compatibility letters, so both kinds compose the same way.
_CONJOINING: dict[int, str] = {}
for _i, _ch in enumerate(INITIALS):
    _CONJOINING[0x1100 + _i] = _ch
for _i, _ch in enumerate(VOWELS):
    _CONJOINING[0x1161 + _i] = _ch
for _i, _ch in enumerate(FINALS[1:]):
    _CONJOINING[0x11A8 + _i] = _ch
for _filler in (0x115F, 0x1160, 0x3164, 0xFFA0):
    _CONJOINING[_filler] = ""


def normalize(text: str) -> str:
    """NFC, with conjoining, half-width and compatibility jamo composed into syllables where they can be."""
    if text.isascii():
        return text
    text = unicodedata.normalize("NFC", text)
    if JAMO_CHAR.search(text) is None:
        return text
    letters = []
    for ch in text:
        if "\uffa0" <= ch <= "\uffdc":
            ch = unicodedata.normalize("NFKC", ch)
        letters.append(_CONJOINING.get(ord(ch), ch))
    return _compose_letters("".join(letters))


def _compose_letters(text: str) -> str:
    """Build syllables from runs of compatibility letters: consonant + vowel (+ final)."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        nxt = text[i + 1] if i + 1 < n else ""
        if ch in INITIALS and nxt and nxt in VOWELS:
            final = ""
            after = text[i + 2] if i + 2 < n else ""
            after2 = text[i + 3] if i + 3 < n else ""
            if after and after in FINALS[1:] and not (after2 and after2 in VOWELS):
                final = after
            out.append(compose("" if ch == "ㅇ" else ch, VOWELS.index(nxt), final))
            i += 3 if final else 2
        elif ch in VOWELS:
            out.append(compose("", VOWELS.index(ch)))
            i += 1
        else:
            out.append(ch)
            i += 1
    return "".join(out)
