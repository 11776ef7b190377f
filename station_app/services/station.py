"""Setting up a station and logging in."""

from __future__ import annotations

from sqlalchemy import select

from station_app import accounts, keys
from station_app.app import App
from station_app.audit import AuditLog
from station_app.db.models import Station, User
from station_app.domain import Role, StationInfo, UserInfo
from station_app.errors import AuthenticationFailed, InvalidInput, Problem, StationError

STATION_CODE_CHARS = set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")


def validate_station(code: str, name: str, district: str, state: str) -> list[Problem]:
    problems = []
    if not code or not set(code) <= STATION_CODE_CHARS or len(code) > 16:
        problems.append(
            Problem("use 1 to 16 capital letters, digits or '-', e.g. RTM01", field="station_code")
        )
    for field, value in (("station_name", name), ("district", district), ("state", state)):
        if not value.strip():
            problems.append(Problem("is empty", field=field))
    return problems


def init_station(
    app: App,
    code: str,
    name: str,
    district: str,
    state: str,
    admin_username: str,
    admin_password: str,
    admin_full_name: str = "",
) -> tuple[StationInfo, UserInfo]:
    """Create this desk's station and its first admin. Refused if a station exists."""
    code = code.strip().upper()
    problems = validate_station(code, name, district, state)
    if problems:
        raise InvalidInput(problems)
    with app.db.session() as session:
        if session.scalar(select(Station.code).where(Station.is_local.is_(True))):
            raise StationError(f"A station is already set up in {app.paths.home}.")
        session.add(
            Station(
                code=code,
                name=name.strip(),
                district=district.strip(),
                state=state.strip(),
                is_local=True,
                signing_public_key=keys.create_station_keys(
                    app.paths, code, app.private_key_password
                ),
            )
        )
        session.flush()
        admin = accounts.create_user(
            session, code, admin_username, admin_password, Role.ADMIN, admin_full_name
        )
        AuditLog(session, admin).record(
            "init_station", "station", None, {"summary": f"station {code} set up"}
        )
    return StationInfo(code, name, district, state), admin


def init_encrypted_station(
    app: App,
    passphrase: str,
    code: str,
    name: str,
    district: str,
    state: str,
    admin_username: str,
    admin_password: str,
    admin_full_name: str = "",
) -> tuple[App, StationInfo, UserInfo]:
    """Set up a new station encrypted from its first row.

    The empty database is encrypted before anything is written to it. `app` is closed;
    the returned App is the station, open with its key. Safe to run again if it stops.
    """
    from station_app.app import open_app
    from station_app.encryption.convert import encrypt_station

    if app.local_station() is not None:
        raise StationError(f"A station is already set up in {app.paths.home}.")
    problems = validate_station(code.strip().upper(), name, district, state)
    if problems:
        raise InvalidInput(problems)
    encrypt_station(app, None, passphrase)
    opened = open_app(str(app.paths.home), app.db.url, passphrase)
    try:
        info, admin = init_station(
            opened, code, name, district, state, admin_username, admin_password, admin_full_name
        )
    except BaseException:
        opened.close()
        raise
    return opened, info, admin


def login(app: App, username: str, password: str) -> UserInfo:
    """Check the password; a failure is counted (and committed) before it is reported.

    A failed attempt on an existing account is written to the audit log under that
    account, so the in-charge sees who was being tried, and when.
    """
    failure: AuthenticationFailed | None = None
    with app.db.session() as session:
        try:
            user = accounts.authenticate(session, username, password)
        except AuthenticationFailed as error:
            failure = error
            tried = session.scalar(select(User).where(User.username == username.strip()))
            if tried is not None:
                AuditLog(session, accounts.user_info(tried)).record(
                    "login_failed", "user", tried.id, {"summary": str(error)}
                )
        else:
            AuditLog(session, user).record("login", "user", user.id)
    if failure is not None:
        raise failure
    return user
