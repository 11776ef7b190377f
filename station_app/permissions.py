"""What each role may do. Every service action checks here before it touches data."""

from __future__ import annotations

import enum

from station_app.domain import Role, UserInfo
from station_app.errors import PermissionDenied


class Action(enum.StrEnum):
    VIEW = "view"
    REGISTER = "register"
    EDIT = "edit"
    IMPORT = "import"
    CONFIRM_MATCH = "confirm_match"
    ISSUE_HANDOVER = "issue_handover"
    EXPORT = "export"
    VIEW_AUDIT = "view_audit"
    MANAGE_USERS = "manage_users"
    BACKUP = "back_up"
    RESTORE = "restore_a_backup"
    ENCRYPT = "manage_encryption"


_RANK = {Role.VIEWER: 0, Role.OFFICER: 1, Role.IN_CHARGE: 2, Role.ADMIN: 3}
_LEAST_ROLE = {
    Action.VIEW: Role.VIEWER,
    Action.REGISTER: Role.OFFICER,
    Action.EDIT: Role.OFFICER,
    Action.IMPORT: Role.OFFICER,
    Action.CONFIRM_MATCH: Role.OFFICER,
    Action.ISSUE_HANDOVER: Role.IN_CHARGE,
    Action.EXPORT: Role.IN_CHARGE,
    Action.VIEW_AUDIT: Role.IN_CHARGE,
    Action.MANAGE_USERS: Role.ADMIN,
    Action.BACKUP: Role.IN_CHARGE,
    Action.RESTORE: Role.ADMIN,
    Action.ENCRYPT: Role.ADMIN,
}


_WHO = {
    Role.VIEWER: "any user",
    Role.OFFICER: "an officer",
    Role.IN_CHARGE: "the station in-charge",
    Role.ADMIN: "an admin",
}


def allowed(user: UserInfo, action: Action) -> bool:
    return _RANK[user.role] >= _RANK[_LEAST_ROLE[action]]


def require(user: UserInfo, action: Action) -> None:
    if not allowed(user, action):
        raise PermissionDenied(
            f"{user.username} ({user.role.value}) may not {action.value.replace('_', ' ')}; "
            f"ask {_WHO[_LEAST_ROLE[action]]}."
        )
