"""Paragraphs whose Hindi can be searched and copied from the PDF.

Shaped Devanagari is drawn as glyphs, and a conjunct or a reordered vowel sign has no
character of its own in the font's map, so a PDF reader copying the text (or
pdftotext) loses it: "सितंबर" comes out as "सतंबर". PDF's ActualText marked content
tells the reader the text a run of glyphs stands for; this adapter wraps the text
object of each Paragraph of plain text in it. The span sits inside the text object
(BT ... ET), so readers place the text where the glyphs are. (It belongs in
station_app.pdf.text in time.)
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Paragraph

from station_app.pdf.text import escape


class _SpanTextObject(PDFTextObject):
    """A text object whose glyphs are marked as standing for `actual_text`."""

    _code: list[str]  # PDFTextObject's operators so far (not in ReportLab's stubs)

    def __init__(self, canvas: Canvas, x: float, y: float, actual_text: str) -> None:
        super().__init__(canvas, x, y)
        hex_text = actual_text.encode("utf-16-be").hex().upper()
        self._code.append(f"/Span <</ActualText <FEFF{hex_text}>>> BDC")

    def getCode(self) -> str:  # noqa: N802 - ReportLab's name
        self._code.append("EMC")
        return super().getCode()


class SearchableParagraph(Paragraph):
    """A Paragraph of plain text that tells PDF readers which text it shows."""

    # A Paragraph split over two pages comes back without actual_text: each part then
    # draws as a plain Paragraph rather than claiming the whole text.
    actual_text: str | None = None

    def beginText(self, x: float, y: float) -> PDFTextObject:  # noqa: N802 - ReportLab's name
        if not self.actual_text:
            return super().beginText(x, y)
        return _SpanTextObject(self.canv, x, y, self.actual_text)


def searchable(text: str, style: ParagraphStyle) -> SearchableParagraph:
    """Plain `text` (escaped) as a shaped Paragraph that PDF readers can copy from."""
    paragraph = SearchableParagraph(escape(text), style)
    paragraph.actual_text = " ".join(text.split())
    return paragraph
