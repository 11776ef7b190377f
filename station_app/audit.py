"""The append-only audit log, a hash chain per station.

Each row carries the hash of the station's row before it, so an altered, inserted or
deleted row breaks the chain from that point on. The chain's head (how many rows, last
hash) is kept in the settings table too, so cutting rows off the end shows as well.
Writing the head first also serialises writers: two sessions can never both extend the
chain from the same row.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from station_app.db.base import new_uuid, utcnow
from station_app.db.models import AuditEvent, Setting
from station_app.domain import AuditEntry, UserInfo


def head_key(station_code: str) -> str:
    return f"audit.head.{station_code}"


def parse_head(value: str) -> tuple[int, str]:
    count, _, last_hash = value.partition(":")
    return int(count), last_hash


def digest(
    prev_hash: str,
    event_id: str,
    station_code: str,
    at: datetime,
    user_id: str | None,
    username: str,
    action: str,
    record_type: str,
    record_id: str | None,
    details: object,
) -> str:
    canonical = json.dumps(
        [prev_hash, event_id, station_code, at.isoformat(), user_id, username, action,
         record_type, record_id, details],
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
        default=str,
    )  # fmt: skip
    return hashlib.sha256(canonical.encode()).hexdigest()


class AuditLog:
    """Writes audit rows within one session, keeping the chain's head in memory."""

    def __init__(self, session: Session, actor: UserInfo) -> None:
        self._session = session
        self._actor = actor
        self._head: Setting | None = None
        self._count = 0
        self._last_hash = ""

    def _lock_head(self) -> Setting:
        key = head_key(self._actor.station_code)
        # A write first: it takes SQLite's write lock (a row lock on PostgreSQL) before
        # the head is read, so no other writer can read the same head meanwhile.
        self._session.execute(update(Setting).where(Setting.key == key).values(value=Setting.value))
        head = self._session.get(Setting, key, with_for_update=True, populate_existing=True)
        if head is None:
            head = Setting(key=key, value="0:")
            self._session.add(head)
        self._count, self._last_hash = parse_head(head.value)
        return head

    def record(
        self,
        action: str,
        record_type: str = "",
        record_id: str | None = None,
        details: dict[str, object] | None = None,
        at: datetime | None = None,
    ) -> None:
        if self._head is None:
            self._head = self._lock_head()
        event = AuditEvent(
            id=new_uuid(),
            station_code=self._actor.station_code,
            at=at or utcnow(),
            user_id=self._actor.id,
            username=self._actor.username,
            action=action,
            record_type=record_type,
            record_id=record_id,
            details=details or {},
            prev_hash=self._last_hash,
        )
        event.row_hash = digest(
            self._last_hash, event.id, event.station_code, event.at, event.user_id,
            event.username, event.action, event.record_type, event.record_id, event.details,
        )  # fmt: skip
        self._session.add(event)
        self._count += 1
        self._last_hash = event.row_hash
        self._head.value = f"{self._count}:{self._last_hash}"


def summarise(event: AuditEvent) -> str:
    details = event.details or {}
    changed = details.get("changed")
    if isinstance(changed, dict) and changed:
        return "changed " + ", ".join(sorted(changed))
    note = details.get("summary")
    return str(note) if note else ""


def history(session: Session, record_id: str) -> list[AuditEntry]:
    """Everything the log holds about one record, oldest first."""
    rows = session.scalars(
        select(AuditEvent).where(AuditEvent.record_id == record_id).order_by(AuditEvent.seq)
    )
    return [
        AuditEntry(e.seq, e.at, e.username, e.action, e.record_type, e.record_id, summarise(e))
        for e in rows
    ]
