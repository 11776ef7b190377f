"""Face vectors for stored photos: found automatically after a photo is added, or marked by
an officer. Matching reads them from the face_vectors table.

`compute_faces` is what the GUI runs in a worker once a photo is saved (it takes 0.1-0.5 s;
no session is open while dlib works). `compute_pending_faces` catches up on every photo
still "pending" (imports, photos turned, a desk where dlib was missing before).
`mark_face` stores the face an officer boxed by hand; `choose_face` keeps the child's face
when a photo shows several people. Both are audited against the child's record.

photos.face_status: pending (not yet analysed), one_face, several_faces, no_face,
tight_crop (the whole photo taken as the face), manual (an officer's box or choice: never
overwritten automatically) or failed (the photo file could not be read).
"""

from __future__ import annotations

import io
import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image, UnidentifiedImageError
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from station_app.app import App
from station_app.audit import AuditLog
from station_app.db.base import utcnow
from station_app.db.models import FaceVector, MissingReport, Photo
from station_app.domain import UserInfo
from station_app.errors import Cancelled, InvalidInput, NotFound, Problem
from station_app.faces import (
    Box,
    DetectedFace,
    analyse_photo,
    encode_box,
    faces_available,
)
from station_app.matching.db_profiles import vector_to_bytes
from station_app.permissions import Action, require
from station_app.services.registers import find_row

log = logging.getLogger(__name__)

MODEL = "dlib_resnet_v1"
PENDING = "pending"
MANUAL = "manual"
FAILED = "failed"
ProgressCallback = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class StoredFace:
    id: str
    box: Box
    method: str


@dataclass(frozen=True, slots=True)
class FaceOutcome:
    """What happened to one photo. `status` is its new face_status; when faces are not
    available it stays "pending" and `message` says why."""

    photo_id: str
    status: str
    faces: tuple[StoredFace, ...]
    message: str

    @property
    def changed(self) -> bool:
        return self.status != PENDING


@dataclass(frozen=True, slots=True)
class _PhotoFile:
    photo_id: str
    rotation: int
    status: str
    sha256: str
    ext: str


def _photo_file(app: App, session: Session, photo_id: str) -> _PhotoFile:
    photo = session.get(Photo, photo_id)
    if photo is None:
        raise NotFound(f"No photo with id {photo_id}; it may have been removed meanwhile.")
    return _PhotoFile(photo.id, photo.rotation, photo.face_status, photo.sha256, photo.original_ext)


def _open(app: App, source: _PhotoFile) -> Image.Image:
    """The photo upright, as displayed; its display copy is remade if it went missing."""
    path = app.photos.normalized_path(source.sha256, source.rotation)
    if not path.exists():
        app.photos.rederive(source.sha256, source.ext, source.rotation)
    with Image.open(io.BytesIO(app.photos.read(path))) as image:
        image.load()
        return image.copy()


def compute_faces(app: App, photo_id: str, *, force: bool = False) -> FaceOutcome:
    """Find and store the faces of one photo (its upright display copy).

    A photo an officer marked by hand is left alone unless `force`. When dlib cannot be
    loaded nothing changes: the photo stays pending, to be done on a desk that has it.
    """
    ok, reason = faces_available()
    with app.db.session() as session:
        source = _photo_file(app, session, photo_id)
    if source.status == MANUAL and not force:
        return _current(app, photo_id, "Marked by hand; left as the officer marked it.")
    if not ok:
        return FaceOutcome(photo_id, PENDING, (), reason)
    try:
        analysis = analyse_photo(_open(app, source))
    except (OSError, UnidentifiedImageError, ValueError) as error:
        log.warning("face analysis of photo %s failed: %s", photo_id, error)
        return _store(app, source, FAILED, (), f"The photo could not be read ({error}).")
    return _store(app, source, analysis.status, analysis.faces, analysis.message)


def _store(
    app: App,
    source: _PhotoFile,
    status: str,
    faces: tuple[DetectedFace, ...],
    message: str,
    audit: tuple[UserInfo, str, str] | None = None,
) -> FaceOutcome:
    """Write the faces found, unless the photo was removed or turned meanwhile. `audit` is
    (user, action, summary) for an officer's own action."""
    with app.db.session() as session:
        photo = session.get(Photo, source.photo_id)
        if photo is None or photo.rotation != source.rotation:
            return FaceOutcome(source.photo_id, PENDING, (), "The photo changed meanwhile.")
        stored = _replace_vectors(session, photo, faces)
        photo.face_status = status
        if audit is not None:
            _audit(session, photo, *audit)
        return FaceOutcome(photo.id, status, stored, message)


