"""What each role sees: administration only for those allowed, no changing for a viewer."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from pytestqt.qtbot import QtBot

from station_app import accounts
from station_app.app import App
from station_app.backup.make import LAST_BACKUP_KEY
from station_app.db.base import utcnow
from station_app.db.models import Setting
from station_app.domain import FoundDetails, MissingDetails, Role, Sex, UserInfo
from station_app.services import registers
from station_app.ui.main_window import MainWindow
from station_app.ui.startup import Startup
from tests.ui.conftest import log_in

pytestmark = pytest.mark.gui


def add_account(app: App, username: str, role: Role) -> None:
    with app.db.session() as session:
        accounts.create_user(session, "RTM01", username, f"{username}-pass", role, username.title())


def visible_menus(window: MainWindow) -> list[str]:
    return [a.text() for a in window.menuBar().actions() if a.isVisible()]


def test_a_viewer_sees_no_administration_and_cannot_register(
    app: App, admin: UserInfo, started: Startup, qtbot: QtBot
) -> None:
    complaint = registers.register(app, admin, MissingDetails(ref="FIR 3/2026", name="Asha"))
    found = registers.register(
        app, admin, FoundDetails(ref="GD 4", sex=Sex.FEMALE, found_at=datetime(2026, 3, 2))
    )
    add_account(app, "clerk", Role.VIEWER)
    window = log_in(started, qtbot, "clerk", "clerk-pass")

    assert "&Administration" not in visible_menus(window)
    assert not window.admin.users_action.isVisible()
    assert not window.admin.audit_action.isVisible()
    assert window.admin.password_action.isVisible()  # everyone changes their own
    for action in (window.new_missing, window.new_found, window.import_action):
        assert not action.isEnabled()
    assert not window.backup_reminder.isVisible()

    view = window.open_record(complaint.meta.id)
    for button in (view.edit_button, view.poster_button, view.handover_button):
        assert not button.isVisible()
    view.close()
    view = window.open_record(found.meta.id)
    assert view.match_button.isVisible()  # looking at likely matches is allowed
    view.review_matches()
    assert view.review is not None
    for button in (view.review.confirm_button, view.review.reject_button):
        assert not button.isVisibleTo(view.review)
    view.review.close()


def test_the_in_charge_sees_the_audit_log_but_not_users(
    app: App, admin: UserInfo, started: Startup, qtbot: QtBot
) -> None:
    add_account(app, "sho", Role.IN_CHARGE)
    window = log_in(started, qtbot, "sho", "sho-pass")

    assert "&Administration" in visible_menus(window)
    assert window.admin.audit_action.isVisible()
    assert not window.admin.users_action.isVisible()
    assert window.new_missing.isEnabled()


def test_an_officer_sees_no_administration_menu(
    officer: UserInfo, started: Startup, qtbot: QtBot
) -> None:
    window = log_in(started, qtbot, "asi.verma", "officer-pass")
    assert "&Administration" not in visible_menus(window)
    assert window.new_missing.isEnabled() and window.import_action.isEnabled()
    assert not window.backup_reminder.isVisible()  # backing up is the in-charge's job


def test_the_admin_sees_both_and_a_backup_reminder(main_window: MainWindow) -> None:
    assert "&Administration" in visible_menus(main_window)
    assert main_window.admin.users_action.isVisible()
    assert main_window.admin.audit_action.isVisible()
    reminder = main_window.backup_reminder
    assert reminder.isVisible()
    assert "No backup" in reminder.text.text()
    assert "station-app backup --to FILE" in reminder.text.text()
    reminder.close_button.click()
    assert not reminder.isVisible()


def test_an_old_backup_is_reminded_and_a_recent_one_is_not(
    app: App, admin: UserInfo, started: Startup, qtbot: QtBot
) -> None:
    with app.db.session() as session:
        when = utcnow() - timedelta(days=12, hours=1)
        session.merge(Setting(key=LAST_BACKUP_KEY, value=when.isoformat()))
    window = log_in(started, qtbot)
    assert window.backup_reminder.isVisible()
    assert "12 days old" in window.backup_reminder.text.text()
    window.logout_action.trigger()

    with app.db.session() as session:
        session.merge(Setting(key=LAST_BACKUP_KEY, value=utcnow().isoformat()))
    window = log_in(started, qtbot)
    assert not window.backup_reminder.isVisible()


def test_a_viewer_at_hq_is_offered_neither_import_nor_settling(
    app: App, admin: UserInfo, started: Startup, qtbot: QtBot
) -> None:
    from station_app.ui.hq_window import HqWindow

    add_account(app, "clerk", Role.VIEWER)
    window = log_in(started, qtbot, "clerk", "clerk-pass")
    hq = HqWindow(window.desk)
    assert hq.import_button.isHidden()
    assert hq.keep_hq.isHidden() and hq.keep_batch.isHidden()
    assert not hq.review_button.isHidden()  # looking is allowed
    hq.deleteLater()
