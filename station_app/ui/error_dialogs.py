"""Showing what went wrong: a plain message for the officer, a crash dialog for a bug.

Dialogs are opened window-modal and non-blocking (`open`, never `exec`), so the event
loop keeps running and a test can read them. Bugs are logged with their traceback to
the crash log under the data folder's `logs/`.
"""

from __future__ import annotations

import logging
import logging.handlers
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from station_app.ui.messages import error_text

log = logging.getLogger("station_app.ui")
LOG_NAME = "muskaan-gui.log"
_log_path: Path | None = None
_unowned: set[QMessageBox] = set()


def setup_logging(logs_dir: Path) -> Path:
    """Log to `logs_dir/muskaan-gui.log` (rotated); return the file's path."""
    global _log_path
    logs_dir.mkdir(parents=True, exist_ok=True)
    path = logs_dir / LOG_NAME
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_muskaan", False):
            root.removeHandler(handler)
            handler.close()
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=2_000_000, backupCount=3, encoding="utf-8", delay=True
    )
    handler._muskaan = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    _log_path = path
    return path


def _host(parent: QWidget | None) -> QWidget | None:
    if parent is not None:
        return parent.window()
    return QApplication.activeWindow()


def show_message(
    parent: QWidget | None,
    title: str,
    text: str,
    icon: QMessageBox.Icon = QMessageBox.Icon.Warning,
    details: str = "",
) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, _host(parent))
    box.setObjectName("messageBox")
    if details:
        box.setDetailedText(details)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if box.parent() is None:
        # Nothing else holds a window-less box: keep it until it is closed.
        _unowned.add(box)
        box.finished.connect(lambda _result: _unowned.discard(box))
    box.open()
    return box


def show_error(parent: QWidget | None, error: BaseException) -> None:
    """Tell the officer what went wrong and what to do; a bug goes to the crash dialog."""
    text = error_text(error)
    if text is None:
        report_crash(type(error), error, error.__traceback__, parent)
        return
    show_message(parent, QCoreApplication.translate("Errors", "Could not complete"), text)


def report_crash(
    kind: type[BaseException],
    error: BaseException,
    tb: TracebackType | None,
    parent: QWidget | None = None,
) -> None:
    """Log a bug with its traceback and show the crash dialog (sys.excepthook target)."""
    log.critical("unexpected error", exc_info=(kind, error, tb))
    details = "".join(traceback.format_exception(kind, error, tb))
    where = str(_log_path) if _log_path else QCoreApplication.translate("Errors", "(no log file)")
    text = QCoreApplication.translate(
        "Errors",
        "Something went wrong inside the program. This is not your mistake.\n\n"
        "What you saved before is safe. The details were written to:\n%1\n\n"
        "Please send that file to the district IT cell.",
    ).replace("%1", where)
    show_message(
        parent,
        QCoreApplication.translate("Errors", "Program error"),
        text,
        QMessageBox.Icon.Critical,
        details,
    )


def excepthook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        QApplication.quit()
        return
    try:
        report_crash(kind, error, tb)
    except Exception:
        log.exception("the crash dialog failed")
