"""Adding a user, and what the user services say, both in the chosen language."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
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
from station_app.services import users
from station_app.services.users import Account
from station_app.ui.desk import Desk
from station_app.ui.error_dialogs import show_error
from station_app.ui.i18n import QT_TRANSLATE_NOOP, translate
from station_app.ui.messages import error_text, user_field_text
from station_app.ui.widgets import ErrorLabel

ROLES: dict[Role, str] = {
    Role.VIEWER: QT_TRANSLATE_NOOP("Roles", "Viewer (may only look)"),
    Role.OFFICER: QT_TRANSLATE_NOOP("Roles", "Officer"),
    Role.IN_CHARGE: QT_TRANSLATE_NOOP("Roles", "Station in-charge"),
    Role.ADMIN: QT_TRANSLATE_NOOP("Roles", "Administrator"),
}


def role_label(role: Role) -> str:
    return translate("Roles", ROLES[role])


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
        text = error_text(error)
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
            label.setText(user_field_text(name))
        self.role_label.setText(user_field_text("role"))
        for index in range(self.role.count()):
            self.role.setItemText(index, role_label(Role(self.role.itemData(index))))
