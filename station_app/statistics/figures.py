"""The figures of a monthly report, as plain frozen records for the CLI, PDF and GUI."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from station_app.domain import CaseType
from station_app.statistics.period import Period


class AgeBand(enum.StrEnum):
    """Age at registration, in the bands of the Juvenile Justice returns."""

    UP_TO_5 = "0-5"
    FROM_6_TO_11 = "6-11"
    FROM_12_TO_14 = "12-14"
    FROM_15_TO_17 = "15-17"
    ADULT = "18+"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class SexCounts:
    """Boys, girls, and all children (the total also counts other and unknown sex)."""

    boys: int = 0
    girls: int = 0
    total: int = 0

    def __add__(self, other: SexCounts) -> SexCounts:
        return SexCounts(self.boys + other.boys, self.girls + other.girls, self.total + other.total)

    @property
    def others(self) -> int:
        return self.total - self.boys - self.girls


@dataclass(frozen=True, slots=True)
class Tally:
    """Children counted one way (registered, or traced), split as a district asks."""

    children: SexCounts = SexCounts()
    by_case_type: Mapping[CaseType, SexCounts] = field(default_factory=dict)
    by_age_band: Mapping[AgeBand, SexCounts] = field(default_factory=dict)

    def case_type(self, case_type: CaseType) -> SexCounts:
        return self.by_case_type.get(case_type, SexCounts())

    def age_band(self, band: AgeBand) -> SexCounts:
        return self.by_age_band.get(band, SexCounts())


@dataclass(frozen=True, slots=True)
class FoundFigures:
    """Found children: received at the station, restored to family, in a shelter now."""

    received: int = 0
    restored: int = 0
    in_shelter: int = 0


@dataclass(frozen=True, slots=True)
class MonthFigures:
    """One row of the report: a calendar month (or the whole period, `month="total"`)."""

    month: str
    first_day: date
    last_day: date
    registered: Tally
    traced: Tally
    pending_at_end: int
    found: FoundFigures
    median_days_to_trace: float | None

    @property
    def is_total(self) -> bool:
        return self.month == TOTAL

    @property
    def is_whole_month(self) -> bool:
        """A calendar month lying wholly inside the period."""
        following = self.last_day + timedelta(days=1)
        return not self.is_total and self.first_day.day == 1 and following.day == 1


TOTAL = "total"


@dataclass(frozen=True, slots=True)
class MonthlyStatistics:
    period: Period
    months: tuple[MonthFigures, ...]
    total: MonthFigures
    traced_registered_before: SexCounts
    """Of the children traced in the period, those registered before it began."""

    @property
    def rows(self) -> tuple[MonthFigures, ...]:
        """Every month, then the total: the rows of the progress table."""
        return (*self.months, self.total)
