"""A small catalogue with one event of each kind of date, for the timeline's tests."""

from __future__ import annotations

from dataclasses import dataclass, field

from nkarchive import ops
from nkarchive.store.catalogue import Catalogue

# (work key, event type, date, country, place)
EVENTS: tuple[tuple[str, str, str, str, str], ...] = (
    ("flower", "festival_showing", "1972-07-09", "CS", "Karlovy Vary"),
    ("flower", "award", "1972-07", "CS", "Karlovy Vary"),
    ("flower", "screening", "1985~", "SU", "Moscow"),
    ("salt", "festival_showing", "1985-07-02", "SU", "Moscow"),
    ("salt", "broadcast", "198X", "KP", "Pyongyang"),
    ("salt", "screening", "1985/1987", "JP", "Tokyo"),
    ("bellflower", "release", "[..1972]", "KP", "Pyongyang"),
    ("bellflower", "screening", "2012-09?", "CA", "Toronto"),
    ("bellflower", "festival_showing", "2012-09-08", "CA", "Toronto"),
)


@dataclass
class Sample:
    works: dict[str, str] = field(default_factory=dict)  # key -> uuid
    events: dict[str, str] = field(default_factory=dict)  # date text -> uuid


TITLES = {
    "flower": ("꽃파는 처녀", "Kkotp'anŭn ch'ŏnyŏ", "The Flower Girl"),
    "salt": ("소금", "Sogŭm", "Salt"),
    "bellflower": ("도라지꽃", "Torajikkot", "A Broad Bellflower"),
}


def build_sample(catalogue: Catalogue) -> Sample:
    sample = Sample()
    with ops.operation(catalogue, "Timeline sample") as op:
        festival = op.create("agent", {"agent_type": "festival"})
        op.create(
            "agent_name",
            {
                "agent": festival.uuid,
                "name": "Karlovy Vary International Film Festival",
                "name_type": "preferred",
                "preferred": True,
            },
        )
        source = op.create(
            "source",
            {
                "source_type": "festival-catalogue",
                "title": "Festival catalogue",
                "source_class": "festival_material",
            },
        )
        press = op.create(
            "source",
            {
                "source_type": "article-newspaper",
                "title": "Rodong Sinmun",
                "source_class": "dprk_state_media",
            },
        )
        for key, (hangul, romanized, english) in TITLES.items():
            work = op.create("work", {"form": "feature", "record_status": "draft"})
            op.create(
                "title",
                {
                    "work": work.uuid,
                    "text": hangul,
                    "title_type": "original",
                    "script": "Hang",
                    "language": "ko",
                    "preferred": True,
                },
            )
            op.create(
                "title",
                {
                    "work": work.uuid,
                    "text": romanized,
                    "title_type": "transliterated",
                    "script": "Latn",
                    "language": "ko",
                    "scheme": "mr",
                },
            )
            op.create(
                "title",
                {
                    "work": work.uuid,
                    "text": english,
                    "title_type": "translated",
                    "script": "Latn",
                    "language": "en",
                },
            )
            sample.works[key] = work.uuid
        for key, event_type, date, country, place in EVENTS:
            values = {
                "work": sample.works[key],
                "event_type": event_type,
                "date": date,
                "country": country,
                "place": place,
            }
            if place == "Karlovy Vary":
                values["organiser"] = festival.uuid
            event = op.create("event", values)
            sample.events[date] = event.uuid
        for date, confidence, cited in (
            ("1972-07-09", "certain", source),
            ("1972-07-09", "probable", press),
            ("1985-07-02", "uncertain", press),
        ):
            op.create(
                "citation",
                {
                    "source": source.uuid if cited is source else press.uuid,
                    "event": sample.events[date],
                    "confidence": confidence,
                },
            )
    catalogue.undo_stack.clear()
    return sample
