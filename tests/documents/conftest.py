"""A station with a complaint (with photo) and the found record of the same child."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from station_app.app import App
from station_app.documents.certificate import Officer, Receiver, Witness
from station_app.documents.handover_request import HandoverRequest
from station_app.domain import FoundDetails, Guardian, MissingDetails, Sex, UserInfo
from station_app.photo_store import check_image
from station_app.services import handover, registers
from tests.conftest import jpeg_bytes

HANDED_OVER_AT = datetime(2026, 4, 3, 14, 30)
needs_poppler = pytest.mark.skipif(
    shutil.which("pdftoppm") is None or shutil.which("pdftotext") is None,
    reason="poppler-utils (pdftoppm, pdftotext) is not installed",
)


def complaint_details(ref: str = "FIR 12/2026") -> MissingDetails:
    return MissingDetails(
        ref=ref,
        name="राजेश कुमार",
        sex=Sex.MALE,
        age_years=9,
        fir_number="12/2026",
        last_seen_at=datetime(2026, 3, 2, 17, 30),
        last_seen_place="रतलाम जंक्शन",
        clothing="नीली कमीज़",
        guardian=Guardian("सुरेश कुमार", "पिता", "9876543210", "ग्राम बांगरोद, रतलाम"),
        registered_at=datetime(2026, 3, 3, 10, 0),
    )


def found_details(ref: str = "GD 45/2026") -> FoundDetails:
    return FoundDetails(
        ref=ref,
        name="राजेश",
        sex=Sex.MALE,
        age_min=8,
        age_max=10,
        gd_number="45/2026",
        found_at=datetime(2026, 3, 20, 9, 0),
        found_place="Ratlam platform 1",
        registered_at=datetime(2026, 3, 20, 10, 0),
    )


def a_request(**changes: object) -> HandoverRequest:
    request = HandoverRequest(
        missing_ref="FIR 12/2026",
        found_ref="GD 45/2026",
        receiver=Receiver(
            name="सुरेश कुमार",
            relation="पिता",
            id_type="aadhaar",
            id_number="1234 5678 9012",
            address="ग्राम बांगरोद, रतलाम",
            phone="9876543210",
        ),
        officer=Officer("Ramesh Chouhan", "Sub-Inspector", "PN 1234"),
        witnesses=(Witness("मोहन लाल"), Witness("Sunita Devi")),
        cwc_order_number="CWC/RTM/112/2026",
        handed_over_at=HANDED_OVER_AT,
        place="GRP थाना रतलाम",
    )
    return replace(request, **changes)  # type: ignore[arg-type]


@pytest.fixture
def complaint(app: App, admin: UserInfo) -> str:
    record = registers.register(
        app, admin, complaint_details(), [check_image(jpeg_bytes((360, 450)), "rajesh.jpg")]
    )
    return record.meta.id


@pytest.fixture
def found(app: App, admin: UserInfo) -> str:
    return registers.register(app, admin, found_details()).meta.id


@pytest.fixture
def issued(app: App, admin: UserInfo, complaint: str, found: str) -> handover.PrintedDocument:
    return handover.issue_handover(app, admin, a_request())


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "text-of.pdf"
    path.write_bytes(pdf)
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    )
    return result.stdout.decode()


def pdf_to_png(pdf: bytes, tmp_path: Path, dpi: int = 150) -> Path:
    """The first page as a PNG, the way poppler prints it (a stand-in for a scan)."""
    source = tmp_path / "to-render.pdf"
    source.write_bytes(pdf)
    stem = tmp_path / "rendered"
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-png", "-singlefile", "-f", "1", str(source), str(stem)],
        check=True,
    )
    return stem.with_suffix(".png")
