"""The admin manages accounts in the GUI; anyone changes their own password."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from station_app.app import App
from station_app.db.models import User
from station_app.domain import UserInfo
from station_app.ui.main_window import MainWindow
from station_app.ui.password_dialog import PasswordDialog
from station_app.ui.startup import Startup
from station_app.ui.user_form import AddUserDialog
from station_app.ui.users_dialog import UsersDialog
from tests.conftest import ADMIN_PASSWORD
from tests.ui.conftest import log_in, only_message_box, type_text

pytestmark = pytest.mark.gui


def click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def open_users(window: MainWindow) -> UsersDialog:
    window.admin.users_action.trigger()
    dialog = window.admin.users_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def names_in(dialog: UsersDialog) -> list[list[str]]:
    table = dialog.table
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def choose(dialog: UsersDialog, username: str) -> None:
    dialog.select_user(username)
    selected = dialog.selected()
    assert selected is not None and selected.username == username


def test_the_admin_adds_a_user_who_can_then_log_in(
    main_window: MainWindow, started: Startup, qtbot: QtBot
) -> None:
    dialog = open_users(main_window)
    assert names_in(dialog) == [["admin", "admin", "Administrator", "Active"]]

    click(qtbot, dialog.add_button)
    [form] = dialog.findChildren(AddUserDialog)
    type_text(qtbot, form.edits["username"], "si.khan")
    type_text(qtbot, form.edits["full_name"], "SI Ayesha Khan")
    form.role.setCurrentIndex(form.role.findData("in_charge"))
    type_text(qtbot, form.edits["password"], "khan-pass-1")
    type_text(qtbot, form.edits["password_again"], "khan-pass-1")
    click(qtbot, form.buttons.buttons()[0])

    assert not form.isVisible()
    assert ["si.khan", "SI Ayesha Khan", "Station in-charge", "Active"] in names_in(dialog)
    assert dialog.status.text() == "Added si.khan. They can log in now."

    main_window.logout_action.trigger()
    window = log_in(started, qtbot, "si.khan", "khan-pass-1")
    assert "si.khan" in window.user_label.text()
    assert window.admin.audit_action.isVisible() and not window.admin.users_action.isVisible()


def test_a_bad_new_user_is_refused_in_the_form(main_window: MainWindow, qtbot: QtBot) -> None:
    dialog = open_users(main_window)
    click(qtbot, dialog.add_button)
    [form] = dialog.findChildren(AddUserDialog)
    type_text(qtbot, form.edits["username"], "two words")
    type_text(qtbot, form.edits["password"], "abc")
    type_text(qtbot, form.edits["password_again"], "abc")
    click(qtbot, form.buttons.buttons()[0])

    assert form.isVisible()
    assert form.error.text() == (
        "Nothing was saved. Please correct:\n• User name: must not contain spaces"
    )
    assert len(names_in(dialog)) == 1


def test_role_change_disable_and_reset_password(
    app: App, officer: UserInfo, main_window: MainWindow, started: Startup, qtbot: QtBot
) -> None:
    dialog = open_users(main_window)
    choose(dialog, "asi.verma")
    assert not dialog.role_button.isEnabled()  # the role shown is already theirs
    dialog.role_choice.setCurrentIndex(dialog.role_choice.findData("viewer"))
    click(qtbot, dialog.role_button)
    assert ["asi.verma", "ASI Verma", "Viewer (may only look)", "Active"] in names_in(dialog)

    choose(dialog, "asi.verma")
    click(qtbot, dialog.password_button)
    [reset] = dialog.findChildren(PasswordDialog)
    assert not reset.own and not reset.old.isVisible()
    type_text(qtbot, reset.new, "fresh-pass-2")
    type_text(qtbot, reset.again, "fresh-pass-2")
    click(qtbot, reset.buttons.buttons()[0])
    assert "asi.verma has a new password" in dialog.status.text()

    choose(dialog, "asi.verma")
    assert dialog.active_button.text() == "&Disable"
    click(qtbot, dialog.active_button)
    assert ["asi.verma", "ASI Verma", "Viewer (may only look)", "Disabled"] in names_in(dialog)
    assert dialog.active_button.text() == "&Enable"

    main_window.logout_action.trigger()
    login = started.login_window
    login.username.clear()
    type_text(qtbot, login.username, "asi.verma")
    type_text(qtbot, login.password, "fresh-pass-2")
    click(qtbot, login.login_button)
    assert started.main_window is None
    assert login.error.text() == "Wrong user name or password."


def test_the_last_admin_cannot_be_disabled_and_says_why(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    dialog = open_users(main_window)
    choose(dialog, "admin")
    assert not dialog.password_button.isEnabled()  # one's own goes through "Change my password"
    click(qtbot, dialog.active_button)

    box = only_message_box()
    assert "'admin' is the last active administrator and cannot be disabled" in box.text()
    box.close()
    assert names_in(dialog)[0][3] == "Active"


def test_change_my_password_asks_the_current_one(
    app: App, main_window: MainWindow, started: Startup, qtbot: QtBot
) -> None:
    dialog = main_window.admin.change_password()
    type_text(qtbot, dialog.old, "not-my-password")
    type_text(qtbot, dialog.new, "brand-new-1")
    type_text(qtbot, dialog.again, "brand-new-1")
    click(qtbot, dialog.buttons.buttons()[0])
    assert dialog.isVisible()
    assert dialog.error.text() == "The current password is wrong."
    with app.db.read_session() as session:
        failed = session.scalar(select(User.failed_logins).where(User.username == "admin"))
    assert failed == 1  # counted like a wrong login

    dialog.old.clear()
    type_text(qtbot, dialog.old, ADMIN_PASSWORD)
    click(qtbot, dialog.buttons.buttons()[0])
    assert not dialog.isVisible()
    assert main_window.statusBar().currentMessage() == "Your password has been changed."

    main_window.logout_action.trigger()
    window = log_in(started, qtbot, "admin", "brand-new-1")
    assert window.isVisible()


def test_new_passwords_that_differ_are_caught_before_saving(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    dialog = main_window.admin.change_password()
    type_text(qtbot, dialog.old, ADMIN_PASSWORD)
    type_text(qtbot, dialog.new, "brand-new-1")
    type_text(qtbot, dialog.again, "brand-new-2")
    click(qtbot, dialog.buttons.buttons()[0])
    assert dialog.error.text() == "The two new passwords are not the same."
    dialog.reject()


def test_the_account_screens_speak_hindi(officer: UserInfo, started: Startup, qtbot: QtBot) -> None:
    from tests.ui.test_i18n import english_in

    started.set_language("hi")
    window = log_in(started, qtbot)
    dialog = open_users(window)
    choose(dialog, "asi.verma")
    assert english_in(dialog) == []
    assert names_in(dialog)[1][2:] == ["अधिकारी", "सक्रिय"]
    click(qtbot, dialog.add_button)
    [form] = dialog.findChildren(AddUserDialog)
    assert english_in(form) == []
    form.reject()
    click(qtbot, dialog.password_button)
    [reset] = dialog.findChildren(PasswordDialog)
    assert english_in(reset) == []
    reset.reject()
    own = window.admin.change_password()
    assert english_in(own) == []
    own.reject()
    window.admin.lock_action.trigger()
    assert english_in(window.idle_lock.panel) == []
