"""The HQ screen as an HQ officer uses it: import batches, see stations, gaps and matches."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from station_app.app import open_app
from station_app.services import hq as hq_service
from station_app.ui.desk import Desk as GuiDesk
from station_app.ui.hq_window import HqWindow
from station_app.ui.i18n import Translations
from station_app.ui.settings import GuiSettings
from station_app.ui.tasks import TaskManager
from tests.sync.conftest import (
    PASSWORD,
    Desk,
    Hq,
    complaint,
    connect,
    export,
    found_child,
    register,
)

pytestmark = pytest.mark.gui


@pytest.fixture
def sqlite_hq(tmp_path: Path) -> Iterator[Hq]:
    app = open_app(str(tmp_path / "hq"))
    _, admin, key = hq_service.init_hq(app, "DHQ-RTM", "HQ", "Ratlam", "MP", "admin", PASSWORD)
    yield Hq(app, admin, key)
    app.close()


def message_text() -> tuple[str, str]:
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    visible = [b for b in boxes if b.isVisible()]
    assert len(visible) == 1
    return visible[0].text(), visible[0].detailedText()


def test_importing_batches_and_reviewing_a_cross_station_match(
    qtbot: QtBot, ratlam: Desk, ujjain: Desk, sqlite_hq: Hq, tmp_path: Path
) -> None:
    hq = sqlite_hq
    for desk in (ratlam, ujjain):
        connect(desk, hq, tmp_path / "keys")
    register(ratlam, complaint())
    found_id = register(ujjain, found_child())
    good = [export(ratlam, tmp_path / "usb").path, export(ujjain, tmp_path / "usb").path]
    bad = tmp_path / "broken.muskaan-batch"
    bad.write_bytes(good[0].read_bytes()[:-50])
    tasks = TaskManager(lambda error: None, run_synchronously=True)
    desk = GuiDesk(hq.app, hq.admin, tasks, Translations(), GuiSettings(tmp_path / "gui"))
    window = HqWindow(desk)
    qtbot.addWidget(window)
    window.show()

    window.import_files([*good, bad])

    text, details = message_text()
    assert "2 of 3 batch(es) imported; 1 refused" in text
    assert "broken.muskaan-batch was refused" in details and "truncated" in details
    assert window.stations.rowCount() == 2
    assert [window.stations.item(r, 0).text() for r in range(2)] == ["RTM01", "UJN01"]
    assert window.matches.rowCount() == 1
    assert "UJN01/2026/F/0001" in window.matches.item(0, 2).text()
    window.matches.selectRow(0)
    with qtbot.waitSignal(window.review_requested) as signal:
        window.review_button.click()
    assert signal.args[0] == found_id
    assert "1 match(es)" in window.status.text()
