from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from station_app.app import App
from station_app.db.models import AuditEvent, MissingReport
from station_app.domain import (
    FoundDetails,
    Guardian,
    MissingDetails,
    MissingRecord,
    Role,
    Sex,
    UserInfo,
)
from station_app.errors import InvalidInput, PermissionDenied, StationError
from station_app.photo_store import check_image
from station_app.services import registers
from tests.conftest import files_under, jpeg_bytes


def _complaint(ref: str = "FIR 1/2026", **changes: object) -> MissingDetails:
    base = MissingDetails(
        ref=ref,
        name="राजेश",
        sex=Sex.MALE,
        age_years=9,
        last_seen_at=datetime(2026, 3, 2, 17, 30),
        last_seen_place="Ratlam Junction",
        guardian=Guardian("Suresh", "father", "9876543210"),
        registered_at=datetime(2026, 3, 3, 10, 0),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def test_register_gives_a_case_number_per_station_kind_and_year(app: App, admin: UserInfo) -> None:
    first = registers.register(app, admin, _complaint("FIR 1/2026"))
    second = registers.register(app, admin, _complaint("FIR 2/2026"))
    found = registers.register(
        app, admin, FoundDetails(ref="GD 7", registered_at=datetime(2025, 12, 1))
    )
    assert first.meta.case_number == "RTM01/2026/M/0001"
    assert second.meta.case_number == "RTM01/2026/M/0002"
    assert found.meta.case_number == "RTM01/2025/F/0001"
    assert len(first.meta.id) == 36 and first.meta.version == 1


def test_case_numbers_are_never_reused_after_a_failed_save(app: App, admin: UserInfo) -> None:
    registers.register(app, admin, _complaint("FIR 1/2026"))
    with pytest.raises(InvalidInput, match="already used"):
        registers.register(app, admin, _complaint("FIR 1/2026"))
    third = registers.register(app, admin, _complaint("FIR 3/2026"))
    assert third.meta.case_number.endswith("/0002")  # the failed save consumed nothing
    with app.db.session() as session:
        session.delete(session.get(MissingReport, third.meta.id))
    fourth = registers.register(app, admin, _complaint("FIR 4/2026"))
    assert fourth.meta.case_number.endswith("/0003")  # a deleted record's number stays used


def test_photos_are_stored_and_the_first_is_main(app: App, admin: UserInfo) -> None:
    images = [check_image(jpeg_bytes(colour=(i, 50, 50)), f"p{i}.jpg") for i in (1, 2)]
    record = registers.register(app, admin, _complaint(), images)
    assert [p.is_main for p in record.photos] == [True, False]
    assert all(Path(p.original_path).exists() for p in record.photos)
    assert all(Path(p.thumbnail_path).exists() for p in record.photos)


def test_a_failed_save_leaves_no_photo_files(app: App, admin: UserInfo) -> None:
    registers.register(app, admin, _complaint("FIR 1/2026"))
    before = files_under(app.paths.photos)
    with pytest.raises(InvalidInput):
        registers.register(
            app,
            admin,
            _complaint("FIR 1/2026"),
            [check_image(jpeg_bytes(colour=(7, 7, 7)), "x.jpg")],
        )
    assert files_under(app.paths.photos) == before


def test_edit_bumps_version_and_records_what_changed(app: App, admin: UserInfo) -> None:
    record = registers.register(app, admin, _complaint())
    edited = registers.update(app, admin, record.meta.id, _complaint(age_years=10), 1)
    assert isinstance(edited, MissingRecord)
    assert edited.meta.version == 2 and edited.details.age_years == 10
    history = registers.record_history(app, admin, record.meta.id)
    assert [e.action for e in history] == ["create", "update"]
    assert "age_years" in history[1].summary


def test_edit_of_a_stale_version_is_refused(app: App, admin: UserInfo) -> None:
    record = registers.register(app, admin, _complaint())
    registers.update(app, admin, record.meta.id, _complaint(age_years=10), 1)
    with pytest.raises(StationError, match="while you were editing"):
        registers.update(app, admin, record.meta.id, _complaint(age_years=11), 1)


def test_viewing_a_record_is_audited(app: App, admin: UserInfo) -> None:
    record = registers.register(app, admin, _complaint())
    registers.get(app, admin, record.meta.id)
    with app.db.session() as session:
        views = session.scalar(
            select(func.count()).where(AuditEvent.action == "view", AuditEvent.username == "admin")
        )
    assert views == 1


def test_lookup_finds_by_ref_case_number_and_id(app: App, admin: UserInfo) -> None:
    record = registers.register(app, admin, _complaint("FIR 9/2026"))
    for key in ("FIR 9/2026", record.meta.case_number, record.meta.id):
        assert [r.meta.id for r in registers.lookup(app, admin, key)] == [record.meta.id]


def test_a_viewer_may_not_register(app: App, admin: UserInfo) -> None:
    from station_app import accounts

    with app.db.session() as session:
        viewer = accounts.create_user(session, "RTM01", "clerk", "clerk-pass", Role.VIEWER)
    with pytest.raises(PermissionDenied, match="may not register"):
        registers.register(app, viewer, _complaint())


def test_future_dates_are_refused(app: App, admin: UserInfo) -> None:
    tomorrow = datetime.now() + timedelta(days=1)
    with pytest.raises(InvalidInput, match=r"last_seen_at.*future"):
        registers.register(app, admin, _complaint(last_seen_at=tomorrow))
