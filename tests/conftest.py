"""Shared fixtures: every test gets its own catalogue, copied from a template made once."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

# Qt must never look for a display in tests, and must be told before it is imported.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["NKARCHIVE_CATALOGUER"] = "Test Cataloguer"

from nkarchive.store.catalogue import Catalogue


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the real user data or config folders."""
    home = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("NKARCHIVE_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("NKARCHIVE_CONFIG_DIR", str(home / "config"))


@pytest.fixture(scope="session")
def empty_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("templates") / "empty.nkcat"
    Catalogue.create(path).close()
    return path


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from nkarchive.interchange.demo import build_demo

    path = tmp_path_factory.mktemp("templates") / "demo.nkcat"
    build_demo(path).close()
    return path


def copy_catalogue(template: Path, target: Path) -> Path:
    """A fresh copy of a closed template (its WAL is folded in when it is closed)."""
    shutil.copyfile(template, target)
    return target


@pytest.fixture
def catalogue(empty_template: Path, tmp_path: Path) -> Iterator[Catalogue]:
    opened = Catalogue.open(copy_catalogue(empty_template, tmp_path / "test.nkcat"))
    yield opened
    opened.close()


@pytest.fixture
def demo_catalogue(demo_template: Path, tmp_path: Path) -> Iterator[Catalogue]:
    opened = Catalogue.open(copy_catalogue(demo_template, tmp_path / "demo.nkcat"))
    yield opened
    opened.close()
