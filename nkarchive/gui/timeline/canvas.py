"""The timeline canvas: paints through TimelinePainter and handles zoom, pan, hover and clicks.

Keys: + and - zoom around the pointer; arrows pan (left/right through time, up/down through
lanes); Page Up/Down scroll a screen of lanes; Home fits everything; Ctrl+Left/Right move to the
previous or next event in the lane, Ctrl+Up/Down to the nearest event in the lane above or below;
Enter opens the selected event; Escape clears the selection.
"""

from __future__ import annotations

import math
from bisect import bisect_left

from PySide6.QtCore import QEvent, QPoint, QPointF, QSize, Qt, Signal
from PySide6.QtGui import (
    QKeyEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QGestureEvent, QPinchGesture, QSizePolicy, QToolTip, QWidget

from nkarchive.gui.timeline.painter import TimelinePainter, ViewState, with_view
from nkarchive.store.catalogue import Catalogue
from nkarchive.timeline.data import TimelineData
from nkarchive.timeline.details import LaneLabels, event_details
from nkarchive.timeline.frame import Frame
from nkarchive.timeline.scale import TimeScale, describe_range

ZOOM_STEP = 1.25
PAN_FRACTION = 0.1
CLICK_SLOP = 4


class TimelineCanvas(QWidget):
    """The drawn timeline. ``event_activated`` carries the UUID of a clicked (or Enter-ed) event."""

    event_activated = Signal(str)
    selection_changed = Signal(str)  # the selected event's UUID, "" when none
    range_changed = Signal(str)  # the visible range as text

    def __init__(
        self, catalogue: Catalogue, data: TimelineData, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self.labels = LaneLabels(catalogue)
        self.setObjectName("timeline_canvas")
        self.setAccessibleName("Timeline")
        self.setAccessibleDescription(
            "Events on a time axis. Plus and minus zoom, arrows pan, Control with arrows moves "
            "between events, Enter opens the selected event. The table view lists the same events."
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.grabGesture(Qt.GestureType.PinchGesture)
        self._press: QPointF | None = None
        self._last_drag: QPointF | None = None
        self._dragged = False
        self._frame: Frame | None = None
        self.painter_ = TimelinePainter(data, self.labels)
        self.state = ViewState(0.0, 1.0)
        self.set_data(data)

    # -- data and state ------------------------------------------------------------------------

    @property
    def data(self) -> TimelineData:
        return self.painter_.data

    def set_data(self, data: TimelineData, *, keep_range: bool = False) -> None:
        """Show new data (after a filter or grouping change)."""
        selected_id = self.selected_event_id()
        self.painter_ = TimelinePainter(data, self.labels)
        selected = data.index_of(selected_id) if selected_id is not None else None
        self.state = with_view(self.state, scroll=0.0, selected=selected)
        if not keep_range or self.state.end - self.state.start <= 1.0:
            self.fit_all()
        else:
            self._changed()

    def sizeHint(self) -> QSize:
        return QSize(1000, 600)

    def scale(self) -> TimeScale:
        return self.painter_.scale(self.state, self.width(), self.height())

    def range_text(self) -> str:
        return describe_range(self.scale())

    def set_range(self, start: float, end: float) -> None:
        self.state = with_view(self.state, start=start, end=end)
        self._changed()

    def _set_scale(self, scale: TimeScale) -> None:
        self.set_range(scale.start, scale.end)

    def _changed(self) -> None:
        self._frame = None
        self.update()
        self.range_changed.emit(self.range_text())

    def _scroll_to(self, scroll: float) -> None:
        limit = self.painter_.max_scroll(self.width(), self.height())
        self.state = with_view(self.state, scroll=min(max(0.0, scroll), limit))
        self._frame = None
        self.update()

    # -- navigation ----------------------------------------------------------------------------

    def zoom(self, factor: float, anchor_x: float | None = None) -> None:
        scale = self.scale()
        if anchor_x is None or not (scale.left <= anchor_x <= scale.left + scale.width):
            anchor_x = scale.left + scale.width / 2
        self._set_scale(scale.zoomed(factor, anchor_x))

    def pan_pixels(self, dx: float, dy: float = 0.0) -> None:
        if dx:
            self._set_scale(self.scale().panned(dx))
        if dy:
            self._scroll_to(self.state.scroll - dy)

    def fit_all(self) -> None:
        extent = self.data.extent()
        scale = self.scale()
        if extent is None:
            import datetime as dt

            extent = (dt.date(1945, 1, 1).toordinal(), dt.date(2025, 12, 31).toordinal())
        self._set_scale(scale.fitted(*extent))

    def fit_selection(self) -> None:
        """Fit the selected event, or the highlighted work's events; otherwise everything."""
        positions: list[int]
        if self.state.selected is not None:
            positions = [self.state.selected]
        elif self.state.highlighted_work is not None:
            positions = self.data.positions_of_work(self.state.highlighted_work)
        else:
            positions = []
        if not positions:
            self.fit_all()
            return
        lower = min(self.data.draw_lower[p] for p in positions)
        upper = max(self.data.draw_upper[p] for p in positions)
        # A single day is shown with a month around it, so it has context.
        if upper - lower < 30:
            middle = (lower + upper) // 2
            lower, upper = middle - 15, middle + 15
        self._set_scale(self.scale().fitted(lower, upper, margin=0.15))
        self.ensure_lane_visible(self.data.lane[positions[0]])

    def scroll_to_events(self) -> None:
        """Scroll so the first lane with an event in the visible time range is at the top."""
        scale = self.scale()
        data = self.data
        # Lane by lane, counted by bisection: no look at every event.
        for lane in range(len(data.lanes)):
            if data.count_in_lane(lane, scale.start, scale.end - 1e-9):
                self._scroll_to(lane * self.painter_.lane_height)
                return

    def ensure_lane_visible(self, lane: int) -> None:
        geometry = self.painter_.lane_geometry(self.state, self.width(), self.height())
        top = lane * geometry.lane_height
        if top < self.state.scroll:
            self._scroll_to(top)
        elif top + geometry.lane_height > self.state.scroll + geometry.height:
            self._scroll_to(top + geometry.lane_height - geometry.height)

    # -- selection -----------------------------------------------------------------------------

    def selected_event_id(self) -> int | None:
        if self.state.selected is None:
            return None
        return int(self.data.event_id[self.state.selected])

    def event_uuid(self, position: int) -> str:
        with self.catalogue.engine.connect() as connection:
            row = connection.exec_driver_sql(
                "SELECT uuid FROM event WHERE id = :id", {"id": int(self.data.event_id[position])}
            ).fetchone()
        return str(row[0]) if row else ""

    def select_position(self, position: int | None, *, activate: bool = False) -> None:
        self.state = with_view(self.state, selected=position)
        self._frame = None
        self.update()
        uuid = self.event_uuid(position) if position is not None else ""
        self.selection_changed.emit(uuid)
        if position is not None:
            self.ensure_lane_visible(int(self.data.lane[position]))
            scale = self.scale()
            x0 = scale.x(float(self.data.draw_lower[position]))
            x1 = scale.x(float(self.data.draw_upper[position]) + 1)
            if x1 < scale.left or x0 > scale.left + scale.width:
                centre = (
                    float(self.data.draw_lower[position]) + float(self.data.draw_upper[position])
                ) / 2
                span = scale.end - scale.start
                self.set_range(centre - span / 2, centre + span / 2)
            if activate and uuid:
                self.event_activated.emit(uuid)

    def select_event(self, uuid: str) -> bool:
        """Select an event by UUID; False when the filter hides it."""
        with self.catalogue.engine.connect() as connection:
            row = connection.exec_driver_sql(
                "SELECT id FROM event WHERE uuid = :uuid", {"uuid": uuid}
            ).fetchone()
        position = self.data.index_of(int(row[0])) if row else None
        if position is None:
            return False
        self.select_position(position)
        return True

    def highlight_work(self, uuid: str | None) -> None:
        """Highlight a work's events (and, in lanes by work, its lane); None clears."""
        work_id = None
        if uuid:
            with self.catalogue.engine.connect() as connection:
                row = connection.exec_driver_sql(
                    "SELECT id FROM work WHERE uuid = :uuid", {"uuid": uuid}
                ).fetchone()
            work_id = int(row[0]) if row else None
        self.state = with_view(self.state, highlighted_work=work_id)
        self._frame = None
        self.update()
        if work_id is not None:
            positions = self.data.positions_of_work(work_id)
            if positions:
                self.ensure_lane_visible(self.data.lane[positions[0]])

    def step_event(self, direction: int) -> None:
        """Select the next (1) or previous (-1) event in time within the selected lane."""
        data = self.data
        if not len(data):
            return
        if self.state.selected is None:
            self._select_first_visible()
            return
        current = self.state.selected
        lane = int(data.lane[current])
        start, stop = data.lane_range(lane)
        target = current + direction
        if start <= target < stop:
            self.select_position(target)

    def step_lane(self, direction: int) -> None:
        """Select the event nearest in time in the lane above (-1) or below (1)."""
        data = self.data
        if self.state.selected is None:
            self._select_first_visible()
            return
        current = self.state.selected
        lane = int(data.lane[current]) + direction
        while 0 <= lane < len(data.lanes):
            start, stop = data.lane_range(lane)
            if stop > start:
                # Starts are sorted within a lane: the nearest is at the bisection or before it.
                when = data.draw_lower[current]
                after = bisect_left(data.draw_lower, when, start, stop)
                nearby = [p for p in (after - 1, after) if start <= p < stop]
                nearest = min(nearby, key=lambda p: abs(data.draw_lower[p] - when))
                # The first event of that day, as before.
                self.select_position(
                    bisect_left(data.draw_lower, data.draw_lower[nearest], start, stop)
                )
                return
            lane += direction

    def _select_first_visible(self) -> None:
        frame = self._current_frame()
        for lane in frame.lanes:
            if lane.marks is not None and lane.marks.positions:
                marks = lane.marks
                leftmost = min(range(len(marks.x0)), key=marks.x0.__getitem__)
                self.select_position(marks.positions[leftmost])
                return
        if len(self.data):
            self.select_position(0)

    # -- hit testing and hover -----------------------------------------------------------------

    def _current_frame(self) -> Frame:
        if self._frame is None:
            self._frame = self.painter_.frame(self.state, self.width(), self.height())
        return self._frame

    def position_at(self, point: QPointF | QPoint) -> int | None:
        """The array position of the event whose mark is at ``point``."""
        scale = self.scale()
        if not (scale.left <= point.x() <= scale.left + scale.width):
            return None
        return self._current_frame().hit(point.x(), point.y(), self.data)

    def hover_text_at(self, point: QPointF | QPoint) -> str:
        """What hovering at ``point`` shows: the event's details, or the count in a dense lane."""
        position = self.position_at(point)
        if position is not None:
            details = event_details(self.catalogue, int(self.data.event_id[position]))
            return "\n".join(details.lines()) if details else ""
        frame = self._current_frame()
        lane = frame.lane_frame(frame.geometry.lane_at(point.y()))
        if lane is not None and lane.density:
            inside = frame.scale.left <= point.x() < frame.scale.left + frame.scale.width
            if inside:
                around = lane.density_around(point.x())
                day = frame.scale.whole_day_at(point.x())
                import datetime as dt

                return (
                    f"About {around:,.0f} events around {dt.date.fromordinal(max(1, day)):%d %B %Y}; "
                    f"{lane.count:,} in view in this lane. Zoom in to see them one by one."
                )
        return ""

    # -- Qt events -----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self._frame = self.painter_.paint(painter, self.state, self.width(), self.height())
        finally:
            painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._frame = None
        self._scroll_to(self.state.scroll)
        super().resizeEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta()
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = delta.y() / 120.0
            self.zoom(ZOOM_STEP**steps, event.position().x())
        elif event.modifiers() & Qt.KeyboardModifier.ShiftModifier or delta.x():
            amount = delta.x() or delta.y()
            self.pan_pixels(amount / 120.0 * self.scale().width * PAN_FRACTION)
        else:
            self.pan_pixels(0, delta.y() / 120.0 * self.painter_.lane_height * 2)
        event.accept()

    def event(self, event: QEvent) -> bool:
        if (
            isinstance(event, QNativeGestureEvent)
            and event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture
        ):
            self.zoom(1.0 + event.value(), event.position().x())
            return True
        if event.type() == QEvent.Type.Gesture and isinstance(event, QGestureEvent):
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if isinstance(pinch, QPinchGesture):
                centre = self.mapFromGlobal(pinch.centerPoint().toPoint())
                self.zoom(pinch.scaleFactor(), centre.x())
                return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position()
            self._last_drag = event.position()
            self._dragged = False
        self.setFocus()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            moved = event.position() - self._press
            if self._dragged or math.hypot(moved.x(), moved.y()) > CLICK_SLOP:
                self._dragged = True
                assert self._last_drag is not None
                step = event.position() - self._last_drag
                self._last_drag = event.position()
                self.setCursor(Qt.CursorShape.ClosedHandCursor)
                self.pan_pixels(step.x(), step.y())
            return
        text = self.hover_text_at(event.position())
        if text:
            QToolTip.showText(event.globalPosition().toPoint(), text, self)
        else:
            QToolTip.hideText()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._press is None:
            return
        if not self._dragged:
            position = self.position_at(event.position())
            self.select_position(position, activate=position is not None)
        self._press = None
        self._dragged = False
        self.unsetCursor()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self.position_at(event.position()) is None:
            self.zoom(2.0, event.position().x())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        cursor = self.mapFromGlobal(self.cursor().pos())
        anchor = float(cursor.x()) if self.rect().contains(cursor) else None
        width = self.scale().width
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(ZOOM_STEP, anchor)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom(1 / ZOOM_STEP, anchor)
        elif key == Qt.Key.Key_Left:
            self.step_event(-1) if ctrl else self.pan_pixels(width * PAN_FRACTION)
        elif key == Qt.Key.Key_Right:
            self.step_event(1) if ctrl else self.pan_pixels(-width * PAN_FRACTION)
        elif key == Qt.Key.Key_Up:
            self.step_lane(-1) if ctrl else self.pan_pixels(0, self.painter_.lane_height)
        elif key == Qt.Key.Key_Down:
            self.step_lane(1) if ctrl else self.pan_pixels(0, -self.painter_.lane_height)
        elif key == Qt.Key.Key_PageUp:
            self.pan_pixels(0, self.height() * 0.8)
        elif key == Qt.Key.Key_PageDown:
            self.pan_pixels(0, -self.height() * 0.8)
        elif key == Qt.Key.Key_Home:
            self.fit_all()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state.selected is not None:
            uuid = self.event_uuid(self.state.selected)
            if uuid:
                self.event_activated.emit(uuid)
        elif key == Qt.Key.Key_Escape:
            self.select_position(None)
        else:
            super().keyPressEvent(event)
