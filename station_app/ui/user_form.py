"""Adding a user, and what the user services say, both in the chosen language."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from station_app.domain import Role
from station_app.errors import InvalidInput, Problem, StationError
from station_app.services import users
from station_app.services.users import Account
from station_app.ui.desk import Desk
from station_app.ui.error_dialogs import show_error
from station_app.ui.i18n import QT_TRANSLATE_NOOP, translate
from station_app.ui.labels import field_label
from station_app.ui.messages import environment_message, sentence
from station_app.ui.widgets import ErrorLabel

ROLES: dict[Role, str] = {
    Role.VIEWER: QT_TRANSLATE_NOOP("Roles", "Viewer (may only look)"),
    Role.OFFICER: QT_TRANSLATE_NOOP("Roles", "Officer"),
    Role.IN_CHARGE: QT_TRANSLATE_NOOP("Roles", "Station in-charge"),
    Role.ADMIN: QT_TRANSLATE_NOOP("Roles", "Administrator"),
}
_FIELDS = {
    "rank": QT_TRANSLATE_NOOP("Users", "Rank"),
    "badge_number": QT_TRANSLATE_NOOP("Users", "Badge no."),
    "role": QT_TRANSLATE_NOOP("Users", "Role"),
}
_SENTENCES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p), t)
    for p, t in [
        (
            r"^'(.+)' is the last active admin and cannot be demoted; make another user admin",
            QT_TRANSLATE_NOOP(
                "Users",
                "'%1' is the last active administrator and cannot lose that role; "
                "make another user administrator first.",
            ),
        ),
        (
            r"^'(.+)' is the last active admin and cannot be disabled; make another user admin",
            QT_TRANSLATE_NOOP(
                "Users",
                "'%1' is the last active administrator and cannot be disabled; "
                "make another user administrator first.",
            ),
        ),
        (
            r"^You cannot raise your own role; ask another admin\.$",
            QT_TRANSLATE_NOOP(
                "Users", "You cannot raise your own role; ask another administrator."
            ),
        ),
        (
            r"^Change your own password with .*$",
            QT_TRANSLATE_NOOP("Users", "Change your own password with “Change my password…”."),
        ),
        (
            r"^The account '(.+)' is no longer active\.$",
            QT_TRANSLATE_NOOP("Users", "The account '%1' is no longer active."),
        ),
        (r"^No user '(.+)'\.$", QT_TRANSLATE_NOOP("Users", "There is no user '%1'.")),
        (r"^must not contain spaces$", QT_TRANSLATE_NOOP("Users", "must not contain spaces")),
        (
            r"^contains control characters$",
            QT_TRANSLATE_NOOP("Users", "contains characters that cannot be typed"),
        ),
        (
            r"^is too like the existing user '(.+)'$",
            QT_TRANSLATE_NOOP("Users", "is too like the existing user '%1'"),
        ),
        (r"^'(.+)' is already \w+$", QT_TRANSLATE_NOOP("Users", "'%1' is already so")),
    ]
]


def role_label(role: Role) -> str:
    return translate("Roles", ROLES[role])


def user_field_label(name: str) -> str:
    text = _FIELDS.get(name)
    return translate("Users", text) if text else field_label(name)


def user_sentence(text: str) -> str:
    for pattern, template in _SENTENCES:
        match = pattern.match(text)
        if match:
            result = translate("Users", template)
            for index, value in enumerate(match.groups(), start=1):
                result = result.replace(f"%{index}", value)
            return result
    return sentence(text)


def _problem_line(problem: Problem) -> str:
    message = user_sentence(problem.message)
    return f"• {user_field_label(problem.field)}: {message}" if problem.field else f"• {message}"


def user_error_text(error: BaseException) -> str | None:
    """What to show for an error of the user services; None means it is a bug."""
    if isinstance(error, InvalidInput):
        head = QCoreApplication.translate("Messages", "Nothing was saved. Please correct:")
        return "\n".join([head, *(_problem_line(p) for p in error.problems[:30])])
    if isinstance(error, StationError):
        return "\n".join(user_sentence(line) for line in str(error).splitlines())
    return environment_message(error)


class AddUserDialog(QDialog):
    """A new account: its name, role and first password. `added` when it is saved."""

    added = Signal(object)
    FIELDS = ("username", "full_name", "rank", "badge_number", "password", "password_again")

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("addUserDialog")
        self._desk = desk
        self.edits: dict[str, QLineEdit] = {}
        self.labels: dict[str, QLabel] = {}
        form = QFormLayout()
        for name in self.FIELDS:
            edit = QLineEdit()
            edit.setObjectName(f"user_{name}")
            if name.startswith("password"):
                edit.setEchoMode(QLineEdit.EchoMode.Password)
            self.edits[name] = edit
            self.labels[name] = QLabel()
            self.labels[name].setBuddy(edit)
            form.addRow(self.labels[name], edit)
        self.role = QComboBox()
        self.role.setObjectName("user_role")
        for role in ROLES:
            self.role.addItem("", role.value)
        self.role.setCurrentIndex(self.role.findData(Role.OFFICER.value))
        self.role_label = QLabel()
        self.role_label.setBuddy(self.role)
        form.insertRow(4, self.role_label, self.role)
        self.error = ErrorLabel()
        self.error.setObjectName("addUserError")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setObjectName("addUserSave")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.retranslate()

    def save(self) -> None:
        values = {name: edit.text() for name, edit in self.edits.items()}
        if values["password"] != values["password_again"]:
            self.error.show_problem(self.tr("The two passwords are not the same."))
            self.edits["password_again"].setFocus()
            return
        app, actor, role = self._desk.app, self._desk.user, Role(self.role.currentData())

        def work(_token: object) -> Account:
            return users.add_user(
                app,
                actor,
                values["username"],
                values["password"],
                role,
                full_name=values["full_name"],
                rank=values["rank"],
                badge_number=values["badge_number"],
            )

        self.buttons.setEnabled(False)
        self._desk.run(self, self.tr("Adding the user…"), work, self._saved, self._failed)

    def _saved(self, account: Account) -> None:
        self.buttons.setEnabled(True)
        self.added.emit(account)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        text = user_error_text(error)
        if text is None:
            show_error(self, error)
        else:
            self.error.show_problem(text)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Add a user"))
        for name, label in self.labels.items():
            label.setText(user_field_label(name))
        self.role_label.setText(user_field_label("role"))
        for index in range(self.role.count()):
            self.role.setItemText(index, role_label(Role(self.role.itemData(index))))
