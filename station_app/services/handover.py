"""Restoring a child to the family, and the papers of a case: issuing and reprinting the
handover certificate, checking one, and printing missing posters and found notices.

Each function is one user action: one session, permission checked first, every change
and every print written to the audit log. The PDF is made before the transaction
commits, so a certificate that cannot be printed (no photo, damaged key) is not issued.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from station_app import keys
from station_app.app import App
from station_app.audit import AuditLog
from station_app.case_numbers import next_case_number
from station_app.db.base import utcnow
from station_app.db.models import (
    FoundChild,
    Handover,
    MatchDecision,
    MissingReport,
    Photo,
    Setting,
    Station,
)
from station_app.documents import qr_payload
from station_app.documents.certificate import (
    Certificate,
    ChildOnCertificate,
    from_json,
    to_json,
)
from station_app.documents.handover_pdf import PrintRun, handover_pdf
from station_app.documents.handover_request import HandoverRequest, check_request
from station_app.documents.notice_pdf import found_notice_pdf
from station_app.documents.poster_pdf import missing_poster_pdf
from station_app.documents.qr_reader import read_certificate_code
from station_app.documents.verification import KnownStation, Verdict, check
from station_app.documents.vocabulary import age_text, id_document_kind
from station_app.domain import (
    FoundRecord,
    FoundStatus,
    MissingRecord,
    MissingStatus,
    StationInfo,
    UserInfo,
)
from station_app.errors import InvalidInput, NotFound, Problem, StationError
from station_app.pdf.images import prepared_jpeg
from station_app.permissions import Action, require
from station_app.photo_store import PhotoStore, check_image
from station_app.record_mapping import missing_details, to_record
from station_app.services.registers import ChildRow, find_by_reference, photos_of

CERTIFICATE_LETTER = "H"
RECEIVER_PHOTO_PIXELS = 600
# Settings key of the phone number (or other contact) posters print; set by the admin.
CONTACT_SETTING = "station_contact"


@dataclass(frozen=True, slots=True)
class PrintedDocument:
    """A document ready to save or print, and what to call it."""

    title: str
    file_name: str
    pdf: bytes
    certificate_number: str = ""
    copy_number: int = 0


def _now() -> datetime:
    return datetime.now().replace(second=0, microsecond=0)


# -- issuing ---------------------------------------------------------------------------------


def issue_handover(
    app: App, user: UserInfo, request: HandoverRequest, now: datetime | None = None
) -> PrintedDocument:
    """Issue the certificate: complaint traced, found record restored, both originals made.

    All in one transaction with its audit entries; refused, with nothing written, if the
    complaint is already traced or has a certificate, or the child has no photo.
    """
    require(user, Action.ISSUE_HANDOVER)
    now = now or _now()
    request = replace(
        request,
        receiver=replace(request.receiver, id_type=id_document_kind(request.receiver.id_type)),
    )
    problems = check_request(request, now)
    if problems:
        raise InvalidInput(problems)
    receiver_photo = _receiver_photo(request.receiver_photo)
    with app.db.session() as session:
        station_row = _local_station(session)
        signer = keys.load_signer(
            app.paths, station_row.code, station_row.signing_public_key, app.private_key_password
        )
        missing = _missing_to_restore(session, station_row.code, request.missing_ref)
        found = _found_to_restore(session, station_row.code, request.found_ref)
        when = (request.handed_over_at or now).replace(second=0, microsecond=0)
        if missing.last_seen_at and when < missing.last_seen_at:
            raise InvalidInput(
                [Problem("is before the child was last seen", field="handed_over_at")]
            )
        photo_sha, photo_rotation, photo = _child_photo(session, app.photos, missing, found)
        certificate = Certificate(
            number=next_case_number(session, station_row.code, CERTIFICATE_LETTER, when.year),
            station=_station_info(station_row),
            key_fingerprint=signer.fingerprint,
            child=_child_on_certificate(missing, found, photo_sha, photo_rotation),
            receiver=replace(request.receiver, photo_jpeg=receiver_photo),
            officer=request.officer,
            handed_over_at=when,
            place=request.place.strip(),
            witnesses=tuple(w for w in request.witnesses if w.name.strip()),
            cwc_order_number=request.cwc_order_number.strip(),
            cwc_order_date=request.cwc_order_date,
            issued_by=user.full_name or user.username,
        )
        signed = qr_payload.sign(qr_payload.claim_for(certificate), signer)
        pdf = handover_pdf(
            certificate, signed.qr_text(), photo, PrintRun(1, now, user.full_name or user.username)
        )
        _record_issue(session, user, certificate, signed, missing, found)
    return _certificate_document(certificate, pdf, 1)


def _record_issue(
    session: Session,
    user: UserInfo,
    certificate: Certificate,
    signed: qr_payload.SignedClaim,
    missing: MissingReport,
    found: FoundChild | None,
) -> None:
    """The certificate row, the two records' new status, and their audit entries."""
    row = Handover(
        station_code=certificate.station.code,
        certificate_number=certificate.number,
        missing_id=missing.id,
        found_id=found.id if found else None,
        handed_over_at=certificate.handed_over_at,
        place=certificate.place,
        details=to_json(certificate),
        signed_payload=signed.claim.canonical().decode(),
        signature=signed.signature,
        print_count=1,
        created_by=user.username,
    )
    session.add(row)
    session.flush()
    log = AuditLog(session, user)
    when, number = certificate.handed_over_at, certificate.number
    _mark_traced(missing, when, user, log, number)
    if found is not None:
        _mark_restored(found, when, user, log, number)
    log.record(
        "issue_handover",
        "handover",
        row.id,
        {
            "certificate_number": number,
            "missing_id": missing.id,
            "found_id": found.id if found else None,
            "copy": 1,
            "summary": f"certificate {number} issued for {missing.case_number}",
        },
    )


