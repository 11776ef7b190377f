"""Backing the station up from the window: a file (on a pen drive), a passphrase twice,
then the backup off the GUI thread with progress and Cancel. The same service as
`station-app backup`; a cancelled or failed backup leaves no file behind."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, QEvent, Signal
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

from station_app.backup.make import BackupReport, make_backup
from station_app.backup.stream import MIN_PASSPHRASE_LENGTH
from station_app.errors import Cancelled, StationError
from station_app.ui.desk import Desk
from station_app.ui.error_dialogs import show_error
from station_app.ui.messages import error_text
from station_app.ui.secret_change import secret_edit
from station_app.ui.tasks import CancelToken
from station_app.ui.widgets import ErrorLabel, mark_data


class BackupDialog(QDialog):
    backed_up = Signal(object)  # the BackupReport

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupDialog")
        self._desk = desk
        self.target = mark_data(QLineEdit())
        self.target.setObjectName("backupTarget")
        self.browse = QPushButton()
        self.browse.clicked.connect(self.choose_file)
        self.passphrase = secret_edit("backupPassphrase")
        self.again = secret_edit("backupPassphraseAgain")
        self.labels = [QLabel(self) for _ in range(3)]
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setProperty("role", "hint")
        self.error = ErrorLabel()
        self.error.setObjectName("backupError")
        where = QHBoxLayout()
        where.addWidget(self.target, 1)
        where.addWidget(self.browse)
        form = QFormLayout()
        form.addRow(self.labels[0], where)
        form.addRow(self.labels[1], self.passphrase)
        form.addRow(self.labels[2], self.again)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self.retranslate()

    def default_name(self) -> str:
        station = self._desk.user.station_code
        return f"{station}-{QDate.currentDate().toString('yyyy-MM-dd')}.msbackup"

    def choose_file(self) -> None:
        start = self.target.text() or str(Path.home() / self.default_name())
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Back up to"), start, self.tr("Muskaan Station backups (*.msbackup)")
        )
        if chosen:
            self.target.setText(chosen)

    def start(self) -> None:
        target, passphrase = self.target.text().strip(), self.passphrase.text()
        if not target:
            self._problem(self.tr("Choose where to write the backup."), self.target)
            return
        if passphrase != self.again.text():
            self._problem(self.tr("The two passphrases are not the same."), self.again)
            return
        app, user = self._desk.app, self._desk.user

        def work(token: CancelToken) -> BackupReport:
            def progress(done: int, total: int) -> None:
                if token.is_cancelled():
                    raise Cancelled()
                token.report(done, total)

            return make_backup(app, user, Path(target), passphrase, progress=progress)

        self.buttons.setEnabled(False)
        self._desk.run(self, self.tr("Writing the backup…"), work, self._done, self._failed)

    def _done(self, report: BackupReport) -> None:
        self.buttons.setEnabled(True)
        self.backed_up.emit(report)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, StationError):
            self._problem(error_text(error) or str(error), self.passphrase)
        else:
            show_error(self, error)

    def _problem(self, text: str, field: QLineEdit) -> None:
        self.error.show_problem(text)
        field.setFocus()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Back up the station"))
        texts = (
            self.tr("Backup file"),
            self.tr("Backup passphrase"),
            self.tr("Backup passphrase again"),
        )
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.browse.setText(self.tr("Choose…"))
        self.hint.setText(
            self.tr(
                "Everything goes into one encrypted file: the register, the photos and the "
                "station's keys. Choose a passphrase of at least %1 characters and keep it "
                "apart from the pen drive; without it the backup cannot be restored."
            ).replace("%1", str(MIN_PASSPHRASE_LENGTH))
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Back up"))
