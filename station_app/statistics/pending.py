"""Missing reports still pending at the end of each month.

A report is pending at a moment if it was registered before it and was not yet
traced or closed. An open report is pending, whatever else it holds. A report with a
traced_at stops being pending then. The register keeps no date of closing: a closed
report with no traced_at is taken as closed at its last change (updated_at), the
latest moment it can have been closed.

Each group of reports below is known by when it was registered and when it stopped
being pending, as bucket numbers over the period's month ends: 0 before the period,
m + 1 within month m, months + 1 after the period. The groups come from
- the traced cells already counted for the report (traced within the period);
- open reports: one COUNT before the period and one per month within it, all answered
  from the (status, registered_at) index alone;
- reports traced after the period but registered before its end;
- closed reports with no traced_at (few).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import accumulate
from typing import Any

from sqlalchemy import ColumnElement, bindparam, func, select
from sqlalchemy.orm import Session

from station_app.db.models import MissingReport
from station_app.domain import MissingStatus
from station_app.statistics.missing_counts import Cell
from station_app.statistics.period import Period
from station_app.statistics.sql_expressions import count_cuts_at_or_before

Group = tuple[int, int, int]
"""(bucket registered in, bucket stopped being pending in, reports)."""


def pending_at_month_ends(session: Session, period: Period, traced: Sequence[Cell]) -> list[int]:
    months = len(period.months())
    never = months + 1
    open_before = session.scalar(
        select(func.count()).where(
            MissingReport.status == MissingStatus.OPEN.value,
            MissingReport.registered_at < period.start,
        )
    )
    groups: list[Group] = [
        (cell.registered_in or 0, cell.month + 1, cell.children)
        for cell in traced
        if not cell.still_open
    ]
    groups += _open_in_period(session, period, never)
    groups += _traced_after(session, period, never)
    groups += _closed_undated(session, period)
    # Each group adds its count at the first month end it is pending at, and takes it
    # off at the first it is not; the running sum is then the pending count.
    changes = [0] * (months + 1)
    for registered_in, stopped_in, reports in groups:
        first, stop = max(registered_in - 1, 0), min(stopped_in - 1, months)
        if first < stop:
            changes[first] += reports
            changes[stop] -= reports
    return [(open_before or 0) + running for running in accumulate(changes[:months])]


def _bucket(period: Period, column: Any) -> ColumnElement[int]:
    return count_cuts_at_or_before(column, [period.start, *period.month_ends()])


def _open_in_period(session: Session, period: Period, never: int) -> list[Group]:
    """Open reports registered in each month: one COUNT over the month's index range each
    (cheaper than grouping the whole period's by a bucket expression, which sorts them)."""
    model = MissingReport
    statement = select(func.count()).where(
        model.status == MissingStatus.OPEN.value,
        model.registered_at >= bindparam("first"),
        model.registered_at < bindparam("after"),
    )
    counts = [
        session.scalar(statement, {"first": first, "after": after}) or 0
        for first, after in period.month_bounds()
    ]
    return [(month + 1, never, count) for month, count in enumerate(counts) if count]


def _traced_after(session: Session, period: Period, never: int) -> list[Group]:
    """Reports registered before the period's end and traced after it."""
    model = MissingReport
    statement = (
        select(_bucket(period, model.registered_at).label("registered_in"), func.count())
        .where(
            model.traced_at >= period.end,
            model.registered_at < period.end,
            model.status != MissingStatus.OPEN.value,
        )
        .group_by("registered_in")
    )
    return [(int(bucket), never, count) for bucket, count in session.execute(statement)]


def _closed_undated(session: Session, period: Period) -> list[Group]:
    model = MissingReport
    statement = (
        select(
            _bucket(period, model.registered_at).label("registered_in"),
            _bucket(period, model.updated_at).label("closed_in"),
            func.count(),
        )
        .where(
            model.status == MissingStatus.CLOSED.value,
            model.traced_at.is_(None),
            model.updated_at >= period.start,
            model.registered_at < period.end,
        )
        .group_by("registered_in", "closed_in")
    )
    return [(int(first), int(stop), count) for first, stop, count in session.execute(statement)]
