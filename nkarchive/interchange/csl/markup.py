"""Rendered text with formatting markers, and how it is joined, cased and turned into output.

While a style is being evaluated, formatting (italics, quotes, small caps, ...) travels inside the
string as private-use marker characters. Joining, punctuation collapsing and text-case can then
work on plain strings and still see through the formatting, and the markers become plain text, HTML
or RTF only at the very end.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

# Formatting markers: each opens with one character and closes with OFF. Private-use code points
# never occur in bibliographic data, so they are safe to embed.
ITALIC = "\ue001"
OBLIQUE = "\ue002"
ROMAN = "\ue003"  # font-style="normal"
BOLD = "\ue004"
LIGHT = "\ue005"
NORMAL_WEIGHT = "\ue006"
SMALL_CAPS = "\ue007"
NORMAL_VARIANT = "\ue008"
UNDERLINE = "\ue009"
NO_DECORATION = "\ue00a"
SUPERSCRIPT = "\ue00b"
SUBSCRIPT = "\ue00c"
BASELINE = "\ue00d"
QUOTE = "\ue00e"
NOCASE = "\ue00f"  # text-case leaves the enclosed text alone
NODECOR = "\ue010"  # field markup: resets every decoration
BLOCK = "\ue011"
LEFT_MARGIN = "\ue012"
RIGHT_INLINE = "\ue013"
INDENT = "\ue014"
AFFIX_QUOTE = "\ue015"  # quotes typed in a cite's prefix or suffix: punctuation stays outside
OFF = "\ue01f"
NAMES_START = "\ue020"  # brackets the first names of a bibliography entry
NAMES_END = "\ue021"
LABEL_START = "\ue022"  # brackets a name label inside them: subsequent-author-substitute keeps it
LABEL_END = "\ue023"
APOSTROPHE = "\u2019"

OPENERS = frozenset(chr(c) for c in range(0xE001, 0xE016))
MARKERS = frozenset([*OPENERS, OFF, NAMES_START, NAMES_END, LABEL_START, LABEL_END])
_MARKER_RE = re.compile("[\ue001-\ue023]")

FONT_STYLE = {"italic": ITALIC, "oblique": OBLIQUE, "normal": ROMAN}
FONT_WEIGHT = {"bold": BOLD, "light": LIGHT, "normal": NORMAL_WEIGHT}
FONT_VARIANT = {"small-caps": SMALL_CAPS, "normal": NORMAL_VARIANT}
TEXT_DECORATION = {"underline": UNDERLINE, "none": NO_DECORATION}
VERTICAL_ALIGN = {"sup": SUPERSCRIPT, "sub": SUBSCRIPT, "baseline": BASELINE}
DISPLAY = {
    "block": BLOCK,
    "left-margin": LEFT_MARGIN,
    "right-inline": RIGHT_INLINE,
    "indent": INDENT,
}


def strip_markers(text: str) -> str:
    return _MARKER_RE.sub("", text)


def wrap(marker: str, text: str) -> str:
    return f"{marker}{text}{OFF}" if text else ""


def _last_visible(text: str) -> int:
    i = len(text) - 1
    while i >= 0 and text[i] in MARKERS:
        i -= 1
    return i


def _first_visible(text: str) -> int:
    i = 0
    while i < len(text) and text[i] in MARKERS:
        i += 1
    return i


# What two adjacent punctuation marks become (citeproc-js keeps the stronger mark).
_COLLAPSE: dict[tuple[str, str], str] = {
    (".", "."): ".",
    ("!", "."): "!",
    ("?", "."): "?",
    (":", "."): ":",
    (";", "."): ";",
    (",", ","): ",",
    (";", ";"): ";",
    (":", ":"): ":",
    ("!", "!"): "!",
    ("?", "?"): "?",
    ("!", ":"): "!",
    ("?", ":"): "?",
    (";", ":"): ";",
    (":", "!"): "!",
    (":", "?"): "?",
    (";", "!"): "!",
    (";", "?"): "?",
    ("!", ","): "!,",
    ("?", ","): "?,",
}


def cat(left: str, right: str) -> str:
    """Concatenate two rendered pieces, collapsing doubled punctuation and spaces at the seam."""
    if not left:
        return right
    if not right:
        return left
    li = _last_visible(left)
    ri = _first_visible(right)
    if li < 0 or ri >= len(right):
        return left + right
    a = left[li]
    b = right[ri]
    if a == " " and b == " ":
        return left + right[:ri] + right[ri + 1 :]
    if a in ".!?:;," and b in ".!?:;,":
        merged = _COLLAPSE.get((a, b))
        if merged is not None:
            if merged == a:
                return left + right[:ri] + right[ri + 1 :]
            if merged == b:
                return left[:li] + left[li + 1 :] + right
    return left + right


def join(parts: Iterable[str], delimiter: str = "") -> str:
    out = ""
    first = True
    for part in parts:
        if not part:
            continue
        if first:
            out = part
            first = False
        else:
            out = cat(cat(out, delimiter), part) if delimiter else cat(out, part)
    return out


def affix(prefix: str, text: str, suffix: str) -> str:
    if not text:
        return ""
    if prefix:
        text = cat(prefix, text)
    if suffix:
        text = cat(text, suffix)
    return text


# --- text-case -----------------------------------------------------------------------------

# The words English title case leaves in lower case (citeproc-js's list).
STOP_WORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "across",
        "afore",
        "after",
        "against",
        "al",
        "along",
        "alongside",
        "amid",
        "amidst",
        "among",
        "amongst",
        "an",
        "and",
        "anenst",
        "apropos",
        "apud",
        "around",
        "as",
        "aside",
        "astride",
        "at",
        "athwart",
        "atop",
        "barring",
        "before",
        "behind",
        "below",
        "beneath",
        "beside",
        "besides",
        "between",
        "beyond",
        "but",
        "by",
        "c",
        "ca",
        "circa",
        "d'",
        "de",
        "despite",
        "down",
        "during",
        "et",
        "except",
        "for",
        "forenenst",
        "from",
        "given",
        "in",
        "inside",
        "into",
        "lest",
        "like",
        "modulo",
        "near",
        "next",
        "nor",
        "notwithstanding",
        "of",
        "off",
        "on",
        "onto",
        "opposite",
        "or",
        "out",
        "outside",
        "over",
        "pace",
        "past",
        "per",
        "plus",
        "pro",
        "qua",
        "regarding",
        "round",
        "sans",
        "save",
        "since",
        "so",
        "than",
        "the",
        "thru",
        "through",
        "throughout",
        "thruout",
        "till",
        "to",
        "toward",
        "towards",
        "under",
        "underneath",
        "until",
        "unto",
        "up",
        "upon",
        "v",
        "v.",
        "van",
        "versus",
        "via",
        "vis-à-vis",
        "von",
        "vs",
        "vs.",
        "with",
        "within",
        "without",
        "yet",
    ]
)


def _segments(text: str) -> list[tuple[str, bool]]:
    """Split into (chunk, protected) where protected chunks are inside NOCASE or are markers."""
    out: list[tuple[str, bool]] = []
    depth = 0
    nocase_depths: list[int] = []
    buf = ""
    for ch in text:
        if ch in MARKERS:
            if buf:
                out.append((buf, bool(nocase_depths)))
                buf = ""
            if ch in OPENERS:
                depth += 1
                if ch == NOCASE:
                    nocase_depths.append(depth)
            elif ch == OFF:
                if nocase_depths and nocase_depths[-1] == depth:
                    nocase_depths.pop()
                depth -= 1
            out.append((ch, True))
        else:
            buf += ch
    if buf:
        out.append((buf, bool(nocase_depths)))
    return out


def _map_unprotected(text: str, func: str) -> str:
    parts = _segments(text)
    return "".join(chunk if protected else getattr(chunk, func)() for chunk, protected in parts)


def _upper_first(word: str) -> str:
    for i, ch in enumerate(word):
        if ch.isalpha():
            return word[:i] + ch.upper() + word[i + 1 :]
        if ch.isdigit():
            return word
    return word


_TOKEN_RE = re.compile(r"[^\s\u2013\u2014/]+")


def _word_case(text: str, transform: str) -> str:
    """Apply a per-word transform over the unprotected parts; words may span marker seams."""
    parts = _segments(text)
    plain = "".join("\x00" * len(c) if p else c for c, p in parts)
    chars = list("".join(c for c, _ in parts))
    tokens = [(m.start(), m.end()) for m in _TOKEN_RE.finditer(plain) if m.group().strip("\x00")]
    if transform == "capitalize-first":
        tokens = tokens[:1]
    elif transform == "title":
        # words kept as written (nocase) still count: "of the" between two of them is inside
        # the title, and a colon inside one does not open a subtitle
        visible = "".join("\x00" if ch in MARKERS else ch for ch in chars)
        everything = [
            (m.start(), m.end()) for m in _TOKEN_RE.finditer(visible) if m.group().strip("\x00")
        ]
        editable = dict(tokens)  # start -> end of the words text-case may change
        last_index = len(everything) - 1
        tokens = []
        for n, (start, _) in enumerate(everything):
            end = editable.get(start)
            if end is None:
                continue
            word = plain[start:end].replace("\x00", "")
            if not _is_stop_word(word, n, last_index, visible, start):
                tokens.append((start, end))
    for start, end in tokens:
        token = plain[start:end]
        word = token.replace("\x00", "")
        if not word:
            continue
        # "pro-environmental" -> "Pro-Environmental"; "07-x" stays: it starts with a digit
        offset = start
        for piece in token.split("-"):
            visible = piece.replace("\x00", "")
            first = next((i for i, ch in enumerate(piece) if ch != "\x00"), None)
            if (
                first is not None
                and visible
                and visible[0].isalpha()
                and (transform != "title" or _is_latin_letter(visible[0]))
                and visible == visible.lower()
                and (offset == start or visible not in STOP_WORDS)
            ):
                chars[offset + first] = chars[offset + first].upper()
            if transform == "capitalize-first" or not word[0].isalpha():
                break
            offset += len(piece) + 1
    return "".join(chars)


def _is_latin_letter(ch: str) -> bool:
    """Title case capitalizes Latin letters only ("β-carotine" keeps its beta), as citeproc-js."""
    return ch.isascii() or "\u00c0" <= ch <= "\u024f" or "\u1e00" <= ch <= "\u1eff"


def _is_stop_word(word: str, index: int, last: int, plain: str, start: int) -> bool:
    core = word.strip("\"'“”‘’([{").lower()
    if core not in STOP_WORDS or not 0 < index < last:
        return False
    # a word opening a quotation, a subtitle or a sentence is capitalized all the same
    before = plain[:start].rstrip(" \x00")
    return not (plain[start] == "\x00" or before.endswith((":", "?", "!", ".")))


def apply_text_case(text: str, text_case: str | None, english: bool = True) -> str:
    if not text_case or not text:
        return text
    if text_case == "lowercase":
        return _map_unprotected(text, "lower")
    if text_case == "uppercase":
        return _map_unprotected(text, "upper")
    if text_case in ("capitalize-first", "capitalize-all"):
        return _word_case(text, text_case)
    if text_case == "sentence":
        return _word_case(_map_unprotected(text, "lower"), "capitalize-first")
    if text_case == "title":
        if not english:
            return text
        return _word_case(text, "title")
    return text


def strip_periods(text: str) -> str:
    return text.replace(".", "")


# --- field markup ----------------------------------------------------------------------------

_FIELD_TAG_RE = re.compile(
    r'<(/?)(i|b|sup|sub|sc|span)(\s+(?:class|style)="([^"]*)")?\s*>', re.IGNORECASE
)


def parse_field_markup(value: str, affix: bool = False) -> str:
    """Turn the rich-text subset CSL-JSON allows in fields into markers.

    `<i>`, `<b>`, `<sup>`, `<sub>`, `<sc>`, small-caps and nocase/nodecor spans, and straight
    double quotes become markers; straight apostrophes become typographic ones.
    """
    if "<" not in value and not any(q in value for q in "\"'\u201c\u201d\u2018\u2019"):
        return value
    out: list[str] = []
    stack: list[str] = []
    pos = 0
    for match in _FIELD_TAG_RE.finditer(value):
        out.append(value[pos : match.start()])
        pos = match.end()
        closing, tag, attrs = match.group(1), match.group(2).lower(), (match.group(4) or "")
        if closing:
            if stack and stack[-1] == "nocase-" + tag:
                stack.pop()
                stack.pop()
                out.append(OFF + OFF)
            elif stack and stack[-1] == tag:
                stack.pop()
                out.append(OFF)
            else:
                out.append(match.group(0))
            continue
        marker = {
            "i": ITALIC,
            "b": BOLD,
            "sup": SUPERSCRIPT,
            "sub": SUBSCRIPT,
            "sc": SMALL_CAPS,
        }.get(tag)
        if tag == "span":
            compact = attrs.replace(" ", "").lower()
            if "nocase" in compact:
                marker = NOCASE
            elif "nodecor" in compact:
                marker = NODECOR
            elif "small-caps" in compact:
                marker = SMALL_CAPS
            elif "italic" in compact:
                marker = ITALIC
            elif "bold" in compact:
                marker = BOLD
        if marker is None:
            out.append(match.group(0))
            continue
        stack.append(tag)
        if marker in (SMALL_CAPS, SUPERSCRIPT, SUBSCRIPT):
            # text set in small caps or raised in a field keeps its case (citeproc-js)
            stack.append("nocase-" + tag)
            out.append(marker + NOCASE)
            continue
        out.append(marker)
    out.append(value[pos:])
    out.extend(OFF for _ in stack)
    text = "".join(out)
    if any(q in text for q in "\"'\u201c\u201d\u2018\u2019"):
        text = convert_quotes(text)
        if affix:
            # quotes a user typed round a cite keep the punctuation after them outside, while
            # quotes in the data take it in like the style's own (citeproc-js)
            text = text.replace(QUOTE, AFFIX_QUOTE)
    return text


_OPENING_CONTEXT = " \t\n([{\u2014\u2013-/"


def convert_quotes(text: str) -> str:
    """Pair quotation marks typed in a field into quote markers (the style's quotes replace them,
    alternating double and single when nested); other straight apostrophes become ’."""
    out: list[str] = []
    stack: list[tuple[str, int]] = []  # (kind, index in out of the opener)
    n = len(text)
    for i, ch in enumerate(text):
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < n else " "
        if prev in MARKERS:
            prev = " "
        if nxt in MARKERS:
            nxt = " "
        if ch in '"\u201c\u201d':
            if stack and stack[-1][0] == '"' and not prev.isspace() and ch != "\u201c":
                stack.pop()
                out.append(OFF)
            elif not nxt.isspace() and ch != "\u201d":
                stack.append(('"', len(out)))
                out.append(QUOTE)
            else:
                out.append(ch)
        elif ch in "'\u2018\u2019":
            if prev.isalnum() and nxt.isalnum():
                out.append(APOSTROPHE)
            elif stack and stack[-1][0] == "'" and not prev.isspace() and not nxt.isalnum():
                stack.pop()
                out.append(OFF)
            elif (
                (prev.isspace() or prev in _OPENING_CONTEXT)
                and not nxt.isspace()
                and ch != "\u2019"
            ):
                stack.append(("'", len(out)))
                out.append(QUOTE)
            else:
                out.append(APOSTROPHE)
        else:
            out.append(ch)
    for kind, index in stack:  # never closed: they were not quotation marks
        out[index] = '"' if kind == '"' else APOSTROPHE
    return "".join(out)


# --- final output --------------------------------------------------------------------------

_HTML_OPEN = {
    ITALIC: ("<i>", "</i>"),
    OBLIQUE: ("<i>", "</i>"),
    ROMAN: ('<span style="font-style:normal;">', "</span>"),
    BOLD: ("<b>", "</b>"),
    LIGHT: ('<span style="font-weight:light;">', "</span>"),
    NORMAL_WEIGHT: ('<span style="font-weight:normal;">', "</span>"),
    SMALL_CAPS: ('<span style="font-variant:small-caps;">', "</span>"),
    NORMAL_VARIANT: ('<span style="font-variant:normal;">', "</span>"),
    UNDERLINE: ('<span style="text-decoration:underline;">', "</span>"),
    NO_DECORATION: ('<span style="text-decoration:none;">', "</span>"),
    SUPERSCRIPT: ("<sup>", "</sup>"),
    SUBSCRIPT: ("<sub>", "</sub>"),
    BASELINE: ('<span style="baseline">', "</span>"),
    BLOCK: ('<div class="csl-block">', "</div>"),
    LEFT_MARGIN: ('<div class="csl-left-margin">', "</div>"),
    RIGHT_INLINE: ('<div class="csl-right-inline">', "</div>"),
    INDENT: ('<div class="csl-indent">', "</div>"),
}
_RTF_OPEN = {
    ITALIC: ("{\\i ", "}"),
    OBLIQUE: ("{\\i ", "}"),
    ROMAN: ("{\\i0 ", "}"),
    BOLD: ("{\\b ", "}"),
    LIGHT: ("{\\b0 ", "}"),
    NORMAL_WEIGHT: ("{\\b0 ", "}"),
    SMALL_CAPS: ("{\\scaps ", "}"),
    NORMAL_VARIANT: ("{\\scaps0 ", "}"),
    UNDERLINE: ("{\\ul ", "}"),
    NO_DECORATION: ("{\\ul0 ", "}"),
    SUPERSCRIPT: ("{\\super ", "}"),
    SUBSCRIPT: ("{\\sub ", "}"),
    BASELINE: ("{\\nosupersub ", "}"),
}
# Which formatting family each marker belongs to, for flip-flopping nested italics and the like.
_FAMILY = {
    ITALIC: "style",
    OBLIQUE: "style",
    ROMAN: "style",
    BOLD: "weight",
    LIGHT: "weight",
    NORMAL_WEIGHT: "weight",
    SMALL_CAPS: "variant",
    NORMAL_VARIANT: "variant",
    UNDERLINE: "decoration",
    NO_DECORATION: "decoration",
}
_NEUTRAL = {"style": ROMAN, "weight": NORMAL_WEIGHT, "variant": NORMAL_VARIANT}


_MARKER_SPLIT_RE = re.compile("([\ue001-\ue023])")


def finalize(text: str, fmt: str, quotes: Mapping[str, str], punct_in_quote: bool) -> str:
    """Turn a marked-up string into plain text, HTML or RTF."""
    if fmt not in ("text", "html", "rtf"):
        raise ValueError(f"unknown output format {fmt!r}")
    if punct_in_quote and QUOTE in text:
        text = _punct_into_quotes(text)
    if fmt == "text" and QUOTE not in text and AFFIX_QUOTE not in text:
        return _MARKER_RE.sub("", text)
    out: list[str] = []
    stack: list[tuple[str, str]] = []  # (what was opened, its closing text)
    active: dict[str, str] = {}
    quote_depth = 0
    for n, chunk in enumerate(_MARKER_SPLIT_RE.split(text)):
        if n % 2 == 0:
            if chunk:
                out.append(_escape(chunk, fmt))
            continue
        ch = chunk
        if ch in OPENERS:
            if ch in (QUOTE, AFFIX_QUOTE):
                inner = quote_depth % 2 == 1
                open_q = quotes["open-inner-quote" if inner else "open-quote"]
                close_q = quotes["close-inner-quote" if inner else "close-quote"]
                quote_depth += 1
                out.append(_escape(open_q, fmt))
                stack.append((QUOTE, _escape(close_q, fmt)))
                continue
            if ch == NOCASE:
                stack.append((NOCASE, ""))
                continue
            if ch == NODECOR:
                opened = ""
                for family, neutral in _NEUTRAL.items():
                    current = active.get(family)
                    if current is not None and current != neutral and fmt == "html":
                        opened += _HTML_OPEN[neutral][0]
                stack.append((NODECOR, "</span>" * opened.count("<span")))
                out.append(opened)
                continue
            family = _FAMILY.get(ch, "")
            marker = ch
            previous = active.get(family) if family else None
            if family in _NEUTRAL and marker == previous and marker != _NEUTRAL[family]:
                marker = _NEUTRAL[family]  # italic inside italic reads as roman
            if family:
                active[family] = marker
            if family in _NEUTRAL and marker == _NEUTRAL[family] and previous in (None, marker):
                open_tag, close_tag = "", ""  # "normal" with nothing to undo
            elif fmt == "html":
                open_tag, close_tag = _HTML_OPEN[marker]
            elif fmt == "rtf":
                open_tag, close_tag = _RTF_OPEN.get(marker, ("", ""))
            else:
                open_tag, close_tag = "", ""
            if family and marker == _NEUTRAL.get(family) and previous in (None, marker):
                active.pop(family, None)
            out.append(open_tag)
            stack.append((f"{family}\x00{previous or ''}", close_tag))
            continue
        if ch == OFF:
            if not stack:
                continue
            key, closing = stack.pop()
            if key == QUOTE:
                quote_depth -= 1
            elif "\x00" in key:
                family, previous = key.split("\x00")
                if family:
                    if previous:
                        active[family] = previous
                    else:
                        active.pop(family, None)
            out.append(closing)
    while stack:
        out.append(stack.pop()[1])
    return "".join(out)


_CJK_RE = re.compile(
    "[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]"
)
_LATIN_RE = re.compile("[A-Za-z\u00c0-\u024f]")


def is_cjk_only(text: str) -> bool:
    """Han, Hangul or kana with no Latin letters: such text is never set in italics."""
    return bool(_CJK_RE.search(text)) and not _LATIN_RE.search(text)


def _punct_into_quotes(text: str) -> str:
    """Move . , ! ? that follow a closing quote inside it (American usage)."""
    chars = list(text)
    stack: list[str] = []
    closes_quote = [False] * len(chars)
    for i, ch in enumerate(chars):
        if ch in OPENERS:
            stack.append(ch)
        elif ch == OFF and stack:
            closes_quote[i] = stack.pop() == QUOTE
    result: list[str] = []
    i = 0
    while i < len(chars):
        if chars[i] != OFF:
            result.append(chars[i])
            i += 1
            continue
        j = i
        while j < len(chars) and chars[j] == OFF:
            j += 1
        if j < len(chars) and chars[j] in ".,!?" and any(closes_quote[i:j]):
            # every mark that follows goes in, as citeproc-js moves them: “comma,.” “period.!”
            k = j
            while k < len(chars) and chars[k] in ".,!?":
                last = _last_visible("".join(result))
                previous = result[last] if last >= 0 else ""
                mark = chars[k]
                if not (previous == mark or (mark == "." and previous in "!?")):
                    result.append(mark)
                k += 1
            result.extend(chars[i:j])
            i = k
            continue
        result.extend(chars[i:j])
        i = j
    return "".join(result)


_SUPERSCRIPTS = {
    "ª": "a",
    "º": "o",
    "ʳ": "r",
    "ᵉ": "e",
    "ˢ": "s",
    "ᵗ": "t",
    "ʰ": "h",
    "ⁿ": "n",
    "ᵈ": "d",
    "ᵃ": "a",
    "ᵒ": "o",
    "ᵐ": "m",
    "ˡ": "l",
    "ᵛ": "v",
    "ᵏ": "k",
    "¹": "1",
    "²": "2",
    "³": "3",
}
# HTML escapes; superscript letters (French and Spanish ordinals) become <sup>, as in citeproc-js
_HTML_ESCAPES = str.maketrans(
    {
        "&": "&#38;",
        "<": "&#60;",
        ">": "&#62;",
        **{k: f"<sup>{v}</sup>" for k, v in _SUPERSCRIPTS.items()},
    }
)


def _escape(text: str, fmt: str) -> str:
    if fmt == "html":
        return text.translate(_HTML_ESCAPES)
    if fmt == "rtf":
        out = []
        for ch in text:
            if ch in "\\{}":
                out.append("\\" + ch)
            elif ord(ch) > 127:
                code = ord(ch)
                if code > 0xFFFF:
                    encoded = ch.encode("utf-16-le")
                    for k in range(0, 4, 2):
                        unit = int.from_bytes(encoded[k : k + 2], "little")
                        out.append(f"\\uc0\\u{unit - 65536 if unit > 32767 else unit} ")
                else:
                    out.append(f"\\uc0\\u{code - 65536 if code > 32767 else code} ")
            else:
                out.append(ch)
        return "".join(out)
    return text
