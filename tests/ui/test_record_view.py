from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from station_app.app import App
from station_app.domain import FoundDetails, FoundRecord, Kind, UserInfo
from station_app.photo_store import check_image
from station_app.services import registers
from station_app.ui.main_window import MainWindow
from station_app.ui.photo_viewer import PhotoViewer
from station_app.ui.record_view import RecordView
from station_app.ui.register_model import column_index
from tests.conftest import jpeg_bytes

pytestmark = pytest.mark.gui


@pytest.fixture
def found(app: App, admin: UserInfo) -> FoundRecord:
    photos = [
        check_image(jpeg_bytes((300, 400), (200, 100, 50)), "front.jpg"),
        check_image(jpeg_bytes((400, 300), (50, 100, 200)), "side.jpg"),
    ]
    record = registers.register(
        app,
        admin,
        FoundDetails(ref="GD 5", name="गोलू", age_min=6, age_max=8, found_place="Platform 4"),
        photos,
    )
    assert isinstance(record, FoundRecord)
    return record


def captions(view: RecordView) -> list[str]:
    return [view.gallery.item(i).text() for i in range(view.gallery.count())]


def history_actions(view: RecordView) -> list[str]:
    table = view.history_table
    return [table.item(row, 2).text() for row in range(table.rowCount())]


def select_photo(view: RecordView, name: str) -> None:
    photos = view.gallery.photos()
    view.gallery.setCurrentRow(next(i for i, p in enumerate(photos) if p.original_name == name))


def test_the_record_shows_every_detail_and_its_photos(
    found: FoundRecord, main_window: MainWindow
) -> None:
    view = main_window.open_record(found.meta.id)

    assert view.heading.text().count("GD 5") == 1
    assert view.tabs.tabText(1) == "Photos (2)"
    assert captions(view) == ["★ Main photo", "400 × 300"]
    values = {name: label.text() for name, label in view._value_labels.items()}
    assert values["name"] == "गोलू"
    assert values["age_min"] == "6" and values["age_max"] == "8"
    assert values["found_place"] == "Platform 4"
    assert values["case_number"] == found.meta.case_number
    assert history_actions(view) == ["Registered", "Photo added", "Photo added"]


def test_choosing_the_main_photo_changes_the_register_thumbnail(
    found: FoundRecord, main_window: MainWindow, qtbot: QtBot
) -> None:
    view = main_window.open_record(found.meta.id)
    select_photo(view, "side.jpg")
    qtbot.mouseClick(view.photo_buttons["main"], Qt.MouseButton.LeftButton)

    assert view.gallery.photos()[0].original_name == "side.jpg"
    assert captions(view)[0] == "★ Main photo"
    assert history_actions(view) == [
        "Registered",
        "Photo added",
        "Photo added",
        "Main photo chosen",
    ]
    register = main_window.registers[Kind.FOUND]
    row = register.model.row_at(0)
    assert row is not None and row.thumbnail_path == view.gallery.photos()[0].thumbnail_path


def test_turning_a_photo_keeps_the_original_and_turns_the_copy(
    found: FoundRecord, main_window: MainWindow, qtbot: QtBot
) -> None:
    view = main_window.open_record(found.meta.id)
    select_photo(view, "front.jpg")
    before = view.gallery.current_photo()
    assert before is not None
    original = Path(before.original_path).read_bytes()
    qtbot.mouseClick(view.photo_buttons["right"], Qt.MouseButton.LeftButton)

    after = next(p for p in view.gallery.photos() if p.original_name == "front.jpg")
    with Image.open(after.normalized_path) as turned:
        assert turned.size == (400, 300)
    assert Path(after.original_path).read_bytes() == original
    assert history_actions(view)[-1] == "Photo turned"


def test_removing_a_photo_makes_the_next_one_main(
    found: FoundRecord, main_window: MainWindow, qtbot: QtBot
) -> None:
    view = main_window.open_record(found.meta.id)
    select_photo(view, "front.jpg")
    qtbot.mouseClick(view.photo_buttons["remove"], Qt.MouseButton.LeftButton)

    assert [p.original_name for p in view.gallery.photos()] == ["side.jpg"]
    assert captions(view) == ["★ Main photo"]
    assert view.tabs.tabText(1) == "Photos (1)"
    assert history_actions(view)[-1] == "Photo removed"


def test_adding_photos_to_a_stored_record(
    found: FoundRecord, main_window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "later.png"
    Image.new("RGB", (80, 60), (1, 2, 3)).save(path)
    view = main_window.open_record(found.meta.id)
    view.add_files([path])

    assert "later.png" in [p.original_name for p in view.gallery.photos()]
    assert history_actions(view)[-1] == "Photo added"


def test_the_viewer_zooms_and_steps_through_the_photos(
    found: FoundRecord, main_window: MainWindow, qtbot: QtBot
) -> None:
    view = main_window.open_record(found.meta.id)
    view.gallery.setCurrentRow(0)
    view.view_photo()
    viewer = view.viewer
    assert isinstance(viewer, PhotoViewer) and viewer.isVisible()
    assert viewer.view.has_image()
    viewer.buttons["actual"].click()
    assert viewer.zoom_label.text() == "100%"
    viewer.buttons["zoom_in"].click()
    assert viewer.zoom_label.text() == "125%"
    assert not viewer.buttons["previous"].isEnabled()
    viewer.buttons["next"].click()
    current = viewer.current()
    assert current is not None and current.original_name == "side.jpg"
    viewer.buttons["turn_left"].click()
    turned = next(p for p in view.gallery.photos() if p.original_name == "side.jpg")
    with Image.open(turned.normalized_path) as image:
        assert image.size == (300, 400)


def test_a_viewer_cannot_edit(found: FoundRecord, app: App, started: object, qtbot: QtBot) -> None:
    from station_app import accounts
    from station_app.domain import Role
    from station_app.ui.startup import Startup
    from tests.ui.conftest import log_in

    with app.db.session() as session:
        accounts.create_user(session, "RTM01", "clerk", "clerk-pass", Role.VIEWER, "Clerk")
    assert isinstance(started, Startup)
    window = log_in(started, qtbot, "clerk", "clerk-pass")
    assert not window.new_missing.isEnabled()
    view = window.open_record(found.meta.id)
    assert not view.edit_button.isVisibleTo(view)
    assert not view.photo_buttons["remove"].isVisibleTo(view)
    register = window.registers[Kind.FOUND]
    assert register.model.data(register.model.index(0, column_index("ref"))) == "GD 5"
