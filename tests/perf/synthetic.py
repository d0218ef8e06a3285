"""A seeded, realistic synthetic catalogue for benchmarks (not collected by pytest).

    .venv/bin/python -m tests.perf.synthetic /tmp/big.nkcat --works 100000

At full size (100,000 works): about 300,000 titles in Hangul, McCune–Reischauer and English,
50,000 agents with Hangul and romanized names, 500,000 credits, 1,000,000 events from 1950 to
2025 with every kind of uncertain date, 200,000 sources and 500,000 citations. Smaller `works`
scale everything down in proportion.

Rows are written with bulk SQL rather than through nkarchive.ops: this is test tooling that
must make millions of rows in seconds, and a catalogue it makes is checked with
`nkarchive check` like any other. The search index is rebuilt at the end when search exists.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import time
import uuid
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from nkarchive.model.dates import parse_date
from nkarchive.store.catalogue import Catalogue

# Real words, with an English gloss, from which titles are made.
WORDS: tuple[tuple[str, str], ...] = (
    ("조국", "Motherland"), ("인민", "People"), ("영웅", "Hero"), ("사랑", "Love"), ("노래", "Song"),
    ("하늘", "Sky"), ("바다", "Sea"), ("처녀", "Maiden"), ("병사", "Soldier"), ("어머니", "Mother"),
    ("고향", "Home Village"), ("청춘", "Youth"), ("별", "Star"), ("꽃", "Flower"), ("불길", "Flames"),
    ("길", "Road"), ("눈보라", "Snowstorm"), ("산", "Mountain"), ("강", "River"), ("봄", "Spring"),
    ("여름", "Summer"), ("가을", "Autumn"), ("겨울", "Winter"), ("아침", "Morning"), ("저녁", "Evening"),
    ("태양", "Sun"), ("달", "Moon"), ("소녀", "Girl"), ("소년", "Boy"), ("운명", "Destiny"),
    ("민족", "Nation"), ("혁명", "Revolution"), ("전사", "Fighter"), ("로동", "Labour"), ("녀성", "Woman"),
    ("령혼", "Soul"), ("철길", "Railway"), ("밀림", "Forest"), ("평양", "Pyongyang"), ("백두산", "Paektusan"),
    ("대동강", "Taedong River"), ("기적", "Miracle"), ("약속", "Promise"), ("일기", "Diary"),
    ("이야기", "Story"), ("집", "Home"), ("마을", "Village"), ("학교", "School"), ("선생님", "Teacher"),
    ("동무", "Comrade"), ("공장", "Factory"), ("광부", "Miner"), ("어부", "Fisherman"), ("농장", "Farm"),
    ("들판", "Fields"), ("메아리", "Echo"), ("무지개", "Rainbow"), ("새날", "New Day"), ("첫눈", "First Snow"),
    ("붉은", "Red"), ("푸른", "Green"), ("흰", "White"), ("검은", "Black"), ("젊은", "Young"),
    ("잊을수 없는", "Unforgettable"), ("빛나는", "Shining"), ("영원한", "Eternal"), ("우리", "Our"),
    ("나의", "My"), ("그들의", "Their"), ("용감한", "Brave"), ("행복한", "Happy"), ("먼", "Distant"),
)
SURNAMES = ("김", "리", "박", "최", "정", "강", "조", "윤", "장", "림", "한", "오", "신", "서", "권", "황", "안", "송", "류", "홍")
GIVEN = ("철", "영", "순", "민", "호", "남", "일", "성", "혁", "희", "옥", "수", "진", "광", "명", "선", "국", "룡", "금", "복")
COUNTRIES = ("KP", "KP", "KP", "CN", "SU", "RU", "CS", "CZ", "DD", "DE", "FR", "GB", "JP", "KR", "US", "PL", "IT", "VN", "CU", "IN")
PLACES = ("Pyongyang", "Karlovy Vary", "Moscow", "Berlin", "Paris", "London", "Tokyo", "Seoul", "Beijing",
          "Toronto", "Melbourne", "Warsaw", "Havana", "Hanoi", "Prague", "Venice", "Busan", "Jeonju")
EVENT_TYPES = (("screening", 30), ("festival_showing", 20), ("broadcast", 20), ("release", 12),
               ("premiere", 6), ("award", 6), ("nomination", 3), ("home_video", 3))
SOURCE_TYPES = ("article-newspaper", "article-magazine", "book", "chapter", "webpage", "broadcast",
                "festival-catalogue", "report", "interview")
SOURCE_CLASSES = ("dprk_state_media", "dprk_publication", "foreign_press", "scholarship",
                  "festival_material", "testimony", "archival_document")
ROLES = ("director", "screenwriter", "cinematographer", "composer", "cast", "cast", "cast", "editor")

CHUNK = 20_000


class Ids:
    """Deterministic UUIDs from the seeded generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def __call__(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))


