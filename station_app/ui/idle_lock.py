"""Locking the desk when nobody has touched it for a while.

After IDLE_LOCK_MINUTES without a key or the mouse anywhere in the app, the main
window's registers are covered by a lock panel, its menus, toolbar and shortcuts are
switched off, and every other window of the desk (records, reviews, the audit log) is
hidden, so no child's details stay on the screen. Only the logged-in user's password
uncovers them; it is checked by the same login as at the start, so a wrong password
counts towards the lockout and a right one is in the audit log. Anyone else logs out.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from station_app.domain import UserInfo
from station_app.errors import StationError
from station_app.ui.desk import Desk, run_operation
from station_app.ui.error_dialogs import show_error
from station_app.ui.messages import error_text
from station_app.ui.widgets import ErrorLabel

IDLE_LOCK_MINUTES = 10
_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.TabletPress,
}


class IdleWatcher(QObject):
    """Says `idle` once no key or mouse event has reached the app for `timeout_ms`."""

    idle = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(timeout_ms)
        self.timer.timeout.connect(self.idle)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in _ACTIVITY and self.timer.isActive():
            self.timer.start()
        return False

    def set_timeout(self, msecs: int) -> None:
        self.timer.setInterval(msecs)
        self.timer.start()


class LockPanel(QWidget):
    """What the locked window shows: whose desk it is, a password field, and log out."""

    unlock_requested = Signal(str)
    logout_requested = Signal()

    def __init__(self, user: UserInfo, minutes: float) -> None:
        super().__init__()
        self.setObjectName("lockPanel")
        self._user = user
        self._minutes = minutes
        self.idle = True  # locked for want of use, not by hand
        self.title = QLabel()
        self.title.setObjectName("appTitle")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setObjectName("lockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.returnPressed.connect(self._unlock)
        self.password_label = QLabel()
        self.password_label.setBuddy(self.password)
        self.error = ErrorLabel()
        self.error.setObjectName("lockError")
        self.unlock_button = QPushButton()
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self._unlock)
        self.logout_button = QPushButton()
        self.logout_button.setObjectName("lockLogoutButton")
        self.logout_button.clicked.connect(self.logout_requested)
        row = QHBoxLayout()
        row.addWidget(self.password_label)
        row.addWidget(self.password, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.logout_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        box = QWidget()
        box.setMaximumWidth(560)
        inner = QVBoxLayout(box)
        for widget in (self.title, self.message):
            inner.addWidget(widget)
        inner.addLayout(row)
        inner.addWidget(self.error)
        inner.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.retranslate()

    def reset(self, idle: bool | None = None) -> None:
        if idle is not None:
            self.idle = idle
            self.retranslate()
        self.password.clear()
        self.error.show_problem("")
        self.set_busy(False)
        self.password.setFocus()

    def set_busy(self, busy: bool) -> None:
        self.unlock_button.setEnabled(not busy)
        self.password.setEnabled(not busy)

    def _unlock(self) -> None:
        if self.unlock_button.isEnabled():
            self.unlock_requested.emit(self.password.text())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        name = f"{self._user.full_name} ({self._user.username})"
        self.title.setText(self.tr("This desk is locked"))
        why = (
            self.tr(
                "It was locked after %1 minutes without use, so that nobody passing by sees "
                "the children's details."
            ).replace("%1", f"{self._minutes:g}")
            if self.idle
            else self.tr("It was locked so that nobody passing by sees the children's details.")
        )
        how = self.tr(
            "%1 can go on by entering their password. Anyone else: log out, then log in "
            "as yourself."
        ).replace("%1", name)
        self.message.setText(f"{why} {how}")
        self.password_label.setText(self.tr("&Password:"))
        self.unlock_button.setText(self.tr("&Unlock"))
        self.logout_button.setText(self.tr("Log &out"))


class IdleLock(QObject):
    """Covers `window` after idle time; `logout_requested` if someone else is at the desk."""

    logout_requested = Signal()
    locked_changed = Signal(bool)

    def __init__(self, window: QMainWindow, desk: Desk, minutes: float = IDLE_LOCK_MINUTES) -> None:
        super().__init__(window)
        self._window = window
        self._desk = desk
        self.locked = False
        self._waiting: list[Callable[[], None]] = []
        self._hidden: list[QWidget] = []
        self._bars: list[QWidget] = []
        self._actions: list[QAction] = []
        self.panel = LockPanel(desk.user, minutes)
        self.panel.unlock_requested.connect(self.unlock)
        self.panel.logout_requested.connect(self.logout_requested)
        self.stack = QStackedWidget()
        self.stack.setObjectName("lockStack")
        content = window.takeCentralWidget()
        assert content is not None, "the window's registers must be in place first"
        self.stack.addWidget(content)
        self.stack.addWidget(self.panel)
        window.setCentralWidget(self.stack)
        self.watcher = IdleWatcher(round(minutes * 60_000), self)
        self.watcher.idle.connect(self.lock)

    def set_timeout(self, msecs: int) -> None:
        """Lock after `msecs` without use from now on (tests use a short one)."""
        self.watcher.set_timeout(msecs)

    def stop(self) -> None:
        self.watcher.timer.stop()

    def when_unlocked(self, show: Callable[[], None]) -> None:
        """Show something now, or (a warning from background work) once the desk is open."""
        if self.locked:
            self._waiting.append(show)
        else:
            show()

    def lock_now(self) -> None:
        """Lock at once (the officer leaves the desk)."""
        self.lock(idle=False)

    def lock(self, idle: bool = True) -> None:
        window = self._window
        if self.locked or not window.isVisible():
            return
        self.locked = True
        self.watcher.timer.stop()
        self._hidden = [
            w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window
        ]
        bars: list[QWidget] = [window.menuBar(), *window.findChildren(QToolBar)]
        self._bars = [bar for bar in bars if bar.isVisible()]
        self._actions = [action for action in window.actions() if action.isEnabled()]
        for widget in self._hidden + self._bars:
            widget.hide()
        for action in self._actions:
            action.setEnabled(False)
        window.statusBar().clearMessage()
        self.stack.setCurrentWidget(self.panel)
        self.panel.reset(idle)
        self.locked_changed.emit(True)

    def unlock(self, password: str) -> None:
        app, username = self._desk.app, self._desk.user.username
        self.panel.set_busy(True)

        def work(_token: object) -> UserInfo:
            from station_app.services.station import login

            return login(app, username, password)

        run_operation(
            self._desk.tasks,
            self.panel,
            self.tr("Checking the password…"),
            work,
            lambda _user: self._uncover(),
            self._refused,
        )

    def _refused(self, error: BaseException) -> None:
        self.panel.set_busy(False)
        if not isinstance(error, StationError):
            show_error(self.panel, error)
            return
        self.panel.error.show_problem(error_text(error) or str(error))
        self.panel.password.selectAll()
        self.panel.password.setFocus()

    def _uncover(self) -> None:
        self.panel.reset()
        self.stack.setCurrentIndex(0)
        for action in self._actions:
            action.setEnabled(True)
        for widget in self._bars + self._hidden:
            widget.show()
        self._hidden, self._bars, self._actions = [], [], []
        waiting, self._waiting = self._waiting, []
        for show in waiting:
            show()
        self.locked = False
        self.watcher.timer.start()
        self.locked_changed.emit(False)
