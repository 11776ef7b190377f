"""The append-only audit log. Each row carries the hash of the row before it, so an
altered, inserted or deleted row breaks the chain from that point on."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from station_app.db.base import new_uuid, utcnow
from station_app.db.models import AuditEvent
from station_app.domain import AuditEntry, UserInfo


def row_digest(prev_hash: str, event: AuditEvent) -> str:
    canonical = json.dumps(
        [
            prev_hash,
            event.id,
            event.station_code,
            event.at.isoformat(),
            event.user_id,
            event.username,
            event.action,
            event.record_type,
            event.record_id,
            event.details,
        ],
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
        default=str,
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


class AuditLog:
    """Writes audit rows within one session, keeping the chain's head in memory."""

    def __init__(self, session: Session, actor: UserInfo) -> None:
        self._session = session
        self._actor = actor
        self._last_hash: str | None = None

    def record(
        self,
        action: str,
        record_type: str = "",
        record_id: str | None = None,
        details: dict[str, object] | None = None,
        at: datetime | None = None,
    ) -> None:
        if self._last_hash is None:
            self._last_hash = (
                self._session.scalar(
                    select(AuditEvent.row_hash).order_by(AuditEvent.seq.desc()).limit(1)
                )
                or ""
            )
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
        event.row_hash = row_digest(self._last_hash, event)
        self._session.add(event)
        self._last_hash = event.row_hash


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
