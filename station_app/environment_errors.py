"""Failures of the computer, not of the input: a full disk, a file the user may not write,
a database another program holds or that is damaged. Sorted here once, so the window and
the command line both say what happened in words, instead of a traceback."""

from __future__ import annotations

import enum
import errno
import sqlite3


class Trouble(enum.Enum):
    DISK_FULL = "disk_full"
    NO_PERMISSION = "no_permission"
    DATABASE_BUSY = "database_busy"
    DATABASE_DAMAGED = "database_damaged"


ENGLISH = {
    Trouble.DISK_FULL: "The disk is full. Nothing was saved. Free some space and try again.",
    Trouble.NO_PERMISSION: "A file could not be written or read (permission denied): {detail}",
    Trouble.DATABASE_BUSY: (
        "The database is busy: another program on this computer is using it. "
        "Wait a moment and try again; nothing was saved."
    ),
    Trouble.DATABASE_DAMAGED: (
        "The database file is damaged. Run the command again: the damaged file will be "
        "moved aside and you will be told what to do."
    ),
}


def classify(error: BaseException) -> tuple[Trouble, str] | None:
    """What kind of trouble `error` is, and its detail (a file name); None for a bug."""
    from sqlalchemy.exc import DatabaseError, OperationalError  # slow to import; rarely needed

    from station_app.db.sqlite_file import DATABASE_ERRORS, OPERATIONAL_ERRORS

    if isinstance(error, OSError) and error.errno == errno.ENOSPC:
        return Trouble.DISK_FULL, ""
    if isinstance(error, OSError) and error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return Trouble.NO_PERMISSION, str(error.filename or error)
    text = str(error).lower()
    if isinstance(error, (OperationalError, *OPERATIONAL_ERRORS)) and "locked" in text:
        return Trouble.DATABASE_BUSY, ""
    damaged = ("malformed", "not a database", "disk i/o")
    if isinstance(error, (DatabaseError, sqlite3.DatabaseError, *DATABASE_ERRORS)) and any(
        word in text for word in damaged
    ):
        return Trouble.DATABASE_DAMAGED, ""
    return None


def describe(error: BaseException) -> str | None:
    """The trouble in English words (the command line), or None for a bug."""
    found = classify(error)
    if found is None:
        return None
    trouble, detail = found
    return ENGLISH[trouble].format(detail=detail)
