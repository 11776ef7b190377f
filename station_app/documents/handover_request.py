"""What the officer enters to restore a child, and what is wrong with it before any
record is looked at. The certificate has room for what passes these checks on one page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from station_app.documents.certificate import Officer, Receiver, Witness
from station_app.errors import Problem

MAX_WITNESSES = 2


@dataclass(frozen=True, slots=True)
class HandoverRequest:
    """What the officer enters to restore a child (the certificate's facts)."""

    missing_ref: str
    receiver: Receiver
    officer: Officer
    found_ref: str = ""
    witnesses: tuple[Witness, ...] = ()
    cwc_order_number: str = ""
    cwc_order_date: date | None = None
    handed_over_at: datetime | None = None
    place: str = ""
    receiver_photo: bytes | None = None


def check_request(request: HandoverRequest, now: datetime) -> list[Problem]:
    """What is wrong with the request before any record is looked at."""
    problems: list[Problem] = []

    def problem(field: str, message: str) -> None:
        problems.append(Problem(message, field=field, ref=request.missing_ref))

    receiver = request.receiver
    for field, value in (
        ("missing", request.missing_ref),
        ("receiver_name", receiver.name),
        ("receiver_relation", receiver.relation),
        ("officer", request.officer.name),
    ):
        if not value.strip():
            problem(field, "is required")
    if not receiver.id_type.strip() or not receiver.id_number.strip():
        problem(
            "receiver_id",
            "is required: the receiver must show an identity document (type and number)",
        )
    elif receiver.id_type == "aadhaar" and not _is_aadhaar(receiver.id_number):
        problem("receiver_id_number", "an Aadhaar number has 12 digits")
    if receiver.phone and not set(receiver.phone) <= set("0123456789+- "):
        problem("receiver_phone", f"'{receiver.phone}' is not a phone number")
    for field, value, limit in _limited_fields(request):
        if len(value) > limit:
            problem(field, f"is longer than {limit} characters")
    if len(request.witnesses) > MAX_WITNESSES:
        problem("witness", f"the certificate has room for {MAX_WITNESSES} witnesses")
    if request.handed_over_at and request.handed_over_at > now:
        problem("handed_over_at", "lies in the future")
    if request.cwc_order_date and request.cwc_order_date > now.date():
        problem("cwc_order_date", "lies in the future")
    return problems


def _limited_fields(request: HandoverRequest) -> list[tuple[str, str, int]]:
    """Each printed entry with its longest allowed length, so the certificate stays on a page."""
    receiver, officer = request.receiver, request.officer
    fields = [
        ("receiver_name", receiver.name, 100),
        ("receiver_relation", receiver.relation, 60),
        ("receiver_address", receiver.address, 250),
        ("receiver_phone", receiver.phone, 40),
        ("receiver_id_number", receiver.id_number, 40),
        ("officer", officer.name, 100),
        ("officer_rank", officer.rank, 60),
        ("officer_number", officer.number, 40),
        ("cwc_order_number", request.cwc_order_number, 60),
        ("place", request.place, 150),
    ]
    fields += [("witness", witness.name, 100) for witness in request.witnesses]
    return fields


def _is_aadhaar(number: str) -> bool:
    compact = "".join(number.split())
    return len(compact) == 12 and compact.isdigit()