def _receiver_photo(data: bytes | None) -> bytes | None:
    if not data:
        return None
    check_image(data, "the receiver's photo")
    return prepared_jpeg(data, RECEIVER_PHOTO_PIXELS)[0]


def _local_station(session: Session) -> Station:
    row = session.scalar(select(Station).where(Station.is_local.is_(True)).limit(1))
    if row is None:
        raise StationError("No station is set up here; run 'station-app init' first.")
    return row


def _station_info(row: Station) -> StationInfo:
    return StationInfo(row.code, row.name, row.district, row.state)


def _one_record(session: Session, station: str, reference: str) -> ChildRow:
    rows = find_by_reference(session, station, reference)
    if not rows:
        raise NotFound(f"No record with case number, id or ref '{reference}'.")
    if len(rows) > 1:
        raise StationError(
            f"'{reference}' names both a complaint and a found child; give the case number."
        )
    return rows[0]


def _missing_to_restore(session: Session, station: str, reference: str) -> MissingReport:
    row = _one_record(session, station, reference)
    if not isinstance(row, MissingReport):
        raise StationError(f"{row.case_number} is a found child, not a missing complaint.")
    issued = session.scalar(select(Handover).where(Handover.missing_id == row.id))
    if issued is not None:
        raise StationError(
            f"Certificate {issued.certificate_number} was already issued for "
            f"{row.case_number} on {issued.handed_over_at:%d-%m-%Y}; nothing was changed. "
            "Print a copy of it instead (it is marked duplicate)."
        )
    # A traced complaint (e.g. by a confirmed match) is exactly the one whose child is
    # handed over next; only a closed one (no child to hand over) is refused.
    if row.status == MissingStatus.CLOSED.value:
        raise StationError(f"{row.case_number} ({row.ref}) is closed; no certificate was issued.")
    return row


