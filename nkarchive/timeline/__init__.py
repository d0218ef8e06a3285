"""The screening timeline's data layer: compact event arrays, date↔position maths, lanes, density.

No Qt here: the widget in ``nkarchive.gui.timeline`` and the ``nkarchive timeline`` command draw
what this package computes.
"""

from __future__ import annotations
