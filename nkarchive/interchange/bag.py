"""Writing a BagIt 1.0 bag (RFC 8493): payload files hashed as they are written, SHA-256 and
SHA-512 manifests, bag-info.txt and tag manifests; as a folder or a zip holding one folder.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

ALGORITHMS = ("sha256", "sha512")
CHUNK = 1 << 20
Progress = Callable[[str, int, int], None]


def _escape_path(path: str) -> str:
    return path.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


class BagWriter:
    """Collects a bag in a staging folder; `finish` writes the tag files and puts it in place."""

    def __init__(self, staging: Path) -> None:
        self.root = staging
        (staging / "data").mkdir(parents=True)
        self.entries: dict[str, dict[str, str]] = {}
        self.payload_bytes = 0

    def add_bytes(self, relative: str, content: bytes) -> None:
        target = self.root / "data" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        self._record(
            relative,
            {name: hashlib.new(name, content).hexdigest() for name in ALGORITHMS},
            len(content),
        )

    def add_file(self, relative: str, source: Path) -> dict[str, str]:
        """Copy a file into the payload; returns its digests (so the caller can check them)."""
        target = self.root / "data" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        digests = {name: hashlib.new(name) for name in ALGORITHMS}
        size = 0
        with source.open("rb") as reader, target.open("wb") as writer:
            while chunk := reader.read(CHUNK):
                for digest in digests.values():
                    digest.update(chunk)
                writer.write(chunk)
                size += len(chunk)
        hexes = {name: digest.hexdigest() for name, digest in digests.items()}
        self._record(relative, hexes, size)
        return hexes

    def _record(self, relative: str, digests: dict[str, str], size: int) -> None:
        self.entries[f"data/{relative}"] = digests
        self.payload_bytes += size

    def finish(self, bag_info: dict[str, str]) -> None:
        tag_files: dict[str, bytes] = {
            "bagit.txt": b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n",
        }
        info = {
            **bag_info,
            "Bagging-Date": bag_info.get("Bagging-Date", date.today().isoformat()),
            "Payload-Oxum": f"{self.payload_bytes}.{len(self.entries)}",
        }
        tag_files["bag-info.txt"] = "".join(
            f"{key}: {' '.join(str(value).split())}\n" for key, value in info.items()
        ).encode()
        for name in ALGORITHMS:
            lines = [
                f"{d[name]}  {_escape_path(path)}\n" for path, d in sorted(self.entries.items())
            ]
            tag_files[f"manifest-{name}.txt"] = "".join(lines).encode()
        for relative, content in tag_files.items():
            (self.root / relative).write_bytes(content)
        for name in ALGORITHMS:
            lines = [
                f"{hashlib.new(name, content).hexdigest()}  {relative}\n"
                for relative, content in sorted(tag_files.items())
            ]
            (self.root / f"tagmanifest-{name}.txt").write_bytes("".join(lines).encode())


def place_bag(staging: Path, out: Path, progress: Progress | None = None) -> None:
    """Move the finished bag to `out`: a folder, or a zip (by its suffix) of one folder named
    after it. Text is compressed; attachments, usually compressed already, are stored."""
    if out.suffix.lower() != ".zip":
        if out.exists():
            out.rmdir()  # only an empty folder may be written over
        shutil.move(str(staging), out)
        return
    partial = out.with_name(f".{out.name}.writing-{os.getpid()}")
    files = sorted(p for p in staging.rglob("*") if p.is_file())
    try:
        with zipfile.ZipFile(partial, "w") as archive:
            for done, path in enumerate(files, start=1):
                relative = path.relative_to(staging).as_posix()
                stored = relative.startswith("data/attachments/")
                archive.write(
                    path,
                    f"{out.stem}/{relative}",
                    compress_type=zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED,
                    compresslevel=None if stored else 1,  # 2.5x faster than 6, 15% larger
                )
                if progress:
                    progress("Writing the zip", done, len(files))
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)
