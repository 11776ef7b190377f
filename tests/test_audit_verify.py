"""The audit chain finds any altered, inserted or deleted row and says which."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, select, update

from station_app.app import App
from station_app.audit import AuditLog
from station_app.audit_verify import verify_audit
from station_app.cli import main
from station_app.db.models import AuditEvent
from station_app.domain import FoundDetails, UserInfo
from station_app.services import registers
from tests.conftest import ADMIN_PASSWORD


@pytest.fixture
def logged(app: App, admin: UserInfo) -> App:
    for index in range(5):
        registers.register(app, admin, FoundDetails(ref=f"GD {index}"))
    return app


def _problems(app: App) -> list[str]:
    with app.db.session() as session:
        return [p for report in verify_audit(session) for p in report.problems]


def _seqs(app: App) -> list[int]:
    with app.db.session() as session:
        return list(session.scalars(select(AuditEvent.seq).order_by(AuditEvent.seq)))


def test_an_untouched_log_is_intact(logged: App) -> None:
    assert _problems(logged) == []


def test_an_altered_row_is_named(logged: App) -> None:
    target = _seqs(logged)[3]
    with logged.db.session() as session:
        session.execute(
            update(AuditEvent).where(AuditEvent.seq == target).values(username="someone-else")
        )
    assert _problems(logged) == [f"row {target}: its contents were altered"]


def test_a_deleted_row_is_found(logged: App) -> None:
    seqs = _seqs(logged)
    with logged.db.session() as session:
        session.execute(delete(AuditEvent).where(AuditEvent.seq == seqs[2]))
    problems = _problems(logged)
    assert any(f"row {seqs[3]}: the chain is broken after row {seqs[1]}" in p for p in problems)
    assert any("1 row(s) were deleted" in p for p in problems)


def test_rows_cut_off_the_end_are_found(logged: App) -> None:
    seqs = _seqs(logged)
    with logged.db.session() as session:
        session.execute(delete(AuditEvent).where(AuditEvent.seq >= seqs[-2]))
    assert _problems(logged) == [f"2 row(s) were deleted (the log should hold {len(seqs)})"]


def test_an_inserted_row_is_found(logged: App, admin: UserInfo) -> None:
    seqs = _seqs(logged)
    with logged.db.session() as session:
        row = session.get(AuditEvent, seqs[1])
        assert row is not None
        forged = AuditEvent(
            id="forged",
            station_code=row.station_code,
            at=row.at,
            username="intruder",
            action="view",
            record_type="missing",
            details={},
            prev_hash=row.row_hash,
            row_hash="0" * 64,
        )
        session.add(forged)
    problems = _problems(logged)
    assert any("its contents were altered" in p for p in problems)
    assert any("more than were written" in p for p in problems)


def test_two_sessions_extend_one_chain(app: App, admin: UserInfo) -> None:
    with app.db.session() as first:
        AuditLog(first, admin).record("one")
    with app.db.session() as second:
        log = AuditLog(second, admin)
        log.record("two")
        log.record("three")
    assert _problems(app) == []


def test_cli_exit_codes(
    logged: App, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("STATION_APP_HOME", str(logged.paths.home))
    monkeypatch.setenv("STATION_APP_USER", "admin")
    monkeypatch.setenv("STATION_APP_PASSWORD", ADMIN_PASSWORD)
    assert main(["audit", "verify"]) == 0
    assert "intact" in capsys.readouterr().out
    target = _seqs(logged)[2]
    with logged.db.session() as session:
        session.execute(update(AuditEvent).where(AuditEvent.seq == target).values(action="nothing"))
    assert main(["audit", "verify"]) == 1
    assert f"row {target}: its contents were altered" in capsys.readouterr().out
