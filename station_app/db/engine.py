"""Opening the database: engine with the right pragmas, migrations to head, sessions."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from station_app.errors import DatabaseCorrupt

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
BUSY_TIMEOUT_MS = 10_000
# The newest migration. Kept here so that opening an up-to-date database does not have
# to load Alembic's script directory (a tenth of a second on every CLI call); a test
# checks it against the real head, so a new migration cannot forget to update it.
HEAD_REVISION = "0003"


READ_ONLY = "station_app_read_only"


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Take transaction control from the sqlite3 module, which would otherwise run every
    # SELECT before a unit of work's first write outside any transaction (see _begin).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    # FULL: a register entry the officer saw saved must survive a power cut.
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def _begin(connection: Any) -> None:
    """Start each SQLite unit of work holding the write lock (BEGIN IMMEDIATE).

    Reads and the writes that depend on them (a version check, the next case number, the
    audit chain's head) then see no other process's commit in between; a second writer
    waits up to the busy timeout instead of silently overwriting. Pure reads ask for a
    plain BEGIN with Database.read_session().
    """
    read_only = connection.get_execution_options().get(READ_ONLY, False)
    connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


def sqlcipher_key_literal(key: bytes) -> str:
    """SQLCipher's raw-key form: used as is, without SQLCipher's own slow key derivation."""
    return f"x'{key.hex()}'"


def _quiet_sqlcipher(dbapi_connection: Any, _record: Any) -> None:
    # SQLCipher would print its own error lines to stderr on a failed page check;
    # the app reports such failures itself, in words.
    dbapi_connection.execute("PRAGMA cipher_log_level = NONE")


def make_engine(url: str, key: bytes | None = None) -> Engine:
    """An engine for `url`; SQLite gets WAL, foreign keys and a busy timeout.

    With a key, the SQLite file is opened through SQLCipher (the whole file encrypted).
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        options: dict[str, Any] = {}
        if key is not None:
            parsed = parsed.set(
                drivername="sqlite+pysqlcipher", password=sqlcipher_key_literal(key)
            )
            # Same pooling as plain SQLite (the cipher dialect would pick one per thread).
            options = {"poolclass": QueuePool}
        engine = create_engine(
            parsed,
            connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
            **options,
        )
        if key is not None:
            event.listen(engine, "connect", _quiet_sqlcipher)
        event.listen(engine, "connect", _set_sqlite_pragmas)
        event.listen(engine, "begin", _begin)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _alembic_config(engine: Engine) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = engine
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(MIGRATIONS_DIR))
    head = script.get_current_head()
    assert head is not None, "the migration folder has no revisions"
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade_to_head(engine: Engine) -> None:
    """Apply every migration the database lacks. Cheap when it is already at head."""
    try:
        if current_revision(engine) == HEAD_REVISION:
            return
        from alembic import command

        command.upgrade(_alembic_config(engine), "head")
    except (DatabaseError, sqlite3.DatabaseError) as error:
        raise DatabaseCorrupt(str(engine.url.database), str(error)) from error


class Database:
    """The open database of one station (or of HQ): engine plus session factory."""

    def __init__(self, url: str, *, migrate: bool = True, key: bytes | None = None) -> None:
        self.url = url  # never holds the key
        self.encrypted = key is not None
        self.engine = make_engine(url, key)
        if migrate:
            # A damaged file fails its first query here. The full integrity check reads
            # the whole file, so it belongs to `station-app check`, not to every start.
            upgrade_to_head(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: commit on success, roll back on any error, always close."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        """A unit of work that only reads: on SQLite it does not take the write lock."""
        session = self._sessions()
        try:
            session.connection(execution_options={READ_ONLY: True})
            yield session
            session.rollback()
        finally:
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()
