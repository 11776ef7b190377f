"""Checking the audit chain: which rows were altered, inserted or deleted."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from station_app.audit import digest, head_key, parse_head
from station_app.db.models import AuditEvent, Setting

BATCH = 20_000


@dataclass
class ChainReport:
    station_code: str
    rows: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def intact(self) -> bool:
        return not self.problems


def _stations(session: Session) -> list[str]:
    codes = set(session.scalars(select(AuditEvent.station_code).distinct()))
    prefix = head_key("")
    codes |= {key[len(prefix):] for key in session.scalars(
        select(Setting.key).where(Setting.key.startswith(prefix)))}  # fmt: skip
    return sorted(codes)


def verify_station_chain(session: Session, station_code: str) -> ChainReport:
    report = ChainReport(station_code)
    query = (
        select(AuditEvent.seq, AuditEvent.id, AuditEvent.station_code, AuditEvent.at,
               AuditEvent.user_id, AuditEvent.username, AuditEvent.action,
               AuditEvent.record_type, AuditEvent.record_id, AuditEvent.details,
               AuditEvent.prev_hash, AuditEvent.row_hash)
        .where(AuditEvent.station_code == station_code)
        .order_by(AuditEvent.seq)
        .execution_options(yield_per=BATCH)
    )  # fmt: skip
    expected_prev = ""
    previous_seq: int | None = None
    for seq, *fields, prev_hash, row_hash in session.connection().execute(query):
        report.rows += 1
        if prev_hash != expected_prev:
            after = f"after row {previous_seq}" if previous_seq is not None else "at the start"
            report.problems.append(
                f"row {seq}: the chain is broken {after}: rows were deleted or inserted here"
            )
        if digest(prev_hash, *fields) != row_hash:
            report.problems.append(f"row {seq}: its contents were altered")
        expected_prev = row_hash
        previous_seq = seq
    _check_head(session, report, expected_prev)
    return report


def _check_head(session: Session, report: ChainReport, last_hash: str) -> None:
    head = session.get(Setting, head_key(report.station_code))
    if head is None:
        if report.rows:
            report.problems.append("the record of the chain's end is missing")
        return
    count, head_hash = parse_head(head.value)
    if count > report.rows:
        report.problems.append(
            f"{count - report.rows} row(s) were deleted (the log should hold {count})"
        )
    elif count < report.rows:
        report.problems.append(
            f"{report.rows - count} row(s) more than were written (the log should hold {count})"
        )
    elif head_hash != last_hash:
        report.problems.append("the last row does not match the recorded end of the chain")


def verify_audit(session: Session) -> list[ChainReport]:
    """One report per station chain in this database (HQ holds several)."""
    return [verify_station_chain(session, code) for code in _stations(session)]
