"""The sound rules and conventions of romanization.md §2–8, on the notes' own examples (not the table)."""

from __future__ import annotations

import pytest

from nkarchive.korean import contains_hangul, romanize

MR_WORDS = [
    ("독립문", "Tongnimmun"),  # ㄱ+ㄹ → ngn, ㅂ+ㅁ → mm
    ("종로", "Chongno"),  # ㅇ+ㄹ → ngn
    ("신라", "Silla"),  # ㄴ+ㄹ → ll
    ("국민", "Kungmin"),  # nasalisation
    ("십리", "Simni"),
    ("백마", "Paengma"),
    ("같이", "Kach'i"),  # palatalisation, with the aspiration apostrophe
    ("굳이", "Kuji"),
    ("해돋이", "Haedoji"),
    ("좋다", "Chot'a"),  # ㅎ aspiration
    ("좋아", "Choa"),
    ("학회", "Hakhoe"),  # MR 1939 writes stop + h
    ("합하다", "Haphada"),
    ("못하다", "Mothada"),
    ("일하다", "Irhada"),
    ("꽃파는", "Kkotp'anŭn"),
    ("숲은", "Sup'ŭn"),
    ("횃불", "Hwaetpul"),
    ("잔금", "Chan'gŭm"),  # ㄴ+ㄱ apostrophe
    ("장음", "Changŭm"),
    ("영웅", "Yŏngung"),
    ("닭", "Tak"),  # cluster reduction and liaison
    ("넓이", "Nŏlbi"),
    ("얽매다", "Ŏngmaeda"),
    ("없어", "Ŏpsŏ"),
    ("가에", "Kaë"),  # ë after a/o
    ("쉬", "Shwi"),
    ("문법", "Munpŏp"),  # lexical tensing
    ("평가", "P'yŏngka"),
    ("발달", "Paltal"),  # Sino-Korean ㄹ+ㄷ
    ("일정", "Ilchŏng"),
    ("안고", "Anko"),  # verb stem ㄴ + ending
    ("철길", "Ch'ŏlkil"),  # compound element 길
    ("의견", "Ŭigyŏn"),
    ("로동", "Rodong"),  # North Korean spelling keeps initial ㄹ
]


@pytest.mark.parametrize(("hangul", "expected"), MR_WORDS)
def test_mr(hangul: str, expected: str) -> None:
    assert romanize(hangul, "mr") == expected


@pytest.mark.parametrize(
    ("hangul", "expected"),
    [
        ("백마", "Baengma"),
        ("신문로", "Sinmunno"),
        ("왕십리", "Wangsimni"),
        ("별내", "Byeollae"),
        ("같이", "Gachi"),
        ("좋고", "Joko"),
        ("놓다", "Nota"),
        ("압구정", "Apgujeong"),  # no tensing
        ("낙동강", "Nakdonggang"),
        ("울산", "Ulsan"),
        ("북한", "Bukhan"),  # nouns keep h
        ("의견", "Uigyeon"),
    ],
)
def test_rr(hangul: str, expected: str) -> None:
    assert romanize(hangul, "rr") == expected


@pytest.mark.parametrize(
    ("hangul", "kind", "expected"),
    [
        ("압록강", "place", "Amrokgang"),  # ㄹ stays r after a consonant
        ("백마산", "place", "Paengmasan"),
        ("꽃마을", "place", "KKonmaŭl"),
        ("천리마", "title", "Chŏllima"),
        ("남포", "place", "Nampho"),
        ("로동신문", "place", "Rodong Sinmun"),
        ("평양", "place", "Pyongyang"),  # the DPRK's own conventional spelling
        ("박동구", "name", "Pak Tong Gu"),
        ("안복철", "name", "An Pok Chol"),
        ("김룡조", "name", "Kim Ryong Jo"),
        ("오미란", "name", "O Mi Ran"),
        ("김일성", "name", "Kim Il Sung"),
    ],
)
def test_dprk(hangul: str, kind: str, expected: str) -> None:
    produced = romanize(hangul, "dprk_ascii", kind=kind)
    assert produced.lower() == expected.lower().replace("ŏ", "o").replace("ŭ", "u")


