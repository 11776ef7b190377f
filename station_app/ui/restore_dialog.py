"""Bringing a station back on a new or repaired desk from a backup on a pen drive.

Offered by the login window while the desk has no station. The same service as
`station-app restore`: the whole backup is checked before anything is put in place.
A backup of an encrypted station also needs the station passphrase it was made under.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from station_app.app import App
from station_app.backup.restore import RestoreReport, restore_backup
from station_app.ui.backup_file_dialog import BACKUP_FILTER_EXTENSION, BackupFileDialog
from station_app.ui.desk import run_operation
from station_app.ui.tasks import CancelToken, TaskManager


class RestoreDialog(BackupFileDialog):
    restored = Signal(object, str)  # the RestoreReport, and the station passphrase ("" if none)

    def __init__(self, app: App, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__("restore", ("restorePassphrase", "restoreStationPassphrase"), parent)
        self._app = app
        self._tasks = tasks
        self.source, self.passphrase = self.file, self.first_secret
        self.station_passphrase = self.second_secret
        self.retranslate()

    def choose_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Restore from"),
            self.source.text() or str(Path.home()),
            self.tr("Muskaan Station backups (%1)").replace("%1", BACKUP_FILTER_EXTENSION),
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
            return restore_backup(
                app,
                None,
                Path(source),
                passphrase,
                progress=token.report,
                ask_station_passphrase=lambda: station_passphrase,
            )

        self.buttons.setEnabled(False)
        run_operation(
            self._tasks,
            self,
            self.tr("Checking and restoring the backup…"),
            work,
            lambda report: self._done(report, station_passphrase),
            self.failed,
        )

    def _done(self, report: RestoreReport, station_passphrase: str) -> None:
        self.buttons.setEnabled(True)
        self.restored.emit(report, station_passphrase if report.encrypted else "")
        self.accept()

    def retranslate(self) -> None:
        self.set_texts(
            self.tr("Restore a station from its backup"),
            self.tr(
                "For a new or repaired computer: the station comes back as it was when the "
                "backup was made, with its records, photos, users and keys. The whole backup "
                "is checked before anything is put in place."
            ),
            (
                self.tr("Backup file"),
                self.tr("Backup passphrase"),
                self.tr("Station passphrase (encrypted stations only)"),
            ),
            self.tr("Restore"),
        )
