"""Opening a bundle safely and verifying it, before anything is imported.

A zip is inspected member by member before a byte is extracted: absolute paths, `..`, links
and other special files, names that collide when case is ignored, too many members, too many
bytes and a bomb's compression ratio are refused. A folder gets the same checks. Then the bag
must be complete and valid (bagit's own validator): a changed, missing or extra file is refused
with the list of what is wrong.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import stat
import tempfile
import unicodedata
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import bagit


class BundleRefused(Exception):
    """The bundle is unsafe, damaged or incomplete; `problems` lists what is wrong."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        shown = problems[:20] + ([f"… and {len(problems) - 20} more"] if len(problems) > 20 else [])
        super().__init__(f"{path}: refused, nothing was imported:\n  " + "\n  ".join(shown))


@dataclass(frozen=True)
class Limits:
    """What a bundle may hold; generous for real archives, far below what harms a laptop."""

    members: int = 200_000
    total_bytes: int = 8 * 1024**3
    ratio: int = 200  # uncompressed / compressed, for members big enough to matter
    ratio_floor: int = 1024**2


LIMITS = Limits()


def _name_problems(names: list[str]) -> list[str]:
    problems: list[str] = []
    folded: dict[str, str] = {}
    for name in names:
        path = PurePosixPath(name)
        if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":") or "\\" in name:
            problems.append(f"{name}: an absolute or Windows path")
        elif any(part == ".." for part in path.parts):
            problems.append(f"{name}: a path that climbs out of the bundle (..)")
        elif "\x00" in name:
            problems.append(f"{name!r}: a name with a NUL character")
        key = unicodedata.normalize("NFC", name.rstrip("/")).casefold()
        if key in folded and folded[key] != name:
            problems.append(f"{name}: collides with {folded[key]} when case is ignored")
        folded.setdefault(key, name)
    return problems


def zip_problems(archive: zipfile.ZipFile, limits: Limits = LIMITS) -> list[str]:
    members = archive.infolist()
    if len(members) > limits.members:
        return [f"{len(members)} members, more than the {limits.members} a bundle may hold"]
    problems = _name_problems([m.filename for m in members])
    total = 0
    for member in members:
        mode = member.external_attr >> 16
        kind = stat.S_IFMT(mode)
        if kind == stat.S_IFLNK:
            problems.append(f"{member.filename}: a link")
        elif kind not in (0, stat.S_IFREG, stat.S_IFDIR):
            problems.append(f"{member.filename}: a special file")
        if member.flag_bits & 0x1:
            problems.append(f"{member.filename}: encrypted")
        total += member.file_size
        if member.file_size > limits.ratio_floor and member.file_size > limits.ratio * max(
            member.compress_size, 1
        ):
            problems.append(
                f"{member.filename}: compressed {member.file_size // max(member.compress_size, 1)}:1, "
                "as a zip bomb is"
            )
    if total > limits.total_bytes:
        problems.append(
            f"{total} bytes uncompressed, more than the {limits.total_bytes} a bundle may hold"
        )
    return problems


def folder_problems(root: Path, limits: Limits = LIMITS) -> list[str]:
    problems: list[str] = []
    names: list[str] = []
    total = 0
    for folder, dirs, files in os.walk(root, followlinks=False):
        for name in dirs + files:
            path = Path(folder) / name
            relative = path.relative_to(root).as_posix()
            names.append(relative)
            info = path.lstat()
            if stat.S_ISLNK(info.st_mode):
                problems.append(f"{relative}: a link")
            elif not (stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode)):
                problems.append(f"{relative}: a special file")
            elif stat.S_ISREG(info.st_mode):
                total += info.st_size
        if len(names) > limits.members:
            return [f"more than the {limits.members} files a bundle may hold"]
    if total > limits.total_bytes:
        problems.append(f"{total} bytes, more than the {limits.total_bytes} a bundle may hold")
    return problems + _name_problems(names)


def _extract(archive: zipfile.ZipFile, target: Path, limits: Limits) -> None:
    """Extract members already checked; a member that holds more than its header says is
    cut off and refused (a header can lie)."""
    written = 0
    for member in archive.infolist():
        destination = target / member.filename
        if member.is_dir():
            destination.mkdir(parents=True, exist_ok=True)
            continue
        destination.parent.mkdir(parents=True, exist_ok=True)
        with archive.open(member) as reader, destination.open("wb") as writer:
            size = 0
            while chunk := reader.read(1 << 20):
                size += len(chunk)
                written += len(chunk)
                if size > member.file_size or written > limits.total_bytes:
                    raise BundleRefused(
                        target, [f"{member.filename}: holds more than its header says"]
                    )
                writer.write(chunk)


