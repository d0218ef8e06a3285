"""BibTeX/BibLaTeX out of and into CSL-JSON items (the form `csl_mapping` gives and takes).

Written entries use BibLaTeX's types and fields with the BibTeX ones beside them (`journal`
and `journaltitle`, `year` and `date`), in UTF-8, so BibTeX tools, biber and bibtexparser all
read them. A name written in Hangul is braced whole, family name first, so no style inverts it.
"""

from __future__ import annotations

import re
from typing import Any

import bibtexparser
from pylatexenc.latex2text import LatexNodes2Text

from nkarchive.interchange.csl_mapping import HANGUL, csl_date_to_edtf
from nkarchive.model.dates import DateError, parse_date


class BibtexError(ValueError):
    """A malformed BibTeX file; the message names the line."""


TYPE_TO_BIB: dict[str, str] = {
    "article-journal": "article",
    "article-magazine": "article",
    "article-newspaper": "article",
    "book": "book",
    "chapter": "incollection",
    "paper-conference": "inproceedings",
    "report": "report",
    "thesis": "thesis",
    "webpage": "online",
    "post-weblog": "online",
    "manuscript": "unpublished",
    "dataset": "dataset",
    "entry-encyclopedia": "inreference",
    "motion_picture": "movie",
}
SUBTYPES = {"article-newspaper": "newspaper", "article-magazine": "magazine"}
TYPE_FROM_BIB: dict[str, str] = {
    "article": "article-journal",
    "book": "book",
    "mvbook": "book",
    "booklet": "book",
    "inbook": "chapter",
    "incollection": "chapter",
    "inproceedings": "paper-conference",
    "conference": "paper-conference",
    "report": "report",
    "techreport": "report",
    "thesis": "thesis",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "online": "webpage",
    "electronic": "webpage",
    "www": "webpage",
    "unpublished": "manuscript",
    "dataset": "dataset",
    "inreference": "entry-encyclopedia",
    "movie": "motion_picture",
    "video": "motion_picture",
    "misc": "document",
    "manual": "report",
    "proceedings": "book",
    "collection": "book",
}
CONTAINER = {
    "article": "journaltitle",
    "incollection": "booktitle",
    "inproceedings": "booktitle",
    "inreference": "booktitle",
}
NAME_FIELDS = ("author", "editor", "translator")
EXTRA_NAME_SLOTS = ("editora", "editorb", "editorc")
PLAIN = (
    ("title", "title"),
    ("title-short", "shorttitle"),
    ("publisher", "publisher"),
    ("publisher-place", "location"),
    ("volume", "volume"),
    ("issue", "number"),
    ("page", "pages"),
    ("edition", "edition"),
    ("URL", "url"),
    ("DOI", "doi"),
    ("ISBN", "isbn"),
    ("ISSN", "issn"),
    ("language", "language"),
    ("abstract", "abstract"),
    ("note", "note"),
    ("genre", "type"),
    ("archive_location", "library"),
)
_SPECIAL = re.compile(r"([&%$#_{}])")


def escape(text: str) -> str:
    text = text.replace("\\", "\x00")
    text = _SPECIAL.sub(r"\\\1", text)
    text = text.replace("~", r"\textasciitilde{}").replace("^", r"\textasciicircum{}")
    return text.replace("\x00", r"\textbackslash{}")


def bib_name(name: dict[str, str]) -> str:
    family, given, literal = name.get("family", ""), name.get("given", ""), name.get("literal", "")
    if literal:
        return "{" + escape(literal) + "}"
    if HANGUL.search(family + given):
        return "{" + escape(family + given) + "}"
    return escape(family) + (", " + escape(given) if given else "")


def entry_key(item: dict[str, Any], used: set[str]) -> str:
    first: dict[str, str] = next(
        (n for role in ("author", "editor") for n in item.get(role, [])), {}
    )
    stem = (
        re.sub(r"[^A-Za-z]", "", first.get("family") or first.get("literal") or "")[:20] or "source"
    )
    year = str(((item.get("issued") or {}).get("date-parts") or [[""]])[0][0])
    key = f"{stem.lower()}{year}-{str(item['id'])[:8]}"
    while key in used:
        key += "x"
    used.add(key)
    return key


def write_bibtex(items: list[dict[str, Any]]) -> str:
    used: set[str] = set()
    return "\n".join(_entry(item, used) for item in items)


def _entry(item: dict[str, Any], used: set[str]) -> str:
    csl_type = item.get("type", "document")
    bib_type = TYPE_TO_BIB.get(csl_type, "misc")
    fields: list[tuple[str, str]] = []
    for role in NAME_FIELDS:
        if item.get(role):
            fields.append((role, " and ".join(bib_name(n) for n in item[role])))
    extra_roles = [
        r
        for r in item
        if isinstance(item[r], list)
        and r not in NAME_FIELDS
        and r not in ("issued", "accessed")
        and all(isinstance(n, dict) for n in item[r])
    ]
    for slot, role in zip(EXTRA_NAME_SLOTS, extra_roles, strict=False):
        fields += [(slot, " and ".join(bib_name(n) for n in item[role])), (f"{slot}type", role)]
    for csl, bib in PLAIN:
        if item.get(csl):
            fields.append((bib, escape(str(item[csl]))))
    if item.get("container-title"):
        container = CONTAINER.get(bib_type, "howpublished")
        fields.append((container, escape(item["container-title"])))
        if container == "journaltitle":
            fields.append(("journal", escape(item["container-title"])))
    if csl_type in SUBTYPES:
        fields.append(("entrysubtype", SUBTYPES[csl_type]))
    fields += _dates(item)
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{bib_type}{{{entry_key(item, used)},\n{body}\n}}\n"


