"""The self-test's registry and guards: a failing check is reported as failed, a missing feature
is named, a socket or a write inside the app's folder fails the run."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from nkarchive import selftest
from nkarchive.selftest import Check, CheckFailed, SelfTestRun, run_checks


def passes(run: SelfTestRun) -> str:
    return "fine"


def fails(run: SelfTestRun) -> str:
    raise CheckFailed("the styles folder is empty")


def crashes(run: SelfTestRun) -> str:
    raise KeyError("apa")


def opens_a_socket(run: SelfTestRun) -> str:
    socket.create_connection(("example.org", 80), timeout=1)
    return "connected"


def lines(results: list[selftest.CheckResult]) -> dict[str, tuple[bool, str]]:
    return {result.name: (result.passed, result.detail) for result in results}


def test_each_check_gives_one_result_and_the_guards_follow(tmp_path: Path) -> None:
    checks = [Check("good", passes, None), Check("bad", fails, None), Check("odd", crashes, None)]
    printed: list[str] = []
    results = run_checks(checks, report=lambda r: printed.append(r.line()), watched=[tmp_path])
    assert [r.name for r in results] == ["good", "bad", "odd", "no network", "app folder untouched"]
    seen = lines(results)
    assert seen["good"] == (True, "fine")
    assert seen["bad"] == (False, "the styles folder is empty")
    assert not seen["odd"][0] and seen["odd"][1].startswith("KeyError: 'apa' (at test_selftest.py:")
    assert printed[1].startswith("FAIL bad: the styles folder is empty")
    assert printed[0].startswith("ok   good: fine")


def test_a_socket_fails_the_check_and_the_network_guard(tmp_path: Path) -> None:
    results = lines(run_checks([Check("phones home", opens_a_socket, None)], watched=[tmp_path]))
    assert results["phones home"][0] is False
    assert "no network access" in results["phones home"][1]
    passed, detail = results["no network"]
    assert passed is False
    assert "socket.create_connection(('example.org', 80),)" in detail
    assert socket.socket.__name__ == "socket"  # put back afterwards


def test_a_file_written_inside_the_app_folder_fails_the_run(tmp_path: Path) -> None:
    app = tmp_path / "app"
    app.mkdir()
    (app / "style.csl").write_text("<style/>")

    def writes_inside(run: SelfTestRun) -> str:
        (app / "catalogue.nkcat").write_text("oops")
        (app / "style.csl").write_text("<style>changed</style>")
        return "wrote"

    results = lines(run_checks([Check("writer", writes_inside, None)], watched=[app]))
    passed, detail = results["app folder untouched"]
    assert passed is False
    assert "new " + str(app / "catalogue.nkcat") in detail
    assert "changed " + str(app / "style.csl") in detail


def test_checks_run_in_a_temporary_folder_with_their_own_user_data(tmp_path: Path) -> None:
    from nkarchive import paths

    seen: dict[str, Path] = {}

    def looks_around(run: SelfTestRun) -> str:
        seen["work"] = run.folder
        seen["data"] = paths.user_data_dir()
        return "ok"

    run_checks([Check("where", looks_around, None)], watched=[tmp_path])
    assert seen["data"].parent == seen["work"].parent
    assert not seen["work"].exists()  # removed afterwards
    assert paths.user_data_dir() != seen["data"]


def test_a_check_is_registered_only_when_its_feature_module_exists(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(selftest, "CHECKS", [])
    selftest.check("present", requires="nkarchive.store")(passes)
    selftest.check("future", requires="nkarchive.not_written_yet")(passes)
    selftest.check("always")(passes)
    assert [one.name for one in selftest.CHECKS] == ["present", "always"]


def test_a_missing_part_of_a_feature_fails_naming_it() -> None:
    with pytest.raises(
        CheckFailed, match=r"search is not built yet: nkarchive\.store has no search"
    ):
        selftest.needed("nkarchive.store", "search", "search")
    with pytest.raises(CheckFailed, match=r"bundles is not built yet: no module nkarchive\.nope"):
        selftest.needed("nkarchive.nope", "export_bundle", "bundles")


def test_the_installed_checks_cover_every_feature_that_exists() -> None:
    names = {one.name for one in selftest.load_checks()}
    assert {
        "demo catalogue", "migrations", "search in Hangul", "search in romanized form",
        "citation styles", "bundle export and import", "main window", "forms", "timeline",
        "Hangul font", "search index rows made in worker processes",
    } <= names  # fmt: skip


def test_when_the_demo_cannot_be_made_the_checks_needing_it_say_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import nkarchive.interchange.demo as demo

    def broken(path: Path) -> None:
        raise FileNotFoundError("resource missing from this installation: demo/catalogue.json")

    monkeypatch.setattr(demo, "build_demo", broken)
    checks = [Check(n, lambda run: str(run.demo()), None) for n in ("first", "second")]
    results = lines(run_checks(checks, watched=[tmp_path]))
    passed, detail = results["first"]
    assert passed is False
    assert detail.startswith(
        "FileNotFoundError: resource missing from this installation: demo/catalogue.json"
    )
    assert results["second"] == (
        False, "needs the demo catalogue, which could not be made: FileNotFoundError: "
        "resource missing from this installation: demo/catalogue.json",
    )  # fmt: skip
