"""Turning one raw import record into checked details, or a list of problems.

Types are strict for JSON Lines (a number must be a JSON number); CSV cells are text,
so there numbers and dates are read from text.
"""

from __future__ import annotations

import enum
import math
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import PurePath
from typing import Any, TypeVar

from station_app.db.models import FoundChild, MissingReport
from station_app.domain import (
    CaseType,
    ChildDetails,
    Complexion,
    FoundDetails,
    FoundStatus,
    Guardian,
    Kind,
    MissingDetails,
    MissingStatus,
    Sex,
)
from station_app.errors import Problem
from station_app.validation import check_details

COMMON_FIELDS = {
    "kind",
    "ref",
    "name",
    "aliases",
    "sex",
    "age_years",
    "age_min",
    "age_max",
    "date_of_birth",
    "height_cm",
    "complexion",
    "build",
    "hair",
    "eyes",
    "marks",
    "clothing",
    "languages",
    "description",
    "district",
    "state",
    "photos",
    "registered_at",
}
MISSING_FIELDS = {
    "case_type",
    "fir_number",
    "last_seen_at",
    "last_seen_place",
    "guardian",
    "status",
    "traced_at",
}
FOUND_FIELDS = {"found_at", "found_place", "found_by", "custody", "gd_number", "status"}
GUARDIAN_FIELDS = {"name", "relation", "phone", "address"}
# Free text (marks, description, an address) may run to several lines, within reason.
MULTILINE_FIELDS = {"marks", "clothing", "description", "guardian.address"}
MAX_FREE_TEXT = 10_000
MAX_LIST_ITEMS = 50


def _column_limits() -> dict[str, int]:
    """The longest text each field's column holds, read from the models so both agree."""
    limits: dict[str, int] = {}
    for model in (MissingReport, FoundChild):
        for column in model.__table__.columns:
            length = getattr(column.type, "length", None)
            if isinstance(length, int):
                name = column.name
                if name.startswith("guardian_"):
                    name = f"guardian.{name[len('guardian_') :]}"
                limits[name] = length
    return limits


FIELD_LIMITS = _column_limits()

E = TypeVar("E", bound=enum.Enum)


@dataclass(frozen=True, slots=True)
class ParsedRecord:
    details: ChildDetails
    photos: tuple[str, ...]
    warnings: tuple[Problem, ...] = ()


class _Fields:
    """Reads typed values out of one raw record, collecting problems as it goes."""

    def __init__(self, data: dict[str, Any], line: int, from_text: bool) -> None:
        self.data = data
        self.line = line
        self.from_text = from_text
        self.ref = data["ref"] if isinstance(data.get("ref"), str) else ""
        self.shown_ref = _shown(self.ref)
        self.problems: list[Problem] = []

    def problem(self, field: str, message: str) -> None:
        self.problems.append(Problem(message, field=field, ref=self.shown_ref, line=self.line))

    def text(self, field: str) -> str:
        value = self.data.get(field)
        if value is None:
            return ""
        if not isinstance(value, str):
            self.problem(field, f"must be text, not {_json_type(value)}")
            return ""
        return self.checked_text(field, value)

    def checked_text(self, field: str, value: str) -> str:
        """The text stripped, if it fits its column and holds no invisible controls."""
        value = value.strip()
        if problem := text_problem(field, value):
            self.problem(field, problem)
            return ""
        return value

    def texts(self, field: str) -> tuple[str, ...]:
        value = self.data.get(field)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem(field, "must be a list of texts")
            return ()
        if len(value) > MAX_LIST_ITEMS:
            self.problem(field, f"has {len(value)} items; at most {MAX_LIST_ITEMS}")
            return ()
        return tuple(self.checked_text(field, v) for v in value if v.strip())

    def number(self, field: str) -> float | None:
        value = self.data.get(field)
        if value is None:
            return None
        if self.from_text and isinstance(value, str):
            try:
                value = float(value.replace(",", "."))
            except ValueError:
                self.problem(field, f"'{value}' is not a number")
                return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.problem(field, f"must be a number, not {_json_type(value)}")
            return None
        if not math.isfinite(value):
            self.problem(field, "must be a finite number")
            return None
        return float(value)

    def choice(self, field: str, enum_type: type[E], default: E | None = None) -> E | None:
        value = self.data.get(field)
        if value is None or value == "":
            return default
        allowed = [member.value for member in enum_type]
        if isinstance(value, str) and value.strip().lower() in allowed:
            return enum_type(value.strip().lower())
        self.problem(field, f"{value!r} is not one of {', '.join(map(repr, allowed))}")
        return default

    def moment(self, field: str) -> datetime | None:
        value = self.data.get(field)
        if value is None or value == "":
            return None
        if not isinstance(value, str):
            self.problem(
                field, f"must be an ISO 8601 date or date-time text, not {_json_type(value)}"
            )
            return None
        parsed = parse_moment(value.strip())
        if parsed is None:
            self.problem(field, f"'{value}' is not an ISO 8601 date (YYYY-MM-DD) or date-time")
        return parsed

    def day(self, field: str) -> date | None:
        value = self.data.get(field)
        if value is None or value == "":
            return None
        if isinstance(value, str):
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                pass
        self.problem(field, f"{value!r} is not a date YYYY-MM-DD")
        return None


