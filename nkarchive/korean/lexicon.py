"""Word lists the rules need: surnames, place names, name-element vocabulary, particles, and the
small set of general words whose tensing no spelling rule predicts.

Everything here is general vocabulary of Korean (and of North Korean institution names), kept
short on purpose; nothing is a title or a person from the catalogue.
"""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """The space-separated words of text."""
    return frozenset(text.split())


# Two-syllable surnames; any other name's surname is its first syllable.
COMPOUND_SURNAMES = words("남궁 황보 제갈 사공 선우 서문 독고 동방 을지 망절 어금")

# Common one-syllable surnames, for splitting "surname + form of address" inside a title
# (김동무 → Kim tongmu).
SURNAMES = words(
    "김 리 이 박 최 정 강 조 윤 장 림 임 한 오 서 신 권 황 안 송 류 유 홍 전 고 문 량 양 손 배 백 "
    "허 남 심 로 노 하 곽 성 차 주 우 구 민 진 라 지 엄 변 채 원 천 방 공 현 함 렴 염 려 추 도 소 "
    "석 선 설 마 길 연 위 표 명 기 반 왕 금 옥 육 인 탁 봉"
)

# Forms of address and kinship or rank words that follow a surname in titles.
ADDRESS_TERMS = tuple(
    sorted(
        words(
            "동무 동지 선생 선생님 아저씨 아바이 할머니 할아버지 로인 노인 령감 영감 대장 소대장 중대장 "
            "대대장 련대장 연대장 사단장 군관 기사 교원 반장 작업반장 분조장 지배인 처녀 총각 아가씨 "
            "형님 누나 언니 어머니 아버지 엄마 박사 의사 일가 가족 부부 소년 소녀"
        ),
        key=len,
        reverse=True,
    )
)

# Proper place names that begin many titles and institution names (평양날파람, 조선중앙통신).
PLACE_NAMES = words(
    "평양 조선 백두산 금강산 묘향산 칠보산 한라산 지리산 대동강 압록강 두만강 청천강 례성강 함흥 "
    "청진 신의주 남포 원산 해주 사리원 서울 판문점 라선 라진 강계 혜산 만경대 보천보 삼지연 모란봉 "
    "대성산 개마고원 량강도 자강도 황해도 평안도 함경도 강원도"
)

# Common nouns that institution, studio and event names are compounded from.
INSTITUTION_WORDS = words(
    "예술 영화 촬영소 창작단 중앙 통신 통신사 방송 방송국 텔레비죤 텔레비전 기록 과학 교육 인민 "
    "인민군 국제 축전 영화관 극장 대극장 대학 종합대학 연극 가극단 예술단 협회 동맹 위원회 출판사 "
    "신문 신문사 로동당 노동당 청년 문학 작가 음악 무용 미술 혁명 력사 역사 박물관 도서관 회관 "
    "아동 만화 대외 문화 련락 연락 연구소 연구원 학원 공장 기업소 합작 교예단 교향악단 합창단 "
    "선전 선동 조직 지도 국립 중앙당 기념 기념관 전람관 영화제 영화문헌고 문헌고 촬영 제작소 "
    "녹화 녹음 편집 작품 보도 로동 노동"
)

# Administrative units written after a hyphen (형제산구역 → Hyŏngjesan-guyŏk). One-syllable
# units such as 도 and 리 are left out: too many ordinary words end in them (월미도 is an island).
ADMIN_SUFFIXES = ("로동자구", "노동자구", "특별시", "직할시", "특급시", "구역", "읍")

# Conventional spellings the DPRK itself uses in Latin script.
DPRK_CONVENTIONAL = {"평양": "Pyongyang", "김일성": "Kim Il Sung"}

# --- Tensing (MR and ALA-LC write a tensed plain stop after a sonorant as voiceless) --------

