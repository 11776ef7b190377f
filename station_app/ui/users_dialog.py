"""The station's user accounts, for an admin: add, change role, disable, set a password.

Every change goes through the user services (which check, as the database stands now,
that the actor is an active admin, keep one admin, and write the audit log), on the
database worker. A refusal is said in a message box in the chosen language.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station_app.db.base import utcnow
from station_app.domain import Role
from station_app.services import users
from station_app.services.users import Account
from station_app.ui.desk import Desk
from station_app.ui.error_dialogs import show_error, show_message
from station_app.ui.labels import local_time
from station_app.ui.messages import error_text
from station_app.ui.password_dialog import PasswordDialog
from station_app.ui.user_form import ROLES, AddUserDialog, role_label
from station_app.ui.widgets import push_button


class UsersDialog(QDialog):
    """The list of accounts, and what an admin can do to the one chosen."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usersDialog")
        self._desk = desk
        self.accounts: list[Account] = []
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("usersTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.add_button = push_button("addUser", self.add_user)
        self.role_choice = QComboBox()
        self.role_choice.setObjectName("roleChoice")
        for role in ROLES:
            self.role_choice.addItem("", role.value)
        self.role_choice.currentIndexChanged.connect(self._sync_buttons)
        self.role_button = push_button("changeRole", self.change_role)
        self.active_button = push_button("toggleActive", self.toggle_active)
        self.password_button = push_button("resetPassword", self.reset_password)
        self.close_button = push_button("closeUsers", self.accept)
        self.status = QLabel()
        self.status.setObjectName("usersStatus")
        self.status.setWordWrap(True)
        actions = QHBoxLayout()
        actions.addWidget(self.add_button)
        actions.addStretch(1)
        for widget in (self.role_choice, self.role_button, self.active_button):
            actions.addWidget(widget)
        actions.addWidget(self.password_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addLayout(bottom)
        self.resize(880, 480)
        self._sync_buttons()
        self.retranslate()

    # -- the list -------------------------------------------------------------------------

    def load(self, select: str = "") -> None:
        app, actor = self._desk.app, self._desk.user
        self._desk.tasks.run_db(
            lambda: users.list_users(app, actor),
            lambda accounts: self.show_accounts(accounts, select),
            self._failed,
        )

    def show_accounts(self, accounts: list[Account], select: str = "") -> None:
        current = self.selected()
        chosen = select or (current.username if current else "")
        self.accounts = accounts
        self.table.setRowCount(len(accounts))
        for row, account in enumerate(accounts):
            cells = (account.username, account.full_name, role_label(account.role))
            for column, text in enumerate((*cells, self._status(account))):
                self.table.setItem(row, column, QTableWidgetItem(text))
            if account.username == chosen:
                self.table.selectRow(row)
        self._selection_changed()

    def _status(self, account: Account) -> str:
        if not account.active:
            return self.tr("Disabled")
        if account.locked_until is not None and account.locked_until > utcnow():
            until = local_time(account.locked_until).strftime("%H:%M")
            return self.tr("Locked (wrong passwords) until %1").replace("%1", until)
        return self.tr("Active")

    def selected(self) -> Account | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.accounts):
            return None
        return self.accounts[rows[0].row()]

    def select_user(self, username: str) -> None:
        for row, account in enumerate(self.accounts):
            if account.username == username:
                self.table.selectRow(row)

    def _selection_changed(self) -> None:
        """The role list shows the chosen user's role until the admin picks another."""
        account = self.selected()
        if account is not None:
            self.role_choice.blockSignals(True)
            self.role_choice.setCurrentIndex(self.role_choice.findData(account.role.value))
            self.role_choice.blockSignals(False)
        self._sync_buttons()

    def _sync_buttons(self) -> None:
        account = self.selected()
        me = account is not None and account.id == self._desk.user.id
        chosen = self.role_choice.currentData()
        for widget in (self.role_choice, self.active_button):
            widget.setEnabled(account is not None)
        self.role_button.setEnabled(account is not None and chosen != account.role.value)
        self.password_button.setEnabled(account is not None and not me)
        self.password_button.setToolTip(
            self.tr("Change your own password with “Change my password…”.") if me else ""
        )
        self._label_active_button()

    def _label_active_button(self) -> None:
        account = self.selected()
        enable = account is not None and not account.active
        self.active_button.setText(self.tr("&Enable") if enable else self.tr("&Disable"))

    # -- actions --------------------------------------------------------------------------

    def add_user(self) -> None:
        dialog = AddUserDialog(self._desk, self)
        dialog.added.connect(
            lambda account: self._done(
                account, self.tr("Added %1. They can log in now.").replace("%1", account.username)
            )
        )
        dialog.open()

    def change_role(self) -> None:
        account = self.selected()
        if account is None:
            return
        app, actor, role = self._desk.app, self._desk.user, Role(self.role_choice.currentData())
        text = self.tr("%1 is now: %2.").replace("%1", account.username)
        self._run(
            lambda: users.set_role(app, actor, account.username, role),
            lambda changed: text.replace("%2", role_label(changed.role)),
        )

    def toggle_active(self) -> None:
        account = self.selected()
        if account is None:
            return
        app, actor, name = self._desk.app, self._desk.user, account.username
        if account.active:
            text = self.tr("%1 is disabled and can no longer log in.").replace("%1", name)
            self._run(lambda: users.disable_user(app, actor, name), lambda _a: text)
        else:
            text = self.tr("%1 is enabled again.").replace("%1", name)
            self._run(lambda: users.enable_user(app, actor, name), lambda _a: text)

    def reset_password(self) -> None:
        account = self.selected()
        if account is None:
            return
        dialog = PasswordDialog(self._desk, account.username, self)
        dialog.password_set.connect(
            lambda name: self._done(
                account,
                self.tr("%1 has a new password; tell it to them in person.").replace("%1", name),
            )
        )
        dialog.open()

    def _run(self, work: Callable[[], Account], message: Callable[[Account], str]) -> None:
        self._desk.run(
            self,
            self.tr("Saving…"),
            lambda _token: work(),
            lambda account: self._done(account, message(account)),
            self._failed,
        )

    def _done(self, account: Account, message: str) -> None:
        self.status.setText(message)
        self.load(select=account.username)

    def _failed(self, error: BaseException) -> None:
        text = error_text(error)
        if text is None:
            show_error(self, error)
            return
        show_message(self, QCoreApplication.translate("Errors", "Could not complete"), text)

    # -- language -------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Users of this station"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("User name"), self.tr("Full name"), self.tr("Role"), self.tr("Status")]
        )
        for index in range(self.role_choice.count()):
            self.role_choice.setItemText(index, role_label(Role(self.role_choice.itemData(index))))
        self.add_button.setText(self.tr("&Add a user…"))
        self.role_button.setText(self.tr("Change &role"))
        self.password_button.setText(self.tr("Set a new &password…"))
        self.close_button.setText(self.tr("Close"))
        self._label_active_button()
        if self.accounts:
            self.show_accounts(self.accounts)
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
