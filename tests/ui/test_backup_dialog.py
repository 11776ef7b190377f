"""Backing up from the window: from the reminder to a restorable file on the pen drive."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from station_app import accounts
from station_app.app import App
from station_app.backup import stream
from station_app.backup.make import make_backup
from station_app.backup.restore import restore_backup
from station_app.db.models import AuditEvent
from station_app.domain import MissingDetails, Role, UserInfo
from station_app.errors import Cancelled
from station_app.kdf import KdfParams
from station_app.services import registers
from station_app.ui.backup_dialog import BackupDialog
from station_app.ui.main_window import MainWindow
from station_app.ui.startup import Startup
from tests.ui.conftest import log_in, type_text

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stream, "DEFAULT_KDF", KdfParams(log2_n=10))


def test_back_up_now_writes_a_backup_that_restores_and_the_reminder_goes(
    app: App, admin: UserInfo, main_window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    registers.register(app, admin, MissingDetails(ref="FIR 8/2026", name="Kajal"))
    reminder = main_window.backup_reminder
    qtbot.waitUntil(reminder.isVisible)
    reminder.now_button.click()
    dialog = main_window.findChild(BackupDialog)
    assert dialog is not None and dialog.isVisible()

    pen_drive = tmp_path / "pen-drive"
    pen_drive.mkdir()
    target = pen_drive / dialog.default_name()
    dialog.target.setText(str(target))
    type_text(qtbot, dialog.passphrase, "short")
    type_text(qtbot, dialog.again, "short")
    dialog.start()
    assert "at least 8 characters" in dialog.error.text()
    assert not target.exists()

    for edit in (dialog.passphrase, dialog.again):
        edit.clear()
        type_text(qtbot, edit, "pen drive passphrase")
    dialog.start()

    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert target.name.startswith("RTM01-") and target.exists()
    assert not reminder.isVisible()
    assert str(target) in main_window.statusBar().currentMessage()
    report = restore_backup(app, admin, target, "pen drive passphrase", check_only=True)
    assert report.counts["missing_reports"] == 1


def test_only_those_who_may_back_up_are_offered_it(
    app: App, admin: UserInfo, started: Startup, qtbot: QtBot
) -> None:
    with app.db.session() as session:
        accounts.create_user(session, "RTM01", "asi", "asi-pass-1", Role.OFFICER, "ASI")
    window = log_in(started, qtbot, "asi", "asi-pass-1")
    assert not window.admin.backup_action.isVisible()


def test_a_cancelled_backup_leaves_no_file_and_no_record_of_one(
    app: App, admin: UserInfo, tmp_path: Path
) -> None:
    registers.register(app, admin, MissingDetails(ref="FIR 9/2026", name="Pari"))
    target = tmp_path / "b.msbackup"

    def cancel_half_way(done: int, total: int) -> None:
        if done > total // 2:
            raise Cancelled()

    with pytest.raises(Cancelled):
        make_backup(app, admin, target, "pen drive passphrase", progress=cancel_half_way)
    assert not target.exists() and list(tmp_path.glob("*b.msbackup*")) == []
    with app.db.read_session() as session:
        backups = session.scalar(
            select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "backup")
        )
    assert backups == 0
