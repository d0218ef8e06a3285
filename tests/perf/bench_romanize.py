"""Benchmark: every scheme and the search key for 100,000 typical titles and names, on one core.

Run: .venv/bin/python tests/perf/bench_romanize.py [count]
Titles are 1–5 words drawn from a vocabulary of words found in North Korean film titles, with
particles; names are a surname and a two-syllable given name drawn from common syllables, so
most names are distinct. Caches start empty.
"""

from __future__ import annotations

import random
import sys
import time

from nkarchive.korean import romanize_all
from nkarchive.korean.lexicon import words as _set


def words(text: str) -> list[str]:
    """The distinct space-separated words of text, sorted so the corpus is reproducible."""
    return sorted(_set(text))


TITLE_WORDS = words(
    "피바다 꽃파는 처녀 한 녀학생의 일기 불가사리 홍길동 월미도 민족과 운명 이름없는 영웅들 "
    "살아있는 령혼들 평양날파람 철길을 따라 천만리 네거리 초병 숲은 설레인다 봄을 안고 사는 "
    "처녀들 우리 집 이야기 푸른 주단우에서 돌아오지 않은 밀사 춘향전 도라지꽃 명령 027호 "
    "김동무는 하늘을 난다 내가 본 나라 조선의 별 꽃피는 마을 당의 참된 딸 안중근 리등박문을 "
    "쏘다 소금 심청전 탈출기 사랑 내 고향 그들은 로동 계급 청춘 공장 어머니 아버지 전사 "
    "들꽃 노래 산 강 바다 별 해 달 길 마음 눈물 행복 혁명 승리 조국 땅 하늘 새 봄 가을 "
    "겨울 여름 아침 저녁 붉은 푸른 흰 검은 어린 젊은 늙은 첫 마지막 먼 가까운"
)
SURNAMES = words(
    "김 리 박 최 정 강 조 윤 장 림 한 오 서 신 권 황 안 송 류 홍 전 고 문 량 손 배 백 허 남 심 로 하"
)
GIVEN = words(
    "철 정 영 수 일 성 은 희 순 옥 미 향 광 훈 국 태 호 손 설 창 범 경 춘 송 길 동 건 조 "
    "명 진 현 석 준 혁 남 복 룡 란 숙 애 련 화 금 봉 산 학 민 식 원 상 근 혜 선 주 용 기"
)
PLACES = words(
    "조선예술영화촬영소 조선4.25예술영화촬영소 백두산창작단 조선중앙통신 형제산구역 평양 남포"
)


def corpus(count: int, seed: int = 25) -> list[tuple[str, str]]:
    """(text, kind) pairs: 60% titles, 35% names, 5% places."""
    rng = random.Random(seed)
    items: list[tuple[str, str]] = []
    for _ in range(count):
        roll = rng.random()
        if roll < 0.60:
            words = rng.choices(TITLE_WORDS, k=rng.randint(1, 5))
            items.append((" ".join(words), "title"))
        elif roll < 0.95:
            name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
            items.append((name, "name"))
        else:
            items.append((rng.choice(PLACES), "place"))
    return items


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    items = corpus(count)
    distinct = len(set(items))
    started, cpu_started = time.perf_counter(), time.process_time()
    for text, kind in items:
        romanize_all(text, kind=kind)
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    print(f"{count} items ({distinct} distinct), 6 schemes + search key each")
    print(f"wall {elapsed:.2f} s, CPU {cpu:.2f} s, {cpu / count * 1e6:.1f} µs CPU per item")
    met = cpu < 5 * count / 100_000
    print("target: under 5 s of one core for 100,000 items:", "met" if met else "NOT met")


if __name__ == "__main__":
    main()
