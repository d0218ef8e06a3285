"""The attachment file store: files kept once by SHA-256 in a folder beside the catalogue.

A file with digest ``abcdef…`` lives at ``<catalogue>.files/ab/cdef…``; adding the same
content twice stores it once. No Qt here: the GUI, bundles and the command line all use it.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

CHUNK = 1 << 20


@dataclass(frozen=True)
class StoredFile:
    """What the store knows of one added file, as an attachment record wants it."""

    sha256: str
    size: int
    original_name: str
    media_type: str | None


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


class FileStore:
    """The store beside one catalogue file."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @classmethod
    def for_catalogue(cls, catalogue_path: Path) -> FileStore:
        return cls(catalogue_path.with_name(catalogue_path.name + ".files"))

    def path_for(self, sha256: str) -> Path:
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise ValueError(f"{sha256!r} is not a SHA-256 digest")
        return self.root / sha256[:2] / sha256[2:]

    def has(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def add(self, source: Path) -> StoredFile:
        """Copy `source` into the store (once per content); the copy is never partial."""
        source = Path(source)
        if not source.is_file():
            raise FileNotFoundError(f"{source} is not a file")
        self.root.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        size = 0
        handle, temporary = tempfile.mkstemp(prefix=".adding-", dir=self.root)
        try:
            with source.open("rb") as reader, os.fdopen(handle, "wb") as writer:
                while chunk := reader.read(CHUNK):
                    digest.update(chunk)
                    writer.write(chunk)
                    size += len(chunk)
                writer.flush()
                os.fsync(writer.fileno())
            target = self.path_for(digest.hexdigest())
            if target.is_file():
                Path(temporary).unlink()
            else:
                target.parent.mkdir(exist_ok=True)
                os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        media_type, _ = mimetypes.guess_type(source.name)
        return StoredFile(digest.hexdigest(), size, source.name, media_type)

    def verify(self, sha256: str) -> bool:
        """True when the stored file is present and its content still has this digest."""
        path = self.path_for(sha256)
        return path.is_file() and file_digest(path) == sha256

    def export(self, sha256: str, target: Path) -> Path:
        shutil.copyfile(self.path_for(sha256), target)
        return target
