"""The period a report covers, and the calendar months it is cut into.

Bounds are whole days, both inclusive: a period ending on 30 September takes in
everything up to 23:59:59 that day. A month only partly inside the period keeps only
the days inside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from station_app.errors import StationError

MAX_MONTHS = 240
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class InvalidPeriod(StationError):
    """The period asked for cannot be reported on (reversed, or far too long)."""


@dataclass(frozen=True, slots=True)
class MonthSpan:
    """The days of one calendar month that lie inside the period."""

    year: int
    month: int
    first_day: date
    last_day: date

    @property
    def key(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def is_whole(self) -> bool:
        return self.first_day.day == 1 and (self.last_day + timedelta(days=1)).day == 1


@dataclass(frozen=True, slots=True)
class Period:
    first_day: date
    last_day: date

    def __post_init__(self) -> None:
        if self.first_day > self.last_day:
            raise InvalidPeriod(
                f"The period starts on {self.first_day.isoformat()}, after it ends on "
                f"{self.last_day.isoformat()}."
            )
        if len(self.months()) > MAX_MONTHS:
            raise InvalidPeriod(f"A report covers at most {MAX_MONTHS} months.")

    @property
    def start(self) -> datetime:
        """The first moment inside the period."""
        return datetime.combine(self.first_day, time.min)

    @property
    def end(self) -> datetime:
        """The first moment after the period (exclusive bound)."""
        return datetime.combine(self.last_day + timedelta(days=1), time.min)

    def months(self) -> list[MonthSpan]:
        spans: list[MonthSpan] = []
        year, month = self.first_day.year, self.first_day.month
        while (year, month) <= (self.last_day.year, self.last_day.month):
            following = date(year + month // 12, month % 12 + 1, 1)
            first = max(self.first_day, date(year, month, 1))
            last = min(self.last_day, following - timedelta(days=1))
            spans.append(MonthSpan(year, month, first, last))
            year, month = following.year, following.month
        return spans

    def month_starts(self) -> list[datetime]:
        """Where each month after the first begins: the cut points between months."""
        return [datetime.combine(span.first_day, time.min) for span in self.months()[1:]]

    def month_ends(self) -> list[datetime]:
        """The exclusive end of each month inside the period (the last is `end`)."""
        return [*self.month_starts(), self.end]

    def month_bounds(self) -> list[tuple[datetime, datetime]]:
        """Each month inside the period as (its first moment, the first moment after it)."""
        ends = self.month_ends()
        return list(zip([self.start, *ends[:-1]], ends, strict=True))


def parse_day(text: str) -> date:
    """A date written YYYY-MM-DD, or InvalidPeriod saying what was wrong."""
    text = text.strip()
    try:
        if _DAY.fullmatch(text):
            return date.fromisoformat(text)
    except ValueError:
        pass
    raise InvalidPeriod(f"'{text}' is not a date; write it as YYYY-MM-DD, e.g. 2026-09-30.")
