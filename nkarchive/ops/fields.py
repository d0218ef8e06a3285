"""What each kind of record may hold, and the validation every write goes through.

One table of field specifications per kind drives validation here, the forms' validation as
you type, and the command line. Values arrive as plain Python values; references to other
records arrive as UUIDs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from nkarchive.model import vocab
from nkarchive.model.dates import DateError, parse_date
from nkarchive.model.vocab import Vocabulary
from nkarchive.ops.errors import FieldError

FieldType = Literal["text", "int", "bool", "edtf", "vocab", "ref", "list", "dict", "isodate"]

HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
COUNTRY = re.compile(r"^[A-Z]{2}$")
LANGUAGE = re.compile(r"^[a-z]{2,3}$")
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class FieldSpec:
    name: str
    type: FieldType
    label: str
    required: bool = False
    vocab: Vocabulary | None = None
    ref: str | None = None  # the kind a "ref" field points at; its value is that record's UUID
    item_pattern: re.Pattern[str] | None = None  # for "list" fields: each entry must match
    item_hint: str = ""
    max_length: int | None = None
    minimum: int | None = None
    maximum: int | None = None

    @property
    def column(self) -> str:
        return f"{self.name}_id" if self.type == "ref" else self.name


def _text(name: str, label: str, *, required: bool = False, max_length: int | None = None) -> FieldSpec:
    return FieldSpec(name, "text", label, required=required, max_length=max_length)


def _vocab(name: str, label: str, v: Vocabulary, *, required: bool = False) -> FieldSpec:
    return FieldSpec(name, "vocab", label, required=required, vocab=v)


def _ref(name: str, label: str, kind: str, *, required: bool = False) -> FieldSpec:
    return FieldSpec(name, "ref", label, required=required, ref=kind)


def _edtf(name: str, label: str) -> FieldSpec:
    return FieldSpec(name, "edtf", label)


def _minutes(name: str, label: str) -> FieldSpec:
    return FieldSpec(name, "int", label, minimum=1, maximum=100_000)


_COUNTRIES = FieldSpec(
    "countries", "list", "Countries", item_pattern=COUNTRY,
    item_hint="a two-letter country code such as KP, CN or CS (Czechoslovakia)",
)
_LANGUAGES = FieldSpec(
    "languages", "list", "Languages", item_pattern=LANGUAGE,
    item_hint="a two- or three-letter language code such as ko or en",
)

SPECS: dict[str, tuple[FieldSpec, ...]] = {
    "work": (
        _text("identifier", "Identifier", max_length=64),
        _vocab("form", "Form", vocab.WORK_FORMS, required=True),
        _COUNTRIES,
        _edtf("production_date", "Production year"),
        _LANGUAGES,
        _vocab("colour", "Colour", vocab.COLOURS),
        _vocab("sound", "Sound", vocab.SOUNDS),
        _minutes("running_time", "Running time (minutes)"),
        FieldSpec("genres", "list", "Genres"),
        FieldSpec("subjects", "list", "Subjects"),
        _text("synopsis", "Synopsis"),
        _text("notes", "Notes"),
        _vocab("record_status", "Record status", vocab.RECORD_STATUSES, required=True),
    ),
    "title": (
        _ref("work", "Work", "work", required=True),
        _ref("manifestation", "Manifestation", "manifestation"),
        _text("text", "Title", required=True),
        _vocab("title_type", "Title type", vocab.TITLE_TYPES, required=True),
        FieldSpec("language", "text", "Language", item_pattern=LANGUAGE, max_length=8),
        _vocab("script", "Script", vocab.SCRIPTS),
        _vocab("scheme", "Romanization scheme", vocab.ROMANIZATION_SCHEMES),
        FieldSpec("preferred", "bool", "Preferred"),
        FieldSpec("position", "int", "Order", minimum=0),
    ),
    "credit": (
        _ref("work", "Work", "work", required=True),
        _ref("agent", "Person or organisation", "agent", required=True),
        _vocab("role", "Role", vocab.ROLES, required=True),
        _text("character", "Character"),
        FieldSpec("position", "int", "Order", minimum=0),
        _text("credited_as", "Name as credited"),
        _text("notes", "Notes"),
    ),
    "manifestation": (
        _ref("work", "Work", "work", required=True),
        _vocab("manifestation_type", "Version", vocab.MANIFESTATION_TYPES, required=True),
        _edtf("date", "Date"),
        _text("format", "Format"),
        FieldSpec("language_version", "text", "Language version", max_length=32),
        _minutes("running_time", "Running time (minutes)"),
        _ref("distributor", "Distributor", "agent"),
        _text("notes", "Notes"),
    ),
    "item": (
        _ref("work", "Work", "work", required=True),
        _ref("manifestation", "Manifestation", "manifestation"),
        _ref("holder", "Holding institution", "agent"),
        _vocab("carrier", "Carrier", vocab.CARRIERS),
        _text("shelf_mark", "Shelf mark"),
        _text("condition", "Condition"),
        _text("access_notes", "Access notes"),
    ),
    "event": (
        _ref("work", "Work", "work"),
        _ref("manifestation", "Manifestation", "manifestation"),
        _ref("parent", "Part of", "event"),
        _vocab("event_type", "Event type", vocab.EVENT_TYPES, required=True),
        FieldSpec("label_text", "text", "Name"),
        _edtf("date", "Date"),
        _text("place", "Place"),
        FieldSpec("country", "text", "Country", item_pattern=COUNTRY,
                  item_hint="a two-letter country code such as KP, CZ or CS (Czechoslovakia)"),
        _text("venue", "Venue"),
        _ref("organiser", "Organiser", "agent"),
        _text("result", "Result"),
        _text("notes", "Notes"),
    ),
    "agent": (
        _vocab("agent_type", "Type", vocab.AGENT_TYPES, required=True),
        _edtf("dates", "Dates of existence"),
        _text("notes", "Notes"),
    ),
    "agent_name": (
        _ref("agent", "Person or organisation", "agent", required=True),
        _text("name", "Name", required=True),
        _vocab("name_type", "Name type", vocab.NAME_TYPES, required=True),
        FieldSpec("language", "text", "Language", item_pattern=LANGUAGE, max_length=8),
        _vocab("script", "Script", vocab.SCRIPTS),
        _vocab("scheme", "Romanization scheme", vocab.ROMANIZATION_SCHEMES),
        _edtf("used_from", "Used from"),
        _edtf("used_to", "Used until"),
        FieldSpec("preferred", "bool", "Preferred"),
        FieldSpec("position", "int", "Order", minimum=0),
    ),
    "agent_honour": (
        _ref("agent", "Person or organisation", "agent", required=True),
        _text("honour", "Honour or title", required=True),
        _edtf("date", "Date"),
        _text("notes", "Notes"),
    ),
    "agent_identifier": (
        _ref("agent", "Person or organisation", "agent", required=True),
        _vocab("authority", "Authority", vocab.IDENTIFIER_AUTHORITIES, required=True),
        _text("value", "Identifier", required=True),
    ),
    "source": (
        _vocab("source_type", "Type", vocab.SOURCE_TYPES, required=True),
        _text("title", "Title", required=True),
        _text("short_title", "Short title"),
        _text("container_title", "Published in"),
        _edtf("date", "Date"),
        _text("publisher", "Publisher"),
        _text("publisher_place", "Place of publication"),
        FieldSpec("volume", "text", "Volume", max_length=32),
        FieldSpec("issue", "text", "Issue", max_length=32),
        FieldSpec("pages", "text", "Pages", max_length=32),
        FieldSpec("edition", "text", "Edition", max_length=32),
        _text("url", "URL"),
        FieldSpec("accessed", "isodate", "Accessed"),
        FieldSpec("language", "text", "Language", item_pattern=LANGUAGE, max_length=8),
        FieldSpec("identifiers", "dict", "Identifiers"),
        _text("archive_location", "Archive location"),
        _vocab("source_class", "Source class", vocab.SOURCE_CLASSES),
        _text("abstract", "Abstract"),
        _text("notes", "Notes"),
    ),
    "source_contributor": (
        _ref("source", "Source", "source", required=True),
        _ref("agent", "Authority record", "agent"),
        _vocab("role", "Role", vocab.CONTRIBUTOR_ROLES, required=True),
        _text("family", "Family name"),
        _text("given", "Given name"),
        _text("literal", "Name (as one string)"),
        FieldSpec("position", "int", "Order", minimum=0),
    ),
    "citation": (
        _ref("source", "Source", "source", required=True),
        *(_ref(kind, kind.replace("_", " ").capitalize(), kind) for kind in (
            "work", "title", "credit", "event", "agent", "agent_name", "manifestation", "item",
        )),
        FieldSpec("field", "text", "Field", max_length=64),
        _text("locator", "Locator"),
        _vocab("locator_type", "Locator type", vocab.LOCATOR_TYPES),
        _text("excerpt", "Excerpt"),
        FieldSpec("excerpt_language", "text", "Excerpt language", item_pattern=LANGUAGE, max_length=8),
        _text("translation", "Translation"),
        _text("claimed_value", "Claimed value"),
        _vocab("confidence", "Confidence", vocab.CONFIDENCES, required=True),
        FieldSpec("preferred", "bool", "Preferred"),
        _text("note", "Note"),
    ),
    "attachment": (
        _ref("source", "Source", "source"),
        _ref("work", "Work", "work"),
        _ref("item", "Item", "item"),
        FieldSpec("sha256", "text", "SHA-256", required=True, item_pattern=re.compile(r"^[0-9a-f]{64}$"),
                  item_hint="64 lowercase hexadecimal digits"),
        _text("original_name", "File name", required=True),
        FieldSpec("media_type", "text", "Media type", max_length=128),
        FieldSpec("size", "int", "Size (bytes)", required=True, minimum=0),
        FieldSpec("added", "text", "Added", required=True),
        _text("description", "Description"),
    ),
    # Not a catalogue record, but kept in the catalogue and written like one (logged, undoable).
    "saved_search": (
        _text("name", "Name", required=True),
        _text("query", "Query", required=True),
        FieldSpec("position", "int", "Order", minimum=0),
    ),
}

SPEC_BY_NAME: dict[str, dict[str, FieldSpec]] = {
    kind: {spec.name: spec for spec in specs} for kind, specs in SPECS.items()
}


def spec(kind: str, name: str) -> FieldSpec:
    try:
        return SPEC_BY_NAME[kind][name]
    except KeyError:
        known = ", ".join(SPEC_BY_NAME.get(kind, {}))
        raise KeyError(f"{kind} has no field {name!r} (fields: {known})") from None


def clean_value(field: FieldSpec, value: Any) -> tuple[Any, FieldError | None]:
    """The value as it will be stored, or an error saying what is wrong with it.

    EDTF fields keep the text as entered (so a Juche year stays visible); bounds are derived.
    """
    if isinstance(value, str) and field.type not in ("text",):
        value = value.strip()
    if value is None or value == "" or (field.type in ("list",) and value == []):
        if field.required:
            return None, FieldError(field.name, f"{field.label} is required")
        return ([] if field.type == "list" else {} if field.type == "dict" else
                False if field.type == "bool" else None), None
    match field.type:
        case "text":
            if not isinstance(value, str):
                return None, FieldError(field.name, f"{field.label} must be text")
            if not value.strip():
                return (None, FieldError(field.name, f"{field.label} is required")) if field.required else (None, None)
            if field.max_length and len(value) > field.max_length:
                return None, FieldError(field.name, f"{field.label} is longer than {field.max_length} characters")
            if field.item_pattern and not field.item_pattern.match(value.strip()):
                hint = field.item_hint or "a code in the expected form"
                return None, FieldError(field.name, f"{value!r} is not {hint}")
            return value if field.name in ("text", "name", "excerpt", "translation") else value.strip(), None
        case "int":
            if isinstance(value, bool):
                return None, FieldError(field.name, f"{field.label} must be a whole number")
            try:
                number = int(value)
            except (TypeError, ValueError):
                return None, FieldError(field.name, f"{field.label} must be a whole number, not {value!r}")
            if field.minimum is not None and number < field.minimum:
                return None, FieldError(field.name, f"{field.label} must be at least {field.minimum}")
            if field.maximum is not None and number > field.maximum:
                return None, FieldError(field.name, f"{field.label} must be at most {field.maximum}")
            return number, None
        case "bool":
            if not isinstance(value, bool):
                return None, FieldError(field.name, f"{field.label} must be true or false")
            return value, None
        case "vocab":
            assert field.vocab is not None
            if value not in field.vocab:
                choices = ", ".join(field.vocab.codes())
                return None, FieldError(field.name, f"{value!r} is not a known {field.vocab.name} (one of: {choices})")
            return value, None
        case "edtf":
            if not isinstance(value, str):
                return None, FieldError(field.name, f"{field.label} must be a date written as text")
            try:
                parse_date(value)
            except DateError as exc:
                return None, FieldError(field.name, f"{value!r} is not a date nkarchive understands: {exc}")
            return value, None
        case "isodate":
            if not isinstance(value, str) or not ISO_DAY.match(value):
                return None, FieldError(field.name, f"{field.label} must be a day written YYYY-MM-DD, not {value!r}")
            try:
                parse_date(value)
            except DateError as exc:
                return None, FieldError(field.name, str(exc))
            return value, None
        case "list":
            if isinstance(value, str):
                value = [part.strip() for part in value.split(",")]
            if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
                return None, FieldError(field.name, f"{field.label} must be a list of text")
            items = [v.strip() for v in value if v.strip()]
            if field.item_pattern:
                bad = [v for v in items if not field.item_pattern.match(v)]
                if bad:
                    return None, FieldError(field.name, f"{bad[0]!r} is not {field.item_hint}")
            return items, None
        case "dict":
            if not isinstance(value, dict) or not all(isinstance(k, str) for k in value):
                return None, FieldError(field.name, f"{field.label} must be a mapping of names to values")
            return dict(value), None
        case "ref":
            if not isinstance(value, str):
                return None, FieldError(field.name, f"{field.label} must be given as a record id")
            return value, None
    raise AssertionError(field.type)


def date_bounds(text: str | None) -> tuple[str | None, str | None]:
    """Lower and upper bounds (ISO days) stored beside an EDTF field for sorting and ranges."""
    if not text:
        return None, None
    parsed = parse_date(text)
    return parsed.lower, parsed.upper


def cross_field_errors(kind: str, values: dict[str, Any]) -> list[FieldError]:
    """Rules that involve more than one field, applied to the record as it would be saved."""
    errors: list[FieldError] = []
    if kind in ("title", "agent_name"):
        text = values.get("text" if kind == "title" else "name") or ""
        script, scheme = values.get("script"), values.get("scheme")
        if script == "Hang" and text and not HANGUL.search(text):
            errors.append(FieldError("script", "the script is Hangul, but the text has no Hangul in it"))
        if script == "Latn" and HANGUL.search(text):
            errors.append(FieldError("script", "the script is Latin, but the text is written in Hangul"))
        if scheme and script not in (None, "Latn"):
            errors.append(FieldError("scheme", "a romanization scheme applies only to text in Latin script"))
    if kind == "citation":
        targets = [k for k in ("work", "title", "credit", "event", "agent", "agent_name", "manifestation", "item")
                   if values.get(f"{k}_id") is not None]
        if len(targets) != 1:
            errors.append(FieldError("target", "a citation backs exactly one record (a work, title, credit, "
                                               f"event, agent, name, manifestation or item); got {len(targets)}"))
    if kind == "attachment":
        targets = [k for k in ("source", "work", "item") if values.get(f"{k}_id") is not None]
        if len(targets) != 1:
            errors.append(FieldError("target", "an attachment belongs to exactly one source, work or item"))
    if kind == "source_contributor" and not (values.get("family") or values.get("literal")):
        errors.append(FieldError("family", "a contributor needs a family name or a name as one string"))
    return errors
