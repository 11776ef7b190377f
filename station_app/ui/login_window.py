"""The first window: who is at the desk. Also offers to set up a station or try the demo.

It shows at once, before the database is open; the start-up controller tells it when
the register is ready (`set_station`), when there is none yet (`set_no_station`), and
when the demo is in use (`show_demo_login`). It does no work itself: it asks for a
login, a setup or the demo through its signals.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station_app.domain import StationInfo
from station_app.ui.i18n import LANGUAGES
from station_app.ui.widgets import mark_data


class LoginWindow(QWidget):
    login_requested = Signal(str, str)
    setup_requested = Signal()
    demo_requested = Signal()
    restore_requested = Signal()
    language_chosen = Signal(str)

    def __init__(self, language: str) -> None:
        super().__init__()
        self.setObjectName("loginWindow")
        self._station: StationInfo | None = None
        self._demo_user: tuple[str, str] | None = None
        self._state = "opening"

        self.title = QLabel()
        self.title.setObjectName("appTitle")
        self.station_label = mark_data(QLabel())
        self.station_label.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("statusLine")
        self.status.setWordWrap(True)

        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.username_label = QLabel()
        self.password_label = QLabel()
        self.username_label.setBuddy(self.username)
        self.password_label.setBuddy(self.password)
        self.login_button = QPushButton()
        self.login_button.setObjectName("loginButton")
        self.login_button.setDefault(True)
        self.login_button.clicked.connect(self._request_login)
        self.password.returnPressed.connect(self._request_login)
        self.username.returnPressed.connect(self.password.setFocus)
        self.error = QLabel()
        self.error.setObjectName("loginError")
        self.error.setWordWrap(True)
        self.error.setProperty("role", "error")

        self.demo_hint = QLabel()
        self.demo_hint.setObjectName("demoHint")
        self.demo_hint.setWordWrap(True)
        self.demo_hint.setProperty("role", "hint")
        self.demo_hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.no_station = QFrame()
        self.no_station.setObjectName("noStationBox")
        self.no_station.setFrameShape(QFrame.Shape.StyledPanel)
        self.no_station_text = QLabel()
        self.no_station_text.setWordWrap(True)
        self.setup_button = QPushButton()
        self.setup_button.setObjectName("setupButton")
        self.setup_button.clicked.connect(self.setup_requested)
        self.demo_button = QPushButton()
        self.demo_button.setObjectName("demoButton")
        self.demo_button.clicked.connect(self.demo_requested)
        self.restore_button = QPushButton()
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.clicked.connect(self.restore_requested)
        box = QVBoxLayout(self.no_station)
        box.addWidget(self.no_station_text)
        buttons = QHBoxLayout()
        buttons.addWidget(self.setup_button)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.demo_button)
        box.addLayout(buttons)

        self.language = QComboBox()
        self.language.setObjectName("languageChoice")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.language.currentIndexChanged.connect(self._language_changed)
        self.language_label = QLabel()
        self.language_label.setBuddy(self.language)

        form = QFormLayout()
        form.addRow(self.username_label, self.username)
        form.addRow(self.password_label, self.password)
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.language_label)
        top.addWidget(self.language)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 24)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.title)
        layout.addWidget(self.station_label)
        layout.addWidget(self.status)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.login_button, alignment=Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.demo_hint)
        layout.addWidget(self.no_station)
        layout.addStretch(1)
        self.setMinimumWidth(460)
        self._apply_state()
        self.retranslate()

    # -- states the start-up controller puts us in -------------------------------------

    def set_opening(self) -> None:
        self._state = "opening"
        self._apply_state()

    def set_station(self, station: StationInfo, username: str = "") -> None:
        self._station = station
        self._state = "ready"
        if username and not self.username.text():
            self.username.setText(username)
        self._apply_state()
        (self.password if self.username.text() else self.username).setFocus()

    def set_no_station(self) -> None:
        self._station = None
        self._state = "empty"
        self._apply_state()
        self.setup_button.setFocus()

    def show_demo_login(self, station: StationInfo, username: str, password: str) -> None:
        self._demo_user = (username, password)
        self.username.setText(username)
        self.password.setText(password)
        self.set_station(station)
        self.login_button.setFocus()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
        self.password.selectAll()
        self.password.setFocus()

    def set_busy(self, busy: bool) -> None:
        self.login_button.setEnabled(not busy and self._state == "ready")

    # -- internals ----------------------------------------------------------------------

    def _apply_state(self) -> None:
        ready = self._state == "ready"
        for widget in (self.username, self.password, self.login_button):
            widget.setEnabled(ready)
        self.no_station.setVisible(self._state == "empty")
        self.station_label.setVisible(self._station is not None)
        self.demo_hint.setVisible(self._demo_user is not None)
        self.error.setVisible(bool(self.error.text()))
        self.retranslate()

    def _request_login(self) -> None:
        if self._state != "ready":
            return
        if not self.username.text().strip():
            self.username.setFocus()
            return
        self.error.clear()
        self.error.hide()
        self.login_requested.emit(self.username.text().strip(), self.password.text())

    def _language_changed(self) -> None:
        self.language_chosen.emit(str(self.language.currentData()))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Muskaan Station: log in"))
        self.title.setText(self.tr("Muskaan Station"))
        self.username_label.setText(self.tr("&User name"))
        self.password_label.setText(self.tr("&Password"))
        self.login_button.setText(self.tr("&Log in"))
        self.language_label.setText(self.tr("Language"))
        self.setup_button.setText(self.tr("&Set up this station…"))
        self.demo_button.setText(self.tr("Try the &demo"))
        self.restore_button.setText(self.tr("&Restore from a backup…"))
        self.no_station_text.setText(
            self.tr(
                "No police station is set up on this computer yet. Set it up with the "
                "station's code and an administrator account, bring it back from a backup "
                "(a new or repaired computer), or try the demo station (invented children, "
                "for practice)."
            )
        )
        status = {
            "opening": self.tr("Opening the register…"),
            "ready": self.tr("Log in to open the registers."),
            "empty": "",
        }[self._state]
        self.status.setText(status)
        self.status.setVisible(bool(status))
        if self._station is not None:
            station = self._station
            self.station_label.setText(
                f"{station.name} ({station.code}), {station.district}, {station.state}"
            )
        if self._demo_user is not None:
            user, password = self._demo_user
            self.demo_hint.setText(
                self.tr("Demo station. User name: %1, password: %2")
                .replace("%1", user)
                .replace("%2", password)
            )
