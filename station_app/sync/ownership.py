"""Which station a row belongs to, as HQ's database says: a station's batch may only
write its own rows, never another station's, whatever ids it names."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station_app.db.models import FaceVector, FoundChild, MissingReport, Photo

BATCH = 500


def _batches(ids: Collection[str]) -> list[list[str]]:
    items = sorted(set(ids))
    return [items[i : i + BATCH] for i in range(0, len(items), BATCH)]


def record_stations(session: Session, ids: Collection[str]) -> dict[str, str]:
    """Record id -> station code, for those ids that are records of either register."""
    found: dict[str, str] = {}
    for batch in _batches(ids):
        for model in (MissingReport, FoundChild):
            rows = session.execute(select(model.id, model.station_code).where(model.id.in_(batch)))
            found.update({record_id: code for record_id, code in rows})
    return found


def photo_owners(session: Session, photo_ids: Collection[str]) -> dict[str, tuple[str, str]]:
    """Photo id -> (owner record id, station code)."""
    owners: dict[str, tuple[str, str]] = {}
    for batch in _batches(photo_ids):
        rows = session.execute(
            select(
                Photo.id,
                func.coalesce(Photo.missing_id, Photo.found_id),
                func.coalesce(MissingReport.station_code, FoundChild.station_code),
            )
            .outerjoin(MissingReport, MissingReport.id == Photo.missing_id)
            .outerjoin(FoundChild, FoundChild.id == Photo.found_id)
            .where(Photo.id.in_(batch))
        )
        owners.update({photo_id: (owner, code) for photo_id, owner, code in rows})
    return owners


def face_vector_photos(session: Session, ids: Collection[str]) -> dict[str, str]:
    """Face vector id -> photo id."""
    photos: dict[str, str] = {}
    for batch in _batches(ids):
        rows = session.execute(
            select(FaceVector.id, FaceVector.photo_id).where(FaceVector.id.in_(batch))
        )
        photos.update({vector_id: photo_id for vector_id, photo_id in rows})
    return photos
