"""A reminder above the registers when the last backup is old, for those who may back up.

It asks the database on the worker when the window opens, and shows only if a backup
is due; it never blocks, and the officer can put it away for this session.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from station_app.services.backup_status import BACKUP_COMMAND, BackupDue, backup_due
from station_app.ui.desk import Desk

STYLE = (
    "QFrame#backupReminder { background: #fff8e6; border: 1px solid #f0d58c; border-radius: 6px; }"
)


class BackupReminder(QFrame):
    """Hidden until `check` finds a backup due; `back_up_now` when its button is pressed."""

    back_up_now = Signal()

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupReminder")
        self.setStyleSheet(STYLE)
        self._desk = desk
        self.due: BackupDue | None = None
        self.text = QLabel()
        self.text.setObjectName("backupReminderText")
        self.text.setWordWrap(True)
        self.now_button = QPushButton()
        self.now_button.setObjectName("backupNow")
        self.now_button.clicked.connect(self.back_up_now)
        self.close_button = QToolButton()
        self.close_button.setObjectName("backupReminderClose")
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 4, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.now_button)
        layout.addWidget(self.close_button)
        self.hide()

    def check(self) -> None:
        app, user = self._desk.app, self._desk.user
        self._desk.tasks.run_db(lambda: backup_due(app, user), self.show_due, lambda _e: None)

    def show_due(self, due: BackupDue | None) -> None:
        self.due = due
        self.retranslate()
        self.setVisible(due is not None)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.close_button.setToolTip(self.tr("Hide this reminder"))
        self.now_button.setText(self.tr("Back up now…"))
        due = self.due
        if due is None:
            self.text.setText("")
            return
        if due.days is None:
            first = self.tr("No backup of this register has been made on this computer yet.")
        else:
            first = self.tr("The last backup of this register is %1 days old.").replace(
                "%1", str(due.days)
            )
        how = self.tr(
            "A stolen or broken computer would lose every record since. Put a pen drive in "
            "and press “Back up now” (or, in a command window, run: %1). The backup is "
            "encrypted with a passphrase you choose; keep the pen drive locked away."
        ).replace("%1", f"<b>{BACKUP_COMMAND}</b>")
        self.text.setText(f"{first} {how}")
