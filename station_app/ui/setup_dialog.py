"""Setting up this desk's police station and its first administrator."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from station_app.app import App
from station_app.domain import StationInfo, UserInfo
from station_app.encryption.errors import EncryptionError
from station_app.errors import InvalidInput, Problem
from station_app.services.station import init_encrypted_station, init_station
from station_app.ui.desk import run_operation
from station_app.ui.error_dialogs import show_error
from station_app.ui.labels import field_label
from station_app.ui.messages import error_text, problem_text
from station_app.ui.tasks import TaskManager
from station_app.ui.widgets import ErrorLabel

FIELDS = (
    "station_code",
    "station_name",
    "district",
    "state",
    "full_name",
    "username",
    "password",
    "password_again",
    "passphrase",
    "passphrase_again",
)
PASSPHRASE_FIELDS = ("passphrase", "passphrase_again")


class SetupDialog(QDialog):
    """Collects the station's facts, the admin account and, to encrypt the register, a
    station passphrase; `done_setup(station, admin, app)` when saved. `app` is the newly
    opened encrypted station, or None when the register is kept in the clear."""

    done_setup = Signal(object, object, object)

    def __init__(self, app: App, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setupDialog")
        self._app = app
        self._tasks = tasks
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.edits: dict[str, QLineEdit] = {}
        self.labels: dict[str, QLabel] = {}
        self.errors: dict[str, ErrorLabel] = {}
        self.encrypt = QCheckBox()
        self.encrypt.setObjectName("setupEncrypt")
        self.encrypt.setChecked(True)
        self.encrypt.toggled.connect(self._encryption_toggled)
        self.encrypt_hint = QLabel()
        self.encrypt_hint.setWordWrap(True)
        self.encrypt_hint.setProperty("role", "hint")
        form = QFormLayout()
        for name in FIELDS:
            edit = QLineEdit()
            edit.setObjectName(f"setup_{name}")
            if name.startswith(("password", "passphrase")):
                edit.setEchoMode(QLineEdit.EchoMode.Password)
            label = QLabel()
            label.setBuddy(edit)
            error = ErrorLabel()
            cell = QVBoxLayout()
            cell.setSpacing(1)
            cell.addWidget(edit)
            cell.addWidget(error)
            if name == PASSPHRASE_FIELDS[0]:
                form.addRow(self.encrypt)
            form.addRow(label, cell)
            self.edits[name], self.labels[name], self.errors[name] = edit, label, error
        self.edits["station_code"].setMaxLength(16)
        self.edits["username"].setText("admin")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setObjectName("setupSave")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.encrypt_hint)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.retranslate()

    def _encryption_toggled(self, on: bool) -> None:
        for name in PASSPHRASE_FIELDS:
            self.edits[name].setEnabled(on)

    def save(self) -> None:
        values = {name: edit.text() for name, edit in self.edits.items()}
        problems: list[Problem] = []
        if values["password"] != values["password_again"]:
            problems.append(Problem("the two passwords differ", field="password_again"))
        encrypt = self.encrypt.isChecked()
        if encrypt and values["passphrase"] != values["passphrase_again"]:
            problems.append(Problem("the two passphrases differ", field="passphrase_again"))
        if problems:
            self.show_problems(problems)
            return
        app = self._app
        fields = (
            values["station_code"],
            values["station_name"],
            values["district"],
            values["state"],
            values["username"],
            values["password"],
            values["full_name"],
        )

        def work(_token: object) -> tuple[StationInfo, UserInfo, App | None]:
            if not encrypt:
                return (*init_station(app, *fields), None)
            opened, station, admin = init_encrypted_station(app, values["passphrase"], *fields)
            return station, admin, opened

        self.buttons.setEnabled(False)
        run_operation(
            self._tasks, self, self.tr("Setting up the station…"), work, self._saved, self._failed
        )

    def _saved(self, result: tuple[StationInfo, UserInfo, App | None]) -> None:
        self.buttons.setEnabled(True)
        self.done_setup.emit(*result)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, InvalidInput):
            self.show_problems(error.problems)
        elif isinstance(error, EncryptionError):
            self.show_problems([Problem(error_text(error) or str(error), field="passphrase")])
        else:
            show_error(self, error)

    def show_problems(self, problems: list[Problem]) -> None:
        for name, error in self.errors.items():
            error.show_problem(
                "\n".join(problem_text(p, with_field=False) for p in problems if p.field == name)
            )
        first = next((p.field for p in problems if p.field in self.edits), None)
        if first:
            self.edits[first].setFocus()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Set up this police station"))
        self.intro.setText(
            self.tr(
                "Enter the station's code as used in case numbers (for example RTM01), its "
                "name, district and state, and an administrator account. The administrator "
                "can add the other officers later."
            )
        )
        texts: dict[str, Callable[[], str]] = {
            "station_code": lambda: self.tr("Station code"),
            "station_name": lambda: field_label("station_name"),
            "district": lambda: field_label("district"),
            "state": lambda: field_label("state"),
            "full_name": lambda: self.tr("Administrator's full name"),
            "username": lambda: self.tr("Administrator's user name"),
            "password": lambda: field_label("password"),
            "password_again": lambda: field_label("password_again"),
            "passphrase": lambda: self.tr("Station passphrase"),
            "passphrase_again": lambda: self.tr("Station passphrase again"),
        }
        self.encrypt.setText(self.tr("Encrypt the register and photos on this computer"))
        self.encrypt_hint.setText(
            self.tr(
                "Recommended. Without the station passphrase nobody can read the register, "
                "even with the computer or its disk in hand. Every start asks for it, and "
                "it cannot be recovered if forgotten: keep it with the in-charge."
            )
        )
        for name, text in texts.items():
            self.labels[name].setText(text())
