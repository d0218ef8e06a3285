"""The `nkarchive romanize` command, as a user runs it."""

from __future__ import annotations

import json

import pytest

from nkarchive.cli import main


def test_json_gives_every_scheme_and_the_key(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["romanize", "불가사리", "--json"]) == 0
    forms = json.loads(capsys.readouterr().out)
    assert forms == {
        "mr": "Pulgasari",
        "mr_ascii": "Pulgasari",
        "rr": "Bulgasari",
        "alalc": "Pulgasari",
        "dprk": "Pulgasari",
        "dprk_ascii": "Pulgasari",
        "search_key": forms["search_key"],
    }
    assert forms["search_key"] == "pulkasali"


def test_name_kind(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["romanize", "김정일", "--kind", "name", "--json"]) == 0
    forms = json.loads(capsys.readouterr().out)
    assert forms["mr"] == "Kim Chŏngil"
    assert forms["alalc"] == "Kim Chŏng-il"
    assert forms["rr"] == "Gim Jeongil"
    assert forms["dprk_ascii"] == "Kim Jong Il"


def test_json_keeps_hangul_and_breves_unescaped(capsys: pytest.CaptureFixture[str]) -> None:
    main(["romanize", "조선 (1950)", "--json"])
    out = capsys.readouterr().out
    assert "Chosŏn (1950)" in out


def test_plain_output_labels_each_scheme(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["romanize", "평양", "--kind", "place"]) == 0
    out = capsys.readouterr().out
    assert "McCune–Reischauer" in out and "P'yŏngyang" in out
    assert "Revised Romanization" in out and "Pyeongyang" in out
    assert "search key" in out


def test_unknown_kind_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["romanize", "평양", "--kind", "river"])
