"""Integrity checks of a catalogue: SQLite's own checks, references, and the schema version.

Other parts register further checks (the search index, attachment fixity) in `EXTRA_CHECKS`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from nkarchive.store import migrate
from nkarchive.store.catalogue import Catalogue


@dataclass
class CheckReport:
    """Named checks, each with the problems it found (an empty list means it passed)."""

    results: dict[str, list[str]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not any(self.results.values())

    def add(self, name: str, problems: list[str]) -> None:
        self.results[name] = problems

    def lines(self) -> list[str]:
        out = []
        for name, problems in self.results.items():
            out.append(f"{'ok  ' if not problems else 'FAIL'} {name}")
            out.extend(f"     - {problem}" for problem in problems[:50])
            if len(problems) > 50:
                out.append(f"     … and {len(problems) - 50} more")
        return out


Check = Callable[[Catalogue], list[str]]
EXTRA_CHECKS: dict[str, Check] = {}


def sqlite_integrity(catalogue: Catalogue, *, quick: bool = False) -> list[str]:
    pragma = "quick_check" if quick else "integrity_check"
    with catalogue.engine.connect() as connection:
        rows = [str(row[0]) for row in connection.exec_driver_sql(f"PRAGMA {pragma}")]
    return [] if rows == ["ok"] else rows


def foreign_keys(catalogue: Catalogue) -> list[str]:
    with catalogue.engine.connect() as connection:
        rows = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    return [f"{table} row {rowid} points at a missing {parent}" for table, rowid, parent, _ in rows]


def schema_version(catalogue: Catalogue) -> list[str]:
    current, head = catalogue.schema_revision(), migrate.head_revision()
    return [] if current == head else [f"schema is {current}, this version expects {head}"]


def check_catalogue(catalogue: Catalogue, *, quick: bool = False) -> CheckReport:
    report = CheckReport()
    report.add("SQLite integrity", sqlite_integrity(catalogue, quick=quick))
    report.add("references between records", foreign_keys(catalogue))
    report.add("schema version", schema_version(catalogue))
    for name, check in EXTRA_CHECKS.items():
        report.add(name, check(catalogue))
    return report