def _shown(ref: str, limit: int = 60) -> str:
    """A ref fit for a message: controls escaped, cut short if it is very long."""
    shown = "".join(
        c if unicodedata.category(c) not in ("Cc", "Cs") else f"\\u{ord(c):04x}" for c in ref
    )
    return shown if len(shown) <= limit else shown[:limit] + "..."


def text_problem(field: str, value: str) -> str | None:
    """What is wrong with a text value for `field`, if anything."""
    limit = FIELD_LIMITS.get(field, MAX_FREE_TEXT)
    if len(value) > limit:
        return f"is {len(value):,} characters long; at most {limit:,}"
    allowed = "\n\r\t" if field in MULTILINE_FIELDS else ""
    for position, char in enumerate(value, start=1):
        # Cc: NUL, line breaks and other controls; Cs: half a UTF-16 pair, not a character
        if unicodedata.category(char) in ("Cc", "Cs") and char not in allowed:
            return f"holds the control character U+{ord(char):04X} at character {position}"
    return None


def parse_moment(text: str) -> datetime | None:
    """An ISO 8601 date or date-time as station wall-clock time (aware times converted)."""
    try:
        if len(text) == 10:
            return datetime.combine(date.fromisoformat(text), datetime.min.time())
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        if moment.tzinfo is not None:
            moment = moment.astimezone().replace(tzinfo=None)
    except (ValueError, OverflowError):  # Overflow: year 1 or 9999 moved across a zone
        return None
    return moment


def _json_type(value: Any) -> str:
    names = {
        bool: "true/false",
        int: "a number",
        float: "a number",
        str: "text",
        list: "a list",
        dict: "an object",
    }
    return names.get(type(value), type(value).__name__)


def _common(f: _Fields) -> dict[str, Any]:
    return {
        "ref": f.ref.strip(),
        "name": f.text("name"),
        "aliases": f.texts("aliases"),
        "sex": f.choice("sex", Sex, Sex.UNKNOWN),
        "age_years": f.number("age_years"),
        "age_min": f.number("age_min"),
        "age_max": f.number("age_max"),
        "date_of_birth": f.day("date_of_birth"),
        "height_cm": f.number("height_cm"),
        "complexion": f.choice("complexion", Complexion),
        "build": f.text("build"),
        "hair": f.text("hair"),
        "eyes": f.text("eyes"),
        "marks": f.text("marks"),
        "clothing": f.text("clothing"),
        "languages": f.texts("languages"),
        "description": f.text("description"),
        "district": f.text("district"),
        "state": f.text("state"),
        "registered_at": f.moment("registered_at"),
    }


