from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from station_app.app import open_app
from station_app.db.engine import Database
from station_app.errors import DatabaseCorrupt


def test_sqlite_runs_with_wal_foreign_keys_and_busy_timeout(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'station.sqlite3'}")
    with db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() >= 5000
    db.dispose()


def test_a_corrupt_database_is_moved_aside_not_overwritten(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    garbage = b"this is not a database file at all" * 100
    (home / "station.sqlite3").write_bytes(garbage)
    with pytest.raises(DatabaseCorrupt, match="moved to"):
        open_app(str(home))
    moved = list(home.glob("station.sqlite3.corrupt-*"))
    assert len(moved) == 1
    assert moved[0].read_bytes() == garbage
    assert not (home / "station.sqlite3").exists()
