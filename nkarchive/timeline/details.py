"""What the timeline says about one event (hover text) and about one lane (its header)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection

from nkarchive.model.dates import DateError, describe
from nkarchive.model.vocab import EVENT_TYPES
from nkarchive.store.catalogue import Catalogue
from nkarchive.timeline.countries import country_name
from nkarchive.timeline.data import LaneKey


@dataclass(frozen=True)
class WorkTitles:
    """A work's titles as a lane header shows them: Hangul, romanized, English."""

    hangul: str | None
    romanized: str | None
    english: str | None
    other: str | None  # the preferred title when none of the above exists

    @property
    def main(self) -> str:
        return self.hangul or self.romanized or self.english or self.other or "(untitled work)"

    @property
    def secondary(self) -> str:
        parts = [t for t in (self.romanized, self.english) if t and t != self.main]
        return " · ".join(parts)


@dataclass(frozen=True)
class EventDetails:
    event_id: int
    uuid: str
    event_type: str
    type_label: str
    label: str | None
    date_text: str
    date_words: str
    place: str | None
    venue: str | None
    country: str | None
    organiser: str | None
    result: str | None
    citations: int
    work_uuid: str | None
    titles: WorkTitles | None

    def lines(self) -> list[str]:
        """The hover text, one fact a line."""
        lines: list[str] = []
        if self.titles is not None:
            lines.append(self.titles.main)
            if self.titles.secondary:
                lines.append(self.titles.secondary)
        elif self.label:
            lines.append(self.label)
        kind = self.type_label + (f": {self.result}" if self.result else "")
        if self.titles is not None and self.label:
            kind += f" — {self.label}"
        lines.append(kind)
        lines.append(f"{self.date_words} (written {self.date_text})")
        where = ", ".join(p for p in (self.venue, self.place) if p)
        if self.country:
            where = (
                f"{where} ({country_name(self.country)})" if where else country_name(self.country)
            )
        if where:
            lines.append(where)
        if self.organiser:
            lines.append(f"Organiser: {self.organiser}")
        noun = "citation" if self.citations == 1 else "citations"
        lines.append(f"{self.citations} {noun}")
        return lines


_TITLE = (
    "SELECT t.text FROM title t WHERE t.work_id = :work AND {cond} "
    "ORDER BY t.preferred DESC, t.position LIMIT 1"
)


def _scalar(connection: Connection, sql: str, **params: object) -> object:
    row = connection.exec_driver_sql(sql, params).fetchone()
    return row[0] if row else None


def work_titles(connection: Connection, work_id: int) -> WorkTitles:
    def title(cond: str) -> str | None:
        value = _scalar(connection, _TITLE.format(cond=cond), work=work_id)
        return str(value) if value is not None else None

    return WorkTitles(
        hangul=title("t.script IN ('Hang', 'Kore')"),
        romanized=title("t.script = 'Latn' AND t.scheme IS NOT NULL"),
        english=title("t.language = 'en'"),
        other=title("1"),
    )


def agent_name(connection: Connection, agent_id: int) -> str | None:
    value = _scalar(
        connection,
        "SELECT n.name FROM agent_name n WHERE n.agent_id = :agent "
        "ORDER BY n.preferred DESC, n.position LIMIT 1",
        agent=agent_id,
    )
    return str(value) if value is not None else None


def event_details(catalogue: Catalogue, event_id: int) -> EventDetails | None:
    with catalogue.engine.connect() as connection:
        row = connection.exec_driver_sql(
            "SELECT e.uuid, e.event_type, e.label, e.date, e.place, e.venue, e.country, "
            "e.organiser_id, e.result, e.work_id, w.uuid, "
            "(SELECT count(*) FROM citation c WHERE c.event_id = e.id) "
            "FROM event e LEFT JOIN work w ON w.id = e.work_id WHERE e.id = :id",
            {"id": event_id},
        ).fetchone()
        if row is None:
            return None
        (uuid, event_type, label, date, place, venue, country, organiser_id, result, work_id,
         work_uuid, citations) = row  # fmt: skip
        try:
            words = describe(date) if date else "no date"
        except DateError:
            words = "a date that cannot be read"
        return EventDetails(
            event_id=event_id,
            uuid=uuid,
            event_type=event_type,
            type_label=EVENT_TYPES.label(event_type),
            label=label,
            date_text=date or "",
            date_words=words,
            place=place,
            venue=venue,
            country=country,
            organiser=agent_name(connection, organiser_id) if organiser_id else None,
            result=result,
            citations=int(citations),
            work_uuid=work_uuid,
            titles=work_titles(connection, work_id) if work_id else None,
        )


@dataclass(frozen=True)
class LaneLabel:
    """A lane header: a main line and a second, quieter line."""

    main: str
    secondary: str = ""


class LaneLabels:
    """Lane headers, read from the catalogue as lanes come into view and kept."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self._known: dict[LaneKey, LaneLabel] = {}

    def __call__(self, key: LaneKey) -> LaneLabel:
        found = self._known.get(key)
        if found is None:
            found = self._known[key] = self._read(key)
        return found

    def prefetch(self, keys: list[LaneKey]) -> None:
        """Read the headers of many work lanes in one query (the lanes coming into view)."""
        works = [int(k.value) for k in keys if k.kind == "work" and isinstance(k.value, int)
                 and k not in self._known]  # fmt: skip
        if not works:
            return
        found: dict[int, dict[str, str]] = {w: {} for w in works}
        names = ", ".join(f":w{i}" for i in range(len(works)))
        sql = (
            "SELECT t.work_id, t.text, t.script, t.scheme, t.language FROM title t "
            f"WHERE t.work_id IN ({names}) ORDER BY t.work_id, t.preferred DESC, t.position"
        )
        with self.catalogue.engine.connect() as connection:
            rows = connection.exec_driver_sql(sql, {f"w{i}": w for i, w in enumerate(works)})
            for work_id, text, script, scheme, language in rows:
                titles = found[int(work_id)]
                # The first of each kind in title order: the same rule as work_titles.
                titles.setdefault("other", text)
                if script in ("Hang", "Kore"):
                    titles.setdefault("hangul", text)
                if script == "Latn" and scheme is not None:
                    titles.setdefault("romanized", text)
                if language == "en":
                    titles.setdefault("english", text)
        for work_id, titles in found.items():
            work_titles_ = WorkTitles(
                titles.get("hangul"), titles.get("romanized"), titles.get("english"),
                titles.get("other"),
            )  # fmt: skip
            self._known[LaneKey("work", work_id)] = LaneLabel(
                work_titles_.main, work_titles_.secondary
            )

    def _read(self, key: LaneKey) -> LaneLabel:
        if key.kind == "country":
            code = str(key.value) if key.value else None
            return LaneLabel(country_name(code), code or "")
        if key.kind == "type":
            return LaneLabel(EVENT_TYPES.label(str(key.value)))
        with self.catalogue.engine.connect() as connection:
            if key.kind == "work" and isinstance(key.value, int):
                titles = work_titles(connection, key.value)
                return LaneLabel(titles.main, titles.secondary)
            if isinstance(key.value, int):
                name = agent_name(connection, key.value) or "(unnamed organiser)"
                return LaneLabel(
                    name, "festival editions and other events" if key.kind == "editions" else ""
                )
        return LaneLabel("No organiser recorded" if key.kind == "organiser" else "Other events")
