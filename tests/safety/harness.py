"""Crash rounds: start a writer child, SIGKILL it at a random moment, then prove the catalogue
opens, passes its checks, holds every reported operation and no half of any operation.

Used by tests/safety/test_crash.py (a few rounds) and tests/perf/crash_soak.py (200 rounds).
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from nkarchive.model import Agent, Work
from nkarchive.store.catalogue import Catalogue
from nkarchive.store.check import check_catalogue

REPO = Path(__file__).resolve().parents[2]


@dataclass
class Ledger:
    """What the children reported: each group's committed version (None once removed)."""

    groups: dict[str, str | None] = field(default_factory=dict)
    committed: int = 0

    def apply(self, line: str) -> None:
        words = line.split()
        action, tag = words[1], words[2]
        if action in ("create", "update"):
            self.groups[tag] = words[3]
        else:  # delete, undo-create
            self.groups[tag] = None

    def after(self, line: str) -> tuple[str, str | None]:
        words = line.split()
        return words[2], (words[3] if words[1] in ("create", "update") else None)


@dataclass
class RoundResult:
    reported: int
    in_flight: str | None
    opened_by_child: bool


def group_versions(catalogue: Catalogue) -> tuple[dict[str, str], list[str]]:
    """Each group's version as the catalogue holds it, and any group found half-written."""
    versions: dict[str, str] = {}
    halves: list[str] = []
    with catalogue.session() as session:
        tags_of_agents = set(session.scalars(select(Agent.notes).where(Agent.notes.like("g-%"))))
        for work in session.scalars(select(Work).where(Work.identifier.like("g-%"))):
            tag = str(work.identifier)
            version = str(work.notes).split()[0]
            found = [t.text.split()[1] for t in work.titles]
            found += [str(c.notes) for c in work.credits] + [str(e.notes) for e in work.events]
            agents = {str(c.agent.notes) for c in work.credits}
            if len(found) != 4 or set(found) != {version} or agents != {tag}:
                halves.append(f"{tag}: work {version}, parts {found}, agents {agents}")
            versions[tag] = version
            tags_of_agents.discard(tag)
        halves += [
            f"{tag}: an agent without its work" for tag in sorted(t for t in tags_of_agents if t)
        ]
    return versions, halves


def verify(path: Path, ledger: Ledger, in_flight: str | None) -> None:
    """The catalogue opens (a full check after the crash), is sound, and holds exactly what was
    reported, give or take the one operation that was under way."""
    catalogue = Catalogue.open(path)
    try:
        assert catalogue.lock is not None
        report = check_catalogue(catalogue)
        assert report.ok, "\n".join(report.lines())
        versions, halves = group_versions(catalogue)
    finally:
        catalogue.close()
    assert not halves, f"half-written operations: {halves}"
    expected = {tag: version for tag, version in ledger.groups.items() if version is not None}
    if versions != expected and in_flight is not None:
        tag, version = ledger.after(in_flight)
        alternative = dict(expected)
        if version is None:
            alternative.pop(tag, None)
        else:
            alternative[tag] = version
        if versions == alternative:
            ledger.apply(in_flight)  # it committed just before the kill, unreported
            return
    missing = {t: v for t, v in expected.items() if versions.get(t) != v}
    extra = {t: v for t, v in versions.items() if expected.get(t) != v}
    assert versions == expected, (
        f"lost or changed: {missing}; unexpected: {extra}; in flight: {in_flight}"
    )


def crash_round(path: Path, ledger: Ledger, rng: random.Random, seed: int) -> RoundResult:
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.safety.worker", "crash", str(path), str(seed)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    lines: list[str] = []
    opened = threading.Event()

    def read() -> None:
        assert child.stdout is not None
        for line in child.stdout:
            lines.append(line.rstrip("\n"))
            if line.startswith("OPENED"):
                opened.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    # Mostly kill while it writes; sometimes while it starts, opens, checks or backs up.
    if rng.random() < 0.8:
        opened.wait(timeout=60)
        time.sleep(rng.uniform(0.0, 1.5))
    else:
        time.sleep(rng.uniform(0.0, 1.5))
    if child.poll() is not None:  # it must not have stopped by itself
        stderr = child.stderr.read() if child.stderr else ""
        raise AssertionError(f"the writer stopped on its own: {stderr[-3000:]}")
    child.kill()  # SIGKILL: no clean-up of any kind
    child.wait()
    reader.join(timeout=10)
    if child.stderr:
        child.stderr.close()
    in_flight = None
    reported = 0
    for line in lines:
        if line.startswith("BEGIN "):
            in_flight = line
        elif line.startswith("DONE "):
            ledger.apply(line)
            ledger.committed += 1
            reported += 1
            in_flight = None
    verify(path, ledger, in_flight)
    return RoundResult(reported, in_flight, opened.is_set())


def run_rounds(path: Path, rounds: int, seed: int = 0, progress: bool = False) -> list[RoundResult]:
    rng = random.Random(seed)
    ledger = Ledger()
    results = []
    for number in range(rounds):
        results.append(crash_round(path, ledger, rng, seed * 100_000 + number))
        if progress:
            done = results[-1]
            print(
                f"round {number + 1}/{rounds}: {done.reported} operations reported, "
                f"{'one in flight' if done.in_flight else 'none in flight'}; "
                f"{sum(g is not None for g in ledger.groups.values())} groups in the catalogue",
                flush=True,
            )
    return results
