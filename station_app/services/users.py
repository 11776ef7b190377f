"""The station's user accounts: who may log in, with which role.

Only admins manage users, and the check is made against the admin's row as it is now,
not as it was at login. The station always keeps one active admin, nobody raises their
own role, and every change goes to the audit log with who made it. Passwords never do.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station_app import accounts
from station_app.app import App
from station_app.audit import AuditLog
from station_app.db.base import utcnow
from station_app.db.models import User
from station_app.domain import Role, UserInfo
from station_app.errors import (
    AuthenticationFailed,
    InvalidInput,
    NotFound,
    PermissionDenied,
    Problem,
)
from station_app.permissions import Action, require
from station_app.services import station

MAX_LENGTHS = {"username": 64, "full_name": 200, "rank": 64, "badge_number": 64}
_ROLE_ORDER = [Role.VIEWER, Role.OFFICER, Role.IN_CHARGE, Role.ADMIN]


@dataclass(frozen=True, slots=True)
class Account:
    """One user as the user-management screens show it."""

    id: str
    username: str
    full_name: str
    role: Role
    rank: str
    badge_number: str
    active: bool
    locked_until: datetime | None
    created_at: datetime

    @property
    def status(self) -> str:
        if not self.active:
            return "disabled"
        if self.locked_until is not None and self.locked_until > utcnow():
            return f"locked until {self.locked_until:%H:%M} UTC"
        return "active"


def _account(user: User) -> Account:
    return Account(
        id=user.id,
        username=user.username,
        full_name=user.full_name,
        role=Role(user.role),
        rank=user.rank,
        badge_number=user.badge_number,
        active=user.active,
        locked_until=user.locked_until,
        created_at=user.created_at,
    )


def _acting_admin(session: Session, actor: UserInfo) -> UserInfo:
    """The actor as the database knows them now: disabled or demoted since login counts."""
    row = session.get(User, actor.id)
    if row is None or not row.active:
        raise PermissionDenied(f"The account '{actor.username}' is no longer active.")
    current = accounts.user_info(row)
    require(current, Action.MANAGE_USERS)
    return current


def _find(session: Session, username: str) -> User:
    row = session.scalar(select(User).where(User.username == username.strip()))
    if row is None:
        raise NotFound(f"No user '{username.strip()}'.")
    return row


def _other_active_admins(session: Session, excluding: User) -> int:
    query = select(func.count(User.id)).where(
        User.role == Role.ADMIN.value, User.active.is_(True), User.id != excluding.id
    )
    return session.scalar(query) or 0


def _keep_an_admin(session: Session, target: User, doing: str) -> None:
    last = target.role == Role.ADMIN.value and target.active
    if last and not _other_active_admins(session, target):
        raise PermissionDenied(
            f"'{target.username}' is the last active admin and cannot be {doing}; "
            "make another user admin first."
        )


def _check_text(field: str, value: str) -> list[Problem]:
    problems = []
    if len(value) > MAX_LENGTHS[field]:
        problems.append(Problem(f"is longer than {MAX_LENGTHS[field]} characters", field=field))
    if any(unicodedata.category(c) in ("Cc", "Cf") for c in value):
        problems.append(Problem("contains control characters", field=field))
    return problems


def _check_new_user(session: Session, username: str, fields: dict[str, str]) -> None:
    problems = _check_text("username", username)
    if any(c.isspace() for c in username):
        problems.append(Problem("must not contain spaces", field="username"))
    for field, value in fields.items():
        problems += _check_text(field, value)
    similar = session.scalar(
        select(User.username).where(func.lower(User.username) == username.lower())
    )
    if similar is not None and similar != username:
        problems.append(Problem(f"is too like the existing user '{similar}'", field="username"))
    if problems:
        raise InvalidInput(problems)


def list_users(app: App, actor: UserInfo) -> list[Account]:
    with app.db.read_session() as session:
        _acting_admin(session, actor)
        rows = session.scalars(select(User).order_by(User.username))
        return [_account(row) for row in rows]


def add_user(
    app: App,
    actor: UserInfo,
    username: str,
    password: str,
    role: Role,
    *,
    full_name: str = "",
    rank: str = "",
    badge_number: str = "",
) -> Account:
    username, full_name, rank, badge_number = (
        v.strip() for v in (username, full_name, rank, badge_number)
    )
    with app.db.session() as session:
        admin = _acting_admin(session, actor)
        fields = {"full_name": full_name, "rank": rank, "badge_number": badge_number}
        _check_new_user(session, username, fields)
        info = accounts.create_user(
            session, admin.station_code, username, password, role, full_name, rank, badge_number
        )
        AuditLog(session, admin).record(
            "user_add",
            "user",
            info.id,
            {
                "summary": f"added user {info.username} ({role.value})",
                "username": info.username,
                "role": role.value,
            },
        )
        row = session.get(User, info.id)
        assert row is not None
        return _account(row)


def set_role(app: App, actor: UserInfo, username: str, role: Role) -> Account:
    with app.db.session() as session:
        admin = _acting_admin(session, actor)
        target = _find(session, username)
        old = Role(target.role)
        if old is role:
            raise InvalidInput([Problem(f"'{target.username}' is already {role.value}", "role")])
        raising = _ROLE_ORDER.index(role) > _ROLE_ORDER.index(old)
        if target.id == admin.id and raising:
            raise PermissionDenied("You cannot raise your own role; ask another admin.")
        if role is not Role.ADMIN:
            _keep_an_admin(session, target, "demoted")
        target.role = role.value
        AuditLog(session, admin).record(
            "user_role",
            "user",
            target.id,
            {
                "summary": f"{target.username}: {old.value} -> {role.value}",
                "username": target.username,
                "changed": {"role": [old.value, role.value]},
            },
        )
        return _account(target)


def _set_active(app: App, actor: UserInfo, username: str, active: bool) -> Account:
    word = "enabled" if active else "disabled"
    with app.db.session() as session:
        admin = _acting_admin(session, actor)
        target = _find(session, username)
        if target.active is active:
            raise InvalidInput([Problem(f"'{target.username}' is already {word}", "username")])
        if not active:
            _keep_an_admin(session, target, "disabled")
        target.active = active
        AuditLog(session, admin).record(
            "user_enable" if active else "user_disable",
            "user",
            target.id,
            {"summary": f"{word} {target.username}", "username": target.username},
        )
        return _account(target)


def disable_user(app: App, actor: UserInfo, username: str) -> Account:
    """Stop a user logging in. Their name stays on everything they did."""
    return _set_active(app, actor, username, False)


def enable_user(app: App, actor: UserInfo, username: str) -> Account:
    return _set_active(app, actor, username, True)


def _set_password(user: User, password: str) -> None:
    accounts.check_password_strength(password)
    user.password_hash = accounts.hash_password(password)
    user.failed_logins = 0
    user.locked_until = None


def reset_password(app: App, actor: UserInfo, username: str, new_password: str) -> Account:
    """An admin sets another user's password; this also lifts a lockout."""
    with app.db.session() as session:
        admin = _acting_admin(session, actor)
        target = _find(session, username)
        if target.id == admin.id:
            raise PermissionDenied(
                "Change your own password with 'station-app passwd' (it asks the old one)."
            )
        _set_password(target, new_password)
        AuditLog(session, admin).record(
            "user_password_reset",
            "user",
            target.id,
            {"summary": f"reset the password of {target.username}", "username": target.username},
        )
        return _account(target)


def change_password(app: App, username: str, old_password: str, new_password: str) -> UserInfo:
    """A user changes their own password. A wrong old password counts towards the lockout."""
    if new_password == old_password:
        raise InvalidInput([Problem("is the same as the old one", field="new password")])
    accounts.check_password_strength(new_password)
    failure: AuthenticationFailed | None = None
    with app.db.session() as session:
        try:
            user = accounts.authenticate(session, username, old_password)
        except AuthenticationFailed as error:
            failure = error
        else:
            row = session.get(User, user.id)
            assert row is not None
            _set_password(row, new_password)
            AuditLog(session, user).record(
                "password_change", "user", user.id, {"summary": "changed own password"}
            )
    if failure is not None:
        raise failure
    return user


def login(app: App, username: str, password: str) -> UserInfo:
    """The same login as everywhere (lockout, audit, rehash when argon2's parameters rise)."""
    return station.login(app, username, password)
