"""User management as the station's admin and its officers meet it, in services and CLI."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import timedelta

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from station_app import accounts
from station_app.app import App
from station_app.cli import main
from station_app.db.base import utcnow
from station_app.db.models import AuditEvent, User
from station_app.domain import Role, UserInfo
from station_app.errors import AuthenticationFailed, InvalidInput, NotFound, PermissionDenied
from station_app.services import station, users
from tests.bad_input.state import assert_unchanged, capture
from tests.conftest import ADMIN_PASSWORD

FAST = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


@pytest.fixture(autouse=True)
def _fast_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Real argon2id, cheaper parameters: the suite makes dozens of hashes."""
    monkeypatch.setattr(accounts, "_hasher", FAST)


def audit_rows(app: App, action: str) -> list[tuple[str, dict[str, object]]]:
    with app.db.read_session() as session:
        query = select(AuditEvent.username, AuditEvent.details).where(AuditEvent.action == action)
        return [(username, details) for username, details in session.execute(query)]


def add(app: App, admin: UserInfo, name: str, role: Role = Role.OFFICER) -> users.Account:
    return users.add_user(app, admin, name, f"{name}-pass", role, full_name=name.title())


def test_an_admin_adds_a_user_who_can_then_log_in(app: App, admin: UserInfo) -> None:
    account = users.add_user(
        app,
        admin,
        "asi.verma",
        "verma-pass",
        Role.OFFICER,
        full_name="Ramesh Verma",
        rank="ASI",
        badge_number="MP-4411",
    )
    assert (account.role, account.rank, account.status) == (Role.OFFICER, "ASI", "active")
    assert station.login(app, "asi.verma", "verma-pass").role is Role.OFFICER
    [(by, details)] = audit_rows(app, "user_add")
    assert by == "admin" and details["username"] == "asi.verma"
    assert "verma-pass" not in json.dumps(details)
    assert [a.username for a in users.list_users(app, admin)] == ["admin", "asi.verma"]


@pytest.mark.parametrize("role", [Role.VIEWER, Role.OFFICER, Role.IN_CHARGE])
def test_only_admins_manage_users(app: App, admin: UserInfo, role: Role) -> None:
    add(app, admin, "someone", role)
    someone = station.login(app, "someone", "someone-pass")
    before = capture(app)
    attempts: list[Callable[[], object]] = [
        lambda: users.list_users(app, someone),
        lambda: users.add_user(app, someone, "new.one", "new-pass-1", Role.VIEWER),
        lambda: users.set_role(app, someone, "someone", Role.ADMIN),
        lambda: users.disable_user(app, someone, "admin"),
        lambda: users.reset_password(app, someone, "admin", "taken-over"),
    ]
    for attempt in attempts:
        with pytest.raises(PermissionDenied, match="may not manage users"):
            attempt()
    assert_unchanged(before, capture(app))


def test_the_last_active_admin_can_be_neither_disabled_nor_demoted(
    app: App, admin: UserInfo
) -> None:
    before = capture(app)
    with pytest.raises(PermissionDenied, match="last active admin"):
        users.disable_user(app, admin, "admin")
    with pytest.raises(PermissionDenied, match="last active admin"):
        users.set_role(app, admin, "admin", Role.IN_CHARGE)
    assert_unchanged(before, capture(app))
    add(app, admin, "si.khan", Role.ADMIN)
    users.disable_user(app, admin, "si.khan")
    with pytest.raises(PermissionDenied, match="last active admin"):  # a disabled one is no help
        users.set_role(app, admin, "admin", Role.OFFICER)


def test_with_two_admins_one_may_step_down_and_then_cannot_climb_back(
    app: App, admin: UserInfo
) -> None:
    add(app, admin, "si.khan", Role.ADMIN)
    stepped_down = users.set_role(app, admin, "admin", Role.IN_CHARGE)
    assert stepped_down.role is Role.IN_CHARGE
    # `admin` still says ADMIN (as a window left open since login would): the row decides.
    with pytest.raises(PermissionDenied, match="may not manage users"):
        users.set_role(app, admin, "admin", Role.ADMIN)
    [(by, details)] = audit_rows(app, "user_role")
    assert by == "admin" and details["changed"] == {"role": ["admin", "in_charge"]}


def test_no_one_raises_their_own_role(app: App, admin: UserInfo) -> None:
    add(app, admin, "insp.rao", Role.IN_CHARGE)
    rao = station.login(app, "insp.rao", "insp.rao-pass")
    with pytest.raises(PermissionDenied):
        users.set_role(app, rao, "insp.rao", Role.ADMIN)
    assert users.list_users(app, admin)[1].role is Role.IN_CHARGE