def _replace_vectors(
    session: Session, photo: Photo, faces: tuple[DetectedFace, ...]
) -> tuple[StoredFace, ...]:
    session.execute(delete(FaceVector).where(FaceVector.photo_id == photo.id))
    stored = []
    now = utcnow()
    for face in faces:
        left, top, right, bottom = face.box
        row = FaceVector(
            photo_id=photo.id,
            box_left=left,
            box_top=top,
            box_right=right,
            box_bottom=bottom,
            method=face.method,
            vector=vector_to_bytes(face.vector),
            model=MODEL,
            created_at=now,
        )
        session.add(row)
        session.flush()
        stored.append(StoredFace(row.id, face.box, face.method))
    return tuple(stored)


def _current(app: App, photo_id: str, message: str) -> FaceOutcome:
    with app.db.session() as session:
        photo = session.get(Photo, photo_id)
        if photo is None:
            raise NotFound(f"No photo with id {photo_id}.")
        return FaceOutcome(photo_id, photo.face_status, stored_faces(session, photo_id), message)


def stored_faces(session: Session, photo_id: str) -> tuple[StoredFace, ...]:
    rows = session.scalars(
        select(FaceVector).where(FaceVector.photo_id == photo_id).order_by(FaceVector.created_at)
    )
    return tuple(
        StoredFace(r.id, (r.box_left, r.box_top, r.box_right, r.box_bottom), r.method) for r in rows
    )


@dataclass(frozen=True, slots=True)
class FaceBatch:
    """Counts by new status, e.g. {"one_face": 120, "no_face": 7}; `message` when faces
    are unavailable and nothing could be done."""

    counts: dict[str, int]
    message: str = ""

    def summary(self) -> str:
        if self.message:
            return self.message
        done = ", ".join(
            f"{n} {status.replace('_', ' ')}" for status, n in sorted(self.counts.items())
        )
        return f"faces computed for {sum(self.counts.values())} photo(s): {done or 'none'}"


def compute_pending_faces(
    app: App,
    *,
    progress: ProgressCallback | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> FaceBatch:
    """Compute faces for every photo still pending. Work already done is kept on cancel."""
    ok, reason = faces_available()
    if not ok:
        return FaceBatch({}, reason)
    with app.db.session() as session:
        pending = list(session.scalars(select(Photo.id).where(Photo.face_status == PENDING)))
    counts: Counter[str] = Counter()
    for done, photo_id in enumerate(pending, start=1):
        if should_cancel and should_cancel():
            raise Cancelled()
        try:
            counts[compute_faces(app, photo_id).status] += 1
        except NotFound:
            continue  # removed while the batch ran
        if progress:
            progress(done, len(pending))
    return FaceBatch(dict(counts))


def mark_face(app: App, user: UserInfo, photo_id: str, box: Box) -> FaceOutcome:
    """Store the face an officer boxed by hand (left, top, right, bottom in pixels of the
    photo as displayed, i.e. upright). Replaces any faces found automatically."""
    require(user, Action.EDIT)
    with app.db.session() as session:
        source = _photo_file(app, session, photo_id)
    try:
        face = encode_box(_open(app, source), box)
    except ValueError as error:
        raise InvalidInput([Problem(str(error), field="face")]) from error
    summary = f"face marked by hand at {face.box}"
    return _store(
        app, source, MANUAL, (face,), "Face marked by hand.", (user, "mark_face", summary)
    )


def choose_face(app: App, user: UserInfo, photo_id: str, face_id: str) -> FaceOutcome:
    """Keep only the face `face_id` of a photo showing several people: the child's."""
    require(user, Action.EDIT)
    with app.db.session() as session:
        photo = session.get(Photo, photo_id)
        chosen = session.get(FaceVector, face_id)
        if photo is None or chosen is None or chosen.photo_id != photo_id:
            raise NotFound(f"No face {face_id} in photo {photo_id}.")
        session.execute(
            delete(FaceVector).where(FaceVector.photo_id == photo_id, FaceVector.id != face_id)
        )
        chosen.created_at = utcnow()  # lets matching notice the change
        photo.face_status = MANUAL
        _audit(session, photo, user, "choose_face", "the child's face chosen among several")
    return _current(app, photo_id, "The child's face was chosen; the other faces were set aside.")


def _audit(session: Session, photo: Photo, user: UserInfo, action: str, summary: str) -> None:
    owner = find_row(session, photo.missing_id or photo.found_id or "")
    kind = "missing" if isinstance(owner, MissingReport) else "found"
    AuditLog(session, user).record(
        action, kind, owner.id, {"photo_id": photo.id, "summary": summary}
    )
