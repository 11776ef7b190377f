"""All the figures of a monthly report, from a handful of grouped queries."""

from __future__ import annotations

from collections import Counter

from sqlalchemy.orm import Session

from station_app.statistics.figures import TOTAL, FoundFigures, MonthFigures, MonthlyStatistics
from station_app.statistics.found_counts import found_by_month
from station_app.statistics.missing_counts import (
    cells_by_month,
    registered_cells,
    sex_counts,
    tally,
    traced_cells,
)
from station_app.statistics.pending import pending_at_month_ends
from station_app.statistics.period import Period
from station_app.statistics.trace_times import days_to_trace_by_month, median


def monthly_statistics(session: Session, period: Period) -> MonthlyStatistics:
    spans = period.months()
    registered = registered_cells(session, period)
    traced = traced_cells(session, period)
    pending = pending_at_month_ends(session, period, traced)
    found = found_by_month(session, period)
    days = days_to_trace_by_month(session, period)
    months = tuple(
        MonthFigures(
            month=span.key,
            first_day=span.first_day,
            last_day=span.last_day,
            registered=tally(month_registered),
            traced=tally(month_traced),
            pending_at_end=month_pending,
            found=month_found,
            median_days_to_trace=median(month_days),
        )
        for span, month_registered, month_traced, month_pending, month_found, month_days in zip(
            spans,
            cells_by_month(registered, len(spans)),
            cells_by_month(traced, len(spans)),
            pending,
            found,
            days,
            strict=True,
        )
    )
    total = MonthFigures(
        month=TOTAL,
        first_day=period.first_day,
        last_day=period.last_day,
        registered=tally(registered),
        traced=tally(traced),
        pending_at_end=pending[-1],
        found=FoundFigures(
            sum(f.received for f in found),
            sum(f.restored for f in found),
            sum(f.in_shelter for f in found),
        ),
        median_days_to_trace=median(sum(days, Counter())),
    )
    earlier = sex_counts(cell for cell in traced if cell.registered_earlier)
    return MonthlyStatistics(period, months, total, earlier)
