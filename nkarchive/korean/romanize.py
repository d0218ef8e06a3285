"""Hangul text to each romanization scheme, with everything that is not Hangul left in place."""

from __future__ import annotations

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


def _romanize_text(text: str, scheme: str, kind: str) -> str:
    pieces = HANGUL_RUN.split(text)
    out: list[str] = []
    seen_letter = False
    capitalize_all = kind == "place" or scheme.startswith("dprk")
    for index, piece in enumerate(pieces):
        if index % 2 == 0:
            if piece:
                piece = piece.translate(LONE_LETTERS[scheme])
                if JAMO_CHAR.search(piece):
                    piece = JAMO_CHAR.sub("", piece)  # archaic letters with no romanization
                out.append(piece)
                seen_letter = seen_letter or any(ch.isalnum() for ch in piece)
            continue
        if kind == "place" and out and out[-1][-1:].isalnum():
            out.append(" ")  # 조선4.25예술영화촬영소 → Chosŏn 4.25 Yesul ...
        words = divide(piece, kind, scheme == "alalc")
        for position, word in enumerate(words):
            roman = _render_word(word, scheme, kind)
            after_letter = not position and out and out[-1][-1:].isalnum()
            if after_letter:
                pass  # 027호 → 027ho: a word only begins after a space or punctuation
            elif capitalize_all or not seen_letter or word.role in ("surname", "place"):
                roman = capitalize(roman)
            if position:
                out.append(" ")
            out.append(roman)
            seen_letter = True
        following = pieces[index + 1] if index + 1 < len(pieces) else ""
        if kind == "place" and following[:1].isalnum():
            out.append(" ")
    return "".join(out)


def romanize(text: str, scheme: str, *, kind: str = "title") -> str:
    """Romanize the Hangul in `text` in `scheme` (mr, mr_ascii, rr, alalc, dprk, dprk_ascii).

    kind: "title" (a title or running text), "name" (a personal name: surname, then given name)
    or "place" (a place or organisation: every word capitalised, institution names split into
    their elements). Non-Hangul characters are kept as they are, in place.
    """
    _check(scheme, kind)
    text = normalize(text)
    if kind == "name":
        parts = split_name(text.strip())
        if parts is not None:
            return romanize_name(parts[0], parts[1], scheme)
    return _romanize_text(text, scheme, "place" if kind == "place" else "title")
