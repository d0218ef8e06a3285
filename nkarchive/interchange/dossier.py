"""The bundle's `dossier.html`: for each work, each fact with the citations that back it,
their excerpts in the original script and their translations. One self-contained page.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from functools import lru_cache
from html import escape
from typing import Any

from nkarchive.model import vocab
from nkarchive.model.dates import DateError, describe, parse_date
from nkarchive.ops.fields import SPEC_BY_NAME

STYLE = """
body { font-family: "NanumGothic", "Noto Sans CJK KR", "Malgun Gothic", sans-serif; max-width: 60em;
       margin: 2em auto; padding: 0 1em; line-height: 1.45; color: #222; }
h1 { font-size: 1.6em; } h2 { border-bottom: 1px solid #bbb; margin-top: 2em; }
h3 { font-size: 1em; margin: 1em 0 .3em; color: #444; }
.fact { margin: .4em 0 .4em 1em; } .value { font-weight: bold; }
.citation { margin: .2em 0 .5em 2em; padding-left: .6em; border-left: 3px solid #ccc; font-size: .95em; }
.citation.preferred { border-left-color: #2a7; } .excerpt { font-style: italic; }
.meta { color: #666; font-size: .9em; } .toc li { margin: .1em 0; }
"""


@lru_cache(maxsize=8192)  # the same few dates recur across thousands of events
def _date(text: str | None) -> str:
    if not text:
        return ""
    try:
        return f"{text} ({describe(parse_date(text))})"
    except DateError:
        return text


def _value(kind: str, name: str, value: Any) -> str:
    spec = SPEC_BY_NAME[kind].get(name)
    if spec is not None and spec.type == "vocab" and spec.vocab is not None:
        return spec.vocab.label(str(value))
    if spec is not None and spec.type == "edtf":
        return _date(str(value))
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


class Dossier:
    def __init__(
        self, records: dict[str, list[dict[str, Any]]], source_labels: dict[str, str]
    ) -> None:
        self.records = records
        self.source_labels = source_labels
        self.citations: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
        for citation in records.get("citation", []):
            target = next(
                k
                for k in (
                    "work",
                    "title",
                    "credit",
                    "event",
                    "agent",
                    "agent_name",
                    "manifestation",
                    "item",
                )
                if citation.get(k)
            )
            self.citations[(target, citation[target])].append(citation)
        self._titles: dict[str, str] = {}
        self.agent_names: dict[str, str] = {}
        for name in sorted(
            records.get("agent_name", []),
            key=lambda n: (not n.get("preferred"), n.get("position", 0)),
        ):
            self.agent_names.setdefault(name["agent"], name["name"])
        self.by_work: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(
            lambda: defaultdict(list)
        )
        for kind in ("title", "credit", "event", "manifestation", "item"):
            for record in records.get(kind, []):
                if record.get("work"):
                    self.by_work[record["work"]][kind].append(record)

    def html(self, title: str) -> str:
        works = sorted(self.records.get("work", []), key=self.work_title)
        parts = [
            f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f"<style>{STYLE}</style></head><body><h1>{escape(title)}</h1>",
            f'<p class="meta">{len(works)} work(s), {len(self.records.get("citation", []))} citation(s), '
            f'{len(self.records.get("source", []))} source(s).</p><ul class="toc">',
        ]
        parts += [
            f'<li><a href="#w-{w["uuid"]}">{escape(self.work_title(w))}</a></li>' for w in works
        ]
        parts.append("</ul>")
        for work in works:
            parts.append(self.work(work))
        parts.append("</body></html>\n")
        return "".join(parts)

    def work_title(self, work: dict[str, Any]) -> str:
        if work["uuid"] not in self._titles:
            self._titles[work["uuid"]] = self._work_title(work)
        return self._titles[work["uuid"]]

    def _work_title(self, work: dict[str, Any]) -> str:
        titles = sorted(
            self.by_work[work["uuid"]]["title"],
            key=lambda t: (not t.get("preferred"), t.get("position", 0)),
        )
        return titles[0]["text"] if titles else (work.get("identifier") or "(untitled work)")

    def work(self, work: dict[str, Any]) -> str:
        uuid = work["uuid"]
        out = [
            f'<section id="w-{uuid}"><h2>{escape(self.work_title(work))}</h2>',
            f'<p class="meta">Record {escape(uuid)}</p><h3>The work</h3>',
        ]
        for name, value in work.items():
            if name != "uuid" and value not in (None, "", [], {}, False):
                out.append(
                    self.fact(
                        name.replace("_", " ").capitalize(),
                        _value("work", name, value),
                        [c for c in self.citations[("work", uuid)] if c.get("field") == name],
                    )
                )
        general = [c for c in self.citations[("work", uuid)] if not c.get("field")]
        if general:
            out.append(self.fact("The work as a whole", "", general))
        children = self.by_work[uuid]
        sections: tuple[tuple[str, str, Callable[[dict[str, Any]], str]], ...] = (
            (
                "Titles",
                "title",
                lambda t: (
                    f"{t['text']} — {vocab.TITLE_TYPES.label(t.get('title_type'))}"
                    + (f", {t['scheme']}" if t.get("scheme") else "")
                ),
            ),
            (
                "Credits",
                "credit",
                lambda c: (
                    f"{vocab.ROLES.label(c.get('role'))}: "
                    + (c.get("credited_as") or self.agent_names.get(c["agent"], "?"))
                    + (f" as {c['character']}" if c.get("character") else "")
                ),
            ),
            (
                "Events",
                "event",
                lambda e: (
                    f"{vocab.EVENT_TYPES.label(e.get('event_type'))}, {_date(e.get('date'))}"
                    + ", ".join([""] + [e[k] for k in ("place", "venue", "result") if e.get(k)])
                ),
            ),
            (
                "Versions",
                "manifestation",
                lambda m: (
                    f"{vocab.MANIFESTATION_TYPES.label(m.get('manifestation_type'))} "
                    f"{_date(m.get('date'))}"
                ),
            ),
            (
                "Copies",
                "item",
                lambda i: f"{vocab.CARRIERS.label(i.get('carrier'))} {i.get('shelf_mark') or ''}",
            ),
        )
        for heading, kind, describe_record in sections:
            if children[kind]:
                out.append(f"<h3>{heading}</h3>")
                for record in sorted(
                    children[kind], key=lambda r: (r.get("position", 0), r.get("date") or "")
                ):
                    out.append(
                        self.fact(
                            "", describe_record(record), self.citations[(kind, record["uuid"])]
                        )
                    )
        out.append("</section>")
        return "".join(out)

    def fact(self, label: str, value: str, citations: list[dict[str, Any]]) -> str:
        head = (
            f"<strong>{escape(label)}</strong>: " if label else ""
        ) + f'<span class="value">{escape(value)}</span>'
        if not citations:
            return f'<div class="fact">{head} <span class="meta">(no citation)</span></div>'
        body = "".join(
            self.citation(c) for c in sorted(citations, key=lambda c: not c.get("preferred"))
        )
        return f'<div class="fact">{head}{body}</div>'

    def citation(self, citation: dict[str, Any]) -> str:
        lines = [escape(self.source_labels.get(citation["source"], citation["source"]))]
        if citation.get("locator"):
            lines[0] += (
                f", {escape(vocab.LOCATOR_TYPES.label(citation.get('locator_type')) or '')} {escape(citation['locator'])}"
            )
        if citation.get("claimed_value"):
            lines.append(f"Claims: <b>{escape(citation['claimed_value'])}</b>")
        if citation.get("excerpt"):
            lang = escape(citation.get("excerpt_language") or "")
            lines.append(
                f'<span class="excerpt" lang="{lang}">“{escape(citation["excerpt"])}”</span>'
            )
        if citation.get("translation"):
            lines.append(f"Translation: {escape(citation['translation'])}")
        lines.append(
            f'<span class="meta">{escape(vocab.CONFIDENCES.label(citation.get("confidence")))}'
            + (", preferred" if citation.get("preferred") else "")
            + "</span>"
        )
        if citation.get("note"):
            lines.append(f'<span class="meta">{escape(citation["note"])}</span>')
        css = "citation preferred" if citation.get("preferred") else "citation"
        return f'<div class="{css}">' + "<br>".join(lines) + "</div>"
