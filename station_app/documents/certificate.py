"""What a handover certificate says, as plain data: kept in `handovers.details` as JSON.

A reprint is made from this record alone, so it says exactly what the first print said,
even if the registers have been edited since.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Any

from station_app.domain import Sex, StationInfo

FORMAT_VERSION = 1


@dataclass(frozen=True, slots=True)
class Receiver:
    """The person the child is handed to, and the identity document they showed."""

    name: str
    relation: str
    id_type: str
    id_number: str
    address: str = ""
    phone: str = ""
    photo_jpeg: bytes | None = None


@dataclass(frozen=True, slots=True)
class Officer:
    name: str
    rank: str = ""
    number: str = ""


@dataclass(frozen=True, slots=True)
class Witness:
    name: str
    address: str = ""


@dataclass(frozen=True, slots=True)
class ChildOnCertificate:
    """The child as the registers described them when the certificate was issued."""

    name: str
    sex: Sex
    age: str
    complaint_case_number: str
    fir_number: str
    guardian_address: str = ""
    found_case_number: str = ""
    gd_number: str = ""
    photo_sha256: str = ""
    photo_rotation: int = 0


@dataclass(frozen=True, slots=True)
class Certificate:
    number: str
    station: StationInfo
    key_fingerprint: str
    child: ChildOnCertificate
    receiver: Receiver
    officer: Officer
    handed_over_at: datetime
    place: str
    witnesses: tuple[Witness, ...] = ()
    cwc_order_number: str = ""
    cwc_order_date: date | None = None
    issued_by: str = ""


def to_json(certificate: Certificate) -> dict[str, object]:
    """The certificate as JSON-safe data for `handovers.details`."""
    receiver = certificate.receiver
    photo = receiver.photo_jpeg
    return {
        "format": FORMAT_VERSION,
        "number": certificate.number,
        "station": {
            "code": certificate.station.code,
            "name": certificate.station.name,
            "district": certificate.station.district,
            "state": certificate.station.state,
        },
        "key_fingerprint": certificate.key_fingerprint,
        "child": {**_fields(certificate.child), "sex": certificate.child.sex.value},
        "receiver": {
            **{k: v for k, v in _fields(receiver).items() if k != "photo_jpeg"},
            "photo_jpeg_b64": base64.b64encode(photo).decode("ascii") if photo else "",
        },
        "officer": _fields(certificate.officer),
        "witnesses": [_fields(w) for w in certificate.witnesses],
        "handed_over_at": certificate.handed_over_at.isoformat(timespec="minutes"),
        "place": certificate.place,
        "cwc_order_number": certificate.cwc_order_number,
        "cwc_order_date": (
            certificate.cwc_order_date.isoformat() if certificate.cwc_order_date else None
        ),
        "issued_by": certificate.issued_by,
    }


def from_json(data: dict[str, Any]) -> Certificate:
    receiver = dict(data["receiver"])
    photo_b64 = receiver.pop("photo_jpeg_b64", "")
    child = dict(data["child"])
    child["sex"] = Sex(child["sex"])
    cwc_date = data.get("cwc_order_date")
    return Certificate(
        number=data["number"],
        station=StationInfo(**data["station"]),
        key_fingerprint=data["key_fingerprint"],
        child=ChildOnCertificate(**child),
        receiver=Receiver(
            **receiver, photo_jpeg=base64.b64decode(photo_b64) if photo_b64 else None
        ),
        officer=Officer(**data["officer"]),
        handed_over_at=datetime.fromisoformat(data["handed_over_at"]),
        place=data["place"],
        witnesses=tuple(Witness(**w) for w in data["witnesses"]),
        cwc_order_number=data["cwc_order_number"],
        cwc_order_date=date.fromisoformat(cwc_date) if cwc_date else None,
        issued_by=data["issued_by"],
    )


def _fields(item: Any) -> dict[str, Any]:
    return {f.name: getattr(item, f.name) for f in fields(item)}
