"""The Source form: the fields its CSL type uses, contributors with roles, source class, and
attachments kept by SHA-256 in the catalogue's file store."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QPushButton

from nkarchive.gui.editors.base import RecordEditor
from nkarchive.gui.forms.ui_source_form import Ui_SourceForm
from nkarchive.store.files import FileStore

ALWAYS = {
    "source_type",
    "title",
    "short_title",
    "date",
    "language",
    "url",
    "accessed",
    "archive_location",
    "source_class",
    "abstract",
    "notes",
}
# The further fields each CSL type uses (labels stay general: "Published in" is the newspaper,
# journal, book, programme or site).
TYPE_FIELDS: dict[str, set[str]] = {
    "article-newspaper": {"container_title", "pages", "edition", "publisher_place"},
    "article-magazine": {"container_title", "volume", "issue", "pages"},
    "article-journal": {"container_title", "volume", "issue", "pages"},
    "book": {"publisher", "publisher_place", "edition", "volume", "pages"},
    "chapter": {"container_title", "publisher", "publisher_place", "edition", "volume", "pages"},
    "broadcast": {"container_title", "publisher", "publisher_place"},
    "webpage": {"container_title"},
    "post-weblog": {"container_title"},
    "report": {"publisher", "publisher_place", "issue", "pages"},
    "interview": {"container_title", "publisher_place"},
    "manuscript": {"publisher_place"},
    "motion_picture": {"publisher", "publisher_place"},
    "festival-catalogue": {"container_title", "publisher", "publisher_place", "pages"},
    "dataset": {"publisher", "edition"},
    "personal_communication": set(),
    "entry-encyclopedia": {
        "container_title",
        "publisher",
        "publisher_place",
        "volume",
        "pages",
        "edition",
    },
    "thesis": {"publisher", "publisher_place"},
    "paper-conference": {"container_title", "publisher", "publisher_place", "pages"},
    "document": {"publisher", "publisher_place"},
}


class SourceEditor(RecordEditor):
    KIND = "source"
    NOUN = "source"
    FORM = Ui_SourceForm
    FIELDS = (
        "source_type",
        "title",
        "short_title",
        "container_title",
        "date",
        "publisher",
        "publisher_place",
        "volume",
        "issue",
        "pages",
        "edition",
        "url",
        "accessed",
        "language",
        "archive_location",
        "source_class",
        "abstract",
        "notes",
    )

    def build_children(self) -> None:
        self.add_child(
            "source_contributor",
            "source",
            ["role", "family", "given", "literal"],
            "contributor",
            self.ui.contributors_host,
            movable=True,
            widths={"role": 130, "family": 140, "given": 140, "literal": 200},
        )
        attachments = self.add_child(
            "attachment",
            "source",
            ["original_name", "media_type", "size", "sha256", "description"],
            "file",
            self.ui.attachments_host,
            read_only=("original_name", "media_type", "size", "sha256"),
            widths={
                "original_name": 170,
                "media_type": 120,
                "size": 80,
                "sha256": 200,
                "description": 160,
            },
            headers={"sha256": "SHA-256 checksum"},
        )
        attachments.add_button.hide()  # a file is added by choosing it, not by typing a row
        attachments.add_button_for("Add file…", self.add_file, "Insert")
        attachments.add_button_for("Open file", self.open_file, "Return")
        self.bindings["source_type"].widget.currentIndexChanged.connect(
            lambda _i: self.after_load()
        )
        self.copy_button = QPushButton("Copy citation", self)
        self.copy_button.setObjectName("copy_citation_button")
        self.copy_button.setToolTip(
            "Copy this source's bibliography entry (as last saved) in the citation style chosen "
            "under View ▸ Citation style"
        )
        self.copy_button.clicked.connect(self.copy_citation)
        header = self.ui.header_layout
        header.insertWidget(header.indexOf(self.ui.revert_button), self.copy_button)

    @property
    def file_store(self) -> FileStore:
        return FileStore.for_catalogue(self.catalogue.path)

    def heading(self) -> str:
        return str(
            self.bindings["title"].raw() or ("New source" if self.is_new else "(untitled source)")
        )

    def new_values(self) -> dict[str, object]:
        return {"source_type": "article-newspaper"}

    def after_load(self) -> None:
        """Show the fields the chosen type uses, and any other field that holds a value."""
        self.copy_button.setEnabled(self.uuid is not None and not self.is_new)
        source_type = self.bindings["source_type"].raw()
        wanted = ALWAYS | TYPE_FIELDS.get(source_type or "", set(self.FIELDS))
        layout = self.ui.fields_layout
        for name, binding in self.bindings.items():
            visible = name in wanted or bool(binding.raw())
            row, _role = layout.getWidgetPosition(binding.label)
            if row >= 0:
                layout.setRowVisible(row, visible)

    def copy_citation(self) -> None:
        from nkarchive.gui import settings as gui_settings
        from nkarchive.gui.cite_copy import copy_citation, style_label

        if self.uuid is None or self.is_new:
            return
        if copy_citation(self, self.catalogue, self.uuid) is not None:
            window = self.window()
            if isinstance(window, QMainWindow):
                style = style_label(gui_settings.citation_style())
                window.statusBar().showMessage(f"Copied the citation ({style}).", 5000)

    def add_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Attach a file to this source")
        if name:
            self.attach(Path(name))

    def attach(self, path: Path) -> None:
        """Store the file by its checksum beside the catalogue and list it (saved with the source)."""
        try:
            stored = self.file_store.add(path)
        except OSError as exc:
            QMessageBox.warning(self, "Cannot attach file", f"{path}: {exc}")
            return
        self.tables["attachment"].add_row(
            {
                "sha256": stored.sha256,
                "original_name": stored.original_name,
                "media_type": stored.media_type,
                "size": stored.size,
                "added": datetime.now(UTC).isoformat(timespec="seconds"),
            }
        )

    def open_file(self) -> None:
        table = self.tables["attachment"]
        position = table.current_row()
        if position < 0:
            return
        sha256 = table.model.rows[position]["sha256"]
        if not self.file_store.verify(sha256):
            QMessageBox.warning(
                self,
                "File missing or changed",
                f"The stored file with checksum {sha256} is missing from "
                f"{self.file_store.root} or no longer matches its checksum.",
            )
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.file_store.path_for(sha256))))
