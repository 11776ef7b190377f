"""Found children per month: received at the station, restored, and now in a shelter.

Received counts found-child records by registered_at (when the station took the child
in). Restored counts restored_at. The register keeps no date of sending a child to a
shelter, so "in shelter" counts the children received in the month whose status is
in_shelter now.
"""

from __future__ import annotations

from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.orm import Session

from station_app.db.models import FoundChild
from station_app.domain import FoundStatus
from station_app.statistics.figures import FoundFigures
from station_app.statistics.period import Period
from station_app.statistics.sql_expressions import count_cuts_at_or_before


def found_by_month(session: Session, period: Period) -> list[FoundFigures]:
    months = len(period.months())
    received, in_shelter = _received(session, period)
    restored = [0] * months
    for month, count in session.execute(_restored(period)):
        restored[month] += count
    return [FoundFigures(*figures) for figures in zip(received, restored, in_shelter, strict=True)]


def _received(session: Session, period: Period) -> tuple[list[int], list[int]]:
    """Children received in each month, and of them those in a shelter now: two COUNTs
    per month, answered from the registered_at and (status, registered_at) indexes alone."""
    model = FoundChild
    in_month = (model.registered_at >= bindparam("first"), model.registered_at < bindparam("after"))
    every = select(func.count()).where(*in_month)
    sheltered = every.where(model.status == FoundStatus.IN_SHELTER.value)
    bounds = [{"first": first, "after": after} for first, after in period.month_bounds()]
    return (
        [session.scalar(every, span) or 0 for span in bounds],
        [session.scalar(sheltered, span) or 0 for span in bounds],
    )


def _restored(period: Period) -> Select[int, int]:
    month = count_cuts_at_or_before(FoundChild.restored_at, period.month_starts())
    return (
        select(month.label("month_index"), func.count())
        .where(FoundChild.restored_at >= period.start, FoundChild.restored_at < period.end)
        .group_by("month_index")
    )
