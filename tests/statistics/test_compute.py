"""The figures of a monthly report, checked against registers built by hand."""

from __future__ import annotations

from datetime import date, datetime

from station_app.app import App
from station_app.domain import CaseType
from station_app.statistics.compute import monthly_statistics
from station_app.statistics.figures import AgeBand, MonthlyStatistics, SexCounts
from station_app.statistics.period import Period
from tests.statistics.conftest import Register

Q3 = Period(date(2026, 7, 1), date(2026, 9, 30))


def figures(app: App, period: Period) -> MonthlyStatistics:
    with app.db.session() as session:
        return monthly_statistics(session, period)


def test_traced_month_by_month_as_in_the_press_note(
    app: App, press_note_register: Register
) -> None:
    stats = figures(app, Q3)
    traced = {m.month: m.traced.children for m in stats.rows}
    assert traced == {
        "2026-07": SexCounts(boys=3, girls=26, total=29),
        "2026-08": SexCounts(boys=2, girls=25, total=27),
        "2026-09": SexCounts(boys=6, girls=64, total=70),
        "total": SexCounts(boys=11, girls=115, total=126),
    }


def test_registered_counts_only_reports_registered_in_the_month(
    app: App, press_note_register: Register
) -> None:
    stats = figures(app, Q3)
    registered = {m.month: m.registered.children for m in stats.rows}
    assert registered == {
        "2026-07": SexCounts(boys=3, girls=21, total=24),
        "2026-08": SexCounts(boys=2, girls=20, total=22),
        "2026-09": SexCounts(boys=7, girls=39, total=46),
        "total": SexCounts(boys=12, girls=80, total=92),
    }
    assert stats.total.registered.case_type(CaseType.KIDNAPPING) == SexCounts(0, 9, 9)


def test_pending_at_month_end_in_the_press_note_register(
    app: App, press_note_register: Register
) -> None:
    # July: 30 of March's girls (traced 1 September), 5 of July's (traced in August) and
    # the boy registered on 30 June (traced 2 October). August: March's 30 and that boy.
    # September: the 5 still open, the girl traced on 1 October and that boy.
    assert [m.pending_at_end for m in figures(app, Q3).rows] == [36, 31, 7, 7]


def test_children_traced_in_the_period_but_registered_before_it_are_told_apart(
    app: App, press_note_register: Register
) -> None:
    assert figures(app, Q3).traced_registered_before == SexCounts(boys=0, girls=40, total=40)


def test_other_and_unknown_sex_count_in_the_totals_only(app: App, register: Register) -> None:
    register.missing(datetime(2026, 7, 2), "male", datetime(2026, 7, 9))
    register.missing(datetime(2026, 7, 2), "other", datetime(2026, 7, 9))
    register.missing(datetime(2026, 7, 3), "unknown", datetime(2026, 7, 9))
    register.missing(datetime(2026, 7, 3), "unknown")
    july = figures(app, Q3).months[0]
    assert july.registered.children == SexCounts(boys=1, girls=0, total=4)
    assert july.traced.children == SexCounts(boys=1, girls=0, total=3)


def test_found_children_are_not_missing_reports(app: App, register: Register) -> None:
    register.missing(datetime(2026, 7, 2), "female", datetime(2026, 7, 9))
    register.found(datetime(2026, 7, 3), status="in_shelter")
    register.found(datetime(2026, 7, 4), status="restored", restored_at=datetime(2026, 8, 1))
    register.found(datetime(2026, 6, 30), status="restored", restored_at=datetime(2026, 7, 2))
    stats = figures(app, Q3)
    july, august, _ = stats.months
    assert july.registered.children.total == 1 and july.traced.children.total == 1
    assert (july.found.received, july.found.in_shelter, july.found.restored) == (2, 1, 1)
    assert (august.found.received, august.found.restored) == (0, 1)
    assert stats.total.found.received == 2 and stats.total.found.restored == 2


def test_period_bounds_take_in_whole_first_and_last_days(app: App, register: Register) -> None:
    register.missing(datetime(2026, 6, 30, 23, 59, 59), "female")  # the day before: out
    register.missing(datetime(2026, 7, 1, 0, 0), "female")  # first moment: in
    register.missing(datetime(2026, 7, 1), "male", datetime(2026, 9, 30, 23, 59))  # in
    register.missing(datetime(2026, 7, 1), "male", datetime(2026, 10, 1, 0, 0))  # out
    stats = figures(app, Q3)
    assert stats.months[0].registered.children.total == 3
    assert stats.months[2].traced.children == SexCounts(boys=1, girls=0, total=1)
    assert stats.total.traced.children.total == 1


def test_partial_months_count_only_the_days_inside(app: App, register: Register) -> None:
    register.missing(datetime(2026, 7, 14, 23), "female")  # before the period
    register.missing(datetime(2026, 7, 15, 8), "female")
    register.missing(datetime(2026, 8, 10, 12), "female", datetime(2026, 8, 10, 18))
    register.missing(datetime(2026, 8, 11, 9), "male")  # after the period
    stats = figures(app, Period(date(2026, 7, 15), date(2026, 8, 10)))
    assert [(m.month, m.first_day, m.last_day) for m in stats.months] == [
        ("2026-07", date(2026, 7, 15), date(2026, 7, 31)),
        ("2026-08", date(2026, 8, 1), date(2026, 8, 10)),
    ]
    assert [m.registered.children.total for m in stats.rows] == [1, 1, 2]
    assert [m.traced.children.total for m in stats.rows] == [0, 1, 1]


