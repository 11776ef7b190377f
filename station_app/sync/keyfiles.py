"""Key files carried between a station and HQ: a public key with whose it is.

Both sides compare the fingerprint (on screen, or read out over the phone) before they
trust a key file: the file itself may have been swapped on the way.

    {"muskaan_key_file": "station-signing" | "hq-encryption", "version": 1,
     "code": "RTM01", "name": ..., "district": ..., "state": ...,
     "public_key": <base64url, 32 bytes>, "fingerprint": <16 hex digits>}
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from station_app.atomic import write_atomic
from station_app.keys import PUBLIC_KEY_BYTES, b64url, fingerprint, from_b64url
from station_app.sync.errors import KeyFileRejected

KeyKind = Literal["station-signing", "hq-encryption"]
VERSION = 1
MAX_BYTES = 64 * 1024
_KIND_WORDS = {"station-signing": "a station's key", "hq-encryption": "an HQ key"}
_CODE_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")


@dataclass(frozen=True, slots=True)
class KeyFile:
    kind: KeyKind
    code: str
    name: str
    district: str
    state: str
    public_key: bytes

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)

    def describe(self) -> str:
        return f"{self.name} ({self.code}, {self.district}, {self.state})"


def spaced(fingerprint_text: str) -> str:
    """A fingerprint in groups of four, easier to read out and compare: 'ab12 cd34 ...'."""
    return " ".join(fingerprint_text[i : i + 4] for i in range(0, len(fingerprint_text), 4))


def same_fingerprint(typed: str, actual: str) -> bool:
    return "".join(typed.split()).lower() == actual.lower()


def write_key_file(path: Path, key: KeyFile) -> None:
    body = {
        "muskaan_key_file": key.kind,
        "version": VERSION,
        "code": key.code,
        "name": key.name,
        "district": key.district,
        "state": key.state,
        "public_key": b64url(key.public_key),
        "fingerprint": key.fingerprint,
    }
    write_atomic(path, (json.dumps(body, ensure_ascii=False, indent=2) + "\n").encode())


def read_key_file(path: Path, kind: KeyKind) -> KeyFile:
    """The key file at `path`, which must hold `kind`; KeyFileRejected says what is wrong."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise KeyFileRejected(f"{path} cannot be read ({error.strerror or error}).") from error
    if len(data) > MAX_BYTES:
        raise KeyFileRejected(f"{path} is not a key file (it is far too big).")
    try:
        body = json.loads(data.decode("utf-8"))
        found_kind = body["muskaan_key_file"]
    except (ValueError, KeyError, TypeError) as error:
        raise KeyFileRejected(f"{path} is not a Muskaan key file.") from error
    if found_kind != kind:
        found = _KIND_WORDS.get(str(found_kind), "an unknown kind of key")
        raise KeyFileRejected(f"{path} holds {found}, but {_KIND_WORDS[kind]} is needed here.")
    return _parse(path, kind, body)


def _parse(path: Path, kind: KeyKind, body: dict[str, object]) -> KeyFile:
    try:
        public_key = from_b64url(str(body["public_key"]))
        key = KeyFile(
            kind,
            str(body["code"]),
            str(body.get("name", "")),
            str(body.get("district", "")),
            str(body.get("state", "")),
            public_key,
        )
        written = str(body["fingerprint"])
    except (ValueError, KeyError, TypeError) as error:
        raise KeyFileRejected(f"{path} is damaged ({error}).") from error
    if body.get("version") != VERSION:
        raise KeyFileRejected(f"{path} was made by a newer version of the program.")
    if len(public_key) != PUBLIC_KEY_BYTES or written != key.fingerprint:
        raise KeyFileRejected(f"{path} is damaged: its key does not match its fingerprint.")
    if not key.code or len(key.code) > 16 or not set(key.code) <= _CODE_CHARS:
        raise KeyFileRejected(f"{path} names no valid station or HQ code.")
    return key
