"""Hangul text to each romanization scheme, with everything that is not Hangul left in place."""

from __future__ import annotations

import re
from functools import lru_cache

from nkarchive.korean import lexicon
from nkarchive.korean.jamo import HANGUL_RUN, JAMO_CHAR, decompose, normalize
from nkarchive.korean.names import romanize_name, split_name
from nkarchive.korean.sandhi import FINAL_PHONE
from nkarchive.korean.schemes import LONE_LETTERS, SCHEMES, capitalize, render
from nkarchive.korean.segment import Word, divide, south_spelling

KINDS = ("title", "name", "place")


def _check(scheme: str, kind: str) -> None:
    if scheme not in SCHEMES:
        raise ValueError(f"unknown romanization scheme {scheme!r}; expected one of {SCHEMES}")
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; expected one of {KINDS}")


@lru_cache(maxsize=1 << 16)
def _render_word(word: Word, scheme: str, kind: str) -> str:
    text = word.text
    if scheme.startswith("dprk") and text in lexicon.DPRK_CONVENTIONAL:
        return lexicon.DPRK_CONVENTIONAL[text]
    if scheme == "alalc":
        if word.role == "surname" and text in ("리", "이"):
            return "Yi"
        # ALA-LC spells common words the South Korean way (로동 → nodong) but leaves
        # North Korean proper names as they are (라선 Rasŏn).
        if kind == "title":
            south = word.role in ("plain", "surname", "particle")
        else:
            south = word.role == "institution"
        if south:
            text = south_spelling(text)
    if not word.hyphen_at:
        return render(text, scheme)
    if scheme in ("rr", "dprk", "dprk_ascii"):
        # RR and the DPRK write the unit without sound changes across the hyphen; the DPRK
        # still voices its first stop after a resonant (Hyongjesan-guyok).
        stem, unit = text[: word.hyphen_at], text[word.hyphen_at :]
        before = FINAL_PHONE[decompose(stem[-1])[2]] if scheme != "rr" else None
        return f"{render(stem, scheme)}-{render(unit, scheme, frozenset(), before)}"
    return render(text, scheme, frozenset((word.hyphen_at,)))


@lru_cache(maxsize=1 << 16)
def _run_forms(run: str, kind: str, seen_letter: bool, after_letter: bool) -> tuple[str, ...]:
    """A run of Hangul syllables in every scheme (in SCHEMES order).

    seen_letter: a letter or digit comes earlier in the text (so a title's first word is past);
    after_letter: the run directly follows one (027호 → 027ho, not 027Ho).
    """
    forms = []
    for scheme in SCHEMES:
        capitalize_all = kind == "place" or scheme.startswith("dprk")
        out = []
        for position, word in enumerate(divide(run, kind, scheme == "alalc")):
            roman = _render_word(word, scheme, kind)
            if position == 0 and after_letter:
                pass  # a word begins only after a space or punctuation
            elif capitalize_all or not (seen_letter or position) or word.role in _PROPER:
                roman = capitalize(roman)
            out.append(roman)
        forms.append(" ".join(out))
    return tuple(forms)


_PROPER = frozenset(("surname", "place"))


def _text_forms(text: str, kind: str) -> tuple[str, ...]:
    """Every scheme's romanization of a title or place, with non-Hangul characters in place."""
    pieces = HANGUL_RUN.split(text)
    columns: list[tuple[str, ...]] = []  # one entry per piece, holding every scheme's form
    seen_letter = False
    last = len(pieces) - 1
    for index, piece in enumerate(pieces):
        if index % 2 == 0:
            if not piece:
                continue
            if JAMO_CHAR.search(piece):
                # Lone letters take the scheme's value; archaic ones with none are dropped.
                columns.append(
                    tuple(JAMO_CHAR.sub("", piece.translate(LONE_LETTERS[s])) for s in SCHEMES)
                )
            else:
                columns.append((piece,) * len(SCHEMES))
            seen_letter = seen_letter or (not piece.isspace() and _ALNUM.search(piece) is not None)
            continue
        before = pieces[index - 1][-1:].isalnum()
        after = index < last and pieces[index + 1][:1].isalnum()
        forms = _run_forms(piece, kind, seen_letter, before and kind != "place")
        if kind == "place" and (before or after):
            # 조선4.25예술영화촬영소 → Chosŏn 4.25 Yesul ...
            space_before, space_after = " " * before, " " * after
            forms = tuple(f"{space_before}{form}{space_after}" for form in forms)
        columns.append(forms)
        seen_letter = True
    if len(columns) <= 1:
        return columns[0] if columns else ("",) * len(SCHEMES)
    return tuple(map("".join, zip(*columns, strict=True)))


_ALNUM = re.compile(r"[^\W_]")


@lru_cache(maxsize=1 << 12)
def all_forms(text: str, kind: str = "title") -> tuple[str, ...]:
    """`text` in every scheme, in SCHEMES order."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; expected one of {KINDS}")
    text = normalize(text)
    if kind == "name":
        parts = split_name(text.strip())
        if parts is not None:
            return tuple(romanize_name(parts[0], parts[1], scheme) for scheme in SCHEMES)
    return _text_forms(text, "place" if kind == "place" else "title")


def romanize(text: str, scheme: str, *, kind: str = "title") -> str:
    """Romanize the Hangul in `text` in `scheme` (mr, mr_ascii, rr, alalc, dprk, dprk_ascii).

    kind: "title" (a title or running text), "name" (a personal name: surname, then given name)
    or "place" (a place or organisation: every word capitalised, institution names split into
    their elements). Non-Hangul characters are kept as they are, in place.
    """
    _check(scheme, kind)
    return all_forms(text, kind)[_SCHEME_INDEX[scheme]]


_SCHEME_INDEX = {scheme: index for index, scheme in enumerate(SCHEMES)}
