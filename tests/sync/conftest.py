"""Stations and a district HQ, each in its own data folder; HQ on SQLite and PostgreSQL.

`hq` is parametrised over both databases; the PostgreSQL variant skips without
STATION_APP_TEST_PG_URL (see tests/db/postgres.py). Stations always run on SQLite.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from station_app.app import App, open_app
from station_app.db.base import Base
from station_app.domain import (
    FoundDetails,
    Guardian,
    MissingDetails,
    Sex,
    UserInfo,
)
from station_app.photo_store import check_image
from station_app.services import hq as hq_service
from station_app.services import registers, station
from station_app.services import sync as sync_service
from station_app.services.sync import ExportReport
from station_app.sync.keyfiles import KeyFile
from tests.conftest import files_under, jpeg_bytes
from tests.db.postgres import fresh_postgres_url

PASSWORD = "desk-pass-1"


@dataclass
class Desk:
    app: App
    admin: UserInfo

    @property
    def code(self) -> str:
        return self.admin.station_code


@dataclass
class Hq(Desk):
    key: KeyFile


def make_station(home: Path, code: str, name: str, district: str) -> Desk:
    app = open_app(str(home))
    _, admin = station.init_station(app, code, name, district, "Madhya Pradesh", "admin", PASSWORD)
    return Desk(app, admin)


@pytest.fixture
def ratlam(tmp_path: Path) -> Iterator[Desk]:
    desk = make_station(tmp_path / "ratlam", "RTM01", "GRP Ratlam", "Ratlam")
    yield desk
    desk.app.close()


@pytest.fixture
def ujjain(tmp_path: Path) -> Iterator[Desk]:
    desk = make_station(tmp_path / "ujjain", "UJN01", "GRP Ujjain", "Ujjain")
    yield desk
    desk.app.close()


def _hq_url(kind: str, tmp_path: Path) -> Iterator[str]:
    if kind == "sqlite":
        yield f"sqlite:///{(tmp_path / 'hq' / 'hq.sqlite3').as_posix()}"
    else:
        yield from fresh_postgres_url()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def hq(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Hq]:
    for url in _hq_url(request.param, tmp_path):
        app = open_app(str(tmp_path / "hq"), url)
        _, admin, key = hq_service.init_hq(
            app, "DHQ-RTM", "District HQ Ratlam", "Ratlam", "Madhya Pradesh", "admin", PASSWORD
        )
        yield Hq(app, admin, key)
        app.close()


def connect(desk: Desk, hq: Hq, folder: Path) -> None:
    """What an HQ admin and the station's admin do once: swap key files, compare prints."""
    folder.mkdir(parents=True, exist_ok=True)
    station_key = sync_service.export_station_key(desk.app, desk.admin, folder / f"{desk.code}.key")
    hq_service.trust_station(hq.app, hq.admin, folder / f"{desk.code}.key", station_key.fingerprint)
    hq_key = hq_service.export_hq_key(hq.app, hq.admin, folder / "hq.key")
    sync_service.set_hq_key(desk.app, desk.admin, folder / "hq.key", hq_key.fingerprint)


def complaint(ref: str = "FIR 12/2026", **changes: object) -> MissingDetails:
    values: dict[str, object] = {
        "ref": ref,
        "name": "राजेश कुमार",
        "aliases": ("Raju",),
        "sex": Sex.MALE,
        "age_years": 9.0,
        "height_cm": 128.0,
        "marks": "mole on left cheek",
        "clothing": "red t-shirt",
        "languages": ("Hindi",),
        "district": "Ratlam",
        "state": "Madhya Pradesh",
        "registered_at": datetime(2026, 3, 3, 10, 0),
        "last_seen_at": datetime(2026, 3, 2, 17, 30),
        "last_seen_place": "Ratlam Junction",
        "guardian": Guardian("Suresh", "father", "98765", "Ward 4"),
    }
    values.update(changes)
    return MissingDetails(**values)  # type: ignore[arg-type]


def found_child(ref: str = "GD 45/2026", **changes: object) -> FoundDetails:
    values: dict[str, object] = {
        "ref": ref,
        "name": "Raju",
        "sex": Sex.MALE,
        "age_min": 8.0,
        "age_max": 11.0,
        "height_cm": 127.0,
        "marks": "mole on left cheek",
        "clothing": "red t-shirt",
        "languages": ("Hindi",),
        "district": "Ujjain",
        "state": "Madhya Pradesh",
        "registered_at": datetime(2026, 3, 5, 9, 0),
        "found_at": datetime(2026, 3, 5, 8, 0),
        "found_place": "Ujjain station",
        "found_by": "RPF",
        "custody": "Shelter Home Ujjain",
    }
    values.update(changes)
    return FoundDetails(**values)  # type: ignore[arg-type]


def photo(colour: tuple[int, int, int] = (180, 120, 90)) -> list[object]:
    return [check_image(jpeg_bytes(colour=colour), "child.jpg")]


def register(desk: Desk, details: MissingDetails | FoundDetails, with_photo: bool = True) -> str:
    images = photo() if with_photo else []
    return registers.register(desk.app, desk.admin, details, images).meta.id  # type: ignore[arg-type]


def export(desk: Desk, folder: Path, **options: object) -> ExportReport:
    return sync_service.export_batch(desk.app, desk.admin, folder, **options)  # type: ignore[arg-type]


def table_counts(app: App) -> dict[str, int]:
    with app.db.read_session() as session:
        return {
            name: session.scalar(select(func.count()).select_from(table)) or 0
            for name, table in Base.metadata.tables.items()
        }


def snapshot(app: App) -> tuple[dict[str, int], set[Path]]:
    """What a rejected batch must leave exactly as it was: row counts and photo files."""
    return table_counts(app), files_under(app.paths.photos)
