"""Is a backup due? For the reminder the desk shows to those who may make one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from station_app.app import App
from station_app.backup.make import backup_age
from station_app.domain import UserInfo
from station_app.permissions import Action, allowed

REMIND_AFTER = timedelta(days=7)
BACKUP_COMMAND = "station-app backup --to FILE"


@dataclass(frozen=True, slots=True)
class BackupDue:
    """A backup is due: `age` since the last one, or None if there never was one."""

    age: timedelta | None

    @property
    def days(self) -> int | None:
        return None if self.age is None else self.age.days


def backup_due(
    app: App, user: UserInfo, remind_after: timedelta = REMIND_AFTER
) -> BackupDue | None:
    """Whether to remind `user` to back up: only those allowed to, and only when it is old."""
    if not allowed(user, Action.BACKUP):
        return None
    age = backup_age(app)
    if age is not None and age <= remind_after:
        return None
    return BackupDue(age)
