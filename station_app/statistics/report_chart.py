"""The bar chart of boys and girls traced per month, for the printed report.

ReportLab's chart draws its labels with drawString, which does not shape Devanagari.
So the chart itself carries only numerals (axis values, bar values), and the month
names under the bars and the legend are Paragraphs placed by this flowable.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics import renderPDF
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from station_app.pdf.styles import NAVY, RULE, derive
from station_app.statistics.figures import MonthFigures
from station_app.statistics.searchable_text import searchable

BOYS_COLOUR = NAVY
GIRLS_COLOUR = colors.HexColor("#c8553d")
PLOT_HEIGHT = 55 * mm
LABEL_BAND = 9 * mm
LEGEND_BAND = 8 * mm
LEFT_AXIS = 12 * mm


def _bar_label(value: float) -> str:
    return f"{value:.0f}" if value else ""


class TracedChart(Flowable):
    """Grouped bars (boys, girls) per month, month names below, legend on top."""

    def __init__(
        self,
        months: Sequence[MonthFigures],
        month_labels: Sequence[str],
        legend: tuple[str, str],
        style: ParagraphStyle,
        font_name: str,
    ) -> None:
        super().__init__()
        self.months = list(months)
        self.month_labels = list(month_labels)
        self.legend = legend
        self.label_style = derive(style, "chart_label", fontSize=7.5, alignment="centre")
        self.font_name = font_name
        self.width = 0.0
        self.height = LEGEND_BAND + PLOT_HEIGHT + LABEL_BAND

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return self.width, self.height

    def draw(self) -> None:
        chart = self._chart()
        drawing = Drawing(self.width, PLOT_HEIGHT)
        drawing.add(chart)
        renderPDF.draw(drawing, self.canv, 0, LABEL_BAND)
        self._draw_month_labels(chart)
        self._draw_legend()

    def _chart(self) -> VerticalBarChart:
        chart = VerticalBarChart()
        # The chart's stubs want whole points; a fraction of a point is not visible anyway.
        chart.x, chart.y = round(LEFT_AXIS), round(4 * mm)
        chart.width = round(self.width - LEFT_AXIS - 2 * mm)
        chart.height = round(PLOT_HEIGHT - 8 * mm)
        chart.data = [
            [m.traced.children.boys for m in self.months],
            [m.traced.children.girls for m in self.months],
        ]
        chart.bars[0].fillColor, chart.bars[1].fillColor = BOYS_COLOUR, GIRLS_COLOUR
        chart.bars.strokeColor = None
        chart.groupSpacing, chart.barSpacing = 6, 1
        chart.categoryAxis.categoryNames = ["" for _ in self.months]
        chart.categoryAxis.strokeColor = RULE
        axis = chart.valueAxis
        axis.valueMin = 0
        axis.valueMax = max(5, *(max(series) for series in chart.data))
        axis.visibleGrid, axis.gridStrokeColor, axis.strokeColor = True, colors.lightgrey, RULE
        axis.labels.fontName, axis.labels.fontSize = self.font_name, 7
        axis.labelTextFormat = "%d"
        if len(self.months) <= 12:
            chart.barLabelFormat = _bar_label
            chart.barLabels.fontName, chart.barLabels.fontSize = self.font_name, 6.5
            chart.barLabels.nudge = 6
        return chart

    def _draw_month_labels(self, chart: VerticalBarChart) -> None:
        step = chart.width / max(1, len(self.months))
        every = 1 + len(self.months) // 13  # thin the labels of long periods
        for index, label in enumerate(self.month_labels):
            if index % every:
                continue
            paragraph = searchable(label, self.label_style)
            paragraph.wrap(step * every, LABEL_BAND)
            x = chart.x + index * step - step * (every - 1) / 2
            paragraph.drawOn(self.canv, x, LABEL_BAND - paragraph.height + 1 * mm)

    def _draw_legend(self) -> None:
        top = self.height - LEGEND_BAND / 2
        x = LEFT_AXIS
        for colour, text in zip((BOYS_COLOUR, GIRLS_COLOUR), self.legend, strict=True):
            self.canv.setFillColor(colour)
            self.canv.rect(x, top - 1.5 * mm, 3 * mm, 3 * mm, stroke=0, fill=1)
            label: Paragraph = searchable(text, derive(self.label_style, alignment="left"))
            label.wrap(40 * mm, LEGEND_BAND)
            label.drawOn(self.canv, x + 4.5 * mm, top - label.height / 2)
            x += 30 * mm
