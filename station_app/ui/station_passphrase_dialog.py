"""Changing the station passphrase (an admin, in an encrypted station).

The station key is re-sealed under the new passphrase; no record or photo is rewritten.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from station_app.encryption.convert import change_station_passphrase
from station_app.encryption.errors import WrongStationPassphrase
from station_app.errors import StationError
from station_app.ui.desk import Desk
from station_app.ui.error_dialogs import show_error
from station_app.ui.messages import error_text
from station_app.ui.widgets import ErrorLabel


def _secret_edit(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class StationPassphraseDialog(QDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stationPassphraseDialog")
        self._desk = desk
        self.old = _secret_edit("oldStationPassphrase")
        self.new = _secret_edit("newStationPassphrase")
        self.again = _secret_edit("newStationPassphraseAgain")
        self.labels = [QLabel(self) for _ in range(3)]
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setProperty("role", "hint")
        self.error = ErrorLabel()
        self.error.setObjectName("stationPassphraseError")
        form = QFormLayout()
        for label, edit in zip(self.labels, (self.old, self.new, self.again), strict=True):
            form.addRow(label, edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        self.retranslate()
        self.old.setFocus()

    def save(self) -> None:
        old, new = self.old.text(), self.new.text()
        if new != self.again.text():
            self._problem(self.tr("The two new passphrases are not the same."), self.again)
            return
        if new == old:
            self._problem(self.tr("The new passphrase must differ from the current one."), self.new)
            return
        app, actor = self._desk.app, self._desk.user

        def work(_token: object) -> None:
            change_station_passphrase(app, actor, old, new)

        self.buttons.setEnabled(False)
        self._desk.run(self, self.tr("Sealing the station key…"), work, self._saved, self._failed)

    def _saved(self, _result: object) -> None:
        self.buttons.setEnabled(True)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, WrongStationPassphrase):
            self._problem(self.tr("The current station passphrase is wrong."), self.old)
        elif isinstance(error, StationError):
            self._problem(error_text(error) or str(error), self.new)
        else:
            show_error(self, error)

    def _problem(self, text: str, field: QLineEdit) -> None:
        self.error.show_problem(text)
        field.selectAll()
        field.setFocus()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Change the station passphrase"))
        self.hint.setText(
            self.tr(
                "The register on this computer opens only with this passphrase. "
                "Backups made before keep the old one. It cannot be recovered if forgotten."
            )
        )
        texts = (
            self.tr("Current station passphrase"),
            self.tr("New station passphrase"),
            self.tr("New station passphrase again"),
        )
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Change"))
