"""How long tracing took: the median number of days from registration to tracing.

The database returns, per month of tracing, how many children were traced after each
whole number of days: a histogram of at most (months x distinct day counts) rows,
whatever the number of records. The median is read off the histogram exactly, so no
record is loaded. Each month is one grouped query over its range of the traced_at
index: SQLite groups by sorting, and a month's rows sort much faster than the whole
period's at once (0.9 s -> 0.5 s, with the cheaper day count, over 700,000 children
traced). Adding the day count to the traced query's groups instead was measured slower
on 1,000,000 reports: it returns about one row for every three records traced.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from station_app.db.models import MissingReport
from station_app.statistics.period import Period
from station_app.statistics.sql_expressions import whole_days_between

Histogram = Mapping[int, int]


def days_to_trace_by_month(session: Session, period: Period) -> list[Counter[int]]:
    """Per month of the period: {days from registration to tracing: children}."""
    model = MissingReport
    dialect = session.get_bind().dialect.name
    days = whole_days_between(dialect, model.registered_at, model.traced_at)
    statement = (
        select(days.label("days"), func.count())
        .where(model.traced_at >= bindparam("first"), model.traced_at < bindparam("after"))
        .group_by("days")
    )
    histograms: list[Counter[int]] = []
    for first, after in period.month_bounds():
        rows = session.execute(statement, {"first": first, "after": after})
        histograms.append(Counter({int(day_count): children for day_count, children in rows}))
    return histograms


def median(histogram: Histogram) -> float | None:
    """The median of the values a histogram counts; the mean of the middle two if even."""
    size = sum(histogram.values())
    if size == 0:
        return None
    lower_rank, upper_rank = (size - 1) // 2, size // 2
    lower = upper = None
    seen = 0
    for value in sorted(histogram):
        seen += histogram[value]
        if lower is None and seen > lower_rank:
            lower = value
        if seen > upper_rank:
            upper = value
            break
    assert lower is not None and upper is not None
    return (lower + upper) / 2
