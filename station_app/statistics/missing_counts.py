"""Missing reports registered and traced, counted per month in the database.

Each count is one GROUP BY over a range of an indexed date column (registered_at or
traced_at); what comes back is one small row per month, sex, case type and age band,
never the records themselves.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any, NamedTuple

from sqlalchemy import Label, Select, case, func, select
from sqlalchemy.orm import Session

from station_app.db.models import MissingReport
from station_app.domain import CaseType, MissingStatus, Sex
from station_app.statistics.figures import AgeBand, SexCounts, Tally
from station_app.statistics.period import Period
from station_app.statistics.sql_expressions import age_band, count_cuts_at_or_before

_CASE_TYPES = {kind.value for kind in CaseType}


class Cell(NamedTuple):
    """How many reports share a month, sex, case type and age band.

    Cells of traced reports also say when the report was registered (`registered_in`:
    0 before the period, m + 1 in its month m, months + 1 after it) and whether its
    status still says open; pending counts need both.
    """

    month: int
    sex: str
    case_type: str
    age_band: str
    children: int
    registered_in: int | None = None
    still_open: bool = False

    @property
    def registered_earlier(self) -> bool:
        return self.registered_in == 0


def registered_cells(session: Session, period: Period) -> list[Cell]:
    """Reports whose registered_at falls in the period, by month of registration."""
    rows = session.execute(_grouped(period, MissingReport.registered_at))
    return [Cell(int(month), sex, kind, band, count) for month, sex, kind, band, count in rows]


def traced_cells(session: Session, period: Period) -> list[Cell]:
    """Reports whose traced_at falls in the period, whenever they were registered."""
    model = MissingReport
    registered_in = count_cuts_at_or_before(
        model.registered_at, [period.start, *period.month_ends()]
    )
    still_open = case((model.status == MissingStatus.OPEN.value, 1), else_=0)
    statement = _grouped(
        period,
        model.traced_at,
        registered_in.label("registered_in"),
        still_open.label("still_open"),
    )
    return [
        Cell(int(month), sex, kind, band, count, int(registered), bool(is_open))
        for month, sex, kind, band, registered, is_open, count in session.execute(statement)
    ]


def _grouped(period: Period, when: Any, *keys: Label[Any]) -> Select[Any]:
    """Counts per month of `when`, sex, case type, age band and any further `keys`."""
    model = MissingReport
    return (
        select(
            count_cuts_at_or_before(when, period.month_starts()).label("month_index"),
            model.sex,
            model.case_type,
            age_band(model).label("age_band"),
            *keys,
            func.count(),
        )
        .where(when >= period.start, when < period.end)
        .group_by(
            "month_index", model.sex, model.case_type, "age_band", *(key.name for key in keys)
        )
    )


def sex_counts(cells: Iterable[Cell]) -> SexCounts:
    boys = girls = total = 0
    for cell in cells:
        total += cell.children
        if cell.sex == Sex.MALE:
            boys += cell.children
        elif cell.sex == Sex.FEMALE:
            girls += cell.children
    return SexCounts(boys, girls, total)


def tally(cells: Iterable[Cell]) -> Tally:
    """The children of these cells, overall and split by case type and by age band."""
    cells = list(cells)
    by_case: dict[CaseType, list[Cell]] = defaultdict(list)
    by_band: dict[AgeBand, list[Cell]] = defaultdict(list)
    for cell in cells:
        if cell.case_type in _CASE_TYPES:
            by_case[CaseType(cell.case_type)].append(cell)
        by_band[AgeBand(cell.age_band)].append(cell)
    return Tally(
        children=sex_counts(cells),
        by_case_type={kind: sex_counts(group) for kind, group in by_case.items()},
        by_age_band={band: sex_counts(group) for band, group in by_band.items()},
    )


def cells_by_month(cells: Iterable[Cell], months: int) -> list[list[Cell]]:
    grouped: list[list[Cell]] = [[] for _ in range(months)]
    for cell in cells:
        grouped[cell.month].append(cell)
    return grouped
