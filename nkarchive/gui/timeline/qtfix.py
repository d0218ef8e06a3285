"""A guard against PySide6 6.12.0 on Python 3.11, which drops a reference to None on every call of
a Qt method that returns nothing: None would be freed (a fatal error) after some 40,000 calls.

Painting the timeline makes thousands of such calls a second, so the guard gives None the
immortality Python 3.12 gives it anyway. Nothing happens on an unaffected PySide6 or Python.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtGui import QColor

_guarded = False
# More references than any session can drop: ten thousand void calls a second for three years.
_SPARE_REFERENCES = 1 << 40


def leaks_none() -> bool:
    """Whether calling a void Qt method loses a reference to None."""
    colour = QColor(0, 0, 0)
    before = sys.getrefcount(None)
    for _ in range(64):
        colour.setAlphaF(0.5)
    return sys.getrefcount(None) - before <= -64


def guard_none_refcount() -> None:
    """Make None effectively immortal when this PySide6 drops references to it (once per process)."""
    global _guarded
    if _guarded or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    _guarded = True
    if leaks_none():
        refcount = ctypes.c_ssize_t.from_address(id(None))
        refcount.value += _SPARE_REFERENCES
