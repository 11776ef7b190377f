"""Keeping the data folder sound: database integrity, photo files present, orphans swept."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select, text

from station_app.app import App
from station_app.audit import AuditLog
from station_app.db.models import Photo
from station_app.domain import UserInfo
from station_app.permissions import Action, require
from station_app.photo_store import SWEEP_GRACE_SECONDS


@dataclass
class HealthReport:
    database_ok: bool
    database_detail: str
    photos: int
    missing_files: list[Path] = field(default_factory=list)
    swept_files: list[Path] = field(default_factory=list)
    unsealed_files: list[Path] = field(default_factory=list)  # encrypted station only

    @property
    def ok(self) -> bool:
        return self.database_ok and not self.missing_files and not self.unsealed_files


def sweep_orphan_photos(app: App, grace_seconds: float = SWEEP_GRACE_SECONDS) -> list[Path]:
    """Delete photo files that no photo row refers to (left by a crash before a commit)."""
    with app.db.session() as session:
        referenced = [
            (sha, rotation)
            for sha, rotation in session.execute(select(Photo.sha256, Photo.rotation))
        ]
    return app.photos.sweep(referenced, grace_seconds)


def check_health(app: App, user: UserInfo, sweep: bool = True) -> HealthReport:
    """Integrity check of the database, every photo file present, orphans swept."""
    require(user, Action.VIEW)
    with app.db.session() as session:
        if app.db.is_sqlite:
            detail = str(session.execute(text("PRAGMA integrity_check")).scalar())
        else:
            detail = "ok"
        query = select(Photo.sha256, Photo.original_ext, Photo.rotation)
        rows = [(sha, ext, rotation) for sha, ext, rotation in session.execute(query)]
    report = HealthReport(detail == "ok", detail, len(rows))
    report.missing_files = app.photos.missing_files(rows)
    report.unsealed_files = app.photos.unsealed_files()
    if sweep:
        report.swept_files = sweep_orphan_photos(app)
    with app.db.session() as session:
        AuditLog(session, user).record(
            "check",
            "station",
            None,
            {
                "summary": f"database {detail}; {len(report.missing_files)} missing file(s); "
                f"{len(report.swept_files)} orphan(s) swept"
                + (f"; {len(report.unsealed_files)} unsealed" if report.unsealed_files else "")
            },
        )
    return report
