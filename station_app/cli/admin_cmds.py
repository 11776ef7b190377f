"""Commands for the station's admin: users, passwd, backup and restore."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from station_app.app import PASSPHRASE_ENV as STATION_PASSPHRASE_ENV
from station_app.app import App
from station_app.backup.make import check_target, make_backup
from station_app.backup.restore import restore_backup
from station_app.cli.common import Progress, ask, login, password, secret
from station_app.domain import Role, UserInfo
from station_app.errors import StationError
from station_app.services import users
from station_app.services.users import Account

NEW_PASSWORD_ENV = "STATION_APP_NEW_PASSWORD"
PASSPHRASE_ENV = "STATION_APP_BACKUP_PASSPHRASE"
USER_ENV = "STATION_APP_USER"


def _print_account(account: Account, verb: str) -> None:
    print(f"User '{account.username}' ({account.role.value}, {account.status}) {verb}.")


def cmd_users_list(app: App, args: argparse.Namespace) -> int:
    accounts = users.list_users(app, login(app))
    if args.json:
        rows = [
            {
                "username": a.username,
                "full_name": a.full_name,
                "role": a.role.value,
                "rank": a.rank,
                "badge_number": a.badge_number,
                "status": a.status,
                "created_at": a.created_at.isoformat(),
            }
            for a in accounts
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for a in accounts:
        print(
            f"{a.username:<20} {a.role.value:<10} {a.status:<24} "
            f"{a.full_name[:30]:<30} {a.rank[:12]:<12} {a.badge_number}"
        )
    print(f"{len(accounts)} user(s)", file=sys.stderr)
    return 0


def cmd_users_add(app: App, args: argparse.Namespace) -> int:
    actor = login(app)
    account = users.add_user(
        app,
        actor,
        args.username,
        secret(NEW_PASSWORD_ENV, "new user's password", confirm=True),
        Role(args.role),
        full_name=args.full_name or "",
        rank=args.rank or "",
        badge_number=args.badge or "",
    )
    _print_account(account, "added")
    return 0


def cmd_users_set_role(app: App, args: argparse.Namespace) -> int:
    _print_account(users.set_role(app, login(app), args.username, Role(args.role)), "updated")
    return 0


def cmd_users_disable(app: App, args: argparse.Namespace) -> int:
    _print_account(users.disable_user(app, login(app), args.username), "can no longer log in")
    return 0


def cmd_users_enable(app: App, args: argparse.Namespace) -> int:
    _print_account(users.enable_user(app, login(app), args.username), "can log in again")
    return 0


def cmd_users_reset_password(app: App, args: argparse.Namespace) -> int:
    actor = login(app)
    new = secret(NEW_PASSWORD_ENV, "new password", confirm=True)
    _print_account(users.reset_password(app, actor, args.username, new), "has a new password")
    return 0


def cmd_passwd(app: App, args: argparse.Namespace) -> int:
    app.require_station()
    username = os.environ.get(USER_ENV) or ask("User: ")
    old = password()
    new = secret(NEW_PASSWORD_ENV, "new password", confirm=True)
    user = users.change_password(app, username, old, new)
    print(f"Password of '{user.username}' changed.")
    return 0


def cmd_backup(app: App, args: argparse.Namespace) -> int:
    user = login(app)
    target = check_target(app, Path(args.to))
    passphrase = secret(PASSPHRASE_ENV, "backup passphrase", confirm=True)
    report = make_backup(app, user, target, passphrase, progress=Progress("backup"))
    print(report.summary())
    return 0


def cmd_restore(app: App, args: argparse.Namespace) -> int:
    actor: UserInfo | None = login(app) if app.local_station() is not None else None
    if not Path(args.file).is_file():
        raise StationError(f"{args.file} is not a file.")
    passphrase = secret(PASSPHRASE_ENV, "backup passphrase", confirm=False)
    report = restore_backup(
        app,
        actor,
        Path(args.file),
        passphrase,
        check_only=args.check_only,
        progress=Progress("restore"),
        ask_station_passphrase=lambda: secret(
            STATION_PASSPHRASE_ENV, "station passphrase of the backed-up station"
        ),
    )
    print(report.summary())
    return 0


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    roles = [role.value for role in Role]
    user_cmds = commands.add_parser("users", help="the station's user accounts (admins only)")
    actions = user_cmds.add_subparsers(dest="users_command", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="every user with role and status")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=cmd_users_list)
    add = actions.add_parser("add", help=f"add a user (password from {NEW_PASSWORD_ENV})")
    add.add_argument("username")
    add.add_argument("--role", required=True, choices=roles)
    add.add_argument("--full-name", metavar="NAME")
    add.add_argument("--rank", metavar="RANK", help="e.g. ASI, SI, Inspector")
    add.add_argument("--badge", metavar="NUMBER", help="belt or staff number")
    add.set_defaults(handler=cmd_users_add)
    set_role = actions.add_parser("set-role", help="give a user another role")
    set_role.add_argument("username")
    set_role.add_argument("role", choices=roles)
    set_role.set_defaults(handler=cmd_users_set_role)
    for name, handler, text in (
        ("disable", cmd_users_disable, "stop a user logging in"),
        ("enable", cmd_users_enable, "let a disabled user log in again"),
        ("reset-password", cmd_users_reset_password, "set a new password; lifts a lockout"),
    ):
        action = actions.add_parser(name, help=text)
        action.add_argument("username")
        action.set_defaults(handler=handler)

    passwd = commands.add_parser(
        "passwd", help=f"change your own password (new one from {NEW_PASSWORD_ENV})"
    )
    passwd.set_defaults(handler=cmd_passwd)

    backup = commands.add_parser(
        "backup", help=f"write an encrypted backup (passphrase from {PASSPHRASE_ENV})"
    )
    backup.add_argument("--to", required=True, metavar="FILE")
    backup.set_defaults(handler=cmd_backup)
    restore = commands.add_parser(
        "restore", help="restore a backup; the data it replaces is moved aside, not deleted"
    )
    restore.add_argument("file", metavar="FILE")
    restore.add_argument(
        "--check-only", action="store_true", help="check the backup completely, change nothing"
    )
    restore.set_defaults(handler=cmd_restore)
