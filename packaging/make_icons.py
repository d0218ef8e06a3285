"""Draws the application icon: a film frame between sprocket holes with the Hangul 필 ("film")
in it. Writes resources/icons/nkarchive.svg (the glyph as outlines, so no font is needed to show
it), PNGs from 16 to 512 px, nkarchive.ico (Windows) and nkarchive.icns (macOS).

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make_icons.py
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QImage, QPainter, QPainterPath
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
FILM = "#23262f"  # the strip
HOLE = "#f3ead7"  # sprocket holes and the frame: warm, like projected light
INK = "#a8232a"  # the glyph


def glyph_outline(text: str, box: QRectF) -> str:
    """SVG path data for `text` in the bundled NanumGothic Bold, centred in `box`."""
    font_id = QFontDatabase.addApplicationFont(str(ROOT / "resources/fonts/NanumGothicBold.ttf"))
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    font = QFont(family)
    font.setPixelSize(100)
    font.setBold(True)
    path = QPainterPath()
    path.addText(0, 0, font, text)
    bounds = path.boundingRect()
    scale = min(box.width() / bounds.width(), box.height() / bounds.height())
    dx = box.center().x() - bounds.center().x() * scale
    dy = box.center().y() - bounds.center().y() * scale
    parts: list[str] = []
    index = 0
    while index < path.elementCount():
        element = path.elementAt(index)
        x, y = element.x * scale + dx, element.y * scale + dy
        if element.isMoveTo():
            parts.append(f"M{x:.2f} {y:.2f}")
        elif element.isLineTo():
            parts.append(f"L{x:.2f} {y:.2f}")
        else:  # a cubic curve: this element and the two data elements after it
            c2, end = path.elementAt(index + 1), path.elementAt(index + 2)
            parts.append(
                f"C{x:.2f} {y:.2f} {c2.x * scale + dx:.2f} {c2.y * scale + dy:.2f} "
                f"{end.x * scale + dx:.2f} {end.y * scale + dy:.2f}"
            )
            index += 2
        index += 1
    return " ".join(parts) + " Z"


def icon_svg() -> str:
    holes = []
    for x in range(34, 205, 34):  # six holes along each edge, centred
        for y in (18, 220):
            holes.append(f'<rect x="{x}" y="{y}" width="18" height="18" rx="4"/>')
    glyph = glyph_outline("필", QRectF(70, 66, 116, 124))
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">\n'
        "  <title>nkarchive</title>\n"
        f'  <rect x="4" y="4" width="248" height="248" rx="36" fill="{FILM}"/>\n'
        f'  <g fill="{HOLE}">\n    ' + "\n    ".join(holes) + "\n  </g>\n"
        f'  <rect x="40" y="50" width="176" height="156" rx="14" fill="{HOLE}"/>\n'
        f'  <path fill="{INK}" fill-rule="nonzero" d="{glyph}"/>\n'
        "</svg>\n"
    )


def render(svg: str, size: int) -> QImage:
    renderer = QSvgRenderer(QByteArray(svg.encode()))
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    """A Windows icon holding PNG images (Windows Vista and later read these) of 16–256 px."""
    sizes = [size for size in (16, 24, 32, 48, 64, 128, 256) if size in pngs]
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, images = b"", b""
    for size in sizes:
        data = pngs[size]
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(data), offset)
        images += data
        offset += len(data)
    return header + entries + images


# ICNS element types holding PNG data, by pixel size (Apple's icns format).
ICNS_TYPES = ((b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256),
              (b"ic09", 512), (b"ic10", 1024), (b"ic11", 32), (b"ic12", 64), (b"ic13", 256),
              (b"ic14", 512))  # fmt: skip


def icns(pngs: dict[int, bytes]) -> bytes:
    """A macOS icon family with every standard size, each as PNG data."""
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    QGuiApplication(sys.argv[:1])
    ICONS.mkdir(parents=True, exist_ok=True)
    svg = icon_svg()
    (ICONS / "nkarchive.svg").write_text(svg, encoding="utf-8")
    for size in SIZES:
        if not render(svg, size).save(str(ICONS / f"nkarchive-{size}.png"), "PNG"):
            raise SystemExit(f"could not write the {size} px icon")
    pngs = {size: png_bytes(render(svg, size)) for size in (*SIZES, 1024)}
    (ICONS / "nkarchive.ico").write_bytes(ico(pngs))
    (ICONS / "nkarchive.icns").write_bytes(icns(pngs))
    print(f"icons written to {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
