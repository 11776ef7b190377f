"""Facts about this installation kept in the settings table: station or district HQ, and
(at a station) the HQ its batches are encrypted for."""

from __future__ import annotations

from sqlalchemy.orm import Session

from station_app.db.models import Setting

ROLE = "installation.role"
HQ_ROLE = "hq"
# At a station: the HQ that batches are encrypted for (set by `keys set-hq`).
STATION_HQ_KEY = "sync.hq.public_key"
STATION_HQ_CODE = "sync.hq.code"
STATION_HQ_NAME = "sync.hq.name"
# At HQ: its own encryption public key (the private key is a file in keys/).
HQ_PUBLIC_KEY = "hq.encryption_public_key"


def get_setting(session: Session, key: str) -> str | None:
    row = session.get(Setting, key)
    return row.value if row else None


def set_setting(session: Session, key: str, value: str) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value


def is_hq(session: Session) -> bool:
    return get_setting(session, ROLE) == HQ_ROLE
