"""From start to the registers: open the database, log in, and back out again.

The login window shows first, at once; the database is opened (and migrated) on the
database worker meanwhile. A damaged database has been moved aside by open_app: we
say so and offer to start with a fresh one or to quit. With `--demo`, the demo
station is made (the first time) in its own folder and its login shown.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QLineEdit, QMessageBox

from station_app.domain import StationInfo, UserInfo
from station_app.encryption.errors import PassphraseRequired, WrongStationPassphrase
from station_app.errors import AuthenticationFailed, DatabaseCorrupt
from station_app.ui.desk import Desk, run_operation
from station_app.ui.error_dialogs import show_error
from station_app.ui.i18n import Translations
from station_app.ui.login_window import LoginWindow
from station_app.ui.messages import error_text
from station_app.ui.settings import GuiSettings
from station_app.ui.tasks import TaskManager
from station_app.ui.thumbnails import read_photos_with

if TYPE_CHECKING:
    # The login window shows before these (and SQLAlchemy under them) are loaded.
    from station_app.app import App
    from station_app.ui.main_window import MainWindow
    from station_app.ui.restore_dialog import RestoreDialog
    from station_app.ui.setup_dialog import SetupDialog


def demo_home(home: Path) -> Path:
    """Where the demo station lives: beside the real one, never in it."""
    return home / "demo"


class Startup(QObject):
    """Owns the open App and the windows; `main_window` is set once someone logs in."""

    opened = Signal()
    logged_in = Signal()

    def __init__(
        self,
        home: Path,
        tasks: TaskManager,
        translations: Translations,
        settings: GuiSettings,
        demo: bool = False,
    ) -> None:
        super().__init__()
        self.base_home = home
        self.home = home
        self.tasks = tasks
        self.translations = translations
        self.settings = settings
        self.demo = demo
        self.app: App | None = None
        self.station: StationInfo | None = None
        self.main_window: MainWindow | None = None
        self.setup_dialog: SetupDialog | None = None
        self.restore_dialog: RestoreDialog | None = None
        self.question: QDialog | None = None
        self.login_window = LoginWindow(translations.language)
        self.login_window.login_requested.connect(self.log_in)
        self.login_window.setup_requested.connect(self.set_up)
        self.login_window.demo_requested.connect(self.start_demo)
        self.login_window.restore_requested.connect(self.restore)
        self.login_window.language_chosen.connect(self.set_language)

    def start(self) -> None:
        self.login_window.show()
        if self.demo:
            self.start_demo()
        else:
            self._open(self.home)

    # -- opening --------------------------------------------------------------------------

    def _open(
        self,
        home: Path,
        demo_login: tuple[str, str] | None = None,
        passphrase: str | None = None,
    ) -> None:
        self.login_window.set_opening()

        def work(_token: object) -> tuple[App, StationInfo | None]:
            from station_app.app import open_app

            app = open_app(str(home), passphrase=passphrase)
            return app, app.local_station()

        def done(result: tuple[App, StationInfo | None]) -> None:
            self._close_app()
            self.app, self.station = result
            read_photos_with(self.app.photos.read)
            self.home = home
            if self.station is None:
                self.login_window.set_no_station()
            elif demo_login is not None:
                self.login_window.show_demo_login(self.station, *demo_login)
            else:
                self.login_window.set_station(self.station, self.settings.last_username)
            self.opened.emit()

        run_operation(
            self.tasks,
            self.login_window,
            self.tr("Opening the register…"),
            work,
            done,
            lambda error: self._open_failed(home, error),
        )

    def _open_failed(self, home: Path, error: BaseException) -> None:
        if isinstance(error, PassphraseRequired | WrongStationPassphrase):
            self._ask_passphrase(home, error)
            return
        if not isinstance(error, DatabaseCorrupt):
            show_error(self.login_window, error)
            self.login_window.set_no_station()
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("The register database is damaged"),
            (error_text(error) or str(error))
            + "\n\n"
            + self.tr(
                "You can start with a new, empty register now (the damaged file is kept "
                "for the district IT cell to recover), or quit."
            ),
            QMessageBox.StandardButton.NoButton,
            self.login_window,
        )
        box.setObjectName("corruptDatabase")
        fresh = box.addButton(
            self.tr("Start with an empty register"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(self.tr("Quit"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(fresh)

        def answered() -> None:
            self.question = None
            if box.clickedButton() is fresh:
                self._open(home)
            else:
                QApplication.quit()

        box.finished.connect(answered)
        self.question = box
        box.open()

    def _ask_passphrase(self, home: Path, error: BaseException) -> None:
        """An encrypted station: its passphrase before anything else (again if wrong)."""
        dialog = QInputDialog(self.login_window)
        dialog.setObjectName("stationPassphrase")
        dialog.setWindowTitle(self.tr("Encrypted station"))
        wrong = isinstance(error, WrongStationPassphrase)
        dialog.setLabelText(
            self.tr("That passphrase is not right. Station passphrase:")
            if wrong
            else self.tr("This station's register is encrypted. Station passphrase:")
        )
        dialog.setTextEchoMode(QLineEdit.EchoMode.Password)

        def answered(result: int) -> None:
            self.question = None
            if result == QDialog.DialogCode.Accepted and dialog.textValue():
                self._open(home, passphrase=dialog.textValue())
            else:
                self.login_window.set_no_station()

        dialog.finished.connect(answered)
        self.question = dialog
        dialog.open()

    def start_demo(self) -> None:
        from station_app.demo import ensure_demo

        home = demo_home(self.base_home)
        if self.app is not None and self.home == home:
            return

        def work(_token: object) -> tuple[str, str]:
            login = ensure_demo(home)
            return login.username, login.password

        self.login_window.set_opening()
        run_operation(
            self.tasks,
            self.login_window,
            self.tr("Preparing the demo station…"),
            work,
            lambda login: self._open(home, login),
        )

    def set_up(self) -> None:
        if self.app is None:
            return
        from station_app.ui.setup_dialog import SetupDialog

        self.setup_dialog = SetupDialog(self.app, self.tasks, self.login_window)
        self.setup_dialog.done_setup.connect(self._set_up_done)
        self.setup_dialog.open()

    def restore(self) -> None:
        if self.app is None:
            return
        from station_app.ui.restore_dialog import RestoreDialog

        self.restore_dialog = RestoreDialog(self.app, self.tasks, self.login_window)
        self.restore_dialog.restored.connect(self._restored)
        self.restore_dialog.open()

    def _restored(self, _report: object, station_passphrase: str) -> None:
        """The data folder now holds the restored station: open it afresh."""
        self._open(self.home, passphrase=station_passphrase or None)

    def _set_up_done(self, station: StationInfo, admin: UserInfo, opened: App | None) -> None:
        if opened is not None:  # the station was encrypted: this is it, open with its key
            self.app = opened
            read_photos_with(opened.photos.read)
        self.station = station
        self.login_window.set_station(station, admin.username)

    # -- logging in and out ---------------------------------------------------------------

    def log_in(self, username: str, password: str) -> None:
        app = self.app
        if app is None:
            return
        self.login_window.set_busy(True)

        def work(_token: object) -> UserInfo:
            from station_app.services.station import login

            return login(app, username, password)

        def failed(error: BaseException) -> None:
            self.login_window.set_busy(False)
            if isinstance(error, AuthenticationFailed):
                self.login_window.show_error(error_text(error) or str(error))
            else:
                show_error(self.login_window, error)

        run_operation(
            self.tasks, self.login_window, self.tr("Logging in…"), work, self._logged_in, failed
        )

    def _logged_in(self, user: UserInfo) -> None:
        assert self.app is not None and self.station is not None
        self.login_window.set_busy(False)
        self.settings.last_username = user.username
        from station_app.ui.main_window import MainWindow

        desk = Desk(self.app, user, self.tasks, self.translations, self.settings)
        window = MainWindow(desk, self.station)
        window.logout_requested.connect(self.log_out)
        window.language_chosen.connect(self.set_language)
        self.main_window = window
        window.show()
        window.load()
        self.login_window.password.clear()
        self.login_window.hide()
        self.logged_in.emit()

    def log_out(self) -> None:
        window, self.main_window = self.main_window, None
        if window is not None:
            window.close()
            window.deleteLater()
        self.login_window.show()
        self.login_window.password.setFocus()

    def set_language(self, language: str) -> None:
        self.translations.set_language(language)
        self.settings.language = language
        combo = self.login_window.language
        combo.blockSignals(True)
        combo.setCurrentIndex(max(0, combo.findData(language)))
        combo.blockSignals(False)

    # -- closing --------------------------------------------------------------------------

    def _close_app(self) -> None:
        if self.app is not None:
            self.app.close()
            self.app = None

    def shutdown(self) -> None:
        self.tasks.wait_for_done()
        self._close_app()
        self.settings.sync()
