"""Compiles the Qt Designer forms (ui/*.ui) into nkarchive/gui/forms/ui_<name>.py with pyside6-uic."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UI_DIR = ROOT / "ui"
FORMS_DIR = Path(__file__).resolve().parent / "forms"
HEADER = "# Generated from ui/{name} by scripts/build-forms: do not edit by hand.\n"
# The one line of uic output that changes with the tool's version, not with the form.
VERSION_MARK = "Created by: Qt User Interface Compiler version"


def uic_command() -> str:
    beside = Path(sys.executable).with_name("pyside6-uic")
    if beside.exists():
        return str(beside)
    found = shutil.which("pyside6-uic")
    if found is None:
        raise FileNotFoundError("pyside6-uic not found; install PySide6 into this environment")
    return found


def compile_form(ui_file: Path) -> str:
    """The Python source pyside6-uic makes of one form, with the do-not-edit header."""
    result = subprocess.run(
        [uic_command(), str(ui_file)],
        capture_output=True,
        text=True,
        check=True,
    )
    return HEADER.format(name=ui_file.name) + result.stdout


def generated_path(ui_file: Path) -> Path:
    return FORMS_DIR / f"ui_{ui_file.stem}.py"


def without_version(source: str) -> str:
    return "".join(line for line in source.splitlines(keepends=True) if VERSION_MARK not in line)


def build_all() -> list[Path]:
    written = []
    for ui_file in sorted(UI_DIR.glob("*.ui")):
        target = generated_path(ui_file)
        target.write_text(compile_form(ui_file), encoding="utf-8")
        written.append(target)
    return written


def main() -> int:
    for path in build_all():
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
