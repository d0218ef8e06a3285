"""Registers the bundled Hangul font so that Korean renders on machines with no Korean font."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from nkarchive import paths

BUNDLED_FONT_FILES = ("NanumGothic.ttf", "NanumGothicBold.ttf")
_registered: list[str] = []


def register_bundled_fonts() -> list[str]:
    """Load the bundled fonts into Qt's database (once); returns their family names."""
    if _registered:
        return _registered
    for name in BUNDLED_FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(paths.resource_path("fonts", name)))
        if font_id < 0:
            raise RuntimeError(f"the bundled font {name} could not be loaded")
        for family in QFontDatabase.applicationFontFamilies(font_id):
            if family not in _registered:
                _registered.append(family)
    return _registered


def apply_hangul_fallback(app: QApplication) -> None:
    """Make the bundled font the fallback for Hangul in every widget, keeping the system's
    Latin font first where it has one."""
    families = register_bundled_fonts()
    font = app.font()
    current = font.families() or [font.family()]
    font.setFamilies([*current, *(f for f in families if f not in current)])
    app.setFont(font)
    for family in families:
        QFont.insertSubstitution(font.family(), family)
