"""The side-by-side rows of the review screen: what each record says, and what that means."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from station_app.domain import ChildDetails, FoundRecord, MissingRecord
from station_app.matching.results import Candidate, Verdict

FIELD_LABELS = {
    "name": "Name",
    "face": "Face",
    "sex": "Sex",
    "age": "Age",
    "height": "Height",
    "complexion": "Complexion",
    "marks": "Identification marks",
    "clothing": "Clothing",
    "languages": "Languages",
    "place": "Place",
    "time": "Dates",
}


@dataclass(frozen=True, slots=True)
class FieldRow:
    field: str
    label: str
    complaint: str
    found: str
    verdict: Verdict
    explanation: str


def field_rows(
    missing: MissingRecord, found: FoundRecord, candidate: Candidate
) -> tuple[FieldRow, ...]:
    """One row per particular, in the screen's order, each with the scorer's verdict."""
    evidence = {e.field: e for e in candidate.evidence}
    rows = []
    for field, label in FIELD_LABELS.items():
        show = _SHOW[field]
        item = evidence[field]
        rows.append(
            FieldRow(field, label, show(missing), show(found), item.verdict, item.explanation)
        )
    return tuple(rows)


def _name(record: MissingRecord | FoundRecord) -> str:
    details = record.details
    aliases = f" (also {', '.join(details.aliases)})" if details.aliases else ""
    return (details.name or "not known") + aliases


def _age(record: MissingRecord | FoundRecord) -> str:
    d: ChildDetails = record.details
    if d.date_of_birth:
        return f"born {d.date_of_birth:%d %b %Y}"
    if d.age_min is not None or d.age_max is not None:
        low = d.age_min if d.age_min is not None else d.age_max
        high = d.age_max if d.age_max is not None else d.age_min
        return f"{low:g}-{high:g} years (estimated)" if low != high else f"about {low:g} years"
    if d.age_years is not None:
        return f"{d.age_years:g} years" + (
            " (estimated)" if isinstance(record, FoundRecord) else ""
        )
    return ""


def _place(record: MissingRecord | FoundRecord) -> str:
    if isinstance(record, MissingRecord):
        spot = record.details.last_seen_place
    else:
        spot = record.details.found_place
    return ", ".join(part for part in (spot, record.details.district, record.details.state) if part)


def _when(record: MissingRecord | FoundRecord) -> str:
    if isinstance(record, MissingRecord):
        return _date("last seen", record.details.last_seen_at)
    return _date("found", record.details.found_at)


def _date(what: str, at: datetime | None) -> str:
    return f"{what} {at:%d %b %Y %H:%M}" if at else f"{what}: not recorded"


def _photos(record: MissingRecord | FoundRecord) -> str:
    if not record.photos:
        return "no photo"
    statuses = ", ".join(p.face_status.replace("_", " ") for p in record.photos)
    return f"{len(record.photos)} photo(s): {statuses}"


def _text(attribute: str) -> Callable[[MissingRecord | FoundRecord], str]:
    def show(record: MissingRecord | FoundRecord) -> str:
        value = getattr(record.details, attribute)
        if isinstance(value, tuple):
            return ", ".join(value)
        if value is None:
            return ""
        return str(getattr(value, "value", value))

    return show


def _height(record: MissingRecord | FoundRecord) -> str:
    height = record.details.height_cm
    return f"{height:g} cm" if height else ""


_SHOW: dict[str, Callable[[MissingRecord | FoundRecord], str]] = {
    "name": _name,
    "face": _photos,
    "sex": _text("sex"),
    "age": _age,
    "height": _height,
    "complexion": _text("complexion"),
    "marks": _text("marks"),
    "clothing": _text("clothing"),
    "languages": _text("languages"),
    "place": _place,
    "time": _when,
}
