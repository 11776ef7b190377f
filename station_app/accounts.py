"""User accounts: passwords hashed with argon2id, login with lockout, roles."""

from __future__ import annotations

from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from station_app.db.base import utcnow
from station_app.db.models import User
from station_app.domain import Role, UserInfo
from station_app.errors import AuthenticationFailed, InvalidInput, Problem

MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 6

_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def user_info(user: User) -> UserInfo:
    return UserInfo(
        id=user.id,
        username=user.username,
        full_name=user.full_name,
        role=Role(user.role),
        station_code=user.station_code,
        rank=user.rank,
        badge_number=user.badge_number,
    )


def check_password_strength(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput(
            [Problem(f"must be at least {MIN_PASSWORD_LENGTH} characters", field="password")]
        )


def create_user(
    session: Session,
    station_code: str,
    username: str,
    password: str,
    role: Role,
    full_name: str = "",
    rank: str = "",
    badge_number: str = "",
) -> UserInfo:
    username = username.strip()
    if not username:
        raise InvalidInput([Problem("is empty", field="username")])
    check_password_strength(password)
    if session.scalar(select(User.id).where(User.username == username)):
        raise InvalidInput([Problem(f"'{username}' is taken", field="username")])
    user = User(
        station_code=station_code,
        username=username,
        full_name=full_name or username,
        rank=rank,
        badge_number=badge_number,
        role=role.value,
        password_hash=hash_password(password),
    )
    session.add(user)
    session.flush()
    return user_info(user)


def authenticate(session: Session, username: str, password: str) -> UserInfo:
    """The user, if the password is right. Five wrong tries lock the account for 15 min.

    The caller must commit even on failure, so the failure count is kept.
    """
    user = session.scalar(select(User).where(User.username == username.strip()))
    if user is None or not user.active:
        raise AuthenticationFailed("Wrong user name or password.")
    now = utcnow()
    if user.locked_until and user.locked_until > now:
        minutes = max(1, round((user.locked_until - now).total_seconds() / 60))
        raise AuthenticationFailed(
            f"Account '{user.username}' is locked after {MAX_FAILED_LOGINS} wrong passwords; "
            f"try again in {minutes} min."
        )
    try:
        _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        user.failed_logins += 1
        if user.failed_logins >= MAX_FAILED_LOGINS:
            user.locked_until = now + LOCKOUT
            user.failed_logins = 0
        raise AuthenticationFailed("Wrong user name or password.") from None
    user.failed_logins = 0
    user.locked_until = None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)  # argon2's parameters were raised
    return user_info(user)
