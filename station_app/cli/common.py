"""What every command shares: who the user is, and how progress is shown."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable

from station_app.app import App
from station_app.domain import UserInfo
from station_app.encryption.errors import PassphraseRequired
from station_app.errors import StationError
from station_app.services import station

USER_ENV = "STATION_APP_USER"
PASSWORD_ENV = "STATION_APP_PASSWORD"
PROGRESS_MIN_BYTES = 1_000_000

Handler = Callable[[App, argparse.Namespace], int]


def ask(prompt: str, secret: bool = False) -> str:
    if not sys.stdin.isatty():
        raise StationError(
            f"{prompt.strip(': ')} is needed: set {USER_ENV} and "
            f"{PASSWORD_ENV}, or run in a terminal."
        )
    return getpass.getpass(prompt) if secret else input(prompt)


def secret(env: str, what: str, confirm: bool = False) -> str:
    """From the environment, else asked in a terminal (twice when it is being set)."""
    value = os.environ.get(env)
    if value:
        return value
    if not sys.stdin.isatty():
        raise StationError(f"The {what} is needed: set {env}, or run in a terminal.")
    first = getpass.getpass(f"{what.capitalize()}: ")
    if confirm and first != getpass.getpass(f"{what.capitalize()} again: "):
        raise StationError(f"The two {what}s differ; nothing was changed.")
    return first


def ask_station_passphrase(needed: PassphraseRequired) -> str:
    """Asked in a terminal only: open_app has already looked in the environment."""
    if not sys.stdin.isatty():
        raise needed
    return getpass.getpass("Station passphrase: ")


def password(confirm: bool = False) -> str:
    return secret(PASSWORD_ENV, "password", confirm)


def login(app: App) -> UserInfo:
    """The user every command but init acts as: from the environment, else asked."""
    app.require_station()
    username = os.environ.get(USER_ENV) or ask("User: ")
    return station.login(app, username, password())


class Progress:
    """Percent done on stderr for long work: redrawn in a terminal, every 10% in a log.

    Totals under `min_total` (bytes of a file, by default) finish too fast to need it.
    """

    def __init__(self, label: str, min_total: int = PROGRESS_MIN_BYTES) -> None:
        self.label = label
        self.min_total = min_total
        self.last = -1
        self.tty = sys.stderr.isatty()

    def __call__(self, done: int, total: int) -> None:
        if total < self.min_total:
            return
        percent = 100 * done // max(total, 1)
        step = 1 if self.tty else 10
        if percent // step == self.last // step:
            return
        self.last = percent
        end = "" if self.tty and percent < 100 else "\n"
        prefix = "\r" if self.tty else ""
        print(f"{prefix}{self.label}: {percent:3d}%", end=end, file=sys.stderr, flush=True)
