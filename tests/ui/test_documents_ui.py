"""The print preview and the certificate check, driven as an officer would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from station_app.db.models import Handover
from station_app.documents import qr_payload
from station_app.pdf.raster import render_pages
from station_app.photo_store import check_image
from station_app.services import handover, registers
from station_app.ui.desk import Desk
from station_app.ui.main_window import MainWindow
from station_app.ui.print_preview import DocumentPrinting, PrintPreviewDialog
from station_app.ui.verify_dialog import VerifyDialog
from tests.conftest import jpeg_bytes
from tests.documents.conftest import a_request, complaint_details, found_details
from tests.ui.conftest import only_message_box


@pytest.fixture
def desk(main_window: MainWindow) -> Desk:
    return main_window.desk


@pytest.fixture
def certificate(desk: Desk) -> handover.PrintedDocument:
    app, user = desk.app, desk.user
    registers.register(app, user, complaint_details(), [check_image(jpeg_bytes(), "r.jpg")])
    registers.register(app, user, found_details())
    return handover.issue_handover(app, user, a_request())


def _qr_text(desk: Desk) -> str:
    number = "RTM01/2026/H/0001"
    with desk.app.db.session() as session:
        row = session.scalars(select(Handover).where(Handover.certificate_number == number)).one()
        assert row.signature is not None
        return qr_payload.qr_text_for(row.signed_payload, row.signature)


def _scan(qtbot: QtBot, dialog: VerifyDialog, text: str) -> None:
    """What a handheld scanner does: the code arrives in the box, then Enter."""
    dialog.code.setText(text)
    qtbot.keyClick(dialog.code, Qt.Key.Key_Return)


def test_a_scanned_genuine_code_shows_genuine_and_what_the_certificate_says(
    desk: Desk, certificate: handover.PrintedDocument, qtbot: QtBot
) -> None:
    dialog = VerifyDialog(desk)
    qtbot.addWidget(dialog)
    _scan(qtbot, dialog, _qr_text(desk))
    assert dialog.verdict_label.text().startswith("GENUINE")
    assert "nothing was changed since" in dialog.reason.text()
    assert "matches this station's register" in dialog.reason.text()
    assert dialog.fact_values["number"].text() == "RTM01/2026/H/0001"
    assert dialog.fact_values["child"].text() == "राजेश कुमार — RTM01/2026/M/0001"
    assert dialog.fact_values["receiver"].text().startswith("सुरेश कुमार (पिता)")


def test_a_changed_code_shows_not_genuine_and_why(
    desk: Desk, certificate: handover.PrintedDocument, qtbot: QtBot
) -> None:
    forged = json.loads(_qr_text(desk))
    forged["rc"] = "मोहन सिंह"
    dialog = VerifyDialog(desk)
    qtbot.addWidget(dialog)
    _scan(qtbot, dialog, json.dumps(forged, ensure_ascii=False))
    assert dialog.verdict_label.text() == "NOT GENUINE"
    assert "a detail was changed" in dialog.reason.text()
    assert dialog.fact_values["receiver"].text().startswith("मोहन सिंह")


def test_the_certificate_pdf_can_be_opened_and_checked(
    desk: Desk, certificate: handover.PrintedDocument, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "certificate.pdf"
    path.write_bytes(certificate.pdf)
    dialog = VerifyDialog(desk)
    qtbot.addWidget(dialog)
    dialog.check_file(path)
    assert dialog.verdict is not None and dialog.verdict.genuine


def test_the_preview_shows_both_copies_saves_the_pdf_and_prints(
    desk: Desk, certificate: handover.PrintedDocument, qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = PrintPreviewDialog(desk.tasks, certificate)
    qtbot.addWidget(dialog)
    dialog.show()
    assert len(dialog.pages) == 2 and dialog.print_button.isEnabled()
    assert dialog.preview.pageCount() == 2

    target = tmp_path / "saved.pdf"
    with qtbot.waitSignal(dialog.saved):
        dialog.save_as(target)
    assert target.read_bytes() == certificate.pdf
    assert str(target) in dialog.status.text()

    # A printer that writes a PDF stands in for the real one: same painting path.
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    printer.setResolution(150)
    with qtbot.waitSignal(dialog.printed):
        dialog.print_to(printer)
    assert len(render_pages(printed.read_bytes(), dpi=20)) == 2
    assert dialog.status.text() == "Sent to the printer."


def test_printing_a_poster_from_a_record_opens_its_preview(
    desk: Desk, main_window: MainWindow, qtbot: QtBot
) -> None:
    record = registers.register(
        desk.app, desk.user, complaint_details(), [check_image(jpeg_bytes(), "r.jpg")]
    )
    printing = DocumentPrinting(desk, main_window)
    printing.print_notice(record.meta.id)
    assert printing.preview is not None
    assert printing.preview.document.file_name == "missing-poster-RTM01-2026-M-0001.pdf"
    assert len(printing.preview.pages) == 1


def test_a_poster_for_a_child_without_photo_says_why(
    desk: Desk, main_window: MainWindow, qtbot: QtBot
) -> None:
    record = registers.register(desk.app, desk.user, complaint_details())
    printing = DocumentPrinting(desk, main_window)
    printing.print_notice(record.meta.id)
    assert printing.preview is None
    assert "needs the child's photo" in only_message_box().text()
