"""Missing reports registered and traced, counted per month in the database.

Each count is one GROUP BY over a range of an indexed date column (registered_at or
traced_at); what comes back is one small row per month, sex, case type and age band,
never the records themselves. The row's group comes back packed into one integer
(see sql_expressions): SQLite sorts one integer far faster than the columns themselves,
and it sorts a month's rows at a time.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, bindparam, case, func, select
from sqlalchemy.orm import Session

from station_app.db.models import MissingReport
from station_app.domain import CaseType, MissingStatus, Sex
from station_app.statistics.figures import AgeBand, SexCounts, Tally
from station_app.statistics.period import Period
from station_app.statistics.sql_expressions import (
    AGE_BANDS,
    age_band_code,
    code_of,
    month_number,
    month_number_of,
    packed,
    unpacked,
)

_CASE_TYPES = {kind.value for kind in CaseType}
# Only boys and girls, and only these case types, are counted apart; any other value
# comes back as "" and counts in the totals alone, as it would under its own name.
_SEXES = (Sex.MALE.value, Sex.FEMALE.value)
_KINDS = (CaseType.MISSING.value, CaseType.KIDNAPPING.value)
_OTHER = ""
_RADICES = (len(_SEXES) + 1, len(_KINDS) + 1, len(AGE_BANDS))


class Cell(NamedTuple):
    """How many reports share a month, sex, case type and age band.

    `sex` is male, female or "" (any other); `case_type` is missing, kidnapping or ""
    (any other). Cells of traced reports also say when the report was registered
    (`registered_in`: 0 before the period, m + 1 in its month m, months + 1 after it)
    and whether its status still says open; pending counts need both.
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
    rows = _grouped(session, period, MissingReport.registered_at)
    return [_cell(month, key, count) for month, key, count in rows]


def traced_cells(session: Session, period: Period) -> list[Cell]:
    """Reports whose traced_at falls in the period, whenever they were registered."""
    model = MissingReport
    buckets = len(period.months()) + 2
    dialect = session.get_bind().dialect.name
    month = month_number(dialect, model.registered_at) - month_number_of(period.first_day)
    # Two comparisons put a report registered outside the period (even in the part of a
    # month the period leaves out) in the first or last bucket; inside it, its month.
    registered_in = case(
        (model.registered_at < period.start, 0),
        (model.registered_at >= period.end, buckets - 1),
        else_=month + 1,
    )
    still_open = case((model.status == MissingStatus.OPEN.value, 1), else_=0)
    rows = _grouped(session, period, model.traced_at, (registered_in, buckets), (still_open, 2))
    cells = []
    for month_index, key, count in rows:
        rest, registered, is_open = unpacked(key, buckets, 2)
        cell = _cell(month_index, rest, count)
        cells.append(cell._replace(registered_in=registered, still_open=bool(is_open)))
    return cells


def _grouped(
    session: Session, period: Period, when: Any, *more: tuple[ColumnElement[int], int]
) -> Iterator[tuple[int, int, int]]:
    """(month index, packed sex, case type, age band and `more`, reports) per month of `when`.

    One query per month: each reads its month's range of the date index and sorts only
    that month's rows, which SQLite does much faster than one sort of the whole period.
    """
    model = MissingReport
    sex, kind, band = (
        code_of(model.sex, _SEXES),
        code_of(model.case_type, _KINDS),
        age_band_code(model),
    )
    key = packed(sex, *zip((kind, band), _RADICES[1:], strict=True), *more)
    statement = (
        select(key.label("cell"), func.count())
        .where(when >= bindparam("first"), when < bindparam("after"))
        .group_by("cell")
    )
    for month, (first, after) in enumerate(period.month_bounds()):
        for cell, count in session.execute(statement, {"first": first, "after": after}):
            yield month, cell, count


def _cell(month: int, key: int, count: int) -> Cell:
    sex, kind, band = unpacked(key, *_RADICES[1:])
    return Cell(
        month,
        _SEXES[sex] if sex < len(_SEXES) else _OTHER,
        _KINDS[kind] if kind < len(_KINDS) else _OTHER,
        AGE_BANDS[band].value,
        count,
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
