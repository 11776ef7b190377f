"""The parents' gallery shows found children's photos only, and only an officer ends it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from station_app.app import App
from station_app.domain import FoundDetails, Sex, UserInfo
from station_app.photo_store import check_image
from station_app.services import registers
from station_app.ui.gallery import Gallery, open_gallery
from station_app.ui.main_window import MainWindow
from tests.conftest import ADMIN_PASSWORD, jpeg_bytes

pytestmark = pytest.mark.gui


@pytest.fixture
def found_children(app: App, admin: UserInfo) -> None:
    for ref, name, sex, age in (("GD 1", "गोलू", Sex.MALE, 6), ("GD 2", "Munni", Sex.FEMALE, 4),
                                ("GD 3", "Chhotu", Sex.MALE, 13)):  # fmt: skip
        registers.register(
            app, admin,
            FoundDetails(ref=ref, name=name, sex=sex, age_min=age - 1, age_max=age + 1,
                         found_place="Platform 4", custody="Shelter home"),
            [check_image(jpeg_bytes(colour=(age * 10, 80, 90)), f"{ref}.jpg")],
        )  # fmt: skip


def test_photos_without_names_filtered_and_locked_until_an_officer_ends_it(
    found_children: None, main_window: MainWindow, qtbot: QtBot
) -> None:
    window = open_gallery(main_window.desk)
    qtbot.waitUntil(lambda: window.grid.count() == 3)
    shown = " ".join(label.text() for label in window.findChildren(QLabel))
    assert not any(word in shown for word in ("गोलू", "Munni", "Platform", "Shelter", "GD"))

    window.sex.setCurrentIndex(window.sex.findData(Sex.MALE))
    qtbot.waitUntil(lambda: window.grid.count() == 2)
    window.age.setCurrentIndex(window.age.findData("12-14"))
    qtbot.waitUntil(lambda: window.grid.count() == 1)

    qtbot.keyClick(window, Qt.Key.Key_Escape)
    window.close()
    assert window.isVisible()
    assert not window.try_unlock("admin", "wrong")
    assert window.isVisible()
    assert window.try_unlock("admin", ADMIN_PASSWORD)
    assert not window.isVisible()


def test_the_gallery_is_reached_from_the_tools_menu(main_window: MainWindow, qtbot: QtBot) -> None:
    main_window.gallery_action.trigger()
    galleries = [w for w in QApplication.topLevelWidgets() if isinstance(w, Gallery)]
    assert galleries and galleries[0].isVisible()
    assert galleries[0].try_unlock("admin", ADMIN_PASSWORD)
