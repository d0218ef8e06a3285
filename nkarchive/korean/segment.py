"""Word division of Hangul runs before romanization (romanization.md §6): names inside titles,
institution names split into their elements, administrative-unit hyphens, and ALA-LC's separate
particles. Also the South Korean spelling of a North Korean word-initial ㄹ/ㄴ (두음법칙).
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from nkarchive.korean import lexicon
from nkarchive.korean.jamo import compose, decompose


class Word(NamedTuple):
    """One romanized word: its Hangul, what kind of word it is, and an administrative hyphen."""

    text: str
    role: str = "plain"  # plain, surname, place, institution, particle
    hyphen_at: int = 0  # index of the syllable after an administrative-unit hyphen, or 0


_Y_VOWELS = frozenset((2, 3, 6, 7, 12, 17, 20))  # ㅑ ㅒ ㅕ ㅖ ㅛ ㅠ ㅣ


def south_spelling(word: str) -> str:
    """The word with South Korean initial-sound spelling: 로동 → 노동, 녀학생 → 여학생, 리 → 이."""
    onset, vowel, final = decompose(word[0])
    if onset == "ㄹ":
        onset = "" if vowel in _Y_VOWELS else "ㄴ"
    elif onset == "ㄴ" and vowel in _Y_VOWELS and vowel != 3:
        onset = ""
    else:
        return word
    return compose(onset, vowel, final) + word[1:]


def _split_known(word: str) -> list[Word] | None:
    """Split an institution name into known elements, allowing one unknown leading part."""
    pieces: list[Word] = []
    unknown = ""
    i = 0
    while i < len(word):
        for size in (5, 4, 3, 2):
            chunk = word[i : i + size]
            if len(chunk) == size and (
                chunk in lexicon.INSTITUTION_WORDS or chunk in lexicon.PLACE_NAMES
            ):
                break
        else:
            if pieces:
                return None  # an unknown part after a known one: leave the word whole
            unknown += word[i]
            i += 1
            continue
        role = "place" if chunk in lexicon.PLACE_NAMES else "institution"
        pieces.append(Word(chunk, role))
        i += len(chunk)
    if unknown:
        pieces.insert(0, Word(unknown))
    return pieces if len(pieces) > 1 else None


def _place_words(word: str) -> list[Word]:
    for suffix in lexicon.ADMIN_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            return [Word(word, "plain", len(word) - len(suffix))]
    return _split_known(word) or [Word(word, "place" if word in lexicon.PLACE_NAMES else "plain")]


# First syllables of particles and endings, which stay attached to the place name before them.
_PARTICLE_STARTS = frozenset("에의은는을를과와으까부로도만")


def _title_words(word: str) -> list[Word]:
    words: list[Word] = []
    head = word[0]
    rest = word[1:]
    if head in lexicon.SURNAMES and rest.startswith(lexicon.ADDRESS_TERMS):
        words.append(Word(head, "surname"))  # 김동무는 → Kim tongmunŭn
        word = rest
    for place in lexicon.PLACE_NAMES:
        if (
            word.startswith(place)
            and len(word) - len(place) >= 2
            and word[len(place)] not in _PARTICLE_STARTS  # 평양에서의 stays one word
        ):
            words.append(Word(place, "place"))  # 평양날파람 → P'yŏngyang nalp'aram
            word = word[len(place) :]
            break
    # 없다 after a noun is a word of its own: 이름없는 → irŭm ŏmnŭn.
    cut = word.find("없", 2)
    if cut > 0:
        words.append(Word(word[:cut]))
        word = word[cut:]
    words.append(Word(word, "place" if word in lexicon.PLACE_NAMES else "plain"))
    return words


def _has_final(syllable: str) -> bool:
    return decompose(syllable)[2] != ""


def _particle_split(word: str) -> tuple[str, str]:
    """ALA-LC writes a particle as a word: (stem, particle), or (word, "") if there is none."""
    for particle in lexicon.LONG_PARTICLES:
        if word.endswith(particle) and len(word) > len(particle):
            return word[: -len(particle)], particle
    if len(word) < 2:
        return word, ""
    stem, last = word[:-1], word[-1]
    coda = _has_final(stem[-1])
    if last == "의":
        split = word[-2:] not in lexicon.NOUNS_ENDING_UI
    elif last in "을은":
        split = (
            coda and stem[-1] not in lexicon.ADNOMINAL_STEMS and stem not in lexicon.ADNOMINAL_STEMS
        )
    elif last == "를":
        split = not coda
    elif last == "는":
        split = not coda and (
            stem in lexicon.PRONOUNS or (len(stem) >= 2 and stem[-1] not in lexicon.VERB_STEM_ENDS)
        )
    elif last == "과":
        split = coda and len(stem) >= 2
    elif last == "와":
        split = not coda and (len(stem) >= 2 or stem in lexicon.PRONOUNS)
    elif last == "에":
        split = True
    else:
        split = False
    return (stem, last) if split else (word, "")


def _alalc_division(words: list[Word]) -> list[Word]:
    """ALA-LC word division: particles, -아/-어 있다 and -하다 stand apart."""
    out: list[Word] = []
    for word in words:
        if word.role != "plain" or word.hyphen_at:
            out.append(word)
            continue
        text = word.text
        for i in range(1, len(text)):
            _onset, vowel, final = decompose(text[i - 1])
            if text[i] == "있" and not final and vowel in (0, 4, 6, 9, 14):
                out.append(Word(text[:i]))  # 살아있는 → sara innŭn
                text = text[i:]
                break
            if (
                i >= 2
                and text[i] in lexicon.HADA_FORMS
                and (i == len(text) - 1 or text[i + 1 :] in lexicon.HADA_NEXT)
            ):
                out.append(Word(text[:i]))  # 사랑하는 → sarang hanŭn
                text = text[i:]
                break
        stem, particle = _particle_split(text)
        out.append(Word(stem))
        if particle:
            out.append(Word(particle, "particle"))
    return out


@lru_cache(maxsize=1 << 15)
def divide(run: str, kind: str, alalc: bool) -> tuple[Word, ...]:
    """The words of a run of Hangul syllables (no spaces inside) for a title or a place."""
    words = _place_words(run) if kind == "place" else _title_words(run)
    if alalc and kind == "title":
        words = _alalc_division(words)
    return tuple(words)
