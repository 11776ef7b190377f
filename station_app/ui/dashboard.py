"""The statistics dashboard: the Operation Muskaan figures of a chosen period.

The officer picks the first and last day; the figures are counted on the database
worker (the same service the CLI calls) and shown as tables and a bar chart, with the
month-by-month sentences of the printed report. CSV and PDF exports go through the
same service functions as `station-app report monthly`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from station_app.services import statistics as statistics_service
from station_app.statistics.figures import MonthlyStatistics
from station_app.statistics.period import InvalidPeriod, Period
from station_app.statistics.sentences import (
    Language,
    month_name,
    month_sentence,
    period_sentence,
)
from station_app.ui import dashboard_tables as tables
from station_app.ui.dashboard_chart import TracedChart
from station_app.ui.desk import Desk
from station_app.ui.labels import DATE_FORMAT
from station_app.ui.tasks import CancelToken, Task
from station_app.ui.widgets import ErrorLabel, mark_data, push_button


def _date_edit(name: str, value: date) -> QDateEdit:
    edit = QDateEdit(QDate(value))
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setMaximumDate(QDate.currentDate())
    return edit


class Dashboard(QWidget):
    """A window of statistics for one period at a time."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.setWindowFlag(Qt.WindowType.Window)
        self._desk = desk
        self.statistics: MonthlyStatistics | None = None
        self.task: Task[MonthlyStatistics] | None = None
        today = date.today()
        self.first_day = _date_edit("firstDay", date(today.year, 1, 1))
        self.last_day = _date_edit("lastDay", today)
        self.from_label, self.to_label = QLabel(), QLabel()
        self.from_label.setBuddy(self.first_day)
        self.to_label.setBuddy(self.last_day)
        self.show_button = push_button("showFigures", self.show_figures)
        self.csv_button = push_button("exportCsv", self.choose_csv)
        self.pdf_button = push_button("exportPdf", self.choose_pdf)
        self.error = ErrorLabel()
        self.status = mark_data(QLabel())
        self.status.setObjectName("dashboardStatus")
        self.summary = mark_data(QLabel())
        self.summary.setObjectName("periodSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.month_table = tables.figures_table("monthTable")
        self.case_table = tables.figures_table("caseTypeTable")
        self.age_table = tables.figures_table("ageTable")
        self.sentences = mark_data(QLabel())
        self.sentences.setObjectName("monthSentences")
        self.sentences.setWordWrap(True)
        self.sentences.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.sentences.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tabs = QTabWidget()
        for page in (self.month_table, self.case_table, self.age_table, self.sentences):
            self.tabs.addTab(page, "")
        self.chart = TracedChart()
        self._lay_out()
        self._set_exports_enabled(False)
        self.resize(1100, 760)
        self.retranslate()

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        for widget in (self.from_label, self.first_day, self.to_label, self.last_day):
            bar.addWidget(widget)
        bar.addWidget(self.show_button)
        bar.addStretch(1)
        bar.addWidget(self.csv_button)
        bar.addWidget(self.pdf_button)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.tabs)
        splitter.addWidget(self.chart)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.error)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)

    # -- the period ----------------------------------------------------------------------

    def set_period(self, first: date, last: date) -> None:
        self.first_day.setDate(QDate(first))
        self.last_day.setDate(QDate(last))

    def period(self) -> Period | None:
        """The chosen period, or None (with the reason shown) if it cannot be one."""
        first, last = self.first_day.date().toPython(), self.last_day.date().toPython()
        assert isinstance(first, date) and isinstance(last, date)
        try:
            period = Period(first, last)
        except InvalidPeriod:
            self.error.show_problem(self.tr("The first day is after the last day."))
            return None
        self.error.show_problem("")
        return period

    def language(self) -> Language:
        return "hi" if self._desk.translations.language == "hi" else "en"

    # -- actions -------------------------------------------------------------------------

    def show_figures(self) -> None:
        period = self.period()
        if period is None:
            return
        app, user = self._desk.app, self._desk.user

        def work(_token: CancelToken) -> MonthlyStatistics:
            return statistics_service.monthly_report(app, user, period)

        self.status.setText("")
        self.task = self._desk.run(self, self.tr("Counting…"), work, self._shown)

    def _shown(self, statistics: MonthlyStatistics) -> None:
        self.statistics = statistics
        self._fill()
        self._set_exports_enabled(True)

    def choose_csv(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the table as CSV"), self._suggested_name("csv"),
            self.tr("CSV files (*.csv)"),
        )  # fmt: skip
        if name:
            self.export_csv(Path(name))

    def choose_pdf(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the report as PDF"), self._suggested_name("pdf"),
            self.tr("PDF files (*.pdf)"),
        )  # fmt: skip
        if name:
            self.export_pdf(Path(name))

    def export_csv(self, path: Path) -> None:
        self._export(path, lambda period: statistics_service.export_csv(
            self._desk.app, self._desk.user, period, path))  # fmt: skip

    def export_pdf(self, path: Path) -> None:
        language = self.language()
        self._export(path, lambda period: statistics_service.export_pdf(
            self._desk.app, self._desk.user, period, path, language))  # fmt: skip

    def _export(self, path: Path, write: Callable[[Period], MonthlyStatistics]) -> None:
        period = self.period()
        if period is None:
            return

        def work(_token: CancelToken) -> MonthlyStatistics:
            return write(period)

        def done(statistics: MonthlyStatistics) -> None:
            self._shown(statistics)
            self.status.setText(self.tr("Saved %1").replace("%1", str(path)))

        label = self.tr("Saving %1…").replace("%1", path.name)
        self.task = self._desk.run(self, label, work, done)

    def _suggested_name(self, extension: str) -> str:
        first = self.first_day.date().toPython()
        last = self.last_day.date().toPython()
        return f"muskaan-{first}-to-{last}.{extension}"

    def _set_exports_enabled(self, enabled: bool) -> None:
        self.csv_button.setEnabled(enabled)
        self.pdf_button.setEnabled(enabled)

    # -- showing the figures -------------------------------------------------------------

    def _fill(self) -> None:
        statistics = self.statistics
        if statistics is None:
            for table in (self.month_table, self.case_table, self.age_table):
                tables.clear(table)
            self.chart.set_data([], [], [])
            return
        language = self.language()
        tables.fill_months(self.month_table, statistics, language)
        tables.fill_case_types(self.case_table, statistics)
        tables.fill_age_bands(self.age_table, statistics)
        several_years = statistics.period.first_day.year != statistics.period.last_day.year
        self.summary.setText(period_sentence(statistics, language))
        self.sentences.setText(
            "\n".join(month_sentence(m, language, several_years) for m in statistics.months)
        )
        self.chart.set_data(
            [self._chart_label(m.first_day, several_years) for m in statistics.months],
            [m.traced.children.boys for m in statistics.months],
            [m.traced.children.girls for m in statistics.months],
        )

    def _chart_label(self, first_day: date, several_years: bool) -> str:
        name = month_name(first_day.month, self.language())
        return f"{name} {first_day.year % 100:02d}" if several_years else name

    # -- language ------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Operation Muskaan: monthly statistics"))
        self.from_label.setText(self.tr("&From:"))
        self.to_label.setText(self.tr("&To:"))
        self.show_button.setText(self.tr("&Show figures"))
        self.csv_button.setText(self.tr("Export &CSV…"))
        self.pdf_button.setText(self.tr("Export &PDF…"))
        for index, title in enumerate(
            (self.tr("Month by month"), self.tr("By type of case"), self.tr("By age"),
             self.tr("In words"))
        ):  # fmt: skip
            self.tabs.setTabText(index, title)
        self.chart.set_legend(self.tr("Boys traced"), self.tr("Girls traced"))
        if self.statistics is None:
            self.summary.setText(self.tr("Choose a period and press Show figures."))
        self._fill()


def open_dashboard(desk: Desk, parent: QWidget | None = None) -> Dashboard:
    """The dashboard as its own window, with this year's figures shown at once."""
    dashboard = Dashboard(desk, parent)
    dashboard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dashboard.show()
    dashboard.show_figures()
    return dashboard
