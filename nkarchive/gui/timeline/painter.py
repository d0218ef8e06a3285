"""Paints the timeline on any QPaintDevice: the widget, a PNG image, an SVG file.

The widget and ``nkarchive timeline`` both call ``TimelinePainter.paint``, so an export is what
the screen shows. What is visible comes from ``nkarchive.timeline.frame``; this file only draws.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from itertools import repeat
from operator import mul

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetricsF,
    QImage,
    QLinearGradient,
    QPaintEngine,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
)

from nkarchive.gui.timeline import style
from nkarchive.gui.timeline.qtfix import guard_none_refcount
from nkarchive.model.vocab import EVENT_TYPES
from nkarchive.timeline.data import TimelineData
from nkarchive.timeline.details import LaneLabels
from nkarchive.timeline.frame import (
    ROWS_PER_LANE,
    Frame,
    LaneFrame,
    LaneGeometry,
    build_frame,
)
from nkarchive.timeline.marks import OPEN_START, UNCERTAIN, MarkKind
from nkarchive.timeline.scale import TimeScale, describe_range
from nkarchive.timeline.ticks import build_axis

HEADER_WIDTH = 250.0
#: Density alpha by share of the lane's peak column, in steps of 1/65535th: none for an empty
#: column, 12% for the faintest, full at the peak (square root: a quarter of the peak reads at
#: half strength).
_ALPHA_STEPS = 65536
_DENSITY_ALPHA = (
    [0]
    + [
        int((0.12 + 0.88 * math.sqrt(step / (_ALPHA_STEPS - 1))) * 255)
        for step in range(1, _ALPHA_STEPS)
    ]
    + [255]
)
AXIS_HEIGHT = 48.0
LEGEND_HEIGHT = 64.0
RIGHT_MARGIN = 14.0


@dataclass(frozen=True)
class ViewState:
    """What the view shows: days ``start..end`` across the plot, lanes scrolled by ``scroll``
    pixels, the selected event (array position) and the work whose events are highlighted."""

    start: float
    end: float
    scroll: float = 0.0
    selected: int | None = None
    highlighted_work: int | None = None
    caption: str = ""


@dataclass(frozen=True)
class Layout:
    header: QRectF
    axis: QRectF
    plot: QRectF
    legend: QRectF


class _TypePaint:
    """The pens, brushes and colours of one event type, made once rather than for every mark."""

    def __init__(self, type_style: style.TypeStyle) -> None:
        colour = QColor(type_style.colour)
        edge = QColor(colour).darker(135)
        self.fill = QColor(colour)
        self.fill.setAlphaF(0.5)
        self.light = QColor(colour)
        self.light.setAlphaF(0.16)
        self.range_fill = QColor(colour)
        self.range_fill.setAlphaF(0.3)
        self.clear = QColor(colour)
        self.clear.setAlphaF(0.0)
        self.solid = QColor(colour)
        self.solid.setAlphaF(0.85)
        self.edge_pen = QPen(edge, 1.2)
        self.hatch_pen = QPen(edge, 1.4)
        self.dashed_pen = QPen(edge, 1.2, Qt.PenStyle.DashLine)
        self.cap_pen = QPen(edge, 2.2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap)
        self.outline = QPen(colour, 2.0) if type_style.hollow else QPen(style.INK, 1.0)
        self.uncertain_outline = QPen(style.INK, 1.6, Qt.PenStyle.DotLine)
        self.point_brush = QBrush(Qt.BrushStyle.NoBrush) if type_style.hollow else QBrush(colour)
        self.stem_pen = QPen(edge, 1.2)


def lane_height_for(data: TimelineData) -> float:
    # A work's lane has two header lines: the Hangul title and its romanized form.
    return 42.0 if data.group_by == "work" else 32.0


class TimelinePainter:
    """Draws one ``TimelineData`` in a given ``ViewState`` at a given size."""

    def __init__(self, data: TimelineData, labels: LaneLabels, *, legend: bool = True) -> None:
        guard_none_refcount()
        self.data = data
        self.labels = labels
        self.legend = legend
        self.lane_height = lane_height_for(data)
        self._paths: dict[tuple[str, float], QPainterPath] = {}
        self._type_paints: dict[str, _TypePaint] = {}
        self._dotted_pen = QPen(style.INK, 1.4, Qt.PenStyle.DotLine)
        base = style.DENSITY
        # The density colour at each alpha, for an 8-bit indexed image of alpha bytes.
        self._density_colours = [
            (alpha << 24) | (base.red() << 16) | (base.green() << 8) | base.blue()
            for alpha in range(256)
        ]
        self._view = (-math.inf, math.inf)  # the plot's extent, while marks are painted
        present = set(data.present_types)
        self._legend_types = [t for i, t in enumerate(data.types) if i in present]
        self._sprites: dict[tuple[str, float, bool, float], QPixmap] = {}
        self._raster = False  # painting on pixels (screen, PNG) rather than vectors (SVG)
        self._ratio = 1.0
        self._legend_cache: tuple[tuple[float, float], QPixmap] | None = None
        self._headers: dict[tuple[int, float, float, float], QPixmap] = {}
        self.font_axis = style.ui_font(12)
        self.font_context = style.ui_font(12, bold=True)
        self.font_lane = style.hangul_font(14, bold=True)
        self.font_lane_small = style.ui_font(11)
        self.font_legend = style.ui_font(11)
        self._metrics = QFontMetricsF(self.font_axis)
        self._context_metrics = QFontMetricsF(self.font_context)

    # -- geometry ------------------------------------------------------------------------------

    def layout(self, width: float, height: float) -> Layout:
        header = min(HEADER_WIDTH, max(120.0, width * 0.24))
        legend = LEGEND_HEIGHT if self.legend else 0.0
        plot = QRectF(
            header,
            AXIS_HEIGHT,
            max(10.0, width - header - RIGHT_MARGIN),
            max(10.0, height - AXIS_HEIGHT - legend),
        )
        return Layout(
            header=QRectF(0, AXIS_HEIGHT, header, plot.height()),
            axis=QRectF(0, 0, width, AXIS_HEIGHT),
            plot=plot,
            legend=QRectF(0, height - legend, width, legend),
        )

    def scale(self, state: ViewState, width: float, height: float) -> TimeScale:
        plot = self.layout(width, height).plot
        return TimeScale(state.start, state.end, plot.left(), plot.width())

    def lane_geometry(self, state: ViewState, width: float, height: float) -> LaneGeometry:
        plot = self.layout(width, height).plot
        return LaneGeometry(plot.top(), plot.height(), self.lane_height, state.scroll)

    def max_scroll(self, width: float, height: float) -> float:
        plot = self.layout(width, height).plot
        return max(0.0, len(self.data.lanes) * self.lane_height - plot.height())

    def frame(self, state: ViewState, width: float, height: float) -> Frame:
        return build_frame(
            self.data, self.scale(state, width, height), self.lane_geometry(state, width, height)
        )

    def shape(self, event_type: str, radius: float) -> QPainterPath:
        key = (event_type, radius)
        found = self._paths.get(key)
        if found is None:
            found = self._paths[key] = style.shape_path(style.style_for(event_type).shape, radius)
        return found

    # -- painting ------------------------------------------------------------------------------

    def paint(self, painter: QPainter, state: ViewState, width: float, height: float) -> Frame:
        """Draw everything; returns the frame (marks and where they are) for hit-testing."""
        layout = self.layout(width, height)
        frame = self.frame(state, width, height)
        engine = painter.paintEngine()
        self._raster = engine is not None and engine.type() == QPaintEngine.Type.Raster
        device = painter.device()
        self._ratio = float(device.devicePixelRatioF()) if device is not None else 1.0
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.fillRect(QRectF(0, 0, width, height), QColor("#FFFFFF"))
        axis = build_axis(frame.scale, self._metrics.horizontalAdvance)
        self._paint_lane_backgrounds(painter, frame, layout, state, width)
        painter.save()
        painter.setClipRect(layout.plot)
        self._paint_grid(painter, axis, layout)
        self._view = (layout.plot.left() - 20, layout.plot.right() + 20)
        shades = self._density_shades(frame)
        for lane in frame.lanes:
            if lane.marks is not None:
                self._paint_marks(painter, frame, lane, state)
            elif lane.lane in shades:
                self._paint_density(painter, lane, *shades[lane.lane])
        self._view = (-math.inf, math.inf)
        painter.restore()
        self._paint_headers(painter, frame, layout)
        self._paint_axis(painter, axis, frame, layout, state)
        if self.legend and self._raster:
            painter.drawPixmap(layout.legend.topLeft(), self._legend_pixmap(layout))
        elif self.legend:
            self._paint_legend(painter, layout)
        if not len(self.data):
            painter.setPen(style.QUIET_INK)
            painter.setFont(style.ui_font(15))
            painter.drawText(
                layout.plot, Qt.AlignmentFlag.AlignCenter, "No dated events match the filter"
            )
        return frame

    def _paint_lane_backgrounds(
        self, painter: QPainter, frame: Frame, layout: Layout, state: ViewState, width: float
    ) -> None:
        painter.save()
        painter.setClipRect(QRectF(0, layout.plot.top(), width, layout.plot.height()))
        highlighted = state.highlighted_work
        for lane in frame.lanes:
            colour = style.LANE_ODD if lane.lane % 2 else style.LANE_EVEN
            key = self.data.lanes[lane.lane]
            if highlighted is not None and key.kind == "work" and key.value == highlighted:
                colour = style.LANE_SELECTED
            painter.fillRect(QRectF(0, lane.top, width, lane.height), colour)
        painter.restore()

    def _paint_grid(self, painter: QPainter, axis: object, layout: Layout) -> None:
        top, bottom = layout.plot.top(), layout.plot.bottom()
        painter.setPen(QPen(style.MINOR_GRID, 1))
        painter.drawLines([QLineF(x, top, x, bottom) for x in axis.minor])  # type: ignore[attr-defined]
        painter.setPen(QPen(style.GRID, 1))
        painter.drawLines([QLineF(x, top, x, bottom) for x in axis.major])  # type: ignore[attr-defined]

    # -- marks ---------------------------------------------------------------------------------

    def _paint_marks(
        self, painter: QPainter, frame: Frame, lane: LaneFrame, state: ViewState
    ) -> None:
        marks = lane.marks
        assert marks is not None
        data = self.data
        positions = marks.positions
        scale = frame.scale
        band = lane.height * 0.72 / ROWS_PER_LANE
        first_top, _ = frame.row_band(lane, 0)
        # Everything per mark as plain lists first: the loop below only draws.
        centres_y = [first_top + band / 2 + row * band for row in marks.row]
        kinds = [data.kind[p] for p in positions]
        types = [data.type[p] for p in positions]
        flags = [data.flags[p] for p in positions]
        works = [data.work_id[p] for p in positions]
        strict_left = [scale.x(data.lower[p]) for p in positions]
        strict_right = [scale.x(data.upper[p] + 1.0) for p in positions]
        x0s, x1s = marks.x0, marks.x1
        wanted = positions
        names = data.types
        highlighted_work = state.highlighted_work
        selected_position = state.selected
        day, point_radius, narrow_radius = int(MarkKind.DAY), band * 0.62, band * 0.5
        narrow, span_height = band * 1.1, band * 0.74
        opacity = 1.0
        # Spans first, then points, so a point is never hidden under a span.
        order = sorted(range(len(kinds)), key=lambda i: kinds[i] == day)
        for i in order:
            centre_y = centres_y[i]
            event_type = names[types[i]]
            dimmed = highlighted_work is not None and works[i] != highlighted_work
            wanted_opacity = 0.28 if dimmed else 1.0
            if wanted_opacity != opacity:
                painter.setOpacity(wanted_opacity)
                opacity = wanted_opacity
            x0, x1 = x0s[i], x1s[i]
            kind = kinds[i]
            if kind == day:
                self._paint_point(
                    painter, event_type, (x0 + x1) / 2, centre_y, point_radius, flags[i]
                )
            elif x1 - x0 < narrow:
                # Too narrow to show its kind at this zoom: the type's shape on a thin stem.
                if x1 - x0 > 4:
                    painter.setPen(self._type_paint(event_type).stem_pen)
                    painter.drawLine(QLineF(x0, centre_y, x1, centre_y))
                self._paint_point(
                    painter, event_type, (x0 + x1) / 2, centre_y, narrow_radius, flags[i]
                )
            else:
                self._paint_span(
                    painter, MarkKind(kind), event_type, x0, x1,
                    (strict_left[i], strict_right[i]), centre_y, span_height, flags[i],
                )  # fmt: skip
            selected = selected_position is not None and wanted[i] == selected_position
            if selected or (highlighted_work is not None and not dimmed):
                if opacity != 1.0:
                    painter.setOpacity(1.0)
                    opacity = 1.0
                self._paint_halo(painter, x0, x1, centre_y, band, MarkKind(kind), selected)
        if opacity != 1.0:
            painter.setOpacity(1.0)

    def _type_paint(self, event_type: str) -> _TypePaint:
        found = self._type_paints.get(event_type)
        if found is None:
            found = self._type_paints[event_type] = _TypePaint(style.style_for(event_type))
        return found

    def _paint_point(
        self, painter: QPainter, event_type: str, x: float, y: float, radius: float, flags: int
    ) -> None:
        radius = round(radius, 1)
        if self._raster:
            # On screen and in PNGs a mark is a ready-made image: one call instead of four.
            sprite = self._sprite(event_type, radius, bool(flags & UNCERTAIN))
            half = sprite.width() / 2 / sprite.devicePixelRatio()
            painter.drawPixmap(QPointF(x - half, y - half), sprite)
            return
        paints = self._type_paint(event_type)
        path = self.shape(event_type, radius).translated(QPointF(x, y))
        painter.setPen(paints.uncertain_outline if flags & UNCERTAIN else paints.outline)
        painter.setBrush(paints.point_brush)
        painter.drawPath(path)

    def _sprite(self, event_type: str, radius: float, uncertain: bool) -> QPixmap:
        key = (event_type, radius, uncertain, self._ratio)
        found = self._sprites.get(key)
        if found is None:
            size = math.ceil(2 * radius + 6)
            found = QPixmap(round(size * self._ratio), round(size * self._ratio))
            found.setDevicePixelRatio(self._ratio)
            found.fill(Qt.GlobalColor.transparent)
            sprite_painter = QPainter(found)
            sprite_painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            paints = self._type_paint(event_type)
            sprite_painter.setPen(paints.uncertain_outline if uncertain else paints.outline)
            sprite_painter.setBrush(paints.point_brush)
            sprite_painter.drawPath(self.shape(event_type, radius).translated(size / 2, size / 2))
            sprite_painter.end()
            self._sprites[key] = found
        return found

    def _paint_span(
        self,
        painter: QPainter,
        kind: MarkKind,
        event_type: str,
        x0: float,
        x1: float,
        strict: tuple[float, float],
        y: float,
        height: float,
        flags: int,
    ) -> None:
        paints = self._type_paint(event_type)
        top = y - height / 2
        rect = QRectF(x0, top, max(x1 - x0, 1.5), height)
        # Only the part in view is drawn: a decade at a week's zoom is a million pixels wide.
        view_left, view_right = self._view
        left_shown, right_shown = max(rect.left(), view_left), min(rect.right(), view_right)
        if right_shown < left_shown:
            return
        shown = QRectF(left_shown, top, right_shown - left_shown, height)
        painter.setPen(Qt.PenStyle.NoPen)
        if kind == MarkKind.PERIOD:
            painter.setBrush(paints.fill)
            painter.setPen(paints.edge_pen)
            painter.drawRect(shown)
        elif kind == MarkKind.APPROXIMATE:
            # Solid over the strict bounds, fading to nothing at the fuzzy bounds.
            left, right = strict
            gradient = QLinearGradient(x0, 0, x1, 0)
            width = max(x1 - x0, 1e-6)
            gradient.setColorAt(0.0, paints.clear)
            gradient.setColorAt(min(max((left - x0) / width, 0.0), 0.5), paints.fill)
            gradient.setColorAt(min(max((right - x0) / width, 0.5), 1.0), paints.fill)
            gradient.setColorAt(1.0, paints.clear)
            painter.setBrush(QBrush(gradient))
            painter.drawRect(shown)
            painter.setPen(paints.edge_pen)
            left, right = max(left, left_shown), min(right, right_shown)
            if left < right:
                painter.drawLine(QLineF(left, top, right, top))
                painter.drawLine(QLineF(left, top + height, right, top + height))
        elif kind == MarkKind.UNSPECIFIED:
            painter.setBrush(paints.light)
            painter.drawRect(shown)
            painter.save()
            painter.setClipRect(shown, Qt.ClipOperation.IntersectClip)
            painter.setPen(paints.hatch_pen)
            step = 6.0
            # Hatch lines keep their place on the span as it pans: start on its own grid.
            origin = x0 - height
            start = origin + math.floor((left_shown - height - origin) / step) * step
            count = int((right_shown - start) / step) + 2
            painter.drawLines(
                [
                    QLineF(start + k * step, top + height, start + k * step + height, top)
                    for k in range(count)
                ]
            )
            painter.restore()
            painter.setPen(paints.dashed_pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(shown)
        elif kind == MarkKind.RANGE:
            painter.setBrush(paints.range_fill)
            painter.drawRect(shown)
            painter.setPen(paints.cap_pen)
            cap = height * 0.5
            for edge_x in (rect.left() + 1, rect.right() - 1):
                if view_left <= edge_x <= view_right:
                    painter.drawLine(QLineF(edge_x, top - cap / 2, edge_x, top + height + cap / 2))
            painter.drawLine(QLineF(left_shown, y, right_shown, y))
        else:  # OPEN: solid at the known end, fading out towards the open one
            gradient = QLinearGradient(x0, 0, x1, 0)
            open_start = bool(flags & OPEN_START)
            gradient.setColorAt(0.0, paints.clear if open_start else paints.solid)
            gradient.setColorAt(1.0, paints.solid if open_start else paints.clear)
            painter.setBrush(QBrush(gradient))
            painter.drawRect(shown)
            painter.setPen(paints.cap_pen)
            known = rect.right() - 1 if open_start else rect.left() + 1
            painter.drawLine(QLineF(known, top - 2, known, top + height + 2))
        if flags & UNCERTAIN:
            painter.setPen(self._dotted_pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(shown.adjusted(-2, -2, 2, 2))
        # The type's shape at the start of the span (or of its part in view), so the type reads
        # without colour.
        if rect.width() >= height * 1.4:
            inset = height * 0.75
            if kind == MarkKind.OPEN and flags & OPEN_START:
                marker_x = min(rect.right(), view_right) - inset
            elif kind == MarkKind.APPROXIMATE:
                marker_x = max(strict[0], left_shown) + inset
            else:
                marker_x = left_shown + inset
            self._paint_point(painter, event_type, marker_x, y, height * 0.42, 0)

    def _paint_halo(
        self,
        painter: QPainter,
        x0: float,
        x1: float,
        y: float,
        band: float,
        kind: MarkKind,
        selected: bool,
    ) -> None:
        pen = QPen(style.SELECTION if selected else QColor("#444B5A"), 2.4 if selected else 1.4)
        if not selected:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if kind == MarkKind.DAY:
            radius = band * 0.62 + 4
            painter.drawEllipse(QPointF((x0 + x1) / 2, y), radius, radius)
        else:
            painter.drawRoundedRect(QRectF(x0 - 3, y - band * 0.55, x1 - x0 + 6, band * 1.1), 3, 3)

    def _density_shades(self, frame: Frame) -> dict[int, tuple[QImage, int]]:
        """Every dense lane's shade as one row of an image (one image per width of strip, so
        one for a whole frame as a rule), and the row of each lane.

        A row is the lane's alpha by pixel column: the square root of the column's share of
        the lane's peak, from a table over 1/65535ths of the peak (C-level maps, no loop per
        column). The rows are made as alpha bytes of an indexed image and converted to pixels
        once, instead of a small image per lane."""
        rows_by_width: dict[int, list[tuple[int, bytes]]] = {}
        for lane in frame.lanes:
            counts = lane.density
            if lane.marks is not None or not counts:
                continue
            peak = max(counts)
            if peak <= 0:
                continue
            steps = map(math.ceil, map(mul, counts, repeat((_ALPHA_STEPS - 1) / peak)))
            alpha = bytes(map(_DENSITY_ALPHA.__getitem__, steps))
            rows_by_width.setdefault(len(counts), []).append((lane.lane, alpha))
        shades: dict[int, tuple[QImage, int]] = {}
        for width, rows in rows_by_width.items():
            alphas = b"".join(alpha for _, alpha in rows)
            indexed = QImage(alphas, width, len(rows), width, QImage.Format.Format_Indexed8)
            indexed.setColorTable(self._density_colours)
            # Unpremultiplied RGBA, as each lane's own image was: Qt draws it scaled with
            # antialiased edges (a premultiplied image would be drawn with hard ones).
            image = indexed.convertToFormat(QImage.Format.Format_RGBA8888)
            for row, (lane_number, _) in enumerate(rows):
                shades[lane_number] = (image, row)
        return shades

    def _paint_density(self, painter: QPainter, lane: LaneFrame, image: QImage, row: int) -> None:
        width = image.width()
        top = lane.top + lane.height * 0.2
        target = QRectF(lane.density_left, top, width * lane.density_step, lane.height * 0.6)
        if self._raster:
            painter.drawImage(target, image, QRectF(0, row, width, 1))
        else:
            # Vector engines (SVG) may not honour a source rectangle: give them the row alone.
            painter.drawImage(target, image.copy(0, row, width, 1))

    # -- headers, axis, legend -----------------------------------------------------------------

    def _paint_headers(self, painter: QPainter, frame: Frame, layout: Layout) -> None:
        painter.save()
        painter.setClipRect(layout.header)
        painter.fillRect(layout.header, style.HEADER_BACKGROUND)
        inner = layout.header.width() - 20
        # Lanes just above and below come into view next: read their headers now, in one go.
        if frame.lanes:
            first, last = frame.lanes[0].lane, frame.lanes[-1].lane
            self.labels.prefetch(self.data.lanes[max(0, first - 20) : last + 21])
        for lane in frame.lanes:
            if self._raster:
                # A header is drawn once into an image and then copied while it stays in view.
                image = self._header_pixmap(lane.lane, layout.header.width(), lane.height)
                painter.drawPixmap(QPointF(0, lane.top), image)
            else:
                self._paint_header(painter, lane.lane, lane.top, lane.height, inner)
        painter.setPen(QPen(style.GRID, 1))
        painter.drawLine(
            QLineF(
                layout.header.right(),
                layout.header.top(),
                layout.header.right(),
                layout.header.bottom(),
            )
        )
        painter.restore()

    def _header_pixmap(self, lane_number: int, width: float, height: float) -> QPixmap:
        key = (lane_number, width, height, self._ratio)
        found = self._headers.get(key)
        if found is None:
            if len(self._headers) > 400:
                self._headers.clear()
            found = QPixmap(round(width * self._ratio), round(height * self._ratio))
            found.setDevicePixelRatio(self._ratio)
            found.fill(Qt.GlobalColor.transparent)
            header_painter = QPainter(found)
            header_painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            header_painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
            self._paint_header(header_painter, lane_number, 0.0, height, width - 20)
            header_painter.end()
            self._headers[key] = found
        return found

    def _paint_header(
        self, painter: QPainter, lane_number: int, top: float, height: float, inner: float
    ) -> None:
        main_metrics = QFontMetricsF(self.font_lane)
        small_metrics = QFontMetricsF(self.font_lane_small)
        label = self.labels(self.data.lanes[lane_number])
        if self.data.group_by == "type":
            event_type = str(self.data.lanes[lane_number].value)
            self._paint_point(painter, event_type, 16, top + height / 2, 6, 0)
            left = 30.0
        else:
            left = 10.0
        width = inner - left + 10
        painter.setPen(style.INK)
        painter.setFont(self.font_lane)
        room = width - (
            small_metrics.horizontalAdvance(label.secondary) + 10
            if label.secondary and height < 40
            else 0
        )
        main = main_metrics.elidedText(label.main, Qt.TextElideMode.ElideRight, room)
        if label.secondary and height < 40:
            # One line: the name, then the quieter code beside it.
            painter.drawText(
                QRectF(left, top, width, height),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                main,
            )
            painter.setFont(self.font_lane_small)
            painter.setPen(style.QUIET_INK)
            painter.drawText(
                QRectF(left, top, width, height),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                label.secondary,
            )
        elif label.secondary:
            painter.drawText(QPointF(left, top + 18), main)
            painter.setFont(self.font_lane_small)
            painter.setPen(style.QUIET_INK)
            secondary = small_metrics.elidedText(
                label.secondary, Qt.TextElideMode.ElideRight, width
            )
            painter.drawText(QPointF(left, top + 34), secondary)
        else:
            painter.drawText(
                QRectF(left, top, width, height),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                main,
            )

    def _paint_axis(
        self, painter: QPainter, axis: object, frame: Frame, layout: Layout, state: ViewState
    ) -> None:
        rect = layout.axis
        painter.fillRect(rect, QColor("#FFFFFF"))
        bottom = rect.bottom()
        painter.setPen(QPen(style.INK, 1))
        painter.drawLine(
            QLineF(layout.plot.left(), bottom - 0.5, layout.plot.right(), bottom - 0.5)
        )
        painter.save()
        painter.setClipRect(
            QRectF(layout.plot.left() - 1, 0, layout.plot.width() + 2, rect.height())
        )
        painter.setPen(QPen(style.QUIET_INK, 1))
        painter.drawLines([QLineF(x, bottom - 4, x, bottom) for x in axis.minor])  # type: ignore[attr-defined]
        painter.setPen(QPen(style.INK, 1))
        painter.drawLines([QLineF(x, bottom - 10, x, bottom) for x in axis.major])  # type: ignore[attr-defined]
        painter.setFont(self.font_axis)
        for label in axis.labels:  # type: ignore[attr-defined]
            painter.drawText(QPointF(label.x, bottom - 13), label.text)
        painter.setFont(self.font_context)
        for label in axis.context:  # type: ignore[attr-defined]
            painter.drawText(QPointF(label.x, 17), label.text)
            painter.drawLine(QLineF(label.anchor_x, 4, label.anchor_x, 20))
        painter.restore()
        # The corner: the visible range and how many events the filter shows.
        painter.setPen(style.INK)
        painter.setFont(self.font_context)
        corner = QRectF(10, 4, layout.header.width() - 16, rect.height() - 8)
        title = self._context_metrics.elidedText(
            describe_range(frame.scale), Qt.TextElideMode.ElideRight, corner.width()
        )
        painter.drawText(corner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, title)
        painter.setFont(self.font_lane_small)
        painter.setPen(style.QUIET_INK)
        count = len(self.data)
        lanes = len(self.data.lanes)
        summary = f"{count:,} events · {lanes:,} {'lane' if lanes == 1 else 'lanes'}"
        if state.caption:
            summary += f" · {state.caption}"
        summary = QFontMetricsF(self.font_lane_small).elidedText(
            summary, Qt.TextElideMode.ElideRight, corner.width()
        )
        painter.drawText(corner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, summary)

    def legend_entries(self) -> list[str]:
        """Event types present in the data, in vocabulary order."""
        return self._legend_types

    def _legend_pixmap(self, layout: Layout) -> QPixmap:
        """The legend changes only with the width: drawn once, then copied."""
        key = (layout.legend.width(), self._ratio)
        if self._legend_cache is None or self._legend_cache[0] != key:
            pixmap = QPixmap(
                round(layout.legend.width() * self._ratio),
                round(layout.legend.height() * self._ratio),
            )
            pixmap.setDevicePixelRatio(self._ratio)
            pixmap.fill(QColor("#FAFBFC"))
            legend_painter = QPainter(pixmap)
            legend_painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            legend_painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
            moved = QRectF(0, 0, layout.legend.width(), layout.legend.height())
            self._paint_legend(legend_painter, replace(layout, legend=moved))
            legend_painter.end()
            self._legend_cache = (key, pixmap)
        return self._legend_cache[1]

    def _paint_legend(self, painter: QPainter, layout: Layout) -> None:
        rect = layout.legend
        painter.fillRect(rect, QColor("#FAFBFC"))
        painter.setPen(QPen(style.GRID, 1))
        painter.drawLine(QLineF(rect.left(), rect.top() + 0.5, rect.right(), rect.top() + 0.5))
        painter.setFont(self.font_legend)
        metrics = QFontMetricsF(self.font_legend)
        x, y = 12.0, rect.top() + 18
        for event_type in self.legend_entries():
            text = EVENT_TYPES.label(event_type)
            needed = 18 + metrics.horizontalAdvance(text) + 16
            if x + needed > rect.right():
                break
            self._paint_point(painter, event_type, x + 6, y - 4, 6, 0)
            painter.setPen(style.INK)
            painter.drawText(QPointF(x + 16, y), text)
            x += needed
        x, y = 12.0, rect.top() + 46
        sample_type = "screening" if "screening" in self.data.types else self.data.types[0]
        samples = [
            ("known day", MarkKind.DAY, 0),
            ("month or year", MarkKind.PERIOD, 0),
            ("circa (~)", MarkKind.APPROXIMATE, 0),
            ("unspecified (198X)", MarkKind.UNSPECIFIED, 0),
            ("range (1985/1987)", MarkKind.RANGE, 0),
            ("open end ([..1972])", MarkKind.OPEN, OPEN_START),
            ("uncertain (?)", MarkKind.PERIOD, UNCERTAIN),
        ]
        for text, kind, flags in samples:
            needed = 46 + metrics.horizontalAdvance(text) + 18
            if x + needed > rect.right():
                break
            if kind == MarkKind.DAY:
                self._paint_point(painter, sample_type, x + 18, y - 4, 6, flags)
            else:
                x0, x1 = x, x + 38
                strict = (x0 + 9, x1 - 9) if kind == MarkKind.APPROXIMATE else (x0, x1)
                self._paint_span(painter, kind, sample_type, x0, x1, strict, y - 4, 9, flags)
            painter.setPen(style.INK)
            painter.setFont(self.font_legend)
            painter.drawText(QPointF(x + 46, y), text)
            x += needed
        text = "density: too many to show one by one"
        needed = 46 + metrics.horizontalAdvance(text)
        if x + needed <= rect.right():
            gradient = QLinearGradient(x, 0, x + 38, 0)
            light = QColor(style.DENSITY)
            light.setAlphaF(0.15)
            gradient.setColorAt(0, light)
            gradient.setColorAt(1, style.DENSITY)
            painter.fillRect(QRectF(x, y - 9, 38, 10), QBrush(gradient))
            painter.setPen(style.INK)
            painter.drawText(QPointF(x + 46, y), text)


def with_view(state: ViewState, **changes: object) -> ViewState:
    return replace(state, **changes)  # type: ignore[arg-type]
