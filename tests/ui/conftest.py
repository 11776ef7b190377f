"""GUI tests: offscreen Qt, one QApplication, tasks run synchronously in the test's thread.

QT_QPA_PLATFORM is set before anything imports Qt. Every test gets its own data folder
(the root conftest's `home`); the language is put back to English afterwards. A Qt
warning fails the test, except the offscreen platform's own notes.
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from station_app.domain import UserInfo
from station_app.ui.app import build
from station_app.ui.i18n import Translations
from station_app.ui.main_window import MainWindow
from station_app.ui.startup import Startup
from tests.conftest import ADMIN_PASSWORD

# The offscreen platform says this for every top-level window; it is not our bug.
OFFSCREEN_NOISE = ("This plugin does not support propagateSizeHints",)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/ui/" in str(item.path).replace(os.sep, "/"):
            item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))
            item.add_marker(pytest.mark.qt_log_ignore(*OFFSCREEN_NOISE))


@pytest.fixture(autouse=True)
def _english_afterwards(qapp: QApplication) -> Iterator[None]:
    """Whatever a test switched to, the next one starts in English."""
    yield
    Translations().set_language("en")


@pytest.fixture
def gui(qapp: QApplication, home: Path) -> Iterator[Startup]:
    """The app as `main` builds it (tasks run synchronously), not started yet."""
    startup = build(home, synchronous=True, language="en")
    yield startup
    startup.translations.set_language("en")
    startup.shutdown()
    for widget in QApplication.topLevelWidgets():
        widget.hide()
        widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def started(gui: Startup, admin: UserInfo, qtbot: QtBot) -> Startup:
    """The login window of a station that is set up (admin / ADMIN_PASSWORD)."""
    gui.start()
    qtbot.waitUntil(gui.login_window.login_button.isEnabled)
    return gui


def log_in(
    startup: Startup, qtbot: QtBot, username: str = "admin", password: str = ADMIN_PASSWORD
) -> MainWindow:
    window = startup.login_window
    window.username.clear()
    qtbot.keyClicks(window.username, username)
    window.password.clear()
    qtbot.keyClicks(window.password, password)
    qtbot.mouseClick(window.login_button, Qt.MouseButton.LeftButton)
    assert startup.main_window is not None, window.error.text()
    return startup.main_window


@pytest.fixture
def main_window(started: Startup, qtbot: QtBot) -> MainWindow:
    return log_in(started, qtbot)


def message_boxes() -> list[QMessageBox]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]


def only_message_box() -> QMessageBox:
    boxes = message_boxes()
    assert len(boxes) == 1, [b.text() for b in boxes]
    return boxes[0]


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type like a user: ASCII through QTest, other letters (Devanagari) as key events."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)
