"""SIGKILL at random moments while registering and importing children with photos.

After every kill the data folder is opened again as the app does on start: the database
passes SQLite's integrity check, every record is complete or absent, and after the
start-up sweep no photo file is orphaned or missing.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select, text

from station_app.app import open_app
from station_app.db.models import FoundChild, MissingReport, Photo
from station_app.encryption import keyfile
from station_app.kdf import KdfParams
from station_app.services import station
from station_app.services.maintenance import sweep_orphan_photos
from tests.crash.worker import PHOTOS_PER_REGISTRATION, RECORDS_PER_IMPORT, run

KILLS = 100
ENCRYPTED_KILLS = 20  # the same writes through SQLCipher and sealed photo files
WORKERS_AT_ONCE = 2  # two desks' processes writing to one folder, killed together


def _start(home: Path, seed: int) -> multiprocessing.process.BaseProcess:
    """A forked writer (forking skips the interpreter start-up a new process would pay)."""
    context = multiprocessing.get_context("fork")
    ready = context.Event()
    child = context.Process(target=run, args=(str(home), seed, ready), daemon=True)
    child.start()
    assert ready.wait(30), "the writer did not start"
    return child


def _check(home: Path) -> tuple[int, int]:
    app = open_app(str(home))
    try:
        sweep_orphan_photos(app, grace_seconds=0)
        with app.db.session() as session:
            assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            photos_per_found = Counter(
                session.scalars(select(Photo.found_id).where(Photo.found_id.is_not(None)))
            )
            found = session.scalars(select(FoundChild.id)).all()
            assert all(photos_per_found[f] == PHOTOS_PER_REGISTRATION for f in found)
            refs = session.scalars(select(MissingReport.ref)).all()
            per_file = Counter(ref.rsplit(" ", 1)[0] for ref in refs)
            assert set(per_file.values()) <= {RECORDS_PER_IMPORT}
            photo_rows = session.execute(select(Photo.sha256, Photo.original_ext,
                                                Photo.rotation)).all()  # fmt: skip
        assert app.photos.missing_files([(s, e, r) for s, e, r in photo_rows]) == []
        on_disk = {p.name.split(".")[0].split("-")[0]
                   for p in app.paths.photos.rglob("*") if p.is_file()}  # fmt: skip
        assert on_disk == {sha for sha, _, _ in photo_rows}
        assert app.photos.unsealed_files() == []  # in an encrypted station, none in the clear
        return len(found), len(refs)
    finally:
        app.close()


@pytest.mark.slow
@pytest.mark.parametrize(("encrypted", "kills"), [(False, KILLS), (True, ENCRYPTED_KILLS)])
def test_records_and_photos_survive_kills(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, encrypted: bool, kills: int
) -> None:
    home = tmp_path / "home"
    app = open_app(str(home))
    if encrypted:
        monkeypatch.setattr(keyfile, "STATION_KDF", KdfParams(log2_n=10))
        monkeypatch.setenv("STATION_APP_PASSPHRASE", "crash test passphrase")  # the writers'
        opened, _, _ = station.init_encrypted_station(
            app, "crash test passphrase", "RTM01", "Crash", "Ratlam", "MP", "admin", "crash-pass-1"
        )
        opened.close()
    else:
        station.init_station(app, "RTM01", "Crash", "Ratlam", "MP", "admin", "crash-pass-1")
        app.close()
    rng = random.Random(2026)
    for round_ in range(kills // WORKERS_AT_ONCE):
        children = [_start(home, round_ * WORKERS_AT_ONCE + i) for i in range(WORKERS_AT_ONCE)]
        for child in children:
            time.sleep(rng.uniform(0.02, 0.4))
            assert child.pid is not None and child.is_alive(), "the writer died by itself"
            os.kill(child.pid, signal.SIGKILL)
        for child in children:
            child.join()
            assert child.exitcode == -signal.SIGKILL
        _check(home)
    registered, imported = _check(home)
    assert registered + imported > 0
