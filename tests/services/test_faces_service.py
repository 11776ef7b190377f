"""Face vectors for stored photos, and faces in matching (small public-domain photos)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import select

from station_app.app import App
from station_app.db.models import AuditEvent, FaceVector, Photo
from station_app.domain import ChildRecord, UserInfo
from station_app.errors import InvalidInput
from station_app.photo_store import check_image
from station_app.services import faces, matching, photos, registers
from tests.matching.records import complaint, found

pytest.importorskip("dlib")

DATA = Path(__file__).parents[1] / "faces" / "data"


def _register(app: App, user: UserInfo, details: object, photo: str) -> ChildRecord:
    image = check_image((DATA / photo).read_bytes(), photo)
    return registers.register(app, user, details, [image])  # type: ignore[arg-type]


def _vectors(app: App, photo_id: str) -> list[FaceVector]:
    with app.db.session() as session:
        return list(session.scalars(select(FaceVector).where(FaceVector.photo_id == photo_id)))


def _status(app: App, photo_id: str) -> str:
    with app.db.session() as session:
        photo = session.get(Photo, photo_id)
        assert photo is not None
        return photo.face_status


def test_a_new_photo_gets_one_vector_per_face(app: App, admin: UserInfo) -> None:
    record = _register(app, admin, complaint(), "obama/1.jpg")
    photo = record.photos[0]
    assert photo.face_status == "pending"
    outcome = faces.compute_faces(app, photo.id)
    assert outcome.status == "one_face" and len(outcome.faces) == 1
    (row,) = _vectors(app, photo.id)
    vector = np.frombuffer(row.vector, dtype="<f4")
    assert vector.shape == (128,) and 0.3 < float(np.linalg.norm(vector)) < 1.5
    assert row.model == faces.MODEL and row.method == "hog"
    assert 0 <= row.box_left < row.box_right <= photo.width
    assert _status(app, photo.id) == "one_face"


def test_photos_without_a_face_or_with_several_are_told_apart(app: App, admin: UserInfo) -> None:
    empty = _register(app, admin, complaint("FIR 1"), "_no_face/1.jpg").photos[0]
    group = _register(app, admin, complaint("FIR 2"), "_two_faces/1.jpg").photos[0]
    summary = faces.compute_pending_faces(app)
    assert summary.counts == {"no_face": 1, "several_faces": 1}
    assert _vectors(app, empty.id) == [] and len(_vectors(app, group.id)) == 2
    chosen = _vectors(app, group.id)[0]
    outcome = faces.choose_face(app, admin, group.id, chosen.id)
    assert outcome.status == "manual" and [f.id for f in outcome.faces] == [chosen.id]
    assert faces.compute_pending_faces(app).counts == {}  # nothing left pending


def test_an_officer_can_mark_the_face_by_hand(app: App, admin: UserInfo) -> None:
    record = _register(app, admin, complaint(), "obama/1.jpg")
    photo = record.photos[0]
    outcome = faces.mark_face(app, admin, photo.id, (150, 120, 380, 400))
    assert outcome.status == "manual" and outcome.faces[0].method == "manual"
    assert faces.compute_faces(app, photo.id).status == "manual"  # never overwritten
    with app.db.session() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "mark_face")).one()
        assert event.record_id == record.meta.id
    with pytest.raises(InvalidInput, match="too small"):
        faces.mark_face(app, admin, photo.id, (10, 10, 14, 14))


def test_without_dlib_photos_stay_pending(
    app: App, admin: UserInfo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(faces, "faces_available", lambda: (False, "dlib missing"))
    photo = _register(app, admin, complaint(), "obama/1.jpg").photos[0]
    outcome = faces.compute_faces(app, photo.id)
    assert outcome.status == "pending" and outcome.message == "dlib missing"
    assert faces.compute_pending_faces(app).summary() == "dlib missing"
    assert _status(app, photo.id) == "pending"


def test_an_unreadable_photo_file_is_marked_failed(app: App, admin: UserInfo) -> None:
    record = _register(app, admin, complaint(), "obama/1.jpg")
    photo = record.photos[0]
    Path(photo.normalized_path).unlink()
    Path(photo.original_path).write_bytes(b"not a jpeg any more")
    assert faces.compute_faces(app, photo.id).status == "failed"


def test_faces_lift_the_true_complaint_above_an_identical_one(app: App, admin: UserInfo) -> None:
    obama = _register(app, admin, complaint("FIR 1/2026", name=""), "obama/1.jpg")
    _register(app, admin, complaint("FIR 2/2026", name=""), "biden/1.jpg")
    child = _register(app, admin, found("GD 1/2026", name=""), "obama/2.jpg")
    faces.compute_pending_faces(app)
    ranking = matching.matches_for_record(app, admin, child.meta.id)
    assert ranking.faces_used
    first, second = ranking.candidates
    assert first.record_id == obama.meta.id
    assert first.face_distance is not None and first.face_distance < 0.5
    assert second.face_distance is not None and second.face_distance > 0.6
    assert first.score > second.score
    # Turning the photo sends it back to detection: its vectors no longer count.
    photos.rotate_photo(app, admin, child.photos[0].id, 90)
    assert not matching.matches_for_record(app, admin, child.meta.id).faces_used


def test_the_cli_finds_faces_of_every_pending_photo(
    app: App,
    admin: UserInfo,
    home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from station_app.cli import main
    from tests.conftest import ADMIN_PASSWORD

    photo = _register(app, admin, complaint(), "obama/1.jpg").photos[0]
    monkeypatch.setenv("STATION_APP_USER", "admin")
    monkeypatch.setenv("STATION_APP_PASSWORD", ADMIN_PASSWORD)
    assert main(["--home", str(home), "faces", "--pending"]) == 0
    assert "1 one face" in capsys.readouterr().out
    assert _status(app, photo.id) == "one_face"