def test_a_disabled_user_cannot_log_in_until_enabled(app: App, admin: UserInfo) -> None:
    add(app, admin, "hc.singh")
    assert users.disable_user(app, admin, "hc.singh").status == "disabled"
    with pytest.raises(AuthenticationFailed, match="Wrong user name or password"):
        station.login(app, "hc.singh", "hc.singh-pass")
    with pytest.raises(InvalidInput, match="already disabled"):
        users.disable_user(app, admin, "hc.singh")
    users.enable_user(app, admin, "hc.singh")
    assert station.login(app, "hc.singh", "hc.singh-pass").username == "hc.singh"
    assert [d["username"] for _, d in audit_rows(app, "user_disable")] == ["hc.singh"]
    assert [d["username"] for _, d in audit_rows(app, "user_enable")] == ["hc.singh"]


def test_a_disabled_admin_loses_the_power_at_once(app: App, admin: UserInfo) -> None:
    add(app, admin, "si.khan", Role.ADMIN)
    khan = station.login(app, "si.khan", "si.khan-pass")
    users.disable_user(app, admin, "si.khan")
    with pytest.raises(PermissionDenied, match="no longer active"):
        users.add_user(app, khan, "friend", "friend-pass", Role.ADMIN)


def test_five_wrong_passwords_lock_and_an_admin_reset_unlocks(app: App, admin: UserInfo) -> None:
    add(app, admin, "asi.verma")
    for _ in range(5):
        with pytest.raises(AuthenticationFailed):
            users.login(app, "asi.verma", "guess")
    with pytest.raises(AuthenticationFailed, match="locked after 5 wrong passwords"):
        users.login(app, "asi.verma", "asi.verma-pass")
    assert users.list_users(app, admin)[1].status.startswith("locked until")

    users.reset_password(app, admin, "asi.verma", "fresh-pass-9")

    assert users.login(app, "asi.verma", "fresh-pass-9").username == "asi.verma"
    with pytest.raises(AuthenticationFailed):
        users.login(app, "asi.verma", "asi.verma-pass")
    [(by, details)] = audit_rows(app, "user_password_reset")
    assert by == "admin" and "fresh-pass-9" not in json.dumps(details)


def test_a_lockout_ends_after_fifteen_minutes(app: App, admin: UserInfo) -> None:
    add(app, admin, "asi.verma")
    for _ in range(5):
        with pytest.raises(AuthenticationFailed):
            users.login(app, "asi.verma", "guess")
    with app.db.session() as session:
        row = session.scalars(select(User).where(User.username == "asi.verma")).one()
        assert row.locked_until is not None
        row.locked_until = utcnow() - timedelta(seconds=1)
    assert users.login(app, "asi.verma", "asi.verma-pass").username == "asi.verma"


def test_an_admin_changes_their_own_password_with_passwd_not_reset(
    app: App, admin: UserInfo
) -> None:
    with pytest.raises(PermissionDenied, match="station-app passwd"):
        users.reset_password(app, admin, "admin", "new-admin-pass")


def test_changing_ones_own_password(app: App, admin: UserInfo) -> None:
    add(app, admin, "asi.verma")
    with pytest.raises(AuthenticationFailed):
        users.change_password(app, "asi.verma", "not-it", "brand-new-1")
    with pytest.raises(InvalidInput, match="same as the old one"):
        users.change_password(app, "asi.verma", "asi.verma-pass", "asi.verma-pass")
    with pytest.raises(InvalidInput, match="at least 6 characters"):
        users.change_password(app, "asi.verma", "asi.verma-pass", "abc")
    users.change_password(app, "asi.verma", "asi.verma-pass", "brand-new-1")
    assert users.login(app, "asi.verma", "brand-new-1").username == "asi.verma"
    with pytest.raises(AuthenticationFailed):
        users.login(app, "asi.verma", "asi.verma-pass")
    assert [by for by, _ in audit_rows(app, "password_change")] == ["asi.verma"]


def test_wrong_old_passwords_count_towards_the_lockout(app: App, admin: UserInfo) -> None:
    add(app, admin, "asi.verma")
    for _ in range(5):
        with pytest.raises(AuthenticationFailed):
            users.change_password(app, "asi.verma", "guess", "brand-new-1")
    with pytest.raises(AuthenticationFailed, match="locked"):
        users.change_password(app, "asi.verma", "asi.verma-pass", "brand-new-1")


def test_login_rehashes_a_password_made_with_older_argon2_parameters(
    app: App, admin: UserInfo
) -> None:
    older = PasswordHasher(time_cost=1, memory_cost=512, parallelism=1)
    with app.db.session() as session:
        row = session.scalars(select(User).where(User.username == "admin")).one()
        row.password_hash = older.hash(ADMIN_PASSWORD)
    users.login(app, "admin", ADMIN_PASSWORD)
    with app.db.read_session() as session:
        stored = session.scalar(select(User.password_hash).where(User.username == "admin"))
    assert stored is not None and not FAST.check_needs_rehash(stored)
    assert FAST.verify(stored, ADMIN_PASSWORD)
    assert users.login(app, "admin", ADMIN_PASSWORD).username == "admin"


