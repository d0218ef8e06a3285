"""A CSL style compiled into plain nodes: parsed once, attributes read once, macros linked."""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from nkarchive.interchange.csl.errors import CslError
from nkarchive.interchange.csl.markup import (
    DISPLAY,
    FONT_STYLE,
    FONT_VARIANT,
    FONT_WEIGHT,
    TEXT_DECORATION,
    VERTICAL_ALIGN,
)
from nkarchive.interchange.csl.xmlparse import local_name

CONDITION_TESTS = frozenset(
    {"type", "variable", "is-numeric", "is-uncertain-date", "locator", "position", "disambiguate"}
)
# Name options that cs:style, cs:citation and cs:bibliography pass down to every cs:name.
INHERITABLE_NAME_OPTIONS = (
    "and",
    "delimiter-precedes-et-al",
    "delimiter-precedes-last",
    "et-al-min",
    "et-al-use-first",
    "et-al-use-last",
    "et-al-subsequent-min",
    "et-al-subsequent-use-first",
    "initialize",
    "initialize-with",
    "name-as-sort-order",
    "sort-separator",
    "name-form",
    "name-delimiter",
    "names-delimiter",
)


@dataclass(eq=False)
class Node:
    """One style element with what rendering needs precomputed."""

    tag: str
    attrs: dict[str, str]
    children: list[Node] = field(default_factory=list)
    line: int = 0
    prefix: str = ""
    suffix: str = ""
    delimiter: str = ""
    markers: tuple[str, ...] = ()  # formatting markers, outermost first
    display: str = ""
    quotes: bool = False
    text_case: str = ""
    strip_periods: bool = False
    macro: Node | None = None  # for <text macro=...>, the macro it calls
    # for cs:names, the cs:name / cs:et-al / cs:label / cs:substitute children
    name: Node | None = None
    et_al: Node | None = None
    label: Node | None = None
    label_before_name: bool = False
    substitute: Node | None = None
    variables: tuple[str, ...] = ()
    # for cs:if / cs:else-if: (test, values) pairs and how they combine
    conditions: tuple[tuple[str, tuple[str, ...]], ...] = ()
    match: str = "all"

    def get(self, key: str, default: str = "") -> str:
        return self.attrs.get(key, default)

    def describe(self) -> str:
        shown = " ".join(f'{k}="{v}"' for k, v in list(self.attrs.items())[:3])
        return f"{self.tag} {shown}".strip()


def compile_element(element: Element, source: str) -> Node:
    tag = local_name(element.tag)
    attrs = dict(element.attrib)
    node = Node(tag=tag, attrs=attrs)
    node.prefix = attrs.get("prefix", "")
    node.suffix = attrs.get("suffix", "")
    node.delimiter = attrs.get("delimiter", "")
    markers: list[str] = []
    for attr, table in (
        ("font-style", FONT_STYLE),
        ("font-variant", FONT_VARIANT),
        ("font-weight", FONT_WEIGHT),
        ("text-decoration", TEXT_DECORATION),
        ("vertical-align", VERTICAL_ALIGN),
    ):
        value = attrs.get(attr)
        if value is None:
            continue
        marker = table.get(value)
        if marker is None:
            raise CslError(f'{attr}="{value}" is not a CSL value', source=source, element=tag)
        markers.append(marker)
    node.markers = tuple(markers)
    display = attrs.get("display")
    if display:
        node.display = DISPLAY.get(display, "")
    node.quotes = attrs.get("quotes") == "true"
    node.text_case = attrs.get("text-case", "")
    node.strip_periods = attrs.get("strip-periods") == "true"
    if "variable" in attrs:
        node.variables = tuple(attrs["variable"].split())
    if tag in ("if", "else-if"):
        node.match = attrs.get("match", "all")
        if node.match not in ("all", "any", "none"):
            raise CslError(
                f'match="{node.match}" is not all, any or none', source=source, element=tag
            )
        node.conditions = tuple(
            (key, tuple(value.split())) for key, value in attrs.items() if key in CONDITION_TESTS
        )
    for child in element:
        child_tag = local_name(child.tag)
        if not child_tag:
            continue
        compiled = compile_element(child, source)
        node.children.append(compiled)
        if tag == "names":
            if child_tag == "name":
                node.name = compiled
            elif child_tag == "et-al":
                node.et_al = compiled
            elif child_tag == "label":
                node.label = compiled
                node.label_before_name = node.name is None
            elif child_tag == "substitute":
                node.substitute = compiled
    return node


def link_macros(node: Node, macros: dict[str, Node], source: str) -> None:
    """Point every <text macro="..."> and <key macro="..."> at its macro, or fail naming it."""
    stack = [node]
    while stack:
        current = stack.pop()
        name = current.attrs.get("macro")
        if name is not None and current.tag in ("text", "key"):
            target = macros.get(name)
            if target is None:
                raise CslError(
                    f'calls macro "{name}", which the style does not define',
                    source=source,
                    element=current.tag,
                )
            current.macro = target
        stack.extend(current.children)
