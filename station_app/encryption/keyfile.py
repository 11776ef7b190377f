"""The station key file: a random master key, sealed under the station passphrase.

The file sits beside the database (encryption.json), never inside it: the database
cannot be read until the key is unlocked. Changing the passphrase re-seals the same
master key, so neither the database nor a single photo has to be rewritten.

    master key --HKDF "database"--> SQLCipher raw key (no second, slow KDF in SQLCipher)
               --HKDF "photos"----> AES-256-GCM key of every photo file
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from station_app.atomic import write_atomic
from station_app.encryption.errors import EncryptionError, WrongStationPassphrase
from station_app.kdf import DEFAULT_KDF, KdfParams, scrypt_key, typeable

KEY_FILE_NAME = "encryption.json"
FORMAT = "muskaan-station-key"
VERSION = 1
MIN_PASSPHRASE_LENGTH = 10
STATION_KDF = DEFAULT_KDF  # looked up at each call, so tests can make it cheap
_AAD = b"muskaan-station master key v1"


@dataclass(frozen=True, slots=True)
class StationKeys:
    """The keys an unlocked station works with. Never written anywhere in the clear."""

    master: bytes

    def _subkey(self, purpose: bytes) -> bytes:
        return HKDF(hashes.SHA256(), 32, salt=None, info=b"muskaan-station " + purpose).derive(
            self.master
        )

    @property
    def database(self) -> bytes:
        return self._subkey(b"database")

    @property
    def photos(self) -> bytes:
        return self._subkey(b"photos")

    @property
    def private_keys(self) -> bytes:
        return self._subkey(b"private keys")

    def __repr__(self) -> str:  # never let a key reach a log or a traceback
        return "StationKeys(<hidden>)"


def key_file(home: Path) -> Path:
    return home / KEY_FILE_NAME


def pending_key_file(home: Path) -> Path:
    """The key of a conversion under way: it becomes key_file once the database is swapped."""
    return home / f"{KEY_FILE_NAME}.pending"


def converted_database(database: Path) -> Path:
    return database.with_name(f"{database.name}.encrypting")


def settle_interrupted_conversion(home: Path, database: Path | None) -> None:
    """Finish or undo an encryption a power cut stopped, by what is on disk.

    The conversion's single commit point is the encrypted copy replacing the database:
    past it, the pending key becomes the station key; before it, both are thrown away
    and the station is as it was, in the clear.
    """
    pending = pending_key_file(home)
    if not pending.exists():
        return
    if key_file(home).exists():
        pending.unlink()
        return
    from station_app.db.sqlite_file import looks_like_plain_sqlite

    if database is not None and database.is_file() and not looks_like_plain_sqlite(database):
        os.replace(pending, key_file(home))
        return
    pending.unlink()
    if database is not None:
        converted_database(database).unlink(missing_ok=True)


def is_encrypted(home: Path) -> bool:
    return key_file(home).exists()


def check_passphrase_strength(passphrase: str) -> None:
    if not typeable(passphrase):
        raise EncryptionError("The station passphrase holds control characters; type it again.")
    if len(passphrase.strip()) < MIN_PASSPHRASE_LENGTH:
        raise EncryptionError(
            f"The station passphrase must be at least {MIN_PASSPHRASE_LENGTH} characters: "
            "it alone keeps the register unreadable if this computer is stolen. "
            "A short sentence is easy to remember and hard to guess."
        )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _seal(master: bytes, passphrase: str, kdf: KdfParams) -> dict[str, object]:
    salt, nonce = os.urandom(16), os.urandom(12)
    wrapping = scrypt_key(passphrase, salt, kdf, 32)
    return {
        "format": FORMAT,
        "version": VERSION,
        "kdf": {"name": "scrypt", "log2_n": kdf.log2_n, "r": kdf.r, "p": kdf.p},
        "salt": _b64(salt),
        "nonce": _b64(nonce),
        "sealed_key": _b64(AESGCM(wrapping).encrypt(nonce, master, _AAD)),
    }


def write_key_file(path: Path, keys: StationKeys, passphrase: str, kdf: KdfParams) -> None:
    write_atomic(path, json.dumps(_seal(keys.master, passphrase, kdf), indent=2).encode())


def _whole_number(value: object) -> int:
    if type(value) is not int:  # not a float, a text, or True
        raise ValueError(f"{value!r} is not a whole number")
    return value


def _read(path: Path) -> tuple[KdfParams, bytes, bytes, bytes]:
    try:
        content = json.loads(path.read_text(encoding="utf-8"))
        if content.get("format") != FORMAT:
            raise ValueError("not a station key file")
        version = _whole_number(content["version"])
        if version > VERSION:
            raise EncryptionError(
                f"{path} was written by a newer Muskaan Station; update the app to open it."
            )
        if version != VERSION:
            raise ValueError(f"there is no key file version {version}")
        kdf_fields = content["kdf"]
        kdf = KdfParams(*(_whole_number(kdf_fields[name]) for name in ("log2_n", "r", "p")))
        fields = [
            base64.b64decode(content[name], validate=True)
            for name in ("salt", "nonce", "sealed_key")
        ]
    except EncryptionError:
        raise
    except OSError as error:
        raise EncryptionError(f"The key file {path} cannot be read ({error}).") from error
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise EncryptionError(
            f"The key file {path} is damaged ({error}); restore it from a backup."
        ) from error
    if kdf_fields.get("name") != "scrypt" or not kdf.sane or len(fields[1]) != 12:
        raise EncryptionError(f"The key file {path} is damaged; restore it from a backup.")
    return kdf, fields[0], fields[1], fields[2]


def unlock(home: Path, passphrase: str) -> StationKeys:
    """The station keys, or WrongStationPassphrase. Takes about half a second (scrypt)."""
    path = key_file(home)
    kdf, salt, nonce, sealed = _read(path)
    if not typeable(passphrase):
        raise WrongStationPassphrase(str(path))
    try:
        master = AESGCM(scrypt_key(passphrase, salt, kdf, 32)).decrypt(nonce, sealed, _AAD)
    except InvalidTag:
        raise WrongStationPassphrase(str(path)) from None
    return StationKeys(master)


def change_passphrase(home: Path, old: str, new: str) -> None:
    """Re-seal the same master key under a new passphrase: one small file rewritten."""
    check_passphrase_strength(new)
    keys = unlock(home, old)
    write_key_file(key_file(home), keys, new, STATION_KDF)
