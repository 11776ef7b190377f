"""Vocabulary of the registers: the enumerations and plain records the UI and CLI see.

Event times (last seen, found, registered, traced) are naive wall-clock times of the
station, as the officer wrote them; system times (created, updated, audit) are naive UTC.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime


class Kind(enum.StrEnum):
    MISSING = "missing"
    FOUND = "found"

    @property
    def letter(self) -> str:
        """The letter of this kind in a case number, e.g. M in RTM01/2026/M/0042."""
        return "M" if self is Kind.MISSING else "F"


class Sex(enum.StrEnum):
    MALE = "male"
    FEMALE = "female"
    OTHER = "other"
    UNKNOWN = "unknown"


class Complexion(enum.StrEnum):
    FAIR = "fair"
    WHEATISH = "wheatish"
    BROWN = "brown"
    DARK = "dark"


class CaseType(enum.StrEnum):
    MISSING = "missing"
    KIDNAPPING = "kidnapping"


class MissingStatus(enum.StrEnum):
    OPEN = "open"
    TRACED = "traced"
    CLOSED = "closed"


class FoundStatus(enum.StrEnum):
    """Where a found child's case stands: still unclaimed, in a shelter, or back home."""

    UNCLAIMED = "unclaimed"
    IN_SHELTER = "in_shelter"
    RESTORED = "restored"


class Role(enum.StrEnum):
    VIEWER = "viewer"
    OFFICER = "officer"
    IN_CHARGE = "in_charge"
    ADMIN = "admin"


@dataclass(frozen=True, slots=True)
class Guardian:
    name: str = ""
    relation: str = ""
    phone: str = ""
    address: str = ""


@dataclass(frozen=True, slots=True)
class PhotoInfo:
    id: str
    sha256: str
    original_name: str
    width: int
    height: int
    is_main: bool
    position: int
    normalized_path: str
    thumbnail_path: str
    original_path: str
    face_status: str


@dataclass(frozen=True, slots=True)
class ChildDetails:
    """What a family or officer can tell about a child, common to both registers.

    This is the editable part of a record: forms and importers build it, services store it.
    """

    ref: str
    name: str = ""
    aliases: tuple[str, ...] = ()
    sex: Sex = Sex.UNKNOWN
    age_years: float | None = None
    age_min: float | None = None
    age_max: float | None = None
    date_of_birth: date | None = None
    height_cm: float | None = None
    complexion: Complexion | None = None
    build: str = ""
    hair: str = ""
    eyes: str = ""
    marks: str = ""
    clothing: str = ""
    languages: tuple[str, ...] = ()
    description: str = ""
    district: str = ""
    state: str = ""
    registered_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class MissingDetails(ChildDetails):
    case_type: CaseType = CaseType.MISSING
    fir_number: str = ""
    last_seen_at: datetime | None = None
    last_seen_place: str = ""
    guardian: Guardian = field(default_factory=Guardian)
    status: MissingStatus = MissingStatus.OPEN
    traced_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class FoundDetails(ChildDetails):
    gd_number: str = ""
    found_at: datetime | None = None
    found_place: str = ""
    found_by: str = ""
    custody: str = ""
    status: FoundStatus = FoundStatus.UNCLAIMED


@dataclass(frozen=True, slots=True)
class RecordMeta:
    """Bookkeeping every stored record carries."""

    id: str
    kind: Kind
    station_code: str
    case_number: str
    version: int
    created_at: datetime
    updated_at: datetime
    created_by: str
    updated_by: str


@dataclass(frozen=True, slots=True)
class MissingRecord:
    meta: RecordMeta
    details: MissingDetails
    photos: tuple[PhotoInfo, ...] = ()


@dataclass(frozen=True, slots=True)
class FoundRecord:
    meta: RecordMeta
    details: FoundDetails
    photos: tuple[PhotoInfo, ...] = ()


ChildRecord = MissingRecord | FoundRecord


@dataclass(frozen=True, slots=True)
class RegisterRow:
    """One line of a register listing: what a table or `list` shows, nothing more."""

    id: str
    kind: Kind
    case_number: str
    ref: str
    name: str
    sex: Sex
    age_years: float | None
    age_min: float | None
    age_max: float | None
    status: str
    event_at: datetime | None
    place: str
    registered_at: datetime
    thumbnail_path: str | None


@dataclass(frozen=True, slots=True)
class UserInfo:
    id: str
    username: str
    full_name: str
    role: Role
    station_code: str
    rank: str = ""
    badge_number: str = ""


@dataclass(frozen=True, slots=True)
class StationInfo:
    code: str
    name: str
    district: str
    state: str


@dataclass(frozen=True, slots=True)
class AuditEntry:
    seq: int
    at: datetime
    username: str
    action: str
    record_type: str
    record_id: str | None
    summary: str
