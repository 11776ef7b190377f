from __future__ import annotations

from datetime import date, datetime

import pytest

from station_app.app import App
from station_app.domain import FoundDetails, Kind, MissingDetails, Sex, UserInfo
from station_app.services import registers
from station_app.services.listing import (
    RegisterQuery,
    count_rows,
    fetch_rows,
    iter_listing_dicts,
    list_register,
)


@pytest.fixture
def register_of_four(app: App, admin: UserInfo) -> App:
    children = [
        MissingDetails(
            ref="FIR 1",
            name="राजेश कुमार",
            sex=Sex.MALE,
            age_years=9,
            last_seen_at=datetime(2026, 1, 5),
            registered_at=datetime(2026, 1, 5, 12),
            last_seen_place="Ratlam Junction",
        ),
        MissingDetails(
            ref="FIR 2",
            name="Pooja",
            sex=Sex.FEMALE,
            age_years=14,
            last_seen_at=datetime(2026, 2, 5),
            registered_at=datetime(2026, 2, 5, 12),
            last_seen_place="Neemuch",
        ),
        MissingDetails(
            ref="FIR 3",
            name="Mohd Salim",
            sex=Sex.MALE,
            age_years=16,
            last_seen_at=datetime(2026, 3, 5),
            registered_at=datetime(2026, 3, 5, 12),
            last_seen_place="Ujjain",
        ),
    ]
    for child in children:
        registers.register(app, admin, child)
    registers.register(app, admin, FoundDetails(ref="GD 1", name="", age_min=8, age_max=11))
    return app


def _refs(app: App, query: RegisterQuery) -> list[str]:
    with app.db.session() as session:
        return [row.ref for row in fetch_rows(session, app.photos, query)]


@pytest.mark.parametrize(
    ("text", "refs"),
    [
        ("Rajesh", ["FIR 1"]),
        ("rajesh kumar", ["FIR 1"]),
        ("पूजा", ["FIR 2"]),
        ("puja", ["FIR 2"]),
        ("Mohammad", ["FIR 3"]),
        ("FIR 3", ["FIR 3"]),
        ("neemuch", ["FIR 2"]),
        ("RTM01/2026/M/0001", ["FIR 1"]),
        ("Anita", []),
    ],
)
def test_search_finds_a_child_by_name_in_either_script_ref_number_or_place(
    register_of_four: App, text: str, refs: list[str]
) -> None:
    assert _refs(register_of_four, RegisterQuery(Kind.MISSING, text=text)) == refs


def test_filters_by_sex_age_and_date(register_of_four: App) -> None:
    app = register_of_four
    assert _refs(app, RegisterQuery(Kind.MISSING, sex=Sex.MALE, sort="ref", descending=False)) == [
        "FIR 1",
        "FIR 3",
    ]
    assert _refs(app, RegisterQuery(Kind.MISSING, age_from=10, age_to=15)) == ["FIR 2"]
    assert _refs(
        app, RegisterQuery(Kind.MISSING, date_from=date(2026, 2, 1), date_to=date(2026, 2, 28))
    ) == ["FIR 2"]
    assert _refs(app, RegisterQuery(Kind.FOUND, age_from=10, age_to=12)) == ["GD 1"]
    assert _refs(app, RegisterQuery(Kind.FOUND, age_from=12)) == []


def test_pages_are_stable_and_counted(register_of_four: App) -> None:
    app = register_of_four
    query = RegisterQuery(Kind.MISSING, sort="name", descending=False)
    with app.db.session() as session:
        assert count_rows(session, query) == 3
        pages = [fetch_rows(session, app.photos, query, offset, 1) for offset in range(3)]
    assert [page[0].ref for page in pages] == ["FIR 3", "FIR 2", "FIR 1"]


def test_streamed_dicts_match_the_rows(register_of_four: App) -> None:
    app = register_of_four
    query = RegisterQuery(Kind.MISSING, sort="registered_at", descending=False)
    with app.db.session() as session:
        dicts = list(iter_listing_dicts(session, app.photos, query))
        rows = fetch_rows(session, app.photos, query)
    assert [d["ref"] for d in dicts] == [r.ref for r in rows]
    assert dicts[0]["event_at"] == "2026-01-05T00:00:00"
    assert dicts[0]["age"] == "9"


def test_opening_a_listing_is_audited_once(register_of_four: App, admin: UserInfo) -> None:
    from sqlalchemy import func, select

    from station_app.db.models import AuditEvent

    query = RegisterQuery(Kind.MISSING)
    list_register(register_of_four, admin, query, 0, 2)
    list_register(register_of_four, admin, query, 2, 2)
    with register_of_four.db.session() as session:
        assert session.scalar(select(func.count()).where(AuditEvent.action == "list")) == 1
