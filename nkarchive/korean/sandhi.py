"""Pronunciation of one Hangul word: liaison, cluster reduction, nasalisation, ㄹ assimilation,
aspiration with ㅎ, palatalisation and tensing (romanization.md §2 and §5).

The result is a tuple of segments (onset, vowel, coda, tense): the onset as a jamo letter after
the sound changes ("" for none), the vowel index, the coda as a pronounced final ("k t p n l m
ng" or ""), and whether the onset is tensed. Schemes then only map letters.
"""

from __future__ import annotations

from functools import lru_cache

from nkarchive.korean import lexicon
from nkarchive.korean.jamo import V_I, decompose

Segment = tuple[str, int, str, bool]

FINAL_PHONE = {
    "": "", "ㄱ": "k", "ㄲ": "k", "ㄳ": "k", "ㄴ": "n", "ㄵ": "n", "ㄶ": "n", "ㄷ": "t",
    "ㄹ": "l", "ㄺ": "k", "ㄻ": "m", "ㄼ": "l", "ㄽ": "l", "ㄾ": "l", "ㄿ": "p", "ㅀ": "l",
    "ㅁ": "m", "ㅂ": "p", "ㅄ": "p", "ㅅ": "t", "ㅆ": "t", "ㅇ": "ng", "ㅈ": "t", "ㅊ": "t",
    "ㅋ": "k", "ㅌ": "t", "ㅍ": "p", "ㅎ": "t",
}  # fmt: skip

# Before a vowel a final moves to the next syllable; a cluster keeps its first member.
# ㅅ rather than ㅆ after ㄳ/ㅄ: MR writes the tensing of s nowhere (없어 ŏpsŏ).
LIAISON = {
    "": ("", ""), "ㄱ": ("", "ㄱ"), "ㄲ": ("", "ㄲ"), "ㄳ": ("k", "ㅅ"), "ㄴ": ("", "ㄴ"),
    "ㄵ": ("n", "ㅈ"), "ㄶ": ("", "ㄴ"), "ㄷ": ("", "ㄷ"), "ㄹ": ("", "ㄹ"), "ㄺ": ("l", "ㄱ"),
    "ㄻ": ("l", "ㅁ"), "ㄼ": ("l", "ㅂ"), "ㄽ": ("l", "ㅅ"), "ㄾ": ("l", "ㅌ"), "ㄿ": ("l", "ㅍ"),
    "ㅀ": ("", "ㄹ"), "ㅁ": ("", "ㅁ"), "ㅂ": ("", "ㅂ"), "ㅄ": ("p", "ㅅ"), "ㅅ": ("", "ㅅ"),
    "ㅆ": ("", "ㅆ"), "ㅇ": ("ng", ""), "ㅈ": ("", "ㅈ"), "ㅊ": ("", "ㅊ"), "ㅋ": ("", "ㅋ"),
    "ㅌ": ("", "ㅌ"), "ㅍ": ("", "ㅍ"), "ㅎ": ("", ""),
}  # fmt: skip

NASAL = {"k": "ng", "t": "n", "p": "m"}
ASPIRATE = {"ㄱ": "ㅋ", "ㄷ": "ㅌ", "ㅈ": "ㅊ"}
PLAIN = frozenset("ㄱㄷㅂㅅㅈ")
STOPS = frozenset(("k", "t", "p"))
SONORANT_FINALS = frozenset("ㄴㄹㅁㅇ")
# Clusters whose silent obstruent still tenses what follows (앉고 [안꼬], 넓다 [널따]).
TENSING_CLUSTERS = frozenset("ㄵㄻㄼㄾ")
H_FINALS = {"ㅎ": "", "ㄶ": "n", "ㅀ": "l"}


