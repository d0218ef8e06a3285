"""Crash safety: a writer killed with SIGKILL at random moments, round after round, on one
catalogue; after every kill it opens, passes its checks, and holds exactly what was reported.

Rounds: NKARCHIVE_CRASH_ROUNDS (default 15); `python -m tests.perf.crash_soak` runs 200.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from nkarchive.store.catalogue import Catalogue
from tests.safety.harness import run_rounds


@pytest.mark.slow
def test_catalogue_survives_repeated_kills(catalogue: Catalogue) -> None:
    path = catalogue.path
    catalogue.close()
    rounds = int(os.environ.get("NKARCHIVE_CRASH_ROUNDS", "15"))
    results = run_rounds(path, rounds, seed=int(os.environ.get("NKARCHIVE_CRASH_SEED", "1")))
    assert len(results) == rounds
    # The test means something only if the kills landed while work was being written.
    assert sum(r.reported for r in results) > rounds
    assert any(r.in_flight for r in results)
    print(
        f"\n{rounds} kills survived; {sum(r.reported for r in results)} reported operations all found"
    )


def test_ledger_spots_a_lost_write(catalogue: Catalogue, tmp_path: Path) -> None:
    """The verifier itself fails when a reported operation is missing."""
    from tests.safety.harness import Ledger, verify

    path = catalogue.path
    catalogue.close()
    ledger = Ledger()
    ledger.apply("DONE create g-x-1 v0")
    with pytest.raises(AssertionError, match="lost or changed"):
        verify(path, ledger, None)
