"""The main window's administration: users, the audit log, one's password, locking.

Each entry is shown only to a role allowed to use it (the services check again): the
Administration menu to the station in-charge (audit log) and admins (users, and the
station passphrase of an encrypted station); changing one's own password and locking the
desk to everyone.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMenuBar, QWidget

from station_app.permissions import Action
from station_app.ui.audit_viewer import AuditViewer
from station_app.ui.backup_dialog import BackupDialog
from station_app.ui.desk import Desk
from station_app.ui.password_dialog import PasswordDialog
from station_app.ui.station_passphrase_dialog import StationPassphraseDialog
from station_app.ui.users_dialog import UsersDialog


def bring_forward(window: QWidget) -> None:
    """Show a window, or raise it if it is already open behind others."""
    if window.isVisible():
        window.raise_()
        window.activateWindow()
    else:
        window.show()


class AdminActions(QObject):
    backed_up = Signal(object)  # a BackupReport

    def __init__(self, window: QMainWindow, desk: Desk, lock: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._desk = desk
        self.audit_viewer: AuditViewer | None = None
        self.users_dialog: UsersDialog | None = None
        self.users_action = self._action("manageUsers", self.open_users)
        self.users_action.setVisible(desk.may(Action.MANAGE_USERS))
        self.audit_action = self._action("auditLog", self.open_audit_log)
        self.audit_action.setVisible(desk.may(Action.VIEW_AUDIT))
        self.backup_action = self._action("backUp", self.back_up)
        self.backup_action.setVisible(desk.may(Action.BACKUP) and desk.app.db.is_sqlite)
        self.passphrase_action = self._action("stationPassphrase", self.change_passphrase)
        self.passphrase_action.setVisible(desk.may(Action.ENCRYPT) and desk.app.encrypted)
        self.password_action = self._action("changePassword", self.change_password)
        self.lock_action = self._action("lockDesk", lock, "Ctrl+L")
        self.menu: QMenu | None = None

    def _action(self, name: str, slot: Callable[[], object], shortcut: str = "") -> QAction:
        action = QAction(self._window)
        action.setObjectName(name)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self._window.addAction(action)
        return action

    def add_menu(self, bar: QMenuBar) -> QMenu:
        """The Administration menu, shown only to those who may use something in it."""
        self.menu = bar.addMenu("")
        self.menu.setObjectName("adminMenu")
        self.menu.addAction(self.users_action)
        self.menu.addAction(self.audit_action)
        self.menu.addAction(self.backup_action)
        self.menu.addAction(self.passphrase_action)
        shown = any(
            action.isVisible()
            for action in (self.users_action, self.audit_action, self.backup_action)
        )
        self.menu.menuAction().setVisible(shown)
        return self.menu

    def add_to(self, menu: QMenu, before: QAction) -> None:
        """Changing one's password and locking the desk, in the menu every user has."""
        menu.insertAction(before, self.password_action)
        menu.insertAction(before, self.lock_action)
        menu.insertSeparator(before)

    def open_users(self) -> None:
        if self.users_dialog is None:
            self.users_dialog = UsersDialog(self._desk, self._window)
        bring_forward(self.users_dialog)
        self.users_dialog.load()

    def open_audit_log(self) -> None:
        if self.audit_viewer is None:
            self.audit_viewer = AuditViewer(self._desk, self._window)
        self.audit_viewer.start()

    def change_password(self) -> PasswordDialog:
        dialog = PasswordDialog(self._desk, None, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.password_set.connect(
            lambda _name: self._window.statusBar().showMessage(
                self.tr("Your password has been changed."), 8000
            )
        )
        dialog.open()
        return dialog

    def back_up(self) -> BackupDialog:
        dialog = BackupDialog(self._desk, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.backed_up.connect(self.backed_up)
        dialog.open()
        return dialog

    def change_passphrase(self) -> StationPassphraseDialog:
        dialog = StationPassphraseDialog(self._desk, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: self._window.statusBar().showMessage(
                self.tr("The station passphrase has been changed."), 8000
            )
        )
        dialog.open()
        return dialog

    def close_windows(self) -> None:
        for window in (self.audit_viewer, self.users_dialog):
            if window is not None:
                window.close()

    def retranslate(self) -> None:
        if self.menu is not None:
            self.menu.setTitle(self.tr("&Administration"))
        self.users_action.setText(self.tr("&Users and roles…"))
        self.audit_action.setText(self.tr("&Audit log: who did what…"))
        self.backup_action.setText(self.tr("&Back up to a file…"))
        self.passphrase_action.setText(self.tr("Change the &station passphrase…"))
        self.password_action.setText(self.tr("&Change my password…"))
        self.lock_action.setText(self.tr("&Lock the desk"))
        self.lock_action.setToolTip(
            self.tr("Cover the registers until you enter your password again (Ctrl+L)")
        )
