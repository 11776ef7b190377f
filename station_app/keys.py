"""The station's Ed25519 signing key: made once at `init`, used for everything it vouches for.

The private key is a PEM file in the data folder's `keys/` (owner-only permissions); the
public key is stored in `stations.signing_public_key`, so the station's own database and
district HQ (which learns the key from the station's batches) can check what it signed.

In an encrypted station the PEM file is itself encrypted, with a password derived from the
station key (StationKeys.private_keys): a stolen disk cannot sign in the station's name.

Everything signed carries a `purpose` prefix, so a signature made for one kind of
document (a handover certificate) can never be passed off as another (an HQ batch).
"""

from __future__ import annotations

import base64
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes

from station_app.atomic import atomic_writer
from station_app.db.base import utcnow
from station_app.errors import StationError
from station_app.paths import AppPaths

FINGERPRINT_HEX_DIGITS = 16
PUBLIC_KEY_BYTES = 32
PRIVATE_FILE_MODE = 0o600


def private_key_path(paths: AppPaths, station_code: str) -> Path:
    return paths.keys / f"{station_code}-signing-key.pem"


def fingerprint(public_key: bytes) -> str:
    """A short, stable name of a public key: the first 16 hex digits of its SHA-256.

    Printed on certificates and carried in QR codes and batches, so a reader can tell at
    once which key something claims to be signed with.
    """
    return hashlib.sha256(public_key).hexdigest()[:FINGERPRINT_HEX_DIGITS]


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def from_b64url(text: str) -> bytes:
    """Decode unpadded base64url; ValueError if `text` is not that."""
    text = text.strip()
    if not text or any(c not in _B64URL_CHARS for c in text):
        raise ValueError("not base64url text")
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


_B64URL_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


def _signed_message(purpose: str, message: bytes) -> bytes:
    return f"muskaan-station/{purpose}\n".encode() + message


@dataclass(frozen=True, slots=True)
class StationSigner:
    """The local station's private key, loaded and checked against the database."""

    station_code: str
    private_key: Ed25519PrivateKey
    public_key: bytes

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)

    def sign(self, purpose: str, message: bytes) -> bytes:
        return self.private_key.sign(_signed_message(purpose, message))


def verify_signature(public_key: bytes, purpose: str, message: bytes, signature: bytes) -> bool:
    """True if `signature` is this key's signature of `message` for `purpose`."""
    if len(public_key) != PUBLIC_KEY_BYTES:
        return False
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(
            signature, _signed_message(purpose, message)
        )
    except InvalidSignature:
        return False
    return True


def raw_public_key(private_key: Ed25519PrivateKey) -> bytes:
    return private_key.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )


def private_key_pem(private_key: PrivateKeyTypes, password: bytes | None) -> bytes:
    protection: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(password)
        if password
        else serialization.NoEncryption()
    )
    return private_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, protection
    )


def read_private_key(pem: bytes, password: bytes | None) -> PrivateKeyTypes:
    """Load a PEM key; one written in the clear before the station was encrypted loads too.

    Raises ValueError or TypeError for a damaged file or a wrong password.
    """
    if password and b"ENCRYPTED" not in pem[:64]:
        password = None
    return serialization.load_pem_private_key(pem, password=password)


def seal_private_key_files(paths: AppPaths, password: bytes) -> int:
    """Encrypt every private key file still in the clear (encrypting a station)."""
    sealed = 0
    for path in sorted(paths.keys.glob("*.pem")) if paths.keys.is_dir() else []:
        pem = path.read_bytes()
        if b"ENCRYPTED" in pem[:64]:
            continue
        private_key = read_private_key(pem, None)
        with atomic_writer(path) as handle:  # mkstemp: owner-only, as written first
            handle.write(private_key_pem(private_key, password))
        sealed += 1
    return sealed


def write_private_key(
    paths: AppPaths, path: Path, private_key: PrivateKeyTypes, password: bytes | None = None
) -> None:
    """Write a private key as PEM readable by its owner only (atomically).

    A key file already there is moved aside, never overwritten: a private key is not
    something to destroy silently (a failed `init` may have left it, or batches on their
    way may have been encrypted for it).
    """
    if path.exists():
        path.rename(path.with_name(f"{path.name}.old-{utcnow():%Y%m%d-%H%M%S}"))
    pem = private_key_pem(private_key, password)
    paths.keys.mkdir(parents=True, exist_ok=True)
    with atomic_writer(path) as handle:
        # mkstemp already made the file 0600; say so, in case that ever changes.
        # (Windows has no such bits: the user's profile ACLs protect the data folder.)
        if os.name == "posix":
            os.fchmod(handle.fileno(), PRIVATE_FILE_MODE)
            os.chmod(paths.keys, 0o700)
        handle.write(pem)


def create_station_keys(paths: AppPaths, station_code: str, password: bytes | None = None) -> bytes:
    """Make the station's key pair, write the private key, return the raw public key."""
    private_key = Ed25519PrivateKey.generate()
    write_private_key(paths, private_key_path(paths, station_code), private_key, password)
    return raw_public_key(private_key)


def load_signer(
    paths: AppPaths,
    station_code: str,
    expected_public_key: bytes | None,
    password: bytes | None = None,
) -> StationSigner:
    """The station's signing key, refused unless it matches the key the database knows."""
    path = private_key_path(paths, station_code)
    try:
        pem = path.read_bytes()
    except FileNotFoundError:
        raise StationError(
            f"The station's signing key {path} is missing, so nothing can be signed. "
            "Restore the keys folder from the station's backup."
        ) from None
    try:
        private_key = read_private_key(pem, password)
    except (ValueError, TypeError) as error:
        raise StationError(f"The station's signing key {path} is damaged ({error}).") from error
    if not isinstance(private_key, Ed25519PrivateKey):
        raise StationError(f"{path} is not an Ed25519 key.")
    public_key = raw_public_key(private_key)
    if expected_public_key is None:
        raise StationError(
            f"Station {station_code} has no public signing key on record; "
            "documents cannot be signed."
        )
    if public_key != expected_public_key:
        raise StationError(
            f"The signing key {path} (fingerprint {fingerprint(public_key)}) is not the key "
            f"station {station_code} is registered with ({fingerprint(expected_public_key)}); "
            "restore the right keys folder from backup."
        )
    return StationSigner(station_code, private_key, public_key)
