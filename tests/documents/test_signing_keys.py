"""The station's signing key: made at init, kept private, matched against the database."""

from __future__ import annotations

import os
import stat

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select, update

from station_app import keys
from station_app.app import App
from station_app.db.models import Station
from station_app.domain import UserInfo
from station_app.errors import StationError
from station_app.services import handover


def _public_key(app: App) -> bytes:
    with app.db.session() as session:
        value: bytes | None = session.scalar(select(Station.signing_public_key))
    assert value is not None
    return value


def test_init_makes_a_key_pair_private_key_on_disk_public_key_in_the_database(
    app: App, admin: UserInfo
) -> None:
    path = keys.private_key_path(app.paths, "RTM01")
    assert path.parent == app.paths.keys and path.is_file()
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    signer = keys.load_signer(app.paths, "RTM01", _public_key(app))
    assert len(signer.public_key) == 32
    assert signer.fingerprint == keys.fingerprint(_public_key(app))
    assert len(signer.fingerprint) == 16 and int(signer.fingerprint, 16) >= 0


def test_a_signature_is_bound_to_its_purpose_and_message(app: App, admin: UserInfo) -> None:
    signer = keys.load_signer(app.paths, "RTM01", _public_key(app))
    signature = signer.sign("batch/v1", b"rows")
    assert keys.verify_signature(signer.public_key, "batch/v1", b"rows", signature)
    assert not keys.verify_signature(signer.public_key, "batch/v1", b"rowz", signature)
    assert not keys.verify_signature(
        signer.public_key, "handover-certificate/v1", b"rows", signature
    )
    assert not keys.verify_signature(b"short", "batch/v1", b"rows", signature)


def test_a_key_file_that_is_not_the_stations_is_refused(app: App, admin: UserInfo) -> None:
    other = Ed25519PrivateKey.generate()
    with pytest.raises(StationError, match="is not the key station RTM01 is registered with"):
        keys.load_signer(app.paths, "RTM01", keys.raw_public_key(other))


def test_a_missing_key_file_says_to_restore_it(app: App, admin: UserInfo) -> None:
    keys.private_key_path(app.paths, "RTM01").unlink()
    with pytest.raises(StationError, match="is missing, so nothing can be signed"):
        keys.load_signer(app.paths, "RTM01", _public_key(app))


def test_making_keys_again_moves_the_old_private_key_aside(app: App) -> None:
    first = keys.create_station_keys(app.paths, "ABC")
    second = keys.create_station_keys(app.paths, "ABC")
    assert first != second
    kept = list(app.paths.keys.glob("ABC-signing-key.pem.old-*"))
    assert len(kept) == 1
    assert keys.load_signer(app.paths, "ABC", second).public_key == second


def test_base64url_round_trip_and_rejection() -> None:
    data = bytes(range(64))
    assert keys.from_b64url(keys.b64url(data)) == data
    for bad in ("", "abc=", "a+b/"):
        with pytest.raises(ValueError):
            keys.from_b64url(bad)


def test_a_station_set_up_before_certificates_gets_a_key_once(app: App, admin: UserInfo) -> None:
    with app.db.session() as session:
        session.execute(update(Station).values(signing_public_key=None))
    with pytest.raises(StationError, match="signing-key --create"):
        handover.station_key(app, admin)
    made = handover.station_key(app, admin, create=True)
    assert handover.station_key(app, admin) == made == keys.fingerprint(_public_key(app))
    with pytest.raises(StationError, match="it is never replaced"):
        handover.station_key(app, admin, create=True)
