"""Catalogues on network shares or in synced folders are warned about and kept out of WAL."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from nkarchive import ops
from nkarchive.store import guardrails
from nkarchive.store.catalogue import Catalogue
from nkarchive.store.guardrails import network_mount, storage_warning

REPO = Path(__file__).resolve().parents[2]


def journal_mode(catalogue: Catalogue) -> str:
    with catalogue.engine.connect() as connection:
        return str(connection.exec_driver_sql("PRAGMA journal_mode").scalar())


def fake_mounts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, share: Path, kind: str) -> None:
    mounts = tmp_path / "mounts"
    escaped = str(share).replace(" ", "\\040")
    mounts.write_text(
        "/dev/sda1 / ext4 rw,relatime 0 0\n"
        f"//nas/archive {escaped} {kind} rw,relatime,vers=3.0 0 0\n"
    )
    monkeypatch.setattr(guardrails, "MOUNTS_FILE", mounts)


@pytest.mark.parametrize("kind", ["nfs4", "cifs", "fuse.sshfs", "9p"])
def test_network_share_is_found_in_the_mount_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    share = tmp_path / "Film Archive share"
    share.mkdir()
    fake_mounts(tmp_path, monkeypatch, share, kind)
    assert network_mount(share / "catalogue.nkcat") == (kind, str(share))
    assert network_mount(tmp_path / "local.nkcat") is None  # beside the share, not on it


def test_catalogue_on_a_network_share_is_warned_about_and_not_in_wal(
    empty_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    share = tmp_path / "share"
    share.mkdir()
    fake_mounts(tmp_path, monkeypatch, share, "nfs")
    path = share / "catalogue.nkcat"
    path.write_bytes(empty_template.read_bytes())
    with Catalogue.open(path) as catalogue:
        assert catalogue.storage_warning is not None
        assert "network file system (nfs" in catalogue.storage_warning
        assert "two computers writing at once can damage it" in catalogue.storage_warning
        assert journal_mode(catalogue) == "delete"
        ops.create(catalogue, "agent", {"agent_type": "person"})
        assert not Path(f"{path}-wal").exists()


@pytest.mark.parametrize(
    "folder",
    [
        "Dropbox",
        "OneDrive - Korea Film Institute",
        "Google Drive",
        "iCloud Drive",
        "Mobile Documents",
    ],
)
def test_catalogue_in_a_synced_folder_is_warned_about(
    empty_template: Path, tmp_path: Path, folder: str
) -> None:
    synced = tmp_path / folder / "research"
    synced.mkdir(parents=True)
    path = synced / "catalogue.nkcat"
    path.write_bytes(empty_template.read_bytes())
    with Catalogue.open(path) as catalogue:
        assert catalogue.storage_warning is not None
        assert (
            "Sync clients copy a catalogue while it is being written" in catalogue.storage_warning
        )
        assert journal_mode(catalogue) == "delete"


def test_local_catalogue_has_no_warning_and_uses_wal(catalogue: Catalogue) -> None:
    assert catalogue.storage_warning is None
    assert storage_warning(catalogue.path) is None
    assert journal_mode(catalogue) == "wal"


def test_command_line_prints_the_warning(empty_template: Path, tmp_path: Path) -> None:
    path = tmp_path / "Dropbox" / "catalogue.nkcat"
    path.parent.mkdir()
    path.write_bytes(empty_template.read_bytes())
    result = subprocess.run(
        [sys.executable, "-m", "nkarchive", "info", "--catalogue", str(path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**os.environ},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "inside a Dropbox folder" in result.stderr
    assert "Catalogue" in result.stdout