# Syllables after ㄹ that are native endings or particles, where Sino-Korean ㄹ+ㄷ/ㅅ/ㅈ tensing
# (발전 palchŏn, 길동 Kiltong) does not apply: 살다 salda, 하늘도 hanŭldo, 별들 pyŏldŭl.
NATIVE_AFTER_L = words("다 도 지 자 더 든 던 데 들 듯 다가 죠")

# Second elements of compounds that are tensed after a sonorant (철길 [철낄], 달빛 [달삗]).
TENSED_SECOND_ELEMENTS = words("길 빛 값")

# Native verb stems ending in ㄴ/ㅁ, whose endings in ㄱ/ㄷ are tensed (안고 [안꼬], 남다 [남따]).
NASAL_VERB_STEMS = words("안 감 남 담 삼 숨 품 심 넘 껴안 끌어안")
TENSED_ENDINGS = words("고 다 게 던 더 도록")

# Sino-Korean suffixes after which ㄴ+ㄹ is nn, not ll (신문로 Sinmunno, 의견란 ŭigyŏnnan,
# 생산력 saengsannyŏk), when they end a word of three or more syllables.
NN_SUFFIXES = words("란 량 력 령 례 로 론 료 류")

# General words with tensing no rule predicts; value: indices of the tensed syllables.
TENSED_WORDS: dict[str, tuple[int, ...]] = {
    "문법": (1,),
    "헌법": (1,),
    "평가": (1,),
    "한자": (1,),
    "문자": (1,),
    "인기": (1,),
    "성과": (1,),
    "효과": (1,),
    "조건": (1,),
    "사건": (1,),
    "물건": (1,),
    "여권": (1,),
    "물고기": (1,),
    "손가락": (1,),
    "등불": (1,),
    "강가": (1,),
    "길가": (1,),
    "봄바람": (1,),
    "산바람": (1,),
    "술집": (1,),
    "잠자리": (1,),
}

# --- ALA-LC word division ---------------------------------------------------------------------

# Particles ALA-LC writes as separate words, longest first.
LONG_PARTICLES = ("에서", "에게", "까지", "부터", "으로", "에로", "께서", "처럼")

# Nouns ending in 의 that are not noun + genitive particle (사회주의, 회의).
NOUNS_ENDING_UI = words(
    "주의 회의 정의 동의 합의 결의 논의 건의 제의 강의 심의 협의 민의 열의 성의 호의 창의 의의 "
    "대의 본의 질의 모의 신의 예의 우의 쟁의 편의"
)

# Last syllables of verb stems before the adnominal -는 (사는, 기다리는), so 는 is not a particle.
VERB_STEM_ENDS = words(
    "하 되 리 르 기 히 키 치 시 나 가 오 우 주 보 내 서 지 이 어 워 와 러 려 뛰 쉬 비 피 세 "
    "켜 펴 꾸 두 추 누 쓰 뜨 크 파 타 차"
)
PRONOUNS = words("나 너 저 우리 그 그대 당신 이것 그것 누구 저희 너희")

# Adjective and verb stems before the adnominal -은/-을 (좋은, 않은), so 은/을 is not a particle.
ADNOMINAL_STEMS = words(
    "좋 붉 맑 작 높 깊 넓 많 젊 않 밝 같 검 늙 낡 짧 얇 굳 곧 옳 싫 얕 적 굵 늦 낮 좁 받 찾 믿 "
    "잃 먹 죽 닮 묻 맺 씻 잊 읽 앉 갚 잡 밟 입 심 숨 감 안 신 참 넘 품 괜찮 귀찮 싶 없 있 낳 놓 "
    "쌓 얻 쏟 묶 뽑 꽂 끊 꺾 솟 웃 벗 남 붙 맞 겪"
)

# Syllables of -하다 verbs that ALA-LC writes apart (사랑하는 → sarang hanŭn).
HADA_FORMS = words("하 한 할 함 합 했 해")
HADA_NEXT = words("다 는 고 며 여 자 지 게 니 면 던 였 여라 는데 시")