def _found_to_restore(session: Session, station: str, reference: str) -> FoundChild | None:
    if not reference.strip():
        return None
    row = _one_record(session, station, reference)
    if not isinstance(row, FoundChild):
        raise StationError(f"{row.case_number} is a missing complaint, not a found child.")
    if row.status == FoundStatus.RESTORED.value:
        since = f" on {row.restored_at:%d-%m-%Y}" if row.restored_at else ""
        raise StationError(
            f"{row.case_number} ({row.ref}) was already restored{since}; no certificate was issued."
        )
    return row


def _child_photo(
    session: Session, store: PhotoStore, missing: MissingReport, found: FoundChild | None
) -> tuple[str, int, bytes]:
    """The main photo of the complaint, else of the found record: sha, rotation, JPEG."""
    for row in (missing, found):
        if row is None:
            continue
        main = next((p for p in photos_of(session, row) if p.is_main), None)
        if main is not None:
            return main.sha256, main.rotation, _photo_bytes(store, main)
    raise StationError(
        f"{missing.case_number} has no photo of the child; add one to the complaint "
        "(or to the found record), then issue the certificate. Nothing was changed."
    )


def _photo_bytes(store: PhotoStore, photo: Photo, rotation: int | None = None) -> bytes:
    """The photo's upright JPEG, remade from the original if the derived file is gone."""
    turned = photo.rotation if rotation is None else rotation
    path = store.normalized_path(photo.sha256, turned)
    if not path.exists():
        try:
            store.rederive(photo.sha256, photo.original_ext, turned)
        except OSError as error:
            raise StationError(
                f"The photo file {photo.original_name or photo.sha256} is missing from the "
                "photo folder; restore it from backup."
            ) from error
    return store.read(path)


def _child_on_certificate(
    missing: MissingReport, found: FoundChild | None, photo_sha: str, photo_rotation: int
) -> ChildOnCertificate:
    details = missing_details(missing)
    hindi_age, english_age = age_text(details)
    return ChildOnCertificate(
        name=missing.name,
        sex=details.sex,
        age=f"{hindi_age} / {english_age}" if hindi_age else "",
        complaint_case_number=missing.case_number,
        fir_number=missing.fir_number,
        guardian_address=missing.guardian_address,
        found_case_number=found.case_number if found else "",
        gd_number=found.gd_number if found else "",
        photo_sha256=photo_sha,
        photo_rotation=photo_rotation,
    )


def _mark_traced(
    row: MissingReport, when: datetime, user: UserInfo, log: AuditLog, number: str
) -> None:
    if row.status == MissingStatus.TRACED.value and row.traced_at is not None:
        return  # traced earlier (a confirmed match): that date stands
    changed = {"status": [row.status, MissingStatus.TRACED.value], "traced_at": [None, str(when)]}
    row.status = MissingStatus.TRACED.value
    row.traced_at = when
    _bump(row, user)
    log.record(
        "update",
        "missing",
        row.id,
        {"changed": changed, "version": row.version, "certificate_number": number},
    )


def _mark_restored(
    row: FoundChild, when: datetime, user: UserInfo, log: AuditLog, number: str
) -> None:
    changed = {"status": [row.status, FoundStatus.RESTORED.value], "restored_at": [None, str(when)]}
    row.status = FoundStatus.RESTORED.value
    row.restored_at = when
    _bump(row, user)
    log.record(
        "update",
        "found",
        row.id,
        {"changed": changed, "version": row.version, "certificate_number": number},
    )


def _bump(row: ChildRow, user: UserInfo) -> None:
    row.version += 1
    row.updated_at = utcnow()
    row.updated_by = user.username


def _certificate_document(certificate: Certificate, pdf: bytes, copy: int) -> PrintedDocument:
    slug = certificate.number.replace("/", "-")
    suffix = "" if copy == 1 else f"-copy{copy}"
    return PrintedDocument(
        title=f"सुपुर्दगीनामा / Handover certificate {certificate.number}",
        file_name=f"handover-{slug}{suffix}.pdf",
        pdf=pdf,
        certificate_number=certificate.number,
        copy_number=copy,
    )