@cache
def _bounds(text: str) -> tuple[str, str]:
    parsed = parse_date(text)
    return parsed.lower, parsed.upper


@cache
def _romanized(text: str, kind: str) -> str | None:
    try:
        from nkarchive.korean import romanize
    except ImportError:  # romanization not installed yet: MR titles are left out
        return None
    return romanize(text, "mr", kind=kind)


def random_date(rng: random.Random) -> str:
    year = rng.randint(1950, 2025)
    roll = rng.random()
    if roll < 0.60:
        return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    if roll < 0.80:
        return f"{year}-{rng.randint(1, 12):02d}"
    if roll < 0.90:
        return str(year)
    if roll < 0.95:
        return f"{year}~"
    if roll < 0.98:
        return f"{str(year)[:3]}X"
    return f"{year}/{min(year + rng.randint(1, 3), 2025)}"


def _weighted(rng: random.Random, pairs: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


def _insert(con: sqlite3.Connection, table: str, rows: Iterator[dict[str, Any]]) -> int:
    count = 0
    batch: list[dict[str, Any]] = []
    sql = ""
    for row in rows:
        if not sql:
            columns = list(row)
            sql = (f'INSERT INTO "{table}" ({", ".join(columns)}) '
                   f'VALUES ({", ".join(":" + c for c in columns)})')
        batch.append(row)
        if len(batch) >= CHUNK:
            con.executemany(sql, batch)
            count += len(batch)
            batch.clear()
    if batch:
        con.executemany(sql, batch)
        count += len(batch)
    return count


def build_synthetic(path: Path | str, works: int = 100_000, seed: int = 1, *, quiet: bool = True) -> Path:
    """Write a synthetic catalogue of `works` works (and proportionate everything else) to `path`."""
    path = Path(path)
    started = time.perf_counter()
    Catalogue.create(path).close()
    rng = random.Random(seed)
    new_id = Ids(rng)
    scale = works / 100_000
    n_agents = max(20, int(50_000 * scale))
    n_sources = max(10, int(200_000 * scale))
    n_events = max(10, int(1_000_000 * scale))
    n_citations = max(10, int(500_000 * scale))
    n_festivals = max(5, n_agents // 100)

    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    con.execute("PRAGMA foreign_keys=OFF")
    con.execute("BEGIN")
    counts: dict[str, int] = {}

    def agents() -> Iterator[dict[str, Any]]:
        for i in range(1, n_agents + 1):
            kind = "festival" if i <= n_festivals else ("studio" if i <= n_festivals * 2 else "person")
            yield {"id": i, "uuid": new_id(), "agent_type": kind, "dates": None, "dates_lower": None,
                   "dates_upper": None, "notes": None}

    counts["agent"] = _insert(con, "agent", agents())

    def names() -> Iterator[dict[str, Any]]:
        row_id = 0
        for i in range(1, n_agents + 1):
            if i <= n_festivals:
                place = rng.choice(PLACES)
                forms = [(f"{place} International Film Festival", "Latn", None, "en")]
            else:
                hangul = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
                forms = [(hangul, "Hang", None, "ko")]
                mr = _romanized(hangul, "name")
                if mr:
                    forms.append((mr, "Latn", "mr", "ko"))
            for position, (text, script, scheme, language) in enumerate(forms):
                row_id += 1
                yield {"id": row_id, "uuid": new_id(), "agent_id": i, "name": text,
                       "name_type": "preferred" if position == 0 else "transliterated",
                       "language": language, "script": script, "scheme": scheme, "used_from": None,
                       "used_to": None, "preferred": position == 0, "position": position}

    counts["agent_name"] = _insert(con, "agent_name", names())

    def work_rows() -> Iterator[dict[str, Any]]:
        for i in range(1, works + 1):
            year = str(rng.randint(1947, 2025)) if rng.random() < 0.9 else f"{rng.randint(195, 202)}X"
            lower, upper = _bounds(year)
            yield {"id": i, "uuid": new_id(), "identifier": f"SYN-{i:06d}",
                   "form": rng.choice(("feature", "feature", "feature", "documentary", "animation", "short")),
                   "countries": json.dumps(["KP"]), "production_date": year, "production_date_lower": lower,
                   "production_date_upper": upper, "languages": json.dumps(["ko"]), "colour": "colour",
                   "sound": "sound", "running_time": rng.randint(60, 150), "genres": "[]", "subjects": "[]",
                   "synopsis": None, "notes": None, "record_status": "provisional"}

    counts["work"] = _insert(con, "work", work_rows())

    def titles() -> Iterator[dict[str, Any]]:
        row_id = 0
        for i in range(1, works + 1):
            chosen = rng.sample(WORDS, rng.randint(1, 4))
            hangul = " ".join(w[0] for w in chosen)
            english = "The " + " ".join(w[1] for w in chosen)
            forms = [(hangul, "original", "ko", "Hang", None)]
            mr = _romanized(hangul, "title")
            if mr:
                forms.append((mr[0].upper() + mr[1:], "transliterated", "ko", "Latn", "mr"))
            forms.append((english, "translated", "en", "Latn", None))
            for position, (text, title_type, language, script, scheme) in enumerate(forms):
                row_id += 1
                yield {"id": row_id, "uuid": new_id(), "work_id": i, "manifestation_id": None, "text": text,
                       "title_type": title_type, "language": language, "script": script, "scheme": scheme,
                       "preferred": position == 0, "position": position}

    counts["title"] = _insert(con, "title", titles())

    def credits() -> Iterator[dict[str, Any]]:
        row_id = 0
        for i in range(1, works + 1):
            for position in range(5):
                row_id += 1
                role = ROLES[position] if position < 4 else "cast"
                yield {"id": row_id, "uuid": new_id(), "work_id": i,
                       "agent_id": rng.randint(n_festivals * 2 + 1, n_agents) if n_agents > n_festivals * 2 else 1,
                       "role": role, "character": None, "position": position, "credited_as": None, "notes": None}

    counts["credit"] = _insert(con, "credit", credits())

    def sources() -> Iterator[dict[str, Any]]:
        for i in range(1, n_sources + 1):
            date = random_date(rng)
            lower, upper = _bounds(date)
            chosen = rng.sample(WORDS, 2)
            yield {"id": i, "uuid": new_id(), "source_type": rng.choice(SOURCE_TYPES),
                   "title": f"{chosen[0][1]} and {chosen[1][1]}: notes on Korean film {i}",
                   "short_title": None, "container_title": rng.choice(("Rodong Sinmun", "Korean Film", "Variety",
                                                                      "Chosŏn Yŏnghwa", None)),
                   "date": date, "date_lower": lower, "date_upper": upper, "publisher": None,
                   "publisher_place": None, "volume": None, "issue": None, "pages": None, "edition": None,
                   "url": None, "accessed": None, "language": rng.choice(("ko", "en", "ru")),
                   "identifiers": "{}", "archive_location": None, "source_class": rng.choice(SOURCE_CLASSES),
                   "abstract": None, "notes": None}

    counts["source"] = _insert(con, "source", sources())

    def events() -> Iterator[dict[str, Any]]:
        for i in range(1, n_events + 1):
            event_type = _weighted(rng, EVENT_TYPES)
            date = random_date(rng)
            lower, upper = _bounds(date)
            festival = event_type in ("festival_showing", "award", "nomination")
            yield {"id": i, "uuid": new_id(), "work_id": rng.randint(1, works), "manifestation_id": None,
                   "parent_id": None, "event_type": event_type, "label": None, "date": date,
                   "date_lower": lower, "date_upper": upper, "place": rng.choice(PLACES),
                   "country": rng.choice(COUNTRIES), "venue": None,
                   "organiser_id": rng.randint(1, n_festivals) if festival else None,
                   "result": "Prize" if event_type == "award" else None, "notes": None}

    counts["event"] = _insert(con, "event", events())

    def citations() -> Iterator[dict[str, Any]]:
        n_titles = counts["title"]
        for i in range(1, n_citations + 1):
            row = {"id": i, "uuid": new_id(), "source_id": rng.randint(1, n_sources), "work_id": None,
                   "title_id": None, "credit_id": None, "event_id": None, "agent_id": None,
                   "agent_name_id": None, "manifestation_id": None, "item_id": None, "field": None,
                   "locator": f"p. {rng.randint(1, 300)}", "locator_type": "page", "excerpt": None,
                   "excerpt_language": None, "translation": None, "claimed_value": None,
                   "confidence": rng.choice(("certain", "probable", "probable", "uncertain", "disputed")),
                   "preferred": False, "note": None}
            roll = rng.random()
            if roll < 0.6:
                row["event_id"] = rng.randint(1, n_events)
            elif roll < 0.8:
                row["title_id"] = rng.randint(1, n_titles)
            elif roll < 0.9:
                row["work_id"] = rng.randint(1, works)
            else:
                row["credit_id"] = rng.randint(1, counts["credit"])
            yield row

    counts["citation"] = _insert(con, "citation", citations())
    con.execute("COMMIT")
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.execute("ANALYZE")
    con.close()

    _rebuild_search_index(path)
    if not quiet:
        total = sum(counts.values())
        print(f"wrote {total:,} rows to {path} in {time.perf_counter() - started:.1f} s: "
              + ", ".join(f"{k} {v:,}" for k, v in counts.items()), file=sys.stderr)
    return path


def _rebuild_search_index(path: Path) -> None:
    try:
        from nkarchive.search import rebuild_index  # type: ignore[attr-defined]
    except ImportError:
        return
    with Catalogue.open(path) as catalogue:
        rebuild_index(catalogue)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--works", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.path.exists():
        parser.error(f"{args.path} exists; give a new path")
    build_synthetic(args.path, args.works, args.seed, quiet=False)


if __name__ == "__main__":
    main()
