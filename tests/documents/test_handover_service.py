"""Issuing and reprinting handover certificates, as the officer and the audit see them."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from station_app.app import App
from station_app.db.models import (
    AuditEvent,
    CaseCounter,
    FoundChild,
    Handover,
    MissingReport,
)
from station_app.documents.certificate import Receiver
from station_app.domain import MissingDetails, UserInfo
from station_app.errors import InvalidInput, PermissionDenied, StationError
from station_app.photo_store import check_image
from station_app.services import handover, registers
from tests.conftest import jpeg_bytes
from tests.documents.conftest import (
    HANDED_OVER_AT,
    a_request,
    complaint_details,
    needs_poppler,
    pdf_text,
)


def _counts(app: App) -> tuple[int, int, int]:
    """Certificates, audit rows and certificate serials handed out: what a refusal keeps."""
    with app.db.session() as session:
        return (
            session.scalar(select(func.count()).select_from(Handover)) or 0,
            session.scalar(select(func.count()).select_from(AuditEvent)) or 0,
            session.scalar(select(func.coalesce(func.sum(CaseCounter.last_serial), 0)).where(
                CaseCounter.letter == "H"
            )) or 0,
        )  # fmt: skip


def test_issuing_traces_the_complaint_restores_the_found_child_and_is_audited(
    app: App, admin: UserInfo, complaint: str, found: str
) -> None:
    document = handover.issue_handover(app, admin, a_request())

    assert re.fullmatch(r"RTM01/2026/H/\d{4}", document.certificate_number)
    assert document.certificate_number == "RTM01/2026/H/0001"
    assert document.pdf.startswith(b"%PDF") and document.copy_number == 1
    with app.db.session() as session:
        missing = session.get(MissingReport, complaint)
        child = session.get(FoundChild, found)
        assert missing is not None and child is not None
        assert (missing.status, missing.traced_at) == ("traced", HANDED_OVER_AT)
        assert (child.status, child.restored_at) == ("restored", HANDED_OVER_AT)
        row = session.scalar(select(Handover))
        assert row is not None
        assert (row.missing_id, row.found_id, row.print_count) == (complaint, found, 1)
        assert row.details["receiver"]["name"] == "सुरेश कुमार"
        assert row.signature is not None and len(row.signature) == 64
        events = session.execute(
            select(AuditEvent.action, AuditEvent.record_type, AuditEvent.record_id)
            .order_by(AuditEvent.seq.desc())
            .limit(3)
        ).all()
    assert set(events) == {
        ("issue_handover", "handover", row.id),
        ("update", "missing", complaint),
        ("update", "found", found),
    }
    history = registers.record_history(app, admin, complaint)
    assert "changed status, traced_at" in [entry.summary for entry in history]


def test_a_second_certificate_for_the_same_child_is_refused_and_nothing_written(
    app: App, admin: UserInfo, issued: handover.PrintedDocument
) -> None:
    before = _counts(app)
    with pytest.raises(StationError, match="RTM01/2026/H/0001 was already issued"):
        handover.issue_handover(app, admin, a_request(found_ref=""))
    assert _counts(app) == before


def test_a_complaint_traced_earlier_is_handed_over_keeping_its_traced_date(
    app: App, admin: UserInfo, complaint: str, found: str
) -> None:
    record = registers.get(app, admin, complaint)
    earlier = HANDED_OVER_AT - timedelta(days=2)
    traced = replace(complaint_details(), status="traced", traced_at=earlier)  # type: ignore[arg-type]
    registers.update(app, admin, complaint, traced, record.meta.version)
    handover.issue_handover(app, admin, a_request())
    after = registers.get(app, admin, complaint)
    assert isinstance(after.details, MissingDetails)
    assert (after.details.status.value, after.details.traced_at) == ("traced", earlier)


def test_a_closed_complaint_gets_no_certificate(
    app: App, admin: UserInfo, complaint: str, found: str
) -> None:
    record = registers.get(app, admin, complaint)
    closed = replace(complaint_details(), status="closed")  # type: ignore[arg-type]
    registers.update(app, admin, complaint, closed, record.meta.version)
    before = _counts(app)
    with pytest.raises(StationError, match="is closed; no certificate was issued"):
        handover.issue_handover(app, admin, a_request())
    assert _counts(app) == before


def test_a_found_child_already_restored_is_refused(
    app: App, admin: UserInfo, issued: handover.PrintedDocument
) -> None:
    registers.register(app, admin, replace(complaint_details("FIR 13/2026"), name="दूसरा"))
    with pytest.raises(StationError, match="was already restored on 03-04-2026"):
        handover.issue_handover(app, admin, a_request(missing_ref="FIR 13/2026"))


def test_a_receiver_without_identity_document_is_refused_and_nothing_written(
    app: App, admin: UserInfo, complaint: str, found: str
) -> None:
    receiver = Receiver(name="सुरेश कुमार", relation="पिता", id_type="", id_number="")
    before = _counts(app)
    with pytest.raises(InvalidInput) as caught:
        handover.issue_handover(app, admin, a_request(receiver=receiver))
    assert "field 'receiver_id': is required: the receiver must show an identity document" in str(
        caught.value
    )
    assert _counts(app) == before
    assert registers.get(app, admin, complaint).details.status.value == "open"


def test_a_bad_aadhaar_number_and_a_future_time_are_both_reported(
    app: App, admin: UserInfo, complaint: str
) -> None:
    receiver = replace(a_request().receiver, id_type="Aadhaar card", id_number="1234")
    request = a_request(receiver=receiver, handed_over_at=HANDED_OVER_AT.replace(year=2999))
    with pytest.raises(InvalidInput) as caught:
        handover.issue_handover(app, admin, request)
    fields = {problem.field for problem in caught.value.problems}
    assert fields == {"receiver_id_number", "handed_over_at"}


def test_a_child_without_a_photo_gets_no_certificate_and_uses_no_number(
    app: App, admin: UserInfo
) -> None:
    registers.register(app, admin, complaint_details())
    before = _counts(app)
    with pytest.raises(StationError, match="has no photo of the child"):
        handover.issue_handover(app, admin, a_request(found_ref=""))
    assert _counts(app) == before
    registers.register(
        app,
        admin,
        complaint_details("FIR 14/2026"),
        [check_image(jpeg_bytes(), "p.jpg")],
    )
    second = handover.issue_handover(app, admin, a_request(missing_ref="FIR 14/2026", found_ref=""))
    assert second.certificate_number == "RTM01/2026/H/0001"


def test_an_officer_may_not_issue_a_certificate(
    app: App, officer: UserInfo, complaint: str
) -> None:
    with pytest.raises(PermissionDenied):
        handover.issue_handover(app, officer, a_request(found_ref=""))


@needs_poppler
def test_a_reprint_says_duplicate_counts_the_print_and_is_audited(
    app: App, admin: UserInfo, issued: handover.PrintedDocument, tmp_path: Path
) -> None:
    original = pdf_text(issued.pdf, tmp_path)
    assert "परिवार की प्रति" in original and "थाने की प्रति" in original
    assert "प्रतिलिपि" not in original

    copy = handover.reprint_handover(app, admin, issued.certificate_number)

    text = pdf_text(copy.pdf, tmp_path)
    assert "प्रतिलिपि" in text and "DUPLICATE COPY · PRINT 2" in text
    assert copy.copy_number == 2 and copy.file_name.endswith("-copy2.pdf")
    assert handover.reprint_handover(app, admin, issued.certificate_number).copy_number == 3
    with app.db.session() as session:
        assert session.scalar(select(Handover.print_count)) == 3
        prints = session.scalars(
            select(AuditEvent.details).where(AuditEvent.action == "print_handover")
        ).all()
    assert [(p["copy"], p["duplicate"]) for p in prints] == [(2, True), (3, True)]


@needs_poppler
def test_the_certificate_shows_what_was_entered(
    issued: handover.PrintedDocument, tmp_path: Path
) -> None:
    text = pdf_text(issued.pdf, tmp_path)
    for expected in (
        "सुपुर्दगीनामा",
        "HANDOVER CERTIFICATE",
        "RTM01/2026/H/0001",
        "राजेश कुमार",
        "RTM01/2026/M/0001 · FIR 12/2026",
        "RTM01/2026/F/0001 · GD 45/2026",
        "आधार कार्ड / Aadhaar card: XXXX XXXX 9012",
        "Ramesh Chouhan, Sub-Inspector (No. PN 1234)",
        "मोहन लाल",
        "CWC/RTM/112/2026",
        "03-04-2026 14:30",
    ):
        assert expected in text, expected
    assert "1234 5678 9012" not in text  # UIDAI: an Aadhaar number is printed masked


def test_reprinting_an_unknown_number_says_so(app: App, admin: UserInfo) -> None:
    with pytest.raises(StationError, match="No handover certificate numbered"):
        handover.reprint_handover(app, admin, "RTM01/2026/H/0999")
