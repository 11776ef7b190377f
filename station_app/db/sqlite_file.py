"""Plain DB-API connections to a station's SQLite file, for work below SQLAlchemy
(online backup, integrity checks, exclusive locks), encrypted or not alike."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any, cast

import sqlcipher3.dbapi2 as sqlcipher

from station_app.db.engine import sqlcipher_key_literal

# The two drivers have their own exception classes; catch both wherever either can raise.
DATABASE_ERRORS: tuple[type[Exception], ...] = (sqlite3.DatabaseError, sqlcipher.DatabaseError)
OPERATIONAL_ERRORS: tuple[type[Exception], ...] = (
    sqlite3.OperationalError,
    sqlcipher.OperationalError,
)


SQLITE_MAGIC = b"SQLite format 3\x00"


def looks_like_plain_sqlite(path: Path) -> bool:
    """True for a SQLite file in the clear; an encrypted one starts with random bytes."""
    with path.open("rb") as handle:
        return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC


def connect(path: Any, key: bytes | None = None, timeout: float = 5.0) -> sqlite3.Connection:
    """A connection in autocommit mode; with `key`, through SQLCipher and keyed first."""
    if key is None:
        return sqlite3.connect(path, timeout=timeout, isolation_level=None)
    connection = sqlcipher.connect(str(path), timeout=timeout, isolation_level=None)
    connection.execute(f'PRAGMA key = "{sqlcipher_key_literal(key)}"')
    connection.execute("PRAGMA cipher_log_level = NONE")
    return cast(sqlite3.Connection, connection)


def sqlcipher_connect(path: Path) -> sqlite3.Connection:
    """A SQLCipher connection with no key yet: a plain file reads as plain SQLite, and
    SQLCipher's functions (sqlcipher_export) are there."""
    return cast(sqlite3.Connection, sqlcipher.connect(str(path), isolation_level=None))
