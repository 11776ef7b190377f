"""What a batch says about itself (the manifest), and the station's signature over it all.

The manifest is the archive's last member: which station, which batch number, the period,
counts, and the SHA-256 and size of every other member. The signature follows the archive
inside the encryption (a trailer, see `trailer_bytes`) and covers the SHA-256 of the whole
archive, so HQ checks it before it reads a single member.
"""

from __future__ import annotations

import json
import struct
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from station_app.keys import b64url, from_b64url

MANIFEST_NAME = "manifest.json"
FORMAT = "muskaan-batch"
VERSION = 1
SIGNATURE_PURPOSE = "hq-batch"
TRAILER_MAGIC = b"\nMUSKAAN-SIGNATURE\n"
MAX_TRAILER = 4096
MAX_MANIFEST_BYTES = 64 * 1024 * 1024
_LENGTH = struct.Struct(">I")


@dataclass(frozen=True, slots=True)
class Member:
    name: str
    sha256: str
    size: int


@dataclass(frozen=True, slots=True)
class Manifest:
    station_code: str
    station_name: str
    district: str
    state: str
    sequence: int
    full: bool
    period_from: datetime | None
    period_to: datetime
    created_by: str
    key_fingerprint: str
    hq_fingerprint: str
    schema: str
    counts: dict[str, int] = field(default_factory=dict)
    members: tuple[Member, ...] = ()

    def to_json(self) -> bytes:
        body: dict[str, Any] = {
            "format": FORMAT,
            "version": VERSION,
            "station": {
                "code": self.station_code,
                "name": self.station_name,
                "district": self.district,
                "state": self.state,
            },
            "sequence": self.sequence,
            "full": self.full,
            "period": {
                "from": self.period_from.isoformat() if self.period_from else None,
                "to": self.period_to.isoformat(),
            },
            "created_by": self.created_by,
            "key_fingerprint": self.key_fingerprint,
            "hq_fingerprint": self.hq_fingerprint,
            "schema": self.schema,
            "counts": self.counts,
            "members": [{"name": m.name, "sha256": m.sha256, "size": m.size} for m in self.members],
        }
        return json.dumps(body, ensure_ascii=False, indent=1).encode()

    @staticmethod
    def from_json(data: bytes) -> Manifest:
        """The manifest in `data`; ValueError (KeyError, TypeError) if it is not one."""
        body = json.loads(data.decode("utf-8"))
        if body["format"] != FORMAT or body["version"] != VERSION:
            raise ValueError(f"format {body['format']} {body['version']} is not known here")
        station, period = body["station"], body["period"]
        members = tuple(
            Member(_text(m["name"]), _text(m["sha256"]), _count(m["size"])) for m in body["members"]
        )
        return Manifest(
            station_code=_text(station["code"]),
            station_name=_text(station["name"]),
            district=_text(station["district"]),
            state=_text(station["state"]),
            sequence=_count(body["sequence"]),
            full=bool(body["full"]),
            period_from=datetime.fromisoformat(period["from"]) if period["from"] else None,
            period_to=datetime.fromisoformat(_text(period["to"])),
            created_by=_text(body["created_by"]),
            key_fingerprint=_text(body["key_fingerprint"]),
            hq_fingerprint=_text(body["hq_fingerprint"]),
            schema=_text(body["schema"]),
            counts={_text(k): _count(v) for k, v in body["counts"].items()},
            members=members,
        )


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("expected text")
    return value


def _count(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise TypeError("expected a whole number")
    return value


def signed_message(station_code: str, key_fingerprint: str, payload_sha256: str) -> bytes:
    return f"{station_code}\n{key_fingerprint}\n{payload_sha256}".encode()


@dataclass(frozen=True, slots=True)
class Signature:
    station_code: str
    key_fingerprint: str
    signature: bytes


def trailer_bytes(signature: Signature) -> bytes:
    body = json.dumps(
        {
            "station": signature.station_code,
            "key": signature.key_fingerprint,
            "signature": b64url(signature.signature),
        },
        separators=(",", ":"),
    ).encode("ascii")
    return TRAILER_MAGIC + body + _LENGTH.pack(len(body))


def split_trailer(tail: bytes) -> tuple[bytes, Signature]:
    """Split the last bytes of the plaintext into the archive's end and the signature.

    ValueError if there is no well-formed trailer at the end of `tail`.
    """
    if len(tail) < _LENGTH.size + len(TRAILER_MAGIC):
        raise ValueError("no signature at the end")
    (length,) = _LENGTH.unpack(tail[-_LENGTH.size :])
    start = len(tail) - _LENGTH.size - length - len(TRAILER_MAGIC)
    if length > MAX_TRAILER or start < 0:
        raise ValueError("no signature at the end")
    if tail[start : start + len(TRAILER_MAGIC)] != TRAILER_MAGIC:
        raise ValueError("no signature at the end")
    body = json.loads(tail[start + len(TRAILER_MAGIC) : -_LENGTH.size].decode("ascii"))
    signature = Signature(
        _text(body["station"]), _text(body["key"]), from_b64url(_text(body["signature"]))
    )
    return tail[:start], signature
