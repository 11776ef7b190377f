"""Putting a checked restore in place: the old data moved aside, never deleted.

Each move is a rename within the data folder, so each is atomic; together they are not,
so a failure part way moves everything back.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from station_app.backup.errors import BackupError, DatabaseInUse
from station_app.db import sqlite_file
from station_app.db.base import utcnow

LOCK_WAIT_SECONDS = 2.0
SQLITE_SIDE_FILES = ("-wal", "-shm")


def ensure_not_in_use(database: Path, key: bytes | None = None) -> None:
    """Refuse if any other connection has the database open, even an idle one.

    EXCLUSIVE locking mode makes SQLite take the file's exclusive lock, which any other
    open connection (a desk's window left open, a running command) prevents; a plain
    BEGIN IMMEDIATE would only notice one that is writing at this moment. The WAL is
    checkpointed into the file on the way, so the copy moved aside is complete by itself.
    """
    if not database.exists():
        return
    connection = sqlite_file.connect(database, key, LOCK_WAIT_SECONDS)
    try:
        connection.execute("PRAGMA locking_mode=EXCLUSIVE")
        connection.execute("BEGIN EXCLUSIVE")
        connection.execute("COMMIT")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite_file.OPERATIONAL_ERRORS as error:
        if "locked" in str(error) or "busy" in str(error):
            raise DatabaseInUse(str(database)) from None
        raise
    except sqlite_file.DATABASE_ERRORS:
        pass  # a damaged file: nobody can be using it, and it is about to be moved aside
    finally:
        connection.close()


@dataclass(frozen=True, slots=True)
class Placement:
    """Where the restored parts go: (staged path, live path) for the database and the
    folders and files beside it; `retired` live parts are moved aside with nothing new."""

    database: tuple[Path, Path]
    folders: tuple[tuple[Path, Path], ...]
    retired: tuple[Path, ...] = ()

    def outgoing(self) -> list[Path]:
        live = self.database[1]
        return [
            live,
            *(Path(f"{live}{side}") for side in SQLITE_SIDE_FILES),
            *(folder for _, folder in self.folders),
            *self.retired,
        ]

    def incoming(self) -> list[tuple[Path, Path]]:
        return [self.database, *self.folders]


def _free_folder(parent: Path, stem: str) -> Path:
    candidate = parent / stem
    number = 1
    while candidate.exists():
        number += 1
        candidate = parent / f"{stem}-{number}"
    return candidate


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _undo(moves: list[tuple[Path, Path]]) -> list[Path]:
    """Move each moved item back, newest first; return those that could not be."""
    stuck = []
    for source, target in reversed(moves):
        try:
            shutil.move(target, source)
        except OSError:
            stuck.append(target)
    return stuck


def swap_in(placement: Placement, home: Path) -> Path:
    """Move each live part into a dated folder, then each staged part into its place.

    Returns the folder now holding the old data. On failure every move is undone.
    """
    aside = _free_folder(home, f"before-restore-{utcnow():%Y%m%d-%H%M%S}")
    aside.mkdir()
    moves: list[tuple[Path, Path]] = []
    try:
        for live in placement.outgoing():
            if live.exists():
                shutil.move(live, aside / live.name)
                moves.append((live, aside / live.name))
        for staged, live in placement.incoming():
            shutil.move(staged, live)
            moves.append((staged, live))
    except OSError as error:
        stuck = _undo(moves)
        if stuck:
            raise BackupError(
                f"Could not put the restored data in place ({error}), nor move all the old "
                f"data back: {', '.join(map(str, stuck))} must be moved back by hand."
            ) from error
        aside.rmdir()  # empty again
        raise BackupError(
            f"Could not put the restored data in place ({error}); the data there before "
            "was put back."
        ) from error
    for folder in {home, aside, *(live.parent for _, live in placement.incoming())}:
        _fsync_folder(folder)
    return aside
