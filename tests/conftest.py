"""Every test gets its own data folder and database; nothing touches a real user's files."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from station_app.app import App, open_app
from station_app.domain import Role, UserInfo
from station_app.services import station

ADMIN_PASSWORD = "admin-pass-1"


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("STATION_APP_HOME", "STATION_APP_DB", "STATION_APP_USER", "STATION_APP_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "user-home"))


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "station-home"


@pytest.fixture
def app(home: Path) -> Iterator[App]:
    application = open_app(str(home))
    yield application
    application.close()


@pytest.fixture
def admin(app: App) -> UserInfo:
    _, user = station.init_station(
        app, "RTM01", "GRP Ratlam", "Ratlam", "Madhya Pradesh", "admin", ADMIN_PASSWORD
    )
    return user


@pytest.fixture
def officer(app: App, admin: UserInfo) -> UserInfo:
    from station_app import accounts

    with app.db.session() as session:
        return accounts.create_user(
            session, "RTM01", "asi.verma", "officer-pass", Role.OFFICER, "ASI Verma"
        )


def jpeg_bytes(
    size: tuple[int, int] = (320, 400),
    colour: tuple[int, int, int] = (180, 120, 90),
    exif_orientation: int | None = None,
) -> bytes:
    image = Image.new("RGB", size, colour)
    image.putpixel((0, 0), (255, 0, 0))
    out = io.BytesIO()
    if exif_orientation is None:
        image.save(out, "JPEG", quality=90)
    else:
        exif = Image.Exif()
        exif[0x0112] = exif_orientation
        image.save(out, "JPEG", quality=90, exif=exif)
    return out.getvalue()


def png_bytes(size: tuple[int, int] = (64, 64)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (10, 200, 30)).save(out, "PNG")
    return out.getvalue()


def files_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()} if folder.exists() else set()
