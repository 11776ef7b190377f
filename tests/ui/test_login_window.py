from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from station_app import demo
from station_app.app import open_app
from station_app.domain import Kind, MissingDetails, UserInfo
from station_app.services import registers, station
from station_app.ui.setup_dialog import SetupDialog
from station_app.ui.startup import Startup
from tests.ui.conftest import log_in, only_message_box

pytestmark = pytest.mark.gui


def test_the_right_password_opens_both_registers(started: Startup, qtbot: QtBot) -> None:
    window = log_in(started, qtbot)

    assert window.isVisible()
    assert not started.login_window.isVisible()
    assert [window.tabs.tabText(i) for i in range(2)] == ["Missing children", "Found children"]
    assert "admin" in window.user_label.text()


def test_a_wrong_password_is_said_beside_the_fields(started: Startup, qtbot: QtBot) -> None:
    window = started.login_window
    qtbot.keyClicks(window.username, "admin")
    qtbot.keyClicks(window.password, "not-the-password")
    qtbot.keyClick(window.password, Qt.Key.Key_Return)

    assert started.main_window is None
    assert window.error.isVisible()
    assert window.error.text() == "Wrong user name or password."


def test_logging_out_comes_back_to_the_login_window(started: Startup, qtbot: QtBot) -> None:
    window = log_in(started, qtbot)
    window.logout_action.trigger()

    assert started.login_window.isVisible()
    assert started.login_window.password.text() == ""


def test_with_no_station_it_offers_setup_and_the_demo(gui: Startup, qtbot: QtBot) -> None:
    gui.start()
    login = gui.login_window

    assert login.no_station.isVisible()
    assert login.setup_button.isVisible() and login.demo_button.isVisible()
    assert not login.login_button.isEnabled()


def test_setting_up_a_station_then_logging_in(gui: Startup, qtbot: QtBot) -> None:
    gui.start()
    qtbot.mouseClick(gui.login_window.setup_button, Qt.MouseButton.LeftButton)
    dialog = gui.setup_dialog
    assert isinstance(dialog, SetupDialog) and dialog.isVisible()
    dialog.encrypt.setChecked(False)
    assert not dialog.edits["passphrase"].isEnabled()
    for name, text in {
        "station_code": "rtm02",
        "station_name": "Thana Jaora",
        "district": "Ratlam",
        "state": "Madhya Pradesh",
        "full_name": "SI Meena",
        "password": "secret-99",
        "password_again": "secret-98",
    }.items():
        qtbot.keyClicks(dialog.edits[name], text)
    dialog.buttons.accepted.emit()
    assert dialog.errors["password_again"].text() == "the two passwords are not the same"

    dialog.edits["password_again"].clear()
    qtbot.keyClicks(dialog.edits["password_again"], "secret-99")
    dialog.buttons.accepted.emit()

    assert not dialog.isVisible()
    assert "Thana Jaora (RTM02)" in gui.login_window.station_label.text()
    window = log_in(gui, qtbot, "admin", "secret-99")
    assert "RTM02" in window.windowTitle()


def test_setup_problems_are_shown_beside_their_fields(gui: Startup, qtbot: QtBot) -> None:
    gui.start()
    gui.set_up()
    dialog = gui.setup_dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.edits["station_code"], "bad code!")
    dialog.buttons.accepted.emit()

    assert "capital letters" in dialog.errors["station_code"].text()
    assert dialog.errors["station_name"].text() == "must be filled in"
    assert dialog.isVisible()


@pytest.fixture
def quick_demo(monkeypatch: pytest.MonkeyPatch) -> None:
    """A demo station with one child, instead of the full (slower) demo data."""

    def ensure_demo(home: Path) -> demo.DemoLogin:
        app = open_app(str(home))
        try:
            if app.local_station() is None:
                _, admin = station.init_station(
                    app, "DEMO1", "Demo Thana", "Ratlam", "Madhya Pradesh", "demo", "demo-pass"
                )
                registers.register(app, admin, MissingDetails(ref="FIR 1", name="राजेश"))
        finally:
            app.close()
        return demo.DemoLogin(home, "demo", "demo-pass")

    monkeypatch.setattr(demo, "ensure_demo", ensure_demo)


def test_demo_shows_its_login_and_lives_beside_the_real_station(
    quick_demo: None, qapp: QApplication, home: Path, qtbot: QtBot
) -> None:
    from station_app.ui.app import build

    startup = build(home, demo=True, synchronous=True, language="en")
    try:
        startup.start()
        login = startup.login_window
        assert login.username.text() == "demo"
        assert login.password.text() == "demo-pass"
        assert "User name: demo, password: demo-pass" in login.demo_hint.text()
        assert (home / "demo" / "station.sqlite3").exists()
        assert not (home / "station.sqlite3").exists()

        qtbot.mouseClick(login.login_button, Qt.MouseButton.LeftButton)
        assert startup.main_window is not None
        assert startup.main_window.registers[Kind.MISSING].model.rowCount() == 1
    finally:
        startup.shutdown()
        for widget in QApplication.topLevelWidgets():
            widget.close()


def test_a_damaged_database_is_kept_and_a_fresh_one_offered(
    gui: Startup, home: Path, qtbot: QtBot
) -> None:
    home.mkdir(parents=True, exist_ok=True)
    damaged = b"this is not a database" * 100
    (home / "station.sqlite3").write_bytes(damaged)

    gui.start()
    box = only_message_box()
    assert "damaged" in box.text()
    moved = list(home.glob("station.sqlite3.corrupt-*"))
    assert [p.read_bytes() for p in moved] == [damaged]

    fresh = next(b for b in box.buttons() if b.text() == "Start with an empty register")
    fresh.click()

    assert gui.login_window.no_station.isVisible()
    assert moved[0].exists()


def test_the_login_remembers_the_last_user(started: Startup, admin: UserInfo, qtbot: QtBot) -> None:
    window = log_in(started, qtbot)
    window.logout_action.trigger()
    assert started.settings.last_username == admin.username