def _dates(item: dict[str, Any]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    issued = csl_date_to_edtf(item.get("issued"))
    if issued:
        out.append(("date", issued))
        parts = item["issued"]["date-parts"][0] if "date-parts" in item.get("issued", {}) else []
        if parts:
            out.append(("year", str(parts[0])))
            if len(parts) > 1:
                out.append(("month", str(parts[1])))
    accessed = csl_date_to_edtf(item.get("accessed"))
    if accessed:
        out.append(("urldate", accessed))
    return out


# -- reading -------------------------------------------------------------------------------------

_TO_TEXT = LatexNodes2Text(math_mode="verbatim")


def latex_to_text(value: str) -> str:
    try:
        # pylatexenc reads \textasciicircum as the modifier letter; the file meant a caret.
        return str(_TO_TEXT.latex_to_text(value)).replace("\u02c6", "^").strip()
    except Exception:  # pylatexenc gives up on some malformed input: keep it as written
        return value.strip()


def split_names(value: str) -> list[str]:
    """Names separated by `and` outside braces."""
    names, depth, start, i = [], 0, 0, 0
    while i < len(value):
        char = value[i]
        depth += 1 if char == "{" else -1 if char == "}" else 0
        if depth == 0 and value[i : i + 5].lower() == " and ":
            names.append(value[start:i])
            start = i = i + 5
            continue
        i += 1
    names.append(value[start:])
    return [n.strip() for n in names if n.strip()]


def csl_name(raw: str) -> dict[str, str]:
    raw = raw.strip()
    if raw.startswith("{") and raw.endswith("}") and raw.count("{") == 1:
        return {"literal": latex_to_text(raw[1:-1])}
    if "," in raw:
        family, _, given = raw.partition(",")
        return {
            "family": latex_to_text(family),
            **({"given": latex_to_text(given)} if given.strip() else {}),
        }
    words = raw.split()
    if len(words) == 1:
        return {"family": latex_to_text(words[0])}
    return {"family": latex_to_text(words[-1]), "given": latex_to_text(" ".join(words[:-1]))}


def read_bibtex(text: str) -> list[dict[str, Any]]:
    """CSL-JSON items for the entries of a BibTeX or BibLaTeX file; BibtexError names the line
    of the first entry that cannot be read."""
    library = bibtexparser.parse_string(text)  # type: ignore[attr-defined]
    if library.failed_blocks:
        block = library.failed_blocks[0]
        error = getattr(block, "error", None)
        message = str(error or "").strip() or str(getattr(error, "message", "") or "").strip()
        reason = (
            message.splitlines()[-1].strip()
            if message
            else "this entry cannot be read (unbalanced braces?)"
        )
        raise BibtexError(f"line {(block.start_line or 0) + 1}: {reason}")
    items = []
    for entry in library.entries:
        fields = {k.lower(): str(f.value) for k, f in entry.fields_dict.items()}
        try:
            items.append(_item(entry.entry_type.lower(), entry.key, fields))
        except ValueError as exc:
            raise BibtexError(
                f"line {(entry.start_line or 0) + 1}: entry {entry.key}: {exc}"
            ) from None
    return items


def _item(bib_type: str, key: str, fields: dict[str, str]) -> dict[str, Any]:
    csl_type = TYPE_FROM_BIB.get(bib_type, "document")
    subtype = fields.pop("entrysubtype", "").strip().lower()
    if bib_type == "article" and subtype in ("newspaper", "magazine"):
        csl_type = f"article-{subtype}"
    item: dict[str, Any] = {"id": key, "type": csl_type}
    for csl, bib in PLAIN:
        if fields.get(bib):
            item[csl] = latex_to_text(fields.pop(bib))
    for name in ("journaltitle", "journal", "booktitle", "howpublished", "series"):
        if fields.get(name) and "container-title" not in item:
            item["container-title"] = latex_to_text(fields.pop(name))
    fields.pop("journal", None)
    if fields.get("address") and "publisher-place" not in item:  # BibTeX's name for the place
        item["publisher-place"] = latex_to_text(fields.pop("address"))
    for role in NAME_FIELDS:
        if fields.get(role):
            item[role] = [csl_name(n) for n in split_names(fields.pop(role))]
    for slot in EXTRA_NAME_SLOTS:
        if fields.get(slot):
            role = fields.pop(f"{slot}type", "contributor").strip() or "contributor"
            item.setdefault(role, []).extend(csl_name(n) for n in split_names(fields.pop(slot)))
    date = fields.pop("date", "").strip()
    year, month = fields.pop("year", "").strip(), fields.pop("month", "").strip()
    if date and _edtf_ok(date):
        item["issued"] = {"raw": date}
    elif year:
        item["issued"] = {"raw": _year_month(year, month)}
    urldate = fields.pop("urldate", "").strip()
    if urldate:
        item["accessed"] = {"raw": urldate}
    leftovers = [
        f"{name}: {latex_to_text(value)}"
        for name, value in sorted(fields.items())
        if value.strip() and name not in ("keywords", "file")
    ]
    if date and not _edtf_ok(date):
        leftovers.append(f"date: {date}")
    if leftovers:
        item["note"] = "\n".join(filter(None, [item.get("note"), *leftovers]))
    return item


def _year_month(year: str, month: str) -> str:
    months = {
        m: i
        for i, m in enumerate(
            ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
            start=1,
        )
    }
    number = months.get(month[:3].lower()) or (
        int(month) if month.isdigit() and 1 <= int(month) <= 12 else 0
    )
    return f"{year}-{number:02d}" if number else year


def _edtf_ok(text: str) -> bool:
    try:
        parse_date(text)
    except DateError:
        return False
    return True