# -- reprinting ------------------------------------------------------------------------------


def reprint_handover(
    app: App, user: UserInfo, number: str, now: datetime | None = None
) -> PrintedDocument:
    """A duplicate copy (प्रतिलिपि) of an issued certificate, numbered and audited."""
    require(user, Action.ISSUE_HANDOVER)
    now = now or _now()
    with app.db.session() as session:
        row = session.scalar(select(Handover).where(Handover.certificate_number == number.strip()))
        if row is None:
            raise NotFound(f"No handover certificate numbered '{number}'.")
        certificate = from_json(row.details)
        photo = _stored_child_photo(session, app.photos, certificate)
        if row.signature is None:
            raise StationError(f"Certificate {row.certificate_number} has no signature on record.")
        qr_text = qr_payload.qr_text_for(row.signed_payload, row.signature)
        copy = row.print_count + 1
        pdf = handover_pdf(
            certificate, qr_text, photo, PrintRun(copy, now, user.full_name or user.username)
        )
        row.print_count = copy
        AuditLog(session, user).record(
            "print_handover",
            "handover",
            row.id,
            {
                "certificate_number": row.certificate_number,
                "copy": copy,
                "duplicate": True,
                "summary": f"duplicate copy {copy} of {row.certificate_number} printed",
            },
        )
    return _certificate_document(certificate, pdf, copy)


def _stored_child_photo(session: Session, store: PhotoStore, certificate: Certificate) -> bytes:
    sha = certificate.child.photo_sha256
    photo = session.scalar(select(Photo).where(Photo.sha256 == sha).limit(1))
    if photo is None:
        raise StationError(
            f"The child's photo on certificate {certificate.number} is no longer in the "
            "register; a copy cannot be printed without it."
        )
    return _photo_bytes(store, photo, certificate.child.photo_rotation)


def certificate_of(app: App, user: UserInfo, record_id: str) -> str | None:
    """The number of the certificate issued for a complaint or found record, if any."""
    require(user, Action.VIEW)
    with app.db.session() as session:
        return session.scalar(
            select(Handover.certificate_number).where(
                (Handover.missing_id == record_id) | (Handover.found_id == record_id)
            )
        )


# -- the station's key ----------------------------------------------------------------------


def station_key(app: App, user: UserInfo, create: bool = False) -> str:
    """The fingerprint of the station's signing key; `create` makes one for a station set
    up before certificates existed (never replacing a key it already has)."""
    require(user, Action.MANAGE_USERS if create else Action.VIEW)
    with app.db.session() as session:
        row = _local_station(session)
        if row.signing_public_key is not None:
            if create:
                raise StationError(
                    f"Station {row.code} already has signing key "
                    f"{keys.fingerprint(row.signing_public_key)}; it is never replaced."
                )
            return keys.fingerprint(row.signing_public_key)
        if not create:
            raise StationError(
                f"Station {row.code} has no signing key yet (it was set up before "
                "certificates existed); an admin makes one with: station-app signing-key --create"
            )
        row.signing_public_key = keys.create_station_keys(
            app.paths, row.code, app.private_key_password
        )
        fingerprint = keys.fingerprint(row.signing_public_key)
        AuditLog(session, user).record(
            "create_signing_key", "station", None, {"summary": f"signing key {fingerprint} made"}
        )
        return fingerprint


# -- checking --------------------------------------------------------------------------------


