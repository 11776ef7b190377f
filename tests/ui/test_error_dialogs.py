from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy.exc import OperationalError

from station_app.errors import PhotoRejected
from station_app.ui.error_dialogs import excepthook, setup_logging, show_error
from station_app.ui.startup import Startup
from tests.ui.conftest import only_message_box

pytestmark = pytest.mark.gui


def test_an_error_the_officer_can_act_on_is_a_plain_message(gui: Startup) -> None:
    show_error(None, PhotoRejected("child.jpg is not an image Pillow can read"))
    box = only_message_box()
    assert box.text() == "child.jpg is not an image this program can read"
    assert box.icon() == QMessageBox.Icon.Warning
    assert box.detailedText() == ""


@pytest.mark.parametrize(
    ("error", "says"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), "The disk is full."),
        (
            OperationalError("INSERT", {}, sqlite3.OperationalError("database is locked")),
            "The database is busy",
        ),
        (sqlite3.DatabaseError("database disk image is malformed"), "file is damaged"),
    ],
)
def test_disk_and_database_troubles_are_explained(
    gui: Startup, error: BaseException, says: str
) -> None:
    show_error(None, error)
    box = only_message_box()
    assert says in box.text()
    assert box.icon() == QMessageBox.Icon.Warning


def test_a_bug_goes_to_the_crash_dialog_and_the_log(gui: Startup, home: Path) -> None:
    log = setup_logging(home / "logs")

    def broken() -> None:
        raise ZeroDivisionError("a bug")

    try:
        broken()
    except ZeroDivisionError as error:
        excepthook(ZeroDivisionError, error, error.__traceback__)

    box = only_message_box()
    assert box.icon() == QMessageBox.Icon.Critical
    assert "This is not your mistake" in box.text()
    assert str(log) in box.text()
    assert "ZeroDivisionError: a bug" in box.detailedText()
    for handler in __import__("logging").getLogger().handlers:
        handler.flush()
    written = log.read_text("utf-8")
    assert "in broken" in written and "ZeroDivisionError: a bug" in written
    assert log.parent == home / "logs"
    assert isinstance(QApplication.instance(), QApplication)
