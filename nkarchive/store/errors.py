"""Errors about the catalogue file that a user can cause and fix; each names the file."""

from __future__ import annotations

from pathlib import Path


class CatalogueError(Exception):
    """The catalogue cannot be opened or written; the message says why and names the file."""

    def __init__(self, path: Path | str, message: str) -> None:
        self.path = Path(path)
        super().__init__(f"{self.path}: {message}")


class NotACatalogue(CatalogueError):
    pass


class NewerSchema(CatalogueError):
    pass


class CatalogueReadOnly(CatalogueError):
    pass


class CatalogueMissing(CatalogueError):
    pass


class CatalogueDamaged(CatalogueError):
    pass
