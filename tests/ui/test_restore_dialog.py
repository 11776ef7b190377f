"""A new or repaired desk brings its station back from the pen drive, from the login window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from station_app.app import open_app
from station_app.backup import stream
from station_app.backup.make import make_backup
from station_app.domain import MissingDetails
from station_app.encryption import keyfile
from station_app.kdf import KdfParams
from station_app.services import registers, station
from station_app.ui.app import build
from station_app.ui.restore_dialog import RestoreDialog
from station_app.ui.startup import Startup
from tests.conftest import ADMIN_PASSWORD
from tests.ui.conftest import log_in, type_text

pytestmark = pytest.mark.gui
BACKUP_PASSPHRASE = "pen drive passphrase"
STATION_PASSPHRASE = "station passphrase here"


@pytest.fixture(autouse=True)
def _cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stream, "DEFAULT_KDF", KdfParams(log2_n=10))
    monkeypatch.setattr(keyfile, "STATION_KDF", KdfParams(log2_n=10))


def _backup(tmp_path: Path, encrypted: bool) -> Path:
    """The old desk's station, with one complaint, backed up to the pen drive."""
    app = open_app(str(tmp_path / "old-desk"))
    fields = ("RTM01", "GRP Ratlam", "Ratlam", "MP", "admin", ADMIN_PASSWORD)
    if encrypted:
        app, _, admin = station.init_encrypted_station(app, STATION_PASSPHRASE, *fields)
    else:
        _, admin = station.init_station(app, *fields)
    registers.register(app, admin, MissingDetails(ref="FIR 4/2026", name="Munni"))
    target = tmp_path / "station.msbackup"
    make_backup(app, admin, target, BACKUP_PASSPHRASE)
    app.close()
    return target


@pytest.fixture
def new_desk(qapp: QApplication, tmp_path: Path) -> Iterator[Startup]:
    startup = build(tmp_path / "new-desk", synchronous=True, language="en")
    yield startup
    startup.shutdown()
    for widget in QApplication.topLevelWidgets():
        widget.hide()
        widget.deleteLater()


def _restore(
    startup: Startup, qtbot: QtBot, source: Path, station_passphrase: str
) -> RestoreDialog:
    startup.start()
    qtbot.waitUntil(startup.login_window.restore_button.isVisible)
    startup.login_window.restore_button.click()
    dialog = startup.restore_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.source.setText(str(source))
    type_text(qtbot, dialog.passphrase, BACKUP_PASSPHRASE)
    type_text(qtbot, dialog.station_passphrase, station_passphrase)
    dialog.start()
    return dialog


def test_a_new_desk_restores_its_station_and_logs_in(
    new_desk: Startup, qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = _restore(new_desk, qtbot, _backup(tmp_path, encrypted=False), "")
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(new_desk.login_window.login_button.isEnabled)
    assert "GRP Ratlam (RTM01)" in new_desk.login_window.station_label.text()
    window = log_in(new_desk, qtbot)
    assert window.registers  # the registers opened, with the restored complaint
    app = new_desk.app
    assert app is not None
    (record,) = registers.lookup(app, window.desk.user, "FIR 4/2026")
    assert record.details.name == "Munni"


def test_an_encrypted_station_needs_its_station_passphrase_too(
    new_desk: Startup, qtbot: QtBot, tmp_path: Path
) -> None:
    source = _backup(tmp_path, encrypted=True)
    dialog = _restore(new_desk, qtbot, source, "")
    assert "station passphrase" in dialog.error.text() and dialog.isVisible()
    assert not keyfile.is_encrypted(tmp_path / "new-desk")  # nothing was put in place

    type_text(qtbot, dialog.station_passphrase, STATION_PASSPHRASE)
    dialog.start()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(new_desk.login_window.login_button.isEnabled)
    assert keyfile.is_encrypted(tmp_path / "new-desk")
    log_in(new_desk, qtbot)
