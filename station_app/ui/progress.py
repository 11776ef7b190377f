"""Feedback while an operation runs: a busy cursor at once, a dialog only if it lasts.

A fast action shows nothing but the cursor, so it does not flicker. One that takes
longer than DIALOG_DELAY_MS gets a progress dialog, always with Cancel; Cancel asks
the operation to stop (it checks its CancelToken) and says so in the dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QProgressDialog, QWidget

from station_app.ui.tasks import CancelToken

DIALOG_DELAY_MS = 500


class Progress(QObject):
    """Shown for one operation: call `finish` when it ends, however it ends."""

    def __init__(self, parent: QWidget | None, label: str, token: CancelToken) -> None:
        super().__init__(parent)
        self._parent = parent
        self._label = label
        self._token = token
        self._dialog: QProgressDialog | None = None
        self._done = 0
        self._total = 0
        self._active = True
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._show_dialog)
        token.progressed.connect(self._on_progress)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        self._timer.start(DIALOG_DELAY_MS)

    @property
    def dialog(self) -> QProgressDialog | None:
        return self._dialog

    @Slot()
    def _show_dialog(self) -> None:
        if not self._active:
            return
        dialog = QProgressDialog(self._label, self.tr("Cancel"), 0, 0, self._parent)
        dialog.setWindowTitle(self.tr("Please wait"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self._cancel)
        self._dialog = dialog
        self._apply_progress()
        dialog.show()

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self._done, self._total = done, total
        self._apply_progress()

    def _apply_progress(self) -> None:
        if self._dialog is None or self._total <= 0:
            return
        scale = max(1, self._total // 1_000_000)
        self._dialog.setMaximum(self._total // scale)
        self._dialog.setValue(min(self._done, self._total) // scale)

    @Slot()
    def _cancel(self) -> None:
        self._token.cancel()
        if self._dialog is not None:
            self._dialog.setLabelText(self.tr("Stopping; nothing will be changed…"))
            self._dialog.show()

    def finish(self) -> None:
        if not self._active:
            return
        self._active = False
        self._timer.stop()
        QGuiApplication.restoreOverrideCursor()
        if self._dialog is not None:
            self._dialog.canceled.disconnect(self._cancel)
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None
        self.deleteLater()
