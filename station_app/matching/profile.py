"""What matching knows of one child record: the particulars, parsed once, in comparable form.

A profile is built from the plain details a form or importer produces, so the same code
serves the database, the benchmark's synthetic registers and tests. Free-text marks,
clothing and languages are parsed here, once per record, not once per comparison.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

import numpy as np
from numpy.typing import NDArray

from station_app.domain import ChildDetails, FoundDetails, Kind, MissingDetails, Sex
from station_app.matching.descriptors import (
    ClothingFact,
    MarkFact,
    normalise_languages,
    parse_clothing,
    parse_complexion,
    parse_marks,
)

FaceVector = NDArray[np.float32]
DAYS_PER_YEAR = 365.25
ESTIMATE_HALF_WIDTH = 1.0
"""A found child's single estimated age `a` is read as a - 1 .. a + 1 years."""


@dataclass(frozen=True, slots=True)
class AgeRange:
    """Age in years at the record's event time (last seen or found)."""

    low: float
    high: float

    @property
    def middle(self) -> float:
        return (self.low + self.high) / 2

    def describe(self) -> str:
        if self.high - self.low < 0.05:
            return f"{self.low:g}"
        if self.high - self.low == 1 and self.low == int(self.low):
            return f"{self.low:g}"
        return f"{self.low:g}-{self.high:g}"


@dataclass(frozen=True, slots=True, eq=False)
class ChildProfile:
    """A missing report or found child as matching sees it. `event_at` is when the child
    was last seen (complaint) or found; when that is not recorded, the registration time,
    with `event_exact` False."""

    id: str
    kind: Kind
    case_number: str
    ref: str
    registered_at: datetime
    event_at: datetime
    event_exact: bool
    name: str = ""
    aliases: tuple[str, ...] = ()
    sex: Sex = Sex.UNKNOWN
    age: AgeRange | None = None
    age_estimated: bool = False
    height_cm: float | None = None
    complexion: str | None = None
    marks_text: str = ""
    marks: tuple[MarkFact, ...] = ()
    clothing_text: str = ""
    clothing: tuple[ClothingFact, ...] = ()
    languages: frozenset[str] = frozenset()
    district: str = ""
    state: str = ""
    place: str = ""
    faces: tuple[FaceVector, ...] = ()

    @property
    def label(self) -> str:
        """Case number and the register's own ref, as officers quote them."""
        return f"{self.case_number} (ref {self.ref})" if self.ref else self.case_number


def profile_from_details(
    record_id: str,
    case_number: str,
    details: ChildDetails,
    faces: tuple[FaceVector, ...] = (),
    registered_at: datetime | None = None,
) -> ChildProfile:
    """Build the profile of a stored (or synthetic) record from its details."""
    registered = details.registered_at or registered_at or datetime(2000, 1, 1)
    event = _event_time(details)
    kind = Kind.MISSING if isinstance(details, MissingDetails) else Kind.FOUND
    return ChildProfile(
        id=record_id,
        kind=kind,
        case_number=case_number,
        ref=details.ref,
        registered_at=registered,
        event_at=event or registered,
        event_exact=event is not None,
        name=details.name,
        aliases=details.aliases,
        sex=details.sex,
        age=age_at_event(details, (event or registered).date()),
        age_estimated=kind is Kind.FOUND
        or (details.date_of_birth is None and details.age_years is None),
        height_cm=details.height_cm,
        complexion=_complexion(details),
        marks_text=details.marks,
        marks=_marks(details.marks),
        clothing_text=details.clothing,
        clothing=_clothing(details.clothing),
        languages=_languages(details.languages),
        district=details.district.strip(),
        state=details.state.strip(),
        place=_place(details),
        faces=faces,
    )


def _event_time(details: ChildDetails) -> datetime | None:
    if isinstance(details, MissingDetails):
        return details.last_seen_at
    if isinstance(details, FoundDetails):
        return details.found_at
    return None


def _place(details: ChildDetails) -> str:
    if isinstance(details, MissingDetails):
        return details.last_seen_place.strip()
    if isinstance(details, FoundDetails):
        return details.found_place.strip()
    return ""


def age_at_event(details: ChildDetails, on: date) -> AgeRange | None:
    """The child's age on `on` as the record states it: exact from a date of birth, the
    estimated range, or the age in years (a complaint's "9" means 9 to 10)."""
    if details.date_of_birth is not None and details.date_of_birth <= on:
        exact = (on - details.date_of_birth).days / DAYS_PER_YEAR
        return AgeRange(round(exact, 2), round(exact, 2))
    low, high = details.age_min, details.age_max
    if low is not None or high is not None:
        low = high if low is None else low
        high = low if high is None else high
        assert low is not None and high is not None
        return AgeRange(min(low, high), max(low, high))
    if details.age_years is None:
        return None
    age = details.age_years
    if isinstance(details, FoundDetails):
        return AgeRange(max(0.0, age - ESTIMATE_HALF_WIDTH), age + ESTIMATE_HALF_WIDTH)
    return AgeRange(age, age + 1.0) if age == int(age) else AgeRange(age, age)


def _complexion(details: ChildDetails) -> str | None:
    if details.complexion is None:
        return None
    return _canonical_complexion(details.complexion.value)


@lru_cache(maxsize=64)
def _canonical_complexion(text: str) -> str | None:
    return parse_complexion(text)


# Parsing costs about 0.1 ms a text; registers repeat many texts ("Hindi", school uniform).
@lru_cache(maxsize=8192)
def _marks(text: str) -> tuple[MarkFact, ...]:
    return parse_marks(text)


@lru_cache(maxsize=8192)
def _clothing(text: str) -> tuple[ClothingFact, ...]:
    return parse_clothing(text)


@lru_cache(maxsize=4096)
def _languages(items: tuple[str, ...]) -> frozenset[str]:
    return normalise_languages(items)


def days_between(earlier: datetime, later: datetime) -> float:
    return (later - earlier).total_seconds() / 86400.0
