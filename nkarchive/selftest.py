"""The installation's self-test: a registry of named checks, each proving one feature works here,
run in a temporary folder with the network and the app's own folder watched. No Qt at import.

A feature adds its check with the decorator; `requires` names the module the check is about,
and the check is registered only once that module exists (so the list shows what is built):

    @check("search in Hangul", requires="nkarchive.search")
    def _search_hangul(run: SelfTestRun) -> str:
        ...                      # raise CheckFailed("what is wrong"); return a short detail

Checks that need Qt live in the modules named in CHECK_MODULES and import Qt inside the check.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import os
import shutil
import socket
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn, TypeVar

from nkarchive import paths

# Modules that register further checks (imported by name, so the packaged build lists them).
CHECK_MODULES: tuple[str, ...] = ("nkarchive.gui.selftest_checks",)

DEMO_TITLE_HANGUL = "꽃파는 처녀"
DEMO_TITLE_ROMANIZED = "kkotpanun chonyo"  # McCune–Reischauer without its diacritics


class CheckFailed(Exception):
    """A check found something wrong; the message says what, in a user's words."""


@dataclass(frozen=True)
class Check:
    name: str
    run: Callable[[SelfTestRun], str]
    requires: str | None


@dataclass(frozen=True)
class CheckResult:
    name: str
    passed: bool
    detail: str
    seconds: float

    def line(self) -> str:
        mark = "ok  " if self.passed else "FAIL"
        return f"{mark} {self.name}: {self.detail} ({self.seconds:.2f} s)"


CHECKS: list[Check] = []
Function = TypeVar("Function", bound=Callable[["SelfTestRun"], str])


