"""The self-test's checks that need Qt: the main window, every compiled form, the timeline and
the bundled Hangul font. Qt is imported inside each check, never when this module is loaded, so
`nkarchive self-test --list` needs no Qt."""

from __future__ import annotations

from typing import Any

from nkarchive.selftest import CheckFailed, SelfTestRun, check

HANGUL_SAMPLE = "꽃파는 처녀 조선예술영화촬영소"


def _application() -> Any:
    from nkarchive.gui.app import make_application

    return make_application()


def _ink(image: Any) -> tuple[int, int]:
    """How many sampled pixels differ from the top-left one, and how many colours there are."""
    background = image.pixel(0, 0)
    colours: set[int] = set()
    differing = 0
    step = max(1, min(image.width(), image.height()) // 200)
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            value = image.pixel(x, y)
            colours.add(value)
            differing += value != background
    return differing, len(colours)


@check("main window", requires="nkarchive.gui.main_window")
def _main_window(run: SelfTestRun) -> str:
    from nkarchive.gui.main_window import MainWindow

    app = _application()
    catalogue = run.demo()
    window = MainWindow(catalogue)
    try:
        window.resize(1200, 800)
        window.show()
        app.processEvents()
        image = window.grab().toImage()
        differing, _colours = _ink(image)
        if image.isNull() or differing == 0:
            raise CheckFailed("the main window drew nothing")
        works = catalogue.counts()["work"]
        shown = window.findChild(_table_view_class(), "record_list")
        rows = shown.model().rowCount() if shown is not None and shown.model() is not None else None
        if rows is not None and rows != works:
            raise CheckFailed(f"the work list shows {rows} rows for {works} works")
        title = window.windowTitle()
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()
    listed = f", {rows} works listed" if rows is not None else ""
    return f"{title!r} drawn at {image.width()}×{image.height()}{listed}"


def _table_view_class() -> Any:
    from PySide6.QtWidgets import QTableView

    return QTableView


@check("forms", requires="nkarchive.gui.forms")
def _forms(run: SelfTestRun) -> str:
    """Every compiled Qt Designer form is inside and builds its widgets."""
    import importlib
    import pkgutil

    from PySide6.QtWidgets import QDialog, QWidget

    import nkarchive.gui.forms as forms

    _application()
    built: list[str] = []
    for module_info in sorted(pkgutil.iter_modules(forms.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{forms.__name__}.{module_info.name}")
        for name in dir(module):
            if not name.startswith("Ui_"):
                continue
            top = QDialog() if name.endswith("Dialog") else QWidget()
            getattr(module, name)().setupUi(top)
            if not top.findChildren(QWidget):
                raise CheckFailed(f"{module_info.name}: {name} built no widgets")
            top.deleteLater()
            built.append(module_info.name)
    if not built:
        raise CheckFailed("no compiled forms found in nkarchive.gui.forms")
    return f"{len(built)} forms built: {', '.join(built)}"


@check("timeline", requires="nkarchive.gui.timeline")
def _timeline(run: SelfTestRun) -> str:
    from nkarchive.gui.timeline.canvas import TimelineCanvas
    from nkarchive.timeline.data import load_timeline
    from nkarchive.timeline.filtering import EventFilter

    app = _application()
    catalogue = run.demo()
    data = load_timeline(catalogue, "work", EventFilter(query=""))
    canvas = TimelineCanvas(catalogue, data)
    try:
        canvas.resize(1200, 600)
        canvas.show()
        app.processEvents()
        image = canvas.grab().toImage()
    finally:
        canvas.close()
        canvas.deleteLater()
        app.processEvents()
    events = len(data)
    _differing, colours = _ink(image)
    if events == 0:
        raise CheckFailed("the demo catalogue's timeline has no events")
    if colours < 6:
        raise CheckFailed(f"the timeline of {events} events drew only {colours} colours")
    return f"{events} events drawn at {image.width()}×{image.height()} in {colours} colours"


@check("Hangul font")
def _hangul_font(run: SelfTestRun) -> str:
    """The app's font draws Hangul with the bundled NanumGothic (where the system's own font has
    no Hangul, as here and on most non-Korean machines); where the system font has Hangul, Qt
    uses it, and the bundled font must still draw every glyph."""
    from PySide6.QtGui import QFont

    from nkarchive.gui.fonts import register_bundled_fonts

    app = _application()
    bundled = set(register_bundled_fonts())
    drawn_with = _draw_hangul(app.font())
    if drawn_with <= bundled:
        return f"{HANGUL_SAMPLE!r} drawn with the bundled {', '.join(sorted(drawn_with))}"
    own = _draw_hangul(QFont(sorted(bundled)[0]))
    if not own <= bundled:
        raise CheckFailed(f"the bundled font {sorted(bundled)} cannot draw {HANGUL_SAMPLE!r}")
    return f"drawn with the system's {', '.join(sorted(drawn_with))}; the bundled font draws it too"


def _draw_hangul(font: Any) -> set[str]:
    """Lay out and paint the sample; the families that drew its Hangul (spaces aside)."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QColor, QFontDatabase, QImage, QPainter, QTextLayout

    layout = QTextLayout(HANGUL_SAMPLE, font)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(2000)
    layout.endLayout()
    families: set[str] = set()
    for glyphs in layout.glyphRuns():
        family = glyphs.rawFont().familyName()
        if any(index == 0 for index in glyphs.glyphIndexes()):
            raise CheckFailed(f"{family} has no glyph for some of {HANGUL_SAMPLE!r}")
        if QFontDatabase.WritingSystem.Korean in QFontDatabase.writingSystems(family):
            families.add(family)
    if not families:
        raise CheckFailed(f"no font with Hangul drew {HANGUL_SAMPLE!r}")
    image = QImage(600, 60, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setPen(QColor("black"))
    layout.draw(painter, QPointF(4, 4))
    painter.end()
    differing, _colours = _ink(image)
    if differing < 20:
        raise CheckFailed(f"{HANGUL_SAMPLE!r} left the image blank")
    return families
