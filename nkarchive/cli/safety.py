"""Safety commands: backup, backups, restore, unlock, compact."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from nkarchive import paths
from nkarchive.cli import UserError, add_catalogue_option
from nkarchive.store.backup import (
    backup_database,
    backups_dir,
    list_backups,
    make_backup,
    restore_backup,
    verify_backup,
)
from nkarchive.store.errors import CatalogueError


def register(sub: Any) -> None:
    backup = sub.add_parser(
        "backup", help="back the catalogue up now (into its backups folder, or --to PATH)"
    )
    add_catalogue_option(backup)
    backup.add_argument("--to", metavar="PATH", help="write the backup to this file instead")
    backup.set_defaults(func=cmd_backup)

    backups = sub.add_parser("backups", help="list the catalogue's backups, newest first")
    add_catalogue_option(backups)
    backups.add_argument("--json", action="store_true", help="print one JSON document")
    backups.set_defaults(func=cmd_backups)

    restore = sub.add_parser(
        "restore", help="replace the catalogue with a backup (the current file is kept aside)"
    )
    add_catalogue_option(restore)
    restore.add_argument(
        "backup",
        metavar="BACKUP",
        help="a backup file, or its name as `nkarchive backups` lists it",
    )
    restore.set_defaults(func=cmd_restore)

    unlock = sub.add_parser(
        "unlock", help="remove a lock left by a copy of nkarchive on another computer that is gone"
    )
    add_catalogue_option(unlock)
    unlock.set_defaults(func=cmd_unlock)

    compact = sub.add_parser(
        "compact",
        help="back the catalogue up, then give the space of deleted records and replaced "
        "indexes back to the disk",
    )
    add_catalogue_option(compact)
    compact.set_defaults(func=cmd_compact)


def catalogue_path(args: argparse.Namespace) -> Path:
    """The catalogue file named by --catalogue (or the default one); it must exist."""
    given = getattr(args, "catalogue", None)
    path = Path(given).expanduser() if given else paths.default_catalogue_path()
    path = path.absolute()
    if not path.is_file():
        raise UserError(f"{path}: no such catalogue file")
    return path


def cmd_backup(args: argparse.Namespace) -> int:
    from nkarchive.cli.catalogue import open_catalogue

    # Opened read-only first: that checks it is a sound catalogue, and works while the app
    # has it open (the backup API copies a consistent snapshot all the same).
    with open_catalogue(args, read_only=True) as catalogue:
        path = catalogue.path
        try:
            if args.to:
                target = Path(args.to).expanduser().absolute()
                if target.exists():
                    raise UserError(f"{target}: already exists; choose a new file name")
                backup_database(path, target)
                problems = verify_backup(target)
                if problems:
                    target.unlink(missing_ok=True)
                    raise UserError(
                        f"{target}: the backup failed its check ({problems[0]}) and was removed"
                    )
                size = target.stat().st_size
            else:
                info = make_backup(path, "manual")
                target, size = info.path, info.size
        except CatalogueError as exc:
            raise UserError(str(exc)) from exc
        except OSError as exc:
            raise UserError(f"could not write the backup: {exc}") from exc
    print(f"Backed up {path.name} to {target} ({size / 1024:,.0f} KiB); it passed its check.")
    return 0


def cmd_backups(args: argparse.Namespace) -> int:
    path = catalogue_path(args)
    found = list_backups(path)
    if args.json:
        document = [
            {
                "path": str(info.path),
                "name": info.path.name,
                "taken": info.taken.isoformat(),
                "reason": info.reason,
                "size_bytes": info.size,
            }
            for info in found
        ]
        json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    if not found:
        print(f"No backups of {path.name} yet (they are kept in {backups_dir(path)}).")
        return 0
    print(f"Backups of {path.name}, newest first, in {backups_dir(path)}:")
    for info in found:
        print("  " + info.describe())
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    given = getattr(args, "catalogue", None)  # it may be missing: restoring brings it back
    path = (Path(given).expanduser() if given else paths.default_catalogue_path()).absolute()
    backup = Path(args.backup).expanduser()
    if not backup.exists() and (backups_dir(path) / backup.name).exists():
        backup = backups_dir(path) / backup.name
    try:
        aside = restore_backup(path, backup)
    except CatalogueError as exc:
        raise UserError(str(exc)) from exc
    print(f"Restored {path} from {backup.name}.")
    if aside is not None:
        print(f"The catalogue as it was is kept in {aside}.")
    return 0


def cmd_unlock(args: argparse.Namespace) -> int:
    from nkarchive.store.lock import CatalogueLocked, acquire, break_lock, read_holder

    path = catalogue_path(args)
    holder = read_holder(path)
    if holder is None:
        print(f"{path.name} is not locked.")
        return 0
    try:
        # On this computer a held lock is a running copy; a stale one is simply taken over.
        acquire(path).release()
    except CatalogueLocked:
        from nkarchive.store.lock import LockHolder

        if holder.host == LockHolder.here().host:
            raise UserError(
                f"{path}: is open in {holder.describe()}, which is still running; close it there"
            ) from None
        break_lock(path)
    print(f"Removed the lock held by {holder.describe()}.")
    return 0


def cmd_compact(args: argparse.Namespace) -> int:
    from nkarchive.cli.catalogue import open_catalogue
    from nkarchive.store.compact import compact

    with open_catalogue(args, read_only=False) as catalogue:
        try:
            done = compact(catalogue)
        except CatalogueError as exc:
            raise UserError(str(exc)) from exc
    mib = 2**20
    print(
        f"Compacted {catalogue.path.name}: {done.before / mib:,.1f} MiB to "
        f"{done.after / mib:,.1f} MiB, {(done.before - done.after) / mib:,.1f} MiB given back "
        f"to the disk. It passed its check; the backup made first is {done.backup}."
    )
    return 0
