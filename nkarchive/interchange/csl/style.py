"""Loading a CSL style (bundled by name, or any .csl file) and its locale."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.etree.ElementTree import Element

from nkarchive.interchange.csl.errors import CslError
from nkarchive.interchange.csl.locale import Locale, load_locale_file
from nkarchive.interchange.csl.nodes import (
    INHERITABLE_NAME_OPTIONS,
    Node,
    compile_element,
    link_macros,
)
from nkarchive.interchange.csl.xmlparse import local_name, parse_xml_file, parse_xml_text

if TYPE_CHECKING:
    from nkarchive.interchange.csl.processor import CitationProcessor

BUNDLED_STYLES: dict[str, str] = {
    "chicago-author-date": "Chicago Manual of Style (author-date)",
    "chicago-notes-bibliography": "Chicago Manual of Style (notes and bibliography)",
    "apa": "APA (American Psychological Association)",
    "modern-language-association": "MLA (Modern Language Association)",
    "harvard-cite-them-right": "Harvard (Cite Them Right)",
}
# Short names people type for the bundled styles.
STYLE_ALIASES: dict[str, str] = {
    "chicago": "chicago-author-date",
    "chicago-notes": "chicago-notes-bibliography",
    "chicago-note-bibliography": "chicago-notes-bibliography",
    "mla": "modern-language-association",
    "harvard": "harvard-cite-them-right",
}
DEFAULT_LOCALE = "en-US"
_LAYOUT_TAGS = frozenset(
    [
        "text",
        "date",
        "date-part",
        "number",
        "names",
        "name",
        "name-part",
        "et-al",
        "label",
        "substitute",
        "group",
        "choose",
        "if",
        "else-if",
        "else",
    ]
)
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_KNOWN_LAYOUT_CHILDREN = frozenset({"text", "date", "number", "names", "label", "group", "choose"})


def _csl_dir(*parts: str) -> Path:
    try:
        from nkarchive.paths import resource_path

        return resource_path("csl", *parts)
    except ImportError:  # pragma: no cover - paths.py is part of the package
        return Path(__file__).resolve().parents[3].joinpath("resources", "csl", *parts)


def styles_dir() -> Path:
    return _csl_dir("styles")


def locales_dir() -> Path:
    return _csl_dir("locales")


@dataclass
class Section:
    """cs:citation or cs:bibliography: its layout, sort keys and options."""

    layout: Node
    sort_keys: list[Node] = field(default_factory=list)
    options: dict[str, str] = field(default_factory=dict)


class Style:
    """A parsed CSL style bound to a locale. Formatting goes through `processor()`."""

    def __init__(
        self,
        root: Element,
        source: str,
        *,
        locale: str | None = None,
        locale_dirs: Sequence[Path] = (),
    ) -> None:
        self.source = source
        if local_name(root.tag) != "style":
            raise CslError("not a CSL style: the root element is not <style>", source=source)
        self.options: dict[str, str] = dict(root.attrib)
        self.version = self.options.get("version", "1.0")
        self.style_class = self.options.get("class", "in-text")
        self.id = ""
        self.title = ""
        self.macros: dict[str, Node] = {}
        locale_overrides: list[Element] = []
        citation_el: Element | None = None
        bibliography_el: Element | None = None
        for child in root:
            tag = local_name(child.tag)
            if tag == "info":
                for info in child:
                    if local_name(info.tag) == "id":
                        self.id = (info.text or "").strip()
                    elif local_name(info.tag) == "title":
                        self.title = (info.text or "").strip()
            elif tag == "macro":
                name = child.get("name")
                if not name:
                    raise CslError("a macro without a name", source=source, element="macro")
                self.macros[name] = compile_element(child, source)
            elif tag == "locale":
                locale_overrides.append(child)
            elif tag == "citation":
                citation_el = child
            elif tag == "bibliography":
                bibliography_el = child
        if citation_el is None:
            raise CslError("the style has no <citation>", source=source, element="style")
        self.citation_section = self._section(citation_el, "citation")
        self.bibliography_section = (
            self._section(bibliography_el, "bibliography") if bibliography_el is not None else None
        )
        for macro in self.macros.values():
            _check(macro, source)
            link_macros(macro, self.macros, source)
        _check_macro_cycles(self.macros, source)
        self.uses_year_suffix_variable = any(
            _uses_variable(node, "year-suffix") for node in self._all_roots()
        )
        lang = locale or self.options.get("default-locale") or DEFAULT_LOCALE
        self.locale = _build_locale(lang, locale_overrides, source, locale_dirs)
        self._name_options = {
            mode: self._inherited_name_options(mode) for mode in ("citation", "bibliography")
        }

    def _all_roots(self) -> Iterable[Node]:
        yield self.citation_section.layout
        if self.bibliography_section is not None:
            yield self.bibliography_section.layout
        yield from self.macros.values()

    def _section(self, element: Element, tag: str) -> Section:
        layout_el = next((c for c in element if local_name(c.tag) == "layout"), None)
        if layout_el is None:
            raise CslError(f"<{tag}> has no <layout>", source=self.source, element=tag)
        layout = compile_element(layout_el, self.source)
        _check(layout, self.source)
        link_macros(layout, self.macros, self.source)
        keys: list[Node] = []
        sort_el = next((c for c in element if local_name(c.tag) == "sort"), None)
        if sort_el is not None:
            sort_node = compile_element(sort_el, self.source)
            link_macros(sort_node, self.macros, self.source)
            keys = [k for k in sort_node.children if k.tag == "key"]
            for key in keys:
                if "variable" not in key.attrs and key.macro is None:
                    raise CslError(
                        "a sort key needs a variable or a macro", source=self.source, element="key"
                    )
        return Section(layout=layout, sort_keys=keys, options=dict(element.attrib))

    def _inherited_name_options(self, mode: str) -> dict[str, str]:
        section = self.citation_section if mode == "citation" else self.bibliography_section
        options = {k: v for k, v in self.options.items() if k in INHERITABLE_NAME_OPTIONS}
        if section is not None:
            options.update(
                {k: v for k, v in section.options.items() if k in INHERITABLE_NAME_OPTIONS}
            )
        return options

    def name_options(self, mode: str) -> dict[str, str]:
        return self._name_options.get(mode, self._name_options["citation"])

    @property
    def has_bibliography(self) -> bool:
        return self.bibliography_section is not None

    # --- the formatting API --------------------------------------------------------------

    def processor(self, items: Iterable[Mapping[str, Any]]) -> CitationProcessor:
        """Register items once, then format citations (in document order) and a bibliography."""
        from nkarchive.interchange.csl.processor import CitationProcessor

        return CitationProcessor(self, items)

    def bibliography(self, items: Iterable[Mapping[str, Any]], format: str = "text") -> list[str]:
        """One formatted entry per item, in the style's bibliography order."""
        return self.processor(items).bibliography(format=format)

    def citation(
        self,
        items: Iterable[Mapping[str, Any]],
        cites: Sequence[Mapping[str, Any]] | None = None,
        format: str = "text",
    ) -> str:
        """One citation (an in-text reference or a note) of `cites`, or of every item."""
        processor = self.processor(items)
        if cites is None:
            cites = [{"id": item_id} for item_id in processor.item_ids]
        return processor.cite(cites, format=format)


