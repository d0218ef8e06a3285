"""cs:date: localized and style-defined date formats, ranges, seasons and year suffixes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from nkarchive.interchange.csl.items import DatePart, DateValue
from nkarchive.interchange.csl.markup import affix, apply_text_case, join, wrap
from nkarchive.interchange.csl.markup import strip_periods as remove_periods
from nkarchive.interchange.csl.nodes import Node

if TYPE_CHECKING:
    from nkarchive.interchange.csl.render import Context, Renderer, Result

_PART_ORDER = {"year": 0, "month": 1, "day": 2}
_DATE_PARTS_FILTER = {
    "year-month-day": ("year", "month", "day"),
    "year-month": ("year", "month"),
    "year": ("year",),
}


def _parts_for(renderer: Renderer, node: Node) -> tuple[list[Node], str]:
    """The date-part nodes to render, in order, and the delimiter between them."""
    form = node.attrs.get("form")
    if not form:
        return [c for c in node.children if c.tag == "date-part"], node.delimiter
    base = renderer.localized_date(form)
    if base is None:
        return [], ""
    wanted = _DATE_PARTS_FILTER.get(node.attrs.get("date-parts", "year-month-day"), ())
    overrides = {c.attrs.get("name", ""): c for c in node.children if c.tag == "date-part"}
    parts: list[Node] = []
    for part in base.children:
        name = part.attrs.get("name", "")
        if name not in wanted:
            continue
        override = overrides.get(name)
        if override is not None:
            merged = dict(part.attrs)
            merged.update(override.attrs)
            # cs:date-part in a style may not set affixes on a localized date: keep the locale's
            merged["prefix"] = part.attrs.get("prefix", "")
            merged["suffix"] = part.attrs.get("suffix", "")
            part = _merged_node(part, override, merged)
        parts.append(part)
    return parts, base.delimiter


def _merged_node(base: Node, override: Node, attrs: dict[str, str]) -> Node:
    node = Node(tag="date-part", attrs=attrs)
    node.prefix = base.prefix
    node.suffix = base.suffix
    node.markers = override.markers or base.markers
    node.text_case = override.text_case or base.text_case
    node.strip_periods = override.strip_periods or base.strip_periods
    return node


def _value(part: DatePart, name: str) -> int:
    if name == "year":
        return part.year
    if name == "month":
        return part.month
    return part.day


def _render_part(
    renderer: Renderer,
    node: Node,
    date: DatePart,
    ctx: Context,
    variable: str,
    with_affixes: tuple[bool, bool],
) -> str:
    name = node.attrs.get("name", "")
    form = node.attrs.get("form", "")
    locale = renderer.locale
    text = ""
    if name == "year":
        year = date.year
        if form == "short":
            text = f"{abs(year) % 100:02d}"
        elif year < 0:
            text = f"{-year}{locale.term('bc') or 'BC'}"
        elif year < 1000:
            text = f"{year}{locale.term('ad') or 'AD'}"
        else:
            text = str(year)
        if (
            variable == "issued"
            and not renderer.style.uses_year_suffix_variable
            and not ctx.year_suffix_done
            and ctx.dis.year_suffix
        ):
            text += ctx.dis.year_suffix
            ctx.year_suffix_done = True
    elif name == "month":
        month = date.month
        if month == 0:
            return ""
        if month > 12:
            text = locale.term(f"season-{month - 12:02d}") or ""
        elif form in ("numeric", "numeric-leading-zeros"):
            text = f"{month:02d}" if form == "numeric-leading-zeros" else str(month)
        else:
            text = locale.term(f"month-{month:02d}", "short" if form == "short" else "long") or ""
    elif name == "day":
        day = date.day
        if day == 0 or date.month == 0 or date.month > 12:
            return ""
        if form == "numeric-leading-zeros":
            text = f"{day:02d}"
        elif form == "ordinal" and (day == 1 or not locale.limit_day_ordinals_to_day_1):
            from nkarchive.interchange.csl.locale import ordinal_suffix

            gender = locale.term_gender(f"month-{date.month:02d}")
            text = f"{day}{ordinal_suffix(locale, day, gender)}"
        else:
            text = str(day)
    if not text:
        return ""
    if node.strip_periods:
        text = remove_periods(text)
    if node.text_case:
        text = apply_text_case(text, node.text_case)
    for marker in reversed(node.markers):
        text = wrap(marker, text)
    prefix = node.prefix if with_affixes[0] else ""
    suffix = node.suffix if with_affixes[1] else ""
    return affix(prefix, text, suffix)


def _render_single(
    renderer: Renderer,
    parts: list[Node],
    date: DatePart,
    ctx: Context,
    variable: str,
    delimiter: str,
) -> str:
    rendered = [
        _render_part(renderer, p, date, ctx, variable, (True, True))
        for p in parts
        if _value(date, p.attrs.get("name", "")) or p.attrs.get("name") == "year"
    ]
    return join(rendered, delimiter)


def _render_range(
    renderer: Renderer,
    parts: list[Node],
    value: DateValue,
    ctx: Context,
    variable: str,
    delimiter: str,
) -> str:
    start, end = value.start, value.end
    assert start is not None and end is not None
    names = [p.attrs.get("name", "") for p in parts]
    if start.year != end.year:
        greatest = "year"
    elif start.month != end.month:
        greatest = "month"
    else:
        greatest = "day"
    if greatest not in names:
        return _render_single(renderer, parts, start, ctx, variable, delimiter)
    range_delimiter = next(
        (
            p.attrs.get("range-delimiter", "\u2013")
            for p in parts
            if p.attrs.get("name") == greatest
        ),
        "\u2013",
    )
    if greatest == "year":
        first = _render_single(renderer, parts, start, ctx, variable, delimiter)
        ctx.year_suffix_done = True  # the suffix goes on the first year only
        second = _render_single(renderer, parts, end, ctx, variable, delimiter)
        return f"{first}{range_delimiter}{second}"
    ranged = {"month": ("month", "day"), "day": ("day",)}[greatest]
    in_range = [i for i, p in enumerate(parts) if p.attrs.get("name") in ranged]
    lo, hi = min(in_range), max(in_range)
    pieces: list[str] = []
    for i, part in enumerate(parts):
        name = part.attrs.get("name", "")
        if i < lo or i > hi:
            pieces.append(_render_part(renderer, part, start, ctx, variable, (True, True)))
            continue
        if i == lo:
            # the affixes at the range dash go, whichever parts are there ("Summer–Spring 1999")
            shown_start = [
                j for j in range(lo, hi + 1) if _value(start, parts[j].attrs.get("name", ""))
            ]
            shown_end = [
                j for j in range(lo, hi + 1) if _value(end, parts[j].attrs.get("name", ""))
            ]
            last_shown, first_shown = (shown_start or [hi])[-1], (shown_end or [lo])[0]
            block_start = [
                _render_part(renderer, parts[j], start, ctx, variable, (True, j != last_shown))
                for j in shown_start
            ]
            block_end = [
                _render_part(renderer, parts[j], end, ctx, variable, (j != first_shown, True))
                for j in shown_end
            ]
            pieces.append(
                join(block_start, delimiter) + range_delimiter + join(block_end, delimiter)
            )
        del name
    return join(pieces, delimiter)


def _limited_sort_key(value: DateValue, shown: set[str]) -> str:
    if value.start is None:
        return ""
    key = ""
    for part in (value.start, value.end):
        if part is None:
            continue
        key += f"{part.year + 100000:06d}" if "year" in shown else "000000"
        key += f"{part.month:02d}" if "month" in shown else "00"
        key += f"{part.day:02d}" if "day" in shown else "00"
    return key


def render_date(renderer: Renderer, node: Node, ctx: Context) -> Result:
    if not node.variables:
        return "", False, False
    variable = node.variables[0]
    value = ctx.item.dates.get(variable)
    if variable in ctx.suppressed:
        return "", False, False
    if value is None:
        return "", True, False
    renderer.note_used(ctx, variable)
    if ctx.sort_mode:
        # a date in a sort macro sorts by the parts it shows, as citeproc-js does: a key
        # showing year and month leaves ties in the month to the next key
        shown = {part.attrs.get("name", "") for part in _parts_for(renderer, node)[0]}
        return _limited_sort_key(value, shown) or value.literal, True, True
    if value.literal or value.start is None:
        return renderer.decorate(node, value.literal, ctx), True, bool(value.literal)
    parts, delimiter = _parts_for(renderer, node)
    if value.open_end:
        text = _render_single(renderer, parts, value.start, ctx, variable, delimiter)
        dash = next(
            (
                p.attrs.get("range-delimiter", "\u2013")
                for p in parts
                if p.attrs.get("name") == "year"
            ),
            "\u2013",
        )
        return renderer.decorate(node, text + dash, ctx), True, True
    if value.end is not None:
        text = _render_range(renderer, parts, value, ctx, variable, delimiter)
    else:
        text = _render_single(renderer, parts, value.start, ctx, variable, delimiter)
    return renderer.decorate(node, text, ctx), True, bool(text)
