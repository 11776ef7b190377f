"""The Tools menu reaches the statistics dashboard and the certificate check."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from station_app.ui.dashboard import Dashboard
from station_app.ui.main_window import MainWindow
from station_app.ui.verify_dialog import VerifyDialog


def _open_windows() -> list[object]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible()]


def test_tools_menu_opens_the_dashboard_and_the_check(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    titles = [a.text() for a in main_window.tools_menu.actions() if a.isVisible()]
    assert titles == [  # a station, not HQ
        "&Photo gallery for parents…",
        "Monthly &statistics…",
        "&Check a certificate…",
    ]

    main_window.statistics_action.trigger()
    qtbot.waitUntil(lambda: any(isinstance(w, Dashboard) for w in _open_windows()))
    main_window.verify_action.trigger()
    qtbot.waitUntil(lambda: any(isinstance(w, VerifyDialog) for w in _open_windows()))
    for window in _open_windows():
        if isinstance(window, Dashboard | VerifyDialog):
            window.close()
