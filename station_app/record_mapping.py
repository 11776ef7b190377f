"""Between ORM rows and the plain records the UI sees: the only place that knows both."""

from __future__ import annotations

import enum
from dataclasses import fields
from typing import Any

from station_app.db.models import FoundChild, MissingReport, Photo
from station_app.domain import (
    CaseType,
    ChildDetails,
    Complexion,
    FoundDetails,
    FoundRecord,
    FoundStatus,
    Guardian,
    Kind,
    MissingDetails,
    MissingRecord,
    MissingStatus,
    PhotoInfo,
    RecordMeta,
    Sex,
)
from station_app.names import search_key
from station_app.photo_store import PhotoStore

_COMMON = [f.name for f in fields(ChildDetails)]
_MISSING_ONLY = [
    "case_type",
    "fir_number",
    "last_seen_at",
    "last_seen_place",
    "status",
    "traced_at",
]
_FOUND_ONLY = ["gd_number", "found_at", "found_place", "found_by", "custody", "status"]
_GUARDIAN = {
    "guardian_name": "name",
    "guardian_relation": "relation",
    "guardian_phone": "phone",
    "guardian_address": "address",
}


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, enum.Enum):
        return value.value
    return value


def column_values(details: ChildDetails) -> dict[str, Any]:
    """The column values a details object stands for, ready to set on a model."""
    names = _COMMON + (_MISSING_ONLY if isinstance(details, MissingDetails) else _FOUND_ONLY)
    values = {name: _plain(getattr(details, name)) for name in names}
    if isinstance(details, MissingDetails):
        for column, attr in _GUARDIAN.items():
            values[column] = getattr(details.guardian, attr)
    values["name_key"] = search_key(details.name, details.aliases)
    return values


def apply_details(row: MissingReport | FoundChild, details: ChildDetails) -> dict[str, Any]:
    """Set the row's columns from `details`; return {column: [old, new]} for what changed."""
    changed: dict[str, Any] = {}
    for column, new in column_values(details).items():
        if column == "registered_at" and new is None:
            continue
        old = getattr(row, column)
        if old != new:
            changed[column] = [_json_safe(old), _json_safe(new)]
            setattr(row, column, new)
    changed.pop("name_key", None)
    return changed


def _json_safe(value: Any) -> Any:
    if value is None or isinstance(value, str | int | float | bool | list):
        return value
    return str(value)


def _common_kwargs(row: MissingReport | FoundChild) -> dict[str, Any]:
    return {
        "ref": row.ref,
        "name": row.name,
        "aliases": tuple(row.aliases or ()),
        "sex": Sex(row.sex),
        "age_years": row.age_years,
        "age_min": row.age_min,
        "age_max": row.age_max,
        "date_of_birth": row.date_of_birth,
        "height_cm": row.height_cm,
        "complexion": Complexion(row.complexion) if row.complexion else None,
        "build": row.build,
        "hair": row.hair,
        "eyes": row.eyes,
        "marks": row.marks,
        "clothing": row.clothing,
        "languages": tuple(row.languages or ()),
        "description": row.description,
        "district": row.district,
        "state": row.state,
        "registered_at": row.registered_at,
    }


def missing_details(row: MissingReport) -> MissingDetails:
    return MissingDetails(
        **_common_kwargs(row),
        case_type=CaseType(row.case_type),
        fir_number=row.fir_number,
        last_seen_at=row.last_seen_at,
        last_seen_place=row.last_seen_place,
        guardian=Guardian(
            row.guardian_name, row.guardian_relation, row.guardian_phone, row.guardian_address
        ),
        status=MissingStatus(row.status),
        traced_at=row.traced_at,
    )


def found_details(row: FoundChild) -> FoundDetails:
    return FoundDetails(
        **_common_kwargs(row),
        gd_number=row.gd_number,
        found_at=row.found_at,
        found_place=row.found_place,
        found_by=row.found_by,
        custody=row.custody,
        status=FoundStatus(row.status),
    )


def record_meta(row: MissingReport | FoundChild) -> RecordMeta:
    return RecordMeta(
        id=row.id,
        kind=Kind.MISSING if isinstance(row, MissingReport) else Kind.FOUND,
        station_code=row.station_code,
        case_number=row.case_number,
        version=row.version,
        created_at=row.created_at,
        updated_at=row.updated_at,
        created_by=row.created_by,
        updated_by=row.updated_by,
    )


def photo_info(photo: Photo, store: PhotoStore) -> PhotoInfo:
    return PhotoInfo(
        id=photo.id,
        sha256=photo.sha256,
        original_name=photo.original_name,
        width=photo.width,
        height=photo.height,
        is_main=photo.is_main,
        position=photo.position,
        normalized_path=str(store.normalized_path(photo.sha256, photo.rotation)),
        thumbnail_path=str(store.thumbnail_path(photo.sha256, photo.rotation)),
        original_path=str(store.original_path(photo.sha256, photo.original_ext)),
        face_status=photo.face_status,
    )


def to_record(
    row: MissingReport | FoundChild, photos: list[Photo], store: PhotoStore
) -> MissingRecord | FoundRecord:
    infos = tuple(photo_info(p, store) for p in sorted(photos, key=lambda p: p.position))
    if isinstance(row, MissingReport):
        return MissingRecord(record_meta(row), missing_details(row), infos)
    return FoundRecord(record_meta(row), found_details(row), infos)