def _bag_root(folder: Path) -> Path:
    if (folder / "bagit.txt").is_file():
        return folder
    entries = [p for p in folder.iterdir() if not p.name.startswith("__MACOSX")]
    if len(entries) == 1 and entries[0].is_dir() and (entries[0] / "bagit.txt").is_file():
        return entries[0]
    raise BundleRefused(folder, ["not a citation bundle: no bagit.txt at its top"])


@contextmanager
def opened_bundle(path: Path, limits: Limits = LIMITS) -> Iterator[Path]:
    """The verified bag folder of a bundle (a zip is extracted to a temporary folder that is
    removed afterwards). Raises BundleRefused listing every problem."""
    path = Path(path)
    if path.is_dir():
        problems = folder_problems(path, limits)
        if problems:
            raise BundleRefused(path, problems)
        try:
            root = _bag_root(path)
        except BundleRefused as exc:
            raise BundleRefused(path, exc.problems) from None
        verify_bag(root, path)
        yield root
        return
    temporary = Path(tempfile.mkdtemp(prefix="nkarchive-import-"))
    try:
        try:
            with zipfile.ZipFile(path) as archive:
                problems = zip_problems(archive, limits)
                if problems:
                    raise BundleRefused(path, problems)
                _extract(archive, temporary, limits)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError) as exc:
            raise BundleRefused(path, [f"not a readable zip file ({exc})"]) from None
        except BundleRefused as exc:
            raise BundleRefused(path, exc.problems) from None
        except (OSError, ValueError, RuntimeError, zlib.error) as exc:  # CRC errors, unsupported methods
            raise BundleRefused(path, [f"the zip cannot be read ({exc})"]) from None
        try:
            root = _bag_root(temporary)
        except BundleRefused as exc:
            raise BundleRefused(path, exc.problems) from None
        verify_bag(root, path)
        yield root
    finally:
        shutil.rmtree(temporary, ignore_errors=True)


def verify_bag(root: Path, shown_as: Path) -> None:
    """bagit's full validation, plus: every tag file is in the tag manifest, and the tag
    manifests and both payload manifests are there."""
    logging.getLogger("bagit").setLevel(logging.ERROR)  # its per-file log lines are noise here
    problems: list[str] = []
    try:
        bag = bagit.Bag(str(root))
        bag.validate(processes=1)
    except bagit.BagValidationError as exc:
        # bagit stops at the first failed check (the Payload-Oxum); the user needs them all.
        problems += _every_difference(bag) or [str(d) for d in exc.details] or [exc.message]
    except (bagit.BagError, OSError, ValueError, UnicodeError, KeyError, IndexError) as exc:
        problems.append(f"not a valid bag: {exc}")
    if not problems:
        listed = set(bag.tagfile_entries())
        for name in sorted(set(bag.files_to_be_fetched())):
            problems.append(f"{name}: to be fetched from elsewhere; a bundle must hold its files")
        for tag_file in sorted(_tag_files(root)):
            if tag_file not in listed and not tag_file.startswith("tagmanifest-"):
                problems.append(f"{tag_file}: exists in the bag but is not in its tag manifest")
        missing = [
            m
            for m in ("manifest-sha256.txt", "manifest-sha512.txt", "tagmanifest-sha256.txt")
            if not (root / m).is_file()
        ]
        problems += [f"{m}: missing" for m in missing]
    if problems:
        raise BundleRefused(shown_as, problems)


def _every_difference(bag: bagit.Bag) -> list[str]:
    """Each missing, extra and changed file of a bag that failed validation."""
    only_in_manifests, only_on_disk = bag.compare_manifests_with_fs()
    problems = [f"{name}: missing (it is in the manifest)" for name in sorted(only_in_manifests)]
    problems += [f"{name}: extra (it is not in the manifest)" for name in sorted(only_on_disk)]
    for name, expected in sorted(bag.entries.items()):
        path = Path(bag.path) / name
        if name in only_in_manifests or not path.is_file():
            continue
        for algorithm, digest in expected.items():
            if _digest(path, algorithm) != digest.lower():
                problems.append(f"{name}: changed (its {algorithm} is not the one in the manifest)")
                break
    return problems


def _digest(path: Path, algorithm: str) -> str:
    digest = hashlib.new(algorithm)
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _tag_files(root: Path) -> Iterator[str]:
    for path in root.rglob("*"):
        relative = path.relative_to(root)
        if path.is_file() and relative.parts[0] != "data":
            yield relative.as_posix()


def manifest_sha256(root: Path) -> dict[str, str]:
    """Payload path (relative to data/) → SHA-256, from the verified manifest."""
    found: dict[str, str] = {}
    for line in (root / "manifest-sha256.txt").read_text(encoding="utf-8").splitlines():
        digest, _, name = line.strip().partition(" ")
        name = name.strip().replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%")
        if name.startswith("data/"):
            found[name[5:]] = digest.lower()
    return found
