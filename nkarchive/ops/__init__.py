"""The single write path: validated operations that log every change and can be undone (no Qt)."""

from __future__ import annotations

from typing import Any

import nkarchive.search.listener  # noqa: F401  (the search index follows every write)
from nkarchive.ops.changes import RowChange, WriteOutsideOperation
from nkarchive.ops.errors import (
    DeleteRefused,
    FieldError,
    NothingToUndo,
    OperationError,
    RecordNotFound,
    UndoConflict,
    ValidationError,
)
from nkarchive.ops.fields import SPECS, FieldSpec, spec
from nkarchive.ops.operation import Operation, OpResult, operation
from nkarchive.store.catalogue import Catalogue


def create(catalogue: Catalogue, kind: str, values: dict[str, Any], *, label: str | None = None) -> OpResult:
    """Create one record; returns what changed (the new record's UUID is `result.records()[0][1]`)."""
    with operation(catalogue, label or f"Add {kind.replace('_', ' ')}") as op:
        op.create(kind, values)
    assert op.result is not None
    return op.result


def update(
    catalogue: Catalogue, kind: str, uuid: str, values: dict[str, Any], *, label: str | None = None
) -> OpResult:
    with operation(catalogue, label or f"Edit {kind.replace('_', ' ')}") as op:
        op.update(kind, uuid, values)
    assert op.result is not None
    return op.result


def delete(catalogue: Catalogue, kind: str, uuid: str, *, label: str | None = None) -> OpResult:
    with operation(catalogue, label or f"Delete {kind.replace('_', ' ')}") as op:
        op.delete(kind, uuid)
    assert op.result is not None
    return op.result


def undo(catalogue: Catalogue) -> OpResult:
    return catalogue.undo_stack.undo()


def redo(catalogue: Catalogue) -> OpResult:
    return catalogue.undo_stack.redo()


__all__ = [
    "SPECS", "DeleteRefused", "FieldError", "FieldSpec", "NothingToUndo", "OpResult", "Operation",
    "OperationError", "RecordNotFound", "RowChange", "UndoConflict", "ValidationError",
    "WriteOutsideOperation", "create", "delete", "operation", "redo", "spec", "undo", "update",
]
