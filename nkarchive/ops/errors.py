"""Errors an operation reports to the user; the catalogue is unchanged whenever one is raised."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldError:
    """What is wrong with one field: `field` is the field's name, `message` says what and why."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class OperationError(Exception):
    """Base class: an operation was refused and nothing was written."""


class ValidationError(OperationError):
    def __init__(self, kind: str, errors: list[FieldError], record: str | None = None) -> None:
        self.kind = kind
        self.errors = errors
        self.record = record
        where = f"{kind} {record}" if record else f"new {kind}"
        super().__init__(f"{where}: " + "; ".join(str(e) for e in errors))

    def for_field(self, field: str) -> list[str]:
        return [e.message for e in self.errors if e.field == field]


class RecordNotFound(OperationError):
    def __init__(self, kind: str, uuid: str) -> None:
        self.kind = kind
        self.uuid = uuid
        super().__init__(f"no {kind} with id {uuid} in this catalogue")


class DeleteRefused(OperationError):
    """Deleting would leave other records pointing at nothing; the message says which."""


class UndoConflict(OperationError):
    """The records an undo or redo would restore were changed since; nothing was changed."""


class NothingToUndo(OperationError):
    pass
