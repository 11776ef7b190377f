"""The dashboard's bar chart: boys and girls traced per month, drawn with QPainter.

PySide6-Essentials has no QtCharts, and a grouped bar chart needs little: a value axis
with a few round steps, two bars per month with their counts, the month names below
(Qt shapes Devanagari itself) and a legend.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

BOYS_COLOUR = QColor("#1d3557")
GIRLS_COLOUR = QColor("#c8553d")
GRID_COLOUR = QColor("#d5dae1")
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, LABEL_HEIGHT = 40.0, 12.0, 34.0, 26.0


def axis_step(largest: int) -> int:
    """A round step (1, 2, 5, 10, 20, 50...) giving at most five grid lines."""
    step = 1
    while largest / step > 5:
        for factor in (2, 2.5, 2):
            step = int(step * factor)
            if largest / step <= 5:
                break
    return step


class TracedChart(QWidget):
    """Grouped bars of (boys, girls) traced per month; the caller sets labels and values."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tracedChart")
        self.setMinimumHeight(220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.month_labels: list[str] = []
        self.boys: list[int] = []
        self.girls: list[int] = []
        self.legend = ("", "")

    def set_data(
        self, month_labels: Sequence[str], boys: Sequence[int], girls: Sequence[int]
    ) -> None:
        self.month_labels, self.boys, self.girls = list(month_labels), list(boys), list(girls)
        self.update()

    def set_legend(self, boys: str, girls: str) -> None:
        self.legend = (boys, girls)
        self.setAccessibleName(f"{boys} / {girls}")
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(640, 260)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.PaletteChange:
            self.update()
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        plot = QRectF(
            MARGIN_LEFT,
            MARGIN_TOP,
            max(1.0, self.width() - MARGIN_LEFT - MARGIN_RIGHT),
            max(1.0, self.height() - MARGIN_TOP - LABEL_HEIGHT),
        )
        top = max([5, *self.boys, *self.girls])
        step = axis_step(top)
        top = step * -(-top // step)
        self._draw_grid(painter, plot, top, step)
        self._draw_bars(painter, plot, top)
        self._draw_legend(painter)
        painter.end()

    def _text_colour(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.WindowText)

    def _draw_grid(self, painter: QPainter, plot: QRectF, top: int, step: int) -> None:
        for value in range(0, top + 1, step):
            y = plot.bottom() - plot.height() * value / top
            painter.setPen(GRID_COLOUR)
            painter.drawLine(int(plot.left()), int(y), int(plot.right()), int(y))
            painter.setPen(self._text_colour())
            box = QRectF(0, y - 8, MARGIN_LEFT - 6, 16)
            painter.drawText(
                box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(value)
            )

    def _draw_bars(self, painter: QPainter, plot: QRectF, top: int) -> None:
        months = len(self.month_labels)
        if not months:
            return
        group = plot.width() / months
        bar = min(28.0, group * 0.36)
        every = 1 + months // 13  # thin the month names of a long period
        for index, label in enumerate(self.month_labels):
            centre = plot.left() + group * (index + 0.5)
            for offset, value, colour in ((-bar, self.boys[index], BOYS_COLOUR),
                                          (0.0, self.girls[index], GIRLS_COLOUR)):  # fmt: skip
                height = plot.height() * value / top
                rect = QRectF(centre + offset, plot.bottom() - height, bar, height)
                painter.fillRect(rect, colour)
                if value and months <= 12:
                    painter.setPen(self._text_colour())
                    above = QRectF(rect.left() - 8, rect.top() - 16, bar + 16, 15)
                    painter.drawText(above, Qt.AlignmentFlag.AlignCenter, str(value))
            if index % every == 0:
                painter.setPen(self._text_colour())
                below = QRectF(centre - group * every / 2, plot.bottom() + 4, group * every, 20)
                painter.drawText(below, Qt.AlignmentFlag.AlignCenter, label)

    def _draw_legend(self, painter: QPainter) -> None:
        x = MARGIN_LEFT
        for colour, text in zip((BOYS_COLOUR, GIRLS_COLOUR), self.legend, strict=True):
            painter.fillRect(QRectF(x, 10, 12, 12), colour)
            painter.setPen(self._text_colour())
            width = painter.fontMetrics().horizontalAdvance(text) + 10
            painter.drawText(QRectF(x + 18, 4, width, 24), Qt.AlignmentFlag.AlignVCenter, text)
            x += 18 + width + 16
