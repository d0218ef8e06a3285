"""Starting the desktop app: the QApplication, the bundled font, the catalogue, the window."""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, cast

from PySide6.QtCore import QEventLoop, QSize, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QProgressDialog, QWidget

from nkarchive import APP_NAME, __version__, paths
from nkarchive.gui.fonts import apply_hangul_fallback
from nkarchive.store.errors import CatalogueError


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName(APP_NAME)  # Wayland: match the window to nkarchive.desktop's icon
    app.setWindowIcon(application_icon())
    apply_hangul_fallback(app)
    return app


def application_icon() -> QIcon:
    """The film-frame icon (resources/icons, drawn by packaging/make_icons.py) at every size."""
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        icon.addFile(str(paths.resource_path("icons", f"nkarchive-{size}.png")), QSize(size, size))
    return icon


def run_gui(catalogue: str | None = None, demo: bool = False) -> int:
    from nkarchive.gui.main_window import MainWindow
    from nkarchive.store.lock import CatalogueLocked
    from nkarchive.store.opening import open_for_user

    app = make_application()
    try:
        # The quick check reads every page; the window runs it on its worker after showing.
        try:
            opened = opening_shown(lambda: open_for_user(catalogue, demo=demo, verify=False))
        except CatalogueLocked as exc:
            if not offer_read_only(None, exc):
                return 1
            opened = opening_shown(
                lambda: open_for_user(catalogue, demo=demo, read_only=True, verify=False)
            )
    except CatalogueError as exc:
        QMessageBox.critical(None, "Cannot open catalogue", str(exc))
        print(f"nkarchive: {exc}", file=sys.stderr)
        return 1
    window = MainWindow(opened)
    window.show()
    if os.environ.get("NKARCHIVE_EXIT_AFTER_SHOW") == "1":
        _exit_after_show(app)
    status = app.exec()
    opened.close()
    return int(status)


T = TypeVar("T")
#: An open that takes longer than this shows a window saying what is going on.
OPENING_PATIENCE_MS = 400


def opening_shown(opener: Callable[[], T], *, patience_ms: int = OPENING_PATIENCE_MS) -> T:
    """Open the catalogue on a thread of its own; past `patience_ms` a window says what is
    happening, so a long open (an older catalogue upgraded to this version's schema, the full
    check after a crash, the demo catalogue being made) never looks like a hang."""
    outcome: dict[str, Any] = {}

    def work() -> None:
        try:
            outcome["value"] = opener()
        except BaseException as exc:  # handed to the GUI thread, raised there
            outcome["error"] = exc

    thread = threading.Thread(target=work, name="nkarchive-open", daemon=True)
    thread.start()
    thread.join(patience_ms / 1000)
    if thread.is_alive():
        dialog = QProgressDialog(
            "Opening the catalogue…\n\nAn older catalogue is first upgraded to this version's "
            "format (a backup of it is made before), and after an unclean exit the whole file "
            "is checked. On a large catalogue this can take a minute.",
            "",
            0,
            0,
        )
        label = QLabel(dialog.labelText(), dialog)
        label.setWordWrap(True)
        dialog.setLabel(label)
        dialog.setMinimumWidth(460)
        dialog.setObjectName("opening_progress")
        dialog.setWindowTitle(APP_NAME)
        dialog.setCancelButton(None)  # stopping half-way through an upgrade is not offered
        dialog.setMinimumDuration(0)
        dialog.show()
        while thread.is_alive():
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            thread.join(0.05)
        dialog.close()
        dialog.deleteLater()
    if "error" in outcome:
        raise outcome["error"]
    return cast(T, outcome["value"])


def offer_read_only(parent: QWidget | None, exc: CatalogueError) -> bool:
    """Another copy holds the catalogue: say who, and offer to open it read-only."""
    answer = QMessageBox.question(
        parent,
        "Catalogue in use",
        f"{exc}\n\nOpen it read-only?",
        QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Open,
    )
    return answer == QMessageBox.StandardButton.Open


_IMPORTED = time.perf_counter()


def _exit_after_show(app: QApplication) -> None:
    """NKARCHIVE_EXIT_AFTER_SHOW=1, for the start-up benchmark (tests/perf/bench_package.py):
    quit once the main window is shown and painted, printing the seconds since the process began."""

    def done() -> None:
        app.processEvents()  # the first paint of the shown window
        # The processor time too: on a busy machine it shows what the wall clock cannot.
        print(
            f"main window shown after {_seconds_since_start():.3f} s "
            f"(processor {time.process_time():.3f} s)",
            flush=True,
        )
        app.quit()

    QTimer.singleShot(0, done)


def _seconds_since_start() -> float:
    try:  # Linux: the process's start time, in clock ticks after boot (field 22 of stat)
        ticks = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19])
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return uptime - ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):  # elsewhere: since this module was imported
        return time.perf_counter() - _IMPORTED
