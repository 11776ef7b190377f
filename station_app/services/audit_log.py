"""Reading the audit log: a filtered page of events, and the check of its hash chains.

For the station in-charge's audit viewer and `station-app audit list`. Events come back
newest first as plain frozen rows; the record each one is about is named by its case
number (or user name) where the log holds only an id. Dates of a filter are days of
this computer's calendar, as the officer reads them; the log itself stores UTC.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from station_app.app import App
from station_app.audit import AuditLog, summarise
from station_app.audit_verify import ChainReport, verify_audit
from station_app.db.models import AuditEvent, FoundChild, MissingReport, User
from station_app.domain import UserInfo
from station_app.errors import InvalidInput, Problem
from station_app.permissions import Action, require
from station_app.services.registers import find_by_reference

MAX_LIMIT = 1000
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class AuditFilter:
    """Which events to show; every field left empty lets all through."""

    username: str = ""
    action: str = ""
    record: str = ""  # a case number, register ref or id
    since: date | None = None  # first day, inclusive (this computer's calendar)
    until: date | None = None  # last day, inclusive
    text: str = ""  # anywhere in the event's summary


@dataclass(frozen=True, slots=True)
class AuditRow:
    seq: int
    at: datetime  # UTC, naive, as stored
    station_code: str
    username: str
    action: str
    record_type: str
    record_id: str | None
    record_label: str  # case number, user name, or the id itself
    summary: str
    details: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class AuditPage:
    rows: tuple[AuditRow, ...]
    total: int  # events matching the filter, on every page
    offset: int
    limit: int


@dataclass(frozen=True, slots=True)
class ChainProblem:
    """One finding of the chain check. `kind` names it; `row` is the seq it is about."""

    kind: str  # broken, altered, end_missing, deleted, extra, end_differs, other
    row: int | None
    count: int | None
    text: str  # the checker's English sentence


@dataclass(frozen=True, slots=True)
class ChainCheck:
    station_code: str
    rows: int
    problems: tuple[ChainProblem, ...]

    @property
    def intact(self) -> bool:
        return not self.problems


_PROBLEM_PATTERNS = (
    ("broken", re.compile(r"^row (\d+): the chain is broken")),
    ("altered", re.compile(r"^row (\d+): its contents were altered")),
    ("deleted", re.compile(r"^(\d+) row\(s\) were deleted")),
    ("extra", re.compile(r"^(\d+) row\(s\) more than were written")),
    ("end_missing", re.compile(r"^the record of the chain's end is missing")),
    ("end_differs", re.compile(r"^the last row does not match")),
)


def local_day_start(day: date) -> datetime:
    """Midnight of `day` on this computer's clock, as naive UTC (how the log stores time)."""
    return datetime.combine(day, time.min).astimezone(UTC).replace(tzinfo=None)


def _check(filters: AuditFilter, limit: int, offset: int) -> None:
    problems = []
    if not 1 <= limit <= MAX_LIMIT:
        problems.append(Problem(f"must be between 1 and {MAX_LIMIT}", field="limit"))
    if offset < 0:
        problems.append(Problem("must not be negative", field="offset"))
    if filters.since and filters.until and filters.since > filters.until:
        problems.append(Problem("is after the last day", field="since"))
    if problems:
        raise InvalidInput(problems)


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _where(session: Session, query: Select[T], filters: AuditFilter) -> Select[T]:
    if filters.username.strip():
        query = query.where(AuditEvent.username == filters.username.strip())
    if filters.action.strip():
        query = query.where(AuditEvent.action == filters.action.strip())
    if filters.record.strip():
        wanted = filters.record.strip()
        ids = {row.id for row in find_by_reference(session, None, wanted)} | {wanted}
        query = query.where(AuditEvent.record_id.in_(ids))
    if filters.since is not None:
        query = query.where(AuditEvent.at >= local_day_start(filters.since))
    if filters.until is not None:
        query = query.where(AuditEvent.at < local_day_start(filters.until + timedelta(days=1)))
    if filters.text.strip():
        summary = AuditEvent.details["summary"].as_string()
        query = query.where(summary.ilike(_like(filters.text.strip()), escape="\\"))
    return query


