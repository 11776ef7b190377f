"""Profiles from the database: records with their stored face vectors, and which records
are candidates at all (open complaints; found children not yet restored)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime

import numpy as np
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from station_app.db.models import FaceVector, FoundChild, MissingReport, Photo
from station_app.domain import FoundStatus, Kind, MissingStatus
from station_app.matching.profile import ChildProfile, profile_from_details
from station_app.matching.profile import FaceVector as Vector
from station_app.record_mapping import found_details, missing_details

BATCH = 500
"""Ids per IN (...) query; SQLite allows 32,766 parameters, but long lists plan slowly."""
VECTOR_DTYPE = np.dtype("<f4")

Model = type[MissingReport] | type[FoundChild]


def model_of(kind: Kind) -> Model:
    return MissingReport if kind is Kind.MISSING else FoundChild


def candidate_filter(kind: Kind) -> ColumnElement[bool]:
    """Records that may still be matched: open complaints, found children not restored."""
    if kind is Kind.MISSING:
        return MissingReport.status == MissingStatus.OPEN.value
    return FoundChild.status != FoundStatus.RESTORED.value


def _owner_column(kind: Kind) -> InstrumentedAttribute[str | None]:
    return Photo.missing_id if kind is Kind.MISSING else Photo.found_id


def vector_from_bytes(data: bytes) -> Vector:
    vector: Vector = np.frombuffer(data, dtype=VECTOR_DTYPE).astype(np.float32)
    return vector


def vector_to_bytes(vector: Vector) -> bytes:
    return np.asarray(vector, dtype=VECTOR_DTYPE).tobytes()


def _batches(ids: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(ids), BATCH):
        yield ids[start : start + BATCH]


def face_vectors(session: Session, kind: Kind, ids: Sequence[str]) -> dict[str, list[Vector]]:
    owner = _owner_column(kind)
    found: dict[str, list[Vector]] = {}
    for batch in _batches(ids):
        rows = session.execute(
            select(owner, FaceVector.vector)
            .select_from(FaceVector)
            .join(Photo, FaceVector.photo_id == Photo.id)
            .where(owner.in_(batch))
            .order_by(FaceVector.photo_id, FaceVector.id)
        )
        for record_id, data in rows:
            if record_id is not None:
                found.setdefault(record_id, []).append(vector_from_bytes(data))
    return found


def load_profiles(session: Session, kind: Kind, ids: Sequence[str]) -> list[ChildProfile]:
    """Profiles of the records with these ids, in the same order (ids not found are left
    out), faces included."""
    vectors = face_vectors(session, kind, ids)
    profiles: dict[str, ChildProfile] = {}
    for batch in _batches(ids):
        for row in _rows(session, kind, batch):
            details = missing_details(row) if isinstance(row, MissingReport) else found_details(row)
            faces = tuple(vectors.get(row.id, ()))
            profiles[row.id] = profile_from_details(row.id, row.case_number, details, faces)
    return [profiles[i] for i in ids if i in profiles]


def _rows(session: Session, kind: Kind, ids: Sequence[str]) -> list[MissingReport | FoundChild]:
    if kind is Kind.MISSING:
        return list(session.scalars(select(MissingReport).where(MissingReport.id.in_(ids))))
    return list(session.scalars(select(FoundChild).where(FoundChild.id.in_(ids))))


def load_profile(session: Session, kind: Kind, record_id: str) -> ChildProfile | None:
    found = load_profiles(session, kind, [record_id])
    return found[0] if found else None


Stamp = tuple[datetime, int, datetime | None]
"""(record updated_at, number of face vectors, newest face vector time)."""


def candidate_stamps(session: Session, kind: Kind) -> dict[str, Stamp]:
    """Every candidate record's id with what changes when it, or its faces, change."""
    model = model_of(kind)
    owner = _owner_column(kind)
    faces = {
        record_id: (count, newest)
        for record_id, count, newest in session.execute(
            select(owner, func.count(FaceVector.id), func.max(FaceVector.created_at))
            .select_from(FaceVector)
            .join(Photo, FaceVector.photo_id == Photo.id)
            .where(owner.is_not(None))
            .group_by(owner)
        )
    }
    stamps: dict[str, Stamp] = {}
    rows = session.execute(select(model.id, model.updated_at).where(candidate_filter(kind)))
    for record_id, updated_at in rows:
        count, newest = faces.get(record_id, (0, None))
        stamps[record_id] = (updated_at, count, newest)
    return stamps


def watermark(session: Session, kind: Kind) -> tuple[object, ...]:
    """A cheap summary that changes whenever any candidate or any face vector may have."""
    model = model_of(kind)
    records = session.execute(
        select(func.count(), func.max(model.updated_at)).where(candidate_filter(kind))
    ).one()
    everything = session.execute(select(func.count(), func.max(model.updated_at))).one()
    faces = session.execute(select(func.count(), func.max(FaceVector.created_at))).one()
    return (*records, *everything, *faces)
