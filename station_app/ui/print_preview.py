"""Printing the app's documents: a preview, then straight to a printer or saved as PDF.

The document is the PDF the service made (certificate, poster, notice); Qt has no PDF
reader here, so its pages are rendered to images (PDFium, off the GUI thread) and
painted onto the preview and the printer. "Save as PDF" writes the service's own PDF,
atomically, not a re-rendering.

`DocumentPrinting` is what a window calls: it runs the service (on the database
worker, with progress) and opens the preview with the result.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QEvent, QObject, QRect, Qt, Signal
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station_app.pdf.output import save_pdf
from station_app.pdf.raster import render_pages
from station_app.services import handover
from station_app.services.handover import PrintedDocument
from station_app.ui.desk import Desk
from station_app.ui.error_dialogs import show_error
from station_app.ui.tasks import CancelToken, TaskManager

PREVIEW_DPI = 110
MAX_PRINT_DPI = 300


def to_qimage(image: Image.Image) -> QImage:
    rgb = image.convert("RGB")
    data = rgb.tobytes("raw", "RGB")
    made = QImage(data, rgb.width, rgb.height, 3 * rgb.width, QImage.Format.Format_RGB888)
    return made.copy()  # own the pixels: `data` is freed when this function returns


def render_qimages(pdf: bytes, dpi: float) -> list[QImage]:
    """The document's pages as images (CPU work: run it off the GUI thread)."""
    return [to_qimage(page) for page in render_pages(pdf, dpi=dpi)]


def paint_pages(printer: QPrinter, pages: list[QImage]) -> None:
    """Each image on its own sheet, as large as the paper allows, aspect kept."""
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be started")
    try:
        for index, page in enumerate(pages):
            if index:
                printer.newPage()
            area = painter.viewport()
            size = page.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            left = area.x() + (area.width() - size.width()) // 2
            top = area.y() + (area.height() - size.height()) // 2
            painter.drawImage(QRect(left, top, size.width(), size.height()), page)
    finally:
        painter.end()


def a4_printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    # The PDF has its own margins; the whole sheet maps onto the whole page.
    printer.setFullPage(True)
    return printer


class PrintPreviewDialog(QDialog):
    """The document as it will print, with Print…, Save as PDF… and Close."""

    printed = Signal()
    saved = Signal(Path)

    def __init__(
        self, tasks: TaskManager, document: PrintedDocument, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("printPreview")
        self.tasks = tasks
        self.document = document
        self.pages: list[QImage] = []
        self.printer = a4_printer()
        self.preview = QPrintPreviewWidget(self.printer, self)
        self.preview.setObjectName("previewPages")
        self.preview.paintRequested.connect(self._paint_preview)
        self.status = QLabel()
        self.status.setProperty("role", "hint")
        self.print_button = QPushButton()
        self.print_button.setObjectName("printButton")
        self.print_button.clicked.connect(self.choose_printer)
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveButton")
        self.save_button.clicked.connect(self.choose_file)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(760, 940)
        self.retranslate()
        self._render_preview()

    # -- preview -------------------------------------------------------------------------

    def _render_preview(self) -> None:
        self.print_button.setEnabled(False)
        pdf = self.document.pdf
        self.tasks.run_cpu(
            lambda: render_qimages(pdf, PREVIEW_DPI), self._preview_ready, self._failed
        )

    def _preview_ready(self, pages: list[QImage]) -> None:
        self.pages = pages
        self.print_button.setEnabled(True)
        self.preview.updatePreview()

    def _paint_preview(self, printer: QPrinter) -> None:
        if self.pages:
            paint_pages(printer, self.pages)

    # -- printing --------------------------------------------------------------------------

    def choose_printer(self) -> None:
        dialog = QPrintDialog(self.printer, self)
        dialog.setObjectName("printDialog")
        dialog.accepted.connect(lambda: self.print_to(self.printer))
        QDialog.open(dialog)  # the plain window-modal open; QPrintDialog's overload needs a slot

    def print_to(self, printer: QPrinter) -> None:
        """Render at the printer's resolution (off the GUI thread), then print."""
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        pdf = self.document.pdf
        self.print_button.setEnabled(False)
        self.status.setText(self.tr("Preparing the pages for the printer…"))

        def send(pages: list[QImage]) -> None:
            paint_pages(printer, pages)
            self.print_button.setEnabled(True)
            self.status.setText(self.tr("Sent to the printer."))
            self.printed.emit()

        self.tasks.run_cpu(lambda: render_qimages(pdf, dpi), send, self._failed)

    # -- saving ----------------------------------------------------------------------------

    def choose_file(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), self.document.file_name, self.tr("PDF files (*.pdf)")
        )
        if name:
            self.save_as(Path(name if name.lower().endswith(".pdf") else f"{name}.pdf"))

    def save_as(self, path: Path) -> None:
        pdf = self.document.pdf

        def saved(written: Path) -> None:
            self.status.setText(self.tr("Saved as %1.").replace("%1", str(written)))
            self.saved.emit(written)

        self.tasks.run_cpu(lambda: save_pdf(path, pdf), saved, self._failed)

    def _failed(self, error: BaseException) -> None:
        self.print_button.setEnabled(bool(self.pages))
        self.status.clear()
        show_error(self, error)

    # -- language --------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Print: %1").replace("%1", self.document.title))
        self.print_button.setText(self.tr("&Print…"))
        self.save_button.setText(self.tr("&Save as PDF…"))


class DocumentPrinting(QObject):
    """The desk's print actions: make the document (audited), then show its preview."""

    def __init__(self, desk: Desk, parent: QWidget) -> None:
        super().__init__(parent)
        self._desk = desk
        self._parent = parent
        self.preview: PrintPreviewDialog | None = None

    def print_notice(self, record_id: str) -> None:
        """The missing poster of a complaint, or the found-child notice of a found child."""
        app, user = self._desk.app, self._desk.user
        self._make(
            self.tr("Preparing the poster…"),
            lambda _token: handover.public_notice(app, user, record_id),
        )

    def reprint_certificate(self, certificate_number: str) -> None:
        """A duplicate copy (प्रतिलिपि) of an issued certificate; each copy is counted."""
        app, user = self._desk.app, self._desk.user
        self._make(
            self.tr("Preparing a copy of the certificate…"),
            lambda _token: handover.reprint_handover(app, user, certificate_number),
        )

    def open_preview(self, document: PrintedDocument) -> PrintPreviewDialog:
        """The preview of a document already made (e.g. a certificate just issued)."""
        self.preview = PrintPreviewDialog(self._desk.tasks, document, self._parent)
        self.preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.preview.open()
        return self.preview

    def _make(self, label: str, work: Callable[[CancelToken], PrintedDocument]) -> None:
        self._desk.run(self._parent, label, work, self._made)

    def _made(self, document: PrintedDocument) -> None:
        self.open_preview(document)
