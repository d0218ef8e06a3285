"""`nkarchive format-csl`: a CSL-JSON file in, one bibliography entry per line out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nkarchive.cli import main

ITEMS = Path(__file__).parent / "reference" / "items.json"
EXPECTED = Path(__file__).parent / "reference" / "expected"


def test_prints_the_bibliography_one_entry_per_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["format-csl", str(ITEMS), "--style", "apa"]) == 0
    lines = capsys.readouterr().out.splitlines()
    want = json.loads((EXPECTED / "apa.json").read_text(encoding="utf-8"))["bibliography_text"]
    assert lines == want


def test_html_and_default_style(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["format-csl", str(ITEMS), "--format", "html"]) == 0
    lines = capsys.readouterr().out.splitlines()
    want = json.loads((EXPECTED / "chicago-author-date.json").read_text(encoding="utf-8"))
    assert lines == want["bibliography_html"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[{", "not valid JSON at line 1"),
        ('{"x": 1}', "no id"),
        ('[{"id": "k", "issued": {"date-parts": [["1980s"]]}}]', "item 'k', field 'issued'"),
    ],
)
def test_user_mistakes_give_a_message_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    path = tmp_path / "items.json"
    path.write_text(content, encoding="utf-8")
    assert main(["format-csl", str(path)]) == 1
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


def test_unknown_style_and_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["format-csl", str(ITEMS), "--style", "nope"]) == 1
    assert "bundled:" in capsys.readouterr().err
    assert main(["format-csl", str(tmp_path / "absent.json")]) == 1
    assert "no such file" in capsys.readouterr().err
