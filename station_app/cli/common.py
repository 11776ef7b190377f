"""What every command shares: who the user is, and how progress is shown."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable

from station_app.app import App
from station_app.domain import UserInfo
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


def password(confirm: bool = False) -> str:
    value = os.environ.get(PASSWORD_ENV)
    if value:
        return value
    first = ask("Password: ", secret=True)
    if confirm and first != ask("Password again: ", secret=True):
        raise StationError("The two passwords differ.")
    return first


def login(app: App) -> UserInfo:
    """The user every command but init acts as: from the environment, else asked."""
    app.require_station()
    username = os.environ.get(USER_ENV) or ask("User: ")
    return station.login(app, username, password())


class Progress:
    """Percent done on stderr for long work: redrawn in a terminal, every 10% in a log."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.last = -1
        self.tty = sys.stderr.isatty()

    def __call__(self, done: int, total: int) -> None:
        if total < PROGRESS_MIN_BYTES:
            return
        percent = 100 * done // max(total, 1)
        step = 1 if self.tty else 10
        if percent // step == self.last // step:
            return
        self.last = percent
        end = "" if self.tty and percent < 100 else "\n"
        prefix = "\r" if self.tty else ""
        print(f"{prefix}{self.label}: {percent:3d}%", end=end, file=sys.stderr, flush=True)
