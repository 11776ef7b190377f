"""Commands for encryption at rest: encrypt a station, change its passphrase."""

from __future__ import annotations

import argparse

from station_app.app import PASSPHRASE_ENV, App
from station_app.cli.common import Progress, login, secret
from station_app.encryption.convert import change_station_passphrase, encrypt_station
from station_app.permissions import Action, require

NEW_PASSPHRASE_ENV = "STATION_APP_NEW_PASSPHRASE"


def cmd_encrypt(app: App, args: argparse.Namespace) -> int:
    user = login(app)
    require(user, Action.ENCRYPT)
    passphrase = "" if app.encrypted else secret(PASSPHRASE_ENV, "station passphrase", True)
    report = encrypt_station(app, user, passphrase, progress=Progress("photos", 200))
    print(report.summary())
    return 0


def cmd_passphrase(app: App, args: argparse.Namespace) -> int:
    user = login(app)
    require(user, Action.ENCRYPT)
    old = secret(PASSPHRASE_ENV, "current station passphrase")
    new = secret(NEW_PASSPHRASE_ENV, "new station passphrase", confirm=True)
    change_station_passphrase(app, user, old, new)
    print("Station passphrase changed. Backups made before keep the old one.")
    return 0


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    encrypt = commands.add_parser(
        "encrypt",
        help="encrypt this station's database and photos under a station passphrase "
        f"(from {PASSPHRASE_ENV}, else asked); run again to finish an interrupted run",
    )
    encrypt.set_defaults(handler=cmd_encrypt)
    passphrase = commands.add_parser(
        "passphrase",
        help=f"change the station passphrase (new one from {NEW_PASSPHRASE_ENV}, else asked)",
    )
    passphrase.set_defaults(handler=cmd_passphrase)
