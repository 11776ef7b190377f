"""Bringing a station back on a new or repaired desk from a backup on a pen drive.

Offered by the login window while the desk has no station. The same service as
`station-app restore`: the whole backup is checked before anything is put in place.
A backup of an encrypted station also needs the station passphrase it was made under.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station_app.app import App
from station_app.backup.restore import RestoreReport, restore_backup
from station_app.errors import StationError
from station_app.ui.desk import run_operation
from station_app.ui.error_dialogs import show_error
from station_app.ui.messages import error_text
from station_app.ui.secret_change import secret_edit
from station_app.ui.tasks import CancelToken, TaskManager
from station_app.ui.widgets import ErrorLabel, mark_data


class RestoreDialog(QDialog):
    restored = Signal(object, str)  # the RestoreReport, and the station passphrase ("" if none)

    def __init__(self, app: App, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self._app = app
        self._tasks = tasks
        self.source = mark_data(QLineEdit())
        self.source.setObjectName("restoreSource")
        self.browse = QPushButton()
        self.browse.clicked.connect(self.choose_file)
        self.passphrase = secret_edit("restorePassphrase")
        self.station_passphrase = secret_edit("restoreStationPassphrase")
        self.labels = [QLabel(self) for _ in range(3)]
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setProperty("role", "hint")
        self.error = ErrorLabel()
        self.error.setObjectName("restoreError")
        where = QHBoxLayout()
        where.addWidget(self.source, 1)
        where.addWidget(self.browse)
        form = QFormLayout()
        form.addRow(self.labels[0], where)
        form.addRow(self.labels[1], self.passphrase)
        form.addRow(self.labels[2], self.station_passphrase)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self.retranslate()

    def choose_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Restore from"),
            self.source.text() or str(Path.home()),
            self.tr("Muskaan Station backups (*.msbackup)"),
        )
        if chosen:
            self.source.setText(chosen)

    def start(self) -> None:
        source, passphrase = self.source.text().strip(), self.passphrase.text()
        station_passphrase = self.station_passphrase.text()
        if not source:
            self.error.show_problem(self.tr("Choose the backup file."))
            return
        app = self._app

        def work(token: CancelToken) -> RestoreReport:
            def progress(done: int, total: int) -> None:
                token.report(done, total)

            return restore_backup(
                app,
                None,
                Path(source),
                passphrase,
                progress=progress,
                ask_station_passphrase=lambda: station_passphrase,
            )

        self.buttons.setEnabled(False)
        run_operation(
            self._tasks,
            self,
            self.tr("Checking and restoring the backup…"),
            work,
            lambda report: self._done(report, station_passphrase),
            self._failed,
        )

    def _done(self, report: RestoreReport, station_passphrase: str) -> None:
        self.buttons.setEnabled(True)
        self.restored.emit(report, station_passphrase if report.encrypted else "")
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, StationError):
            self.error.show_problem(error_text(error) or str(error))
        else:
            show_error(self, error)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Restore a station from its backup"))
        self.hint.setText(
            self.tr(
                "For a new or repaired computer: the station comes back as it was when the "
                "backup was made, with its records, photos, users and keys. The whole backup "
                "is checked before anything is put in place."
            )
        )
        texts = (
            self.tr("Backup file"),
            self.tr("Backup passphrase"),
            self.tr("Station passphrase (encrypted stations only)"),
        )
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.browse.setText(self.tr("Choose…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Restore"))
