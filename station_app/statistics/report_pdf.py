"""The printable Operation Muskaan progress report, in Hindi or in English.

Built on the shared PDF foundation (station_app.pdf): one font family for both scripts
and every text a shaped Paragraph, so Hindi prints correctly in tables, chart and
sentences alike. The file is written atomically.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, KeepTogether, Spacer, Table

from station_app.domain import CaseType, StationInfo
from station_app.pdf.output import DocumentInfo, Margins, build_pdf, save_pdf
from station_app.pdf.styles import DocumentStyles, derive, document_styles
from station_app.statistics.figures import AgeBand, MonthFigures, MonthlyStatistics
from station_app.statistics.report_chart import TracedChart
from station_app.statistics.report_tables import (
    CellStyles,
    found_table,
    progress_table,
    split_table,
)
from station_app.statistics.report_wording import Wording, wording
from station_app.statistics.searchable_text import searchable
from station_app.statistics.sentences import (
    Language,
    month_label,
    month_name,
    month_sentence,
    period_sentence,
    span_text,
)

MARGINS = Margins(left=16 * mm, right=16 * mm, top=14 * mm, bottom=16 * mm)
WIDTH = A4[0] - MARGINS.left - MARGINS.right


def chart_label(figures: MonthFigures, language: Language, several_years: bool) -> str:
    name = month_name(figures.first_day.month, language)
    return f"{name} {figures.first_day.year % 100:02d}" if several_years else name


def report_pdf_bytes(
    statistics: MonthlyStatistics,
    language: Language,
    station: StationInfo | None,
    prepared_on: date,
) -> bytes:
    words = wording(language)
    styles = document_styles()
    period = span_text(statistics.period.first_day, statistics.period.last_day, language)
    info = DocumentInfo(
        title=f"{words.title}: {words.subtitle} ({period})",
        author=station.name if station else "Muskaan Station",
        subject=words.subtitle,
        keywords=("Operation Muskaan", "statistics"),
        lang="hi-IN" if language == "hi" else "en-IN",
    )
    footer = words.footer.replace("%s", prepared_on.strftime("%d-%m-%Y"))

    def decorate(canvas: Canvas, template: BaseDocTemplate) -> None:
        paragraph = searchable(footer % canvas.getPageNumber(), styles.tiny)
        paragraph.wrap(WIDTH, 20 * mm)
        paragraph.drawOn(canvas, MARGINS.left, 8 * mm)

    story = _story(statistics, language, station, words, styles)
    return build_pdf(story, info, margins=MARGINS, decorate=decorate)


def write_report_pdf(
    statistics: MonthlyStatistics,
    path: Path,
    language: Language,
    station: StationInfo | None,
    prepared_on: date | None = None,
) -> Path:
    data = report_pdf_bytes(statistics, language, station, prepared_on or date.today())
    return save_pdf(path, data)


def _story(
    statistics: MonthlyStatistics,
    language: Language,
    station: StationInfo | None,
    words: Wording,
    styles: DocumentStyles,
) -> list[Flowable]:
    cells = CellStyles.from_body(styles.body, styles.fonts.semibold)
    labels = [month_label(m, language, words.total_row) for m in statistics.rows]
    several_years = statistics.period.first_day.year != statistics.period.last_day.year
    story: list[Flowable] = [
        *_title(statistics, language, station, words, styles),
        searchable(period_sentence(statistics, language), styles.body_bold),
        Spacer(1, 4 * mm),
        _section(words.progress_heading, styles),
        progress_table(statistics, labels, words, cells, WIDTH),
        Spacer(1, 1.5 * mm),
        searchable(words.notes, styles.tiny),
        KeepTogether(
            [
                _section(words.chart_heading, styles),
                TracedChart(
                    statistics.months,
                    [chart_label(m, language, several_years) for m in statistics.months],
                    (words.boys, words.girls),
                    styles.body,
                    styles.fonts.regular,
                ),
            ]
        ),
        _section(words.sentences_heading, styles),
        *(
            searchable(month_sentence(m, language, several_years), styles.body)
            for m in statistics.months
        ),
        *_splits(statistics, words, styles, cells),
        KeepTogether(
            [
                _section(words.found_heading, styles),
                found_table(statistics, labels, words, cells, WIDTH),
            ]
        ),
        Spacer(1, 16 * mm),
        _signature(words, styles),
    ]
    return story


def _title(
    statistics: MonthlyStatistics,
    language: Language,
    station: StationInfo | None,
    words: Wording,
    styles: DocumentStyles,
) -> list[Flowable]:
    period = span_text(statistics.period.first_day, statistics.period.last_day, language)
    lines: list[Flowable] = [
        searchable(words.title, styles.title),
        searchable(words.subtitle, styles.subtitle),
        Spacer(1, 2 * mm),
    ]
    if station is not None:
        where = words.station % (station.name, station.code, station.district, station.state)
        lines.append(searchable(where, styles.header))
    lines += [searchable(words.period % period, styles.header), Spacer(1, 5 * mm)]
    return lines


def _section(title: str, styles: DocumentStyles) -> Flowable:
    style = derive(styles.heading, "section", spaceBefore=5 * mm, spaceAfter=2 * mm)
    return searchable(title, style)


def _splits(
    statistics: MonthlyStatistics, words: Wording, styles: DocumentStyles, cells: CellStyles
) -> list[Flowable]:
    total = statistics.total
    by_case = [
        (words.case_types[kind], total.registered.case_type(kind), total.traced.case_type(kind))
        for kind in CaseType
    ]
    by_age = [
        (words.age_bands[band], total.registered.age_band(band), total.traced.age_band(band))
        for band in AgeBand
    ]
    return [
        KeepTogether([
            _section(words.case_type_heading, styles),
            split_table(words.case_type, by_case, words, cells, WIDTH),
        ]),
        KeepTogether([
            _section(words.age_heading, styles),
            split_table(words.age_band, by_age, words, cells, WIDTH),
        ]),
    ]  # fmt: skip


def _signature(words: Wording, styles: DocumentStyles) -> Table:
    right = derive(styles.body, "signature", alignment="centre")
    block = [
        [searchable("", right), searchable(words.officer, right)],
        [
            searchable("", right),
            searchable(words.signature, derive(styles.tiny, alignment="centre")),
        ],
    ]
    return Table(
        block,
        colWidths=[WIDTH - 60 * mm, 60 * mm],
        style=[("LINEABOVE", (1, 0), (1, 0), 0.6, styles.body.textColor)],
    )
