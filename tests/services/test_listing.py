from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from sqlalchemy import update

from station_app.app import App
from station_app.db.models import MissingReport
from station_app.domain import FoundDetails, Kind, MissingDetails, Sex, UserInfo
from station_app.services import registers
from station_app.services.listing import (
    STREAM_CACHE_KIB,
    RegisterQuery,
    count_rows,
    fetch_rows,
    iter_listing_dicts,
    iter_listing_json,
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


def test_json_stream_is_what_the_json_module_writes(register_of_four: App) -> None:
    """The CLI's `list --json` text: byte for byte json.dumps(dicts, ensure_ascii=False)."""
    app = register_of_four
    awkward = {
        "FIR 1": {"name": 'Ra"ju \\ \t\n\x01\x7f \u2028 राजू', "age_years": 1 / 3},
        "FIR 2": {"last_seen_place": 'Neemuch, "bus" stand', "last_seen_at": None},
        "FIR 3": {"age_years": float("inf"), "age_min": 1e-07, "age_max": 1e16},
    }
    with app.db.session() as session:
        for ref, values in awkward.items():
            session.execute(update(MissingReport).where(MissingReport.ref == ref).values(values))
    texts: list[str] = []
    for kind in Kind:
        query = RegisterQuery(kind, sort="registered_at", descending=False)
        with app.db.read_session() as session:
            dicts = list(iter_listing_dicts(session, app.photos, query))
            pieces = list(iter_listing_json(session, query, batch=2))
        assert pieces == [
            json.dumps(dicts[i : i + 2], ensure_ascii=False)[1:-1] for i in range(0, len(dicts), 2)
        ]
        texts += pieces
    assert len(texts) == 3 and '"age_years": Infinity' in texts[1]


def test_json_stream_keeps_the_keys_and_types_of_the_listing(register_of_four: App) -> None:
    app = register_of_four
    query = RegisterQuery(Kind.FOUND)
    with app.db.read_session() as session:
        [piece] = iter_listing_json(session, query)
    found = json.loads(piece)
    assert list(found) == [
        "id", "kind", "case_number", "ref", "name", "sex", "age_years", "age_min", "age_max",
        "age", "status", "event_at", "place", "registered_at", "has_photo",
    ]  # fmt: skip
    assert (found["kind"], found["age_years"], found["age_min"], found["age"]) == (
        "found",
        None,
        8.0,
        "8-11",
    )
    assert found["has_photo"] is False and found["event_at"] is None


def test_a_stream_gives_back_the_usual_page_cache(register_of_four: App) -> None:
    app = register_of_four
    query = RegisterQuery(Kind.MISSING)
    with app.db.read_session() as session:
        connection = session.connection()
        before = connection.exec_driver_sql("PRAGMA cache_size").scalar()
        stream = iter_listing_json(session, query, batch=1)
        next(stream)
        assert connection.exec_driver_sql("PRAGMA cache_size").scalar() == -STREAM_CACHE_KIB
        stream.close()  # dropped half-way, as when the reader of the output goes away
        assert connection.exec_driver_sql("PRAGMA cache_size").scalar() == before
