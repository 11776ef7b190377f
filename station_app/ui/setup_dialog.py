"""Setting up this desk's police station and its first administrator."""

from __future__ import annotations

from collections.abc import Callable

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

from station_app.app import App
from station_app.domain import StationInfo, UserInfo
from station_app.errors import InvalidInput, Problem
from station_app.services.station import init_station
from station_app.ui.desk import run_operation
from station_app.ui.error_dialogs import show_error
from station_app.ui.labels import field_label
from station_app.ui.messages import problem_text
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
)


class SetupDialog(QDialog):
    """Collects the station's facts and the admin account; `done_setup` when saved."""

    done_setup = Signal(object, object)

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
        form = QFormLayout()
        for name in FIELDS:
            edit = QLineEdit()
            edit.setObjectName(f"setup_{name}")
            if name.startswith("password"):
                edit.setEchoMode(QLineEdit.EchoMode.Password)
            label = QLabel()
            label.setBuddy(edit)
            error = ErrorLabel()
            cell = QVBoxLayout()
            cell.setSpacing(1)
            cell.addWidget(edit)
            cell.addWidget(error)
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
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.retranslate()

    def save(self) -> None:
        values = {name: edit.text() for name, edit in self.edits.items()}
        problems: list[Problem] = []
        if values["password"] != values["password_again"]:
            problems.append(Problem("the two passwords differ", field="password_again"))
        if problems:
            self.show_problems(problems)
            return
        app = self._app

        def work(_token: object) -> tuple[StationInfo, UserInfo]:
            return init_station(
                app,
                values["station_code"],
                values["station_name"],
                values["district"],
                values["state"],
                values["username"],
                values["password"],
                values["full_name"],
            )

        self.buttons.setEnabled(False)
        run_operation(
            self._tasks, self, self.tr("Setting up the station…"), work, self._saved, self._failed
        )

    def _saved(self, result: tuple[StationInfo, UserInfo]) -> None:
        self.buttons.setEnabled(True)
        station, admin = result
        self.done_setup.emit(station, admin)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, InvalidInput):
            self.show_problems(error.problems)
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
        }
        for name, text in texts.items():
            self.labels[name].setText(text())
