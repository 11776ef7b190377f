"""Checking a certificate: genuine from its QR text, its PDF or a scan; forgeries caught."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PIL import Image, ImageFilter
from sqlalchemy import select

from station_app.app import App
from station_app.db.models import AuditEvent, Handover, Station
from station_app.documents import qr_payload
from station_app.documents.qr_reader import read_certificate_code
from station_app.documents.verification import Reason
from station_app.domain import UserInfo
from station_app.errors import StationError
from station_app.keys import StationSigner, raw_public_key
from station_app.services import handover
from tests.documents.conftest import needs_poppler, pdf_to_png


def _qr_text(app: App) -> str:
    with app.db.session() as session:
        row = session.scalars(select(Handover)).one()
        assert row.signature is not None
        return qr_payload.qr_text_for(row.signed_payload, row.signature)


def _changed(text: str, **fields: str) -> str:
    data = json.loads(text)
    data.update(fields)
    return json.dumps(data, ensure_ascii=False)


def test_the_qr_text_of_an_issued_certificate_is_genuine(
    app: App, admin: UserInfo, issued: handover.PrintedDocument
) -> None:
    verdict = handover.verify_text(app, admin, _qr_text(app))
    assert verdict.genuine and verdict.reason is Reason.GENUINE
    assert verdict.claim is not None
    assert (verdict.claim.number, verdict.claim.child_name, verdict.claim.receiver_name) == (
        "RTM01/2026/H/0001",
        "राजेश कुमार",
        "सुरेश कुमार",
    )
    assert verdict.claim.receiver_id == "Aadhaar card XXXX XXXX 9012"
    assert verdict.note == "It matches the station's register."


def test_key_order_and_spacing_of_a_copied_text_do_not_matter(
    app: App, admin: UserInfo, issued: handover.PrintedDocument
) -> None:
    data = json.loads(_qr_text(app))
    reordered = json.dumps(dict(reversed(list(data.items()))), ensure_ascii=True, indent=1)
    assert handover.verify_text(app, admin, reordered).genuine


@pytest.mark.parametrize(
    ("field", "value"),
    [("rc", "मोहन सिंह"), ("ch", "राकेश कुमार"), ("at", "2026-04-04T14:30"), ("rl", "uncle")],
)
def test_a_changed_field_is_not_genuine(
    app: App, admin: UserInfo, issued: handover.PrintedDocument, field: str, value: str
) -> None:
    verdict = handover.verify_text(app, admin, _changed(_qr_text(app), **{field: value}))
    assert not verdict.genuine and verdict.reason is Reason.ALTERED
    assert "a field was changed" in verdict.message


def test_a_certificate_signed_with_another_key_is_not_genuine(
    app: App, admin: UserInfo, issued: handover.PrintedDocument
) -> None:
    forger_key = Ed25519PrivateKey.generate()
    forger = StationSigner("RTM01", forger_key, raw_public_key(forger_key))
    claim = qr_payload.parse(_qr_text(app)).claim

    own_fingerprint = qr_payload.sign(replace(claim, key_fingerprint=forger.fingerprint), forger)
    verdict = handover.verify_text(app, admin, own_fingerprint.qr_text())
    assert not verdict.genuine and verdict.reason is Reason.OTHER_KEY
    assert f"signed with key {forger.fingerprint}" in verdict.message

    copied_fingerprint = qr_payload.sign(claim, forger)  # claims the station's fingerprint
    verdict = handover.verify_text(app, admin, copied_fingerprint.qr_text())
    assert not verdict.genuine and verdict.reason is Reason.ALTERED


def test_a_station_unknown_here_is_not_genuine(
    app: App, admin: UserInfo, issued: handover.PrintedDocument
) -> None:
    verdict = handover.verify_text(app, admin, _changed(_qr_text(app), st="BPL07"))
    assert not verdict.genuine and verdict.reason is Reason.UNKNOWN_STATION
    assert "station BPL07 is not known to this database" in verdict.message


def test_a_known_station_without_a_key_on_record_is_not_genuine(
    app: App, admin: UserInfo, issued: handover.PrintedDocument
) -> None:
    with app.db.session() as session:
        session.add(Station(code="BPL07", name="Bhopal", district="Bhopal", state="MP"))
    verdict = handover.verify_text(app, admin, _changed(_qr_text(app), st="BPL07"))
    assert verdict.reason is Reason.STATION_HAS_NO_KEY and not verdict.genuine


def test_text_that_is_no_certificate_says_so(app: App, admin: UserInfo) -> None:
    for text in ("hello", "{}", '{"t":"handover","v":1}', '{"t":"handover","v":9}'):
        verdict = handover.verify_text(app, admin, text)
        assert not verdict.genuine and verdict.reason is Reason.NOT_A_CERTIFICATE


def test_verification_is_audited(
    app: App, admin: UserInfo, issued: handover.PrintedDocument
) -> None:
    handover.verify_text(app, admin, _changed(_qr_text(app), rc="x"))
    entries = [e for e in _audit(app) if e[0] == "verify_document"]
    assert entries == [("verify_document", False, "altered")]


def _audit(app: App) -> list[tuple[str, object, object]]:
    with app.db.session() as session:
        rows = session.execute(select(AuditEvent.action, AuditEvent.details)).all()
    return [(a, d.get("genuine"), d.get("reason")) for a, d in rows]


def test_the_certificate_pdf_itself_verifies(
    app: App, admin: UserInfo, issued: handover.PrintedDocument, tmp_path: Path
) -> None:
    path = tmp_path / "certificate.pdf"
    path.write_bytes(issued.pdf)
    assert handover.verify_file(app, admin, path).genuine
    duplicate = tmp_path / "duplicate.pdf"
    duplicate.write_bytes(handover.reprint_handover(app, admin, issued.certificate_number).pdf)
    assert handover.verify_file(app, admin, duplicate).genuine


@needs_poppler
def test_a_rendered_page_and_a_rough_phone_scan_verify(
    app: App, admin: UserInfo, issued: handover.PrintedDocument, tmp_path: Path
) -> None:
    png = pdf_to_png(issued.pdf, tmp_path, dpi=150)
    assert handover.verify_file(app, admin, png).genuine

    with Image.open(png) as page:
        scan = page.convert("L").rotate(2.5, expand=True, fillcolor=255)
    scan = scan.filter(ImageFilter.GaussianBlur(0.8))
    out = io.BytesIO()
    scan.save(out, "JPEG", quality=60)
    photo = tmp_path / "scan.jpg"
    photo.write_bytes(out.getvalue())
    assert handover.verify_file(app, admin, photo).genuine


def test_a_file_with_no_qr_code_says_what_to_do(tmp_path: Path) -> None:
    blank = tmp_path / "blank.png"
    Image.new("RGB", (400, 300), "white").save(blank)
    with pytest.raises(StationError, match=r"No QR code could be read in blank\.png"):
        read_certificate_code(blank)
    junk = tmp_path / "notes.txt"
    junk.write_text("not a picture")
    with pytest.raises(StationError, match="neither a PDF nor an image"):
        read_certificate_code(junk)