@pytest.mark.parametrize(
    ("username", "extra", "field", "message"),
    [
        ("admin", {}, "username", "is taken"),
        ("ADMIN", {}, "username", "too like the existing user 'admin'"),
        ("asi verma", {}, "username", "must not contain spaces"),
        ("", {}, "username", "is empty"),
        ("x" * 65, {}, "username", "longer than 64"),
        ("asi.verma\x00", {}, "username", "control characters"),
        ("asi.verma", {"full_name": "R" * 201}, "full_name", "longer than 200"),
        ("asi.verma", {"badge_number": "4411\u202e"}, "badge_number", "control characters"),
    ],
)
def test_a_bad_new_user_is_refused_naming_the_field(
    app: App, admin: UserInfo, username: str, extra: dict[str, str], field: str, message: str
) -> None:
    before = capture(app)
    with pytest.raises(InvalidInput) as raised:
        users.add_user(app, admin, username, "good-pass-1", Role.OFFICER, **extra)
    assert any(p.field == field and message in p.message for p in raised.value.problems)
    assert_unchanged(before, capture(app))


def test_unknown_users_are_named(app: App, admin: UserInfo) -> None:
    with pytest.raises(NotFound, match="No user 'ghost'"):
        users.disable_user(app, admin, "ghost")


# --- the command line -------------------------------------------------------------------


@pytest.fixture
def cli_env(app: App, admin: UserInfo, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.setenv("STATION_APP_USER", "admin")
    monkeypatch.setenv("STATION_APP_PASSWORD", ADMIN_PASSWORD)
    monkeypatch.setenv("STATION_APP_NEW_PASSWORD", "officer-pass-1")
    return ["--home", str(app.paths.home)]


def test_cli_users_add_list_set_role_disable_enable(
    cli_env: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    add_cmd = ["users", "add", "asi.verma", "--role", "officer", "--full-name", "Ramesh Verma"]
    assert main([*cli_env, *add_cmd, "--rank", "ASI", "--badge", "MP-4411"]) == 0
    assert "User 'asi.verma' (officer, active) added." in capsys.readouterr().out
    assert main([*cli_env, "users", "set-role", "asi.verma", "in_charge"]) == 0
    assert main([*cli_env, "users", "disable", "asi.verma"]) == 0
    assert "can no longer log in" in capsys.readouterr().out
    assert main([*cli_env, "users", "list", "--json"]) == 0
    listed = {u["username"]: u for u in json.loads(capsys.readouterr().out)}
    assert listed["asi.verma"]["role"] == "in_charge"
    assert listed["asi.verma"]["status"] == "disabled"
    assert listed["asi.verma"]["badge_number"] == "MP-4411"
    assert main([*cli_env, "users", "enable", "asi.verma"]) == 0
    assert main([*cli_env, "users", "list"]) == 0
    assert "asi.verma" in capsys.readouterr().out


def test_cli_reset_password_and_passwd(
    cli_env: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*cli_env, "users", "add", "asi.verma", "--role", "officer"]) == 0
    monkeypatch.setenv("STATION_APP_NEW_PASSWORD", "reset-pass-2")
    assert main([*cli_env, "users", "reset-password", "asi.verma"]) == 0
    monkeypatch.setenv("STATION_APP_USER", "asi.verma")
    monkeypatch.setenv("STATION_APP_PASSWORD", "reset-pass-2")
    monkeypatch.setenv("STATION_APP_NEW_PASSWORD", "my-own-pass-3")
    assert main([*cli_env, "passwd"]) == 0
    assert "Password of 'asi.verma' changed." in capsys.readouterr().out
    monkeypatch.setenv("STATION_APP_PASSWORD", "my-own-pass-3")
    assert main([*cli_env, "users", "list"]) == 1  # an officer: refused, said plainly
    assert "may not manage users" in capsys.readouterr().err


def test_cli_refuses_the_last_admin_and_a_missing_password_plainly(
    cli_env: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*cli_env, "users", "disable", "admin"]) == 1
    assert "last active admin" in capsys.readouterr().err
    monkeypatch.delenv("STATION_APP_NEW_PASSWORD")
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert main([*cli_env, "users", "add", "x.y", "--role", "viewer"]) == 1
    assert "set STATION_APP_NEW_PASSWORD" in capsys.readouterr().err


def test_new_users_get_real_argon2id_hashes(app: App, admin: UserInfo) -> None:
    add(app, admin, "asi.verma")
    with app.db.read_session() as session:
        stored = session.scalar(select(User.password_hash).where(User.username == "asi.verma"))
    assert stored is not None and stored.startswith("$argon2id$")


def test_a_wrong_password_is_in_the_audit_log_under_the_account_tried(
    app: App, admin: UserInfo
) -> None:
    with pytest.raises(AuthenticationFailed):
        station.login(app, "admin", "guessing-1")
    with pytest.raises(AuthenticationFailed):
        station.login(app, "nobody", "guessing-2")  # no such account: nothing to file it under
    with app.db.read_session() as session:
        rows = session.execute(
            select(AuditEvent.action, AuditEvent.username).order_by(AuditEvent.seq.desc())
        ).all()
    assert rows[0] == ("login_failed", "admin")
    assert [action for action, _ in rows].count("login_failed") == 1
