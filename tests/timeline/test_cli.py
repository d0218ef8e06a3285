"""`nkarchive timeline`: the view drawn offscreen to PNG or SVG, and clear errors for bad options."""

from __future__ import annotations

from pathlib import Path

import pytest

from nkarchive.cli import main
from nkarchive.store.catalogue import Catalogue
from tests.timeline.fixtures import build_sample


@pytest.fixture
def sample_path(catalogue: Catalogue) -> Path:
    build_sample(catalogue)
    return catalogue.path


def test_png_at_the_chosen_size(
    sample_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from PySide6.QtGui import QImage

    out = tmp_path / "timeline.png"
    status = main(
        [
            "--catalogue",
            str(sample_path),
            "timeline",
            "--out",
            str(out),
            "--size",
            "1200x700",
            "--group-by",
            "country",
            "--range",
            "1970..1990",
            "--query",
            "country:CS or country:SU",
        ]
    )
    assert status == 0
    assert "4 events in 2 lanes" in capsys.readouterr().out
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1200, 700)


def test_svg_holds_the_lane_headers_as_text(sample_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "timeline.svg"
    assert (
        main(["--catalogue", str(sample_path), "timeline", "--out", str(out), "--size", "1000x600"])
        == 0
    )
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<?xml") and "<svg" in text
    assert "꽃파는 처녀" in text and "1972" in text


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--out", "x.gif"], ".png or .svg"),
        (["--out", "{tmp}/x.png", "--size", "big"], "WIDTHxHEIGHT"),
        (["--out", "{tmp}/x.png", "--range", "1990..1970"], "ends before it starts"),
        (["--out", "{tmp}/x.png", "--query", "country:Czechoslovakia"], "two-letter country code"),
        (["--out", "/no/such/folder/x.png"], "does not exist"),
    ],
)
def test_bad_options_are_named(
    sample_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    options: list[str],
    message: str,
) -> None:
    options = [o.replace("{tmp}", str(tmp_path)) for o in options]
    assert main(["--catalogue", str(sample_path), "timeline", *options]) == 2
    assert message in capsys.readouterr().err
