"""Numbers: what counts as numeric, ordinals and roman numerals, and page-range collapsing."""

from __future__ import annotations

import re

from nkarchive.interchange.csl.locale import Locale, ordinal_suffix

_TOKEN = r"[A-Za-z]*\d+[A-Za-z]*"
_NUMERIC_RE = re.compile(rf"^\s*{_TOKEN}(?:\s*(?:[-\u2013,&/]|and)\s*{_TOKEN})*\s*$")
_SPLIT_RE = re.compile(r"(\s*(?:-|\u2013|,|&|\band\b)\s*)")
_DIGITS_RE = re.compile(r"\d+")
_PLURAL_RE = re.compile(r"\d\s*(?:[-\u2013,&]|and)\s*\w")


def is_numeric(value: str) -> bool:
    return bool(_NUMERIC_RE.match(value))


def is_plural(value: str) -> bool:
    """True when a locator or page value names more than one thing ("12-15", "3, 7")."""
    return bool(_PLURAL_RE.search(value))


def roman(number: int) -> str:
    if not 0 < number < 4000:
        return str(number)
    out = ""
    for value, letters in (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ):
        while number >= value:
            out += letters
            number -= value
    return out


def long_ordinal(locale: Locale, number: int, gender: str | None) -> str:
    if 1 <= number <= 10:
        word = locale.term(f"long-ordinal-{number:02d}", gender_form=gender or "")
        if word:
            return word
    return f"{number}{ordinal_suffix(locale, number, gender)}"


def format_number(value: str, form: str, locale: Locale, gender: str | None = None) -> str:
    """Render a numeric variable's value in a cs:number form, keeping separators."""
    pieces = _SPLIT_RE.split(value.strip())
    out: list[str] = []
    for n, piece in enumerate(pieces):
        if n % 2 == 1:
            sep = piece.strip()
            if sep in ("-", "\u2013"):
                out.append("\u2013")
            elif sep == ",":
                out.append(", ")
            elif sep == "&":
                out.append(" & ")
            else:
                out.append(f" {sep} ")
            continue
        match = _DIGITS_RE.search(piece)
        if match is None or form == "numeric":
            out.append(piece)
            continue
        number = int(match.group())
        if form == "ordinal":
            out.append(f"{number}{ordinal_suffix(locale, number, gender)}")
        elif form == "long-ordinal":
            out.append(long_ordinal(locale, number, gender))
        elif form == "roman":
            out.append(roman(number))
        else:
            out.append(piece)
    return "".join(out)


# A page number may carry a prefix ("N110", "123N110", "000c23"): a range is read only between
# numbers with the same prefix, as citeproc-js reads them; a backslashed hyphen is no range.
_RANGE_RE = re.compile(
    r"(?<![\w\\])((?:\d*[A-Za-z]+0*)?)(\d+)\s*(?:-|\u2013)+\s*((?:\d*[A-Za-z]+0*)?)(\d+)(?![\w-])"
)
_ROMAN_RANGE_RE = re.compile(r"\b([ivxlcdm]+)-([ivxlcdm]+)\b", re.IGNORECASE)
_ESCAPED_HYPHEN = "\x00"


def format_page_range(value: str, fmt: str, delimiter: str = "\u2013") -> str:
    """Collapse page ranges ("321-328" -> "321-28" in chicago) and join them with the locale's
    page-range delimiter; numbers with different prefixes ("N110-P5") are left as written."""

    def replace(match: re.Match[str]) -> str:
        prefix1, first, prefix2, last = match.groups()
        if prefix1 != prefix2:
            return f"{prefix1}{first}-{prefix2}{last}"  # "N110-5", "110-N6": no range we can read
        expanded = _expand(first, last)
        if not fmt or int(expanded) <= int(first):
            return f"{prefix1}{first}{delimiter}{prefix2}{last}"
        if fmt == "expanded":
            return f"{prefix1}{first}{delimiter}{prefix2}{expanded}"
        return f"{prefix1}{first}{delimiter}{_collapse(first, expanded, fmt)}"

    value = value.replace("\\-", _ESCAPED_HYPHEN)
    value = _RANGE_RE.sub(replace, value)
    value = _ROMAN_RANGE_RE.sub(lambda m: f"{m.group(1)}{delimiter}{m.group(2)}", value)
    return value.replace(_ESCAPED_HYPHEN, "-")


def _expand(first: str, last: str) -> str:
    if len(last) < len(first):
        return first[: len(first) - len(last)] + last
    return last


def _minimal(first: str, last: str, keep: int) -> str:
    if len(first) != len(last):
        return last
    n = 0
    while n < len(first) - 1 and first[n] == last[n]:
        n += 1
    result = last[n:]
    if len(result) < keep and len(last) >= keep:
        result = last[-keep:]
    return result


def _collapse(first: str, last: str, fmt: str) -> str:
    if fmt == "expanded" or not fmt:
        return last
    if fmt == "minimal":
        return _minimal(first, last, 1)
    if fmt == "minimal-two":
        return _minimal(first, last, 2)
    if fmt in ("chicago", "chicago-15", "chicago-16"):
        start = int(first)
        if start < 100 or start % 100 == 0:
            return last
        if start % 100 < 10:
            return _minimal(first, last, 1)
        if fmt != "chicago-16" and len(first) == 4 and len(last) == 4:
            short = _minimal(first, last, 2)
            return last if len(short) >= 3 else short
        return _minimal(first, last, 2)
    return last
