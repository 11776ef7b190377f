"""Monthly statistics for a period: shown, exported as CSV, printed as PDF.

The figures are counts, with no child's name in them, so every role that may view the
registers may produce them; each view, export and print is written to the audit log.

Counting a long period over a large register takes a while, so the figures are read
in a read-only unit of work (on SQLite it does not hold the write lock, and other
desks keep registering meanwhile); the audit entry follows in its own short one. A
file whose audit entry cannot be written is removed: no export goes unrecorded.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from station_app.app import App
from station_app.audit import AuditLog
from station_app.db.models import Station
from station_app.domain import StationInfo, UserInfo
from station_app.permissions import Action, require
from station_app.statistics.compute import monthly_statistics
from station_app.statistics.figures import MonthlyStatistics
from station_app.statistics.period import Period
from station_app.statistics.sentences import Language
from station_app.statistics.text_tables import write_csv

RECORD_TYPE = "statistics"


def monthly_report(app: App, user: UserInfo, period: Period) -> MonthlyStatistics:
    """The figures of each month of the period, and of the whole period."""
    require(user, Action.VIEW)
    with app.db.read_session() as session:
        statistics = monthly_statistics(session, period)
    _audit(app, user, "view", period)
    return statistics


def export_csv(app: App, user: UserInfo, period: Period, path: Path) -> MonthlyStatistics:
    """Write the progress table (one row per month, then the total) to `path`."""
    require(user, Action.VIEW)
    with app.db.read_session() as session:
        statistics = monthly_statistics(session, period)
    write_csv(statistics, path)
    _audit(app, user, "export", period, path)
    return statistics


def export_pdf(
    app: App, user: UserInfo, period: Period, path: Path, language: Language
) -> MonthlyStatistics:
    """Write the printable progress report, in Hindi or English, to `path`."""
    # Imported here: ReportLab takes a while to load, and only printing needs it.
    from station_app.statistics.report_pdf import write_report_pdf

    require(user, Action.VIEW)
    with app.db.read_session() as session:
        statistics = monthly_statistics(session, period)
        station = _local_station(session)
    write_report_pdf(statistics, path, language, station)
    _audit(app, user, "print", period, path)
    return statistics


def _local_station(session: Session) -> StationInfo | None:
    row = session.scalar(select(Station).where(Station.is_local.is_(True)).limit(1))
    return StationInfo(row.code, row.name, row.district, row.state) if row else None


def _audit(app: App, user: UserInfo, action: str, period: Period, path: Path | None = None) -> None:
    details: dict[str, object] = {
        "summary": f"monthly statistics {period.first_day} to {period.last_day}"
    }
    if path is not None:
        details["file"] = str(path)
    try:
        with app.db.session() as session:
            AuditLog(session, user).record(action, RECORD_TYPE, None, details)
    except BaseException:
        if path is not None:
            with contextlib.suppress(OSError):
                path.unlink()
        raise
