"""Handing a child over from the record view: the certificate is issued and shown to print."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from station_app.app import App
from station_app.db.models import Handover, MissingReport
from station_app.domain import Guardian, MissingDetails, MissingRecord, Sex, UserInfo
from station_app.photo_store import check_image
from station_app.services import registers
from station_app.ui.handover_dialog import HandoverDialog
from station_app.ui.main_window import MainWindow
from station_app.ui.print_preview import PrintPreviewDialog
from tests.conftest import jpeg_bytes
from tests.ui.conftest import type_text

pytestmark = pytest.mark.gui


@pytest.fixture
def complaint(app: App, admin: UserInfo) -> MissingRecord:
    record = registers.register(
        app,
        admin,
        MissingDetails(
            ref="FIR 7/2026",
            name="पूजा",
            sex=Sex.FEMALE,
            age_years=8,
            last_seen_at=datetime(2026, 3, 1, 10, 0),
            guardian=Guardian("Ramesh", "father"),
        ),
        [check_image(jpeg_bytes(), "pooja.jpg")],
    )
    assert isinstance(record, MissingRecord)
    return record


def _visible(kind: type) -> list[object]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def test_an_officer_hands_a_child_over_and_gets_the_certificate_to_print(
    app: App, complaint: MissingRecord, main_window: MainWindow, qtbot: QtBot
) -> None:
    view = main_window.open_record(complaint.meta.id)
    qtbot.waitUntil(lambda: view.handover_button.isVisible())
    assert view.handover_button.text() == "&Hand over to the family…"
    qtbot.mouseClick(view.handover_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(_visible(HandoverDialog)))
    [dialog] = _visible(HandoverDialog)
    assert isinstance(dialog, HandoverDialog)

    type_text(qtbot, dialog.receiver_name, "Ramesh Kumar")
    type_text(qtbot, dialog.receiver_relation, "father")
    dialog.id_type.setCurrentIndex(dialog.id_type.findData("voter_id"))
    type_text(qtbot, dialog.id_number, "MP/12/345/678901")
    type_text(qtbot, dialog.witnesses[0], "Sunil Verma")
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)  # fmt: skip

    qtbot.waitUntil(lambda: bool(_visible(PrintPreviewDialog)))
    with app.db.session() as session:
        issued = session.scalar(select(Handover))
        row = session.get(MissingReport, complaint.meta.id)
    assert issued is not None and issued.certificate_number == "RTM01/2026/H/0001"
    assert row is not None and row.status == "traced"
    qtbot.waitUntil(lambda: view.handover_button.text() == "Print a &copy of the certificate…")
    for window in _visible(PrintPreviewDialog):
        assert isinstance(window, PrintPreviewDialog)
        window.close()


def test_a_receiver_without_an_identity_document_is_told_so(
    app: App, complaint: MissingRecord, main_window: MainWindow, qtbot: QtBot
) -> None:
    dialog = HandoverDialog(main_window.desk, complaint.meta.case_number, "", main_window)
    qtbot.addWidget(dialog)
    type_text(qtbot, dialog.receiver_name, "Ramesh Kumar")
    type_text(qtbot, dialog.receiver_relation, "father")
    dialog.issue()
    qtbot.waitUntil(lambda: "identity document" in dialog.problems.text())
    with app.db.session() as session:
        assert session.scalar(select(Handover)) is None
