"""What can go wrong opening an encrypted station, in words for the officer."""

from __future__ import annotations

from station_app.errors import StationError


class EncryptionError(StationError):
    """The station's encryption cannot be set up, opened or changed; nothing was changed."""


class PassphraseRequired(EncryptionError):
    def __init__(self, home: str) -> None:
        super().__init__(
            f"The station in {home} is encrypted: give its passphrase "
            "(you will be asked for it, or set STATION_APP_PASSPHRASE)."
        )


class WrongStationPassphrase(EncryptionError):
    def __init__(self, key_file: str) -> None:
        super().__init__(
            "That passphrase does not unlock this station (or its key file "
            f"{key_file} is damaged). Check the passphrase and try again; nothing was changed."
        )


class PhotoFileDamaged(EncryptionError):
    def __init__(self, name: str) -> None:
        super().__init__(
            f"The encrypted photo file {name} is damaged or was altered; "
            "restore it from a backup ('station-app check' lists such files)."
        )
