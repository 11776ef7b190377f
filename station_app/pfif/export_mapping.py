"""A register record as a PFIF person with its notes."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from station_app.domain import (
    ChildRecord,
    FoundRecord,
    FoundStatus,
    Kind,
    MissingRecord,
    MissingStatus,
    Sex,
)
from station_app.pfif.vocabulary import NS, clean, record_domain, tag, utc_text

UNKNOWN_NAME = "Unknown child"


@dataclass(frozen=True, slots=True)
class LinkedMatch:
    """A confirmed match, told as a note on the complaint linking the found child."""

    decision_id: str
    found_record_id: str
    found_case_number: str
    decided_by: str
    decided_at_utc: str


def person_record_id(station_code: str, kind: Kind, record_id: str) -> str:
    return f"{record_domain(station_code)}/{kind.value}.{record_id}"


def _add(parent: etree._Element, name: str, value: str | None) -> None:
    if value:
        text = clean(value).strip()
        if text:
            etree.SubElement(parent, tag(name)).text = text


def _age(record: ChildRecord) -> str | None:
    d = record.details
    if d.age_years is not None:
        return str(int(d.age_years))
    if d.age_min is not None and d.age_max is not None:
        return f"{int(d.age_min)}-{int(d.age_max + 0.999)}"
    return None


def _description(record: ChildRecord) -> str:
    d, meta = record.details, record.meta
    what = "Missing child complaint" if meta.kind is Kind.MISSING else "Found child"
    parts = [f"{what} {meta.case_number} (register no. {d.ref})."]
    facts = [
        ("height", f"{d.height_cm:g} cm" if d.height_cm else ""),
        ("complexion", d.complexion.value if d.complexion else ""),
        ("build", d.build),
        ("hair", d.hair),
        ("eyes", d.eyes),
        ("marks", d.marks),
        ("clothing", d.clothing),
        ("languages", ", ".join(d.languages)),
    ]
    parts.extend(f"{label.capitalize()}: {value}." for label, value in facts if value)
    if d.description:
        parts.append(d.description)
    return " ".join(parts)


def _place(*items: str) -> str:
    return ", ".join(i.strip() for i in items if i and i.strip())


def _note_text(record: ChildRecord) -> tuple[str, str, str | None]:
    """(text, last known location, PFIF status) of the record's note."""
    d = record.details
    if isinstance(record, MissingRecord):
        md = record.details
        seen = f" Last seen {md.last_seen_at:%Y-%m-%d %H:%M} (IST)." if md.last_seen_at else ""
        text = f"Complaint {record.meta.case_number}, status {md.status.value}.{seen}"
        status = {
            MissingStatus.OPEN: "information_sought",
            MissingStatus.TRACED: "believed_alive",
        }.get(md.status)
        return text, _place(md.last_seen_place, d.district, d.state), status
    assert isinstance(record, FoundRecord)
    fd = record.details
    found = f" Found {fd.found_at:%Y-%m-%d %H:%M} (IST)" if fd.found_at else " Found"
    by = f" by {fd.found_by}" if fd.found_by else ""
    custody = f" Now with: {fd.custody}." if fd.custody else ""
    status_word = {FoundStatus.IN_SHELTER: "in a shelter"}.get(fd.status, fd.status.value)
    text = f"{record.meta.case_number}:{found}{by}.{custody} Status: {status_word}."
    return text, _place(fd.found_place, d.district, d.state), "believed_alive"


def person_element(
    record: ChildRecord,
    station_name: str,
    photo_url: str | None,
    matches: tuple[LinkedMatch, ...] = (),
) -> etree._Element:
    meta, d = record.meta, record.details
    pid = person_record_id(meta.station_code, meta.kind, meta.id)
    author = f"{station_name} ({meta.station_code})"
    person = etree.Element(tag("person"), nsmap={"pfif": NS})
    _add(person, "person_record_id", pid)
    _add(person, "entry_date", utc_text(meta.updated_at))
    _add(person, "author_name", author)
    _add(person, "source_name", f"Muskaan Station {meta.station_code}")
    _add(person, "source_date", utc_text(meta.created_at))
    _add(person, "full_name", d.name or f"{UNKNOWN_NAME} ({meta.case_number})")
    _add(person, "alternate_names", "\n".join(d.aliases))
    _add(person, "description", _description(record))
    _add(person, "sex", d.sex.value if d.sex is not Sex.UNKNOWN else None)
    _add(person, "date_of_birth", d.date_of_birth.isoformat() if d.date_of_birth else None)
    _add(person, "age", _age(record))
    if isinstance(record, MissingRecord):
        _add(person, "home_street", record.details.guardian.address)
        _add(person, "home_country", "IN")
    _add(person, "photo_url", photo_url)
    person.append(_note(record, pid, author))
    for match in matches:
        person.append(_match_note(meta.station_code, pid, author, match))
    return person


def _note(record: ChildRecord, pid: str, author: str) -> etree._Element:
    meta = record.meta
    text, location, status = _note_text(record)
    note = etree.Element(tag("note"))
    _add(
        note, "note_record_id", f"{record_domain(meta.station_code)}/note.{meta.id}.v{meta.version}"
    )
    _add(note, "person_record_id", pid)
    _add(note, "entry_date", utc_text(meta.updated_at))
    _add(note, "author_name", f"{author}, {meta.updated_by}")
    _add(note, "source_date", utc_text(meta.updated_at))
    _add(note, "status", status)
    _add(note, "last_known_location", location)
    _add(note, "text", text)
    return note


def _match_note(station: str, pid: str, author: str, match: LinkedMatch) -> etree._Element:
    note = etree.Element(tag("note"))
    _add(note, "note_record_id", f"{record_domain(station)}/note.match.{match.decision_id}")
    _add(note, "person_record_id", pid)
    _add(
        note,
        "linked_person_record_id",
        person_record_id(station, Kind.FOUND, match.found_record_id),
    )
    _add(note, "author_name", f"{author}, {match.decided_by}")
    _add(note, "source_date", match.decided_at_utc)
    _add(note, "status", "believed_alive")
    _add(note, "text", f"Matched with found child {match.found_case_number}.")
    return note
