"""Found children per month: received at the station, restored, and now in a shelter.

Received counts found-child records by registered_at (when the station took the child
in). Restored counts restored_at. The register keeps no date of sending a child to a
shelter, so "in shelter" counts the children received in the month whose status is
in_shelter now.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session

from station_app.db.models import FoundChild
from station_app.domain import FoundStatus
from station_app.statistics.figures import FoundFigures
from station_app.statistics.period import Period
from station_app.statistics.sql_expressions import count_cuts_at_or_before


def found_by_month(session: Session, period: Period) -> list[FoundFigures]:
    months = len(period.months())
    received, in_shelter = [0] * months, [0] * months
    for month, count, sheltered in session.execute(_received(period)):
        received[month] += count
        in_shelter[month] += sheltered or 0
    restored = [0] * months
    for month, count in session.execute(_restored(period)):
        restored[month] += count
    return [FoundFigures(*figures) for figures in zip(received, restored, in_shelter, strict=True)]


def _received(period: Period) -> Select[int, int, Any]:
    month = count_cuts_at_or_before(FoundChild.registered_at, period.month_starts())
    sheltered = case((FoundChild.status == FoundStatus.IN_SHELTER.value, 1), else_=0)
    return (
        select(month.label("month_index"), func.count(), func.sum(sheltered))
        .where(FoundChild.registered_at >= period.start, FoundChild.registered_at < period.end)
        .group_by("month_index")
    )


def _restored(period: Period) -> Select[int, int]:
    month = count_cuts_at_or_before(FoundChild.restored_at, period.month_starts())
    return (
        select(month.label("month_index"), func.count())
        .where(FoundChild.restored_at >= period.start, FoundChild.restored_at < period.end)
        .group_by("month_index")
    )
