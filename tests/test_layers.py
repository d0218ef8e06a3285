"""The core packages never import Qt: the GUI is one client of them among others."""

from __future__ import annotations

import subprocess
import sys

CORE = [
    "nkarchive.model", "nkarchive.model.dates", "nkarchive.store", "nkarchive.store.catalogue",
    "nkarchive.store.check", "nkarchive.ops", "nkarchive.korean", "nkarchive.search",
    "nkarchive.interchange", "nkarchive.interchange.demo", "nkarchive.cli", "nkarchive.paths",
]


def test_core_packages_import_without_pyside6() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {CORE!r}:\n"
        "    importlib.import_module(name)\n"
        "from nkarchive.cli import build_parser\n"
        "build_parser()\n"
        "leaked = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(leaked))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "", f"PySide6 imported by the core: {result.stdout}"
