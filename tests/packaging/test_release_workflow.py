"""The release workflow cannot run here (it needs hosted Windows and macOS runners), so it is
checked as far as it can be: against GitHub's workflow schema, and for the steps that make each
build trustworthy."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

WORKFLOW = Path(__file__).parents[2] / ".github" / "workflows" / "release.yml"


def _workflow() -> dict[str, Any]:
    loaded: dict[str, Any] = YAML(typ="safe").load(WORKFLOW.read_text(encoding="utf-8"))
    return loaded


def test_the_workflow_is_valid_for_github_actions() -> None:
    # check-jsonschema ships the SchemaStore schema for workflows: no network needed.
    done = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
         str(WORKFLOW)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


def test_it_builds_on_linux_windows_and_both_macs() -> None:
    build = _workflow()["jobs"]["build"]
    systems = [entry["os"] for entry in build["strategy"]["matrix"]["include"]]
    assert any(name.startswith("ubuntu") for name in systems)
    assert any(name.startswith("windows") for name in systems)
    assert sum(name.startswith("macos") for name in systems) == 2  # Apple silicon and Intel
    assert build["runs-on"] == "${{ matrix.os }}"


def test_every_build_runs_its_self_test_before_it_is_archived() -> None:
    steps = _workflow()["jobs"]["build"]["steps"]
    runs = [step.get("run", "") for step in steps]
    built = next(i for i, run in enumerate(runs) if "pyinstaller" in run and "build.spec" in run)
    tested = next(i for i, run in enumerate(runs) if "--self-test" in run)
    archived = next(i for i, step in enumerate(steps) if step.get("name") == "Archive")
    assert built < tested < archived
    # One executable path per runner system, the same ones build.spec makes.
    assert "dist/nkarchive/nkarchive.exe" in runs[tested]
    assert "dist/nkarchive.app/Contents/MacOS/nkarchive" in runs[tested]


def test_a_release_is_published_only_from_a_tag_and_only_after_every_build() -> None:
    workflow = _workflow()
    release = workflow["jobs"]["release"]
    assert release["needs"] == "build"
    assert "tag" in release["if"]
    assert workflow["permissions"] == {"contents": "read"}  # write only where it publishes
    assert release["permissions"] == {"contents": "write"}
