"""Make the README's screenshots of the desktop app, in English and in Hindi.

    QT_QPA_PLATFORM=offscreen python scripts/screenshots.py [--out docs/screenshots]

Runs on the offscreen platform (or under Xvfb) against a fresh demo station in a
temporary folder, drives the windows as a user would, and saves QWidget.grab() images.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication, QWidget

from station_app.domain import Kind
from station_app.ui.app import build
from station_app.ui.main_window import MainWindow
from station_app.ui.startup import Startup

SIZE = (1280, 800)


def settle(seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.01)


def save(widget: QWidget, path: Path) -> None:
    settle()
    widget.grab().save(str(path))
    print(f"wrote {path}")


def log_in(startup: Startup) -> MainWindow:
    startup.start()
    window = startup.login_window
    window.resize(520, 430)
    settle()
    login = window
    login.login_button.click()
    settle()
    assert startup.main_window is not None, login.error.text()
    return startup.main_window


def shoot(out: Path, home: Path) -> None:
    startup = build(home, demo=True, language="en", synchronous=True)
    startup.start()
    settle()
    save(startup.login_window, out / "login-en.png")
    main = log_in(startup)
    main.resize(*SIZE)
    settle(0.6)
    save(main, out / "main-window-en.png")
    startup.set_language("hi")
    settle(0.4)
    save(main, out / "main-window-hi.png")
    view = main.registers[Kind.MISSING]
    rows = [view.model.row_at(index) for index in range(min(20, view.model.rowCount()))]
    row = next(r for r in rows if r is not None and r.thumbnail_path)
    record = main.open_record(row.id)
    record.resize(1000, 720)
    save(record, out / "record-view-hi.png")
    record.tabs.setCurrentIndex(1)
    save(record, out / "record-photos-hi.png")
    record.close()
    startup.set_language("en")
    form = main.new_record(Kind.FOUND)
    form.resize(1180, 800)
    save(form, out / "found-form-en.png")
    form.close()
    startup.shutdown()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="docs/screenshots")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as folder:
        shoot(out, Path(folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())
