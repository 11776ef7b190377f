from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from station_app.ui import app as gui_app

pytestmark = pytest.mark.gui


def test_main_opens_the_login_window_and_returns(
    qapp: QApplication,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    # The real event loop would run until the officer quits; here it only lets the
    # database open (its worker thread) and then returns.
    monkeypatch.setattr(gui_app, "run_event_loop", lambda app: wait_for_login_window(app))
    home = tmp_path / "desk"

    assert gui_app.main(["--home", str(home), "--language", "hi"]) == 0

    assert (home / "logs").is_dir()
    windows = [w for w in QApplication.topLevelWidgets() if w.objectName() == "loginWindow"]
    assert windows and windows[-1].windowTitle() == "मुस्कान स्टेशन: लॉग इन"
    for window in QApplication.topLevelWidgets():
        window.hide()
        window.deleteLater()


def wait_for_login_window(app: QApplication) -> int:
    from pytestqt.qtbot import QtBot

    def ready() -> bool:
        windows = [w for w in app.topLevelWidgets() if w.objectName() == "loginWindow"]
        return bool(windows) and windows[-1].isVisible() and windows[-1].no_station.isVisible()

    QtBot(app).waitUntil(ready)
    return 0


def test_home_comes_from_the_environment_like_the_cli(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from station_app.paths import resolve_home

    monkeypatch.setenv("STATION_APP_HOME", str(tmp_path / "from-env"))
    args = gui_app.parse_args([])
    assert args.home is None
    assert resolve_home(args.home).home == (tmp_path / "from-env").resolve()
