"""The open application: its folders, database and photo store, with no user attached."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from station_app.db.base import utcnow
from station_app.db.engine import Database
from station_app.db.models import Station
from station_app.domain import StationInfo
from station_app.errors import DatabaseCorrupt, NotInitialised, StationError
from station_app.paths import AppPaths, resolve_db_url, resolve_home
from station_app.photo_store import PhotoStore


@dataclass
class App:
    paths: AppPaths
    db: Database
    photos: PhotoStore

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


def open_app(home: str | None = None, db_url: str | None = None) -> App:
    """Open (creating if needed) the data folder and database, migrated to head.

    A damaged SQLite file is moved aside, never overwritten, and DatabaseCorrupt raised.
    """
    paths = resolve_home(home)
    try:
        paths.home.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StationError(
            f"The data folder {paths.home} cannot be used ({error.strerror or error})."
        ) from error
    url = resolve_db_url(paths, db_url)
    try:
        db = Database(url)
    except (ArgumentError, NoSuchModuleError) as error:
        raise StationError(
            f"'{url}' is not a database address this app can open "
            "(e.g. sqlite:///path/station.sqlite3 or postgresql+psycopg://user@host/db)."
        ) from error
    except DatabaseCorrupt as error:
        database = make_url(url).database
        if make_url(url).get_backend_name() == "sqlite" and database:
            moved = quarantine_sqlite(Path(database))
            raise DatabaseCorrupt(str(database), f"{error}; moved to {moved}") from error
        raise
    return App(paths, db, PhotoStore(paths.photos))
