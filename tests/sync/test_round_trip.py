"""Station to HQ and back again: what the officer at HQ sees after importing batches.

Every test runs with HQ on SQLite and on PostgreSQL (the latter skips without a server).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
from sqlalchemy import select, update

from station_app.db.models import FaceVector, FoundChild, MissingReport, Photo
from station_app.domain import Kind
from station_app.matching.db_profiles import vector_to_bytes
from station_app.services import hq as hq_service
from station_app.services import listing, photos, registers
from station_app.services.listing import RegisterQuery
from tests.conftest import files_under
from tests.sync.conftest import (
    Desk,
    Hq,
    complaint,
    connect,
    export,
    found_child,
    register,
    table_counts,
)


def add_face(desk: Desk, record_id: str) -> str:
    with desk.app.db.session() as session:
        photo = session.scalar(
            select(Photo).where((Photo.missing_id == record_id) | (Photo.found_id == record_id))
        )
        assert photo is not None
        vector = FaceVector(
            photo_id=photo.id, box_left=1, box_top=2, box_right=30, box_bottom=40,
            method="hog", vector=vector_to_bytes(np.linspace(0, 1, 128, dtype=np.float32)),
            model="dlib-resnet",
        )  # fmt: skip
        session.add(vector)
        session.flush()
        return vector.id


def import_(hq: Hq, path: Path, **options: bool) -> hq_service.BatchImportReport:
    return hq_service.import_batch(hq.app, hq.admin, path, **options)


def test_round_trip_with_photos_faces_and_audit(ratlam: Desk, hq: Hq, tmp_path: Path) -> None:
    connect(ratlam, hq, tmp_path / "keys")
    missing_id = register(ratlam, complaint())
    register(ratlam, found_child("GD 7/2026"), with_photo=False)
    face_id = add_face(ratlam, missing_id)
    batch = export(ratlam, tmp_path / "usb")
    assert batch.sequence == 1 and batch.full

    report = import_(hq, batch.path)

    assert (report.records().new, report.records().updated) == (2, 0)
    assert "2 new, 0 updated, 0 unchanged, 0 conflict(s)" in report.summary()[0]
    with hq.app.db.read_session() as session:
        row = session.get(MissingReport, missing_id)
        assert row is not None and row.station_code == "RTM01" and row.name == "राजेश कुमार"
        assert session.get(FaceVector, face_id) is not None
    [record] = registers.lookup(hq.app, hq.admin, "FIR 12/2026")
    assert record.meta.case_number == "RTM01/2026/M/0001"
    for path in (record.photos[0].original_path, record.photos[0].thumbnail_path):
        assert Path(path).is_file()
    history = registers.record_history(hq.app, hq.admin, missing_id)
    assert [e.action for e in history][:1] == ["create"]


def test_reimport_changes_nothing_and_says_so(ratlam: Desk, hq: Hq, tmp_path: Path) -> None:
    connect(ratlam, hq, tmp_path / "keys")
    register(ratlam, complaint())
    batch = export(ratlam, tmp_path / "usb")
    import_(hq, batch.path)
    before = table_counts(hq.app), files_under(hq.app.paths.photos)

    again = import_(hq, batch.path)

    assert again.already
    assert "was already imported" in again.summary()[0]
    assert "nothing changed" in again.summary()[0]
    assert (table_counts(hq.app), files_under(hq.app.paths.photos)) == before


def test_only_changes_travel_and_a_newer_version_replaces(
    ratlam: Desk, hq: Hq, tmp_path: Path
) -> None:
    connect(ratlam, hq, tmp_path / "keys")
    first_id = register(ratlam, complaint())
    register(ratlam, complaint("FIR 13/2026", name="Pooja"))
    import_(hq, export(ratlam, tmp_path / "usb").path)
    old = registers.get(ratlam.app, ratlam.admin, first_id)
    registers.update(
        ratlam.app, ratlam.admin, first_id,
        replace(complaint(), clothing="blue school uniform"), old.meta.version,
    )  # fmt: skip

    second = export(ratlam, tmp_path / "usb")
    report = import_(hq, second.path)

    assert (second.sequence, second.full, second.counts["missing_reports"]) == (2, False, 1)
    assert (report.records().updated, report.records().new) == (1, 0)
    with hq.app.db.read_session() as session:
        row = session.get(MissingReport, first_id)
        assert row is not None and (row.version, row.clothing) == (2, "blue school uniform")


def test_two_edits_of_one_version_are_kept_as_a_conflict_and_can_be_settled(
    ratlam: Desk, hq: Hq, tmp_path: Path
) -> None:
    connect(ratlam, hq, tmp_path / "keys")
    record_id = register(ratlam, complaint())
    registers.update(ratlam.app, ratlam.admin, record_id, replace(complaint(), hair="short"), 1)
    import_(hq, export(ratlam, tmp_path / "usb").path)
    # The station's database is put back to version 1 (a restore from backup) and the
    # record edited again: a second, different version 2.
    with ratlam.app.db.session() as session:
        session.execute(
            update(MissingReport).where(MissingReport.id == record_id).values(version=1)
        )
    registers.update(ratlam.app, ratlam.admin, record_id, replace(complaint(), hair="long"), 1)

    report = import_(hq, export(ratlam, tmp_path / "usb").path)

    assert "1 conflict(s)" in report.summary()[0]
    with hq.app.db.read_session() as session:
        assert session.get(MissingReport, record_id).hair == "short"  # type: ignore[union-attr]
    [conflict] = hq_service.conflicts(hq.app, hq.admin)
    assert (conflict.label, conflict.version) == ("RTM01/2026/M/0001", 2)
    assert [(f.name, f.hq_value, f.batch_value) for f in conflict.fields] == [
        ("hair", "short", "long")
    ]
    hq_service.settle_conflict(hq.app, hq.admin, conflict.id, "batch")
    assert hq_service.conflicts(hq.app, hq.admin) == []
    with hq.app.db.read_session() as session:
        assert session.get(MissingReport, record_id).hair == "long"  # type: ignore[union-attr]


def test_a_photo_taken_off_a_record_goes_at_hq_too(ratlam: Desk, hq: Hq, tmp_path: Path) -> None:
    connect(ratlam, hq, tmp_path / "keys")
    record_id = register(ratlam, complaint())
    import_(hq, export(ratlam, tmp_path / "usb").path)
    [photo] = registers.get(ratlam.app, ratlam.admin, record_id).photos
    photos.remove_photo(ratlam.app, ratlam.admin, photo.id)

    report = import_(hq, export(ratlam, tmp_path / "usb").path)

    assert report.tables is not None and report.tables["photos"]["removed"] == 1
    assert registers.get(hq.app, hq.admin, record_id).photos == ()


def test_a_child_found_at_one_station_is_matched_with_another_stations_complaint(
    ratlam: Desk, ujjain: Desk, hq: Hq, tmp_path: Path
) -> None:
    connect(ratlam, hq, tmp_path / "keys")
    connect(ujjain, hq, tmp_path / "keys")
    missing_id = register(ratlam, complaint())
    found_id = register(ujjain, found_child())
    register(ujjain, complaint("FIR 1/2026", name="Pooja"))
    import_(hq, export(ratlam, tmp_path / "usb").path)

    report = import_(hq, export(ujjain, tmp_path / "usb").path)

    pairs = {(m.found_id, m.missing_id) for m in report.matches}
    assert (found_id, missing_id) in pairs
    assert all(m.found_station != m.missing_station for m in report.matches)
    [listed] = [m for m in hq_service.cross_matches(hq.app, hq.admin) if m.found_id == found_id]
    assert (listed.found_station, listed.missing_station) == ("UJN01", "RTM01")
    statuses = {s.code: s for s in hq_service.station_overview(hq.app, hq.admin)}
    assert statuses["RTM01"].last_sequence == 1 and statuses["UJN01"].pending_matches >= 1


def test_hq_lists_the_records_of_every_station(
    ratlam: Desk, ujjain: Desk, hq: Hq, tmp_path: Path
) -> None:
    connect(ratlam, hq, tmp_path / "keys")
    connect(ujjain, hq, tmp_path / "keys")
    register(ratlam, complaint())
    register(ujjain, complaint("FIR 99/2026", name="Amit"))
    for desk in (ratlam, ujjain):
        import_(hq, export(desk, tmp_path / "usb").path)
    rows = listing.list_register(hq.app, hq.admin, RegisterQuery(Kind.MISSING), limit=None)
    assert sorted(r.case_number for r in rows) == ["RTM01/2026/M/0001", "UJN01/2026/M/0001"]
    with hq.app.db.read_session() as session:
        assert session.scalar(select(FoundChild.id)) is None
