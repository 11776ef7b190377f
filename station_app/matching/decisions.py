"""Officers' verdicts on (found child, complaint) pairs, read and written within a session.

A decision is "confirmed" or "rejected". Undoing one keeps the row, marked with who undid it
and when, so the history stays complete. Only decisions not undone are active.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from station_app.db.models import MatchDecision

DecisionKind = Literal["confirmed", "rejected"]
CONFIRMED: DecisionKind = "confirmed"
REJECTED: DecisionKind = "rejected"


@dataclass(frozen=True, slots=True)
class Decision:
    id: str
    found_id: str
    missing_id: str
    decision: str
    reason: str
    score: float | None
    decided_by: str
    decided_at: datetime
    undone_by: str | None
    undone_at: datetime | None

    @property
    def active(self) -> bool:
        return self.undone_at is None


def to_decision(row: MatchDecision) -> Decision:
    return Decision(
        row.id,
        row.found_id,
        row.missing_id,
        row.decision,
        row.reason,
        row.score,
        row.decided_by,
        row.decided_at,
        row.undone_by,
        row.undone_at,
    )


def active_rows(
    session: Session, *, found_id: str | None = None, missing_id: str | None = None
) -> list[MatchDecision]:
    """Active decisions about a found child, a complaint, or one pair, oldest first."""
    query = select(MatchDecision).where(MatchDecision.undone_at.is_(None))
    if found_id is not None:
        query = query.where(MatchDecision.found_id == found_id)
    if missing_id is not None:
        query = query.where(MatchDecision.missing_id == missing_id)
    return list(session.scalars(query.order_by(MatchDecision.decided_at)))


def pair_history(session: Session, found_id: str, missing_id: str) -> list[Decision]:
    rows = session.scalars(
        select(MatchDecision)
        .where(MatchDecision.found_id == found_id, MatchDecision.missing_id == missing_id)
        .order_by(MatchDecision.decided_at)
    )
    return [to_decision(row) for row in rows]


def rejected_partners(session: Session, kind_column: str, record_id: str) -> set[str]:
    """Ids paired with `record_id` in an active rejection. `kind_column` names the column
    holding `record_id`: "found_id" or "missing_id"."""
    mine = getattr(MatchDecision, kind_column)
    other = MatchDecision.missing_id if kind_column == "found_id" else MatchDecision.found_id
    rows = session.scalars(
        select(other).where(
            mine == record_id,
            MatchDecision.decision == REJECTED,
            MatchDecision.undone_at.is_(None),
        )
    )
    return set(rows)


def all_rejections(session: Session) -> dict[str, set[str]]:
    """found id -> complaint ids rejected for it (active rejections only)."""
    pairs: dict[str, set[str]] = {}
    rows = session.execute(
        select(MatchDecision.found_id, MatchDecision.missing_id).where(
            MatchDecision.decision == REJECTED, MatchDecision.undone_at.is_(None)
        )
    )
    for found_id, missing_id in rows:
        pairs.setdefault(found_id, set()).add(missing_id)
    return pairs


def add(
    session: Session,
    found_id: str,
    missing_id: str,
    decision: DecisionKind,
    by: str,
    station_code: str,
    reason: str = "",
    score: float | None = None,
) -> MatchDecision:
    row = MatchDecision(
        found_id=found_id,
        missing_id=missing_id,
        decision=decision,
        reason=reason,
        score=score,
        decided_by=by,
        station_code=station_code,
    )
    session.add(row)
    session.flush()
    return row


def undo(row: MatchDecision, by: str, at: datetime) -> None:
    row.undone_by = by
    row.undone_at = at
    row.version += 1
