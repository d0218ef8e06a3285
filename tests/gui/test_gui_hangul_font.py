"""Hangul renders with real glyphs on a machine with no Korean font: the bundled NanumGothic.

Run in a subprocess whose fontconfig knows one folder holding only a Latin font (DejaVu Sans
when the system has it, else nothing at all)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

TITLE = "우리 집 이야기"

PROBE = r"""
import json, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtGui import QFontDatabase, QFontMetrics, QImage, QPainter, QTextLayout, QColor
from PySide6.QtWidgets import QApplication, QLabel
register = sys.argv[1] == "register"
if register:
    from nkarchive.gui.app import make_application
    app = make_application([])
else:
    app = QApplication([])
title = sys.argv[2]
korean_families = [f for f in QFontDatabase.families() if QFontDatabase.writingSystems(f).count(QFontDatabase.WritingSystem.Korean)]
label = QLabel(title)
layout = QTextLayout(title, label.font())
layout.beginLayout(); layout.createLine(); layout.endLayout()
glyphs = []
for run in layout.glyphRuns():
    glyphs.append([run.rawFont().familyName(), [int(g) for g in run.glyphIndexes()]])

def picture(text):
    image = QImage(300, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(label.font())
    painter.drawText(5, 28, text)
    painter.end()
    return bytes(image.constBits())

missing = "\U000F0000" * len(title)  # private-use characters no font has: boxes, or nothing
print(json.dumps({"korean_families": korean_families, "glyphs": glyphs,
                  "same_as_missing": picture(title) == picture(missing),
                  "blank": picture(title) == picture(" ")}))
"""


def run_probe(tmp_path: Path, register: bool) -> dict:
    fonts = tmp_path / "fonts"
    fonts.mkdir(exist_ok=True)
    dejavu = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if dejavu.exists():
        shutil.copy(dejavu, fonts / dejavu.name)
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f"<dir>{fonts}</dir><cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>"
    )
    env = {
        **os.environ,
        "FONTCONFIG_FILE": str(config),
        "FONTCONFIG_PATH": str(tmp_path),
        "QT_QPA_PLATFORM": "offscreen",
    }
    result = subprocess.run(
        [sys.executable, "-c", PROBE, "register" if register else "plain", TITLE],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_without_the_bundled_font_this_machine_has_no_hangul(tmp_path: Path) -> None:
    """The control: the test's font configuration really has no Korean font."""
    probe = run_probe(tmp_path, register=False)
    assert probe["korean_families"] == []
    drawn = [g for _family, glyphs in probe["glyphs"] for g in glyphs]
    assert probe["blank"] or probe["same_as_missing"] or 0 in drawn


def test_hangul_title_is_drawn_with_real_glyphs_from_the_bundled_font(tmp_path: Path) -> None:
    probe = run_probe(tmp_path, register=True)
    assert any("Nanum" in f for f in probe["korean_families"])
    hangul_runs = [(family, glyphs) for family, glyphs in probe["glyphs"] if "Nanum" in family]
    assert hangul_runs, f"Hangul was not laid out with the bundled font: {probe['glyphs']}"
    assert all(0 not in glyphs for _family, glyphs in hangul_runs)
    assert sum(len(glyphs) for _f, glyphs in hangul_runs) >= len(TITLE.replace(" ", ""))
    assert not probe["same_as_missing"] and not probe["blank"]
