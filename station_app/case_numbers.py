"""Human case numbers such as RTM01/2026/M/0042: per station, letter and year, never reused."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from station_app.db.models import CaseCounter


def next_serial(session: Session, station_code: str, letter: str, year: int) -> int:
    counter = session.scalar(
        select(CaseCounter)
        .where(
            CaseCounter.station_code == station_code,
            CaseCounter.letter == letter,
            CaseCounter.year == year,
        )
        .with_for_update()
    )
    if counter is None:
        counter = CaseCounter(station_code=station_code, letter=letter, year=year, last_serial=0)
        session.add(counter)
    counter.last_serial += 1
    return counter.last_serial


def next_case_number(session: Session, station_code: str, letter: str, year: int) -> str:
    serial = next_serial(session, station_code, letter, year)
    return f"{station_code}/{year}/{letter}/{serial:04d}"
