"""What can go wrong with a backup file, in words for the officer at the desk."""

from __future__ import annotations

from station_app.errors import StationError


class BackupError(StationError):
    """A backup could not be made or restored; nothing was changed."""


class NotABackup(BackupError):
    def __init__(self, path: str, detail: str = "") -> None:
        more = f" ({detail})" if detail else ""
        super().__init__(f"{path} is not a Muskaan Station backup{more}; nothing was changed.")


class WrongPassphrase(BackupError):
    def __init__(self, path: str) -> None:
        super().__init__(
            f"The passphrase does not open {path} (or the start of the file is damaged). "
            "Check the passphrase and try again; nothing was changed."
        )


class BackupDamaged(BackupError):
    def __init__(self, path: str, detail: str) -> None:
        super().__init__(
            f"The backup {path} is damaged or was altered: {detail}. "
            "Nothing was restored; use another copy of the backup."
        )


class DatabaseInUse(BackupError):
    def __init__(self, path: str) -> None:
        super().__init__(
            f"Another program is using the database {path} (is Muskaan Station open on this "
            "desk, or a command still running?). Close it and try again; nothing was changed."
        )
