from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import insert

from station_app.app import App
from station_app.db.models import MissingReport
from station_app.domain import FoundDetails, Kind, MissingDetails, MissingStatus, Sex, UserInfo
from station_app.services import registers
from station_app.ui.main_window import MainWindow
from station_app.ui.register_model import MAX_PAGES, PAGE_SIZE, column_index
from station_app.ui.register_view import RegisterView
from station_app.ui.startup import Startup
from tests.ui.conftest import log_in, type_text

pytestmark = pytest.mark.gui


def names(view: RegisterView) -> list[str]:
    model = view.model
    column = column_index("name")
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def search(view: RegisterView, qtbot: QtBot, text: str) -> None:
    view.filters.search.clear()
    type_text(qtbot, view.filters.search, text)
    qtbot.keyClick(view.filters.search, Qt.Key.Key_Return)


@pytest.fixture
def children(app: App, admin: UserInfo) -> None:
    for ref, name, sex, age, status, when in [
        ("FIR 1", "राजेश कुमार", Sex.MALE, 9, MissingStatus.OPEN, datetime(2026, 1, 5)),
        ("FIR 2", "Pooja", Sex.FEMALE, 14, MissingStatus.OPEN, datetime(2026, 2, 5)),
        ("FIR 3", "Mohd Salim", Sex.MALE, 16, MissingStatus.CLOSED, datetime(2026, 3, 5)),
    ]:
        registers.register(
            app,
            admin,
            MissingDetails(
                ref=ref,
                name=name,
                sex=sex,
                age_years=age,
                status=status,
                last_seen_at=when,
                last_seen_place="Ratlam Junction",
                registered_at=when,
            ),
        )
    registers.register(app, admin, FoundDetails(ref="GD 7", name="", age_min=8, age_max=11))


def test_each_register_lists_its_children_newest_first(
    children: None, main_window: MainWindow
) -> None:
    missing = main_window.registers[Kind.MISSING]
    found = main_window.registers[Kind.FOUND]

    assert names(missing) == ["Mohd Salim", "Pooja", "राजेश कुमार"]
    assert missing.summary.text() == "3 record(s)"
    model = found.model
    assert model.rowCount() == 1
    assert model.data(model.index(0, column_index("age"))) == "8–11"
    assert model.data(model.index(0, column_index("status"))) == "Not yet claimed"
    assert model.headerData(column_index("place"), Qt.Orientation.Horizontal) == "Found at (place)"


def test_typing_a_hindi_name_in_latin_letters_finds_it(
    children: None, main_window: MainWindow, qtbot: QtBot
) -> None:
    view = main_window.registers[Kind.MISSING]
    search(view, qtbot, "Rajesh")
    assert names(view) == ["राजेश कुमार"]

    search(view, qtbot, "पूजा")
    assert names(view) == ["Pooja"]

    search(view, qtbot, "FIR 3")
    assert names(view) == ["Mohd Salim"]

    search(view, qtbot, "Anita")
    assert names(view) == []
    assert view.summary.text() == "No child matches this search."


def test_search_waits_for_a_pause_in_typing(
    children: None, main_window: MainWindow, qtbot: QtBot
) -> None:
    view = main_window.registers[Kind.MISSING]
    qtbot.keyClicks(view.filters.search, "Pooja")
    assert len(names(view)) == 3
    qtbot.waitUntil(lambda: names(view) == ["Pooja"])


def test_filters_for_status_sex_and_age(children: None, main_window: MainWindow) -> None:
    view = main_window.registers[Kind.MISSING]
    view.filters.status.set_value(MissingStatus.OPEN)
    assert names(view) == ["Pooja", "राजेश कुमार"]
    view.filters.sex.set_value(Sex.MALE)
    assert names(view) == ["राजेश कुमार"]
    view.filters.clear()
    view.filters.age_from.setValue(12)
    assert names(view) == ["Mohd Salim", "Pooja"]
    view.filters.age_to.setValue(15)
    assert names(view) == ["Pooja"]


def test_date_range_filter(children: None, main_window: MainWindow) -> None:
    view = main_window.registers[Kind.MISSING]
    view.filters.date_from.set_value(datetime(2026, 2, 1).date())
    view.filters.date_to.set_value(datetime(2026, 2, 28).date())
    assert names(view) == ["Pooja"]


def test_clicking_a_header_sorts_by_that_column(
    children: None, main_window: MainWindow, qtbot: QtBot
) -> None:
    view = main_window.registers[Kind.MISSING]
    header = view.table.horizontalHeader()
    header.setSortIndicator(column_index("age"), Qt.SortOrder.AscendingOrder)
    assert names(view) == ["राजेश कुमार", "Pooja", "Mohd Salim"]
    assert view.model.query.sort == "age"
    header.setSortIndicator(column_index("age"), Qt.SortOrder.DescendingOrder)
    assert names(view) == ["Mohd Salim", "Pooja", "राजेश कुमार"]


def test_double_click_opens_the_record(
    children: None, main_window: MainWindow, qtbot: QtBot
) -> None:
    view = main_window.registers[Kind.MISSING]
    index = view.model.index(1, column_index("name"))
    centre = view.table.visualRect(index).center()
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)

    [record_view] = main_window.record_views
    assert record_view.isVisible()
    assert record_view.record is not None and record_view.record.details.name == "Pooja"


def bulk_missing(app: App, admin: UserInfo, count: int) -> None:
    rows = [
        {
            "id": f"00000000-0000-0000-0000-{index:012d}",
            "station_code": admin.station_code,
            "case_number": f"RTM01/2025/M/{index:05d}",
            "ref": f"R{index:05d}",
            "name": f"Child {index:05d}",
            "name_key": "",
            "aliases": [],
            "languages": [],
            "registered_at": datetime(2025, 1, 1).replace(minute=index % 60, second=index % 59),
            "created_by": "admin",
            "updated_by": "admin",
        }
        for index in range(count)
    ]
    with app.db.session() as session:
        session.execute(insert(MissingReport), rows)


def test_a_long_register_is_fetched_a_page_at_a_time(
    app: App, admin: UserInfo, started: Startup, qtbot: QtBot
) -> None:
    total = PAGE_SIZE * (MAX_PAGES + 5) + 17
    bulk_missing(app, admin, total)
    window = log_in(started, qtbot)
    view = window.registers[Kind.MISSING]
    model = view.model
    model.set_query(view.model.query.__class__(Kind.MISSING, sort="ref", descending=False))

    assert model.rowCount() == total
    assert model.cached_pages() == 1
    last = total - 1
    assert model.row_at(last) is None
    assert model.data(model.index(last, column_index("name"))) == "…"
    qtbot.waitUntil(lambda: model.row_at(last) is not None)
    assert model.data(model.index(last, column_index("name"))) == f"Child {last:05d}"

    for page in range(MAX_PAGES + 5):
        model.row_at(page * PAGE_SIZE)
        qtbot.waitUntil(lambda page=page: model.row_at(page * PAGE_SIZE) is not None)
    assert model.cached_pages() <= MAX_PAGES

    view.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.row_at(last) is not None)
    assert model.data(model.index(0, column_index("ref"))) == "R00000"
    assert not model.index(0, 0).parent().isValid()
    assert model.rowCount(model.index(0, 0)) == 0
    assert isinstance(QModelIndex(), QModelIndex)
