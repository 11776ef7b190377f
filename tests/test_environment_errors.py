"""A full disk or a database held by another program: said in words at the command line,
with nothing half-written, never a traceback."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from station_app import photo_store
from station_app.app import App
from station_app.cli import main
from station_app.domain import UserInfo
from station_app.environment_errors import describe
from tests.bad_input.state import assert_unchanged, capture
from tests.conftest import ADMIN_PASSWORD
from tests.importing.test_import import MISSING, write_jsonl


def test_an_import_on_a_full_disk_says_so_and_changes_nothing(
    app: App,
    admin: UserInfo,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    source = write_jsonl(tmp_path / "register", [MISSING])

    def full(_path: Path, _data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(photo_store, "write_atomic", full)
    monkeypatch.setenv("STATION_APP_USER", "admin")
    monkeypatch.setenv("STATION_APP_PASSWORD", ADMIN_PASSWORD)
    before = capture(app)

    assert main(["--home", str(app.paths.home), "import", str(source)]) == 1

    err = capsys.readouterr().err
    assert err.startswith("error: The disk is full.") and "Traceback" not in err
    assert_unchanged(before, capture(app))


def test_only_troubles_of_the_computer_are_put_in_words() -> None:
    denied = OSError(errno.EACCES, "Permission denied", "E:/pendrive/b.msbackup")
    assert describe(denied) == (
        "A file could not be written or read (permission denied): E:/pendrive/b.msbackup"
    )
    assert describe(ZeroDivisionError("a bug")) is None  # a bug keeps its traceback
