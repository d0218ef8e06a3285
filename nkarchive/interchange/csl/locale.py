"""CSL locales: terms, localized date formats and locale options, merged with a style's overrides."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import Element

from nkarchive.interchange.csl.errors import CslError
from nkarchive.interchange.csl.xmlparse import local_name, parse_xml_file

# A term is keyed by (name, form); its value is (single, multiple), plus gender and
# gender-form for ordinals and nouns that carry grammatical gender.


@dataclass
class Term:
    single: str
    multiple: str
    gender: str | None = None


@dataclass
class Locale:
    lang: str
    terms: dict[tuple[str, str, str], Term] = field(default_factory=dict)
    date_formats: dict[str, Element] = field(default_factory=dict)
    punctuation_in_quote: bool = False
    limit_day_ordinals_to_day_1: bool = False
    source: str = ""

    def merge(self, element: Element, source: str) -> None:
        """Add the terms, dates and options of a `<locale>` element, overriding what is there."""
        for child in element:
            tag = local_name(child.tag)
            if tag == "terms":
                for term in child:
                    if local_name(term.tag) != "term":
                        continue
                    self._add_term(term, source)
            elif tag == "date":
                form = child.get("form")
                if form:
                    self.date_formats[form] = child
            elif tag == "style-options":
                if child.get("punctuation-in-quote") is not None:
                    self.punctuation_in_quote = child.get("punctuation-in-quote") == "true"
                if child.get("limit-day-ordinals-to-day-1") is not None:
                    self.limit_day_ordinals_to_day_1 = (
                        child.get("limit-day-ordinals-to-day-1") == "true"
                    )

    def _add_term(self, term: Element, source: str) -> None:
        name = term.get("name")
        if not name:
            raise CslError("a term without a name", source=source, element="term")
        form = term.get("form", "long")
        gender_form = term.get("gender-form", "")
        single_el = next((c for c in term if local_name(c.tag) == "single"), None)
        multiple_el = next((c for c in term if local_name(c.tag) == "multiple"), None)
        if single_el is not None or multiple_el is not None:
            single = (single_el.text or "") if single_el is not None else ""
            multiple = (multiple_el.text or "") if multiple_el is not None else single
        else:
            single = multiple = term.text or ""
            if "\n" in single and not single.strip():
                single = multiple = ""  # an empty term laid out over lines is empty (citeproc-js)
        self.terms[(name, form, gender_form)] = Term(single, multiple, term.get("gender"))

    def term(
        self, name: str, form: str = "long", plural: bool = False, gender_form: str = ""
    ) -> str | None:
        """The term's text with CSL's form fallbacks (verb-short→verb→long, symbol→short→long)."""
        for candidate in _FORM_FALLBACK.get(form, (form, "long")):
            found = self.terms.get((name, candidate, gender_form))
            if found is None and gender_form:
                found = self.terms.get((name, candidate, ""))
            if found is not None:
                return found.multiple if plural else found.single
        return None

    def term_gender(self, name: str) -> str | None:
        found = self.terms.get((name, "long", ""))
        return found.gender if found else None

    def has_term(self, name: str) -> bool:
        return any(key[0] == name for key in self.terms)

    def copy(self) -> Locale:
        return Locale(
            lang=self.lang,
            terms=dict(self.terms),
            date_formats=dict(self.date_formats),
            punctuation_in_quote=self.punctuation_in_quote,
            limit_day_ordinals_to_day_1=self.limit_day_ordinals_to_day_1,
            source=self.source,
        )

    def quotes(self) -> dict[str, str]:
        return {
            key: self.term(key) or default
            for key, default in (
                ("open-quote", "\u201c"),
                ("close-quote", "\u201d"),
                ("open-inner-quote", "\u2018"),
                ("close-inner-quote", "\u2019"),
            )
        }


_FORM_FALLBACK: dict[str, tuple[str, ...]] = {
    "long": ("long",),
    "short": ("short", "long"),
    "verb": ("verb", "long"),
    "verb-short": ("verb-short", "verb", "long"),
    "symbol": ("symbol", "short", "long"),
}

_CACHE: dict[Path, Locale] = {}


def load_locale_file(path: Path) -> Locale:
    """Read a locales-xx-XX.xml file (cached: locales are read-only once loaded)."""
    resolved = path.resolve()
    cached = _CACHE.get(resolved)
    if cached is not None:
        return cached
    root = parse_xml_file(resolved)
    if local_name(root.tag) != "locale":
        raise CslError("not a CSL locale: the root element is not <locale>", source=str(path))
    lang = root.get("{http://www.w3.org/XML/1998/namespace}lang", "")
    locale = Locale(lang=lang, source=str(path))
    locale.merge(root, str(path))
    _CACHE[resolved] = locale
    return locale


def ordinal_suffix(locale: Locale, number: int, gender: str | None) -> str:
    """The ordinal suffix for a number by CSL 1.0.1+ rules: ordinal-11..13 by the last two
    digits, ordinal-00..09 by the last digit, then the plain `ordinal` term."""
    gender_form = gender or ""
    mod100 = number % 100
    candidates = [f"ordinal-{mod100:02d}"]
    if not 11 <= mod100 <= 13:
        candidates.append(f"ordinal-{number % 10:02d}")
    candidates.append("ordinal")
    for name in candidates:
        value = locale.term(name, gender_form=gender_form)
        if value is not None:
            return value
    return ""
