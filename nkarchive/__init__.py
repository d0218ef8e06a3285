"""nkarchive: an offline catalogue of North Korean cinema and the sources behind every fact."""

from __future__ import annotations

__version__ = "0.1.0"
APP_NAME = "nkarchive"
