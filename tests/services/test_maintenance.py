from __future__ import annotations

import os
import time
from pathlib import Path

from station_app.app import App
from station_app.domain import FoundDetails, UserInfo
from station_app.photo_store import check_image
from station_app.services import registers
from station_app.services.maintenance import check_health
from tests.conftest import jpeg_bytes


def test_check_reports_a_missing_photo_file_and_sweeps_orphans(app: App, admin: UserInfo) -> None:
    record = registers.register(
        app, admin, FoundDetails(ref="GD 1"), [check_image(jpeg_bytes(), "a.jpg")]
    )
    orphan = app.photos.store(check_image(jpeg_bytes(colour=(1, 1, 1)), "orphan.jpg"))
    old = time.time() - 7200
    for path in orphan.created_files:
        os.utime(path, (old, old))
    Path(record.photos[0].thumbnail_path).unlink()

    report = check_health(app, admin)

    assert report.database_ok
    assert report.missing_files == [Path(record.photos[0].thumbnail_path)]
    assert sorted(report.swept_files) == sorted(orphan.created_files)
    assert not report.ok
    assert Path(record.photos[0].original_path).exists()
