"""Left alone, the desk locks: the children's details go out of sight until the password."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from station_app.accounts import MAX_FAILED_LOGINS
from station_app.app import App
from station_app.db.models import AuditEvent, User
from station_app.domain import MissingDetails, UserInfo
from station_app.services import registers
from station_app.ui.idle_lock import IDLE_LOCK_MINUTES
from station_app.ui.main_window import MainWindow
from station_app.ui.startup import Startup
from tests.conftest import ADMIN_PASSWORD
from tests.ui.conftest import type_text

pytestmark = pytest.mark.gui


def wait_for_lock(window: MainWindow, qtbot: QtBot) -> None:
    window.idle_lock.set_timeout(50)
    qtbot.waitUntil(lambda: window.idle_lock.locked, timeout=3000)
    window.idle_lock.set_timeout(600_000)  # not again while the test types


def try_password(window: MainWindow, qtbot: QtBot, password: str) -> None:
    panel = window.idle_lock.panel
    panel.password.clear()
    type_text(qtbot, panel.password, password)
    qtbot.mouseClick(panel.unlock_button, Qt.MouseButton.LeftButton)


def failed_logins(app: App) -> int:
    with app.db.read_session() as session:
        return session.scalar(select(User.failed_logins).where(User.username == "admin")) or 0


def test_the_default_is_ten_minutes(main_window: MainWindow) -> None:
    assert IDLE_LOCK_MINUTES == 10
    assert main_window.idle_lock.watcher.timer.interval() == 10 * 60_000
    assert not main_window.idle_lock.locked


def test_idle_hides_the_records_and_only_the_right_password_unlocks(
    app: App, admin: UserInfo, main_window: MainWindow, qtbot: QtBot
) -> None:
    record = registers.register(app, admin, MissingDetails(ref="FIR 5/2026", name="Sunita"))
    view = main_window.open_record(record.meta.id)
    assert view.isVisible() and main_window.tabs.isVisible()

    wait_for_lock(main_window, qtbot)

    lock = main_window.idle_lock
    assert not main_window.tabs.isVisible()
    assert not view.isVisible()
    assert not main_window.menuBar().isVisible()
    assert not main_window.new_missing.isEnabled()  # no shortcut works behind the lock
    assert lock.panel.isVisible()
    assert "admin" in lock.panel.message.text()

    try_password(main_window, qtbot, "wrong-password")
    assert lock.locked and not main_window.tabs.isVisible()
    assert lock.panel.error.text() == "Wrong user name or password."
    assert failed_logins(app) == 1

    try_password(main_window, qtbot, ADMIN_PASSWORD)
    assert not lock.locked
    assert main_window.tabs.isVisible() and view.isVisible()
    assert main_window.menuBar().isVisible() and main_window.new_missing.isEnabled()
    assert failed_logins(app) == 0
    with app.db.read_session() as session:
        logins = session.scalars(select(AuditEvent).where(AuditEvent.action == "login")).all()
    assert len(logins) == 2  # the first login and the unlock


def test_activity_keeps_the_desk_open(main_window: MainWindow, qtbot: QtBot) -> None:
    main_window.idle_lock.set_timeout(400)
    for _ in range(6):
        qtbot.wait(100)
        qtbot.mouseMove(main_window.tabs)
        qtbot.keyClick(main_window.tabs, Qt.Key.Key_Shift)
    assert not main_window.idle_lock.locked
    qtbot.waitUntil(lambda: main_window.idle_lock.locked, timeout=3000)


def test_wrong_passwords_at_the_lock_lock_the_account(
    app: App, main_window: MainWindow, qtbot: QtBot
) -> None:
    wait_for_lock(main_window, qtbot)
    for _ in range(MAX_FAILED_LOGINS):
        try_password(main_window, qtbot, "guess")
    try_password(main_window, qtbot, ADMIN_PASSWORD)

    panel = main_window.idle_lock.panel
    assert main_window.idle_lock.locked
    assert "is locked after 5 wrong passwords" in panel.error.text()


def test_someone_else_logs_out_from_the_lock(
    main_window: MainWindow, started: Startup, qtbot: QtBot
) -> None:
    main_window.admin.lock_action.trigger()  # Ctrl+L: locked at once
    assert main_window.idle_lock.locked
    qtbot.mouseClick(main_window.idle_lock.panel.logout_button, Qt.MouseButton.LeftButton)

    assert started.main_window is None
    assert started.login_window.isVisible()


def test_a_warning_from_background_work_waits_for_the_unlock(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    shown: list[str] = []
    wait_for_lock(main_window, qtbot)
    main_window.idle_lock.when_unlocked(lambda: shown.append("possible duplicate"))
    assert shown == []  # nothing pops up over the locked desk

    try_password(main_window, qtbot, ADMIN_PASSWORD)
    assert shown == ["possible duplicate"]
