"""The certificate's pages: one per copy whatever is entered, one font family only."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime

from station_app.documents.certificate import (
    Certificate,
    ChildOnCertificate,
    Officer,
    Receiver,
    Witness,
    from_json,
    to_json,
)
from station_app.documents.handover_pdf import PrintRun, handover_pdf
from station_app.domain import Sex, StationInfo
from tests.conftest import jpeg_bytes

PRINTED = datetime(2026, 4, 3, 14, 35)


def sample_certificate() -> Certificate:
    return Certificate(
        number="RTM01/2026/H/0007",
        station=StationInfo("RTM01", "GRP Ratlam", "Ratlam", "Madhya Pradesh"),
        key_fingerprint="3f9a1c0b7d2e4a61",
        child=ChildOnCertificate(
            "राजेश कुमार", Sex.MALE, "9 वर्ष / 9 years", "RTM01/2026/M/0001", "12/2026"
        ),
        receiver=Receiver("सुरेश कुमार", "पिता", "voter_id", "MP/04/123/456789"),
        officer=Officer("Ramesh Chouhan", "SI"),
        handed_over_at=datetime(2026, 4, 3, 14, 30),
        place="GRP थाना रतलाम",
        witnesses=(Witness("मोहन लाल"),),
        cwc_order_number="CWC/112",
        cwc_order_date=date(2026, 4, 2),
        issued_by="admin",
    )


def _pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type /Page\b(?!s)", pdf))


def test_an_original_has_two_pages_and_a_duplicate_one() -> None:
    certificate = sample_certificate()
    assert _pages(handover_pdf(certificate, "x", jpeg_bytes(), PrintRun(1, PRINTED, "a"))) == 2
    assert _pages(handover_pdf(certificate, "x", jpeg_bytes(), PrintRun(2, PRINTED, "a"))) == 1


def test_long_entries_still_fit_one_page_per_copy() -> None:
    long_address = "मकान नंबर 1234, गली नंबर 5, वार्ड क्रमांक 17, " * 4
    certificate = replace(
        sample_certificate(),
        receiver=Receiver(
            "श्रीमती सुनीता देवी प्रजापति " * 2,
            "माँ की बड़ी बहन (मौसी), परिवार की सहमति से",
            "aadhaar",
            "123456789012",
            long_address,
            "9876543210, 9123456780",
            photo_jpeg=jpeg_bytes((480, 600)),
        ),
        officer=Officer("Ramesh Singh Chouhan", "Assistant Sub-Inspector", "PN/RTM/12345"),
        place=long_address[:150],
        witnesses=(Witness("श्री मोहनलाल रामप्रसाद शर्मा"), Witness("Sunita Devi Prajapati")),
    )
    pdf = handover_pdf(certificate, "x" * 600, jpeg_bytes(), PrintRun(1, PRINTED, "a"))
    assert _pages(pdf) == 2


def test_the_pdf_uses_only_the_devanagari_family() -> None:
    pdf = handover_pdf(sample_certificate(), "x", jpeg_bytes(), PrintRun(1, PRINTED, "a"))
    fonts = set(re.findall(rb"/BaseFont /([A-Za-z0-9+\-]+)", pdf))
    assert fonts
    assert all(name.split(b"+")[-1].startswith((b"Hind-", b"Mukta-")) for name in fonts), fonts


def test_the_certificate_survives_its_trip_through_the_database_json() -> None:
    certificate = replace(
        sample_certificate(),
        receiver=replace(sample_certificate().receiver, photo_jpeg=jpeg_bytes()),
    )
    assert from_json(to_json(certificate)) == certificate