def _check(node: Node, source: str) -> None:
    stack = [node]
    while stack:
        current = stack.pop()
        if current.tag not in _LAYOUT_TAGS and current is not node:
            raise CslError("not a CSL rendering element", source=source, element=current.tag)
        if current.tag in ("if", "else-if") and not (set(current.attrs) - {"match"}):
            raise CslError("a condition that tests nothing", source=source, element=current.tag)
        if current.tag == "text" and not (
            {"variable", "macro", "term", "value"} & set(current.attrs)
        ):
            raise CslError(
                "<text> needs a variable, macro, term or value", source=source, element="text"
            )
        stack.extend(current.children)


def _check_macro_cycles(macros: dict[str, Node], source: str) -> None:
    """A macro that calls itself, directly or not, would never finish: refuse the style."""
    calls: dict[str, set[str]] = {}
    for name, macro in macros.items():
        called: set[str] = set()
        stack = list(macro.children)
        while stack:
            node = stack.pop()
            if node.tag == "text" and "macro" in node.attrs:
                called.add(node.attrs["macro"])
            stack.extend(node.children)
        calls[name] = called
    state: dict[str, int] = {}  # 1: being visited, 2: done

    def visit(name: str, path: list[str]) -> None:
        if state.get(name) == 2:
            return
        if state.get(name) == 1:
            cycle = " -> ".join([*path[path.index(name) :], name])
            raise CslError(
                f"macros call each other in a circle: {cycle}", source=source, element="macro"
            )
        state[name] = 1
        for callee in calls.get(name, ()):
            visit(callee, [*path, name])
        state[name] = 2

    for name in macros:
        visit(name, [])


