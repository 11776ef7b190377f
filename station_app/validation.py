"""Rules every record must satisfy, however it arrives: form, import or batch."""

from __future__ import annotations

from datetime import date, datetime

from station_app.domain import (
    ChildDetails,
    FoundDetails,
    MissingDetails,
    MissingStatus,
)
from station_app.errors import Problem

MAX_AGE_YEARS = 120.0
HEIGHT_RANGE_CM = (30.0, 250.0)
MAX_REF_LENGTH = 100


def _future(value: date | datetime | None, now: datetime) -> bool:
    if value is None:
        return False
    if isinstance(value, datetime):
        return value > now
    return value > now.date()


def check_details(details: ChildDetails, now: datetime | None = None) -> list[Problem]:
    now = now or datetime.now()
    ref = details.ref
    problems: list[Problem] = []

    def problem(field: str, message: str) -> None:
        problems.append(Problem(message, field=field, ref=ref))

    if not ref.strip():
        problem("ref", "is required")
    elif len(ref) > MAX_REF_LENGTH:
        problem("ref", f"is longer than {MAX_REF_LENGTH} characters")
    for field in ("age_years", "age_min", "age_max"):
        value = getattr(details, field)
        if value is not None and not 0 <= value <= MAX_AGE_YEARS:
            problem(field, f"{value:g} is not an age (0 to {MAX_AGE_YEARS:g} years)")
    if (
        details.age_min is not None
        and details.age_max is not None
        and details.age_min > details.age_max
    ):
        problem("age_min", f"{details.age_min:g} is more than age_max {details.age_max:g}")
    if details.height_cm is not None and not (
        HEIGHT_RANGE_CM[0] <= details.height_cm <= HEIGHT_RANGE_CM[1]
    ):
        problem("height_cm", f"{details.height_cm:g} cm is not a child's height")
    for field in ("date_of_birth", "registered_at"):
        if _future(getattr(details, field), now):
            problem(field, "lies in the future")
    if isinstance(details, MissingDetails):
        problems.extend(_check_missing(details, now))
    elif isinstance(details, FoundDetails) and _future(details.found_at, now):
        problem("found_at", "lies in the future")
    seen_field = "last_seen_at" if isinstance(details, MissingDetails) else "found_at"
    seen = getattr(details, seen_field, None)
    if (
        details.date_of_birth is not None
        and seen is not None
        and details.date_of_birth > seen.date()
    ):
        problem("date_of_birth", f"is after {seen_field}")
    return problems


def _check_missing(details: MissingDetails, now: datetime) -> list[Problem]:
    problems: list[Problem] = []
    ref = details.ref
    for field in ("last_seen_at", "traced_at"):
        if _future(getattr(details, field), now):
            problems.append(Problem("lies in the future", field=field, ref=ref))
    if details.status is MissingStatus.TRACED and details.traced_at is None:
        problems.append(Problem("is required when status is 'traced'", "traced_at", ref))
    if details.status is MissingStatus.OPEN and details.traced_at is not None:
        problems.append(
            Problem(f"is given but status is '{details.status.value}'", "traced_at", ref)
        )
    if (
        details.traced_at is not None
        and details.last_seen_at is not None
        and details.traced_at < details.last_seen_at
    ):
        problems.append(Problem("is before last_seen_at", "traced_at", ref))
    return problems
