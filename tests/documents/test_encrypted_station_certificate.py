"""A certificate from an encrypted station: its signing key is sealed on disk, yet signs."""

from __future__ import annotations

from pathlib import Path

import pytest

from station_app.app import App, open_app
from station_app.documents.verification import Reason
from station_app.domain import UserInfo
from station_app.encryption import keyfile
from station_app.encryption.convert import encrypt_station
from station_app.kdf import KdfParams
from station_app.services import handover
from tests.documents.conftest import a_request
from tests.documents.test_verification import _qr_text

PASSPHRASE = "station passphrase for the certificate"


def test_an_encrypted_station_signs_with_its_sealed_key(
    app: App, admin: UserInfo, complaint: str, found: str, home: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setattr(keyfile, "STATION_KDF", KdfParams(log2_n=10))
    encrypt_station(app, admin, PASSPHRASE)
    (pem,) = (home / "keys").glob("*.pem")
    assert pem.read_bytes().startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")

    opened = open_app(str(home), passphrase=PASSPHRASE)
    try:
        document = handover.issue_handover(opened, admin, a_request())
        assert document.pdf.startswith(b"%PDF")
        verdict = handover.verify_text(opened, admin, _qr_text(opened))
        assert verdict.genuine and verdict.reason is Reason.GENUINE
    finally:
        opened.close()
