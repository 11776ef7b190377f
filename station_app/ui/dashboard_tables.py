"""The dashboard's tables: the progress table month by month, and the period's splits.

Column and row names are marked for translation here and looked up when a table is
filled, so a language switch re-labels them.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from station_app.domain import CaseType
from station_app.statistics.figures import AgeBand, MonthlyStatistics, SexCounts
from station_app.statistics.sentences import Language, month_label
from station_app.statistics.text_tables import median_text
from station_app.ui.i18n import QT_TRANSLATE_NOOP, translate
from station_app.ui.labels import choice_label

CONTEXT = "Dashboard"
MONTH_COLUMNS = (
    QT_TRANSLATE_NOOP("Dashboard", "Month"),
    QT_TRANSLATE_NOOP("Dashboard", "Registered\nboys"),
    QT_TRANSLATE_NOOP("Dashboard", "Registered\ngirls"),
    QT_TRANSLATE_NOOP("Dashboard", "Registered\ntotal"),
    QT_TRANSLATE_NOOP("Dashboard", "Traced\nboys"),
    QT_TRANSLATE_NOOP("Dashboard", "Traced\ngirls"),
    QT_TRANSLATE_NOOP("Dashboard", "Traced\ntotal"),
    QT_TRANSLATE_NOOP("Dashboard", "Pending at\nmonth end"),
    QT_TRANSLATE_NOOP("Dashboard", "Found children\nreceived"),
    QT_TRANSLATE_NOOP("Dashboard", "Restored\nto family"),
    QT_TRANSLATE_NOOP("Dashboard", "In a shelter\nhome now"),
    QT_TRANSLATE_NOOP("Dashboard", "Median days\nto trace"),
)
SPLIT_COLUMNS = MONTH_COLUMNS[1:7]
TOTAL_ROW = QT_TRANSLATE_NOOP("Dashboard", "Total")
CASE_TYPE_COLUMN = QT_TRANSLATE_NOOP("Dashboard", "Type of case")
AGE_COLUMN = QT_TRANSLATE_NOOP("Dashboard", "Age group")
AGE_BANDS = {
    AgeBand.UP_TO_5: QT_TRANSLATE_NOOP("Dashboard", "0–5 years"),
    AgeBand.FROM_6_TO_11: QT_TRANSLATE_NOOP("Dashboard", "6–11 years"),
    AgeBand.FROM_12_TO_14: QT_TRANSLATE_NOOP("Dashboard", "12–14 years"),
    AgeBand.FROM_15_TO_17: QT_TRANSLATE_NOOP("Dashboard", "15–17 years"),
    AgeBand.ADULT: QT_TRANSLATE_NOOP("Dashboard", "18 or over"),
    AgeBand.UNKNOWN: QT_TRANSLATE_NOOP("Dashboard", "Age not known"),
}


def figures_table(name: str) -> QTableWidget:
    table = QTableWidget()
    table.setObjectName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
    return table


def _fill(
    table: QTableWidget,
    columns: Sequence[str],
    rows: Sequence[Sequence[str | int]],
    bold_last: bool = False,
) -> None:
    table.clearContents()
    table.setColumnCount(len(columns))
    table.setHorizontalHeaderLabels([translate(CONTEXT, text) for text in columns])
    table.setRowCount(len(rows))
    for row_index, row in enumerate(rows):
        for column, value in enumerate(row):
            item = QTableWidgetItem(str(value))
            if column:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if bold_last and row_index == len(rows) - 1:
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
            table.setItem(row_index, column, item)


def _sex(counts: SexCounts) -> list[str | int]:
    return [counts.boys, counts.girls, counts.total]


def fill_months(table: QTableWidget, statistics: MonthlyStatistics, language: Language) -> None:
    total_label = translate(CONTEXT, TOTAL_ROW)
    rows = [
        [month_label(m, language, total_label), *_sex(m.registered.children),
         *_sex(m.traced.children), m.pending_at_end, m.found.received, m.found.restored,
         m.found.in_shelter, median_text(m.median_days_to_trace)]
        for m in statistics.rows
    ]  # fmt: skip
    _fill(table, MONTH_COLUMNS, rows, bold_last=True)


def fill_case_types(table: QTableWidget, statistics: MonthlyStatistics) -> None:
    total = statistics.total
    rows = [
        [choice_label(kind), *_sex(total.registered.case_type(kind)),
         *_sex(total.traced.case_type(kind))]
        for kind in CaseType
    ]  # fmt: skip
    _fill(table, (CASE_TYPE_COLUMN, *SPLIT_COLUMNS), rows)


def fill_age_bands(table: QTableWidget, statistics: MonthlyStatistics) -> None:
    total = statistics.total
    rows = [
        [translate(CONTEXT, AGE_BANDS[band]), *_sex(total.registered.age_band(band)),
         *_sex(total.traced.age_band(band))]
        for band in AgeBand
    ]  # fmt: skip
    _fill(table, (AGE_COLUMN, *SPLIT_COLUMNS), rows)


def clear(table: QTableWidget) -> None:
    table.clearContents()
    table.setRowCount(0)
