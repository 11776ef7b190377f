"""Shaped text: Paragraph-based helpers, so Devanagari is shaped wherever text is drawn.

Paragraph text is a small XML markup; `escape` makes plain data (names, addresses)
safe to put inside it. `draw_paragraph` puts a Paragraph at a point of the canvas, for
page headers, footers and watermarks, where `canvas.drawString` would not shape.

Shaped Devanagari is drawn as glyphs, and a conjunct or a reordered vowel sign has no
character of its own in the font's map, so a PDF reader copying the text (or pdftotext)
loses it: "प्रतिलिपि" comes out mangled. The helpers here therefore wrap each paragraph
in PDF's ActualText marked content, which tells readers the text the glyphs stand for.
"""

from __future__ import annotations

from typing import Literal
from xml.sax.saxutils import escape as _xml_escape

from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

Anchor = Literal["top", "bottom"]


def escape(text: str) -> str:
    """Plain text as Paragraph markup: XML-escaped, line breaks kept."""
    return _xml_escape(text).replace("\r\n", "\n").replace("\n", "<br/>")


class SearchableParagraph(Paragraph):
    """A Paragraph that tells PDF readers which text it shows (searchable, copyable)."""

    actual_text: str | None = None

    def draw(self) -> None:
        # A Paragraph split over two pages comes back without actual_text: each part then
        # draws as a plain Paragraph rather than claiming the whole text.
        text = self.actual_text
        if text:
            hex_text = text.encode("utf-16-be").hex().upper()
            self.canv.addLiteral(f"/Span <</ActualText <FEFF{hex_text}>>> BDC")
        super().draw()
        if text:
            self.canv.addLiteral("EMC")


def searchable(markup: str, style: ParagraphStyle, text: str) -> SearchableParagraph:
    """A Paragraph of `markup` that PDF readers copy and search as `text`."""
    paragraph = SearchableParagraph(markup, style)
    paragraph.actual_text = " ".join(text.split())
    return paragraph


def para(text: str, style: ParagraphStyle) -> SearchableParagraph:
    """A Paragraph of plain text (escaped, so a name with '&' or '<' prints as written)."""
    return searchable(escape(text), style, text)


def span(text: str, *, face: str = "", size: float = 0, color: Color | None = None) -> str:
    """Plain text as a markup run in another face, size or colour of the same family."""
    attrs = []
    if face:
        attrs.append(f'name="{face}"')
    if size:
        attrs.append(f'size="{size:g}"')
    if color is not None:
        attrs.append(f'color="{color.hexval()}"')
    body = escape(text)
    return f"<font {' '.join(attrs)}>{body}</font>" if attrs else body


def bilingual(
    hindi: str, english: str, style: ParagraphStyle, english_style: ParagraphStyle
) -> SearchableParagraph:
    """Hindi over English in one Paragraph: the English smaller, in its own style's look."""
    english_run = span(
        english,
        face=english_style.fontName,
        size=english_style.fontSize,
        color=english_style.textColor,
    )
    return searchable(f"{escape(hindi)}<br/>{english_run}", style, f"{hindi} {english}")


def draw_paragraph(
    canvas: Canvas,
    markup: str,
    style: ParagraphStyle,
    x: float,
    y: float,
    width: float,
    anchor: Anchor = "top",
    text: str = "",
) -> float:
    """Draw `markup` in a box `width` wide whose top (or bottom) edge is at y; return its height.

    `text` is what readers copy (the markup's plain text), if it should be searchable.
    """
    paragraph = searchable(markup, style, text) if text else Paragraph(markup, style)
    _, height = paragraph.wrap(width, 10_000)
    paragraph.drawOn(canvas, x, y - height if anchor == "top" else y)
    return float(height)
