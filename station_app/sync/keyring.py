"""HQ's keyring: the station signing keys it trusts, each added by an HQ admin who
compared the key's fingerprint with the one the station showed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from station_app.db.base import utcnow
from station_app.db.models import Station, TrustedStationKey
from station_app.errors import StationError
from station_app.sync.keyfiles import KeyFile


@dataclass(frozen=True, slots=True)
class TrustedKeyInfo:
    station_code: str
    station_name: str
    fingerprint: str
    trusted_at: datetime
    trusted_by: str
    revoked_at: datetime | None


@dataclass(frozen=True, slots=True)
class TrustOutcome:
    key: TrustedKeyInfo
    added: bool
    replaced: str | None = None
    """The fingerprint of the station's key this one replaced, if any."""


def _info(row: TrustedStationKey, station: Station | None) -> TrustedKeyInfo:
    return TrustedKeyInfo(
        row.station_code,
        station.name if station else "",
        row.fingerprint,
        row.trusted_at,
        row.trusted_by,
        row.revoked_at,
    )


def active_key(session: Session, station_code: str) -> TrustedStationKey | None:
    return session.scalar(
        select(TrustedStationKey).where(
            TrustedStationKey.station_code == station_code,
            TrustedStationKey.revoked_at.is_(None),
        )
    )


def trusted_key(session: Session, station_code: str, fingerprint: str) -> TrustedStationKey | None:
    """The key with this fingerprint, if it is trusted now for this station."""
    return session.scalar(
        select(TrustedStationKey).where(
            TrustedStationKey.station_code == station_code,
            TrustedStationKey.fingerprint == fingerprint,
            TrustedStationKey.revoked_at.is_(None),
        )
    )


def trust(session: Session, key: KeyFile, by: str, *, replace: bool = False) -> TrustOutcome:
    """Add a station's key to the keyring (and the station, if HQ does not know it yet)."""
    station = session.get(Station, key.code)
    if station is not None and station.is_local:
        raise StationError(f"{key.code} is this HQ's own code, not a station's.")
    same = session.scalar(
        select(TrustedStationKey).where(TrustedStationKey.fingerprint == key.fingerprint)
    )
    if same is not None and same.station_code != key.code:
        raise StationError(
            f"Key {key.fingerprint} is already trusted as station {same.station_code}'s; "
            f"one key cannot speak for two stations."
        )
    if same is not None and same.revoked_at is None:
        return TrustOutcome(_info(same, station), added=False)
    current = active_key(session, key.code)
    if current is not None and not replace:
        raise StationError(
            f"Station {key.code} already has a trusted key ({current.fingerprint}). Replace "
            "it only if the station's desk was set up again; confirm the replacement."
        )
    now = utcnow()
    if current is not None:
        current.revoked_at, current.revoked_by = now, by
    if station is None:
        station = Station(
            code=key.code,
            name=key.name,
            district=key.district,
            state=key.state,
            is_local=False,
        )
        session.add(station)
    station.signing_public_key = key.public_key
    if same is not None:  # trusted once, revoked, now trusted again
        same.revoked_at, same.revoked_by, same.trusted_at, same.trusted_by = None, None, now, by
        row = same
    else:
        row = TrustedStationKey(
            station_code=key.code,
            public_key=key.public_key,
            fingerprint=key.fingerprint,
            trusted_at=now,
            trusted_by=by,
        )
        session.add(row)
    session.flush()
    return TrustOutcome(
        _info(row, station), added=True, replaced=current.fingerprint if current else None
    )


def keyring(session: Session) -> list[TrustedKeyInfo]:
    rows = session.execute(
        select(TrustedStationKey, Station)
        .join(Station, Station.code == TrustedStationKey.station_code)
        .order_by(TrustedStationKey.station_code, TrustedStationKey.trusted_at)
    )
    return [_info(key, station) for key, station in rows]