def test_a_month_with_nothing_in_it_still_has_its_row(app: App, register: Register) -> None:
    register.missing(datetime(2026, 9, 2), "female")
    stats = figures(app, Q3)
    assert [m.month for m in stats.rows] == ["2026-07", "2026-08", "2026-09", "total"]
    assert stats.months[0].registered.children == SexCounts()


def test_age_bands_use_the_age_at_registration_or_the_middle_of_the_estimate(
    app: App, register: Register
) -> None:
    when = datetime(2026, 7, 5)
    register.missing(when, age_years=5.9)
    register.missing(when, age_years=6)
    register.missing(when, age_years=None, age_min=11, age_max=13)  # 12
    register.missing(when, age_years=None, age_min=14, age_max=None)
    register.missing(when, age_years=17)
    register.missing(when, age_years=18)
    register.missing(when, age_years=None)
    bands = figures(app, Q3).total.registered
    assert {band: bands.age_band(band).total for band in AgeBand} == {
        AgeBand.UP_TO_5: 1,
        AgeBand.FROM_6_TO_11: 1,
        AgeBand.FROM_12_TO_14: 2,
        AgeBand.FROM_15_TO_17: 1,
        AgeBand.ADULT: 1,
        AgeBand.UNKNOWN: 1,
    }


def test_case_types_split_registered_and_traced(app: App, register: Register) -> None:
    register.missing(datetime(2026, 7, 5), "female", case_type="kidnapping", count=3)
    register.missing(datetime(2026, 7, 5), "male", datetime(2026, 8, 1), case_type="kidnapping")
    register.missing(datetime(2026, 7, 6), "male", datetime(2026, 8, 2))
    total = figures(app, Q3).total
    assert total.registered.case_type(CaseType.KIDNAPPING) == SexCounts(1, 3, 4)
    assert total.registered.case_type(CaseType.MISSING) == SexCounts(1, 0, 1)
    assert total.traced.case_type(CaseType.KIDNAPPING) == SexCounts(1, 0, 1)
    assert total.traced.case_type(CaseType.MISSING) == SexCounts(1, 0, 1)


def test_pending_at_each_month_end(app: App, register: Register) -> None:
    register.missing(datetime(2025, 12, 1), "female")  # open all along
    register.missing(datetime(2026, 5, 1), "male", datetime(2026, 8, 31, 23, 0))  # out in Aug
    register.missing(datetime(2026, 6, 1), "male", datetime(2026, 6, 20))  # traced before
    register.missing(datetime(2026, 7, 10), "female")  # open from July
    register.missing(datetime(2026, 8, 10), "female", datetime(2026, 8, 12))  # in and out
    register.missing(datetime(2026, 9, 30, 22), "male")  # last day
    # Closed with no date of tracing: taken as closed at its last change (15 September).
    register.missing(
        datetime(2026, 6, 5), "female", status="closed", updated_at=datetime(2026, 9, 15)
    )
    register.missing(datetime(2026, 9, 30, 22), "male", datetime(2026, 10, 3))  # traced after
    # July: December's, May's, July's and the closed one. August: May's was traced on
    # the 31st. September: the closed one is gone, the two of the 30th have come.
    assert [m.pending_at_end for m in figures(app, Q3).rows] == [4, 3, 4, 4]
    # On 14 September the closed one was still pending.
    to_14th = Period(date(2026, 7, 1), date(2026, 9, 14))
    assert [m.pending_at_end for m in figures(app, to_14th).months] == [4, 3, 3]


def test_median_days_to_trace_per_month_and_overall(app: App, register: Register) -> None:
    register.missing(datetime(2026, 7, 1, 23), "female", datetime(2026, 7, 2, 1))  # 1 day
    register.missing(datetime(2026, 7, 1), "female", datetime(2026, 7, 4))  # 3 days
    register.missing(datetime(2026, 7, 1), "female", datetime(2026, 7, 31))  # 30 days
    register.missing(datetime(2026, 3, 1), "male", datetime(2026, 8, 1))  # 153 days
    register.missing(datetime(2026, 8, 1), "male", datetime(2026, 8, 11))  # 10 days
    stats = figures(app, Q3)
    assert [m.median_days_to_trace for m in stats.rows] == [3, 81.5, None, 10]


def test_a_report_traced_before_it_was_registered_is_never_pending(
    app: App, register: Register
) -> None:
    # A data error the forms do not yet refuse: it must not make a month's count drift.
    register.missing(datetime(2026, 8, 1, 1), "female", datetime(2026, 7, 31, 23))
    register.missing(datetime(2026, 10, 2), "male", datetime(2026, 9, 29))
    stats = figures(app, Q3)
    assert [m.pending_at_end for m in stats.rows] == [0, 0, 0, 0]
    assert stats.months[0].traced.children.total == 1  # traced in July all the same
