"""The same figures from PostgreSQL (district HQ) as from SQLite (the station).

The PostgreSQL case runs when STATION_APP_TEST_PG_URL names a server the tests may
create databases on, e.g. postgresql+psycopg://postgres@127.0.0.1:5432/postgres.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from station_app.app import App, open_app
from station_app.domain import CaseType
from station_app.services import station
from station_app.services.statistics import monthly_report
from station_app.statistics.figures import AgeBand, SexCounts
from station_app.statistics.period import Period
from tests.statistics.conftest import Register

PG_URL = os.environ.get("STATION_APP_TEST_PG_URL", "")


@pytest.fixture(
    params=[
        "sqlite",
        pytest.param(
            "postgresql",
            marks=[
                pytest.mark.postgres,
                pytest.mark.skipif(not PG_URL, reason="STATION_APP_TEST_PG_URL is not set"),
            ],
        ),
    ]
)
def any_app(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[App]:
    if request.param == "sqlite":
        app = open_app(str(tmp_path / "home"))
        yield app
        app.close()
    else:
        yield from _postgres_app(tmp_path)


def _postgres_app(tmp_path: Path) -> Iterator[App]:
    name = f"muskaan_test_{uuid.uuid4().hex[:12]}"
    server = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    app = open_app(
        str(tmp_path / "home"), make_url(PG_URL).set(database=name).render_as_string(False)
    )
    try:
        yield app
    finally:
        app.close()
        with server.connect() as connection:
            connection.execute(text(f'DROP DATABASE "{name}"'))
        server.dispose()


def test_both_databases_give_the_same_figures(any_app: App) -> None:
    _, admin = station.init_station(
        any_app, "RTM01", "GRP Ratlam", "Ratlam", "Madhya Pradesh", "admin", "admin-pass-1"
    )
    register = Register(any_app)
    register.missing(datetime(2026, 3, 10), "female", datetime(2026, 7, 20), count=10)
    register.missing(datetime(2026, 7, 4), "male", datetime(2026, 7, 31, 23, 59), age_years=16)
    register.missing(datetime(2026, 7, 4), "female", datetime(2026, 8, 3), case_type="kidnapping")
    register.missing(datetime(2026, 8, 1), "other", datetime(2026, 8, 11), age_years=None)
    register.missing(datetime(2026, 9, 30, 23), "female")
    register.missing(datetime(2026, 6, 5), "male", status="closed", updated_at=datetime(2026, 8, 2))
    register.missing(datetime(2026, 9, 3), "female", datetime(2026, 10, 1))
    register.found(datetime(2026, 7, 3), status="in_shelter")
    stats = monthly_report(any_app, admin, Period(date(2026, 7, 1), date(2026, 9, 30)))
    assert [m.traced.children for m in stats.rows] == [
        SexCounts(1, 10, 11),
        SexCounts(0, 1, 2),
        SexCounts(),
        SexCounts(1, 11, 13),
    ]
    assert [m.registered.children.total for m in stats.rows] == [2, 1, 2, 5]
    assert [m.pending_at_end for m in stats.rows] == [2, 0, 2, 2]
    assert [m.median_days_to_trace for m in stats.rows] == [132, 20, None, 132]
    assert stats.total.registered.case_type(CaseType.KIDNAPPING) == SexCounts(0, 1, 1)
    assert stats.total.traced.age_band(AgeBand.FROM_15_TO_17) == SexCounts(1, 0, 1)
    assert stats.total.traced.age_band(AgeBand.UNKNOWN).total == 1
    assert stats.traced_registered_before == SexCounts(0, 10, 10)
    assert stats.months[0].found.in_shelter == 1
