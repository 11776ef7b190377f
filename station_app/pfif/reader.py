"""Reading a PFIF file safely and as a stream: one person (with its notes) at a time.

The parser resolves no entities, loads no DTD, fetches nothing from the network and
refuses huge text nodes, so a hostile file can neither read local files nor expand
itself to exhaust memory. Persons are freed as soon as they are read.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from lxml import etree

from station_app.pfif.vocabulary import NS, tag

PERSON_FIELDS = (
    "person_record_id", "entry_date", "expiry_date", "author_name", "author_email",
    "author_phone", "source_name", "source_date", "source_url", "full_name", "given_name",
    "family_name", "alternate_names", "description", "sex", "date_of_birth", "age",
    "home_street", "home_neighborhood", "home_city", "home_state", "home_postal_code",
    "home_country", "photo_url", "profile_urls",
)  # fmt: skip
NOTE_FIELDS = (
    "note_record_id", "person_record_id", "linked_person_record_id", "entry_date",
    "author_name", "author_email", "author_phone", "source_date", "author_made_contact",
    "status", "email_of_found_person", "phone_of_found_person", "last_known_location",
    "text", "photo_url",
)  # fmt: skip


class PfifError(ValueError):
    """The file is not PFIF 1.4 XML this program can read."""


@dataclass
class PfifNote:
    fields: dict[str, str]
    line: int

    def get(self, name: str) -> str:
        return self.fields.get(name, "")


@dataclass
class PfifPerson:
    fields: dict[str, str]
    line: int
    notes: list[PfifNote] = field(default_factory=list)

    def get(self, name: str) -> str:
        return self.fields.get(name, "")


def _fields(element: etree._Element, names: tuple[str, ...]) -> dict[str, str]:
    values: dict[str, str] = {}
    for name in names:
        child = element.find(tag(name))
        if child is not None and child.text and child.text.strip():
            values[name] = child.text.strip()
    return values


def _note(element: etree._Element) -> PfifNote:
    return PfifNote(_fields(element, NOTE_FIELDS), element.sourceline or 0)


def read_pfif(path: Path) -> Iterator[PfifPerson | PfifNote]:
    """Persons (with their notes) and top-level notes, in file order."""
    with path.open("rb") as handle:
        yield from _read(handle)


def _read(handle: BinaryIO) -> Iterator[PfifPerson | PfifNote]:
    events = etree.iterparse(
        handle,
        events=("start", "end"),
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    depth = 0
    try:
        for event, element in events:
            if event == "start":
                if depth == 0 and element.tag != tag("pfif"):
                    raise PfifError(_root_problem(element.tag))
                depth += 1
                continue
            depth -= 1
            if depth != 1:
                continue
            if element.tag == tag("person"):
                person = PfifPerson(_fields(element, PERSON_FIELDS), element.sourceline or 0)
                person.notes = [_note(n) for n in element.iterfind(tag("note"))]
                yield person
            elif element.tag == tag("note"):
                yield _note(element)
            element.clear()
            _drop_earlier(element)
    except etree.XMLSyntaxError as error:
        raise PfifError(f"it is not well-formed XML ({error})") from error


def _drop_earlier(element: etree._Element) -> None:
    parent = element.getparent()
    while parent is not None and element.getprevious() is not None:
        del parent[0]


def _root_problem(found: str) -> str:
    if isinstance(found, str) and found.startswith("{http://zesty.ca/pfif/"):
        version = found.split("}")[0].rsplit("/", 1)[-1]
        return f"it is PFIF {version}; this program reads PFIF 1.4 ({NS})"
    return f"it is not a PFIF file (its root element is {found}, not pfif:pfif)"
