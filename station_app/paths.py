"""Where the app keeps its files. Every path the app uses is derived here."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

HOME_ENV = "STATION_APP_HOME"
DB_ENV = "STATION_APP_DB"


@dataclass(frozen=True, slots=True)
class AppPaths:
    home: Path

    @property
    def database(self) -> Path:
        return self.home / "station.sqlite3"

    @property
    def photos(self) -> Path:
        return self.home / "photos"

    @property
    def keys(self) -> Path:
        return self.home / "keys"

    @property
    def logs(self) -> Path:
        return self.home / "logs"

    @property
    def exports(self) -> Path:
        return self.home / "exports"

    def default_db_url(self) -> str:
        return f"sqlite:///{self.database.as_posix()}"


def resolve_home(explicit: str | os.PathLike[str] | None = None) -> AppPaths:
    """The data folder: --home, else $STATION_APP_HOME, else the platform's user data folder."""
    chosen = explicit or os.environ.get(HOME_ENV)
    home = Path(chosen) if chosen else Path(platformdirs.user_data_dir("MuskaanStation", False))
    return AppPaths(home.expanduser().resolve())


def resolve_db_url(paths: AppPaths, explicit: str | None = None) -> str:
    return explicit or os.environ.get(DB_ENV) or paths.default_db_url()
