"""RIS out of and into CSL-JSON items (the form `csl_mapping` gives and takes).

Reading checks every line first, so a malformed file is refused naming its line before
anything is imported. Zotero's and EndNote's exports both read: a line that is not a tag
continues the value before it.
"""

from __future__ import annotations

import re
from typing import Any

from nkarchive.interchange.csl_mapping import csl_date_to_edtf


class RisError(ValueError):
    """A malformed RIS file; the message names the line."""


TYPE_TO_RIS: dict[str, str] = {
    "article-journal": "JOUR",
    "article-magazine": "MGZN",
    "article-newspaper": "NEWS",
    "book": "BOOK",
    "chapter": "CHAP",
    "paper-conference": "CPAPER",
    "report": "RPRT",
    "thesis": "THES",
    "webpage": "ELEC",
    "post-weblog": "BLOG",
    "manuscript": "MANSCPT",
    "dataset": "DATA",
    "entry-encyclopedia": "ENCYC",
    "motion_picture": "MPCT",
    "broadcast": "VIDEO",
    "personal_communication": "PCOMM",
    "interview": "GEN",
}
TYPE_FROM_RIS: dict[str, str] = {
    **{ris: csl for csl, ris in TYPE_TO_RIS.items() if ris != "GEN"},
    "EJOUR": "article-journal",
    "JFULL": "article-journal",
    "EBOOK": "book",
    "EDBOOK": "book",
    "ECHAP": "chapter",
    "CONF": "paper-conference",
    "WEB": "webpage",
    "ICOMM": "webpage",
    "DICT": "entry-encyclopedia",
    "UNPB": "manuscript",
    "CTLG": "book",
    "ADVS": "motion_picture",
    "SOUND": "broadcast",
    "DBASE": "dataset",
    "GOVDOC": "report",
    "STAND": "report",
}
ROLE_TAGS = {"author": "AU", "editor": "A2", "collection-editor": "A3", "translator": "A4"}
TAG_ROLES = {
    "AU": "author",
    "A1": "author",
    "A2": "editor",
    "ED": "editor",
    "A3": "collection-editor",
    "A4": "translator",
    "TA": "translator",
}
TAG_LINE = re.compile(r"^([A-Z][A-Z0-9])  -(?: (.*))?$")


def _name(name: dict[str, str]) -> str:
    return name.get("literal") or ", ".join(p for p in (name.get("family"), name.get("given")) if p)


def write_ris(items: list[dict[str, Any]]) -> str:
    lines: list[str] = []
    for item in items:
        csl_type = item.get("type", "document")
        lines.append(
            f"TY  - {'CTLG' if item.get('genre') == 'Festival catalogue' else TYPE_TO_RIS.get(csl_type, 'GEN')}"
        )
        lines.append(f"ID  - {item['id']}")
        others: list[str] = []
        for role, names in item.items():
            if not isinstance(names, list) or role in ("issued", "accessed"):
                continue
            if role in ROLE_TAGS:
                lines += [f"{ROLE_TAGS[role]}  - {_name(n)}" for n in names]
            else:  # RIS has no tag for a director, performer, ...: a note names them
                others += [f"{_name(n)} ({role})" for n in names]
        for tag, key in (
            ("TI", "title"),
            ("ST", "title-short"),
            ("T2", "container-title"),
            ("PB", "publisher"),
            ("CY", "publisher-place"),
            ("VL", "volume"),
            ("IS", "issue"),
            ("ET", "edition"),
            ("DO", "DOI"),
            ("UR", "URL"),
            ("LA", "language"),
            ("AB", "abstract"),
            ("AV", "archive_location"),
            ("M3", "genre"),
        ):
            if item.get(key):
                lines.append(f"{tag}  - {_one_line(str(item[key]))}")
        for key in ("ISBN", "ISSN"):
            if item.get(key):
                lines.append(f"SN  - {item[key]}")
        if item.get("page"):
            start, _, end = str(item["page"]).partition("-")
            lines.append(f"SP  - {start.strip()}")
            if end.strip("- "):
                lines.append(f"EP  - {end.strip('- ')}")
        issued = (item.get("issued") or {}).get("date-parts")
        if issued:
            parts = [*issued[0], "", ""]
            lines.append(f"PY  - {parts[0]}")
            lines.append(
                "DA  - "
                + "/".join(
                    f"{p:02d}" if isinstance(p, int) and i else str(p)
                    for i, p in enumerate(parts[:3])
                )
                + "/"
            )
        accessed = csl_date_to_edtf(item.get("accessed"))
        if accessed:
            lines.append(f"Y2  - {accessed}")
        if item.get("note"):
            lines.append(f"N1  - {_one_line(item['note'])}")
        if others:
            lines.append("N1  - Contributors: " + "; ".join(others))
        lines += ["ER  - ", ""]
    return "\n".join(lines)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def read_ris(text: str) -> list[dict[str, Any]]:
    """CSL-JSON items for the records of a RIS file; RisError names the first bad line."""
    records: list[tuple[int, list[tuple[str, str]]]] = []
    current: list[tuple[str, str]] | None = None
    start = 0
    for number, line in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
        match = TAG_LINE.match(line.rstrip())
        if not line.strip():
            continue
        if match is None:
            if current:
                tag, value = current[-1]
                current[-1] = (tag, f"{value} {line.strip()}")
                continue
            raise RisError(
                f"line {number}: expected a tag such as “TY  - ”, found {line.strip()[:40]!r}"
            )
        tag, value = match.group(1), (match.group(2) or "").strip()
        if tag == "TY":
            if current is not None:
                raise RisError(
                    f"line {number}: a new record starts before the one at line {start} ended (ER)"
                )
            current, start = [("TY", value)], number
        elif current is None:
            raise RisError(f"line {number}: {tag} outside a record (a record starts with TY)")
        elif tag == "ER":
            records.append((start, current))
            current = None
        else:
            current.append((tag, value))
    if current is not None:
        raise RisError(f"line {start}: the record that starts here has no end (ER)")
    items = []
    for start, tags in records:
        item = _item(tags, start)
        if not item.get("title"):
            raise RisError(f"line {start}: the record that starts here has no title (TI or T1)")
        items.append(item)
    return items


