"""Periods: whole days at both ends, cut into the calendar months they touch."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from station_app.statistics.period import InvalidPeriod, Period, parse_day


def test_the_last_day_is_included_to_its_last_moment() -> None:
    period = Period(date(2026, 7, 1), date(2026, 9, 30))
    assert period.start == datetime(2026, 7, 1)
    assert period.end == datetime(2026, 10, 1)


def test_months_are_cut_at_the_period_bounds() -> None:
    months = Period(date(2024, 1, 31), date(2024, 3, 2)).months()
    assert [(m.key, m.first_day, m.last_day, m.is_whole) for m in months] == [
        ("2024-01", date(2024, 1, 31), date(2024, 1, 31), False),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29), True),
        ("2024-03", date(2024, 3, 1), date(2024, 3, 2), False),
    ]


def test_a_period_may_cross_the_year() -> None:
    keys = [m.key for m in Period(date(2025, 11, 1), date(2026, 2, 28)).months()]
    assert keys == ["2025-11", "2025-12", "2026-01", "2026-02"]


def test_a_single_day_is_a_period() -> None:
    assert [m.key for m in Period(date(2026, 7, 4), date(2026, 7, 4)).months()] == ["2026-07"]


def test_a_period_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(InvalidPeriod, match="starts on 2026-10-01, after it ends on 2026-09-30"):
        Period(date(2026, 10, 1), date(2026, 9, 30))


@pytest.mark.parametrize("text", ["2026-13-01", "30-09-2026", "2026-09-31", "yesterday", ""])
def test_unreadable_dates_say_how_to_write_one(text: str) -> None:
    with pytest.raises(InvalidPeriod, match="write it as YYYY-MM-DD"):
        parse_day(text)


def test_a_date_is_read_as_written() -> None:
    assert parse_day(" 2026-09-30 ") == date(2026, 9, 30)
