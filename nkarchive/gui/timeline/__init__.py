"""The screening timeline widget: painting, navigation, filtering, export and the table view."""

from __future__ import annotations