@pytest.mark.parametrize(
    ("hangul", "expected"),
    [
        ("김철원", "Kim Chʼŏr-wŏn"),  # sound change shown across the hyphen
        ("김창룡", "Kim Chʼang-nyong"),
        ("안응렬", "An Ŭng-nyŏl"),
        ("박목월", "Pak Mog-wŏl"),
        ("이승만", "Yi Sŭng-man"),
        ("리승만", "Yi Sŭng-man"),
        ("류성민", "Yu Sŏng-min"),
        ("라민주", "Na Min-ju"),
        ("김리나", "Kim Ri-na"),  # a given name keeps its initial r
        ("김길인", "Kim Kir-in"),
    ],
)
def test_alalc_names(hangul: str, expected: str) -> None:
    assert romanize(hangul, "alalc", kind="name") == expected


@pytest.mark.parametrize(
    ("hangul", "expected"),
    [
        ("로동", "Nodong"),  # South Korean initial-sound spelling
        ("녀성", "Yŏsŏng"),
        ("력사", "Yŏksa"),
        ("나는 내 길에", "Na nŭn nae kil e"),  # particles as words
        ("초원의 꿈을 그대에게", "Chʼowŏn ŭi kkum ŭl kŭdae ege"),
        ("사랑하다", "Sarang hada"),
        ("사는 처녀", "Sanŭn chʼŏnyŏ"),  # adnominal -는 is not a particle
        ("돌아오지 않은 밀사", "Toraoji anŭn milsa"),
    ],
)
def test_alalc_titles(hangul: str, expected: str) -> None:
    assert romanize(hangul, "alalc") == expected


def test_names_in_each_scheme() -> None:
    assert romanize("김정일", "mr", kind="name") == "Kim Chŏngil"
    assert romanize("김정일", "alalc", kind="name") == "Kim Chŏng-il"
    assert romanize("김정일", "rr", kind="name") == "Gim Jeongil"
    assert romanize("김정일", "dprk", kind="name") == "Kim Jŏng Il"
    assert romanize("김정일", "dprk_ascii", kind="name") == "Kim Jong Il"
    assert romanize("한복남", "rr", kind="name") == "Han Boknam"  # RR: no assimilation
    assert romanize("남궁민", "mr", kind="name") == "Namgung Min"  # two-syllable surname
    assert romanize("김 정일", "mr", kind="name") == "Kim Chŏngil"


def test_name_kind_without_a_hangul_name_falls_back_to_text() -> None:
    assert romanize("Kim 정일", "mr", kind="name") == "Kim chŏngil"


def test_words_are_divided_in_titles_and_places() -> None:
    assert romanize("김동무는 하늘을 난다", "mr") == "Kim tongmunŭn hanŭrŭl nanda"
    assert romanize("평양에서의 약속", "mr") == "P'yŏngyangesŏŭi yaksok"
    assert romanize("조선기록과학영화촬영소", "mr", kind="place") == (
        "Chosŏn Kirok Kwahak Yŏnghwa Ch'waryŏngso"
    )
    assert romanize("만수대예술단", "mr", kind="place") == "Mansudae Yesultan"
    assert romanize("새별읍", "dprk", kind="place") == "Saebyŏl-ŭp"
    assert romanize("2.8예술영화촬영소", "rr", kind="place") == "2.8 Yesul Yeonghwa Chwaryeongso"


def test_non_hangul_passes_through_in_place() -> None:
    assert romanize("명령-027호", "mr") == "Myŏngnyŏng-027ho"
    assert romanize("《피바다》 (1969)", "mr") == "《P'ibada》 (1969)"
    assert romanize("血海 피바다", "rr") == "血海 pibada"
    assert romanize("Pulgasari", "dprk") == "Pulgasari"


def test_input_is_normalised() -> None:
    conjoining = "\u1100\u1161\u11a8"  # 각 as conjoining jamo
    assert romanize(conjoining, "mr") == "Kak"
    assert romanize("ㅎㅏㄴㄱㅡㄹ", "mr") == "Han'gŭl"  # compatibility jamo
    assert romanize("ㄱ", "rr") == "g"


def test_unknown_scheme_or_kind_is_an_error() -> None:
    with pytest.raises(ValueError, match="scheme"):
        romanize("평양", "yale")
    with pytest.raises(ValueError, match="kind"):
        romanize("평양", "mr", kind="river")


def test_contains_hangul() -> None:
    assert contains_hangul("Film 피바다")
    assert contains_hangul("ㄱ")
    assert not contains_hangul("P'ibada 血海")
