""" "Copy citation": a source's bibliography entry on the clipboard as plain and rich text, in the
citation style chosen under View ▸ Citation style (remembered in gui.ini)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox, QWidget

from nkarchive.gui import settings as gui_settings
from nkarchive.store.catalogue import Catalogue

# The bundled styles, as the menu lists them (kept here so the menu is built without loading the
# CSL processor: start-up time matters).
STYLE_LABELS: dict[str, str] = {
    "chicago-author-date": "Chicago (author-date)",
    "chicago-notes-bibliography": "Chicago (notes and bibliography)",
    "apa": "APA",
    "modern-language-association": "MLA",
    "harvard-cite-them-right": "Harvard (Cite Them Right)",
}


def citation_entry(catalogue: Catalogue, uuid: str, style_name: str) -> tuple[str, str]:
    """The source's bibliography entry as (plain text, HTML); CslError when the style fails and
    KeyError when the source is gone."""
    from nkarchive.interchange.csl import CslError, load_style
    from nkarchive.interchange.sources import csl_items_for_sources

    style = load_style(style_name)
    if not style.has_bibliography:
        raise CslError("this style defines no bibliography", source=style.source)
    items = csl_items_for_sources(catalogue, [uuid])
    return style.bibliography(items, format="text")[0], style.bibliography(items, format="html")[0]


def copy_citation(parent: QWidget, catalogue: Catalogue, uuid: str) -> str | None:
    """Put the source's entry on the clipboard; the plain text, or None after saying why not."""
    from nkarchive.interchange.csl import CslError

    style_name = gui_settings.citation_style()
    try:
        plain, html = citation_entry(catalogue, uuid, style_name)
    except CslError as exc:
        QMessageBox.warning(parent, "Cannot format the citation", str(exc))
        return None
    except KeyError:
        QMessageBox.warning(
            parent, "Cannot copy citation", "That source is no longer in the catalogue."
        )
        return None
    data = QMimeData()
    data.setText(plain)
    data.setHtml(html)
    QApplication.clipboard().setMimeData(data)
    return plain


def style_label(name_or_path: str) -> str:
    return STYLE_LABELS.get(name_or_path) or Path(name_or_path).name


class CitationStyleMenu(QMenu):
    """The five bundled styles as checkable choices, and "Other style file…" for any .csl file."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__("Citation st&yle", parent)
        self.setObjectName("citation_style_menu")
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        self.style_actions: dict[str, QAction] = {}
        for name, label in STYLE_LABELS.items():
            action = self.addAction(label)
            action.setCheckable(True)
            action.setData(name)
            action.triggered.connect(lambda _checked=False, n=name: self.choose(n))
            self.group.addAction(action)
            self.style_actions[name] = action
        self.addSeparator()
        # A style file chosen earlier: shown checked, with its file name.
        self.file_action = self.addAction("")
        self.file_action.setCheckable(True)
        self.file_action.triggered.connect(
            lambda _checked=False: self.choose(self.file_action.data())
        )
        self.group.addAction(self.file_action)
        self.other_action = self.addAction("&Other style file…")
        self.other_action.triggered.connect(self.choose_file)
        self.aboutToShow.connect(self.show_current)
        self.show_current()

    def show_current(self) -> None:
        current = gui_settings.citation_style()
        for name, action in self.style_actions.items():
            action.setChecked(name == current)
        is_file = current not in self.style_actions
        self.file_action.setVisible(is_file)
        if is_file:
            self.file_action.setData(current)
            self.file_action.setText(style_label(current))
            self.file_action.setToolTip(current)
            self.file_action.setChecked(True)

    def choose(self, name_or_path: str) -> None:
        gui_settings.set_citation_style(name_or_path)
        self.show_current()

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.parentWidget(), "Citation style file", "", "CSL styles (*.csl);;All files (*)"
        )
        if not name:
            self.show_current()
            return
        from nkarchive.interchange.csl import CslError, load_style

        try:
            load_style(Path(name))  # a broken file is refused now, not at the next copy
        except CslError as exc:
            QMessageBox.warning(self.parentWidget(), "Cannot use this style", str(exc))
            self.show_current()
            return
        self.choose(name)
