"""Starting the desktop app: QApplication, fonts, translations, crash handling, login.

`main` is the `muskaan-station` entry point and what `python main.py` runs.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from station_app import __version__
from station_app.paths import resolve_home
from station_app.ui import style
from station_app.ui.error_dialogs import excepthook, setup_logging, show_error
from station_app.ui.fonts import app_font, load_fonts
from station_app.ui.i18n import LANGUAGES, Translations
from station_app.ui.settings import GuiSettings
from station_app.ui.startup import Startup
from station_app.ui.tasks import TaskManager

APP_NAME = "Muskaan Station"
STARTUP_PROBE_ENV = "MUSKAAN_STARTUP_PROBE"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="muskaan-station",
        description="Muskaan Station: registers of missing and found children (desktop).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--home", help="data folder (env STATION_APP_HOME)")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open a demo station of invented children (kept in the data folder's demo/)",
    )
    parser.add_argument("--language", choices=sorted(LANGUAGES), help="en or hi")
    return parser.parse_args(argv)


def make_qapplication() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    qt_app = QApplication([sys.argv[0] if sys.argv else "muskaan-station"])
    qt_app.setApplicationName(APP_NAME)
    qt_app.setOrganizationName("Muskaan")
    qt_app.setApplicationVersion(__version__)
    return qt_app


def prepare(qt_app: QApplication, language: str) -> Translations:
    """Fonts, look and translations: everything a window needs before it is made."""
    qt_app.setFont(app_font(load_fonts()))
    qt_app.setStyleSheet(style.STYLE_SHEET)
    translations = Translations()
    translations.set_language(language)
    return translations


def build(
    home: Path, demo: bool = False, language: str | None = None, synchronous: bool = False
) -> Startup:
    """Everything `main` sets up, without running the event loop (tests use this)."""
    qt_app = make_qapplication()
    home.mkdir(parents=True, exist_ok=True)
    setup_logging(home / "logs")
    settings = GuiSettings(home)
    translations = prepare(qt_app, language or settings.language)
    tasks = TaskManager(lambda error: show_error(None, error), run_synchronously=synchronous)
    startup = Startup(home, tasks, translations, settings, demo=demo)
    qt_app.aboutToQuit.connect(startup.shutdown)
    return startup


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    home = resolve_home(args.home).home
    qt_app = make_qapplication()
    sys.excepthook = excepthook
    startup = build(home, demo=args.demo, language=args.language)
    startup.start()
    if os.environ.get(STARTUP_PROBE_ENV):
        # For bench/bench_gui.py: say when the login window is up, then quit.
        QTimer.singleShot(0, lambda: (print("login-window-shown", flush=True), qt_app.quit()))
    return run_event_loop(qt_app)


def run_event_loop(qt_app: QApplication) -> int:
    return qt_app.exec()


if __name__ == "__main__":
    sys.exit(main())
