"""Why a batch or key file was refused. The message says what happened and what to do."""

from __future__ import annotations

from station_app.errors import StationError


class BatchRejected(StationError):
    """The whole batch was refused and nothing was written."""

    def __init__(self, file_name: str, reason: str) -> None:
        self.file_name = file_name
        self.reason = reason
        super().__init__(f"{file_name} was refused, nothing was changed: {reason}")


class KeyFileRejected(StationError):
    """A key file that cannot be used: not a key file, damaged, or the wrong kind."""