def _labels(session: Session, events: Iterable[AuditEvent]) -> dict[str, str]:
    """Case numbers and user names of the records these events are about, by id."""
    by_type: dict[str, set[str]] = {}
    for event in events:
        if event.record_id:
            by_type.setdefault(event.record_type, set()).add(event.record_id)
    labels: dict[str, str] = {}
    for model in (MissingReport, FoundChild):
        ids = by_type.get("missing", set()) | by_type.get("found", set())
        if ids:
            query = select(model.id, model.case_number).where(model.id.in_(ids))
            labels.update({id_: number for id_, number in session.execute(query)})
    if by_type.get("user"):
        query = select(User.id, User.username).where(User.id.in_(by_type["user"]))
        labels.update({id_: name for id_, name in session.execute(query)})
    return labels


def _row(event: AuditEvent, labels: Mapping[str, str]) -> AuditRow:
    record_id = event.record_id
    return AuditRow(
        seq=event.seq,
        at=event.at,
        station_code=event.station_code,
        username=event.username,
        action=event.action,
        record_type=event.record_type,
        record_id=record_id,
        record_label=labels.get(record_id, record_id) if record_id else "",
        summary=summarise(event),
        details=dict(event.details or {}),
    )


def list_events(
    app: App,
    user: UserInfo,
    filters: AuditFilter | None = None,
    *,
    limit: int = 100,
    offset: int = 0,
) -> AuditPage:
    """One page of the events matching `filters`, newest first, and how many match."""
    require(user, Action.VIEW_AUDIT)
    filters = filters or AuditFilter()
    _check(filters, limit, offset)
    with app.db.read_session() as session:
        total = session.scalar(_where(session, select(func.count(AuditEvent.seq)), filters)) or 0
        query = _where(session, select(AuditEvent), filters)
        newest_first = query.order_by(AuditEvent.seq.desc()).limit(limit).offset(offset)
        events = list(session.scalars(newest_first))
        labels = _labels(session, events)
        rows = tuple(_row(event, labels) for event in events)
    return AuditPage(rows, total, offset, limit)


def filter_choices(app: App, user: UserInfo) -> tuple[list[str], list[str]]:
    """The user names and the action names that occur in the log, for the filter lists."""
    require(user, Action.VIEW_AUDIT)
    with app.db.read_session() as session:
        names = session.scalars(
            select(AuditEvent.username).distinct().order_by(AuditEvent.username)
        )
        actions = session.scalars(select(AuditEvent.action).distinct().order_by(AuditEvent.action))
        return list(names), list(actions)


def record_viewer_opened(app: App, user: UserInfo) -> None:
    """Looking at the log is itself recorded: once when the viewer opens, not per page."""
    require(user, Action.VIEW_AUDIT)
    with app.db.session() as session:
        AuditLog(session, user).record(
            "audit_view", "audit", None, {"summary": "opened the audit log"}
        )


def _problem(text: str) -> ChainProblem:
    for kind, pattern in _PROBLEM_PATTERNS:
        match = pattern.match(text)
        if match:
            number = int(match.group(1)) if match.groups() else None
            row = number if kind in ("broken", "altered") else None
            count = number if kind in ("deleted", "extra") else None
            return ChainProblem(kind, row, count, text)
    return ChainProblem("other", None, None, text)


def _chain_check(report: ChainReport) -> ChainCheck:
    problems = tuple(_problem(text) for text in report.problems)
    return ChainCheck(report.station_code, report.rows, problems)


def verify_chain(app: App, user: UserInfo) -> list[ChainCheck]:
    """Check every station's chain (as `station-app audit verify` does); the check is logged."""
    require(user, Action.VIEW_AUDIT)
    with app.db.read_session() as session:
        checks = [_chain_check(report) for report in verify_audit(session)]
    intact = all(check.intact for check in checks)
    with app.db.session() as session:
        AuditLog(session, user).record(
            "audit_verify", "audit", None, {"summary": "intact" if intact else "NOT intact"}
        )
    return checks
