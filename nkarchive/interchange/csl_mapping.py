"""Our Sources as CSL-JSON items and back: types, contributor roles, EDTF dates, identifiers.

Used by bundles (`sources.csl.json`, the bibliography), `nkarchive cite`, and imports from
reference managers. A Korean name written in Hangul stays family name first: as CSL family and
given parts (the processor writes CJK names without inversion), and a Hangul name given as one
string is split into surname and given name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from nkarchive.model.dates import DateError, EdtfDate, describe, parse_date
from nkarchive.model.dates.types import DatePoint
from nkarchive.model.vocab import CONTRIBUTOR_ROLES, SOURCE_TYPES

# Our source types that CSL lacks, and the CSL type and genre they are written as.
TYPE_TO_CSL: dict[str, tuple[str, str | None]] = {
    "festival-catalogue": ("book", "Festival catalogue"),
}
# CSL types we have no type for: what they become.
TYPE_FROM_CSL: dict[str, str] = {
    "article": "document",
    "post": "webpage",
    "entry": "entry-encyclopedia",
    "entry-dictionary": "entry-encyclopedia",
    "pamphlet": "document",
    "speech": "document",
    "collection": "document",
    "periodical": "document",
    "review": "article-magazine",
    "review-book": "article-magazine",
    "song": "broadcast",
    "performance": "document",
    "graphic": "document",
    "map": "document",
    "event": "document",
}
GENRE_TO_TYPE = {genre.casefold(): ours for ours, (_csl, genre) in TYPE_TO_CSL.items() if genre}

# Our contributor roles are CSL name variables already; these are the CSL ones we also accept.
ROLE_FROM_CSL: dict[str, str] = {
    "editorial-director": "editor",
    "editor-translator": "editor",
    "script-writer": "author",
    "host": "performer",
    "guest": "performer",
}
SIMPLE_FIELDS: tuple[tuple[str, str], ...] = (
    ("title", "title"),
    ("short_title", "title-short"),
    ("container_title", "container-title"),
    ("publisher", "publisher"),
    ("publisher_place", "publisher-place"),
    ("volume", "volume"),
    ("issue", "issue"),
    ("pages", "page"),
    ("edition", "edition"),
    ("url", "URL"),
    ("language", "language"),
    ("archive_location", "archive_location"),
    ("abstract", "abstract"),
    ("notes", "note"),
)
IDENTIFIERS: tuple[str, ...] = ("DOI", "ISBN", "ISSN", "PMID", "PMCID", "call-number")
HANGUL = re.compile(r"[\uac00-\ud7a3]")
SEASONS = {"21": 1, "22": 2, "23": 3, "24": 4}


@dataclass
class SourceValues:
    """A source as `nkarchive.ops` takes it, with its contributors, from an imported entry."""

    values: dict[str, Any]
    contributors: list[dict[str, Any]] = field(default_factory=list)


# -- ours → CSL ----------------------------------------------------------------------------------


def source_to_csl(source: dict[str, Any], contributors: list[dict[str, Any]]) -> dict[str, Any]:
    """A CSL-JSON item for a source record (as `records.serialize` writes it) and its
    contributors (in order)."""
    csl_type, genre = TYPE_TO_CSL.get(source["source_type"], (source["source_type"], None))
    item: dict[str, Any] = {"id": source["uuid"], "type": csl_type}
    if genre:
        item["genre"] = genre
    for ours, theirs in SIMPLE_FIELDS:
        if source.get(ours):
            item[theirs] = source[ours]
    if source.get("date"):
        item["issued"] = edtf_to_csl(source["date"])
    if source.get("accessed"):
        item["accessed"] = edtf_to_csl(source["accessed"])
    for key, value in (source.get("identifiers") or {}).items():
        name = next((i for i in IDENTIFIERS if i.casefold() == key.casefold()), None)
        if name and isinstance(value, str | int):
            item[name] = str(value)
    for person in sorted(contributors, key=lambda c: c.get("position", 0)):
        item.setdefault(person.get("role", "author"), []).append(name_to_csl(person))
    return item


def name_to_csl(person: dict[str, Any]) -> dict[str, str]:
    family, given, literal = person.get("family"), person.get("given"), person.get("literal")
    if literal and not family:
        split = split_hangul_name(literal)
        if split:
            return {"family": split[0], "given": split[1]}
        return {"literal": literal}
    name = {"family": family or ""}
    if given:
        name["given"] = given
    return name


def split_hangul_name(text: str) -> tuple[str, str] | None:
    """(surname, given name) of a personal name written in Hangul, else None."""
    try:
        from nkarchive.korean.names import split_name
    except ImportError:  # pragma: no cover - romanization is part of every build
        return None
    return split_name(text.strip())


def edtf_to_csl(text: str) -> dict[str, Any]:
    """An EDTF date as a CSL date: date-parts (a range for an interval or a decade), circa
    for an approximate or uncertain date, a season; words where CSL has no form for it."""
    try:
        date = parse_date(text)
    except DateError:
        return {"literal": text}
    if date.kind == "single" and date.start is not None:
        return _point(date.start, date.approximate or date.uncertain)
    if date.kind == "interval" and date.start is not None and date.end is not None:
        start, end = _point(date.start, False), _point(date.end, False)
        if "season" in start or "season" in end:
            return {"literal": describe(date)}
        csl: dict[str, Any] = {"date-parts": start["date-parts"] + end["date-parts"]}
        if date.approximate or date.uncertain:
            csl["circa"] = True
        return csl
    return {"literal": describe(date)}


def _point(point: DatePoint, circa: bool) -> dict[str, Any]:
    csl: dict[str, Any]
    if "X" in point.year:
        csl = {"date-parts": [[point.lower.year], [point.upper.year]]}
    else:
        parts = [int(point.year)]
        if point.month in SEASONS:
            csl = {"date-parts": [parts], "season": SEASONS[point.month]}
        else:
            if point.month and point.month.isdigit():
                parts.append(int(point.month))
                if point.day and point.day.isdigit():
                    parts.append(int(point.day))
            csl = {"date-parts": [parts]}
    if circa:
        csl["circa"] = True
    return csl


# -- CSL → ours ----------------------------------------------------------------------------------


def csl_to_source(item: dict[str, Any]) -> SourceValues:
    """Source values for a CSL-JSON item (Zotero's export, or any other); what has no field
    of ours is kept, labelled, in the source's notes. Raises ValueError naming the problem."""
    if not isinstance(item, dict):
        raise ValueError("an entry is not a JSON object")
    leftovers: list[str] = []
    csl_type = str(item.get("type") or "document")
    genre = str(item.get("genre") or "")
    source_type = GENRE_TO_TYPE.get(genre.casefold()) or (
        csl_type if csl_type in SOURCE_TYPES else TYPE_FROM_CSL.get(csl_type, "document")
    )
    values: dict[str, Any] = {"source_type": source_type}
    for ours, theirs in SIMPLE_FIELDS:
        value = item.get(theirs)
        if isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, str) and value.strip():
            values[ours] = value.strip()
    if not values.get("title"):
        raise ValueError("an entry has no title")
    if values.get("language") and not re.fullmatch(r"[a-z]{2,3}", values["language"]):
        short = values["language"].split("-")[0].lower()
        if re.fullmatch(r"[a-z]{2,3}", short):
            values["language"] = short
        else:
            leftovers.append(f"Language: {values.pop('language')}")
    for name, limit in (("volume", 32), ("issue", 32), ("pages", 32), ("edition", 32)):
        if len(values.get(name, "")) > limit:
            leftovers.append(f"{name.capitalize()}: {values.pop(name)}")
    if genre and genre.casefold() not in GENRE_TO_TYPE:
        leftovers.append(f"Genre: {genre}")
    if csl_type not in SOURCE_TYPES and csl_type not in ("book",):
        leftovers.append(f"Type in the imported file: {csl_type}")
    issued = csl_date_to_edtf(item.get("issued"))
    if issued:
        values["date"] = issued
    elif item.get("issued"):
        leftovers.append(f"Date: {_date_words(item.get('issued'))}")
    accessed = csl_date_to_edtf(item.get("accessed"))
    if accessed and re.fullmatch(r"\d{4}-\d{2}-\d{2}", accessed):
        values["accessed"] = accessed
    elif item.get("accessed"):
        leftovers.append(f"Accessed: {_date_words(item.get('accessed'))}")
    identifiers = {
        key.lower(): str(item[key]).strip()
        for key in IDENTIFIERS
        if isinstance(item.get(key), str | int) and str(item[key]).strip()
    }
    if identifiers:
        values["identifiers"] = identifiers
    contributors: list[dict[str, Any]] = []
    for variable, names in item.items():
        role = variable if variable in CONTRIBUTOR_ROLES else ROLE_FROM_CSL.get(variable)
        if not isinstance(names, list) or not (role or _looks_like_names(names)):
            continue
        for raw in names:
            person = _name_from_csl(raw)
            if person is None:
                continue
            if role is None:
                leftovers.append(f"{variable}: {_name_words(person)}")
                continue
            if role != variable:
                leftovers.append(f"{_name_words(person)} is credited as {variable}")
            contributors.append({"role": role, "position": len(contributors), **person})
    if leftovers:
        values["notes"] = "\n".join(filter(None, [values.get("notes"), *leftovers]))
    return SourceValues(values, contributors)


