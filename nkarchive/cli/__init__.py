"""The command line: `nkarchive` with no command starts the GUI; sub-commands do batch work.

Each command group lives in its own module with `register(subparsers)`; the list below is
static so that the packaged build finds every module.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from nkarchive import __version__

COMMAND_MODULES: tuple[str, ...] = (
    "nkarchive.cli.catalogue",  # info, check, list, demo
    "nkarchive.cli.romanize",  # romanize
    "nkarchive.cli.cite",  # cite, format-csl
    "nkarchive.cli.search",  # search, reindex
    "nkarchive.cli.timeline",  # timeline
    "nkarchive.cli.bundle",  # export, import
    "nkarchive.cli.safety",  # backup, backups, restore
    "nkarchive.cli.selftest",  # --self-test support
)


class UserError(Exception):
    """An error the user can fix; printed without a traceback, exit status `status`."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.status = status


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nkarchive",
        description="Catalogue of North Korean cinema. With no command, starts the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"nkarchive {__version__}")
    parser.add_argument("--catalogue", metavar="PATH", help="catalogue file to open or create")
    parser.add_argument("--demo", action="store_true", help="open a fresh demo catalogue")
    parser.add_argument(
        "--self-test", action="store_true",
        help="check, offscreen, that this installation works (one line per check), and exit",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue  # a command group not written yet
            raise
        module.register(sub)
    return parser


def add_catalogue_option(parser: argparse.ArgumentParser) -> None:
    """Every command takes --catalogue, before or after the command name."""
    parser.add_argument(
        "--catalogue", metavar="PATH", default=argparse.SUPPRESS,
        help="catalogue file (default: the one in the user data folder)",
    )


def _gui_start(argv: list[str]) -> argparse.Namespace | None:
    """The options when nkarchive is started with no command (the desktop app), else None.

    Starting the app then skips importing every command module to build the full parser."""
    quick = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    quick.add_argument("--catalogue")
    quick.add_argument("--demo", action="store_true")
    try:
        known, rest = quick.parse_known_args(argv)
    except (argparse.ArgumentError, SystemExit):  # let the full parser say what is wrong
        return None
    return None if rest else known


def _unreadable(exc: BaseException) -> str | None:
    """What SQLite said when the file failed it mid-command (SQLAlchemy wraps it as `.orig`),
    in words; None for any other error."""
    import sqlite3

    found = exc if isinstance(exc, sqlite3.DatabaseError) else getattr(exc, "orig", None)
    if not isinstance(found, sqlite3.DatabaseError):
        return None
    said = str(found)
    if "locked" in said or "busy" in said:
        return f"is busy ({said}): another program is writing to it; try again in a moment."
    return (
        f"could not be read ({said}). The file may be damaged: `nkarchive check` says what "
        "is wrong, and `nkarchive backups` lists the backups it can be restored from."
    )


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(argv) if argv is not None else sys.argv[1:]
    gui = _gui_start(arguments)
    if gui is not None:
        from nkarchive.gui.app import run_gui  # Qt only when the GUI is wanted

        return run_gui(catalogue=gui.catalogue, demo=gui.demo)
    parser = build_parser()
    args = parser.parse_args(arguments)
    if args.self_test:  # before the GUI: the packaged app checks itself, with no display
        from nkarchive.cli.selftest import run_self_test

        return run_self_test()
    if args.command is None:
        from nkarchive.gui.app import run_gui  # Qt only when the GUI is wanted

        return run_gui(catalogue=args.catalogue, demo=args.demo)
    try:
        return int(args.func(args) or 0)
    except UserError as exc:
        print(f"nkarchive: {exc}", file=sys.stderr)
        return exc.status
    except Exception as exc:
        problem = _unreadable(exc)
        if problem is None:
            raise
        from nkarchive.paths import default_catalogue_path

        where = getattr(args, "catalogue", None) or default_catalogue_path()
        print(f"nkarchive: {where}: {problem}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("nkarchive: interrupted", file=sys.stderr)
        return 130
