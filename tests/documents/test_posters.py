"""Missing posters and found-child notices: titles in both languages, the photo, refusals."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from station_app import accounts
from station_app.app import App
from station_app.db.models import AuditEvent, Setting
from station_app.domain import Role, UserInfo
from station_app.errors import PermissionDenied, StationError
from station_app.photo_store import check_image
from station_app.services import handover, registers
from tests.conftest import jpeg_bytes
from tests.documents.conftest import found_details, needs_poppler, pdf_text


def _images(pdf: bytes, tmp_path: Path) -> list[tuple[int, int]]:
    """Width and height of each image embedded in the PDF (pdfimages -list)."""
    path = tmp_path / "images-of.pdf"
    path.write_bytes(pdf)
    listing = subprocess.run(
        ["pdfimages", "-list", str(path)], capture_output=True, check=True, text=True
    ).stdout
    rows = [line.split() for line in listing.splitlines()[2:]]
    return [(int(row[3]), int(row[4])) for row in rows if row[2] == "image"]


@needs_poppler
def test_a_missing_poster_has_both_titles_the_details_and_the_photo(
    app: App, admin: UserInfo, complaint: str, tmp_path: Path
) -> None:
    poster = handover.public_notice(app, admin, "FIR 12/2026", contact="07412-230456")
    text = pdf_text(poster.pdf, tmp_path)
    for expected in (
        "गुमशुदा की तलाश",
        "MISSING",
        "राजेश कुमार",
        "अंतिम बार देखा गया",
        "02-03-2026 17:30, रतलाम जंक्शन",
        "नीली कमीज़",
        "07412-230456",
        "चाइल्डलाइन 1098",
        "RTM01/2026/M/0001",
    ):
        assert expected in text, expected
    assert _images(poster.pdf, tmp_path) == [(360, 450)]
    assert poster.file_name == "missing-poster-RTM01-2026-M-0001.pdf"


@needs_poppler
def test_a_found_child_notice_has_both_titles_and_the_photo_but_not_the_shelter(
    app: App, admin: UserInfo, tmp_path: Path
) -> None:
    registers.register(
        app,
        admin,
        replace(found_details(), custody="Balgrih Ratlam"),
        [check_image(jpeg_bytes((300, 380)), "found.jpg")],
    )
    with app.db.session() as session:
        session.add(Setting(key=handover.CONTACT_SETTING, value="0741 2 100 100"))
    notice = handover.public_notice(app, admin, "GD 45/2026")
    text = pdf_text(notice.pdf, tmp_path)
    for expected in ("बच्चा मिला है", "FOUND CHILD", "परिजनों की तलाश", "0741 2 100 100"):
        assert expected in text, expected
    assert "Balgrih" not in text
    assert _images(notice.pdf, tmp_path) == [(300, 380)]


def test_printing_a_poster_is_audited(app: App, admin: UserInfo, complaint: str) -> None:
    handover.public_notice(app, admin, "FIR 12/2026")
    with app.db.session() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "print_notice")).one()
    assert (event.record_id, event.details["document"]) == (complaint, "poster")


def test_no_poster_without_a_photo(app: App, admin: UserInfo, found: str) -> None:
    with pytest.raises(StationError, match="needs the child's photo"):
        handover.public_notice(app, admin, "GD 45/2026")


def test_no_poster_for_a_child_already_home(
    app: App, admin: UserInfo, issued: handover.PrintedDocument
) -> None:
    with pytest.raises(StationError, match="is traced: a missing poster would mislead"):
        handover.public_notice(app, admin, "FIR 12/2026")


def test_a_viewer_may_not_print_posters(app: App, admin: UserInfo, complaint: str) -> None:
    with app.db.session() as session:
        viewer = accounts.create_user(session, "RTM01", "clerk", "clerk-pass-1", Role.VIEWER)
    with pytest.raises(PermissionDenied):
        handover.public_notice(app, viewer, "FIR 12/2026")
