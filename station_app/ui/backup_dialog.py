"""Backing the station up from the window: a file (on a pen drive), a passphrase twice,
then the backup off the GUI thread with progress and Cancel. The same service as
`station-app backup`; a cancelled or failed backup leaves no file behind."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from station_app.backup.make import BackupReport, make_backup
from station_app.backup.stream import MIN_PASSPHRASE_LENGTH
from station_app.errors import Cancelled
from station_app.ui.backup_file_dialog import BACKUP_FILTER_EXTENSION, BackupFileDialog
from station_app.ui.desk import Desk
from station_app.ui.tasks import CancelToken


class BackupDialog(BackupFileDialog):
    backed_up = Signal(object)  # the BackupReport

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__("backup", ("backupPassphrase", "backupPassphraseAgain"), parent)
        self._desk = desk
        self.target, self.passphrase, self.again = self.file, self.first_secret, self.second_secret
        self.retranslate()

    def default_name(self) -> str:
        station = self._desk.user.station_code
        return f"{station}-{QDate.currentDate().toString('yyyy-MM-dd')}.msbackup"

    def choose_file(self) -> None:
        start = self.target.text() or str(Path.home() / self.default_name())
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Back up to"),
            start,
            self.tr("Muskaan Station backups (%1)").replace("%1", BACKUP_FILTER_EXTENSION),
        )
        if chosen:
            self.target.setText(chosen)

    def start(self) -> None:
        target, passphrase = self.target.text().strip(), self.passphrase.text()
        if not target:
            self.error.show_problem(self.tr("Choose where to write the backup."))
            return
        if passphrase != self.again.text():
            self.error.show_problem(self.tr("The two passphrases are not the same."))
            return
        app, user = self._desk.app, self._desk.user

        def work(token: CancelToken) -> BackupReport:
            def progress(done: int, total: int) -> None:
                if token.is_cancelled():
                    raise Cancelled()
                token.report(done, total)

            return make_backup(app, user, Path(target), passphrase, progress=progress)

        self.buttons.setEnabled(False)
        self._desk.run(self, self.tr("Writing the backup…"), work, self._done, self.failed)

    def _done(self, report: BackupReport) -> None:
        self.buttons.setEnabled(True)
        self.backed_up.emit(report)
        self.accept()

    def retranslate(self) -> None:
        self.set_texts(
            self.tr("Back up the station"),
            self.tr(
                "Everything goes into one encrypted file: the register, the photos and the "
                "station's keys. Choose a passphrase of at least %1 characters and keep it "
                "apart from the pen drive; without it the backup cannot be restored."
            ).replace("%1", str(MIN_PASSPHRASE_LENGTH)),
            (
                self.tr("Backup file"),
                self.tr("Backup passphrase"),
                self.tr("Backup passphrase again"),
            ),
            self.tr("Back up"),
        )
