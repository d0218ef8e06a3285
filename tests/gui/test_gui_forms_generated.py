"""The committed forms match their Qt Designer sources, and their names follow the conventions."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from nkarchive.gui.form_build import UI_DIR, compile_form, generated_path, without_version

UI_FILES = sorted(UI_DIR.glob("*.ui"))


def test_every_form_has_a_source_and_every_source_a_form() -> None:
    assert UI_FILES, "no Qt Designer forms in ui/"
    generated = {p.name for p in generated_path(UI_FILES[0]).parent.glob("ui_*.py")}
    assert generated == {generated_path(u).name for u in UI_FILES}


@pytest.mark.parametrize("ui_file", UI_FILES, ids=lambda p: p.name)
def test_generated_form_matches_its_source(ui_file) -> None:
    committed = generated_path(ui_file).read_text(encoding="utf-8")
    assert committed.startswith("# Generated from ui/"), "the do-not-edit header is missing"
    assert without_version(committed) == without_version(compile_form(ui_file)), (
        f"{generated_path(ui_file).name} is out of date: run scripts/build-forms"
    )


@pytest.mark.parametrize("ui_file", UI_FILES, ids=lambda p: p.name)
def test_object_names_are_snake_case_and_inputs_have_accessible_names(ui_file) -> None:
    root = ET.parse(ui_file).getroot()
    top = root.find("widget")
    for widget in root.iter("widget"):
        name = widget.get("name", "")
        if widget is top:
            continue
        assert re.fullmatch(r"[a-z][a-z0-9_]*", name), f"{ui_file.name}: {name} is not snake_case"
        if widget.get("class") in (
            "QLineEdit",
            "QComboBox",
            "QPlainTextEdit",
            "QCheckBox",
            "QListView",
        ):
            names = [p for p in widget.findall("property") if p.get("name") == "accessibleName"]
            assert names and names[0].findtext("string"), (
                f"{ui_file.name}: {name} has no accessible name"
            )