def boundary(final: str, onset: str, vowel: int, keep_r: bool) -> tuple[str, str, bool]:
    """The pronounced coda, next onset and tensing where `final` meets `onset` + `vowel`.

    keep_r: the DPRK system keeps ㄹ as r after a consonant (압록강 Amrokgang).
    """
    if not onset:
        coda, moved = LIAISON[final]
        if vowel == V_I:  # palatalisation: 굳이 kuji, 같이 kach'i
            if moved == "ㄷ":
                moved = "ㅈ"
            elif moved == "ㅌ":
                moved = "ㅊ"
        return coda, moved, False
    if final in H_FINALS:
        base = H_FINALS[final]
        if onset in ASPIRATE:
            return base, ASPIRATE[onset], False
        if onset == "ㅅ":
            return base, "ㅆ", False
        if onset == "ㄴ":
            return ("l", "ㄹ", False) if base == "l" else ("n", "ㄴ", False)
        phone = base or "t"
    else:
        phone = FINAL_PHONE[final]
    if onset == "ㅎ":
        if final in ("ㄷ", "ㅌ") and vowel == V_I:
            return "", "ㅊ", False
        return phone, onset, False  # MR 1939 writes stop + h: 학회 hakhoe, 못하다 mothada
    if onset == "ㄹ":
        if phone in STOPS:
            return NASAL[phone], ("ㄹ" if keep_r else "ㄴ"), False
        if phone in ("m", "ng"):
            return phone, ("ㄹ" if keep_r else "ㄴ"), False
        if phone in ("n", "l"):
            return "l", "ㄹ", False
        return phone, onset, False
    if onset in ("ㄴ", "ㅁ"):
        if phone in STOPS:
            return NASAL[phone], onset, False
        if phone == "l" and onset == "ㄴ":
            return "l", "ㄹ", False
        return phone, onset, False
    if final == "ㄺ" and onset == "ㄱ":
        return "l", onset, True  # 맑고 [말꼬]
    tense = onset in PLAIN and (phone in STOPS or final in TENSING_CLUSTERS)
    return phone, onset, tense


def lexical_tensing(word: str) -> frozenset[int]:
    """Indices of syllables whose plain onset is tensed after a sonorant for lexical reasons."""
    tensed: set[int] = set()
    for i in range(1, len(word)):
        before, here = decompose(word[i - 1]), decompose(word[i])
        if before[2] not in SONORANT_FINALS or here[0] not in PLAIN:
            continue
        rest = word[i:]
        if before[2] == "ㄹ" and here[0] in "ㄷㅅㅈ":
            # Sino-Korean ㄹ+ㄷ/ㅅ/ㅈ is tensed (발전, 길동); native endings are not (살다).
            if word[i] not in lexicon.NATIVE_AFTER_L and rest[:2] not in lexicon.NATIVE_AFTER_L:
                tensed.add(i)
        elif word[i] in lexicon.TENSED_SECOND_ELEMENTS or (
            word[i - 1] in lexicon.NASAL_VERB_STEMS
            and (word[i] in lexicon.TENSED_ENDINGS or rest[:2] in lexicon.TENSED_ENDINGS)
        ):
            tensed.add(i)
    for known, positions in lexicon.TENSED_WORDS.items():
        start = word.find(known)
        if start >= 0:
            tensed.update(start + p for p in positions)
    return frozenset(tensed)


@lru_cache(maxsize=1 << 16)
def pronounce(word: str, keep_r: bool = False) -> tuple[Segment, ...]:
    """The pronounced segments of a word of Hangul syllables."""
    if not word:
        return ()
    syllables = [decompose(ch) for ch in word]
    tensed = lexical_tensing(word) if len(word) > 1 else frozenset()
    onsets = [s[0] for s in syllables]
    codas = [""] * len(syllables)
    tense = [False] * len(syllables)
    for i in range(len(syllables) - 1):
        coda, onset, is_tense = boundary(
            syllables[i][2], syllables[i + 1][0], syllables[i + 1][1], keep_r
        )
        codas[i] = coda
        onsets[i + 1] = onset
        tense[i + 1] = is_tense or (i + 1) in tensed
    codas[-1] = FINAL_PHONE[syllables[-1][2]]
    last = len(word) - 1
    if last >= 2 and syllables[last - 1][2] == "ㄴ" and word[last] in lexicon.NN_SUFFIXES:
        codas[last - 1], onsets[last] = "n", "ㄴ"
    return tuple((onsets[i], syllables[i][1], codas[i], tense[i]) for i in range(len(syllables)))
