"""Setting a password: one's own (the current one first), or another user's, by an admin.

Changing one's own goes through `users.change_password`, so a wrong current password
counts towards the lockout like a wrong login; an admin's reset goes through
`users.reset_password`, which also lifts a lockout. What went wrong is said in the
dialog, in the chosen language.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QWidget

from station_app.accounts import MIN_PASSWORD_LENGTH
from station_app.errors import AuthenticationFailed
from station_app.services import users
from station_app.ui.desk import Desk
from station_app.ui.secret_change import SecretChangeDialog
from station_app.ui.widgets import mark_data


class PasswordDialog(SecretChangeDialog):
    """Without `username`: the logged-in user changes their own. With it: an admin's reset."""

    password_set = Signal(str)

    def __init__(self, desk: Desk, username: str | None = None, parent: QWidget | None = None):
        super().__init__(desk, "Password", ask_old=username is None, parent=parent)
        self.setObjectName("passwordDialog")
        self.own = username is None
        self.username = desk.user.username if username is None else username
        self.who = mark_data(QLabel(self.username))
        self.who.setObjectName("passwordUser")
        self.who_label = QLabel()
        self.form.insertRow(0, self.who_label, self.who)
        self.setMinimumWidth(440)
        self.retranslate()
        (self.old if self.own else self.new).setFocus()

    def differ_text(self) -> str:
        return self.tr("The two new passwords are not the same.")

    def same_as_old_text(self) -> str:
        return self.tr("The new password must differ from the current one.")

    def busy_text(self) -> str:
        return self.tr("Saving the password…")

    def change(self, old: str, new: str) -> object:
        if self.own:
            return users.change_password(self._desk.app, self.username, old, new)
        return users.reset_password(self._desk.app, self._desk.user, self.username, new)

    def wrong_old(self, error: BaseException) -> str | None:
        if isinstance(error, AuthenticationFailed) and str(error).startswith("Wrong"):
            return self.tr("The current password is wrong.")
        return None

    def changed(self, result: object) -> None:
        self.password_set.emit(self.username)
        self.accept()

    def retranslate(self) -> None:
        self.setWindowTitle(
            self.tr("Change my password") if self.own else self.tr("Set a new password")
        )
        self.who_label.setText(self.tr("User:"))
        texts = (
            self.tr("&Current password:"),
            self.tr("&New password:"),
            self.tr("New password &again:"),
        )
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.hint.setText(
            self.tr("At least %1 characters. Do not write it down where others can see it.")
            .replace("%1", str(MIN_PASSWORD_LENGTH))
        )  # fmt: skip