def _uses_variable(node: Node, variable: str) -> bool:
    stack = [node]
    while stack:
        current = stack.pop()
        if current.tag == "text" and variable in current.variables:
            return True
        stack.extend(current.children)
    return False


def _find_locale_file(lang: str, locale_dirs: Sequence[Path]) -> Path | None:
    candidates = [lang]
    if "-" not in lang:
        candidates.append(
            {"en": "en-US", "de": "de-DE", "fr": "fr-FR", "ko": "ko-KR"}.get(lang, lang)
        )
    for directory in [*locale_dirs, locales_dir()]:
        for candidate in candidates:
            path = directory / f"locales-{candidate}.xml"
            if path.exists():
                return path
    return None


def _build_locale(
    lang: str, overrides: list[Element], source: str, locale_dirs: Sequence[Path]
) -> Locale:
    base_path = _find_locale_file(lang, locale_dirs)
    if base_path is None:
        base_path = _find_locale_file(DEFAULT_LOCALE, locale_dirs)
        if base_path is None:
            raise CslError(f"no locale file for {lang} or {DEFAULT_LOCALE}", source=source)
    locale = load_locale_file(base_path).copy()
    if not lang.startswith("en"):
        # CSL falls back to en-US for terms a locale lacks.
        english_path = _find_locale_file(DEFAULT_LOCALE, locale_dirs)
        if english_path is not None and english_path != base_path:
            merged = load_locale_file(english_path).copy()
            merged.terms.update(locale.terms)
            merged.date_formats.update(locale.date_formats)
            merged.punctuation_in_quote = locale.punctuation_in_quote
            merged.lang = locale.lang
            locale = merged
    primary = lang.split("-")[0]
    ranked = sorted(
        (el for el in overrides if el.get(_XML_LANG, "") in ("", primary, lang)),
        key=lambda el: {"": 0, primary: 1, lang: 2}[el.get(_XML_LANG, "")],
    )
    for element in ranked:
        locale.merge(element, source)
    return locale


_STYLE_CACHE: dict[tuple[str, str | None], Style] = {}


def load_style(
    name_or_path: str | Path, *, locale: str | None = None, locale_dirs: Sequence[Path] = ()
) -> Style:
    """A bundled style by name (see BUNDLED_STYLES) or any .csl file by path."""
    text_name = str(name_or_path)
    if isinstance(name_or_path, str):
        name_or_path = STYLE_ALIASES.get(name_or_path, name_or_path)
    if isinstance(name_or_path, str) and name_or_path in BUNDLED_STYLES:
        path = styles_dir() / f"{name_or_path}.csl"
    else:
        path = Path(name_or_path).expanduser()
        if not path.exists():
            known = ", ".join(BUNDLED_STYLES)
            raise CslError(
                f"no such style file or bundled style (bundled: {known})", source=text_name
            )
    cache_key = (str(path.resolve()), locale)
    if not locale_dirs and cache_key in _STYLE_CACHE:
        return _STYLE_CACHE[cache_key]
    style = Style(parse_xml_file(path), str(path), locale=locale, locale_dirs=locale_dirs)
    if not locale_dirs:
        _STYLE_CACHE[cache_key] = style
    return style


def style_from_string(
    text: str,
    source: str = "<style>",
    *,
    locale: str | None = None,
    locale_dirs: Sequence[Path] = (),
) -> Style:
    """A style from CSL XML text (tests, styles kept in a catalogue)."""
    return Style(parse_xml_text(text, source), source, locale=locale, locale_dirs=locale_dirs)
