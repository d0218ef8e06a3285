"""Long database work on one worker thread, with progress and Cancel; widgets stay on the GUI
thread (the worker only emits signals, which Qt delivers on the GUI thread)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget


class Cancelled(Exception):
    """The user pressed Cancel; the job stops and whatever it wrote is rolled back."""


class Progress:
    """Handed to a job: report how far it got, and check whether it should stop."""

    def __init__(self, signals: _Signals) -> None:
        self._signals = signals
        self._cancel = threading.Event()

    def report(self, done: int, total: int, text: str = "") -> None:
        self._signals.progress.emit(done, total, text)
        self.check()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()


class _Signals(QObject):
    # Results stay in Python attributes: passing Python objects through queued signals has
    # tripped PySide's reference counting.
    progress = Signal(int, int, str)
    finished = Signal()
    failed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.result: Any = None
        self.error: BaseException | None = None


class _Job(QRunnable):
    def __init__(
        self, work: Callable[[Progress], Any], signals: _Signals, progress: Progress
    ) -> None:
        super().__init__()
        self.work = work
        self.signals = signals
        self.progress = progress

    def run(self) -> None:
        try:
            self.signals.result = self.work(self.progress)
        except BaseException as exc:  # reported to the GUI thread, never lost in the worker
            self.signals.error = exc
            self.signals.failed.emit()
        else:
            self.signals.finished.emit()


class Worker(QObject):
    """One worker thread: database jobs run one after another, never two writers at once."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._running: list[tuple[_Signals, Progress]] = []

    def run(
        self,
        parent: QWidget,
        label: str,
        work: Callable[[Progress], Any],
        on_done: Callable[[Any], None],
        on_failed: Callable[[BaseException], None] | None = None,
        *,
        show_after_ms: int = 300,
        quiet: bool = False,
    ) -> Progress:
        """Run `work` on the worker thread; `quiet` jobs (a search while typing) show no
        progress dialog, which would steal the keyboard from the search box."""
        signals = _Signals()
        progress = Progress(signals)
        dialog: QProgressDialog | None = None
        if not quiet:
            dialog = QProgressDialog(label, "Cancel", 0, 0, parent)
            dialog.setWindowTitle("Working…")
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(show_after_ms)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.canceled.connect(progress.cancel)

        def on_progress(done: int, total: int, text: str) -> None:
            if dialog is None:
                return
            dialog.setMaximum(total)
            dialog.setValue(done)
            if text:
                dialog.setLabelText(text)

        def finish() -> None:
            if dialog is not None:
                dialog.close()
                dialog.deleteLater()
            self._running.remove((signals, progress))

        def done() -> None:
            finish()
            result, signals.result = signals.result, None
            on_done(result)

        def failed() -> None:
            finish()
            error, signals.error = signals.error, None
            if on_failed is not None and error is not None:
                on_failed(error)

        signals.progress.connect(on_progress)
        signals.finished.connect(done)
        signals.failed.connect(failed)
        self._running.append((signals, progress))
        self.pool.start(_Job(work, signals, progress))
        return progress

    def wait(self, msecs: int = -1) -> bool:
        return self.pool.waitForDone(msecs)

    @property
    def busy(self) -> bool:
        return bool(self._running)
