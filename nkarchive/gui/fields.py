"""Binding a form's inputs to a record's fields: read and write values, validate as you type
with the same field specifications as the operation layer, and show what is wrong."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from nkarchive.model.dates import DateError, describe, parse_date
from nkarchive.ops.fields import SPEC_BY_NAME, FieldSpec, clean_value

ERROR_STYLE = "color: #a4161a;"
WORDS_STYLE = "color: #52606d;"
INVALID_PROPERTY = "invalid"
INVALID_WIDGET_SHEET = "border: 1px solid #c9184a; background: #fff0f3;"
INVALID_SHEET = (
    'QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"], QComboBox[invalid="true"] '
    "{ border: 1px solid #c9184a; background: #fff0f3; }"
)


def fill_vocab_combo(combo: QComboBox, spec: FieldSpec) -> None:
    """The vocabulary's labels, with its codes as item data; an empty choice when optional."""
    assert spec.vocab is not None
    combo.clear()
    if not spec.required:
        combo.addItem("—", None)
    for code in spec.vocab.codes():
        combo.addItem(spec.vocab.label(code), code)


def date_words(value: str) -> str:
    if not value.strip():
        return ""
    try:
        return describe(parse_date(value.strip()))
    except DateError:
        return ""


class FieldBinding:
    """One field of a record and the input that edits it (line, combo, text box or check box)."""

    def __init__(
        self,
        kind: str,
        name: str,
        widget: QWidget,
        label: QLabel | None,
        error: QLabel | None,
        words: QLabel | None = None,
    ) -> None:
        self.kind = kind
        self.spec = SPEC_BY_NAME[kind][name]
        self.name = name
        self.widget = widget
        self.label = label
        self.base_label = label.text() if label is not None else self.spec.label
        self.error_label = error
        self.words_label = words
        self.ref_value: str | None = None  # for ref fields: the chosen record's UUID
        if error is not None:
            error.setStyleSheet(ERROR_STYLE)
            error.setVisible(False)
        if words is not None:
            words.setStyleSheet(WORDS_STYLE)
        if isinstance(widget, QComboBox) and self.spec.type == "vocab":
            fill_vocab_combo(widget, self.spec)

    def connect(self, slot: Callable[[], None]) -> None:
        widget = self.widget
        if isinstance(widget, QLineEdit):
            widget.textChanged.connect(slot)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(slot)
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(slot)
        elif isinstance(widget, QCheckBox):
            widget.toggled.connect(slot)

    # -- values ----------------------------------------------------------------------------------

    def raw(self) -> Any:
        """The value as the input holds it (text for lists, numbers and dates)."""
        widget = self.widget
        if self.spec.type == "ref":
            return self.ref_value
        if isinstance(widget, QComboBox):
            return widget.currentData()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        assert isinstance(widget, QLineEdit)
        return widget.text()

    def set(self, value: Any, ref_label: str | None = None) -> None:
        widget = self.widget
        if self.spec.type == "ref":
            self.ref_value = value
            assert isinstance(widget, QLineEdit)
            widget.setText(ref_label or "" if value else "")
        elif isinstance(widget, QComboBox):
            position = widget.findData(value)
            if position < 0 and value is not None:
                widget.addItem(str(value), value)  # a code from a local vocabulary: keep it visible
                position = widget.count() - 1
            widget.setCurrentIndex(max(position, 0))
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value or "")
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        else:
            assert isinstance(widget, QLineEdit)
            if isinstance(value, list):
                widget.setText(", ".join(value))
            else:
                widget.setText("" if value is None else str(value))
            widget.setCursorPosition(0)

    def cleaned(self) -> tuple[Any, str | None]:
        """The value as it would be stored, or the message saying why it cannot be."""
        value, error = clean_value(self.spec, self.raw())
        return value, (error.message if error else None)

    # -- showing state -----------------------------------------------------------------------------

    def show_error(self, message: str | None) -> None:
        # A style sheet on the input itself: re-polishing through widget.style() would hand
        # Python a short-lived style-sheet proxy object.
        invalid = bool(message)
        if self.widget.property(INVALID_PROPERTY) != invalid:
            self.widget.setProperty(INVALID_PROPERTY, invalid)
            self.widget.setStyleSheet(INVALID_WIDGET_SHEET if invalid else "")
        description = f"{self.spec.label}: {message}" if message else ""
        self.widget.setAccessibleDescription(description)
        if self.error_label is not None:
            self.error_label.setText(message or "")
            self.error_label.setVisible(bool(message))

    def show_words(self) -> None:
        if self.words_label is not None:
            raw = self.raw()
            words = date_words(raw) if isinstance(raw, str) else ""
            if words == (raw or "").strip():
                words = ""  # "1985" read back as "1985" tells nothing
            self.words_label.setText(words)
            self.words_label.setVisible(bool(words))

    def show_marker(self, count: int, conflict: str | None) -> None:
        """How many citations back this field, and a warning when they disagree."""
        if self.label is None:
            return
        suffix = ""
        if conflict:
            suffix = " ⚠"
        elif count:
            suffix = " •"
        self.label.setText(self.base_label + suffix)
        tip = conflict or (f"{count} citation(s) back this field" if count else "")
        self.label.setToolTip(tip)
