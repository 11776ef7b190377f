"""SQLite files on their own: a consistent copy of a live database, and facts about a copy.

Each function takes the station's database key when the station is encrypted: the copy
is then encrypted with the same key, never written in the clear.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from station_app.db import sqlite_file
from station_app.photo_store import PhotoStore

COUNTED_TABLES = (
    "missing_reports",
    "found_children",
    "photos",
    "users",
    "handovers",
    "match_decisions",
    "audit_events",
)
SNAPSHOT_TIMEOUT_SECONDS = 30.0


@contextlib.contextmanager
def _connect(path: Path, key: bytes | None) -> Iterator[sqlite3.Connection]:
    connection = sqlite_file.connect(path, key, SNAPSHOT_TIMEOUT_SECONDS)
    try:
        yield connection
    finally:
        connection.close()


def snapshot(live: Path, target: Path, key: bytes | None = None) -> None:
    """Copy the live database with SQLite's online backup API.

    One step, so the copy is a single read transaction: consistent, and in WAL mode it
    never blocks the desks writing meanwhile.
    """
    with _connect(live, key) as source, _connect(target, key) as copy:
        source.backup(copy)


@dataclass(frozen=True, slots=True)
class DatabaseFacts:
    station_code: str
    station_name: str
    schema_revision: str
    counts: dict[str, int]


def integrity_problem(path: Path, key: bytes | None = None) -> str | None:
    """None if SQLite's full integrity check passes, else its first complaint."""
    try:
        with _connect(path, key) as connection:
            rows = connection.execute("PRAGMA integrity_check").fetchall()
    except sqlite_file.DATABASE_ERRORS as error:
        return str(error)
    first = str(rows[0][0]) if rows else "no answer"
    return None if first == "ok" else first


def facts(path: Path, key: bytes | None = None) -> DatabaseFacts:
    """The station, schema revision and row counts of a station database file.

    Raises one of sqlite_file.DATABASE_ERRORS if the file is not one (the callers word that).
    """
    with _connect(path, key) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        revision = station = None
        if "alembic_version" in tables:
            revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        if "stations" in tables:
            station = connection.execute(
                "SELECT code, name FROM stations WHERE is_local = 1 ORDER BY code LIMIT 1"
            ).fetchone()
        counts = {
            table: int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
            for table in COUNTED_TABLES
            if table in tables
        }
    return DatabaseFacts(
        station_code=str(station[0]) if station else "",
        station_name=str(station[1]) if station else "",
        schema_revision=str(revision[0]) if revision else "",
        counts=counts,
    )


def referenced_originals(path: Path, key: bytes | None = None) -> set[str]:
    """Member names of the original photo files the database's photo rows refer to."""
    store = PhotoStore(Path("photos"))
    with _connect(path, key) as connection:
        rows = connection.execute("SELECT DISTINCT sha256, original_ext FROM photos").fetchall()
    return {store.original_path(sha, ext).as_posix() for sha, ext in rows}
