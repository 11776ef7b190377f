"""The statistics service: who may see the figures, and what the audit log keeps."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from station_app import accounts
from station_app.app import App
from station_app.audit import AuditLog
from station_app.db.models import AuditEvent
from station_app.domain import Role, UserInfo
from station_app.errors import StationError
from station_app.services.statistics import export_csv, monthly_report
from station_app.statistics.figures import SexCounts
from station_app.statistics.period import Period
from tests.statistics.conftest import Register

Q3 = Period(date(2026, 7, 1), date(2026, 9, 30))


def test_a_viewer_may_see_the_figures_and_the_view_is_audited(
    app: App, admin: UserInfo, register: Register
) -> None:
    register.missing(datetime(2026, 7, 5), "female", datetime(2026, 7, 9))
    with app.db.session() as session:
        viewer = accounts.create_user(session, "RTM01", "constable", "viewer-pass", Role.VIEWER)
    figures = monthly_report(app, viewer, Q3)
    assert figures.total.traced.children == SexCounts(0, 1, 1)
    with app.db.session() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.username == "constable")).one()
        assert (event.action, event.record_type) == ("view", "statistics")
        assert event.details["summary"] == "monthly statistics 2026-07-01 to 2026-09-30"


def test_an_empty_register_gives_a_row_of_zeros_per_month(app: App, admin: UserInfo) -> None:
    figures = monthly_report(app, admin, Q3)
    assert [m.month for m in figures.rows] == ["2026-07", "2026-08", "2026-09", "total"]
    assert all(m.traced.children == SexCounts() and m.pending_at_end == 0 for m in figures.rows)
    assert all(m.median_days_to_trace is None for m in figures.rows)


def test_export_csv_returns_the_figures_it_wrote(
    app: App, admin: UserInfo, register: Register, tmp_path: Path
) -> None:
    register.missing(datetime(2026, 8, 5), "male")
    figures = export_csv(app, admin, Q3, tmp_path / "q3.csv")
    assert figures.total.registered.children == SexCounts(1, 0, 1)
    assert (tmp_path / "q3.csv").read_text().splitlines()[2] == "2026-08,1,0,1,0,0,0"


def test_a_csv_into_a_missing_folder_is_refused_and_nothing_is_audited(
    app: App, admin: UserInfo, tmp_path: Path
) -> None:
    with pytest.raises(StationError, match="does not exist"):
        export_csv(app, admin, Q3, tmp_path / "no-such-folder" / "q3.csv")
    with app.db.session() as session:
        assert session.scalars(select(AuditEvent.action).where(
            AuditEvent.record_type == "statistics")).all() == []  # fmt: skip


def test_an_export_whose_audit_entry_fails_is_removed(
    app: App, admin: UserInfo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise StationError("The audit log is not available.")

    monkeypatch.setattr(AuditLog, "record", refuse)
    with pytest.raises(StationError, match="audit log is not available"):
        export_csv(app, admin, Q3, tmp_path / "q3.csv")
    assert not (tmp_path / "q3.csv").exists()
