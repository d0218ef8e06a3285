"""Every form of a row of the test table, and the attested spellings of it, share one search key."""

from __future__ import annotations

import pytest

from nkarchive.korean import romanize_all, search_key, search_keys
from tests.korean.korean_table import Row, load_rows

ROWS = load_rows()

# Latin spellings found in the sources (the table's "English / found forms" and "Status"
# columns, and the issue's examples) that are spellings of the Korean, not translations.
ATTESTED: dict[int, tuple[str, ...]] = {
    3: ("Pulgasari", "Bulgasari"),
    7: ("Sarang, sarang naesarang",),
    9: ("Hong Kil Dong",),
    11: ("Wolmi-do",),
    13: ("Han Nyŏhaksaengŭi Ilgi", "Han yeohaksaengui ilgi"),
    15: ("Gimdongmuneun haneul-eul nanda",),
    17: ("Irŭm ŏmnŭn yŏng'ungdŭl", "Ireum eomneun yeong'ungdeul"),
    19: ("Sara-innŭn ryŏnghondŭl", "Sara-inneun ryeonghondul"),
    21: ("Pyongyang Nalpharam", "Pyongyang Nalparam"),
    23: ("Cholgirul ttara chonmalli",),
    33: ("Chosŏn Yesuryŏnghwach'war Yŏngso", "Joseon Yesul Yeonghwachwal Yeongso"),
    43: ("Choi Eun-hee", "Ch'oe Ŭn-hŭi"),
    45: ("Pak Hak",),
    47: ("Rim Chang-bom",),
    49: ("Jo Kyong-sun", "Cho Gyong-sun"),
    51: ("Chong Gon-jo", "Chong Gon Jo"),
    53: ("Kim Chun-song",),
    55: ("Kim Gwang Hun",),
    57: ("Hong Yong-hui", "Hong Yong-hee"),
    59: ("Paek Sol-mi",),
    61: ("Choe Thae Guk",),
    63: ("Ryu Ho-son",),
    65: ("Kim Jong Il", "Kim Jong-il", "Kim Jŏng-il"),
    67: ("Kim Jong Un", "Kim Jong-un"),
    69: ("Pak Mi-hyang", "Pak Mi Hyang"),
    71: ("Pyongyang",),
    73: ("Nampho",),
    75: ("Chollima", "Chŏllima"),
    77: ("Rason",),
    79: ("Paektusan",),
    83: ("Songun", "sŏn'gun"),
}

# Found forms the key does not bring together, and why.
UNMATCHED: list[tuple[int, str, str]] = [
    (45, "Hak Pak", "Western name order; the index adds name-order variants, the key does not"),
    (49, "Kyun Soon Jo", "Western name order and a garbled given name"),
    (57, "Hong Youg-hui", "a typing error (Youg), which no fold should mend"),
    (59, "Baek Sul-mi", "u for ㅓ (Sul), which no fold can merge without merging ㅓ and ㅜ"),
]


def _forms(row: Row) -> list[str]:
    forms = [row.hangul, *ATTESTED.get(row.number, ())]
    for values in row.expected.values():
        forms.extend(values)
    generated = romanize_all(row.hangul, kind=row.kind)
    forms.extend(value for name, value in generated.items() if name != "search_key")
    return forms


@pytest.mark.parametrize("row", ROWS, ids=[str(row.number) for row in ROWS])
def test_all_forms_of_a_row_share_one_key(row: Row) -> None:
    keys = {form: search_key(form) for form in _forms(row)}
    assert len(set(keys.values())) == 1, keys


@pytest.mark.parametrize(
    ("number", "spelling"),
    [
        pytest.param(number, spelling, marks=pytest.mark.xfail(strict=True, reason=reason))
        for number, spelling, reason in UNMATCHED
    ],
)
def test_unmatched_found_forms(number: int, spelling: str) -> None:
    row = next(row for row in ROWS if row.number == number)
    assert search_key(spelling) == search_key(row.hangul)


def test_keys_meet_for_the_issue_examples() -> None:
    assert len({search_key(t) for t in ("불가사리", "Pulgasari", "Bulgasari", "PULGASARI")}) == 1
    diary = ("한 녀학생의 일기", "Han nyŏhaksaengŭi ilgi", "Han nyeohaksaengui ilgi")
    assert len({search_key(t) for t in (*diary, "Han yeohaksaengui ilgi")}) == 1


def test_key_folds_apostrophes_breves_carons_and_umlauts() -> None:
    variants = ("Sŏn'gun", "Sŏn’gun", "Sŏnʼgun", "Sǒngun", "Söngun", "SONGUN", "son-gun")
    assert len({search_key(v) for v in variants}) == 1


def test_key_folds_amrok_and_amnok() -> None:
    assert search_key("Amrokgang") == search_key("Amnokkang") == search_key("압록강")


def test_surname_variants_meet() -> None:
    assert len({search_key(v) for v in ("Ri", "Yi", "Lee", "I", "리")}) == 1
    assert len({search_key(v) for v in ("Rim", "Im", "Lim")}) == 1
    assert len({search_key(v) for v in ("Ryu", "Yu", "Yoo")}) == 1
    assert len({search_key(v) for v in ("Shin Sang-ok", "Sin Sangok", "신상옥")}) == 1


def test_key_keeps_digits_and_other_scripts() -> None:
    assert search_key("명령-027호") == search_key("Myŏngnyŏng 027 ho")
    assert "027" in search_key("명령-027호")
    assert search_key("血海") == "血海"


def test_search_keys_include_every_scheme() -> None:
    keys = search_keys("로동신문")
    assert search_key("Rodong Sinmun") in keys
    assert search_key("Nodong sinmun") in keys
    assert search_keys("Pulgasari") == {search_key("Pulgasari")}
