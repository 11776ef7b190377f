"""A PFIF person as a record of the import format (specs/import-format.md).

PFIF says little of what a register needs, so the mapping is modest: names, sex, age,
date of birth, description and the notes' text, where the child was last known to be,
and a home address as the guardian's. A person whose record id this program wrote as a
found child becomes a found child; every other person, a missing-child complaint.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from station_app.pfif.export_mapping import UNKNOWN_NAME
from station_app.pfif.reader import PfifNote, PfifPerson
from station_app.pfif.vocabulary import parse_utc, utc_to_local

MAX_REF = 100
_AGE = re.compile(r"(\d+)(?:-(\d+))?")
_FULL_DATE = re.compile(r"\d{4}-\d\d-\d\d")


@dataclass
class Mapped:
    record: dict[str, Any]
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def ref_for(person_record_id: str) -> str:
    """The register number of an imported person: its PFIF id, shortened if too long."""
    if len(person_record_id) <= MAX_REF:
        return person_record_id
    return "PFIF " + hashlib.sha256(person_record_id.encode()).hexdigest()[:24]


def _is_found(person_record_id: str) -> bool:
    local = person_record_id.split("/", 1)[-1]
    return local.startswith("found.")


def _local_time(text: str) -> str | None:
    return utc_to_local(parse_utc(text)).isoformat() if text else None


def map_person(person: PfifPerson, folder: Path, extra_notes: list[PfifNote]) -> Mapped:
    pid = person.get("person_record_id")
    mapped = Mapped({})
    if not pid or "/" not in pid:
        mapped.problems.append("person_record_id is missing or not domain/id")
    if not person.get("full_name"):
        mapped.problems.append("full_name is missing")
    notes = sorted(person.notes + extra_notes, key=lambda n: n.get("source_date"))
    kind = "found" if _is_found(pid) else "missing"
    record: dict[str, Any] = {"kind": kind, "ref": ref_for(pid)}
    name = person.get("full_name")
    record["name"] = "" if name.startswith(f"{UNKNOWN_NAME} (") else name
    aliases = [a.strip() for a in person.get("alternate_names").splitlines() if a.strip()]
    record["aliases"] = aliases
    record["sex"] = person.get("sex") or "unknown"
    _age(person.get("age"), record, mapped)
    dob = person.get("date_of_birth")
    if _FULL_DATE.fullmatch(dob):
        record["date_of_birth"] = dob
    record["description"] = _description(person, notes, dob)
    record["district"] = person.get("home_city")
    record["state"] = person.get("home_state")
    try:
        registered = _local_time(person.get("source_date"))
    except ValueError as error:
        mapped.problems.append(f"source_date: {error}")
        registered = None
    if registered:
        record["registered_at"] = registered
    place = next(
        (n.get("last_known_location") for n in reversed(notes) if n.get("last_known_location")), ""
    )
    if kind == "missing":
        record["last_seen_place"] = place
        address = ", ".join(
            person.get(f) for f in ("home_street", "home_neighborhood", "home_city",
                                    "home_state", "home_postal_code") if person.get(f)
        )  # fmt: skip
        if address:
            record["guardian"] = {"address": address}
    else:
        record["found_place"] = place
        if registered:
            record["found_at"] = registered
    record["photos"] = _photos(person, folder, mapped)
    mapped.record = record
    return mapped


def _age(text: str, record: dict[str, Any], mapped: Mapped) -> None:
    if not text:
        return
    match = _AGE.fullmatch(text.strip())
    if match is None:
        mapped.warnings.append(f"age '{text}' is not N or N-M; left out")
    elif match.group(2) is None:
        record["age_years"] = int(match.group(1))
    else:
        record["age_min"], record["age_max"] = int(match.group(1)), int(match.group(2))


def _description(person: PfifPerson, notes: list[PfifNote], dob: str) -> str:
    parts = [person.get("description")]
    if dob and not _FULL_DATE.fullmatch(dob):
        parts.append(f"Born {dob}.")
    for note in notes:
        when = note.get("source_date")[:10]
        by = note.get("author_name")
        text = note.get("text")
        if text:
            parts.append(f"[{when}, {by}] {text}")
    source = person.get("source_name") or person.get("person_record_id").split("/")[0]
    parts.append(f"(PFIF record {person.get('person_record_id')} from {source})")
    return "\n".join(p for p in parts if p)


def _photos(person: PfifPerson, folder: Path, mapped: Mapped) -> list[str]:
    url = person.get("photo_url")
    if not url:
        return []
    if "://" in url:
        mapped.warnings.append(f"photo {url} is on the web and was not fetched (no network)")
        return []
    target = (folder / url).resolve()
    if not target.is_relative_to(folder.resolve()):
        mapped.warnings.append(f"photo '{url}' lies outside the file's folder; left out")
        return []
    if not target.is_file():
        mapped.warnings.append(f"photo '{url}' is not beside the file; left out")
        return []
    return [url]
