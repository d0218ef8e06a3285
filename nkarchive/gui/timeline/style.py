"""Colours and shapes: each event type has its own colour AND shape, so no one needs to tell
colours apart. Colours are Okabe–Ito, with three from Paul Tol's muted set for the rarer types."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QFont, QPainterPath, QPolygonF

from nkarchive.gui.fonts import register_bundled_fonts


@dataclass(frozen=True)
class TypeStyle:
    colour: str
    shape: str
    hollow: bool = False


TYPE_STYLES: dict[str, TypeStyle] = {
    "release": TypeStyle("#0072B2", "square"),
    "premiere": TypeStyle("#D55E00", "triangle_up"),
    "screening": TypeStyle("#56B4E9", "circle"),
    "festival_showing": TypeStyle("#E69F00", "diamond"),
    "festival": TypeStyle("#F0E442", "hexagon"),
    "broadcast": TypeStyle("#009E73", "triangle_down"),
    "award": TypeStyle("#CC79A7", "star"),
    "nomination": TypeStyle("#CC79A7", "star", hollow=True),
    "censorship": TypeStyle("#000000", "cross"),
    "production": TypeStyle("#999933", "plus"),
    "home_video": TypeStyle("#332288", "pentagon"),
    "acquisition": TypeStyle("#44AA99", "triangle_right"),
    "other": TypeStyle("#888888", "circle", hollow=True),
}
FALLBACK_STYLE = TypeStyle("#888888", "circle", hollow=True)

INK = QColor("#1F2430")
QUIET_INK = QColor("#5B6272")
GRID = QColor("#D9DDE5")
MINOR_GRID = QColor("#ECEEF2")
LANE_EVEN = QColor("#FFFFFF")
LANE_ODD = QColor("#F5F6F9")
LANE_SELECTED = QColor("#FFF3D1")
HEADER_BACKGROUND = QColor("#F0F2F6")
DENSITY = QColor("#2B4C7E")
SELECTION = QColor("#111111")


def style_for(event_type: str) -> TypeStyle:
    return TYPE_STYLES.get(event_type, FALLBACK_STYLE)


def _regular(sides: int, radius: float, rotation: float = -90.0) -> QPolygonF:
    points = []
    for i in range(sides):
        angle = math.radians(rotation + 360.0 * i / sides)
        points.append(QPointF(radius * math.cos(angle), radius * math.sin(angle)))
    return QPolygonF(points)


def shape_path(shape: str, radius: float) -> QPainterPath:
    """The outline of a mark centred on the origin."""
    path = QPainterPath()
    r = radius
    if shape == "circle":
        path.addEllipse(QPointF(0, 0), r * 0.9, r * 0.9)
    elif shape == "square":
        path.addRect(-r * 0.8, -r * 0.8, r * 1.6, r * 1.6)
    elif shape == "diamond":
        path.addPolygon(_regular(4, r * 1.05))
    elif shape == "triangle_up":
        path.addPolygon(_regular(3, r * 1.05, -90))
    elif shape == "triangle_down":
        path.addPolygon(_regular(3, r * 1.05, 90))
    elif shape == "triangle_right":
        path.addPolygon(_regular(3, r * 1.05, 0))
    elif shape == "hexagon":
        path.addPolygon(_regular(6, r, 0))
    elif shape == "pentagon":
        path.addPolygon(_regular(5, r))
    elif shape == "star":
        points = []
        for i in range(10):
            radius_i = r * 1.1 if i % 2 == 0 else r * 0.48
            angle = math.radians(-90 + 36 * i)
            points.append(QPointF(radius_i * math.cos(angle), radius_i * math.sin(angle)))
        path.addPolygon(QPolygonF(points))
    elif shape in ("plus", "cross"):
        w = r * 0.36
        arm = QPainterPath()
        arm.addRect(-r, -w, 2 * r, 2 * w)
        arm.addRect(-w, -r, 2 * w, 2 * r)
        arm = arm.simplified()
        if shape == "cross":
            from PySide6.QtGui import QTransform

            arm = QTransform().rotate(45).map(arm)
        path = arm
    else:
        path.addEllipse(QPointF(0, 0), r, r)
    path.closeSubpath()
    return path


def ui_font(pixel_size: int, *, bold: bool = False) -> QFont:
    """The timeline's font: the platform's sans serif, with the bundled Hangul font behind it."""
    families = [
        "DejaVu Sans",
        "Noto Sans",
        "Segoe UI",
        "Helvetica Neue",
        "Arial",
        *register_bundled_fonts(),
    ]
    font = QFont()
    font.setFamilies(families)
    font.setPixelSize(pixel_size)
    font.setBold(bold)
    return font


def hangul_font(pixel_size: int, *, bold: bool = False) -> QFont:
    """Hangul first: the bundled NanumGothic draws Korean titles the same on every machine."""
    font = QFont()
    font.setFamilies([*register_bundled_fonts(), "DejaVu Sans"])
    font.setPixelSize(pixel_size)
    font.setBold(bold)
    return font
