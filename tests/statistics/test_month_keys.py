"""The edges of the grouped counts: one query per month's range, group keys packed from
codes for sex, case type and age band, the bucket a traced report was registered in."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from station_app.app import App
from station_app.domain import CaseType
from station_app.statistics.compute import monthly_statistics
from station_app.statistics.figures import AgeBand, MonthlyStatistics, SexCounts
from station_app.statistics.period import Period
from station_app.statistics.sql_expressions import unpacked
from tests.statistics.conftest import Register

Q3 = Period(date(2026, 7, 1), date(2026, 9, 30))
LAST_MOMENT_OF_JULY = datetime(2026, 7, 31, 23, 59, 59, 999999)


def figures(app: App, period: Period) -> MonthlyStatistics:
    with app.db.session() as session:
        return monthly_statistics(session, period)


def test_the_last_moment_of_a_month_and_midnight_after_it(app: App, register: Register) -> None:
    register.missing(LAST_MOMENT_OF_JULY, "female", LAST_MOMENT_OF_JULY)
    register.missing(datetime(2026, 8, 1), "male", datetime(2026, 8, 1))
    register.missing(datetime(2026, 7, 1), "male", datetime(2026, 9, 30, 23, 59, 59, 999999))
    stats = figures(app, Q3)
    assert [m.registered.children for m in stats.months] == [
        SexCounts(1, 1, 2),
        SexCounts(1, 0, 1),
        SexCounts(),
    ]
    assert [m.traced.children for m in stats.months] == [
        SexCounts(0, 1, 1),
        SexCounts(1, 0, 1),
        SexCounts(1, 0, 1),
    ]
    assert [m.median_days_to_trace for m in stats.months] == [0, 0, 91]


def test_december_then_january(app: App, register: Register) -> None:
    new_year = datetime(2026, 1, 1)
    register.missing(datetime(2025, 12, 31, 23, 59, 59, 999999), "female", new_year)
    register.missing(new_year, "male", datetime(2026, 2, 1))
    register.missing(datetime(2025, 11, 30, 23), "female", datetime(2025, 12, 1, 1))
    stats = figures(app, Period(date(2025, 12, 1), date(2026, 2, 28)))
    assert [m.month for m in stats.months] == ["2025-12", "2026-01", "2026-02"]
    assert [m.registered.children.total for m in stats.rows] == [1, 1, 0, 2]
    assert [m.traced.children.total for m in stats.rows] == [1, 1, 1, 3]
    assert [m.median_days_to_trace for m in stats.rows] == [1, 1, 31, 1]
    assert [m.pending_at_end for m in stats.months] == [1, 1, 0]
    assert stats.traced_registered_before == SexCounts(0, 1, 1)


def test_registered_before_a_period_starting_inside_a_month(app: App, register: Register) -> None:
    period = Period(date(2026, 7, 15), date(2026, 8, 20))
    register.missing(datetime(2026, 7, 14, 23, 59), "female", datetime(2026, 7, 20))
    register.missing(datetime(2026, 7, 15), "male", datetime(2026, 7, 20))
    register.missing(datetime(2026, 7, 10), "female", datetime(2026, 8, 25))  # traced after
    register.missing(datetime(2026, 8, 21), "female", datetime(2026, 8, 10))  # data error
    stats = figures(app, period)
    assert stats.traced_registered_before == SexCounts(0, 1, 1)
    assert [m.traced.children.total for m in stats.rows] == [2, 1, 3]
    # Pending: the one registered on 10 July, traced after the period, and from 15 July
    # the boy until he was traced (not at a month end); the data error never.
    assert [m.pending_at_end for m in stats.months] == [1, 1]
    assert [m.median_days_to_trace for m in stats.months] == [5.5, -11]


def test_case_types_and_ages_outside_the_known_ones(app: App, register: Register) -> None:
    july = datetime(2026, 7, 2)
    register.missing(july, "female", july, case_type="runaway", age_years=None)
    register.missing(july, "male", july, case_type="kidnapping", age_years=17.99)
    register.missing(july, "female", case_type="missing", age_years=18)
    register.missing(july, "female", age_years=None, age_min=None, age_max=12)
    register.missing(july, "female", age_years=0)
    tally = figures(app, Q3).total.registered
    assert tally.children == SexCounts(1, 4, 5)
    assert tally.case_type(CaseType.KIDNAPPING) == SexCounts(1, 0, 1)
    assert tally.case_type(CaseType.MISSING) == SexCounts(0, 3, 3)
    assert {band: tally.age_band(band).total for band in AgeBand} == {
        AgeBand.UP_TO_5: 1,
        AgeBand.FROM_6_TO_11: 0,
        AgeBand.FROM_12_TO_14: 1,
        AgeBand.FROM_15_TO_17: 1,
        AgeBand.ADULT: 1,
        AgeBand.UNKNOWN: 1,
    }


@pytest.mark.parametrize(
    ("key", "radices", "digits"),
    [
        (0, (3, 3), [0, 0, 0]),
        ((5 * 3 + 2) * 4 + 3, (3, 4), [5, 2, 3]),
        ((-2 * 3 + 1) * 4 + 0, (3, 4), [-2, 1, 0]),
    ],
)
def test_unpacking_gives_back_the_digits(
    key: int, radices: tuple[int, ...], digits: list[int]
) -> None:
    assert unpacked(key, *radices) == digits


def test_month_bounds_follow_the_period_and_the_calendar() -> None:
    period = Period(date(2025, 12, 15), date(2026, 2, 10))
    assert period.month_bounds() == [
        (datetime(2025, 12, 15), datetime(2026, 1, 1)),
        (datetime(2026, 1, 1), datetime(2026, 2, 1)),
        (datetime(2026, 2, 1), datetime(2026, 2, 11)),
    ]
    assert Period(date(2026, 3, 5), date(2026, 3, 5)).month_bounds() == [
        (datetime(2026, 3, 5), datetime(2026, 3, 6))
    ]
