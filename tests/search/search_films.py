"""A small catalogue of real films, people, events and sources, for the search tests."""

from __future__ import annotations

from dataclasses import dataclass

from nkarchive import ops
from nkarchive.store.catalogue import Catalogue


@dataclass
class Films:
    catalogue: Catalogue
    pulgasari: str
    flower_girl: str
    schoolgirl: str
    shin: str
    kim: str
    studio: str
    karlovy_vary: str
    rodong: str
    citation: str


def add_films(catalogue: Catalogue) -> Films:
    with ops.operation(catalogue, "Add the test films") as op:
        studio = op.create("agent", {"agent_type": "studio"})
        op.create(
            "agent_name",
            {
                "agent": studio.uuid,
                "name": "조선예술영화촬영소",
                "name_type": "preferred",
                "script": "Hang",
            },
        )
        op.create(
            "agent_name",
            {"agent": studio.uuid, "name": "Korean Feature Film Studio", "name_type": "translated"},
        )
        shin = op.create("agent", {"agent_type": "person", "dates": "1926/2006"})
        op.create(
            "agent_name",
            {"agent": shin.uuid, "name": "신상옥", "name_type": "preferred", "script": "Hang"},
        )
        op.create(
            "agent_name",
            {"agent": shin.uuid, "name": "Shin Sang-ok", "name_type": "variant", "script": "Latn"},
        )
        kim = op.create("agent", {"agent_type": "person"})
        op.create(
            "agent_name",
            {"agent": kim.uuid, "name": "Kim Jong Il", "name_type": "preferred", "script": "Latn"},
        )

        pulgasari = op.create(
            "work",
            {
                "form": "feature",
                "record_status": "draft",
                "production_date": "1985",
                "countries": ["KP"],
                "genres": ["monster film"],
                "synopsis": "An iron-eating monster helps peasants rise against a king.",
            },
        )
        op.create(
            "title",
            {
                "work": pulgasari.uuid,
                "text": "불가사리",
                "title_type": "original",
                "script": "Hang",
                "preferred": True,
            },
        )
        op.create(
            "title",
            {
                "work": pulgasari.uuid,
                "text": "Pulgasari",
                "title_type": "transliterated",
                "script": "Latn",
                "scheme": "mr",
            },
        )
        op.create("credit", {"work": pulgasari.uuid, "agent": shin.uuid, "role": "director"})
        op.create(
            "credit", {"work": pulgasari.uuid, "agent": studio.uuid, "role": "production_company"}
        )

        flower_girl = op.create(
            "work",
            {
                "form": "feature",
                "record_status": "draft",
                "production_date": "1972",
                "countries": ["KP"],
            },
        )
        op.create(
            "title",
            {
                "work": flower_girl.uuid,
                "text": "꽃파는 처녀",
                "title_type": "original",
                "script": "Hang",
                "preferred": True,
            },
        )
        op.create(
            "title",
            {
                "work": flower_girl.uuid,
                "text": "Kkotp'anŭn ch'ŏnyŏ",
                "title_type": "transliterated",
                "script": "Latn",
                "scheme": "mr",
            },
        )
        op.create(
            "title",
            {
                "work": flower_girl.uuid,
                "text": "The Flower Girl",
                "title_type": "translated",
                "language": "en",
            },
        )
        op.create("credit", {"work": flower_girl.uuid, "agent": kim.uuid, "role": "producer"})
        op.create(
            "credit", {"work": flower_girl.uuid, "agent": studio.uuid, "role": "production_company"}
        )

        schoolgirl = op.create(
            "work", {"form": "feature", "record_status": "draft", "production_date": "2006"}
        )
        op.create(
            "title",
            {
                "work": schoolgirl.uuid,
                "text": "한 녀학생의 일기",
                "title_type": "original",
                "script": "Hang",
                "preferred": True,
            },
        )
        op.create(
            "title",
            {"work": schoolgirl.uuid, "text": "The Schoolgirl's Diary", "title_type": "translated"},
        )
        op.create(
            "credit", {"work": schoolgirl.uuid, "agent": studio.uuid, "role": "production_company"}
        )

        festival = op.create(
            "event",
            {
                "event_type": "festival",
                "label_text": "18th Karlovy Vary International Film Festival",
                "date": "1972-07",
                "country": "CS",
                "place": "Karlovy Vary",
            },
        )
        showing = op.create(
            "event",
            {
                "work": flower_girl.uuid,
                "parent": festival.uuid,
                "event_type": "festival_showing",
                "date": "1972-07",
                "country": "CS",
                "place": "Karlovy Vary",
                "result": "Special Prize",
            },
        )
        op.create(
            "event",
            {
                "work": pulgasari.uuid,
                "event_type": "release",
                "date": "1985",
                "country": "KP",
                "place": "Pyongyang",
            },
        )
        rodong = op.create(
            "source",
            {
                "source_type": "article-newspaper",
                "title": "Film Pulgasari screened",
                "container_title": "Rodong Sinmun",
                "source_class": "dprk_state_media",
                "date": "1985-08-01",
            },
        )
        op.create(
            "source_contributor",
            {"source": rodong.uuid, "role": "author", "family": "Ri", "given": "Myong Hun"},
        )
        citation = op.create(
            "citation",
            {
                "source": rodong.uuid,
                "event": showing.uuid,
                "locator": "3",
                "excerpt": "특별상을 받았다",
                "translation": "received the Special Prize",
                "confidence": "probable",
            },
        )
    catalogue.undo_stack.clear()
    return Films(
        catalogue,
        pulgasari.uuid,
        flower_girl.uuid,
        schoolgirl.uuid,
        shin.uuid,
        kim.uuid,
        studio.uuid,
        festival.uuid,
        rodong.uuid,
        citation.uuid,
    )
