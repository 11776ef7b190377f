"""Bad inputs to an encrypted station: passphrases, key files, photo files.

Each is refused with a message naming what is wrong, and no file of the station changes
(compared byte for byte: the database, the key file and every photo file).
"""

from __future__ import annotations

import base64
import hashlib
import json
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from station_app.app import open_app
from station_app.encryption import keyfile
from station_app.encryption.convert import encrypt_station
from station_app.encryption.errors import EncryptionError
from station_app.errors import StationError
from station_app.importing.service import import_file
from station_app.kdf import KdfParams
from station_app.services import station
from tests.bad_input.import_corpus import write_baseline
from tests.conftest import ADMIN_PASSWORD

PASSPHRASE = "बारिश का मौसम है आज"  # typed on a Hindi keyboard
CHEAP = KdfParams(log2_n=10)


def _fingerprint(home: Path) -> dict[str, str]:
    """Every file's SHA-256; SQLite's -wal and -shm come and go with connections."""
    return {
        p.relative_to(home).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(home.rglob("*"))
        if p.is_file() and not p.name.endswith(("-wal", "-shm"))
    }


@pytest.fixture(scope="module")
def sealed_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    work = tmp_path_factory.mktemp("encrypted")
    home = work / "desk"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(keyfile, "STATION_KDF", CHEAP)
        app = open_app(str(home))
        _, admin = station.init_station(app, "RTM01", "GRP", "Ratlam", "MP", "admin", "x" * 12)
        import_file(app, admin, write_baseline(work / "register"))
        encrypt_station(app, admin, PASSPHRASE)
    yield home


@pytest.fixture
def home(sealed_home: Path, tmp_path: Path) -> Path:
    """A fresh copy of the encrypted station for each case to damage."""
    import shutil

    copy = tmp_path / "desk"
    shutil.copytree(sealed_home, copy)
    return copy


# --- passphrases -----------------------------------------------------------------------

WRONG_PASSPHRASES = {
    "empty": "",
    "spaces": "   ",
    "one letter off": PASSPHRASE[:-1] + "म",
    "trailing space": PASSPHRASE + " ",
    "latin transliteration": "baarish ka mausam hai aaj",
    "very long": PASSPHRASE * 5000,
    "nul byte": PASSPHRASE + "\0",  # scrypt alone would ignore it
    "nul then more": PASSPHRASE + "\0 and more",
    "another station's": "monsoon-ledger-42",
}


@pytest.mark.parametrize("passphrase", WRONG_PASSPHRASES.values(), ids=WRONG_PASSPHRASES.keys())
def test_a_wrong_passphrase_is_refused_and_nothing_changes(home: Path, passphrase: str) -> None:
    before = _fingerprint(home)
    with pytest.raises(EncryptionError, match="does not unlock this station"):
        open_app(str(home), passphrase=passphrase)
    assert _fingerprint(home) == before


def test_the_same_passphrase_typed_decomposed_still_opens(home: Path) -> None:
    decomposed = unicodedata.normalize("NFD", PASSPHRASE)
    app = open_app(str(home), passphrase=decomposed)
    app.close()


# --- key files ---------------------------------------------------------------------------


@dataclass(frozen=True)
class KeyFileCase:
    name: str
    edit: Callable[[dict[str, object], bytes], bytes]
    says: str


def _json(
    change: Callable[[dict[str, object]], None],
) -> Callable[[dict[str, object], bytes], bytes]:
    def edit(content: dict[str, object], _raw: bytes) -> bytes:
        change(content)
        return json.dumps(content).encode()

    return edit


