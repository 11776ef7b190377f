"""Errors a user can act on. Anything else is a bug and goes to the crash log."""

from __future__ import annotations

from dataclasses import dataclass


class StationError(Exception):
    """Base of every error whose message is meant for the officer at the desk."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the input: where (line, record, field) and what."""

    message: str
    field: str = ""
    ref: str = ""
    line: int | None = None

    def __str__(self) -> str:
        where = []
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.ref:
            where.append(f"ref {self.ref}")
        if self.field:
            where.append(f"field '{self.field}'")
        return f"{', '.join(where)}: {self.message}" if where else self.message


class InvalidInput(StationError):
    """The input has one or more problems; nothing was written."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        head = f"{len(problems)} problem(s), nothing was changed:"
        super().__init__("\n".join([head, *(f"  {p}" for p in problems[:50])]))


class NotFound(StationError):
    pass


class AuthenticationFailed(StationError):
    pass


class PermissionDenied(StationError):
    pass


class NotInitialised(StationError):
    def __init__(self, home: str) -> None:
        super().__init__(
            f"No station is set up in {home}. Run 'station-app init' first (or start with --demo)."
        )


class PhotoRejected(StationError):
    """A file offered as a photo cannot be accepted; the reason says why."""


class DatabaseCorrupt(StationError):
    def __init__(self, path: str, detail: str) -> None:
        self.path = path
        super().__init__(
            f"The database {path} is damaged ({detail}). It will be moved aside, not overwritten."
        )


class Cancelled(StationError):
    def __init__(self) -> None:
        super().__init__("Cancelled; nothing was changed.")
