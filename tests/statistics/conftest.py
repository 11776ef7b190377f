"""A register written straight into the database, so each test states exactly its rows."""

from __future__ import annotations

import itertools
from datetime import datetime

import pytest

from station_app.app import App
from station_app.db.models import FoundChild, MissingReport
from station_app.domain import UserInfo

_serial = itertools.count(1)


class Register:
    """Adds missing reports and found children with only the fields statistics read."""

    def __init__(self, app: App) -> None:
        self.app = app

    def missing(
        self,
        registered_at: datetime,
        sex: str = "female",
        traced_at: datetime | None = None,
        *,
        status: str | None = None,
        case_type: str = "missing",
        age_years: float | None = 10,
        age_min: float | None = None,
        age_max: float | None = None,
        updated_at: datetime | None = None,
        count: int = 1,
    ) -> None:
        with self.app.db.session() as session:
            for _ in range(count):
                serial = next(_serial)
                session.add(
                    MissingReport(
                        station_code="RTM01",
                        case_number=f"RTM01/{registered_at.year}/M/{serial:05d}",
                        ref=f"FIR {serial}",
                        sex=sex,
                        age_years=age_years,
                        age_min=age_min,
                        age_max=age_max,
                        registered_at=registered_at,
                        traced_at=traced_at,
                        status=status or ("traced" if traced_at else "open"),
                        case_type=case_type,
                        created_by="test",
                        updated_by="test",
                        updated_at=updated_at or datetime(2026, 11, 1),
                    )
                )

    def found(
        self,
        registered_at: datetime,
        status: str = "unclaimed",
        restored_at: datetime | None = None,
        sex: str = "female",
    ) -> None:
        serial = next(_serial)
        with self.app.db.session() as session:
            session.add(
                FoundChild(
                    station_code="RTM01",
                    case_number=f"RTM01/{registered_at.year}/F/{serial:05d}",
                    ref=f"GD {serial}",
                    sex=sex,
                    registered_at=registered_at,
                    status=status,
                    restored_at=restored_at,
                    created_by="test",
                    updated_by="test",
                )
            )


@pytest.fixture
def register(app: App, admin: UserInfo) -> Register:
    return Register(app)


@pytest.fixture
def press_note_register(register: Register) -> Register:
    return fill_press_note_register(register)


def fill_press_note_register(register: Register) -> Register:
    """July 3 boys + 26 girls traced, August 2 + 25, September 6 + 64.

    Many of the children traced were registered months before (March), some in the
    month before they were traced; some girls' cases are kidnappings.
    """
    march, july, august = datetime(2026, 3, 10, 11), datetime(2026, 7, 4, 9), datetime(2026, 8, 2)
    # July: 3 boys and 26 girls traced, 10 of the girls registered in March.
    register.missing(march, "female", datetime(2026, 7, 20), case_type="kidnapping", count=10)
    register.missing(july, "female", datetime(2026, 7, 21), count=16)
    register.missing(july, "male", datetime(2026, 7, 22), count=3)
    # August: 2 boys and 25 girls traced, 5 girls registered in July.
    register.missing(july, "female", datetime(2026, 8, 5), case_type="kidnapping", count=5)
    register.missing(august, "female", datetime(2026, 8, 9), count=20)
    register.missing(august, "male", datetime(2026, 8, 9), count=2)
    # September: 6 boys and 64 girls; the last girl traced at 23:59 on 30 September.
    register.missing(march, "female", datetime(2026, 9, 1), count=30)
    register.missing(datetime(2026, 9, 3), "female", datetime(2026, 9, 12), count=33)
    register.missing(datetime(2026, 9, 3), "female", datetime(2026, 9, 30, 23, 59))
    register.missing(datetime(2026, 9, 3), "male", datetime(2026, 9, 15), count=6)
    # Still missing at the end of September: registered, not traced.
    register.missing(datetime(2026, 9, 20), "female", case_type="kidnapping", count=4)
    register.missing(datetime(2026, 9, 30, 23, 59, 59), "male")
    # Outside the period: traced the minute after it ends, registered the second before.
    register.missing(datetime(2026, 9, 25), "female", datetime(2026, 10, 1, 0, 0))
    register.missing(datetime(2026, 6, 30, 23, 59, 59), "male", datetime(2026, 10, 2))
    return register
