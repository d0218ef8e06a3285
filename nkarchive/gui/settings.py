"""The desktop app's remembered state (window layout, column widths, recent catalogues,
citation style).

Kept in an INI file in nkarchive's config folder, so NKARCHIVE_CONFIG_DIR (tests, portable
use) moves it along with everything else.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from nkarchive import paths

RECENT_LIMIT = 8


def settings() -> QSettings:
    folder = paths.user_config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return QSettings(str(folder / "gui.ini"), QSettings.Format.IniFormat)


def recent_catalogues() -> list[str]:
    value = settings().value("recent_catalogues", [])
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in (value or []) if v]


def remember_catalogue(path: Path) -> None:
    store = settings()
    recent = [str(path), *(p for p in recent_catalogues() if p != str(path))][:RECENT_LIMIT]
    store.setValue("recent_catalogues", recent)
    store.setValue("last_catalogue", str(path))
    store.sync()


def last_catalogue() -> str | None:
    value = settings().value("last_catalogue")
    return str(value) if value else None


DEFAULT_CITATION_STYLE = "chicago-author-date"


def citation_style() -> str:
    """The style "Copy citation" uses: a bundled style's name or the path of a .csl file."""
    value = settings().value("citation/style")
    return str(value) if value else DEFAULT_CITATION_STYLE


def set_citation_style(name_or_path: str) -> None:
    store = settings()
    store.setValue("citation/style", name_or_path)
    store.sync()


def csv_mapping() -> dict[str, Any]:
    """The last "Import works from CSV…" choices: {"columns": {heading: target}, "defaults": {...}}
    (a target "" is a column chosen to be left out)."""
    value = settings().value("csv_import/mapping")
    try:
        data = json.loads(str(value)) if value else {}
    except json.JSONDecodeError:
        return {}
    return data if isinstance(data, dict) else {}


def set_csv_mapping(mapping: dict[str, Any]) -> None:
    store = settings()
    store.setValue("csv_import/mapping", json.dumps(mapping, ensure_ascii=False))
    store.sync()
