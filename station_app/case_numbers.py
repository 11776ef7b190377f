"""Human case numbers such as RTM01/2026/M/0042: per station, letter and year, never reused."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from station_app.db.models import CaseCounter


def next_serial(session: Session, station_code: str, letter: str, year: int) -> int:
    """The next serial, taken atomically: two desks can never be handed the same one."""
    key = {"station_code": station_code, "letter": letter, "year": year}
    insert = postgresql_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    session.execute(insert(CaseCounter).values(**key, last_serial=0).on_conflict_do_nothing())
    where = (
        CaseCounter.station_code == station_code,
        CaseCounter.letter == letter,
        CaseCounter.year == year,
    )
    session.execute(
        update(CaseCounter).where(*where).values(last_serial=CaseCounter.last_serial + 1)
    )
    serial = session.scalar(select(CaseCounter.last_serial).where(*where))
    assert serial is not None
    return serial


def next_case_number(session: Session, station_code: str, letter: str, year: int) -> str:
    serial = next_serial(session, station_code, letter, year)
    return f"{station_code}/{year}/{letter}/{serial:04d}"
