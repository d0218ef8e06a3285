"""Writes the timeline to PNG or SVG at a chosen size, with the same painter the widget uses."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgGenerator

from nkarchive.gui.timeline.painter import TimelinePainter, ViewState

FORMATS = (".png", ".svg")


def render_image(painter_: TimelinePainter, state: ViewState, width: int, height: int) -> QImage:
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(1.0)
    with_painter = QPainter(image)
    try:
        painter_.paint(with_painter, state, width, height)
    finally:
        with_painter.end()
    return image


def export_view(
    painter_: TimelinePainter, state: ViewState, path: Path, width: int, height: int
) -> Path:
    """Write the view to ``path``; the suffix (.png or .svg) chooses the format."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"{path.name}: export to .png or .svg, not {suffix or 'no suffix'}")
    if width < 200 or height < 150:
        raise ValueError(f"{width}x{height} is too small for a timeline (at least 200x150)")
    if suffix == ".png":
        image = render_image(painter_, state, width, height)
        if not image.save(str(path), "PNG"):
            raise OSError(f"{path}: could not write the PNG file")
        return path
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(QSize(width, height))
    generator.setViewBox(QRect(0, 0, width, height))
    generator.setTitle("nkarchive timeline")
    generator.setDescription(state.caption or "Screening timeline exported from nkarchive")
    svg_painter = QPainter()
    if not svg_painter.begin(generator):
        raise OSError(f"{path}: could not write the SVG file")
    try:
        painter_.paint(svg_painter, state, width, height)
    finally:
        svg_painter.end()
    return path
