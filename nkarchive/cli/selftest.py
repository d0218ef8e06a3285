"""`nkarchive --self-test` (or `nkarchive self-test`): proves, offscreen and in a temporary folder,
that this installation has everything it needs. The checks are in `nkarchive.selftest` (the
core's) and `nkarchive.gui.selftest_checks` (those that need Qt)."""

from __future__ import annotations

import argparse
import io
import os
import sys
from typing import Any

from nkarchive.selftest import CheckResult, load_checks, run_checks


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "self-test",
        help="check that this installation works (the same as --self-test)",
        description="Check, offscreen and in a temporary folder, that this installation can "
        "make the demo catalogue, migrate, search, draw its windows, cite, and exchange bundles "
        "without the network and without writing inside its own folder. One line per check; "
        "exit status 1 if any fails.",
    )
    parser.add_argument("--list", action="store_true", help="list the checks and exit")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.set_defaults(func=cmd_self_test)


def cmd_self_test(args: argparse.Namespace) -> int:
    if getattr(args, "list", False):
        for one in load_checks():
            print(f"{one.name}" + (f"  [{one.requires}]" if one.requires else ""))
        print("no network  [always, watches every check]")
        print("app folder untouched  [always, watches every check]")
        return 0
    return run_self_test(keep=getattr(args, "keep", False))


def run_self_test(*, keep: bool = False) -> int:
    """Run every check; print one line each and a summary; 0 only when all passed."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # no display needed, and none used
    # Hangul in a line must not crash the run where the output cannot show it (Windows pipes).
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(errors="backslashreplace")

    def report(result: CheckResult) -> None:
        print(result.line(), flush=True)

    results = run_checks(report=report, keep_folder=keep)
    failed = [result.name for result in results if not result.passed]
    if failed:
        print(f"self-test FAILED: {len(failed)} of {len(results)} checks ({', '.join(failed)})")
        return 1
    print(f"self-test passed: {len(results)} checks")
    return 0


def main() -> int:  # `python -m nkarchive.cli.selftest`
    return run_self_test()


if __name__ == "__main__":
    sys.exit(main())
