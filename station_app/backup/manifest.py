"""The manifest: what a backup holds, the SHA-256 of every member, and where it came from."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from station_app.backup.errors import BackupDamaged
from station_app.encryption.keyfile import KEY_FILE_NAME

FORMAT = "muskaan-station-backup"
MANIFEST_NAME = "manifest.json"
DATABASE_NAME = "station.sqlite3"
MAX_MANIFEST_BYTES = 64 << 20
FOLDERS = ("photos", "keys")


@dataclass(frozen=True, slots=True)
class Member:
    name: str
    size: int
    sha256: str


@dataclass(frozen=True, slots=True)
class Manifest:
    station_code: str
    station_name: str
    app_version: str
    schema_revision: str
    created_at: datetime  # UTC
    counts: dict[str, int]
    members: tuple[Member, ...]

    def to_json(self) -> bytes:
        data = {
            "format": FORMAT,
            "station_code": self.station_code,
            "station_name": self.station_name,
            "app_version": self.app_version,
            "schema_revision": self.schema_revision,
            "created_at": self.created_at.isoformat(),
            "counts": self.counts,
            "members": [[m.name, m.size, m.sha256] for m in self.members],
        }
        return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")

    @classmethod
    def from_json(cls, raw: bytes, label: str) -> Manifest:
        try:
            data = json.loads(raw.decode("utf-8"))
            if data.get("format") != FORMAT:
                raise ValueError("not a backup manifest")
            return cls(
                station_code=_text(data, "station_code"),
                station_name=_text(data, "station_name"),
                app_version=_text(data, "app_version"),
                schema_revision=_text(data, "schema_revision"),
                created_at=datetime.fromisoformat(_text(data, "created_at")),
                counts={str(k): int(v) for k, v in dict(data["counts"]).items()},
                members=tuple(Member(str(n), int(s), str(h)) for n, s, h in data["members"]),
            )
        except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as error:
            raise BackupDamaged(label, f"its manifest cannot be read ({error})") from None


def _text(data: dict[str, Any], key: str) -> str:
    value = data[key]
    if not isinstance(value, str):
        raise TypeError(f"{key} is not text")
    return value


def safe_member_name(name: str) -> bool:
    """A name that stays inside the folder it is restored into, on Windows too."""
    if name in (DATABASE_NAME, MANIFEST_NAME, KEY_FILE_NAME):
        return True
    parts = name.split("/")
    return (
        parts[0] in FOLDERS and 2 <= len(parts) <= 8 and all(_safe_part(part) for part in parts[1:])
    )


def _safe_part(part: str) -> bool:
    return (
        0 < len(part) <= 200
        and part not in (".", "..")
        and not part.startswith(".")
        and not any(c in part for c in '\\:*?"<>|')
        and all(c.isprintable() for c in part)
    )
