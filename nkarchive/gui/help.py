"""The Help menu: the search language (the same text `nkarchive search --help` prints), the
keyboard shortcuts of the menus, and About."""

from __future__ import annotations

from PySide6.QtGui import QAction, QFont, QFontDatabase, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from nkarchive import __version__
from nkarchive.search import HELP_TEXT


class HelpTextDialog(QDialog):
    """A read-only page of help text in a fixed-pitch font, so its columns stay aligned."""

    def __init__(self, title: str, heading: str, body: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("helpDialog")
        layout = QVBoxLayout(self)
        intro = QLabel(heading, self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("helpText")
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        # Hangul falls back to the bundled NanumGothic; keep the Latin columns fixed-pitch.
        font.setStyleHint(QFont.StyleHint.TypeWriter)
        self.text.setFont(font)
        self.text.setPlainText(body)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        width = self.text.fontMetrics().horizontalAdvance("M" * 118)
        self.resize(width + 60, 640)


def search_help_dialog(parent: QWidget | None = None) -> HelpTextDialog:
    return HelpTextDialog(
        "Search language",
        "Type in the search box above the list (Ctrl+F). Results are grouped by kind of record, "
        "each with its count; the same language works in saved searches, the timeline filter "
        "and <tt>nkarchive search</tt>.",
        HELP_TEXT,
        parent,
    )


def shortcuts_text(window: QMainWindow) -> str:
    """Every menu command that has a shortcut, menu by menu, as the menus show them."""
    lines: list[str] = []
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if menu is None:
            continue
        entries = [
            (action.text().replace("&", ""), action.shortcut())
            for action in menu.actions()
            if not action.isSeparator() and not action.shortcut().isEmpty()
        ]
        if not entries:
            continue
        lines.append(menu_action.text().replace("&", ""))
        for label, shortcut in entries:
            keys = shortcut.toString(QKeySequence.SequenceFormat.NativeText)
            lines.append(f"  {keys:<18}{label}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def shortcuts_dialog(window: QMainWindow) -> HelpTextDialog:
    return HelpTextDialog(
        "Keyboard shortcuts",
        "Everything in the menus can be done from the keyboard; these have shortcuts.",
        shortcuts_text(window),
        window,
    )


def about_text() -> str:
    return (
        f"<h3>nkarchive {__version__}</h3>"
        "<p>An offline catalogue for archivists who document North Korean cinema: films, the "
        "people and studios behind them, where and when they were shown, and the sources "
        "behind every fact.</p>"
        "<p>It makes no network connection. Hangul is drawn with the bundled NanumGothic font "
        "(SIL Open Font License 1.1).</p>"
    )


def add_help_menu(window: QMainWindow) -> None:
    """The Help menu, last in the menu bar."""
    menu = window.menuBar().addMenu("&Help")
    search = QAction("&Search language", window)
    search.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
    search.triggered.connect(lambda: search_help_dialog(window).exec())
    menu.addAction(search)
    keys = QAction("&Keyboard shortcuts", window)
    keys.triggered.connect(lambda: shortcuts_dialog(window).exec())
    menu.addAction(keys)
    menu.addSeparator()
    about = QAction("&About nkarchive", window)
    about.triggered.connect(lambda: QMessageBox.about(window, "About nkarchive", about_text()))
    menu.addAction(about)
