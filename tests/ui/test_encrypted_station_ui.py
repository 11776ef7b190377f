"""An encrypted station at the desk: set up with a passphrase, asked for it at every start."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QInputDialog
from pytestqt.qtbot import QtBot

from station_app.app import open_app
from station_app.domain import MissingDetails
from station_app.encryption import keyfile
from station_app.encryption.errors import WrongStationPassphrase
from station_app.kdf import KdfParams
from station_app.photo_store import check_image
from station_app.services import registers, station
from station_app.ui.setup_dialog import SetupDialog
from station_app.ui.startup import Startup
from station_app.ui.thumbnails import load_image
from tests.conftest import ADMIN_PASSWORD, jpeg_bytes
from tests.ui.conftest import log_in

pytestmark = pytest.mark.gui
PASSPHRASE = "saat samundar paar"


@pytest.fixture(autouse=True)
def _cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyfile, "STATION_KDF", KdfParams(log2_n=10))


def _passphrase_dialog(qtbot: QtBot) -> QInputDialog:
    def visible() -> QInputDialog | None:
        found = [w for w in QApplication.topLevelWidgets() if w.objectName() == "stationPassphrase"]
        return next((w for w in found if isinstance(w, QInputDialog) and w.isVisible()), None)

    qtbot.waitUntil(lambda: visible() is not None)
    dialog = visible()
    assert dialog is not None
    return dialog


def test_setting_up_encrypts_the_register_and_the_admin_can_log_in(
    gui: Startup, qtbot: QtBot, home: Path
) -> None:
    gui.start()
    gui.set_up()
    dialog = gui.setup_dialog
    assert isinstance(dialog, SetupDialog) and dialog.encrypt.isChecked()
    for name, text in {
        "station_code": "RTM03",
        "station_name": "Thana Alot",
        "district": "Ratlam",
        "state": "Madhya Pradesh",
        "password": "secret-99",
        "password_again": "secret-99",
        "passphrase": "short",
        "passphrase_again": "short",
    }.items():
        qtbot.keyClicks(dialog.edits[name], text)
    dialog.buttons.accepted.emit()
    assert "at least 10 characters" in dialog.errors["passphrase"].text()
    assert not keyfile.is_encrypted(home)

    for name in ("passphrase", "passphrase_again"):
        dialog.edits[name].clear()
        qtbot.keyClicks(dialog.edits[name], PASSPHRASE)
    dialog.buttons.accepted.emit()

    assert not dialog.isVisible()
    assert keyfile.is_encrypted(home)
    assert b"Thana Alot" not in (home / "station.sqlite3").read_bytes()
    window = log_in(gui, qtbot, "admin", "secret-99")
    assert "RTM03" in window.windowTitle()


def test_an_encrypted_station_asks_its_passphrase_until_it_is_right(
    gui: Startup, qtbot: QtBot, home: Path
) -> None:
    app = open_app(str(home))
    opened, _, admin = station.init_encrypted_station(
        app, PASSPHRASE, "RTM04", "Thana Sailana", "Ratlam", "MP", "admin", ADMIN_PASSWORD
    )
    record = registers.register(
        opened, admin, MissingDetails(ref="FIR 9", name="Pinki"), [check_image(jpeg_bytes())]
    )
    opened.close()

    gui.start()
    dialog = _passphrase_dialog(qtbot)
    assert "encrypted" in dialog.labelText()
    dialog.setTextValue("not the passphrase")
    dialog.accept()
    dialog = _passphrase_dialog(qtbot)
    assert "not right" in dialog.labelText()
    dialog.setTextValue(PASSPHRASE)
    dialog.accept()

    qtbot.waitUntil(gui.login_window.login_button.isEnabled)
    assert "RTM04" in gui.login_window.station_label.text()
    log_in(gui, qtbot)
    thumbnail = record.photos[0].thumbnail_path
    assert not Path(thumbnail).read_bytes().startswith(b"\xff\xd8")  # no JPEG on disk
    assert not load_image(thumbnail).isNull()  # shown decrypted


def test_an_admin_changes_the_station_passphrase_from_the_window(
    gui: Startup, qtbot: QtBot, home: Path
) -> None:
    opened, _, _ = station.init_encrypted_station(
        open_app(str(home)), PASSPHRASE, "RTM05", "Thana Jaora", "Ratlam", "MP", "admin",
        ADMIN_PASSWORD,
    )  # fmt: skip
    opened.close()
    gui.start()
    dialog = _passphrase_dialog(qtbot)
    dialog.setTextValue(PASSPHRASE)
    dialog.accept()
    qtbot.waitUntil(gui.login_window.login_button.isEnabled)
    window = log_in(gui, qtbot)
    actions = window.admin
    assert actions.passphrase_action.isVisible()

    change = actions.change_passphrase()
    qtbot.keyClicks(change.old, "not the passphrase")
    qtbot.keyClicks(change.new, "a brand new passphrase")
    qtbot.keyClicks(change.again, "a brand new passphrase")
    change.save()
    assert change.error.text() == "The current station passphrase is wrong."
    change.old.clear()
    qtbot.keyClicks(change.old, PASSPHRASE)
    change.save()
    qtbot.waitUntil(lambda: not change.isVisible())

    with pytest.raises(WrongStationPassphrase):
        open_app(str(home), passphrase=PASSPHRASE)
    open_app(str(home), passphrase="a brand new passphrase").close()


def test_a_station_in_the_clear_offers_no_passphrase_change(started: Startup, qtbot: QtBot) -> None:
    window = log_in(started, qtbot)
    assert not window.admin.passphrase_action.isVisible()
