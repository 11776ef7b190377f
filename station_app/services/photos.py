"""A child's photos after registration: add more, choose the main one, rotate, remove.

Each function is one user action: it checks the permission, opens one session, writes
any new photo files before the commit that refers to them (and removes them again if
the commit fails), and records the change in the audit log against the child's record,
so the record's history shows it. A record's version is not bumped: photos are not part
of the details an edit form saves, so a photo change never makes an open edit stale.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import delete
from sqlalchemy.orm import Session

from station_app.app import App
from station_app.audit import AuditLog
from station_app.db.base import utcnow
from station_app.db.models import FaceVector, MissingReport, Photo
from station_app.domain import ChildRecord, UserInfo
from station_app.errors import NotFound, StationError
from station_app.permissions import Action, require
from station_app.photo_store import CheckedImage
from station_app.record_mapping import to_record
from station_app.services.registers import (
    ChildRow,
    attach_photos,
    find_row,
    photos_of,
    stored_photos,
)

QUARTER_TURNS = (0, 90, 180, 270)


def _photo_and_owner(session: Session, photo_id: str) -> tuple[Photo, ChildRow]:
    photo = session.get(Photo, photo_id)
    if photo is None:
        raise NotFound(f"No photo with id {photo_id}; it may have been removed meanwhile.")
    owner_id = photo.missing_id or photo.found_id
    if owner_id is None:
        raise NotFound(f"Photo {photo_id} belongs to no record.")
    return photo, find_row(session, owner_id)


def _kind_name(row: ChildRow) -> str:
    return "missing" if isinstance(row, MissingReport) else "found"


def _log_change(
    session: Session, user: UserInfo, row: ChildRow, action: str, photo: Photo, summary: str
) -> None:
    row.updated_at = utcnow()
    row.updated_by = user.username
    AuditLog(session, user).record(
        action,
        _kind_name(row),
        row.id,
        {"photo_id": photo.id, "sha256": photo.sha256, "summary": summary},
    )


def _label(photo: Photo) -> str:
    return photo.original_name or photo.sha256[:12]


def add_photos(
    app: App, user: UserInfo, record_id: str, images: Sequence[CheckedImage]
) -> ChildRecord:
    """Attach checked images to a stored record; images it already has are skipped."""
    require(user, Action.EDIT)
    with stored_photos(app.photos, images) as stored, app.db.session() as session:
        row = find_row(session, record_id)
        if attach_photos(session, row, stored, user, AuditLog(session, user)):
            row.updated_at = utcnow()
            row.updated_by = user.username
        return to_record(row, photos_of(session, row), app.photos)


def set_main_photo(app: App, user: UserInfo, photo_id: str) -> ChildRecord:
    """Make one photo the record's main photo (the one registers and matching show first)."""
    require(user, Action.EDIT)
    with app.db.session() as session:
        photo, row = _photo_and_owner(session, photo_id)
        photos = photos_of(session, row)
        if not photo.is_main:
            for other in photos:
                other.is_main = other.id == photo.id
            _log_change(session, user, row, "set_main_photo", photo, f"main photo {_label(photo)}")
        return to_record(row, photos, app.photos)


def rotate_photo(app: App, user: UserInfo, photo_id: str, degrees: int) -> ChildRecord:
    """Turn a photo by a multiple of 90 degrees clockwise; the original file is untouched.

    The display copies for the new rotation are written before the commit. Faces found
    in the old orientation no longer fit, so the photo goes back to face detection.
    """
    require(user, Action.EDIT)
    if degrees % 90:
        raise StationError("A photo can only be turned by quarter turns (90 degrees).")
    created: list[Path] = []
    try:
        with app.db.session() as session:
            photo, row = _photo_and_owner(session, photo_id)
            rotation = (photo.rotation + degrees) % 360
            if rotation != photo.rotation:
                created = app.photos.rederive(photo.sha256, photo.original_ext, rotation)
                normalized = app.photos.read_normalized(photo.sha256, rotation)
                photo.rotation = rotation
                photo.normalized_sha256 = hashlib.sha256(normalized).hexdigest()
                photo.face_status = "pending"
                session.execute(delete(FaceVector).where(FaceVector.photo_id == photo.id))
                _log_change(
                    session,
                    user,
                    row,
                    "rotate_photo",
                    photo,
                    f"turned photo {_label(photo)} to {rotation} degrees",
                )
            return to_record(row, photos_of(session, row), app.photos)
    except BaseException:
        app.photos.discard(created)
        raise


def remove_photo(app: App, user: UserInfo, photo_id: str) -> ChildRecord:
    """Take a photo off a record. Its files stay until the store is swept, as evidence."""
    require(user, Action.EDIT)
    with app.db.session() as session:
        photo, row = _photo_and_owner(session, photo_id)
        _log_change(session, user, row, "remove_photo", photo, f"removed photo {_label(photo)}")
        was_main = photo.is_main
        session.delete(photo)
        session.flush()
        rest = photos_of(session, row)
        if was_main and rest:
            rest[0].is_main = True
        return to_record(row, rest, app.photos)
