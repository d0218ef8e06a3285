"""Entry point of the packaged app: the same as the `nkarchive` console script."""

from __future__ import annotations

import multiprocessing
import sys

from nkarchive.__main__ import main

if __name__ == "__main__":
    # A worker process of an index rebuild (nkarchive.search.workers) starts this executable
    # again: here it becomes that worker instead of a second app.
    multiprocessing.freeze_support()
    sys.exit(main())
