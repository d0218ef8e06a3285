"""CSL-JSON items checked and normalized once, so rendering never meets a malformed value."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from nkarchive.interchange.csl.errors import CslError
from nkarchive.interchange.csl.markup import APOSTROPHE, parse_field_markup

NAME_VARIABLES = frozenset(
    [
        "author",
        "chair",
        "collection-editor",
        "compiler",
        "composer",
        "container-author",
        "contributor",
        "curator",
        "director",
        "editor",
        "editorial-director",
        "editor-translator",
        "executive-producer",
        "guest",
        "host",
        "illustrator",
        "interviewer",
        "narrator",
        "organizer",
        "original-author",
        "performer",
        "producer",
        "recipient",
        "reviewed-author",
        "script-writer",
        "series-creator",
        "translator",
    ]
)
DATE_VARIABLES = frozenset(
    [
        "accessed",
        "available-date",
        "event-date",
        "issued",
        "original-date",
        "submitted",
        "container",
    ]
)
NUMBER_VARIABLES = frozenset(
    [
        "chapter-number",
        "citation-number",
        "collection-number",
        "edition",
        "first-reference-note-number",
        "issue",
        "locator",
        "number",
        "number-of-pages",
        "number-of-volumes",
        "page",
        "page-first",
        "part-number",
        "printing-number",
        "section",
        "supplement-number",
        "version",
        "volume",
    ]
)
# Older CSL-JSON spellings still written by many tools.
_ALIASES = {
    "shortTitle": "title-short",
    "journalAbbreviation": "container-title-short",
    "event": "event-title",
}
# Fields whose text is taken as written: no quote or apostrophe conversion.
_VERBATIM = frozenset({"URL", "DOI", "ISBN", "ISSN", "PMID", "PMCID", "id", "type", "language"})


@dataclass(frozen=True)
class Name:
    family: str = ""
    given: str = ""
    dropping_particle: str = ""
    non_dropping_particle: str = ""
    suffix: str = ""
    comma_suffix: bool = False
    static_ordering: bool = False
    literal: str = ""
    script: str = "latin"  # latin (romanesque), cjk (no space between parts), other

    @property
    def is_personal(self) -> bool:
        return not self.literal and bool(self.given or self.family)


@dataclass(frozen=True)
class DatePart:
    year: int
    month: int = 0  # 13-16 are the seasons
    day: int = 0


@dataclass(frozen=True)
class DateValue:
    start: DatePart | None = None
    end: DatePart | None = None  # a range
    circa: bool = False
    literal: str = ""
    open_end: bool = False  # a range with no end yet: "1987–"

    def sort_key(self) -> str:
        if self.start is None:
            return ""
        s = self.start
        key = f"{s.year + 100000:06d}{s.month:02d}{s.day:02d}"
        if self.end is not None:
            e = self.end
            key += f"{e.year + 100000:06d}{e.month:02d}{e.day:02d}"
        return key


@dataclass
class Item:
    id: str
    type: str
    variables: dict[str, str] = field(default_factory=dict)
    names: dict[str, list[Name]] = field(default_factory=dict)
    dates: dict[str, DateValue] = field(default_factory=dict)
    language: str = ""
    raw: Mapping[str, Any] = field(default_factory=dict)
    present: frozenset[str] = frozenset()  # the variables with a value, for fast conditions

    def has(self, variable: str) -> bool:
        if variable in self.names:
            return bool(self.names[variable])
        if variable in self.dates:
            return True
        return bool(self.variables.get(variable))


_CJK_RE = re.compile(
    "[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f"
    "\uac00-\ud7af\ud7b0-\ud7ff\uf900-\ufaff]"
)


def _is_romanesque(text: str) -> bool:
    for ch in text:
        if not ch.isalpha():
            continue
        if ch < "\u0530":  # Latin, Greek, Cyrillic and their extensions
            continue
        if "\u1e00" <= ch <= "\u1fff":  # Latin Extended Additional, Greek Extended
            continue
        return False
    return True


def name_script(family: str, given: str) -> str:
    text = family + given
    if _CJK_RE.search(text):
        return "cjk"
    return "latin" if _is_romanesque(text) else "other"


def _text(value: Any, item_id: str, variable: str) -> str:
    if isinstance(value, bool):
        raise CslError("expected text or a number, not true/false", item_id=item_id, field=variable)
    if isinstance(value, int | float):
        return str(int(value)) if float(value).is_integer() else str(value)
    if isinstance(value, str):
        return value
    raise CslError(
        f"expected text or a number, not {type(value).__name__}", item_id=item_id, field=variable
    )


# As citeproc-js finds particles: a leading (family) or trailing (given) word ending in a space,
# an apostrophe or a hyphen ("van ", "d’", "al-") whose first letter is lower case.
_FAMILY_PARTICLE_RE = re.compile(r"^([^ ]+(?:-|\u02bb|\u2019| |') *)(.+)$", re.DOTALL)
_GIVEN_PARTICLE_RE = re.compile(r"^([^ ]+(?:\u02bb |\u2019 | |' ) *)(.+)$", re.DOTALL)
_PARTICLE_FIRST_RE = re.compile(r"^[-'\u02bb\u2019\s]*(.)")


def _is_particle(word: str) -> bool:
    match = _PARTICLE_FIRST_RE.match(word)
    return match is not None and match.group(1).upper() != match.group(1)


def _family_particles(family: str) -> tuple[str, str]:
    """("van der Berg") -> ("van der", "Berg"); a particle ending in an apostrophe keeps the
    space that followed it ("de’ Frinkle")."""
    found = ""
    match = _FAMILY_PARTICLE_RE.match(family)
    while match and _is_particle(match.group(1)):
        found += match.group(1)
        family = match.group(2)
        match = _FAMILY_PARTICLE_RE.match(family)
    particle = found.strip()
    if found.endswith(" ") and particle.endswith(("'", "\u2019")):
        particle += " "
    return particle, family


def _given_particles(given: str) -> tuple[str, str]:
    """("Ludwig van") -> ("Ludwig", "van"), read from the end of the given name."""
    found: list[str] = []
    reversed_given = given[::-1]
    match = _GIVEN_PARTICLE_RE.match(reversed_given)
    while match:
        word = match.group(1)[::-1]
        if not _is_particle(word):
            break
        found.append(word)
        reversed_given = match.group(2)
        match = _GIVEN_PARTICLE_RE.match(reversed_given)
    found.reverse()
    for n in range(1, len(found)):
        if found[n].startswith(" "):
            found[n - 1] += " "
    particle = "".join(word[1:] if word.startswith(" ") else word for word in found).strip()
    return reversed_given[::-1], particle


def _split_suffix(given: str) -> tuple[str, str, bool]:
    """ "John, Jr." -> ("John", "Jr.", False); "John,! Jr." keeps the comma before the suffix."""
    match = re.search(r"\s*,!*\s*", given)
    if match is None:
        return given, "", False
    comma = match.group().replace(" ", "")
    return given[: match.start()], given[match.end() :], len(comma) == 2


def parse_name(value: Any, item_id: str, variable: str) -> Name:
    if isinstance(value, str):
        return Name(literal=value, script=name_script(value, ""))
    if not isinstance(value, Mapping):
        raise CslError(
            f"a name must be an object with family/given or literal, not {type(value).__name__}",
            item_id=item_id,
            field=variable,
        )
    parts: dict[str, str] = {}
    for key in (
        "family",
        "given",
        "dropping-particle",
        "non-dropping-particle",
        "suffix",
        "literal",
    ):
        if key in value and value[key] is not None:
            text = _text(value[key], item_id, f"{variable}.{key}").strip()
            parts[key] = text.replace("'", APOSTROPHE)
    family = parts.get("family", "")
    given = parts.get("given", "")
    literal = parts.get("literal", "")
    if not (family or given or literal):
        raise CslError(
            "a name with neither family, given nor literal", item_id=item_id, field=variable
        )
    if literal:
        return Name(literal=literal, script=name_script(literal, ""))
    dropping = parts.get("dropping-particle", "")
    non_dropping = parts.get("non-dropping-particle", "")
    parse = value.get("parse-names", True) not in (False, "false")
    suffix = parts.get("suffix", "")
    comma_suffix = bool(value.get("comma-suffix", False))
    if parse and family.startswith('"') and family.endswith('"') and len(family) > 1:
        family = family[1:-1]  # a family name in quotes is taken as it stands
    elif parse and family and given and not non_dropping:
        non_dropping, family = _family_particles(family)
        if not suffix:
            given, suffix, comma_suffix = _split_suffix(given)
        given, found = _given_particles(given)
        dropping = found or dropping
    return Name(
        family=family,
        given=given,
        dropping_particle=dropping,
        non_dropping_particle=non_dropping,
        suffix=suffix,
        comma_suffix=comma_suffix,
        static_ordering=bool(value.get("static-ordering", False)),
        script=name_script(family, given),
    )


def _int_part(value: Any, item_id: str, variable: str) -> int:
    if isinstance(value, bool):
        raise CslError("date part is true/false, not a number", item_id=item_id, field=variable)
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"-?\d+", value.strip()):
        return int(value.strip())
    raise CslError(f"date part {value!r} is not a number", item_id=item_id, field=variable)


def _date_part(parts: Any, item_id: str, variable: str, season: int = 0) -> DatePart | None:
    if not isinstance(parts, list):
        raise CslError("date-parts must be a list of lists", item_id=item_id, field=variable)
    numbers = [_int_part(p, item_id, variable) for p in parts[:3] if p not in ("", None)]
    if not numbers or numbers[0] == 0:
        return None
    year = numbers[0]
    month = numbers[1] if len(numbers) > 1 else 0
    day = numbers[2] if len(numbers) > 2 else 0
    if 17 <= month <= 24:
        month = 13 + (month - 13) % 4  # EDTF seasons 21-24 (and 17-20, as citeproc-js reads them)
    if not 0 <= month <= 16:
        month = day = 0  # a month that cannot be is left out, as citeproc-js does
    if month > 12 or not 0 <= day <= 31:
        day = 0
    if season and not month:
        month = 12 + season if 1 <= season <= 4 else month
    return DatePart(year, month, day)


_RAW_DATE_RE = re.compile(r"^\s*(-?\d{1,4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?\s*([~?%]?)\s*$")


def _parse_raw(raw: str, item_id: str, variable: str) -> DateValue:
    halves = raw.split("/")
    parsed: list[DatePart] = []
    circa = False
    for half in halves[:2]:
        match = _RAW_DATE_RE.match(half)
        if not match:
            return DateValue(literal=raw)
        year, month, day, flag = match.groups()
        circa = circa or bool(flag)
        parsed.append(DatePart(int(year), int(month or 0), int(day or 0)))
    end = parsed[1] if len(parsed) > 1 and parsed[1] != parsed[0] else None
    return DateValue(start=parsed[0], end=end, circa=circa)


def parse_date(value: Any, item_id: str, variable: str) -> DateValue | None:
    if isinstance(value, str):
        return _parse_raw(value, item_id, variable) if value.strip() else None
    if isinstance(value, int):
        return DateValue(start=DatePart(value))
    if not isinstance(value, Mapping):
        raise CslError(
            "a date must be an object with date-parts, raw or literal",
            item_id=item_id,
            field=variable,
        )
    circa = value.get("circa") not in (None, False, 0, "", "false")
    season_value = value.get("season")
    season = 0
    if season_value not in (None, ""):
        try:
            season = int(season_value)
        except (TypeError, ValueError):
            season = 0
    if "date-parts" in value and value["date-parts"] not in ([], [[]], None):
        parts = value["date-parts"]
        if not isinstance(parts, list):
            raise CslError("date-parts must be a list of lists", item_id=item_id, field=variable)
        start = _date_part(parts[0], item_id, variable, season)
        if start is None:
            if value.get("literal"):
                return DateValue(literal=_text(value["literal"], item_id, variable))
            if value.get("raw"):
                return _parse_raw(_text(value["raw"], item_id, variable), item_id, variable)
            return None
        end = _date_part(parts[1], item_id, variable) if len(parts) > 1 else None
        open_end = len(parts) > 1 and end is None
        if end is not None and end == start:
            end = None
        return DateValue(start=start, end=end, circa=circa, open_end=open_end)
    if value.get("literal"):
        return DateValue(literal=_text(value["literal"], item_id, variable), circa=circa)
    if season_value not in (None, "") and not season:
        return DateValue(literal=_text(season_value, item_id, variable))
    if value.get("raw"):
        parsed = _parse_raw(_text(value["raw"], item_id, variable), item_id, variable)
        return DateValue(parsed.start, parsed.end, parsed.circa or circa, parsed.literal)
    return None


# Variables a note may carry as "name: value" lines (Zotero's way of storing fields it has no
# place for); citeproc-js reads them, so do we, without overriding the item's own fields.
_NOTE_FIELD_RE = re.compile(r"^\s*([A-Za-z][A-Za-z_-]*)\s*:\s*(.+?)\s*$")
_NOTE_TEXT_VARIABLES = frozenset(
    {
        "archive",
        "archive-place",
        "archive_location",
        "authority",
        "call-number",
        "collection-title",
        "container-title",
        "container-title-short",
        "dimensions",
        "DOI",
        "event",
        "event-place",
        "genre",
        "ISBN",
        "ISSN",
        "jurisdiction",
        "medium",
        "original-publisher",
        "original-publisher-place",
        "original-title",
        "publisher",
        "publisher-place",
        "reviewed-title",
        "section",
        "source",
        "status",
        "title-short",
        "URL",
        "version",
    }
)


def _note_fields(data: Mapping[str, Any]) -> dict[str, Any]:
    note = data.get("note")
    if not isinstance(note, str) or ":" not in note:
        return {}
    found: dict[str, Any] = {}
    for line in note.splitlines():
        match = _NOTE_FIELD_RE.match(line)
        if match is None:
            continue
        key, value = match.groups()
        if key in data:
            continue
        if key in NAME_VARIABLES:  # "Hall || W.C.": family and given
            family, bar, given = value.partition("||")
            name = {"family": family.strip(), "given": given.strip()} if bar else {"literal": value}
            found.setdefault(key, []).append(name)
        elif key in DATE_VARIABLES or key in _NOTE_TEXT_VARIABLES or key in NUMBER_VARIABLES:
            found[key] = value
    return found


def normalize_item(data: Any, position: int = 0) -> Item:
    """Check one CSL-JSON object and turn it into an Item; CslError names the item and field."""
    if not isinstance(data, Mapping):
        raise CslError(
            f"entry {position + 1} is a {type(data).__name__}, not a CSL-JSON object",
            item_id=None,
        )
    if "id" not in data or data["id"] in (None, ""):
        raise CslError(f"entry {position + 1} has no id", field="id")
    item_id = _text(data["id"], str(data["id"]), "id")
    item_type = data.get("type") or "document"
    if not isinstance(item_type, str):
        raise CslError("type must be a CSL item type", item_id=item_id, field="type")
    item = Item(id=item_id, type=item_type, raw=data)
    fields = {**data, **_note_fields(data)}
    for key, value in fields.items():
        if value is None or key in ("id", "type"):
            continue
        key = str(key)
        variable = _ALIASES.get(key, key)
        if variable in NAME_VARIABLES or (
            isinstance(value, list) and value and isinstance(value[0], Mapping)
        ):
            if not isinstance(value, list):
                raise CslError("names must be a list", item_id=item_id, field=key)
            names = [parse_name(v, item_id, key) for v in value]
            if names:
                item.names[variable] = names
        elif variable in DATE_VARIABLES or (isinstance(value, Mapping) and "date-parts" in value):
            date = parse_date(value, item_id, key)
            if date is not None:
                item.dates[variable] = date
        elif isinstance(value, Mapping | list):
            continue  # extension data (custom fields, note objects): not rendered by CSL
        else:
            text = unicodedata.normalize("NFC", _text(value, item_id, key)).strip()
            if not text:
                continue
            if variable not in _VERBATIM:
                text = parse_field_markup(text)
            if variable not in item.variables or key == variable:
                item.variables[variable] = text
    if "event-title" in item.variables and isinstance(fields.get("event"), str):
        # an item written with CSL 1.0.1's "event" is found by styles asking for "event" too
        # (citeproc-js does not give "event-title" to those styles)
        item.variables.setdefault("event", item.variables["event-title"])
    item.language = item.variables.get("language", "")
    item.present = frozenset(
        [*item.names, *item.dates, *(k for k, v in item.variables.items() if v)]
    )
    return item
