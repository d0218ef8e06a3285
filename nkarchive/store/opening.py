"""Which catalogue to open: the one named, the user's default (made from the demo on first
run), or a fresh demo copy in a temporary folder."""

from __future__ import annotations

import tempfile
from pathlib import Path

from nkarchive import paths
from nkarchive.store.catalogue import Catalogue


def open_for_user(
    catalogue: str | Path | None,
    *,
    demo: bool = False,
    read_only: bool = False,
    create: bool = True,
    verify: bool = True,
) -> Catalogue:
    """`verify=False` leaves SQLite's quick check to the caller (`catalogue.verify()`), as the
    desktop app does in its worker once the first page shows."""
    from nkarchive.interchange.demo import build_demo

    if demo:
        folder = Path(tempfile.mkdtemp(prefix="nkarchive-demo-"))
        return build_demo(folder / f"demo{paths.CATALOGUE_SUFFIX}")
    if catalogue is not None:
        path = Path(catalogue).expanduser()
        if not path.exists() and create and not read_only:
            return Catalogue.create(path)
        return Catalogue.open(path, read_only=read_only, verify=verify)
    path = paths.default_catalogue_path()
    if not path.exists() and not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
        return build_demo(path)
    return Catalogue.open(path, read_only=read_only, verify=verify)