def module_exists(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:  # a parent package is missing
        return False


def check(name: str, *, requires: str | None = None) -> Callable[[Function], Function]:
    """Register a check, unless `requires` names a module that does not exist yet."""

    def register(function: Function) -> Function:
        if requires is None or module_exists(requires):
            if any(existing.name == name for existing in CHECKS):
                raise ValueError(f"self-test check {name!r} is registered twice")
            CHECKS.append(Check(name, function, requires))
        return function

    return register


def load_checks() -> list[Check]:
    for module in CHECK_MODULES:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
    return list(CHECKS)


def needed(module: str, attribute: str, feature: str) -> Any:
    """`module.attribute`, or a failure naming what is missing for `feature`."""
    try:
        imported = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        raise CheckFailed(f"{feature} is not built yet: no module {exc.name}") from None
    if not hasattr(imported, attribute):
        raise CheckFailed(f"{feature} is not built yet: {module} has no {attribute}")
    return getattr(imported, attribute)


# -- the run: temporary folder, shared demo catalogue, guards ---------------------------------


@dataclass
class SelfTestRun:
    """What the checks share: the temporary folder, and the demo catalogue once made."""

    folder: Path
    catalogues: list[Any] = field(default_factory=list)
    _demo: Any = None
    _demo_failure: str | None = None

    def path(self, name: str) -> Path:
        return self.folder / name

    def demo(self) -> Any:
        """The demo catalogue, built on first use (the "demo catalogue" check builds it); once
        it could not be made, every check that needs it fails saying why, without retrying."""
        if self._demo_failure is not None:
            raise CheckFailed(
                f"needs the demo catalogue, which could not be made: {self._demo_failure}"
            )
        if self._demo is None:
            from nkarchive.interchange.demo import build_demo

            try:
                self._demo = self.keep(build_demo(self.path(f"demo{paths.CATALOGUE_SUFFIX}")))
            except Exception as exc:
                self._demo_failure = f"{type(exc).__name__}: {exc}"
                raise
        return self._demo

    def keep(self, catalogue: Any) -> Any:
        """Close `catalogue` when the run ends."""
        self.catalogues.append(catalogue)
        return catalogue

    def close(self) -> None:
        for catalogue in reversed(self.catalogues):
            # A failed check may have left it half-closed; the whole folder goes anyway.
            with contextlib.suppress(Exception):
                catalogue.close()
        self.catalogues.clear()


@dataclass
class NetworkWatch:
    """Replaces the socket module's ways out while the self-test runs, and records every try."""

    attempts: list[str] = field(default_factory=list)

    @contextmanager
    def watching(self) -> Iterator[None]:
        saved = (socket.socket, socket.create_connection, socket.getaddrinfo)
        watch = self

        class WatchedSocket(socket.socket):
            def __init__(self, *args: Any, **kwargs: Any) -> None:
                watch.refuse("socket.socket", args)

        def create_connection(address: Any, *args: Any, **kwargs: Any) -> socket.socket:
            return watch.refuse("socket.create_connection", (address,))

        def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
            return watch.refuse("socket.getaddrinfo", (host,))

        socket.socket = WatchedSocket  # type: ignore[misc]
        socket.create_connection = create_connection
        socket.getaddrinfo = getaddrinfo
        try:
            yield
        finally:
            socket.socket, socket.create_connection, socket.getaddrinfo = saved  # type: ignore[misc]

    def refuse(self, what: str, args: tuple[Any, ...]) -> NoReturn:
        caller = traceback.extract_stack(limit=3)[0]
        self.attempts.append(f"{what}{args!r} from {Path(caller.filename).name}:{caller.lineno}")
        raise PermissionError(f"nkarchive self-test: no network access ({what})")


def app_folder() -> Path:
    """The installation's own folder: the bundle when frozen, else the checkout."""
    if paths.is_frozen():
        bundle = Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
        return Path(os.path.commonpath([Path(sys.executable).resolve().parent, bundle.resolve()]))
    return paths.package_dir().parent


def watched_folders() -> list[Path]:
    """What must not change: all of a packaged app; in a checkout, where it reads its data."""
    if paths.is_frozen():
        return [app_folder()]
    return [paths.package_dir(), paths.resources_dir()]


def folder_state(folders: list[Path]) -> dict[str, tuple[int, int]]:
    """Size and modification time of every file in `folders`. In a checkout, Python source and
    bytecode caches are left out: people edit the one and Python, not the app, writes the other."""
    in_checkout = not paths.is_frozen()
    state: dict[str, tuple[int, int]] = {}
    for top in folders:
        for folder, subfolders, files in os.walk(top):
            if in_checkout:
                subfolders[:] = [name for name in subfolders if name != "__pycache__"]
            for name in files:
                if in_checkout and name.endswith(".py"):
                    continue
                full = os.path.join(folder, name)
                try:
                    info = os.lstat(full)
                except OSError:
                    continue
                state[full] = (info.st_size, info.st_mtime_ns)
    return state


def folder_changes(
    before: dict[str, tuple[int, int]], after: dict[str, tuple[int, int]]
) -> list[str]:
    added = [f"new {name}" for name in sorted(after.keys() - before.keys())]
    removed = [f"removed {name}" for name in sorted(before.keys() - after.keys())]
    changed = [
        f"changed {name}"
        for name in sorted(before.keys() & after.keys())
        if before[name] != after[name]
    ]
    return added + removed + changed


# -- running ------------------------------------------------------------------------------------


def run_checks(
    checks: list[Check] | None = None,
    *,
    report: Callable[[CheckResult], None] = lambda result: None,
    keep_folder: bool = False,
    watched: list[Path] | None = None,
) -> list[CheckResult]:
    """Run every check in a new temporary folder (user data and settings there too), then the
    two guards: no socket was opened, and nothing changed inside the app's own folder."""
    checks = load_checks() if checks is None else checks
    results: list[CheckResult] = []

    def record(result: CheckResult) -> None:
        results.append(result)
        report(result)

    folder = Path(tempfile.mkdtemp(prefix="nkarchive-selftest-"))
    saved_environment = {key: os.environ.get(key) for key in _ISOLATED_ENVIRONMENT}
    for key, sub in _ISOLATED_ENVIRONMENT.items():
        (folder / sub).mkdir()
        os.environ[key] = str(folder / sub)
    watched = watched_folders() if watched is None else watched
    before = folder_state(watched)
    network = NetworkWatch()
    run = SelfTestRun(folder / "work")
    run.folder.mkdir()
    try:
        with network.watching():
            for one in checks:
                record(_run_one(one, run))
            run.close()
    finally:
        run.close()
        for key, value in saved_environment.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        if not keep_folder:
            shutil.rmtree(folder, ignore_errors=True)
    record(
        CheckResult(
            "no network",
            not network.attempts,
            "no socket opened" if not network.attempts else "; ".join(network.attempts[:5]),
            0.0,
        )
    )
    changes = folder_changes(before, folder_state(watched))
    where = ", ".join(str(folder) for folder in watched)
    record(
        CheckResult(
            "app folder untouched",
            not changes,
            f"nothing written in {where}"
            if not changes
            else f"{len(changes)} change(s): " + ", ".join(changes[:5]),
            0.0,
        )
    )
    return results


# The self-test's user data and settings live in its temporary folder, not the user's.
_ISOLATED_ENVIRONMENT = {"NKARCHIVE_DATA_DIR": "data", "NKARCHIVE_CONFIG_DIR": "config"}


def _run_one(one: Check, run: SelfTestRun) -> CheckResult:
    started = time.perf_counter()
    try:
        detail = one.run(run)
        passed = True
    except CheckFailed as exc:
        detail, passed = str(exc), False
    except Exception as exc:  # any error is a failed check, reported with where it happened
        where = traceback.extract_tb(exc.__traceback__)[-1]
        detail = f"{type(exc).__name__}: {exc} (at {Path(where.filename).name}:{where.lineno})"
        passed = False
    return CheckResult(one.name, passed, detail, time.perf_counter() - started)


# -- the core checks (no Qt) -----------------------------------------------------------------


@check("demo catalogue", requires="nkarchive.interchange.demo")
def _demo_catalogue(run: SelfTestRun) -> str:
    counts = run.demo().counts()
    if not counts.get("work"):
        raise CheckFailed("the demo catalogue was made but holds no works")
    return ", ".join(f"{counts[kind]} {kind}s" for kind in ("work", "agent", "event", "source"))


@check("migrations")
def _migrations(run: SelfTestRun) -> str:
    from nkarchive.store import migrate
    from nkarchive.store.engine import make_engine

    script = migrate.script_directory()
    revisions = [one.revision for one in reversed(list(script.walk_revisions()))]
    files = sorted(p.name for p in (paths.migrations_dir() / "versions").glob("*.py"))
    if len(files) != len(revisions):
        raise CheckFailed(f"{len(files)} migration files but {len(revisions)} revisions: {files}")
    engine = make_engine(run.path("migrations.sqlite"), foreign_keys=False)
    try:
        for revision in revisions:  # one step at a time: each migration loads and applies
            migrate.upgrade(engine, revision)
            with engine.connect() as connection:
                reached = migrate.current_revision(connection)
            if reached != revision:
                raise CheckFailed(f"upgrading to {revision} left the schema at {reached}")
    finally:
        engine.dispose()
    demo_revision = run.demo().schema_revision()
    if demo_revision != migrate.head_revision():
        raise CheckFailed(
            f"the demo catalogue is at {demo_revision}, not {migrate.head_revision()}"
        )
    return f"{len(revisions)} migrations applied in turn up to {revisions[-1]}"


def _found_work(run: SelfTestRun, query: str) -> str:
    search = needed("nkarchive.search", "search", "search")
    result = search(run.demo(), query, kinds=["work"], limit=5)
    labels = [hit.label for hit in result.hits if hit.kind == "work"]
    uuids = [hit.uuid for hit in result.hits if hit.kind == "work"]
    wanted = _work_with_title(run, DEMO_TITLE_HANGUL)
    if wanted not in uuids:
        raise CheckFailed(
            f"{query!r} did not find the work titled {DEMO_TITLE_HANGUL} (found {labels})"
        )
    return f"{query!r} finds {labels[uuids.index(wanted)]!r} among {len(uuids)} work(s)"


def _work_with_title(run: SelfTestRun, text: str) -> str:
    from sqlalchemy import select

    from nkarchive.model import Title, Work

    with run.demo().session() as session:
        found = session.scalar(select(Work.uuid).join(Title).where(Title.text == text))
    if found is None:
        raise CheckFailed(f"the demo catalogue has no work titled {text}")
    return str(found)


@check("search in Hangul", requires="nkarchive.search")
def _search_hangul(run: SelfTestRun) -> str:
    return _found_work(run, DEMO_TITLE_HANGUL)


@check("search in romanized form", requires="nkarchive.search")
def _search_romanized(run: SelfTestRun) -> str:
    return _found_work(run, DEMO_TITLE_ROMANIZED)


@check("search index rows made in worker processes", requires="nkarchive.search.workers")
def _rows_in_workers(run: SelfTestRun) -> str:
    from nkarchive.search.columns import rowid_base
    from nkarchive.search.documents import RowMaker, fetch_values
    from nkarchive.search.workers import RowMakers, rows_of

    with run.demo().engine.connect() as connection:
        fetched = fetch_values(connection, "work", id_range=(1, 1 << 30))
    expected = rows_of("work", rowid_base("work"), fetched, RowMaker())
    with RowMakers(2) as makers:
        made = [rows for _, rows in [*makers.add(None, "work", rowid_base("work"), fetched),
                                     *makers.finish()]]  # fmt: skip
        if not makers.parallel:
            raise CheckFailed("worker processes could not be started or died (see the log)")
    if made != [expected]:
        raise CheckFailed("rows made in a worker process differ from rows made here")
    return f"{sum(len(rows) for rows in expected.values())} works' rows made in a worker process"


SAMPLE_SOURCE = {
    "id": "selftest-rodong-1972",
    "type": "article-newspaper",
    "title": "영화 《꽃파는 처녀》 카를로비바리 국제영화축전에서 특별상",
    "container-title": "로동신문",
    "author": [{"family": "김", "given": "철"}],
    "issued": {"date-parts": [[1972, 7, 20]]},
    "page": "3",
    "language": "ko",
}


@check("citation styles", requires="nkarchive.interchange.csl")
def _citation_styles(run: SelfTestRun) -> str:
    load_style = needed("nkarchive.interchange.csl", "load_style", "citation formatting")
    bundled = needed("nkarchive.interchange.csl", "BUNDLED_STYLES", "citation formatting")
    on_disk = {p.stem for p in paths.resource_path("csl", "styles").glob("*.csl")}
    missing = sorted(set(bundled) - on_disk)
    if missing:
        raise CheckFailed(f"bundled style files missing from this installation: {missing}")
    for name in sorted(on_disk):
        style = load_style(name)
        cited = style.processor([SAMPLE_SOURCE]).cite([{"id": SAMPLE_SOURCE["id"], "locator": "3"}])
        entries = style.bibliography([SAMPLE_SOURCE], format="text")
        if "꽃파는 처녀" not in " ".join(entries) or not str(cited).strip():
            raise CheckFailed(f"{name}: the citation came out as {cited!r}, {entries!r}")
    return f"{len(on_disk)} styles: {', '.join(sorted(on_disk))}"


@check("bundle export and import", requires="nkarchive.interchange.bundle")
def _bundle_round_trip(run: SelfTestRun) -> str:
    from nkarchive.store.catalogue import Catalogue

    export_bundle = needed("nkarchive.interchange.bundle", "export_bundle", "bundle export")
    selection_class = needed("nkarchive.interchange.records", "Selection", "bundle export")
    import_bundle = _bundle_importer()
    bundle = run.path("demo-bundle.zip")
    exported = export_bundle(run.demo(), selection_class(everything=True), bundle)
    target = run.keep(Catalogue.create(run.path(f"imported{paths.CATALOGUE_SUFFIX}")))
    import_bundle(target, bundle)
    kinds = ("work", "agent", "event", "source", "citation")
    theirs, ours = run.demo().counts(), target.counts()
    different = [
        f"{kind} {theirs[kind]}→{ours[kind]}" for kind in kinds if theirs[kind] != ours[kind]
    ]
    if different:
        raise CheckFailed(f"the imported catalogue differs from the exported one: {different}")
    size = bundle.stat().st_size // 1024
    return f"{exported.path.name} ({size} KB) back in: " + ", ".join(
        f"{ours[kind]} {kind}s" for kind in kinds
    )


def _bundle_importer() -> Any:
    """The bundle importer, wherever the interchange package keeps it."""
    for module in ("nkarchive.interchange.importer", "nkarchive.interchange.bundle"):
        if module_exists(module) and hasattr(importlib.import_module(module), "import_bundle"):
            return importlib.import_module(module).import_bundle
    raise CheckFailed("bundle import is not built yet: no import_bundle in nkarchive.interchange")
