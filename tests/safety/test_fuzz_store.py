"""Fuzzing the store's own inputs: damaged catalogue files, junk lock files and junk in the
backups folder end in a CatalogueError (or open fine), never in anything else."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nkarchive import ops
from nkarchive.store.backup import backups_dir, list_backups, newest_good_backup
from nkarchive.store.catalogue import Catalogue
from nkarchive.store.check import check_catalogue
from nkarchive.store.errors import CatalogueError
from nkarchive.store.lock import lock_path

# NKARCHIVE_FUZZ_EXAMPLES raises the count for a long run (see the safety report for figures).
FUZZ = settings(
    max_examples=int(os.environ.get("NKARCHIVE_FUZZ_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@pytest.fixture(scope="module")
def small_catalogue(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A closed catalogue with five films (a path, so that Hypothesis reports stay short)."""
    path = tmp_path_factory.mktemp("fuzz") / "small.nkcat"
    with Catalogue.create(path) as catalogue:
        for number in range(5):
            with ops.operation(catalogue, "Add a film") as op:
                work = op.create(
                    "work", {"form": "feature", "record_status": "draft", "notes": f"{number}"}
                )
                op.create(
                    "title", {"work": work.uuid, "text": f"영화 {number}", "title_type": "original"}
                )
    yield path


damage = st.one_of(
    st.tuples(st.just("overwrite"), st.integers(0, 400_000), st.binary(min_size=1, max_size=2048)),
    st.tuples(st.just("truncate"), st.integers(0, 400_000), st.just(b"")),
    st.tuples(st.just("zero page"), st.integers(0, 100), st.just(b"")),
)


def damaged(original: bytes, changes: list[tuple[str, int, bytes]]) -> bytes:
    data = bytearray(original)
    for kind, offset, payload in changes:
        if kind == "overwrite":
            start = offset % max(len(data), 1)
            data[start : start + len(payload)] = payload
        elif kind == "truncate":
            del data[offset % max(len(data), 1) :]
        else:
            start = offset * 4096
            data[start : start + 4096] = bytes(min(4096, max(len(data) - start, 0)))
    return bytes(data)


@FUZZ
@given(changes=st.lists(damage, min_size=1, max_size=4), read_only=st.booleans())
def test_damaged_catalogue_opens_or_says_why(
    small_catalogue: Path, changes: list[tuple[str, int, bytes]], read_only: bool
) -> None:
    folder = Path(tempfile.mkdtemp())
    try:
        path = folder / "damaged.nkcat"
        path.write_bytes(damaged(small_catalogue.read_bytes(), changes))
        before = hashlib.sha256(path.read_bytes()).hexdigest()
        try:
            catalogue = Catalogue.open(path, read_only=read_only)
        except CatalogueError as exc:
            assert str(path) in str(exc)
            if read_only:
                assert hashlib.sha256(path.read_bytes()).hexdigest() == before
            return
        with catalogue:
            check_catalogue(catalogue)  # reports, never raises
            catalogue.counts()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@FUZZ
@given(
    content=st.one_of(
        st.binary(max_size=300),
        st.text(max_size=300).map(str.encode),
        st.fixed_dictionaries(
            {
                "user": st.text(max_size=20),
                "host": st.text(max_size=20),
                "pid": st.integers(-5, 2**40),
                "since": st.text(max_size=30),
            }
        ).map(lambda d: repr(d).replace("'", '"').encode()),
    )
)
def test_any_lock_file_content_is_taken_over_or_named(
    small_catalogue: Path, content: bytes
) -> None:
    folder = Path(tempfile.mkdtemp())
    try:
        path = folder / "c.nkcat"
        path.write_bytes(small_catalogue.read_bytes())
        lock_path(path).write_bytes(content)
        try:
            Catalogue.open(path).close()
        except CatalogueError as exc:
            assert "is open in" in str(exc)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@FUZZ
@given(
    names=st.lists(
        st.text(alphabet="c-0123456789TZabkpfnl.x_", min_size=1, max_size=40), max_size=8
    ),
    junk=st.binary(max_size=200),
)
def test_junk_in_the_backups_folder_is_ignored(
    small_catalogue: Path, names: list[str], junk: bytes
) -> None:
    folder = Path(tempfile.mkdtemp())
    try:
        path = folder / "c.nkcat"
        path.write_bytes(small_catalogue.read_bytes())
        backups = backups_dir(path)
        backups.mkdir()
        for name in names:
            if name not in (".", ".."):
                (backups / name).write_bytes(junk)
        for info in list_backups(path):
            assert info.path.parent == backups
        good = newest_good_backup(path)
        assert good is None or good.path.read_bytes().startswith(b"SQLite format 3")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.parametrize("read_only", [False, True])
def test_a_byte_of_the_schema_text_that_is_no_utf8_is_reported_as_damage(
    small_catalogue: Path, tmp_path: Path, read_only: bool
) -> None:
    """SQLite's message about a damaged schema quotes the damaged bytes; the driver cannot
    decode it, and that must still end in the plain damage message (a case the fuzzing found)."""
    data = bytearray(small_catalogue.read_bytes())
    # Where the fuzzing found it: a byte of a CREATE TABLE statement of the schema.
    data[data.index(b"\n\tpreferred BOOLEAN NOT NULL, \n\tnote TEXT") + 60] = 0x80
    path = tmp_path / "damaged.nkcat"
    path.write_bytes(bytes(data))
    with pytest.raises(CatalogueError) as raised:
        Catalogue.open(path, read_only=read_only)
    assert str(path) in str(raised.value) and "damaged" in str(raised.value)
