"""The audit log as the station in-charge reads it: filtered pages, chain check, CLI."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest
from argon2 import PasswordHasher
from sqlalchemy import update

from station_app import accounts
from station_app.app import App
from station_app.audit import AuditLog
from station_app.cli import main
from station_app.db.models import AuditEvent
from station_app.domain import MissingDetails, Role, UserInfo
from station_app.errors import InvalidInput, PermissionDenied
from station_app.services import audit_log, registers, users
from station_app.services.audit_log import AuditFilter
from tests.conftest import ADMIN_PASSWORD


@pytest.fixture(autouse=True)
def _fast_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024))


@pytest.fixture
def logged(app: App, admin: UserInfo, officer: UserInfo) -> App:
    """Admin registers a complaint; the officer views it twice; the admin adds a viewer."""
    record = registers.register(app, admin, MissingDetails(ref="FIR 7/2026", name="Rajesh"))
    registers.get(app, officer, record.meta.id)
    registers.get(app, officer, record.meta.id)
    users.add_user(app, admin, "clerk", "clerk-pass", Role.VIEWER)
    return app


def test_events_come_newest_first_with_a_total(logged: App, admin: UserInfo) -> None:
    page = audit_log.list_events(logged, admin)

    assert page.total == len(page.rows) >= 5
    assert [r.seq for r in page.rows] == sorted((r.seq for r in page.rows), reverse=True)
    assert page.rows[0].action == "user_add"
    assert page.rows[0].record_label == "clerk"
    assert page.rows[0].summary == "added user clerk (viewer)"


def test_pages_split_the_events_without_gaps(logged: App, admin: UserInfo) -> None:
    everything = audit_log.list_events(logged, admin).rows
    first = audit_log.list_events(logged, admin, limit=2)
    second = audit_log.list_events(logged, admin, limit=2, offset=2)

    assert first.total == second.total == len(everything)
    assert first.rows + second.rows == everything[:4]


def test_filter_by_user_action_and_record(logged: App, admin: UserInfo) -> None:
    by_officer = audit_log.list_events(logged, admin, AuditFilter(username="asi.verma"))
    assert {r.username for r in by_officer.rows} == {"asi.verma"}
    assert [r.action for r in by_officer.rows] == ["view", "view"]

    about = audit_log.list_events(logged, admin, AuditFilter(record="FIR 7/2026"))
    assert [r.action for r in about.rows] == ["view", "view", "create"]
    assert {r.record_label for r in about.rows} == {about.rows[0].record_label}
    assert about.rows[0].record_label.startswith("RTM01/")

    logins = audit_log.list_events(logged, admin, AuditFilter(action="login"))
    assert logins.total == 0  # nobody logged in through the service in this test


def test_filter_by_text_in_the_summary(logged: App, admin: UserInfo) -> None:
    found = audit_log.list_events(logged, admin, AuditFilter(text="CLERK"))
    assert [r.action for r in found.rows] == ["user_add"]
    assert audit_log.list_events(logged, admin, AuditFilter(text="100%")).total == 0


def test_filter_by_days(logged: App, admin: UserInfo) -> None:
    today = date.today()
    assert audit_log.list_events(logged, admin, AuditFilter(since=today)).total > 0
    assert audit_log.list_events(logged, admin, AuditFilter(until=today)).total > 0
    yesterday = today - timedelta(days=1)
    assert audit_log.list_events(logged, admin, AuditFilter(until=yesterday)).total == 0
    tomorrow = today + timedelta(days=1)
    assert audit_log.list_events(logged, admin, AuditFilter(since=tomorrow)).total == 0


def test_bad_paging_and_a_backwards_period_are_refused(logged: App, admin: UserInfo) -> None:
    with pytest.raises(InvalidInput):
        audit_log.list_events(logged, admin, limit=0)
    with pytest.raises(InvalidInput):
        audit_log.list_events(logged, admin, offset=-1)
    backwards = AuditFilter(since=date(2026, 2, 1), until=date(2026, 1, 1))
    with pytest.raises(InvalidInput):
        audit_log.list_events(logged, admin, backwards)


def test_only_the_in_charge_and_admins_may_read_it(logged: App, officer: UserInfo) -> None:
    with pytest.raises(PermissionDenied):
        audit_log.list_events(logged, officer)
    with pytest.raises(PermissionDenied):
        audit_log.verify_chain(logged, officer)
    with pytest.raises(PermissionDenied):
        audit_log.record_viewer_opened(logged, officer)


def test_choices_list_the_users_and_actions_in_the_log(logged: App, admin: UserInfo) -> None:
    names, actions = audit_log.filter_choices(logged, admin)
    assert names == ["admin", "asi.verma"]
    assert {"create", "view", "user_add"} <= set(actions)


def test_opening_the_viewer_is_recorded_once(logged: App, admin: UserInfo) -> None:
    audit_log.record_viewer_opened(logged, admin)
    audit_log.list_events(logged, admin)
    audit_log.list_events(logged, admin, offset=1)
    opened = audit_log.list_events(logged, admin, AuditFilter(action="audit_view"))
    assert opened.total == 1 and opened.rows[0].username == "admin"


def test_verify_reports_an_altered_row(logged: App, admin: UserInfo) -> None:
    [check] = audit_log.verify_chain(logged, admin)
    assert check.intact and check.station_code == "RTM01"

    victim = audit_log.list_events(logged, admin, AuditFilter(username="asi.verma")).rows[0]
    with logged.db.session() as session:
        session.execute(
            update(AuditEvent).where(AuditEvent.seq == victim.seq).values(username="nobody")
        )
    [check] = audit_log.verify_chain(logged, admin)

    assert not check.intact
    assert [(p.kind, p.row) for p in check.problems] == [("altered", victim.seq)]


def test_verify_reports_deleted_rows(logged: App, admin: UserInfo) -> None:
    newest = audit_log.list_events(logged, admin, limit=1).rows[0]
    with logged.db.session() as session:
        session.query(AuditEvent).filter(AuditEvent.seq == newest.seq).delete()
    [check] = audit_log.verify_chain(logged, admin)
    assert [(p.kind, p.count) for p in check.problems] == [("deleted", 1)]


def test_a_problem_sentence_it_does_not_know_is_kept_as_written() -> None:
    problem = audit_log._problem("something new")
    assert (problem.kind, problem.row, problem.text) == ("other", None, "something new")


def test_a_day_is_read_on_this_computers_clock() -> None:
    start = audit_log.local_day_start(date(2026, 3, 1))
    assert start.tzinfo is None
    assert abs(start - datetime(2026, 3, 1)) <= timedelta(hours=14)


# -- the command line --------------------------------------------------------------------


@pytest.fixture
def cli_env(logged: App, monkeypatch: pytest.MonkeyPatch) -> App:
    monkeypatch.setenv("STATION_APP_HOME", str(logged.paths.home))
    monkeypatch.setenv("STATION_APP_USER", "admin")
    monkeypatch.setenv("STATION_APP_PASSWORD", ADMIN_PASSWORD)
    return logged


def test_cli_audit_list_json_filters_by_user(
    cli_env: App, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["audit", "list", "--user", "asi.verma", "--json"]) == 0
    events = json.loads(capsys.readouterr().out)
    assert [e["action"] for e in events] == ["view", "view"]
    assert events[0]["at"].endswith("Z") and events[0]["record"].startswith("RTM01/")


def test_cli_audit_list_text_with_limit_and_days(
    cli_env: App, capsys: pytest.CaptureFixture[str]
) -> None:
    today = date.today().isoformat()
    assert main(["audit", "list", "--since", today, "--until", today, "--limit", "2"]) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert len(lines) == 2
    assert "audit_view" in lines[0] or "login" in lines[0]
    assert "2 event(s)" in err


def test_cli_audit_list_by_record_and_action(
    cli_env: App, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["audit", "list", "--record", "FIR 7/2026", "--action", "create"]) == 0
    [line] = capsys.readouterr().out.splitlines()
    assert " create " in line and "admin" in line


def test_cli_audit_list_refuses_an_officer_and_bad_arguments(
    cli_env: App, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("STATION_APP_USER", "asi.verma")
    monkeypatch.setenv("STATION_APP_PASSWORD", "officer-pass")
    assert main(["audit", "list"]) == 1
    assert "may not view audit" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_:
        main(["audit", "list", "--since", "yesterday"])
    assert exit_.value.code == 2
    assert main(["audit", "list", "--limit", "0"]) == 1


def test_cli_audit_list_records_that_the_log_was_read(cli_env: App, admin: UserInfo) -> None:
    assert main(["audit", "list", "--limit", "1"]) == 0
    page = audit_log.list_events(cli_env, admin, AuditFilter(action="audit_view"))
    assert page.total == 1


def test_the_log_can_be_written_in_the_same_chain_after_reading(
    logged: App, admin: UserInfo
) -> None:
    audit_log.list_events(logged, admin)
    with logged.db.session() as session:
        AuditLog(session, admin).record("note")
    assert all(check.intact for check in audit_log.verify_chain(logged, admin))
