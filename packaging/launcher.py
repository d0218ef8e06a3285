"""Entry point of the packaged app: the same as the `nkarchive` console script."""

from __future__ import annotations

import sys

from nkarchive.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
