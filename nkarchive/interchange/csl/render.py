"""Evaluating a style's layout for one item: text, numbers, labels, groups and conditionals.

Every render function returns (text, called, rendered): the marked-up text, whether a variable was
called, and whether a called variable gave output. Groups use the two flags to vanish when every
variable they call is empty, as CSL requires.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from nkarchive.interchange.csl.items import Item
from nkarchive.interchange.csl.locale import Locale
from nkarchive.interchange.csl.markup import (
    ITALIC,
    LABEL_END,
    LABEL_START,
    MARKERS,
    NAMES_END,
    NAMES_START,
    NOCASE,
    QUOTE,
    affix,
    apply_text_case,
    is_cjk_only,
    join,
    wrap,
)
from nkarchive.interchange.csl.markup import (
    strip_periods as remove_periods,
)
from nkarchive.interchange.csl.nodes import Node, compile_element
from nkarchive.interchange.csl.numbers import (
    format_number,
    format_page_range,
    is_numeric,
    is_plural,
)

Result = tuple[str, bool, bool]
_EMBEDDED_LABEL_RE = re.compile(r"^\s*[a-z]{1,6}\.\s*\d")
_LABEL_RE = re.compile(f"{LABEL_START}.*?{LABEL_END}", re.DOTALL)
_FORMAT_MARKERS = "".join(sorted(MARKERS - {LABEL_START}))
EMPTY: Result = ("", False, False)

_SPECIAL_VARIABLES = frozenset(
    {"locator", "year-suffix", "citation-number", "first-reference-note-number", "page-first"}
)
LOCATOR_TERMS = {"sub verbo": "sub-verbo", "sub-verbo": "sub-verbo"}


@dataclass
class Cite:
    """One item as cited: where it is cited and what is pinpointed."""

    id: str
    locator: str = ""
    label: str = "page"
    prefix: str = ""
    suffix: str = ""
    suppress_author: bool = False
    author_only: bool = False
    position: str = "first"  # first, subsequent, ibid, ibid-with-locator
    near_note: bool = False
    first_reference_note_number: int = 0
    note_number: int = 0
    capitalize: bool = False  # it opens a note with a term such as "ibid."


@dataclass
class Disambiguation:
    """What disambiguation decided for one item."""

    year_suffix: str = ""
    extra_names: int = 0  # names shown beyond et-al-use-first
    givenname_level: int = 0  # 1: initials, 2: full given names
    givenname_names: frozenset[int] | None = None  # which names get expanded (None: all)
    name_levels: dict[int, int] = field(default_factory=dict)  # by-cite: level per name shown
    disambiguate: int = 0  # how many disambiguate="true" tests pass, in the order met
    # name expansions shared by all items under the all-names / primary-name rules
    person_levels: dict[tuple[str, str], int] = field(default_factory=dict)
    primary_only: bool = False


@dataclass
class Context:
    item: Item
    mode: str  # "citation" or "bibliography"
    cite: Cite | None = None
    dis: Disambiguation = field(default_factory=Disambiguation)
    sort_mode: bool = False
    sort_name_options: dict[str, str] = field(default_factory=dict)
    suppressed: set[str] = field(default_factory=set)
    used_variables: list[str] | None = None
    year_suffix_done: bool = False
    disambiguate_tests_met: int = 0
    suppress_first_names: bool = False
    first_names_done: bool = False
    mark_names: bool = False
    capitalize_term: bool = False  # a term opening this cite takes a capital ("Ibid.")
    substituting: bool = False  # inside a cs:substitute: what renders is used up at once
    names_substitute: str | None = None  # subsequent-author-substitute: shown for the names
    citation_number: int = 0
    inherited_names: Node | None = None  # the cs:names whose options a substitute inherits


class Renderer:
    """Renders nodes of one style in one locale; shared by citations, bibliography and sorting."""

    def __init__(self, style: StyleLike, locale: Locale) -> None:
        self.style = style
        self.locale = locale
        self.page_range_format = style.options.get("page-range-format", "")
        self.page_range_delimiter = locale.term("page-range-delimiter") or "\u2013"
        # a locale's own symbol for "and" joins page and locator lists (213 & 235), as citeproc-js
        symbol = locale.term("and", "symbol")
        self.locale_ampersand = symbol if symbol not in (None, "&", locale.term("and")) else ""
        self.demote_particle = style.options.get("demote-non-dropping-particle", "display-and-sort")
        self.initialize_with_hyphen = style.options.get("initialize-with-hyphen", "true") == "true"
        self.handlers: dict[str, Callable[[Node, Context], Result]] = {
            "text": self.render_text,
            "number": self.render_number,
            "label": self.render_label,
            "group": self.render_group,
            "choose": self.render_choose,
            "date": self._render_date,
            "names": self._render_names,
        }
        self._locale_dates: dict[str, Node] = {}
        self.name_option_cache: dict[tuple[object, ...], dict[str, str]] = {}
        self._branches: dict[int, list[tuple[Callable[[Context], bool] | None, list[Node]]]] = {}

    # --- plumbing ------------------------------------------------------------------------

    def render_children(self, nodes: list[Node], ctx: Context, delimiter: str = "") -> Result:
        texts: list[str] = []
        called, rendered = self._collect(nodes, ctx, texts)
        return join(texts, delimiter), called, rendered

    def _collect(self, nodes: list[Node], ctx: Context, texts: list[str]) -> tuple[bool, bool]:
        # A chosen branch's elements count as siblings of the choose: the enclosing group's
        # delimiter goes between them, as CSL processors do.
        called = rendered = False
        handlers = self.handlers
        for node in nodes:
            if node.tag == "choose":
                for test, children in self.branches(node):
                    if test is None or test(ctx):
                        c, r = self._collect(children, ctx, texts)
                        called = called or c
                        rendered = rendered or r
                        break
                continue
            handler = handlers.get(node.tag)
            if handler is None:
                continue
            text, c, r = handler(node, ctx)
            called = called or c
            rendered = rendered or r
            if text:
                texts.append(text)
        return called, rendered

    def decorate(
        self,
        node: Node,
        text: str,
        ctx: Context,
        apply_case: bool = True,
        english: bool | None = None,
        markers: list[str] | None = None,
    ) -> str:
        """Apply strip-periods, text-case, quotes, formatting, affixes and display, in that order."""
        if not text:
            return ""
        if node.strip_periods:
            text = remove_periods(text)
        if apply_case and node.text_case:
            if english is None:
                english = self.is_english(ctx.item)
            text = apply_text_case(text, node.text_case, english)
        if node.quotes:
            text = wrap(QUOTE, text)
        for marker in reversed(node.markers if markers is None else markers):
            text = wrap(marker, text)
        text = affix(node.prefix, text, node.suffix)
        if node.display:
            text = wrap(node.display, text)
        return text

    def is_english(self, item: Item) -> bool:
        """Title case is for English: the item's language, or else the style's locale."""
        lang = (item.language or self.locale.lang).lower()
        return not lang or lang.startswith("en")

    def variable_value(self, name: str, ctx: Context, form: str = "long") -> str:
        item = ctx.item
        if name in ctx.suppressed:
            return ""
        if name == "locator":
            return ctx.cite.locator if ctx.cite else ""
        if name == "citation-number":
            return str(ctx.citation_number) if ctx.citation_number else ""
        if name == "year-suffix":
            return ctx.dis.year_suffix
        if name == "first-reference-note-number":
            if ctx.cite and ctx.cite.first_reference_note_number:
                return str(ctx.cite.first_reference_note_number)
            return ""
        if name == "page-first":
            value = item.variables.get("page-first")
            if value:
                return value
            page = item.variables.get("page", "")
            return page.replace("\u2013", "-").split("-")[0].split(",")[0].strip()
        if form == "short":
            short = item.variables.get(f"{name}-short")
            if short:
                return short
        return item.variables.get(name, "")

    def note_used(self, ctx: Context, name: str) -> None:
        if ctx.used_variables is not None:
            ctx.used_variables.append(name)
        if ctx.substituting:
            ctx.suppressed.add(name)

    # --- cs:text ---------------------------------------------------------------------------

    def render_text(self, node: Node, ctx: Context) -> Result:
        attrs = node.attrs
        if node.macro is not None:
            text, called, rendered = self.render_children(node.macro.children, ctx)
            # a macro is a group to citeproc-js: its terms vanish with its empty variables, and
            # when it shows something that counts as content for the groups around it
            if called and not rendered:
                return "", True, False
            if not text:
                return "", called, rendered
            return self.decorate(node, text, ctx), True, True
        if node.variables:
            variable = node.variables[0]
            if variable in ctx.suppressed:
                return EMPTY  # used up by a substitute: neither output nor an empty variable
            form = attrs.get("form", "long")
            value = self.variable_value(variable, ctx, form)
            if not value:
                # An empty year-suffix is not a missing variable: groups holding it still show.
                return "", variable != "year-suffix", False
            self.note_used(ctx, variable)
            ctx.capitalize_term = False
            if form == "short" and variable == "title":
                self.note_used(ctx, "title-short")
            if variable == "page" or (
                variable == "locator" and ctx.cite and ctx.cite.label == "page"
            ):
                value = format_page_range(value, self.page_range_format, self.page_range_delimiter)
            elif variable == "locator":
                # other locators ("chapters 200-201") take the range dash, never collapsed
                value = format_page_range(value, "", self.page_range_delimiter)
            if variable in ("page", "locator") and "&" in value and self.locale_ampersand:
                value = re.sub(r"\s*&\s*", f" {self.locale_ampersand} ", value)
            elif variable == "year-suffix":
                ctx.year_suffix_done = True
            elif variable in ("URL", "DOI"):
                value = wrap(NOCASE, value)
            if node.markers and ITALIC in node.markers and is_cjk_only(value):
                # citeproc-js sets a Han or Hangul variable upright even where the style says italic
                upright = [m for m in node.markers if m != ITALIC]
                return self.decorate(node, value, ctx, markers=upright), True, True
            return self.decorate(node, value, ctx), True, True
        if "term" in attrs:
            plural = attrs.get("plural") == "true"
            value = self.locale.term(attrs["term"], attrs.get("form", "long"), plural) or ""
            if value and ctx.capitalize_term:
                ctx.capitalize_term = False
                value = apply_text_case(value, "capitalize-first")
            return self.decorate(node, value, ctx, english=True), False, False
        if "value" in attrs:
            if attrs["value"]:
                ctx.capitalize_term = False
            return self.decorate(node, attrs["value"], ctx), False, False
        return EMPTY

    # --- cs:number -------------------------------------------------------------------------

    def render_number(self, node: Node, ctx: Context) -> Result:
        if not node.variables:
            return EMPTY
        variable = node.variables[0]
        value = self.variable_value(variable, ctx)
        if not value:
            return "", True, False
        self.note_used(ctx, variable)
        ctx.capitalize_term = False
        if ctx.sort_mode and value.isdigit():
            return value.zfill(8), True, True
        form = node.attrs.get("form", "numeric")
        if is_numeric(value):
            gender = self.locale.term_gender(variable)
            text = format_number(value, form, self.locale, gender)
            if variable == "page":
                text = format_page_range(text, self.page_range_format, self.page_range_delimiter)
        else:
            text = value
        return self.decorate(node, text, ctx), True, True

    # --- cs:label --------------------------------------------------------------------------

    def render_label(self, node: Node, ctx: Context) -> Result:
        if not node.variables:
            return EMPTY
        variable = node.variables[0]
        form = node.attrs.get("form", "long")
        if variable == "locator":
            if ctx.cite is None or not ctx.cite.locator:
                return EMPTY
            term_name = LOCATOR_TERMS.get(ctx.cite.label, ctx.cite.label)
            value = ctx.cite.locator
            if _EMBEDDED_LABEL_RE.match(value):
                return EMPTY  # "vol. 1, fol. 186": the locator names its own parts (citeproc-js)
        else:
            value = self.variable_value(variable, ctx)
            if not value:
                return EMPTY
            term_name = variable
        plural = self.label_plural(node.attrs.get("plural", "contextual"), variable, value)
        text = self.locale.term(term_name, form, plural) or ""
        return self.decorate(node, text, ctx, english=True), False, False

    def label_plural(self, setting: str, variable: str, value: str) -> bool:
        if setting == "always":
            return True
        if setting == "never":
            return False
        if variable in ("number-of-pages", "number-of-volumes"):
            digits = "".join(ch for ch in value if ch.isdigit())
            return bool(digits) and int(digits) > 1
        if is_plural(value):
            return True
        # "213 et 235": the locale's own word for "and" joins two numbers too
        and_term = self.locale.term("and")
        if and_term and and_term != "and" and f" {and_term} " in value:
            head, _, tail = value.partition(f" {and_term} ")
            return head[-1:].isdigit() and tail[:1].isalnum()
        return False

    # --- cs:group and cs:choose ------------------------------------------------------------

    def render_group(self, node: Node, ctx: Context) -> Result:
        text, called, rendered = self.render_children(node.children, ctx, node.delimiter)
        if called and not rendered:
            return "", True, False
        if not text:
            return "", called, rendered
        # A group that shows something counts as content for the groups around it (citeproc-js).
        return self.decorate(node, text, ctx), True, True

    def render_choose(self, node: Node, ctx: Context) -> Result:
        for test, children in self.branches(node):
            if test is None or test(ctx):
                return self.render_children(children, ctx)
        return EMPTY

    def branches(self, choose: Node) -> list[tuple[Callable[[Context], bool] | None, list[Node]]]:
        """A cs:choose as (compiled condition, children) pairs, None for cs:else: looked up once
        per choose, not once per branch, as every entry of a bibliography walks them all."""
        found = self._branches.get(id(choose))
        if found is None:
            found = [
                (None if branch.tag == "else" else self._compile_test(branch), branch.children)
                for branch in choose.children
            ]
            self._branches[id(choose)] = found
        return found

    def _compile_test(self, branch: Node) -> Callable[[Context], bool]:
        """Turn a condition into a closure: type and plain-variable tests become set lookups,
        which is most of what the big styles ask, thousands of times per bibliography."""
        match = branch.match
        pairs = [(kind, value) for kind, values in branch.conditions for value in values]
        if not pairs:
            return lambda ctx: False
        types = frozenset(v for k, v in pairs if k == "type")
        variables = frozenset(
            v for k, v in pairs if k == "variable" and v not in _SPECIAL_VARIABLES
        )
        others = [
            (k, v)
            for k, v in pairs
            if k not in ("type", "variable") or (k == "variable" and v in _SPECIAL_VARIABLES)
        ]
        condition = self._condition

        def any_true(ctx: Context) -> bool:
            item = ctx.item
            return (
                item.type in types
                or not variables.isdisjoint(item.present)
                or any(condition(k, v, ctx) for k, v in others)
            )

        if match == "any":
            return any_true
        if match == "none":
            return lambda ctx: not any_true(ctx)
        type_count = len([v for k, v in pairs if k == "type"])

        def all_true(ctx: Context) -> bool:
            item = ctx.item
            if type_count and (type_count > 1 or item.type not in types):
                return False
            return variables <= item.present and all(condition(k, v, ctx) for k, v in others)

        return all_true

    def _condition(self, kind: str, value: str, ctx: Context) -> bool:
        item = ctx.item
        if kind == "type":
            return item.type == value
        if kind == "variable":
            return self.has_variable(value, ctx)
        if kind == "is-numeric":
            return self.numeric_variable(value, ctx)
        if kind == "is-uncertain-date":
            date = item.dates.get(value)
            return date is not None and date.circa
        if kind == "locator":
            label = ctx.cite.label if ctx.cite and ctx.cite.locator else ""
            return LOCATOR_TERMS.get(label, label) == LOCATOR_TERMS.get(value, value)
        if kind == "position":
            return self.position_is(value, ctx)
        if kind == "disambiguate":
            ctx.disambiguate_tests_met += 1
            on = ctx.disambiguate_tests_met <= ctx.dis.disambiguate
            return on == (value == "true")
        return False

    def has_variable(self, name: str, ctx: Context) -> bool:
        # Substituted (suppressed) variables still test as present, as in citeproc-js.
        if name not in _SPECIAL_VARIABLES:
            return name in ctx.item.present
        if name == "locator":
            return bool(ctx.cite and ctx.cite.locator)
        if name in ("year-suffix", "citation-number", "first-reference-note-number", "page-first"):
            return bool(self.variable_value(name, ctx))
        if name == "title-short":
            return ctx.item.has("title-short")
        return ctx.item.has(name)

    def numeric_variable(self, name: str, ctx: Context) -> bool:
        value = self.variable_value(name, ctx)
        return bool(value) and is_numeric(value)

    @staticmethod
    def position_is(position: str, ctx: Context) -> bool:
        cite = ctx.cite
        if ctx.mode != "citation" or cite is None:
            return False
        if position == "first":
            return cite.position == "first"
        if position == "subsequent":
            return cite.position != "first"
        if position == "ibid":
            return cite.position in ("ibid", "ibid-with-locator")
        if position == "ibid-with-locator":
            return cite.position == "ibid-with-locator"
        if position == "near-note":
            return cite.position != "first" and cite.near_note
        return False

    # --- dates and names live in their own modules -------------------------------------------

    def _render_date(self, node: Node, ctx: Context) -> Result:
        result = render_date(self, node, ctx)
        if result[0]:
            ctx.capitalize_term = False
        return result

    def localized_date(self, form: str) -> Node | None:
        cached = self._locale_dates.get(form)
        if cached is None:
            element = self.locale.date_formats.get(form)
            if element is None:
                return None
            cached = compile_element(element, self.locale.source)
            self._locale_dates[form] = cached
        return cached

    def _render_names(self, node: Node, ctx: Context) -> Result:
        if ctx.suppress_first_names and not ctx.first_names_done:
            render_names(self, node, ctx)  # still run it: a substitute suppresses what it used
            ctx.first_names_done = True
            return "", True, False
        text, called, rendered = render_names(self, node, ctx)
        if text:
            ctx.capitalize_term = False
        if text and ctx.mark_names and not ctx.first_names_done:
            if ctx.names_substitute is not None:
                # the names give way to the substitute; their label stays ("--- ed.")
                labels = "".join(_LABEL_RE.findall(text))
                lead = len(text) - len(text.lstrip(_FORMAT_MARKERS))
                label_first = text.startswith(LABEL_START, lead)
                sub = ctx.names_substitute
                text = labels + sub if labels and label_first else sub + labels
            text = NAMES_START + text + NAMES_END if text else ""
        if called or text:
            ctx.first_names_done = True
        return text, called, rendered


class StyleLike(Protocol):
    """What the renderer needs from a style (a protocol, to keep style.py out of this module)."""

    options: dict[str, str]
    macros: dict[str, Node]
    uses_year_suffix_variable: bool

    def name_options(self, mode: str) -> dict[str, str]: ...


from nkarchive.interchange.csl.dates import render_date  # noqa: E402  (they need Renderer's types)
from nkarchive.interchange.csl.names import render_names  # noqa: E402