def verify_text(app: App, user: UserInfo, text: str) -> Verdict:
    """Is the certificate whose QR code reads `text` genuine? The check is audited."""
    require(user, Action.VIEW)
    with app.db.session() as session:

        def station(code: str) -> KnownStation | None:
            row = session.get(Station, code)
            if row is None:
                return None
            return KnownStation(row.code, row.name, row.signing_public_key, row.is_local)

        def register(number: str) -> bytes | None:
            payload = session.scalar(
                select(Handover.signed_payload).where(Handover.certificate_number == number)
            )
            return payload.encode() if payload is not None else None

        verdict = check(text, station, register)
        AuditLog(session, user).record(
            "verify_document",
            "handover",
            None,
            {
                "certificate_number": verdict.claim.number if verdict.claim else "",
                "genuine": verdict.genuine,
                "reason": verdict.reason.value,
                "summary": verdict.message,
            },
        )
    return verdict


def verify_file(app: App, user: UserInfo, path: Path) -> Verdict:
    """Read the QR code from a PDF or a scanned image, then check it as `verify_text`."""
    require(user, Action.VIEW)
    return verify_text(app, user, read_certificate_code(path))


# -- posters and notices ---------------------------------------------------------------------


def public_notice(
    app: App, user: UserInfo, reference: str, contact: str = "", now: datetime | None = None
) -> PrintedDocument:
    """The missing poster of a complaint, or the found-child notice of a found record."""
    require(user, Action.REGISTER)
    now = now or _now()
    with app.db.session() as session:
        station_row = _local_station(session)
        row = _one_record(session, station_row.code, reference)
        record = to_record(row, photos_of(session, row), app.photos)
        main = next((p for p in photos_of(session, row) if p.is_main), None)
        if main is None:
            raise StationError(
                f"{row.case_number} has no photo; a poster or notice needs the child's photo. "
                "Nothing was printed."
            )
        photo = _photo_bytes(app.photos, main)
        contact = (
            contact.strip() or (session.get(Setting, CONTACT_SETTING) or Setting(value="")).value
        )
        station = _station_info(station_row)
        document = _notice_for(record, station, photo, contact, now)
        AuditLog(session, user).record(
            "print_notice",
            record.meta.kind.value,
            row.id,
            {
                "document": "poster" if isinstance(record, MissingRecord) else "found_notice",
                "summary": f"{document.title} printed",
            },
        )
    return document


def _notice_for(
    record: MissingRecord | FoundRecord,
    station: StationInfo,
    photo: bytes,
    contact: str,
    now: datetime,
) -> PrintedDocument:
    slug = record.meta.case_number.replace("/", "-")
    if isinstance(record, MissingRecord):
        if record.details.status is not MissingStatus.OPEN:
            raise StationError(
                f"{record.meta.case_number} is {record.details.status.value}: a missing poster "
                "would mislead. Nothing was printed."
            )
        pdf = missing_poster_pdf(station, record.meta, record.details, photo, contact, now)
        return PrintedDocument(
            f"गुमशुदा की तलाश / Missing poster {record.meta.case_number}",
            f"missing-poster-{slug}.pdf",
            pdf,
        )
    if record.details.status is FoundStatus.RESTORED:
        raise StationError(
            f"{record.meta.case_number} is already restored to the family: a found-child notice "
            "would mislead. Nothing was printed."
        )
    pdf = found_notice_pdf(station, record.meta, record.details, photo, contact, now)
    return PrintedDocument(
        f"बच्चा मिला है / Found-child notice {record.meta.case_number}",
        f"found-notice-{slug}.pdf",
        pdf,
    )


def confirmed_found_child(app: App, user: UserInfo, missing_id: str) -> str | None:
    """The case number of the found child an officer confirmed as this complaint's child."""
    require(user, Action.VIEW)
    with app.db.read_session() as session:
        return session.scalar(
            select(FoundChild.case_number)
            .join(MatchDecision, MatchDecision.found_id == FoundChild.id)
            .where(
                MatchDecision.missing_id == missing_id,
                MatchDecision.decision == "confirmed",
                MatchDecision.undone_at.is_(None),
            )
            .order_by(MatchDecision.decided_at.desc())
            .limit(1)
        )