def _flip_b64(field: str) -> Callable[[dict[str, object]], None]:
    def change(content: dict[str, object]) -> None:
        data = bytearray(base64.b64decode(str(content[field])))
        data[len(data) // 2] ^= 0x01
        content[field] = base64.b64encode(bytes(data)).decode()

    return change


def _set(field: str, value: object) -> Callable[[dict[str, object]], None]:
    return lambda content: content.__setitem__(field, value)


def _drop(field: str) -> Callable[[dict[str, object]], None]:
    return lambda content: content.pop(field)


KEY_FILE_CASES = [
    KeyFileCase("empty", lambda _c, _r: b"", "is damaged"),
    KeyFileCase("cut in half", lambda _c, raw: raw[: len(raw) // 2], "is damaged"),
    KeyFileCase("not json", lambda _c, _r: b"\x89PNG\r\n\x1a\n", "is damaged"),
    KeyFileCase("a json list", lambda _c, _r: b"[1, 2]", "is damaged"),
    KeyFileCase("another format", _json(_set("format", "muskaan-backup")), "is damaged"),
    KeyFileCase("newer version", _json(_set("version", 99)), "newer Muskaan Station"),
    KeyFileCase("version as text", _json(_set("version", "one")), "is damaged"),
    KeyFileCase("no salt", _json(_drop("salt")), "is damaged"),
    KeyFileCase("salt not base64", _json(_set("salt", "!!not base64!!")), "is damaged"),
    KeyFileCase("salt changed", _json(_flip_b64("salt")), "does not unlock"),
    KeyFileCase("nonce changed", _json(_flip_b64("nonce")), "does not unlock"),
    KeyFileCase("nonce too short", _json(_set("nonce", "AAAA")), "is damaged"),
    KeyFileCase("sealed key changed", _json(_flip_b64("sealed_key")), "does not unlock"),
    KeyFileCase("sealed key cut", _json(_set("sealed_key", "AAAA")), "does not unlock"),
    KeyFileCase(
        "kdf asks for 16 GiB",
        _json(_set("kdf", {"name": "scrypt", "log2_n": 24, "r": 8, "p": 1})),
        "is damaged",
    ),
    KeyFileCase("kdf unknown", _json(_set("kdf", {"name": "md5"})), "is damaged"),
    KeyFileCase(
        "kdf cheaper than written",
        _json(_set("kdf", {"name": "scrypt", "log2_n": 11, "r": 8, "p": 1})),
        "does not unlock",
    ),
]


@pytest.mark.parametrize("case", KEY_FILE_CASES, ids=[c.name for c in KEY_FILE_CASES])
def test_a_damaged_key_file_is_refused_by_name(home: Path, case: KeyFileCase) -> None:
    path = keyfile.key_file(home)
    raw = path.read_bytes()
    path.write_bytes(case.edit(json.loads(raw), raw))
    before = _fingerprint(home)
    with pytest.raises(EncryptionError) as raised:
        open_app(str(home), passphrase=PASSPHRASE)
    assert case.says in str(raised.value)
    assert _fingerprint(home) == before


def test_a_key_file_from_another_station_does_not_open_this_database(
    home: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(keyfile, "STATION_KDF", CHEAP)
        app = open_app(str(other))
        app, _, _ = station.init_encrypted_station(
            app, PASSPHRASE, "BPL02", "GRP", "Bhopal", "MP", "admin", ADMIN_PASSWORD
        )
        app.close()
    keyfile.key_file(home).write_bytes(keyfile.key_file(other).read_bytes())
    before = _fingerprint(home)
    with pytest.raises(EncryptionError, match="belongs to another station"):
        open_app(str(home), passphrase=PASSPHRASE)
    assert _fingerprint(home) == before


# --- photo files -----------------------------------------------------------------------

PHOTO_DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "one bit flipped": lambda data: data[:-20] + bytes([data[-20] ^ 0x04]) + data[-19:],
    "cut short": lambda data: data[: len(data) // 2],
    "only the header": lambda data: data[:8],
    "tag removed": lambda data: data[:-16],
    "nonce changed": lambda data: data[:8] + b"\0" * 12 + data[20:],
}


@pytest.mark.parametrize("damage", PHOTO_DAMAGE.values(), ids=PHOTO_DAMAGE.keys())
def test_a_damaged_photo_file_is_named_not_shown(
    home: Path, damage: Callable[[bytes], bytes]
) -> None:
    target = next(p for p in sorted((home / "photos" / "thumbs").rglob("*.jpg")))
    target.write_bytes(damage(target.read_bytes()))
    before = _fingerprint(home)
    app = open_app(str(home), passphrase=PASSPHRASE)
    try:
        with pytest.raises(StationError, match=rf"{target.name} is damaged or was altered"):
            app.photos.read(target)
    finally:
        app.close()
    assert _fingerprint(home) == before
