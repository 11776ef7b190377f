"""The statistics dashboard, driven as an officer would: pick a period, read, export."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from station_app.app import App
from station_app.domain import UserInfo
from station_app.ui.dashboard import Dashboard
from station_app.ui.main_window import MainWindow
from tests.statistics.conftest import Register, fill_press_note_register

pytestmark = pytest.mark.gui

Q3 = (date(2026, 7, 1), date(2026, 9, 30))


@pytest.fixture
def press_note_register(app: App, admin: UserInfo) -> Register:
    return fill_press_note_register(Register(app))


@pytest.fixture
def dashboard(main_window: MainWindow, qtbot: QtBot) -> Iterator[Dashboard]:
    window = Dashboard(main_window.desk)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()


def rows(table: QTableWidget, columns: int) -> list[list[str]]:
    return [
        [table.item(row, column).text() for column in range(columns)]
        for row in range(table.rowCount())
    ]


def show(dashboard: Dashboard, qtbot: QtBot, first: date, last: date) -> None:
    dashboard.set_period(first, last)
    qtbot.mouseClick(dashboard.show_button, Qt.MouseButton.LeftButton)


def test_choosing_a_period_shows_its_figures_month_by_month(
    press_note_register: Register, dashboard: Dashboard, qtbot: QtBot
) -> None:
    show(dashboard, qtbot, *Q3)
    assert rows(dashboard.month_table, 8) == [
        ["July 2026", "3", "21", "24", "3", "26", "29", "36"],
        ["August 2026", "2", "20", "22", "2", "25", "27", "31"],
        ["September 2026", "7", "39", "46", "6", "64", "70", "7"],
        ["Total", "12", "80", "92", "11", "115", "126", "7"],
    ]
    header = dashboard.month_table.horizontalHeaderItem(4).text()
    assert header == "Traced\nboys"
    assert dashboard.chart.boys == [3, 2, 6] and dashboard.chart.girls == [26, 25, 64]
    assert dashboard.chart.month_labels == ["July", "August", "September"]
    assert "In September, 70 children were traced: 6 boys and 64 girls." in (
        dashboard.sentences.text()
    )
    assert dashboard.summary.text().startswith(
        "From 1 July to 30 September 2026, 126 children were traced: 11 boys and 115 girls."
    )
    assert rows(dashboard.case_table, 4)[1] == ["Kidnapping", "0", "9", "9"]
    assert dashboard.csv_button.isEnabled() and dashboard.pdf_button.isEnabled()


def test_the_chart_is_drawn(
    press_note_register: Register, dashboard: Dashboard, qtbot: QtBot
) -> None:
    show(dashboard, qtbot, *Q3)
    image = dashboard.chart.grab().toImage()
    girls_bar = image.pixelColor(image.width() // 2, image.height() - 40)
    assert image.width() > 200 and girls_bar.isValid()


def test_the_table_is_exported_as_csv(
    press_note_register: Register, dashboard: Dashboard, qtbot: QtBot, tmp_path: Path
) -> None:
    show(dashboard, qtbot, *Q3)
    path = tmp_path / "q3.csv"
    dashboard.export_csv(path)
    assert path.read_text(encoding="utf-8").splitlines() == [
        "month,registered_boys,registered_girls,registered_total,"
        "traced_boys,traced_girls,traced_total",
        "2026-07,3,21,24,3,26,29",
        "2026-08,2,20,22,2,25,27",
        "2026-09,7,39,46,6,64,70",
        "total,12,80,92,11,115,126",
    ]
    assert str(path) in dashboard.status.text()


def test_the_report_is_exported_as_pdf(
    press_note_register: Register, dashboard: Dashboard, qtbot: QtBot, tmp_path: Path
) -> None:
    show(dashboard, qtbot, *Q3)
    path = tmp_path / "q3.pdf"
    dashboard.export_pdf(path)
    assert path.read_bytes().startswith(b"%PDF-")


def test_a_period_that_ends_before_it_starts_is_refused_beside_the_dates(
    press_note_register: Register, dashboard: Dashboard, qtbot: QtBot
) -> None:
    show(dashboard, qtbot, date(2026, 10, 1), date(2026, 9, 30))
    assert dashboard.error.isVisible()
    assert dashboard.error.text() == "The first day is after the last day."
    assert dashboard.month_table.rowCount() == 0
    assert not dashboard.csv_button.isEnabled()


def test_in_hindi_months_and_sentences_are_in_hindi(
    press_note_register: Register, dashboard: Dashboard, main_window: MainWindow, qtbot: QtBot
) -> None:
    show(dashboard, qtbot, *Q3)
    main_window.language_actions.actions()[1].trigger()
    assert dashboard.month_table.item(2, 0).text() == "सितंबर 2026"
    assert "सितंबर माह में 6 बालक, 64 बालिका सहित कुल 70 बच्चों को तलाश किया।" in (
        dashboard.sentences.text()
    )
    main_window.language_actions.actions()[0].trigger()
    assert dashboard.month_table.item(2, 0).text() == "September 2026"