def _looks_like_names(names: list[Any]) -> bool:
    return bool(names) and all(
        isinstance(n, dict) and ({"family", "literal"} & n.keys()) for n in names
    )


def _name_from_csl(raw: Any) -> dict[str, str] | None:
    if isinstance(raw, str):
        raw = {"literal": raw}
    if not isinstance(raw, dict):
        return None
    parts = {
        k: str(raw[k]).strip()
        for k in (
            "family",
            "given",
            "literal",
            "non-dropping-particle",
            "dropping-particle",
            "suffix",
        )
        if raw.get(k)
    }
    if parts.get("literal"):
        split = split_hangul_name(parts["literal"])
        return {"family": split[0], "given": split[1]} if split else {"literal": parts["literal"]}
    family = " ".join(filter(None, [parts.get("non-dropping-particle"), parts.get("family")]))
    given = " ".join(filter(None, [parts.get("given"), parts.get("dropping-particle")]))
    if parts.get("suffix"):
        given = f"{given}, {parts['suffix']}" if given else parts["suffix"]
    if not family:
        return {"literal": given} if given else None
    return {"family": family, **({"given": given} if given else {})}


def _name_words(person: dict[str, str]) -> str:
    return person.get("literal") or ", ".join(
        filter(None, [person.get("family"), person.get("given")])
    )


