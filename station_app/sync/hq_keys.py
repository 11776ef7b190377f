"""District HQ's encryption key pair (X25519): stations encrypt batches to its public key.

The private key is a PEM file in the data folder's `keys/`, owner-only, like the station
signing key; the public key is kept in the settings and handed to stations as a key file.
"""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from station_app.errors import StationError
from station_app.keys import fingerprint, read_private_key, write_private_key
from station_app.paths import AppPaths
from station_app.sync.crypto import x25519_public_bytes

PRIVATE_FILE_MODE = 0o600


def private_key_path(paths: AppPaths) -> Path:
    return paths.keys / "hq-encryption-key.pem"


def create_hq_key(paths: AppPaths, password: bytes | None = None) -> bytes:
    """Make HQ's key pair, write the private key (an old one is moved aside), return the
    raw public key."""
    private_key = X25519PrivateKey.generate()
    write_private_key(paths, private_key_path(paths), private_key, password)
    return x25519_public_bytes(private_key)


def load_hq_key(
    paths: AppPaths, expected_public_key: bytes, password: bytes | None = None
) -> X25519PrivateKey:
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
        private_key = read_private_key(pem, password)
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
