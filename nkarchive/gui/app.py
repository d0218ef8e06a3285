"""Starting the desktop app: the QApplication, the bundled font, the catalogue, the window."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from nkarchive import APP_NAME, __version__
from nkarchive.gui.fonts import apply_hangul_fallback
from nkarchive.store.errors import CatalogueError


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    apply_hangul_fallback(app)
    return app


def run_gui(catalogue: str | None = None, demo: bool = False) -> int:
    from nkarchive.gui.main_window import MainWindow
    from nkarchive.store.opening import open_for_user

    app = make_application()
    try:
        opened = open_for_user(catalogue, demo=demo)
    except CatalogueError as exc:
        QMessageBox.critical(None, "Cannot open catalogue", str(exc))
        print(f"nkarchive: {exc}", file=sys.stderr)
        return 1
    window = MainWindow(opened)
    window.show()
    status = app.exec()
    opened.close()
    return int(status)
