"""The open application: its folders, database and photo store, with no user attached."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from station_app.db.base import utcnow
from station_app.db.engine import Database
from station_app.db.models import Station
from station_app.db.sqlite_file import looks_like_plain_sqlite
from station_app.domain import StationInfo
from station_app.encryption import keyfile
from station_app.encryption.errors import EncryptionError, PassphraseRequired
from station_app.encryption.keyfile import StationKeys
from station_app.encryption.photo_cipher import PhotoCipher
from station_app.errors import DatabaseCorrupt, NotInitialised, StationError
from station_app.paths import AppPaths, resolve_db_url, resolve_home
from station_app.photo_store import PhotoStore
from station_app.search_keys import rebuild_stale_search_keys

PASSPHRASE_ENV = "STATION_APP_PASSPHRASE"


@dataclass
class App:
    paths: AppPaths
    db: Database
    photos: PhotoStore
    keys: StationKeys | None = None

    @property
    def encrypted(self) -> bool:
        return self.keys is not None

    @property
    def private_key_password(self) -> bytes | None:
        """What the PEM files in keys/ are encrypted with (None: in the clear)."""
        return self.keys.private_keys if self.keys else None

    def local_station(self) -> StationInfo | None:
        with self.db.session() as session:
            row = session.scalar(select(Station).where(Station.is_local.is_(True)).limit(1))
            return StationInfo(row.code, row.name, row.district, row.state) if row else None

    def require_station(self) -> StationInfo:
        station = self.local_station()
        if station is None:
            raise NotInitialised(str(self.paths.home))
        return station

    def close(self) -> None:
        self.db.dispose()


def quarantine_sqlite(path: Path) -> Path:
    """Move a damaged database (with its -wal and -shm) aside; return where it went."""
    stamp = utcnow().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        source = Path(f"{path}{suffix}")
        if source.exists():
            shutil.move(source, Path(f"{target}{suffix}"))
    return target


def _unlock(paths: AppPaths, passphrase: str | None, url: str) -> StationKeys | None:
    """The station keys if the data folder is encrypted (else None); asks nothing."""
    database = make_url(url).database
    sqlite_path = (
        Path(database) if make_url(url).get_backend_name() == "sqlite" and database else None
    )
    keyfile.settle_interrupted_conversion(paths.home, sqlite_path)
    if not keyfile.is_encrypted(paths.home):
        return None
    if passphrase is None:
        passphrase = os.environ.get(PASSPHRASE_ENV)
    if passphrase is None:
        raise PassphraseRequired(str(paths.home))
    keys = keyfile.unlock(paths.home, passphrase)
    if sqlite_path is not None and sqlite_path.is_file() and looks_like_plain_sqlite(sqlite_path):
        raise EncryptionError(
            f"The data folder {paths.home} has a station key file but its database "
            f"{sqlite_path} is not encrypted: one of the two was copied in from elsewhere. "
            "Nothing was changed; put back the matching pair, or restore from a backup."
        )
    return keys


def open_app(
    home: str | None = None, db_url: str | None = None, passphrase: str | None = None
) -> App:
    """Open (creating if needed) the data folder and database, migrated to head.

    An encrypted station needs its passphrase (here or in $STATION_APP_PASSPHRASE).
    A damaged SQLite file is moved aside, never overwritten, and DatabaseCorrupt raised;
    an encrypted one that the right key cannot read is left where it is.
    """
    paths = resolve_home(home)
    try:
        paths.home.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StationError(
            f"The data folder {paths.home} cannot be used ({error.strerror or error})."
        ) from error
    url = resolve_db_url(paths, db_url)
    keys = _unlock(paths, passphrase, url)
    try:
        db = Database(url, key=keys.database if keys else None)
    except (ArgumentError, NoSuchModuleError) as error:
        raise StationError(
            f"'{url}' is not a database address this app can open "
            "(e.g. sqlite:///path/station.sqlite3 or postgresql+psycopg://user@host/db)."
        ) from error
    except DatabaseCorrupt as error:
        database = make_url(url).database
        if keys is not None:
            raise EncryptionError(
                f"The encrypted database {database} cannot be read with this station's key: "
                "it is damaged, or its key file encryption.json belongs to another station. "
                "Nothing was moved or changed; restore the station from a backup."
            ) from error
        if make_url(url).get_backend_name() == "sqlite" and database:
            hint = ""
            if Path(database).is_file() and not looks_like_plain_sqlite(Path(database)):
                hint = (
                    "; if this station was encrypted, its key file encryption.json is "
                    f"missing from {paths.home}"
                )
            moved = quarantine_sqlite(Path(database))
            raise DatabaseCorrupt(str(database), f"{error}; moved to {moved}{hint}") from error
        raise
    rebuild_stale_search_keys(db)
    cipher = PhotoCipher(keys.photos) if keys else None
    return App(paths, db, PhotoStore(paths.photos, cipher), keys)
