"""District HQ's encryption key pair (X25519): stations encrypt batches to its public key.

The private key is a PEM file in the data folder's `keys/`, owner-only, like the station
signing key; the public key is kept in the settings and handed to stations as a key file.
"""

from __future__ import annotations

import os
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from station_app.atomic import atomic_writer
from station_app.db.base import utcnow
from station_app.errors import StationError
from station_app.keys import fingerprint
from station_app.paths import AppPaths
from station_app.sync.crypto import x25519_public_bytes

PRIVATE_FILE_MODE = 0o600


def private_key_path(paths: AppPaths) -> Path:
    return paths.keys / "hq-encryption-key.pem"


def create_hq_key(paths: AppPaths) -> bytes:
    """Make HQ's key pair, write the private key, return the raw public key.

    A key file already there is moved aside, never overwritten: batches on their way may
    have been encrypted for it.
    """
    path = private_key_path(paths)
    if path.exists():
        path.rename(path.with_name(f"{path.name}.old-{utcnow():%Y%m%d-%H%M%S}"))
    private_key = X25519PrivateKey.generate()
    pem = private_key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    paths.keys.mkdir(parents=True, exist_ok=True)
    with atomic_writer(path) as handle:
        if os.name == "posix":
            os.fchmod(handle.fileno(), PRIVATE_FILE_MODE)
            os.chmod(paths.keys, 0o700)
        handle.write(pem)
    return x25519_public_bytes(private_key)


def load_hq_key(paths: AppPaths, expected_public_key: bytes) -> X25519PrivateKey:
    """HQ's private key, refused unless it belongs to the public key on record."""
    path = private_key_path(paths)
    try:
        pem = path.read_bytes()
    except FileNotFoundError:
        raise StationError(
            f"HQ's encryption key {path} is missing, so no batch can be opened. "
            "Restore the keys folder from HQ's backup."
        ) from None
    try:
        private_key = serialization.load_pem_private_key(pem, password=None)
    except (ValueError, TypeError) as error:
        raise StationError(f"HQ's encryption key {path} is damaged ({error}).") from error
    if not isinstance(private_key, X25519PrivateKey):
        raise StationError(f"{path} is not an X25519 key.")
    public_key = x25519_public_bytes(private_key)
    if public_key != expected_public_key:
        raise StationError(
            f"The key file {path} (fingerprint {fingerprint(public_key)}) is not HQ's key on "
            f"record ({fingerprint(expected_public_key)}); restore the right keys folder."
        )
    return private_key
