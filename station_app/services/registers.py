"""Registering, editing and reading missing reports and found children."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from station_app import audit
from station_app.app import App
from station_app.audit import AuditLog
from station_app.case_numbers import next_case_number
from station_app.db.base import utcnow
from station_app.db.models import FoundChild, MissingReport, Photo
from station_app.domain import (
    AuditEntry,
    ChildDetails,
    ChildRecord,
    Kind,
    MissingDetails,
    UserInfo,
)
from station_app.errors import InvalidInput, NotFound, Problem, StationError
from station_app.permissions import Action, require
from station_app.photo_store import CheckedImage, PhotoStore, StoredPhoto
from station_app.record_mapping import apply_details, column_values, to_record

ChildRow = MissingReport | FoundChild


def model_for(kind: Kind) -> type[MissingReport] | type[FoundChild]:
    return MissingReport if kind is Kind.MISSING else FoundChild


def kind_of(details: ChildDetails) -> Kind:
    return Kind.MISSING if isinstance(details, MissingDetails) else Kind.FOUND


@contextmanager
def stored_photos(store: PhotoStore, images: Sequence[CheckedImage]) -> Iterator[list[StoredPhoto]]:
    """Write photo files first; if the database work that follows fails, remove them."""
    stored: list[StoredPhoto] = []
    try:
        for image in images:
            stored.append(store.store(image))
        yield stored
    except BaseException:
        for item in stored:
            store.discard(item.created_files)
        raise


def find_row(session: Session, record_id: str) -> ChildRow:
    row: ChildRow | None = session.get(MissingReport, record_id) or session.get(
        FoundChild, record_id
    )
    if row is None:
        raise NotFound(f"No record with id {record_id}.")
    return row


def find_by_ref(session: Session, kind: Kind, station_code: str, ref: str) -> ChildRow | None:
    """The station's record of this kind with the register's own `ref`, if any."""
    if kind is Kind.MISSING:
        return session.scalar(
            select(MissingReport).where(
                MissingReport.station_code == station_code, MissingReport.ref == ref
            )
        )
    return session.scalar(
        select(FoundChild).where(FoundChild.station_code == station_code, FoundChild.ref == ref)
    )


def find_by_reference(session: Session, station_code: str | None, text: str) -> list[ChildRow]:
    """Rows whose case number, id or the register's own ref is `text` (both registers)."""
    text = text.strip()
    rows: list[ChildRow] = []
    for model in (MissingReport, FoundChild):
        query = select(model).where(
            or_(model.case_number == text, model.id == text, model.ref == text)
        )
        if station_code:
            query = query.where(model.station_code == station_code)
        rows.extend(session.scalars(query))
    return rows


def photos_of(session: Session, row: ChildRow) -> list[Photo]:
    column = Photo.missing_id if isinstance(row, MissingReport) else Photo.found_id
    return list(session.scalars(select(Photo).where(column == row.id).order_by(Photo.position)))


def attach_photos(
    session: Session, row: ChildRow, stored: Sequence[StoredPhoto], user: UserInfo, log: AuditLog
) -> int:
    """Add photo rows for `stored`, skipping images the record already has."""
    existing = photos_of(session, row)
    known = {p.sha256 for p in existing}
    position = max((p.position for p in existing), default=-1) + 1
    has_main = any(p.is_main for p in existing)
    added = 0
    for item in stored:
        image = item.image
        if image.sha256 in known:
            continue
        known.add(image.sha256)
        photo = Photo(
            missing_id=row.id if isinstance(row, MissingReport) else None,
            found_id=row.id if isinstance(row, FoundChild) else None,
            sha256=image.sha256,
            normalized_sha256=item.normalized_sha256,
            original_name=image.original_name[-300:],
            original_ext=image.ext,
            byte_size=len(image.data),
            width=image.width,
            height=image.height,
            is_main=not has_main,
            position=position,
            created_by=user.username,
        )
        has_main = True
        position += 1
        session.add(photo)
        session.flush()
        log.record(
            "add_photo",
            "missing" if isinstance(row, MissingReport) else "found",
            row.id,
            {"photo_id": photo.id, "sha256": image.sha256, "name": image.original_name,
             "summary": f"photo {image.original_name or image.sha256[:12]}"},
        )  # fmt: skip
        added += 1
    return added


