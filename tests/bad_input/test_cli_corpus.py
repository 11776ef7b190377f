"""Every command line in the corpus is refused with a plain message, and changes nothing."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

import pytest
from argon2 import PasswordHasher

from station_app import accounts
from station_app.app import App, open_app
from station_app.cli import build_parser, main
from station_app.services import station
from tests.bad_input.cli_corpus import CASES, CliCase
from tests.bad_input.state import assert_unchanged, capture
from tests.conftest import ADMIN_PASSWORD


def _commands() -> set[str]:
    for action in build_parser()._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


COMMANDS = _commands()


def _param(case: CliCase) -> object:
    marks = []
    command = case.argv[0] if case.argv else "-"
    meant_unknown = case.name in ("unknown-command", "misspelt-command")
    if command not in COMMANDS and not command.startswith("-") and not meant_unknown:
        marks.append(pytest.mark.skip(reason=f"no '{command}' command in this build"))
    if case.known_bug:
        marks.append(pytest.mark.xfail(strict=True, reason=case.known_bug))
    return pytest.param(case, marks=marks, id=case.name)


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with pytest.MonkeyPatch.context() as patch:
        # The admin's hash made cheap: every case below logs in, and verifying reads the
        # cost from the hash itself.
        patch.setattr(accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024))
        app = open_app(str(tmp_path_factory.mktemp("desk") / "home"))
        station.init_station(app, "RTM01", "GRP Ratlam", "Ratlam", "MP", "admin", ADMIN_PASSWORD)
    yield app
    app.close()


@pytest.mark.parametrize("case", [_param(case) for case in CASES])
def test_a_bad_command_line_is_refused_plainly_and_changes_nothing(
    desk: App,
    case: CliCase,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    home = str(desk.paths.home)
    monkeypatch.setenv("STATION_APP_USER", "admin")
    monkeypatch.setenv("STATION_APP_PASSWORD", case.password or ADMIN_PASSWORD)
    monkeypatch.setenv("STATION_APP_NEW_PASSWORD", case.new_password)
    monkeypatch.setenv("STATION_APP_BACKUP_PASSPHRASE", "monsoon-ledger-42")
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    argv = ["--home", home, *(arg.replace("HOME", home) for arg in case.argv)]
    before = capture(desk)
    desk.db.dispose()
    status: object
    try:
        status = main(argv)
    except SystemExit as exit_:
        status = exit_.code  # argparse
    err = capsys.readouterr().err
    assert (status, "Traceback" in err) == (case.status, False), err
    assert case.says in err
    assert_unchanged(before, capture(desk), attempt_actions=("login", "login_failed"))
