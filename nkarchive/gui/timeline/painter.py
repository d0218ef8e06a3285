"""Paints the timeline on any QPaintDevice: the widget, a PNG image, an SVG file.

The widget and ``nkarchive timeline`` both call ``TimelinePainter.paint``, so an export is what
the screen shows. What is visible comes from ``nkarchive.timeline.frame``; this file only draws.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetricsF,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
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
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.fillRect(QRectF(0, 0, width, height), QColor("#FFFFFF"))
        axis = build_axis(frame.scale, self._metrics.horizontalAdvance)
        self._paint_lane_backgrounds(painter, frame, layout, state, width)
        painter.save()
        painter.setClipRect(layout.plot)
        self._paint_grid(painter, axis, layout)
        for lane in frame.lanes:
            if lane.marks is not None:
                self._paint_marks(painter, frame, lane, state)
            elif lane.density is not None:
                self._paint_density(painter, frame, lane)
        painter.restore()
        self._paint_headers(painter, frame, layout)
        self._paint_axis(painter, axis, frame, layout, state)
        if self.legend:
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
        kinds = data.kind[positions].tolist()
        types = data.type[positions].tolist()
        flags = data.flags[positions].tolist()
        works = data.work_id[positions].tolist()
        lowers = data.lower[positions].tolist()
        uppers = data.upper[positions].tolist()
        rows = marks.row.tolist()
        x0s, x1s = marks.x0.tolist(), marks.x1.tolist()
        scale = frame.scale
        band = lane.height * 0.72 / ROWS_PER_LANE
        # Spans first, then points, so a point is never hidden under a span.
        order = sorted(range(len(kinds)), key=lambda i: kinds[i] == MarkKind.DAY)
        for i in order:
            top, _ = frame.row_band(lane, rows[i])
            centre_y = top + band / 2
            event_type = data.types[types[i]]
            dimmed = state.highlighted_work is not None and works[i] != state.highlighted_work
            painter.setOpacity(0.28 if dimmed else 1.0)
            kind = MarkKind(kinds[i])
            if kind == MarkKind.DAY:
                self._paint_point(
                    painter, event_type, (x0s[i] + x1s[i]) / 2, centre_y, band * 0.62, flags[i]
                )
            elif x1s[i] - x0s[i] < band * 1.1:
                # Too narrow to show its kind at this zoom: the type's shape on a thin stem.
                painter.setPen(QPen(QColor(style.style_for(event_type).colour).darker(135), 1.2))
                painter.drawLine(QLineF(x0s[i], centre_y, x1s[i], centre_y))
                self._paint_point(
                    painter, event_type, (x0s[i] + x1s[i]) / 2, centre_y, band * 0.5, flags[i]
                )
            else:
                strict = scale.span(lowers[i], uppers[i])
                self._paint_span(
                    painter,
                    kind,
                    event_type,
                    x0s[i],
                    x1s[i],
                    strict,
                    centre_y,
                    band * 0.74,
                    flags[i],
                )
            selected = state.selected is not None and int(positions[i]) == state.selected
            highlighted = state.highlighted_work is not None and not dimmed
            if selected or highlighted:
                painter.setOpacity(1.0)
                self._paint_halo(painter, x0s[i], x1s[i], centre_y, band, kind, selected)
        painter.setOpacity(1.0)

    def _paint_point(
        self, painter: QPainter, event_type: str, x: float, y: float, radius: float, flags: int
    ) -> None:
        type_style = style.style_for(event_type)
        colour = QColor(type_style.colour)
        path = self.shape(event_type, round(radius, 1)).translated(QPointF(x, y))
        outline = QPen(
            style.INK if not type_style.hollow else colour, 1.0 if not type_style.hollow else 2.0
        )
        if flags & UNCERTAIN:
            outline.setStyle(Qt.PenStyle.DotLine)
            outline.setColor(style.INK)
            outline.setWidthF(1.6)
        painter.setPen(outline)
        painter.setBrush(Qt.BrushStyle.NoBrush if type_style.hollow else QBrush(colour))
        painter.drawPath(path)

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
        type_style = style.style_for(event_type)
        colour = QColor(type_style.colour)
        fill = QColor(colour)
        fill.setAlphaF(0.5)
        edge = QColor(colour).darker(135)
        top = y - height / 2
        rect = QRectF(x0, top, max(x1 - x0, 1.5), height)
        painter.setPen(Qt.PenStyle.NoPen)
        if kind == MarkKind.PERIOD:
            painter.setBrush(fill)
            painter.drawRect(rect)
            painter.setPen(QPen(edge, 1.2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect)
        elif kind == MarkKind.APPROXIMATE:
            # Solid over the strict bounds, fading to nothing at the fuzzy bounds.
            left, right = strict
            gradient = QLinearGradient(x0, 0, x1, 0)
            clear = QColor(colour)
            clear.setAlphaF(0.0)
            width = max(x1 - x0, 1e-6)
            gradient.setColorAt(0.0, clear)
            gradient.setColorAt(min(max((left - x0) / width, 0.0), 0.5), fill)
            gradient.setColorAt(min(max((right - x0) / width, 0.5), 1.0), fill)
            gradient.setColorAt(1.0, clear)
            painter.setBrush(QBrush(gradient))
            painter.drawRect(rect)
            painter.setPen(QPen(edge, 1.2))
            painter.drawLine(QLineF(left, top, right, top))
            painter.drawLine(QLineF(left, top + height, right, top + height))
        elif kind == MarkKind.UNSPECIFIED:
            light = QColor(colour)
            light.setAlphaF(0.16)
            painter.setBrush(light)
            painter.drawRect(rect)
            painter.save()
            painter.setClipRect(rect, Qt.ClipOperation.IntersectClip)
            painter.setPen(QPen(edge, 1.4))
            step = 6.0
            start = x0 - height
            count = int((x1 - start) / step) + 2
            painter.drawLines(
                [
                    QLineF(start + k * step, top + height, start + k * step + height, top)
                    for k in range(count)
                ]
            )
            painter.restore()
            pen = QPen(edge, 1.2, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect)
        elif kind == MarkKind.RANGE:
            light = QColor(colour)
            light.setAlphaF(0.3)
            painter.setBrush(light)
            painter.drawRect(rect)
            painter.setPen(QPen(edge, 2.2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
            cap = height * 0.5
            painter.drawLine(
                QLineF(rect.left() + 1, top - cap / 2, rect.left() + 1, top + height + cap / 2)
            )
            painter.drawLine(
                QLineF(rect.right() - 1, top - cap / 2, rect.right() - 1, top + height + cap / 2)
            )
            painter.drawLine(QLineF(rect.left(), y, rect.right(), y))
        else:  # OPEN: solid at the known end, fading out towards the open one
            gradient = QLinearGradient(x0, 0, x1, 0)
            clear = QColor(colour)
            clear.setAlphaF(0.0)
            solid = QColor(colour)
            solid.setAlphaF(0.85)
            open_start = bool(flags & OPEN_START)
            gradient.setColorAt(0.0, clear if open_start else solid)
            gradient.setColorAt(1.0, solid if open_start else clear)
            painter.setBrush(QBrush(gradient))
            painter.drawRect(rect)
            painter.setPen(QPen(edge, 2.2))
            known = rect.right() - 1 if open_start else rect.left() + 1
            painter.drawLine(QLineF(known, top - 2, known, top + height + 2))
        if flags & UNCERTAIN:
            pen = QPen(style.INK, 1.4, Qt.PenStyle.DotLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(-2, -2, 2, 2))
        # The type's shape at the start of the span, so the type reads without colour.
        if rect.width() >= height * 1.4:
            marker_x = (
                max(rect.left() + height * 0.75, strict[0] + height * 0.75)
                if kind == MarkKind.APPROXIMATE
                else rect.left() + height * 0.75
            )
            if kind == MarkKind.OPEN and flags & OPEN_START:
                marker_x = rect.right() - height * 0.75
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

    def _paint_density(self, painter: QPainter, frame: Frame, lane: LaneFrame) -> None:
        counts = lane.density
        assert counts is not None
        peak = float(counts.max()) if counts.size else 0.0
        if peak <= 0:
            return
        # Square root: a column with a quarter of the peak still reads at half strength.
        strength = np.sqrt(counts / peak)
        alpha = np.where(counts > 0, 0.12 + 0.88 * strength, 0.0)
        rgba = np.zeros((1, counts.size, 4), dtype=np.uint8)
        base = style.DENSITY
        rgba[0, :, 0] = base.red()
        rgba[0, :, 1] = base.green()
        rgba[0, :, 2] = base.blue()
        rgba[0, :, 3] = (alpha * 255).astype(np.uint8)
        image = QImage(
            rgba.tobytes(), counts.size, 1, counts.size * 4, QImage.Format.Format_RGBA8888
        )
        top = lane.top + lane.height * 0.2
        target = QRectF(frame.scale.left, top, counts.size, lane.height * 0.6)
        painter.drawImage(target, image)

    # -- headers, axis, legend -----------------------------------------------------------------

    def _paint_headers(self, painter: QPainter, frame: Frame, layout: Layout) -> None:
        painter.save()
        painter.setClipRect(layout.header)
        painter.fillRect(layout.header, style.HEADER_BACKGROUND)
        main_metrics = QFontMetricsF(self.font_lane)
        small_metrics = QFontMetricsF(self.font_lane_small)
        inner = layout.header.width() - 20
        for lane in frame.lanes:
            label = self.labels(self.data.lanes[lane.lane])
            if self.data.group_by == "type":
                event_type = str(self.data.lanes[lane.lane].value)
                self._paint_point(painter, event_type, 16, lane.top + lane.height / 2, 6, 0)
                left = 30.0
            else:
                left = 10.0
            width = inner - left + 10
            painter.setPen(style.INK)
            painter.setFont(self.font_lane)
            room = width - (
                small_metrics.horizontalAdvance(label.secondary) + 10
                if label.secondary and lane.height < 40
                else 0
            )
            main = main_metrics.elidedText(label.main, Qt.TextElideMode.ElideRight, room)
            if label.secondary and lane.height < 40:
                # One line: the name, then the quieter code beside it.
                painter.drawText(
                    QRectF(left, lane.top, width, lane.height),
                    Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                    main,
                )
                painter.setFont(self.font_lane_small)
                painter.setPen(style.QUIET_INK)
                painter.drawText(
                    QRectF(left, lane.top, width, lane.height),
                    Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                    label.secondary,
                )
            elif label.secondary:
                painter.drawText(QPointF(left, lane.top + 18), main)
                painter.setFont(self.font_lane_small)
                painter.setPen(style.QUIET_INK)
                secondary = small_metrics.elidedText(
                    label.secondary, Qt.TextElideMode.ElideRight, width
                )
                painter.drawText(QPointF(left, lane.top + 34), secondary)
            else:
                painter.drawText(
                    QRectF(left, lane.top, width, lane.height),
                    Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                    main,
                )
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
        present = set(np.unique(self.data.type).tolist()) if len(self.data) else set()
        return [t for i, t in enumerate(self.data.types) if i in present]

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
