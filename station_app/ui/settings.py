"""The desk's GUI settings, declared in one place with their types and defaults.

They live in `gui.ini` inside the data folder (never in the user's global settings),
so a test's temporary data folder holds its own.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from station_app.ui.i18n import DEFAULT_LANGUAGE, LANGUAGES


class GuiSettings:
    def __init__(self, home: Path) -> None:
        self._store = QSettings(str(home / "gui.ini"), QSettings.Format.IniFormat)

    @property
    def language(self) -> str:
        value = str(self._store.value("language", DEFAULT_LANGUAGE))
        return value if value in LANGUAGES else DEFAULT_LANGUAGE

    @language.setter
    def language(self, value: str) -> None:
        self._store.setValue("language", value)

    @property
    def last_username(self) -> str:
        return str(self._store.value("last_username", ""))

    @last_username.setter
    def last_username(self, value: str) -> None:
        self._store.setValue("last_username", value)

    @property
    def main_window_geometry(self) -> QByteArray:
        value = self._store.value("main_window/geometry", QByteArray())
        return value if isinstance(value, QByteArray) else QByteArray()

    @main_window_geometry.setter
    def main_window_geometry(self, value: QByteArray) -> None:
        self._store.setValue("main_window/geometry", value)

    def sync(self) -> None:
        self._store.sync()