def create_row(
    session: Session, station_code: str, details: ChildDetails, user: UserInfo, log: AuditLog
) -> ChildRow:
    kind = kind_of(details)
    values = column_values(details)
    registered_at = values.get("registered_at") or datetime.now().replace(microsecond=0)
    values["registered_at"] = registered_at
    row = model_for(kind)(
        station_code=station_code,
        case_number=next_case_number(session, station_code, kind.letter, registered_at.year),
        created_by=user.username,
        updated_by=user.username,
        version=1,
        **values,
    )
    session.add(row)
    session.flush()
    log.record("create", kind.value, row.id, {"case_number": row.case_number, "ref": row.ref})
    return row


def update_row(
    row: ChildRow, details: ChildDetails, user: UserInfo, log: AuditLog
) -> dict[str, object]:
    changed = apply_details(row, details)
    if changed:
        row.version += 1
        row.updated_at = utcnow()
        row.updated_by = user.username
        kind = Kind.MISSING if isinstance(row, MissingReport) else Kind.FOUND
        log.record("update", kind.value, row.id, {"changed": changed, "version": row.version})
    return changed


def _check_ref_free(session: Session, details: ChildDetails, station: str, own_id: str) -> None:
    model = model_for(kind_of(details))
    clash = session.scalar(
        select(model.case_number).where(
            model.station_code == station, model.ref == details.ref, model.id != own_id
        )
    )
    if clash:
        raise InvalidInput([Problem(f"is already used by {clash}", field="ref", ref=details.ref)])


def register(
    app: App, user: UserInfo, details: ChildDetails, images: Sequence[CheckedImage] = ()
) -> ChildRecord:
    """Register a new missing report or found child, with its photos, in one transaction."""
    require(user, Action.REGISTER)
    problems = validate_details(details)
    if problems:
        raise InvalidInput(problems)
    with stored_photos(app.photos, images) as stored, app.db.session() as session:
        _check_ref_free(session, details, user.station_code, "")
        log = AuditLog(session, user)
        row = create_row(session, user.station_code, details, user, log)
        attach_photos(session, row, stored, user, log)
        return to_record(row, photos_of(session, row), app.photos)


def update(
    app: App,
    user: UserInfo,
    record_id: str,
    details: ChildDetails,
    expected_version: int,
    images: Sequence[CheckedImage] = (),
) -> ChildRecord:
    """Save an edit. Refused if someone else saved the record since it was opened."""
    require(user, Action.EDIT)
    problems = validate_details(details)
    if problems:
        raise InvalidInput(problems)
    with stored_photos(app.photos, images) as stored, app.db.session() as session:
        row = find_row(session, record_id)
        if kind_of(details).value != ("missing" if isinstance(row, MissingReport) else "found"):
            raise StationError("A missing report cannot become a found child or the reverse.")
        if row.version != expected_version:
            raise StationError(
                f"{row.case_number} was changed by {row.updated_by} at {row.updated_at:%H:%M} "
                "while you were editing it; reopen it to see their change."
            )
        _check_ref_free(session, details, row.station_code, row.id)
        log = AuditLog(session, user)
        update_row(row, details, user, log)
        attach_photos(session, row, stored, user, log)
        return to_record(row, photos_of(session, row), app.photos)


def get(app: App, user: UserInfo, record_id: str) -> ChildRecord:
    """One record with its photos; the view is written to the audit log."""
    require(user, Action.VIEW)
    with app.db.session() as session:
        row = find_row(session, record_id)
        AuditLog(session, user).record("view", _kind_name(row), row.id)
        return to_record(row, photos_of(session, row), app.photos)


def lookup(app: App, user: UserInfo, reference: str) -> list[ChildRecord]:
    """Records whose case number, id or ref is `reference`; each view is audited."""
    require(user, Action.VIEW)
    with app.db.session() as session:
        rows = find_by_reference(session, None, reference)
        log = AuditLog(session, user)
        for row in rows:
            log.record("view", _kind_name(row), row.id)
        return [to_record(row, photos_of(session, row), app.photos) for row in rows]


def record_history(app: App, user: UserInfo, record_id: str) -> list[AuditEntry]:
    """Who created, viewed or changed the record (its photos included) and when."""
    require(user, Action.VIEW)
    with app.db.session() as session:
        return audit.history(session, record_id)


def _kind_name(row: ChildRow) -> str:
    return "missing" if isinstance(row, MissingReport) else "found"


def validate_details(details: ChildDetails) -> list[Problem]:
    """Rules a record must satisfy whichever way it arrives (form, import, batch)."""
    from station_app.validation import check_details

    return check_details(details)
