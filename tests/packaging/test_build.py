"""Builds the packaged app with `make package` and runs its self-test: everything the app needs is
inside the one folder, and it works with no Python environment, no display and no network.

Slow (a PyInstaller build: about 1.5 to 3 minutes on two cores) but part of the normal suite.
"""

from __future__ import annotations

import ast
import configparser
import os
import subprocess
from pathlib import Path

import pytest

import nkarchive

ROOT = Path(__file__).resolve().parents[2]


def checks_in_this_checkout() -> set[str]:
    """The packaged app must run every check the source registers (each built feature's)."""
    from nkarchive.selftest import load_checks

    return {one.name for one in load_checks()} | {"no network", "app folder untouched"}


@pytest.fixture(scope="module")
def built_app(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`make package` into a temporary folder (the checkout's own dist/ is left alone)."""
    out = tmp_path_factory.mktemp("package")
    result = subprocess.run(
        ["make", "package", f"DIST={out / 'dist'}", f"WORK={out / 'work'}"],
        cwd=ROOT, capture_output=True, text=True, timeout=1200,
    )  # fmt: skip
    assert result.returncode == 0, (
        f"make package failed:\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
    )
    return out / "dist" / "nkarchive"


def bare_environment(home: Path) -> dict[str, str]:
    """What a user's machine gives the app: no virtual environment, no Python paths, no display."""
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8", "TMPDIR": str(home)}


@pytest.mark.slow
def test_the_packaged_app_passes_its_self_test(built_app: Path, tmp_path: Path) -> None:
    executable = built_app / "nkarchive"
    assert executable.is_file() and os.access(executable, os.X_OK)
    home = tmp_path / "home"
    home.mkdir()
    result = subprocess.run(
        [str(executable), "--self-test"], cwd=home, env=bare_environment(home),
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    lines = [line for line in result.stdout.splitlines() if line.startswith(("ok ", "FAIL "))]
    outcome = {line.split(":", 1)[0][5:]: line.startswith("ok ") for line in lines}
    assert set(outcome) == checks_in_this_checkout(), result.stdout + result.stderr
    failed = [line for line in lines if line.startswith("FAIL")]
    assert failed == [], "\n".join(failed)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.rstrip().endswith(f"self-test passed: {len(lines)} checks")
    forms = next(line for line in lines if line.startswith("ok   forms:"))
    for source in sorted((ROOT / "nkarchive/gui/forms").glob("ui_*.py")):
        assert source.stem in forms, f"the compiled form {source.stem} is not in the build"
    # The self-test cleaned up: no catalogue is left in the home folder (its TMPDIR too).
    assert not list(home.rglob("*.nkcat"))


@pytest.mark.slow
def test_the_packaged_app_is_one_folder_with_its_data_where_it_looks(built_app: Path) -> None:
    inside = built_app / "_internal"
    for needed in (
        "resources/fonts/NanumGothic.ttf", "resources/fonts/OFL.txt",
        "resources/csl/locales/locales-en-US.xml", "resources/csl/styles/apa.csl",
        "resources/demo/catalogue.json", "resources/icons/nkarchive.svg",
        "nkarchive/store/migrations/env.py", "nkarchive/store/migrations/script.py.mako",
        "nkarchive/store/migrations/versions/0001_initial_schema.py",
    ):  # fmt: skip
        assert (inside / needed).is_file(), f"{needed} is missing from the build"
    versions = {p.name for p in (ROOT / "nkarchive/store/migrations/versions").glob("*.py")}
    assert {
        p.name for p in (inside / "nkarchive/store/migrations/versions").glob("*.py")
    } == versions
    styles = {p.name for p in (ROOT / "resources/csl/styles").glob("*.csl")}
    assert {p.name for p in (inside / "resources/csl/styles").glob("*.csl")} == styles
    # What the app does not use stays out.
    everything = [p.relative_to(inside).as_posix() for p in inside.rglob("*")]
    for unwanted in (
        "tkinter",
        "PyQt5",
        "PyQt6",
        "translations/qtbase_",
        "libQt6Network",
        "libQt6Qml",
        "pytest",
        "numpy",  # the timeline's arrays are the standard library's
        "openblas",
    ):
        assert not [p for p in everything if unwanted in p], f"{unwanted} was bundled"
    assert not [p for p in built_app.rglob("*") if p.is_symlink() and not p.exists()]
    # Issue #9: the one-folder build is at most 150 MB.
    size = sum(p.stat().st_size for p in built_app.rglob("*") if p.is_file() and not p.is_symlink())
    assert size <= 150_000_000, f"the build is {size / 1e6:.1f} MB, over 150 MB"
    assert (built_app / "nkarchive.desktop").is_file() and (
        built_app / "install-linux.sh"
    ).is_file()


@pytest.mark.slow
def test_the_packaged_app_reports_the_package_version(built_app: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [str(built_app / "nkarchive"), "--version"], env=bare_environment(tmp_path),
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.stdout.strip() == f"nkarchive {nkarchive.__version__}"


def test_the_desktop_entry_names_the_app_and_its_icon() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(ROOT / "packaging" / "nkarchive.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application"
    assert desktop["Exec"] == desktop["TryExec"] == "nkarchive"
    assert desktop["Icon"] == "nkarchive" and desktop["Terminal"] == "false"
    assert desktop["Categories"].endswith(";")
    for size in (16, 32, 48, 128, 256, 512):
        assert (ROOT / "resources/icons" / f"nkarchive-{size}.png").is_file()


def test_the_windows_version_resource_is_filled_from_the_package() -> None:
    template = (ROOT / "packaging" / "version_info.txt").read_text(encoding="utf-8")
    text = template.format(
        version_tuple=(0, 1, 0, 0), version="0.1.0", name="nkarchive", description="catalogue"
    )
    call = ast.parse(text, mode="eval").body  # PyInstaller eval()s it on Windows
    assert isinstance(call, ast.Call) and isinstance(call.func, ast.Name)
    assert call.func.id == "VSVersionInfo"
    assert "StringStruct('ProductVersion', '0.1.0')" in text
