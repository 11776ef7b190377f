"""The tables of the printed report; every cell is a shaped Paragraph."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Table, TableStyle

from station_app.pdf.styles import PALE, RULE, derive
from station_app.statistics.figures import MonthlyStatistics, SexCounts
from station_app.statistics.report_wording import Wording
from station_app.statistics.searchable_text import searchable
from station_app.statistics.text_tables import median_text

Cell = str | int


@dataclass(frozen=True, slots=True)
class CellStyles:
    header: ParagraphStyle
    name: ParagraphStyle
    number: ParagraphStyle
    total_name: ParagraphStyle
    total_number: ParagraphStyle

    @classmethod
    def from_body(cls, body: ParagraphStyle, bold_font: str) -> CellStyles:
        small = derive(body, "cell", fontSize=8.5, leading=11)
        number = derive(small, "cell_number", alignment="right")
        return cls(
            header=derive(small, "cell_header", fontName=bold_font, alignment="centre"),
            name=small,
            number=number,
            total_name=derive(small, "cell_total", fontName=bold_font),
            total_number=derive(number, "cell_total_number", fontName=bold_font),
        )


def _grid(
    header_rows: list[list[str]],
    body_rows: Sequence[Sequence[Cell]],
    styles: CellStyles,
    widths: Sequence[float],
    spans: Sequence[tuple[tuple[int, int], tuple[int, int]]] = (),
    total_last: bool = True,
) -> Table:
    rows = [[searchable(text, styles.header) for text in row] for row in header_rows]
    for index, row in enumerate(body_rows):
        is_total = total_last and index == len(body_rows) - 1
        name_style = styles.total_name if is_total else styles.name
        number_style = styles.total_number if is_total else styles.number
        rows.append(
            [searchable(str(row[0]), name_style)]
            + [searchable(str(value), number_style) for value in row[1:]]
        )
    heads = len(header_rows)
    commands: list[Any] = [
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("BACKGROUND", (0, 0), (-1, heads - 1), PALE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if total_last:
        commands.append(("BACKGROUND", (0, -1), (-1, -1), PALE))
    commands += [("SPAN", start, end) for start, end in spans]
    return Table(rows, colWidths=list(widths), repeatRows=heads, style=TableStyle(commands))


def progress_table(
    statistics: MonthlyStatistics,
    month_labels: Sequence[str],
    words: Wording,
    styles: CellStyles,
    width: float,
) -> Table:
    """Month | registered boys, girls, total | traced boys, girls, total | pending | median."""
    headers = [
        [words.month, words.registered, "", "", words.traced, "", "", words.pending,
         words.median_days],
        ["", words.boys, words.girls, words.total, words.boys, words.girls, words.total, "", ""],
    ]  # fmt: skip
    rows = [
        [label, *_sex(m.registered.children), *_sex(m.traced.children), m.pending_at_end,
         median_text(m.median_days_to_trace)]
        for label, m in zip(month_labels, statistics.rows, strict=True)
    ]  # fmt: skip
    first = 0.2 * width
    narrow = (width - first - 2 * 0.13 * width) / 6
    spans = [((0, 0), (0, 1)), ((1, 0), (3, 0)), ((4, 0), (6, 0)), ((7, 0), (7, 1)),
             ((8, 0), (8, 1))]  # fmt: skip
    widths = [first, *([narrow] * 6), 0.13 * width, 0.13 * width]
    return _grid(headers, rows, styles, widths, spans)


def split_table(
    title: str,
    splits: Sequence[tuple[str, SexCounts, SexCounts]],
    words: Wording,
    styles: CellStyles,
    width: float,
) -> Table:
    """A category | registered boys, girls, total | traced boys, girls, total."""
    headers = [
        [title, words.registered, "", "", words.traced, "", ""],
        ["", words.boys, words.girls, words.total, words.boys, words.girls, words.total],
    ]
    rows: list[list[Cell]] = [
        [name, *_sex(registered), *_sex(traced)] for name, registered, traced in splits
    ]
    first = 0.28 * width
    spans = [((0, 0), (0, 1)), ((1, 0), (3, 0)), ((4, 0), (6, 0))]
    widths = [first, *([(width - first) / 6] * 6)]
    return _grid(headers, rows, styles, widths, spans, total_last=False)


def found_table(
    statistics: MonthlyStatistics,
    month_labels: Sequence[str],
    words: Wording,
    styles: CellStyles,
    width: float,
) -> Table:
    headers = [[words.month, words.received, words.restored, words.in_shelter]]
    rows: list[list[Cell]] = [
        [label, m.found.received, m.found.restored, m.found.in_shelter]
        for label, m in zip(month_labels, statistics.rows, strict=True)
    ]
    first = 0.28 * width
    return _grid(headers, rows, styles, [first, *([(width - first) / 3] * 3)])


def _sex(counts: SexCounts) -> list[Cell]:
    return [counts.boys, counts.girls, counts.total]
