"""The progress table as CSV, and every figure as plain text for a terminal."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from station_app.atomic import write_atomic
from station_app.domain import CaseType
from station_app.errors import StationError
from station_app.statistics.figures import AgeBand, MonthFigures, MonthlyStatistics, SexCounts

CSV_HEADER = (
    "month",
    "registered_boys",
    "registered_girls",
    "registered_total",
    "traced_boys",
    "traced_girls",
    "traced_total",
)


def progress_row(figures: MonthFigures) -> tuple[str, int, int, int, int, int, int]:
    registered, traced = figures.registered.children, figures.traced.children
    return (
        figures.month,
        registered.boys,
        registered.girls,
        registered.total,
        traced.boys,
        traced.girls,
        traced.total,
    )


def csv_text(statistics: MonthlyStatistics) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    writer.writerows(progress_row(figures) for figures in statistics.rows)
    return out.getvalue()


def write_csv(statistics: MonthlyStatistics, path: Path) -> None:
    """Write the table atomically; like a PDF, only into a folder that exists."""
    if path.is_dir():
        raise StationError(f"{path} is a folder; give a file name ending in .csv.")
    if not path.parent.exists():
        raise StationError(f"The folder {path.parent} does not exist.")
    write_atomic(path, csv_text(statistics).encode("utf-8"))


def median_text(days: float | None) -> str:
    return "-" if days is None else f"{days:g}"


def _aligned(header: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    cells = [list(header), *([str(value) for value in row] for row in rows)]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    return [
        "  ".join(
            text.ljust(width) if i == 0 else text.rjust(width)
            for i, (text, width) in enumerate(zip(row, widths, strict=True))
        )
        for row in cells
    ]


def _split_table(title: str, splits: Sequence[tuple[str, SexCounts, SexCounts]]) -> list[str]:
    """Registered and traced children of the whole period, one line per category."""
    rows = [
        (name, registered.boys, registered.girls, registered.total,
         traced.boys, traced.girls, traced.total)
        for name, registered, traced in splits
    ]  # fmt: skip
    return _aligned((title, *CSV_HEADER[1:]), rows)


def text_report(statistics: MonthlyStatistics) -> str:
    """The progress table with the other monthly figures, then the splits of the period."""
    rows = [
        (*progress_row(m), m.pending_at_end, m.found.received, m.found.restored,
         m.found.in_shelter, median_text(m.median_days_to_trace))
        for m in statistics.rows
    ]  # fmt: skip
    header = (*CSV_HEADER, "pending_at_end", "found_received", "found_restored",
              "found_in_shelter", "median_days_to_trace")  # fmt: skip
    total = statistics.total
    by_case = [
        (kind.value, total.registered.case_type(kind), total.traced.case_type(kind))
        for kind in CaseType
    ]
    by_age = [
        (band.value, total.registered.age_band(band), total.traced.age_band(band))
        for band in AgeBand
    ]
    lines = [
        *_aligned(header, rows),
        "",
        *_split_table("case_type", by_case),
        "",
        *_split_table("age_band", by_age),
    ]
    return "\n".join(lines) + "\n"