def _item(tags: list[tuple[str, str]], start: int) -> dict[str, Any]:
    ris_type = tags[0][1].upper()
    item: dict[str, Any] = {
        "id": f"ris-line-{start}",
        "type": TYPE_FROM_RIS.get(ris_type, "document"),
    }
    if ris_type == "CTLG":
        item["genre"] = "Festival catalogue"
    notes: list[str] = []
    pages = ["", ""]
    for tag, value in tags[1:]:
        if not value:
            continue
        if tag in TAG_ROLES:
            family, _, given = value.partition(",")
            name = {"family": family.strip(), **({"given": given.strip()} if given.strip() else {})}
            item.setdefault(TAG_ROLES[tag], []).append(name)
            continue
        key = {
            "TI": "title",
            "T1": "title",
            "ST": "title-short",
            "T2": "container-title",
            "JO": "container-title",
            "JF": "container-title",
            "BT": "container-title",
            "PB": "publisher",
            "CY": "publisher-place",
            "VL": "volume",
            "IS": "issue",
            "ET": "edition",
            "DO": "DOI",
            "UR": "URL",
            "LA": "language",
            "AB": "abstract",
            "N2": "abstract",
            "AV": "archive_location",
            "M3": "genre",
        }.get(tag)
        if key and key not in item:
            item[key] = value
        elif tag == "SN":
            item["ISBN" if len(re.sub(r"[^0-9Xx]", "", value)) in (10, 13) else "ISSN"] = value
        elif tag in ("SP", "EP"):
            pages[tag == "EP"] = value
        elif tag in ("PY", "Y1", "DA"):
            date = _ris_date(value)
            if date and len(date) >= len(item.get("issued", {}).get("raw", "")):
                item["issued"] = {"raw": date}  # the fullest of PY and DA
            elif not date:
                notes.append(f"Date: {value}")
        elif tag == "Y2":
            item["accessed"] = {"raw": _ris_date(value) or value}
        elif tag in ("N1", "KW") or key:
            notes.append(value if tag == "N1" else f"{tag}: {value}")
        elif tag not in ("ID", "L1", "L2", "L4", "DB", "DP"):
            notes.append(f"{tag}: {value}")
    if pages[0]:
        item["page"] = "-".join(p for p in pages if p)
    if notes:
        item["note"] = "\n".join(notes)
    return item


def _ris_date(value: str) -> str | None:
    """`1985`, `1985/07/02/`, `1985/07//` and `1985-07-02` as EDTF."""
    match = re.match(r"^(\d{4})(?:[/-](\d{1,2})?)?(?:[/-](\d{1,2})?)?", value.strip())
    if not match:
        return None
    year, month, day = match.groups()
    text = year
    if month and 1 <= int(month) <= 12:
        text += f"-{int(month):02d}"
        if day and 1 <= int(day) <= 31:
            text += f"-{int(day):02d}"
    return csl_date_to_edtf(text)
