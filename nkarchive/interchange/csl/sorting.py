"""cs:sort: sort keys from variables and macros, compared the way a reader expects."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from nkarchive.interchange.csl.items import NUMBER_VARIABLES, Item
from nkarchive.interchange.csl.markup import strip_markers
from nkarchive.interchange.csl.names import format_name_list
from nkarchive.interchange.csl.nodes import Node

if TYPE_CHECKING:
    from nkarchive.interchange.csl.render import Context, Renderer

SortValue = str | int
_DIGIT_RUN = re.compile(r"\d+")
_SEPARATOR = "\x01"
_SORT_QUOTES = str.maketrans(
    {"\u201c": "", "\u201d": "", '"': "", "\u2018": " ", "\u2019": " ", "'": " "}
)


def normalize_sort_text(text: str) -> str:
    text = strip_markers(text)
    text = "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    )
    # As citeproc-js keys and compares them: double quotes go, an apostrophe parts words, each
    # space becomes a separator that sorts before any letter or digit ("A Hansen" before
    # "Ab Delrahman", "Dale" before "Dalebout"), other punctuation is ignored ("Simple title,
    # here A" before "Simple title here B") and digits compare as numbers.
    text = text.casefold().translate(_SORT_QUOTES).strip()
    text = "".join(
        _SEPARATOR if ch.isspace() else ch for ch in text if ch.isalnum() or ch.isspace()
    )
    return _DIGIT_RUN.sub(lambda m: m.group().lstrip("0").zfill(12), text)


def key_value(
    renderer: Renderer, key: Node, item: Item, make_context: Callable[[Item], Context]
) -> SortValue:
    ctx = make_context(item)
    ctx.sort_mode = True
    ctx.sort_name_options = {
        k: v
        for k, v in key.attrs.items()
        if k in ("names-min", "names-use-first", "names-use-last")
    }
    if key.macro is not None:
        text, _, _ = renderer.render_children(key.macro.children, ctx)
        return normalize_sort_text(text)
    variable = key.attrs.get("variable", "")
    if not variable:
        return ""
    names = item.names.get(variable)
    if names:
        from nkarchive.interchange.csl.names import _options

        options = dict(_options(renderer, None, ctx))
        options.pop("form", None)
        text, _ = format_name_list(renderer, names, options, None, None, ctx)
        return normalize_sort_text(text)
    date = item.dates.get(variable)
    if date is not None:
        return date.sort_key() or normalize_sort_text(date.literal)
    value = renderer.variable_value(variable, ctx)
    if variable in NUMBER_VARIABLES or variable == "citation-number":
        digits = "".join(ch for ch in value.split("-")[0] if ch.isdigit())
        if digits:
            return int(digits)
    return normalize_sort_text(value)


def _compare(a: SortValue, b: SortValue) -> int:
    if isinstance(a, int) and isinstance(b, int):
        return (a > b) - (a < b)
    sa, sb = str(a), str(b)
    if isinstance(a, int):
        sa = f"{a:012d}"
    if isinstance(b, int):
        sb = f"{b:012d}"
    return (sa > sb) - (sa < sb)


def sort_items(
    renderer: Renderer,
    keys: Sequence[Node],
    items: Sequence[Item],
    make_context: Callable[[Item], Context],
) -> list[Item]:
    """Items in the order the keys give; ties keep their input order. Empty values sort last.

    Keys are computed only when earlier keys tie: most entries differ by author already, and a
    key macro can cost as much as the entry itself.
    """
    if not keys:
        return list(items)
    descending = [key.attrs.get("sort") == "descending" for key in keys]
    cache: dict[tuple[int, int], SortValue] = {}

    def value(position: int, index: int) -> SortValue:
        found = cache.get((position, index))
        if found is None:
            found = key_value(renderer, keys[index], items[position], make_context)
            cache[(position, index)] = found
        return found

    def compare(x: int, y: int) -> int:
        for index, desc in enumerate(descending):
            a = value(x, index)
            b = value(y, index)
            if a == b:
                continue
            if a == "" or b == "":
                return 1 if a == "" else -1
            result = _compare(a, b)
            if result:
                return -result if desc else result
        return x - y

    order = sorted(range(len(items)), key=functools.cmp_to_key(compare))
    return [items[i] for i in order]
