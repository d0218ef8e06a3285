"""A child process that writes to a catalogue through `nkarchive.ops` and reports each write.

    python -m tests.safety.worker crash CATALOGUE SEED         random writes until killed
    python -m tests.safety.worker write CATALOGUE NAME COUNT [--no-lock]
    python -m tests.safety.worker diskfull CATALOGUE LIMIT_BYTES
    python -m tests.safety.worker importfull CATALOGUE BUNDLE LIMIT_BYTES

Every write is one operation making, changing or removing a *group*: a work (identifier = the
group's tag), its two titles, a credit, an event and the credited agent, all carrying the same
version. "BEGIN ..." is printed before an operation and "DONE ..." once it has committed, so
the parent knows what must be in the catalogue, and which single operation may or may not be.
"""

from __future__ import annotations

import random
import sys
from typing import Any

from sqlalchemy import select

from nkarchive import ops
from nkarchive.model import Work
from nkarchive.store.catalogue import Catalogue
from nkarchive.store.errors import CatalogueError


def say(line: str) -> None:
    print(line, flush=True)


def create_group(catalogue: Catalogue, tag: str, version: str, padding: str = "") -> None:
    with ops.operation(catalogue, f"Add group {tag}") as op:
        work = op.create(
            "work",
            {
                "identifier": tag,
                "form": "feature",
                "record_status": "draft",
                "notes": version + padding,
            },
        )
        agent = op.create("agent", {"agent_type": "person", "notes": tag})
        for letter in "ab":
            op.create(
                "title",
                {"work": work.uuid, "text": f"{tag} {version} {letter}", "title_type": "original"},
            )
        op.create(
            "credit", {"work": work.uuid, "agent": agent.uuid, "role": "director", "notes": version}
        )
        op.create("event", {"work": work.uuid, "event_type": "screening", "notes": version})


def group_parts(op: ops.Operation, tag: str) -> tuple[Any, list[Any]]:
    work = op.session.scalar(select(Work).where(Work.identifier == tag))
    assert work is not None, tag
    return work, [*work.titles, *work.credits, *work.events]


def update_group(catalogue: Catalogue, tag: str, version: str) -> None:
    with ops.operation(catalogue, f"Edit group {tag}") as op:
        work, _parts = group_parts(op, tag)
        op.update("work", work.uuid, {"notes": version})
        for title in list(work.titles):
            op.update(
                "title", title.uuid, {"text": f"{tag} {version} {title.text.rsplit(' ', 1)[-1]}"}
            )
        for credit in list(work.credits):
            op.update("credit", credit.uuid, {"notes": version})
        for event in list(work.events):
            op.update("event", event.uuid, {"notes": version})


def delete_group(catalogue: Catalogue, tag: str) -> None:
    with ops.operation(catalogue, f"Remove group {tag}") as op:
        work, _parts = group_parts(op, tag)
        agents = [credit.agent.uuid for credit in work.credits]
        op.delete("work", work.uuid)  # its titles, credits and events go with it
        for agent in agents:
            op.delete("agent", agent)


def existing_groups(catalogue: Catalogue) -> dict[str, int]:
    """Tag → the number in its version, for the groups already in the catalogue."""
    with catalogue.session() as session:
        rows = session.execute(
            select(Work.identifier, Work.notes).where(Work.identifier.like("g-%"))
        ).all()
    return {str(tag): int(str(notes)[1:].split()[0] or 0) for tag, notes in rows}


def crash(path: str, seed: int) -> None:
    """Random operations until killed."""
    rng = random.Random(seed)
    catalogue = Catalogue.open(path)
    say("OPENED")
    groups = existing_groups(catalogue)
    count = 0
    last_created: str | None = None
    while True:
        roll = rng.random()
        if last_created and roll < 0.1:
            say(f"BEGIN undo-create {last_created}")
            ops.undo(catalogue)
            say(f"DONE undo-create {last_created}")
            del groups[last_created]
            last_created = None
            continue
        last_created = None
        if not groups or roll < 0.55:
            count += 1
            tag = f"g-{seed}-{count}"
            say(f"BEGIN create {tag} v0")
            create_group(catalogue, tag, "v0")
            say(f"DONE create {tag} v0")
            groups[tag] = 0
            last_created = tag
        elif roll < 0.85:
            tag = rng.choice(sorted(groups))
            groups[tag] += 1
            version = f"v{groups[tag]}"
            say(f"BEGIN update {tag} {version}")
            update_group(catalogue, tag, version)
            say(f"DONE update {tag} {version}")
        else:
            tag = rng.choice(sorted(groups))
            say(f"BEGIN delete {tag}")
            delete_group(catalogue, tag)
            say(f"DONE delete {tag}")
            del groups[tag]


def write(path: str, name: str, count: int, use_lock: bool) -> None:
    """`count` new groups, acknowledging each; with the lock bypassed at the store level, only
    SQLite's own locking (and its busy timeout) keeps two writers apart."""
    if not use_lock:
        import nkarchive.store.catalogue as store_catalogue

        store_catalogue.acquire = lambda _path: None  # type: ignore[assignment,return-value]
    try:
        catalogue = Catalogue.open(path)
    except CatalogueError as exc:
        say(f"REFUSED {exc}")
        return
    say("OPENED")
    for number in range(count):
        tag = f"g-{name}-{number}"
        try:
            create_group(catalogue, tag, "v0")
        except CatalogueError as exc:  # busy past the timeout: not acknowledged, so not lost
            say(f"BUSY {tag} {exc}")
            continue
        say(f"DONE create {tag} v0")
    catalogue.close()
    say("CLOSED")


def disk_full(path: str, limit: int) -> None:
    """Writes large groups with every file capped at `limit` bytes, until a write is refused."""
    import resource
    import signal

    # Without this the kernel kills the process at the limit instead of failing the write.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    catalogue = Catalogue.open(path)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    say("OPENED")
    padding = " " + "x" * 40_000
    for number in range(10_000):
        tag = f"g-full-{number}"
        try:
            create_group(catalogue, tag, "v0", padding)
        except CatalogueError as exc:
            say(f"ERROR {type(exc).__name__}: {exc}")
            break
        say(f"DONE create {tag} v0")
    catalogue.close()  # its backup cannot be written either: that must not raise
    say("CLOSED")


def import_full(path: str, bundle: str, limit: int) -> None:
    """Import a citation bundle with the file size capped so that the disk "fills" midway."""
    import resource
    import signal
    from pathlib import Path

    from nkarchive.interchange.importer import import_bundle

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    catalogue = Catalogue.open(path)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    say("OPENED")
    try:
        import_bundle(catalogue, Path(bundle))
        say("IMPORTED")
    except CatalogueError as exc:
        say(f"ERROR {type(exc).__name__}: {exc}")
    catalogue.close()
    say("CLOSED")


def main(argv: list[str]) -> None:
    mode, path, *rest = argv
    if mode == "crash":
        crash(path, int(rest[0]))
    elif mode == "write":
        write(path, rest[0], int(rest[1]), use_lock="--no-lock" not in rest)
    elif mode == "diskfull":
        disk_full(path, int(rest[0]))
    elif mode == "importfull":
        import_full(path, rest[0], int(rest[1]))
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main(sys.argv[1:])
