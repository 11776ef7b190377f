"""Setting a password: one's own (the current one first), or another user's, by an admin.

Changing one's own goes through `users.change_password`, so a wrong current password
counts towards the lockout like a wrong login; an admin's reset goes through
`users.reset_password`, which also lifts a lockout. What went wrong is said in the
dialog, in the chosen language.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from station_app.accounts import MIN_PASSWORD_LENGTH
from station_app.errors import AuthenticationFailed, StationError
from station_app.services import users
from station_app.ui.desk import Desk
from station_app.ui.error_dialogs import show_error
from station_app.ui.messages import error_text
from station_app.ui.widgets import ErrorLabel, mark_data


def _password_edit(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class PasswordDialog(QDialog):
    """Without `username`: the logged-in user changes their own. With it: an admin's reset."""

    password_set = Signal(str)

    def __init__(self, desk: Desk, username: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("passwordDialog")
        self._desk = desk
        self.own = username is None
        self.username = desk.user.username if username is None else username
        self.who = mark_data(QLabel(self.username))
        self.who.setObjectName("passwordUser")
        self.old = _password_edit("oldPassword")
        self.new = _password_edit("newPassword")
        self.again = _password_edit("newPasswordAgain")
        self.labels = [QLabel(self) for _ in range(4)]
        self.hint = QLabel()
        self.hint.setProperty("role", "hint")
        self.error = ErrorLabel()
        self.error.setObjectName("passwordError")
        form = QFormLayout()
        form.addRow(self.labels[0], self.who)
        if self.own:
            form.addRow(self.labels[1], self.old)
        else:
            self.old.setParent(self)
            self.old.hide()
            self.labels[1].hide()
        form.addRow(self.labels[2], self.new)
        form.addRow(self.labels[3], self.again)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setObjectName("passwordSave")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)
        self.retranslate()
        (self.old if self.own else self.new).setFocus()

    def save(self) -> None:
        old, new = self.old.text(), self.new.text()
        if new != self.again.text():
            self._problem(self.tr("The two new passwords are not the same."), self.again)
            return
        if self.own and new == old:
            self._problem(self.tr("The new password must differ from the current one."), self.new)
            return
        app, actor, username = self._desk.app, self._desk.user, self.username

        def work(_token: object) -> object:
            if self.own:
                return users.change_password(app, username, old, new)
            return users.reset_password(app, actor, username, new)

        self.buttons.setEnabled(False)
        self._desk.run(self, self.tr("Saving the password…"), work, self._saved, self._failed)

    def _saved(self, _result: object) -> None:
        self.buttons.setEnabled(True)
        self.password_set.emit(self.username)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, AuthenticationFailed) and str(error).startswith("Wrong"):
            self._problem(self.tr("The current password is wrong."), self.old)
        elif isinstance(error, StationError):
            self._problem(error_text(error) or str(error), self.new)
        else:
            show_error(self, error)

    def _problem(self, text: str, field: QLineEdit) -> None:
        self.error.show_problem(text)
        field.selectAll()
        field.setFocus()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(
            self.tr("Change my password") if self.own else self.tr("Set a new password")
        )
        texts = (
            self.tr("User:"),
            self.tr("&Current password:"),
            self.tr("&New password:"),
            self.tr("New password &again:"),
        )
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.labels[1].setBuddy(self.old)
        self.labels[2].setBuddy(self.new)
        self.labels[3].setBuddy(self.again)
        self.hint.setText(
            self.tr("At least %1 characters. Do not write it down where others can see it.")
            .replace("%1", str(MIN_PASSWORD_LENGTH))
        )  # fmt: skip
