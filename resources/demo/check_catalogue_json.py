#!/usr/bin/env python3
"""Check resources/demo/catalogue.json, the source data of the demo catalogue.

Standard library only. Run from anywhere:

    python3 resources/demo/check_catalogue_json.py [path/to/catalogue.json]

Checks: the JSON loads and has the expected format; every ref is unique and every reference
(credit agent, event organiser and parent, citation source, contributor agent) resolves; every
controlled-vocabulary code is one nkarchive knows (nkarchive.model.vocab); dates are EDTF strings
of the forms the catalogue uses; keys are known and in the documented order; titles and names
agree with their scripts; conflicting claims are marked; the counts meet the demo's targets.
Prints a summary and exits nonzero, listing every problem, when anything is wrong.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from types import ModuleType
from typing import Any

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent.parent
DEFAULT_FILE = HERE / "catalogue.json"

TARGETS = {"works": 46, "events": 60, "sources": 40, "citations": 100}


def load_vocab() -> ModuleType:
    """nkarchive.model.vocab; loaded straight from its file if the package's imports are unavailable."""
    sys.path.insert(0, str(REPO_ROOT))
    try:
        import nkarchive.model.vocab as vocab  # the package __init__ needs SQLAlchemy

        return vocab
    except ImportError:
        path = REPO_ROOT / "nkarchive" / "model" / "vocab.py"
        spec = importlib.util.spec_from_file_location("nkarchive_model_vocab", path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
        return module


# --- EDTF: the forms the demo uses (a subset of EDTF levels 0 and 1) -------------------------------
_YEAR = r"(?:\d{4}|\d{3}X|\d{2}XX)"
_SINGLE = rf"{_YEAR}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?[~?%]?"
SINGLE = re.compile(rf"^{_SINGLE}$")
INTERVAL = re.compile(rf"^(?P<a>{_SINGLE}|\.\.)?/(?P<b>{_SINGLE}|\.\.)?$")
SET = re.compile(rf"^\[(?:\.\.)?{_SINGLE}(?:,{_SINGLE})*(?:\.\.)?\]$")


def load_date_parser() -> Any:
    """nkarchive's own EDTF parser when its dependencies are installed (a stricter check), else None."""
    try:
        from nkarchive.model.dates import parse_date
    except ImportError:
        return None
    return parse_date


def edtf_ok(text: str) -> bool:
    if SINGLE.match(text) or SET.match(text):
        return True
    m = INTERVAL.match(text)
    if not m or not (
        (m.group("a") and m.group("a") != "..") or (m.group("b") and m.group("b") != "..")
    ):
        return False
    a, b = m.group("a"), m.group("b")
    if a and b and a != ".." and b != "..":
        start, end = _sort_key(a), _sort_key(b)
        return start[: len(end)] <= end  # the interval does not run backwards
    return True


def _sort_key(date: str) -> str:
    return date.rstrip("~?%").replace("X", "0")


# --- key order per kind, as documented in the brief ----------------------------------------------
KEYS = {
    "top": ["format", "version", "agents", "sources", "events", "works"],
    "agent": [
        "ref",
        "agent_type",
        "dates",
        "notes",
        "names",
        "honours",
        "identifiers",
        "citations",
    ],
    "name": [
        "name",
        "language",
        "script",
        "scheme",
        "name_type",
        "used_from",
        "used_to",
        "preferred",
        "citations",
    ],
    "source": [
        "ref",
        "source_type",
        "title",
        "short_title",
        "container_title",
        "url",
        "date",
        "accessed",
        "language",
        "source_class",
        "publisher",
        "publisher_place",
        "volume",
        "issue",
        "pages",
        "edition",
        "identifiers",
        "archive_location",
        "contributors",
        "abstract",
        "notes",
    ],
    "contributor": ["role", "family", "given", "literal", "agent"],
    "top_event": [
        "ref",
        "event_type",
        "date",
        "place",
        "country",
        "venue",
        "organiser",
        "label",
        "result",
        "notes",
        "citations",
    ],
    "work_event": [
        "ref",
        "event_type",
        "date",
        "place",
        "country",
        "venue",
        "organiser",
        "parent",
        "result",
        "notes",
        "citations",
    ],
    "work": [
        "ref",
        "identifier",
        "form",
        "production_date",
        "countries",
        "languages",
        "colour",
        "sound",
        "running_time",
        "genres",
        "subjects",
        "synopsis",
        "notes",
        "record_status",
        "titles",
        "credits",
        "events",
        "citations",
    ],
    "title": ["text", "title_type", "language", "script", "scheme", "preferred", "citations"],
    "credit": ["agent", "role", "character", "credited_as", "notes", "citations"],
    "citation": [
        "source",
        "field",
        "locator",
        "locator_type",
        "excerpt",
        "excerpt_language",
        "translation",
        "claimed_value",
        "confidence",
        "preferred",
        "note",
    ],
}
REQUIRED = {
    "agent": ["ref", "agent_type", "names"],
    "name": ["name", "name_type"],
    "source": ["ref", "source_type", "title"],
    "contributor": ["role"],
    "top_event": ["ref", "event_type", "label"],
    "work_event": ["event_type"],
    "work": ["ref", "identifier", "form", "record_status", "titles"],
    "title": ["text", "title_type"],
    "credit": ["agent", "role"],
    "citation": ["source", "confidence"],
}
HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
COUNTRY = re.compile(r"^[A-Z]{2}$")
LANGUAGE = re.compile(r"^[a-z]{2,3}$")
IDENTIFIER = re.compile(r"^NKA-\d{4}$")
PLACEHOLDERS = ("(not found)", "(title not found)", "(not confirmed", "(English-language film)")


class Checker:
    def __init__(self, data: dict[str, Any], vocab: ModuleType) -> None:
        self.data = data
        self.v = vocab
        self.problems: list[str] = []
        self.refs: Counter[str] = Counter()
        self.agent_refs: set[str] = set()
        self.source_refs: set[str] = set()
        self.event_refs: set[str] = set()
        self.citations: list[tuple[str, dict[str, Any]]] = []
        self.event_count = 0
        self.cited_sources: set[str] = set()
        self.parse_date = load_date_parser()

    def err(self, where: str, message: str) -> None:
        self.problems.append(f"{where}: {message}")

    # generic helpers
    def keys(self, kind: str, where: str, entry: Any) -> bool:
        if not isinstance(entry, dict):
            self.err(where, f"expected an object, got {type(entry).__name__}")
            return False
        order = KEYS[kind]
        unknown = [k for k in entry if k not in order]
        if unknown:
            self.err(where, f"unknown key(s) {unknown} (known: {order})")
        present = [k for k in entry if k in order]
        if present != sorted(present, key=order.index):
            self.err(where, f"keys out of order: {present} (expected order {order})")
        for key in REQUIRED.get(kind, []):
            if entry.get(key) in (None, "", []):
                self.err(where, f"missing required {key!r}")
        return True

    def vocab(
        self, where: str, name: str, value: Any, vocabulary: Any, *, optional: bool = True
    ) -> None:
        if value is None and optional:
            return
        if value not in vocabulary:
            self.err(
                where,
                f"{name} {value!r} is not in the {vocabulary.name} vocabulary ({', '.join(vocabulary.codes())})",
            )

    def date(self, where: str, name: str, value: Any) -> None:
        if value is None:
            return
        if not isinstance(value, str) or not edtf_ok(value):
            self.err(where, f"{name} {value!r} is not an EDTF date of a known form")
            return
        if self.parse_date is not None:
            try:
                self.parse_date(value)
            except Exception as exc:
                self.err(where, f"{name} {value!r} is rejected by nkarchive's date parser: {exc}")

    def ref(self, where: str, ref: Any) -> None:
        if not isinstance(ref, str) or not ref:
            self.err(where, "ref must be a non-empty string")
            return
        self.refs[ref] += 1

    def text(self, where: str, name: str, value: Any) -> None:
        if isinstance(value, str):
            for placeholder in PLACEHOLDERS:
                if placeholder in value:
                    self.err(
                        where,
                        f"{name} contains the CSV placeholder {placeholder!r}; leave the field out instead",
                    )

    def script_agrees(self, where: str, text: str, script: Any, scheme: Any) -> None:
        if script == "Hang" and not HANGUL.search(text):
            self.err(where, f"script Hang but {text!r} has no Hangul")
        if script == "Latn" and HANGUL.search(text):
            self.err(where, f"script Latn but {text!r} contains Hangul")
        if scheme is not None and script != "Latn":
            self.err(where, "a romanization scheme applies only to Latin script")

    def cites(self, where: str, entry: dict[str, Any]) -> None:
        citations = entry.get("citations", [])
        if not isinstance(citations, list):
            self.err(where, "citations must be a list")
            return
        for index, citation in enumerate(citations):
            self.citations.append((f"{where}/citation/{index}", citation))

    # kinds
    def run(self) -> None:
        data = self.data
        if not isinstance(data, dict):
            self.err("file", "top level must be an object")
            return
        self.keys("top", "file", data)
        if data.get("format") != "nkarchive-demo" or data.get("version") != 1:
            self.err("file", "format must be 'nkarchive-demo' and version 1")
        # first pass: refs
        for agent in data.get("agents", []):
            self.ref("agent", agent.get("ref"))
            self.agent_refs.add(agent.get("ref"))
        for source in data.get("sources", []):
            self.ref("source", source.get("ref"))
            self.source_refs.add(source.get("ref"))
        for event in data.get("events", []):
            self.ref("event", event.get("ref"))
            self.event_refs.add(event.get("ref"))
        for work in data.get("works", []):
            self.ref("work", work.get("ref"))
            for event in work.get("events", []):
                if event.get("ref"):
                    self.ref("work event", event["ref"])
                    self.event_refs.add(event["ref"])
        for ref, count in self.refs.items():
            if count > 1:
                self.err(ref, f"ref defined {count} times")
        for source in data.get("sources", []):
            self.source(source)
        for agent in data.get("agents", []):
            self.agent(agent)
        for event in data.get("events", []):
            self.event(event, f"event {event.get('ref')}", top=True)
        identifiers: list[str] = []
        for work in data.get("works", []):
            self.work(work)
            identifiers.append(work.get("identifier"))
        expected = [f"NKA-{n:04d}" for n in range(1, len(identifiers) + 1)]
        if identifiers != expected:
            self.err("works", "identifiers must run NKA-0001, NKA-0002, ... in order without gaps")
        for where, citation in self.citations:
            self.citation(where, citation)
        self.conflicts()

    def source(self, s: dict[str, Any]) -> None:
        where = f"source {s.get('ref')}"
        if not self.keys("source", where, s):
            return
        self.vocab(where, "source_type", s.get("source_type"), self.v.SOURCE_TYPES, optional=False)
        self.vocab(where, "source_class", s.get("source_class"), self.v.SOURCE_CLASSES)
        self.vocab(where, "language", s.get("language"), self.v.LANGUAGES)
        self.date(where, "date", s.get("date"))
        url = s.get("url")
        if url is not None and not (
            isinstance(url, str) and url.startswith("https://") and " " not in url
        ):
            self.err(where, f"url {url!r} must start with https:// and contain no spaces")
        if s.get("title", "").startswith("[") != s.get("title", "").endswith("]"):
            self.err(where, "a supplied title is enclosed in square brackets at both ends")
        for index, person in enumerate(s.get("contributors", [])):
            pw = f"{where}/contributor/{index}"
            if self.keys("contributor", pw, person):
                self.vocab(pw, "role", person.get("role"), self.v.CONTRIBUTOR_ROLES, optional=False)
                if not (person.get("family") or person.get("literal")):
                    self.err(pw, "a contributor needs a family name or a literal name")
                if person.get("agent") and person["agent"] not in self.agent_refs:
                    self.err(pw, f"agent {person['agent']!r} is not defined")
        for name in ("title", "notes", "container_title"):
            self.text(where, name, s.get(name))

    def agent(self, a: dict[str, Any]) -> None:
        where = f"agent {a.get('ref')}"
        if not self.keys("agent", where, a):
            return
        self.vocab(where, "agent_type", a.get("agent_type"), self.v.AGENT_TYPES, optional=False)
        self.date(where, "dates", a.get("dates"))
        names = a.get("names", [])
        preferred = [n for n in names if n.get("preferred")]
        if len(preferred) != 1:
            self.err(where, f"needs exactly one preferred name, has {len(preferred)}")
        for index, n in enumerate(names):
            nw = f"{where}/name/{index}"
            if not self.keys("name", nw, n):
                continue
            self.vocab(nw, "name_type", n.get("name_type"), self.v.NAME_TYPES, optional=False)
            self.vocab(nw, "script", n.get("script"), self.v.SCRIPTS)
            self.vocab(nw, "scheme", n.get("scheme"), self.v.ROMANIZATION_SCHEMES)
            self.vocab(nw, "language", n.get("language"), self.v.LANGUAGES)
            self.date(nw, "used_from", n.get("used_from"))
            self.date(nw, "used_to", n.get("used_to"))
            self.script_agrees(nw, n.get("name", ""), n.get("script"), n.get("scheme"))
            self.cites(nw, n)
        self.text(where, "notes", a.get("notes"))
        self.cites(where, a)

    def event(self, e: dict[str, Any], where: str, *, top: bool) -> None:
        if not self.keys("top_event" if top else "work_event", where, e):
            return
        self.event_count += 1
        self.vocab(where, "event_type", e.get("event_type"), self.v.EVENT_TYPES, optional=False)
        if top and e.get("event_type") != "festival":
            self.err(where, "top-level events are festival editions (event_type 'festival')")
        self.date(where, "date", e.get("date"))
        country = e.get("country")
        if country is not None and not COUNTRY.match(str(country)):
            self.err(where, f"country {country!r} is not a two-letter code")
        if e.get("organiser") is not None and e["organiser"] not in self.agent_refs:
            self.err(where, f"organiser {e['organiser']!r} is not a defined agent")
        if e.get("parent") is not None and e["parent"] not in self.event_refs:
            self.err(where, f"parent {e['parent']!r} is not a defined event")
        if e.get("event_type") == "award" and not e.get("result"):
            self.err(where, "an award needs a result")
        if not e.get("citations"):
            self.err(where, "every event cites at least one source")
        for name in ("notes", "place", "venue", "result", "label"):
            self.text(where, name, e.get(name))
        self.cites(where, e)

    def work(self, w: dict[str, Any]) -> None:
        where = f"work {w.get('ref')} ({w.get('identifier')})"
        if not self.keys("work", where, w):
            return
        if not IDENTIFIER.match(str(w.get("identifier"))):
            self.err(where, "identifier must look like NKA-0001")
        self.vocab(where, "form", w.get("form"), self.v.WORK_FORMS, optional=False)
        self.vocab(
            where, "record_status", w.get("record_status"), self.v.RECORD_STATUSES, optional=False
        )
        self.vocab(where, "colour", w.get("colour"), self.v.COLOURS)
        self.vocab(where, "sound", w.get("sound"), self.v.SOUNDS)
        self.date(where, "production_date", w.get("production_date"))
        for code in w.get("countries", []):
            if not COUNTRY.match(code):
                self.err(where, f"country {code!r} is not a two-letter code")
        for code in w.get("languages", []):
            self.vocab(where, "language", code, self.v.LANGUAGES, optional=False)
        rt = w.get("running_time")
        if rt is not None and (not isinstance(rt, int) or isinstance(rt, bool) or rt < 1):
            self.err(where, "running_time is a whole number of minutes")
        for name in ("notes", "synopsis"):
            self.text(where, name, w.get(name))
        titles = w.get("titles", [])
        preferred = [t for t in titles if t.get("preferred")]
        if len(preferred) != 1:
            self.err(where, f"needs exactly one preferred title, has {len(preferred)}")
        has_hangul = any(t.get("script") == "Hang" for t in titles)
        if has_hangul and preferred and preferred[0].get("script") != "Hang":
            self.err(where, "when a Hangul title exists it is the preferred title")
        for index, t in enumerate(titles):
            tw = f"{where}/title/{index}"
            if not self.keys("title", tw, t):
                continue
            self.vocab(tw, "title_type", t.get("title_type"), self.v.TITLE_TYPES, optional=False)
            self.vocab(tw, "script", t.get("script"), self.v.SCRIPTS)
            self.vocab(tw, "scheme", t.get("scheme"), self.v.ROMANIZATION_SCHEMES)
            self.vocab(tw, "language", t.get("language"), self.v.LANGUAGES)
            if t.get("title_type") == "transliterated" and not t.get("scheme"):
                self.err(tw, "a transliterated title names its romanization scheme")
            self.script_agrees(tw, t.get("text", ""), t.get("script"), t.get("scheme"))
            self.text(tw, "text", t.get("text"))
            self.cites(tw, t)
        for index, c in enumerate(w.get("credits", [])):
            cw = f"{where}/credit/{index}"
            if not self.keys("credit", cw, c):
                continue
            self.vocab(cw, "role", c.get("role"), self.v.ROLES, optional=False)
            if c.get("agent") not in self.agent_refs:
                self.err(cw, f"agent {c.get('agent')!r} is not defined")
            self.text(cw, "notes", c.get("notes"))
            self.cites(cw, c)
        for index, e in enumerate(w.get("events", [])):
            self.event(e, f"{where}/event/{index}", top=False)
        self.cites(where, w)

    def citation(self, where: str, c: Any) -> None:
        if not self.keys("citation", where, c):
            return
        if c.get("source") not in self.source_refs:
            self.err(where, f"source {c.get('source')!r} is not defined")
        else:
            self.cited_sources.add(c["source"])
        self.vocab(where, "confidence", c.get("confidence"), self.v.CONFIDENCES, optional=False)
        if c.get("confidence") == "disputed" and c.get("preferred") is not False:
            self.err(where, "a disputed claim is not the preferred one (preferred: false)")
        if "preferred" in c and not isinstance(c["preferred"], bool):
            self.err(where, "preferred is true or false")

    def conflicts(self) -> None:
        """Each fact with a disputed claim also has a preferred claim for the same field."""
        groups: dict[tuple[str, Any], list[dict[str, Any]]] = defaultdict(list)
        for where, c in self.citations:
            target = where.rsplit("/citation/", 1)[0]
            groups[(target, c.get("field"))].append(c)
        self.conflict_count = 0
        for (target, field), cs in groups.items():
            if any(c.get("confidence") == "disputed" for c in cs):
                self.conflict_count += 1
                if not any(c.get("preferred") and c.get("confidence") != "disputed" for c in cs):
                    self.err(target, f"field {field!r} has a disputed claim but no preferred one")


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        print(f"{path}: cannot load: {exc}", file=sys.stderr)
        return 1
    checker = Checker(data, load_vocab())
    checker.run()
    counts = {
        "works": len(data.get("works", [])),
        "agents": len(data.get("agents", [])),
        "sources": len(data.get("sources", [])),
        "events": checker.event_count,
        "citations": len(checker.citations),
        "conflicting claims": getattr(checker, "conflict_count", 0),
    }
    for name, target in TARGETS.items():
        if counts[name] < target:
            checker.err("counts", f"{counts[name]} {name}, the demo needs at least {target}")
    uncited = sorted(checker.source_refs - checker.cited_sources)
    print(f"{path.name}: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    if checker.parse_date is None:
        print(
            "note: nkarchive's date parser is not importable here; dates were checked against the regular expressions only"
        )
    if uncited:
        print(f"note: {len(uncited)} source(s) not cited by any record: {', '.join(uncited)}")
    if checker.problems:
        print(f"{len(checker.problems)} problem(s):", file=sys.stderr)
        for problem in checker.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
