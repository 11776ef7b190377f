"""Changing the station passphrase (an admin, in an encrypted station).

The station key is re-sealed under the new passphrase; no record or photo is rewritten.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QWidget

from station_app.encryption.convert import change_station_passphrase
from station_app.encryption.errors import WrongStationPassphrase
from station_app.ui.desk import Desk
from station_app.ui.secret_change import SecretChangeDialog


class StationPassphraseDialog(SecretChangeDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, "StationPassphrase", parent=parent)
        self.setObjectName("stationPassphraseDialog")
        self.setMinimumWidth(480)
        self.retranslate()
        self.old.setFocus()

    def differ_text(self) -> str:
        return self.tr("The two new passphrases are not the same.")

    def same_as_old_text(self) -> str:
        return self.tr("The new passphrase must differ from the current one.")

    def busy_text(self) -> str:
        return self.tr("Sealing the station key…")

    def change(self, old: str, new: str) -> object:
        change_station_passphrase(self._desk.app, self._desk.user, old, new)
        return None

    def wrong_old(self, error: BaseException) -> str | None:
        if isinstance(error, WrongStationPassphrase):
            return self.tr("The current station passphrase is wrong.")
        return None

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
