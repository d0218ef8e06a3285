"""The one place that knows where resources and user data live, frozen (PyInstaller) or not."""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

import platformdirs

from nkarchive import APP_NAME

CATALOGUE_SUFFIX = ".nkcat"


def is_frozen() -> bool:
    """True inside a PyInstaller build."""
    return bool(getattr(sys, "frozen", False))


def package_dir() -> Path:
    """The `nkarchive` package folder (inside the bundle when frozen)."""
    return Path(__file__).resolve().parent


def resources_dir() -> Path:
    """The top-level `resources/` folder: beside the package in a checkout, in the bundle when frozen."""
    if is_frozen():
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "resources"
    return package_dir().parent / "resources"


def resource_path(*parts: str) -> Path:
    """A file or folder under `resources/`; raises FileNotFoundError naming it if absent."""
    path = resources_dir().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"resource missing from this installation: {path}")
    return path


def migrations_dir() -> Path:
    return package_dir() / "store" / "migrations"


def user_data_dir() -> Path:
    """Where catalogues and backups live; NKARCHIVE_DATA_DIR overrides (tests, portable use)."""
    override = os.environ.get("NKARCHIVE_DATA_DIR")
    if override:
        return Path(override)
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def user_config_dir() -> Path:
    override = os.environ.get("NKARCHIVE_CONFIG_DIR")
    if override:
        return Path(override)
    return platformdirs.user_config_path(APP_NAME, appauthor=False)


def default_catalogue_path() -> Path:
    return user_data_dir() / f"catalogue{CATALOGUE_SUFFIX}"


def cataloguer_name() -> str:
    """Who is cataloguing: NKARCHIVE_CATALOGUER, else the operating-system user."""
    name = os.environ.get("NKARCHIVE_CATALOGUER", "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except Exception:  # no user database entry (containers): still record something honest
        return "unknown"