def csl_date_to_edtf(value: Any) -> str | None:
    """An EDTF string for a CSL date, or None when it cannot be written as one."""
    if isinstance(value, str):
        return _checked(value.strip())
    if not isinstance(value, dict):
        return None
    parts = value.get("date-parts")
    text: str | None = None
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        points = [
            _parts_to_edtf(p, value.get("season") if i == 0 else None)
            for i, p in enumerate(parts[:2])
        ]
        if all(points):
            text = (
                points[0]
                if len(points) == 1 or points[0] == points[1]
                else f"{points[0]}/{points[1]}"
            )
    elif isinstance(value.get("raw"), str):
        text = value["raw"].strip()
    if text and value.get("circa") not in (None, False, 0, "", "false") and not text.endswith("~"):
        text = "/".join(f"{half}~" for half in text.split("/"))
    return _checked(text) if text else None


def _parts_to_edtf(parts: Any, season: Any) -> str | None:
    if not isinstance(parts, list) or not parts:
        return None
    try:
        numbers = [int(p) for p in parts[:3] if p not in ("", None)]
    except (TypeError, ValueError):
        return None
    if not numbers or not 0 <= numbers[0] <= 9999:
        return None
    text = f"{numbers[0]:04d}"
    if len(numbers) == 1 and season not in (None, ""):
        try:
            return f"{text}-{20 + int(season)}" if 1 <= int(season) <= 4 else text
        except (TypeError, ValueError):
            return text
    return "-".join([text, *(f"{n:02d}" for n in numbers[1:])])


def _checked(text: str) -> str | None:
    try:
        date: EdtfDate = parse_date(text)
    except DateError:
        return None
    return date.original if date.original == text else text


def _date_words(value: Any) -> str:
    if isinstance(value, dict):
        return str(value.get("literal") or value.get("raw") or value.get("date-parts"))
    return str(value)
