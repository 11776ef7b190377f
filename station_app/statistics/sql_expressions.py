"""SQL expressions the report groups by, written once for SQLite and PostgreSQL.

Months are found by comparing a date column with the month boundaries computed in
Python, not with strftime (SQLite) or date_trunc (PostgreSQL): the comparison is the
same SQL on both, respects a period that starts or ends inside a month, and compares
the stored value directly, so the WHERE on the same column can use its index. The
comparisons form a balanced tree, so a row costs log2(months) comparisons.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Date, Integer, SQLColumnExpression, case, cast, func, literal_column
from sqlalchemy.sql.elements import ColumnElement

from station_app.statistics.figures import AgeBand

# Upper bounds (exclusive) of each age band, in years.
_BAND_LIMITS = (
    (6.0, AgeBand.UP_TO_5),
    (12.0, AgeBand.FROM_6_TO_11),
    (15.0, AgeBand.FROM_12_TO_14),
    (18.0, AgeBand.FROM_15_TO_17),
)


def _integer(value: int) -> ColumnElement[int]:
    return literal_column(str(value), Integer)


def count_cuts_at_or_before(
    column: SQLColumnExpression[Any], cuts: Sequence[datetime], offset: int = 0
) -> ColumnElement[int]:
    """How many of the sorted `cuts` are <= the column's value (Python's bisect_right).

    With the month starts as cuts, this is the index of the month a moment falls in.
    """
    if not cuts:
        return _integer(offset)
    middle = len(cuts) // 2
    return case(
        (
            column < cuts[middle],
            count_cuts_at_or_before(column, cuts[:middle], offset),
        ),
        else_=count_cuts_at_or_before(column, cuts[middle + 1 :], offset + middle + 1),
    )


def age_at_registration(model: Any) -> ColumnElement[float]:
    """The age written, else the middle of the estimated range, else whichever end is known."""
    middle = (model.age_min + model.age_max) / 2.0
    return func.coalesce(model.age_years, middle, model.age_min, model.age_max)


def age_band(model: Any) -> ColumnElement[str]:
    age = age_at_registration(model)
    whens: list[tuple[ColumnElement[bool], ColumnElement[str]]] = [
        (age < limit, literal_column(f"'{band.value}'")) for limit, band in _BAND_LIMITS
    ]
    return case(
        (age.is_(None), literal_column(f"'{AgeBand.UNKNOWN.value}'")),
        *whens,
        else_=literal_column(f"'{AgeBand.ADULT.value}'"),
    )


def whole_days_between(
    dialect: str, earlier: SQLColumnExpression[Any], later: SQLColumnExpression[Any]
) -> ColumnElement[int]:
    """Calendar days from the date of `earlier` to the date of `later`."""
    if dialect == "sqlite":
        days = func.julianday(func.date(later)) - func.julianday(func.date(earlier))
        return cast(days, Integer)
    return cast(cast(later, Date) - cast(earlier, Date), Integer)