def _guardian(f: _Fields) -> Guardian:
    value = f.data.get("guardian")
    if value is None:
        return Guardian()
    if not isinstance(value, dict):
        f.problem("guardian", "must be an object with name, relation, phone, address")
        return Guardian()
    parts: dict[str, str] = {}
    for key, item in value.items():
        if key not in GUARDIAN_FIELDS:
            f.problem(f"guardian.{key}", "is not a guardian field (name, relation, phone, address)")
        elif item is not None and not isinstance(item, str):
            f.problem(f"guardian.{key}", f"must be text, not {_json_type(item)}")
        elif item:
            parts[key] = f.checked_text(f"guardian.{key}", item)
    return Guardian(**parts)


def _photos(f: _Fields) -> tuple[str, ...]:
    paths = f.texts("photos")
    for path in paths:
        parts = PurePath(path.replace("\\", "/")).parts
        if PurePath(path).is_absolute() or path.startswith(("/", "\\")) or ":" in path[:3]:
            f.problem("photos", f"'{path}' must be relative to the import file's folder")
        elif ".." in parts:
            f.problem("photos", f"'{path}' leads out of the import file's folder")
    return paths


def parse_record(
    data: dict[str, Any], line: int, from_text: bool = False
) -> ParsedRecord | list[Problem]:
    """Checked details for one raw record, or every problem found in it."""
    f = _Fields(data, line, from_text)
    kind_value = data.get("kind")
    if kind_value is None or kind_value == "":
        f.problem("kind", "is required ('missing' or 'found')")
    elif kind_value not in (Kind.MISSING.value, Kind.FOUND.value):
        f.problem("kind", f"{kind_value!r} is not 'missing' or 'found'")
    if "ref" not in data or data["ref"] in (None, ""):
        f.problem("ref", "is required")
    elif not isinstance(data["ref"], str):
        if from_text or isinstance(data["ref"], bool) or not isinstance(data["ref"], int):
            f.problem("ref", f"must be text, not {_json_type(data['ref'])}")
        else:
            f.problem("ref", "must be text: write it in quotes")
    elif problem := text_problem("ref", data["ref"].strip()):
        f.problem("ref", problem)
    if f.problems:
        return f.problems
    kind = Kind(str(kind_value))
    common = _common(f)
    photos = _photos(f)
    details: ChildDetails
    if kind is Kind.MISSING:
        details = MissingDetails(
            **common,
            case_type=f.choice("case_type", CaseType, CaseType.MISSING) or CaseType.MISSING,
            fir_number=f.text("fir_number"),
            last_seen_at=f.moment("last_seen_at"),
            last_seen_place=f.text("last_seen_place"),
            guardian=_guardian(f),
            status=f.choice("status", MissingStatus, MissingStatus.OPEN) or MissingStatus.OPEN,
            traced_at=f.moment("traced_at"),
        )
    else:
        details = FoundDetails(
            **common,
            gd_number=f.text("gd_number"),
            found_at=f.moment("found_at"),
            found_place=f.text("found_place"),
            found_by=f.text("found_by"),
            custody=f.text("custody"),
            status=f.choice("status", FoundStatus, FoundStatus.UNCLAIMED) or FoundStatus.UNCLAIMED,
        )
    if f.problems:
        return f.problems
    problems = [
        Problem(p.message, field=p.field, ref=p.ref, line=line) for p in check_details(details)
    ]
    if problems:
        return problems
    return ParsedRecord(details, photos, _unknown_fields(data, kind, line, f.ref))


def _unknown_fields(data: dict[str, Any], kind: Kind, line: int, ref: str) -> tuple[Problem, ...]:
    known = COMMON_FIELDS | (MISSING_FIELDS if kind is Kind.MISSING else FOUND_FIELDS)
    return tuple(
        Problem("is not a field of this format; ignored", field=key, ref=ref, line=line)
        for key in data
        if key not in known
    )
