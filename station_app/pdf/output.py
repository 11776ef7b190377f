"""Building a document into PDF bytes, and saving it atomically."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, SimpleDocTemplate

from station_app.atomic import write_atomic
from station_app.errors import StationError
from station_app.pdf.fonts import register_fonts

PageDecoration = Callable[[Canvas, BaseDocTemplate], None]
CREATOR = "Muskaan Station"


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """What a PDF reader shows in the document's properties."""

    title: str
    author: str
    subject: str = ""
    keywords: tuple[str, ...] = ()
    lang: str = "hi-IN"  # the main language, for screen readers and text extraction


@dataclass(frozen=True, slots=True)
class Margins:
    left: float = 16 * mm
    right: float = 16 * mm
    top: float = 16 * mm
    bottom: float = 16 * mm


def build_pdf(
    story: Sequence[Flowable],
    info: DocumentInfo,
    *,
    pagesize: tuple[float, float] = A4,
    margins: Margins = Margins(),
    decorate: PageDecoration | None = None,
) -> bytes:
    """Lay out `story` on pages and return the PDF; `decorate` draws on every page first."""
    out = io.BytesIO()
    document = SimpleDocTemplate(
        out,
        pagesize=pagesize,
        leftMargin=margins.left,
        rightMargin=margins.right,
        topMargin=margins.top,
        bottomMargin=margins.bottom,
        title=info.title,
        author=info.author,
        subject=info.subject,
        keywords=list(info.keywords),
        creator=CREATOR,
        producer=CREATOR,
        lang=info.lang,
        # Else the canvas starts each page in Helvetica, which has no Devanagari at all.
        initialFontName=register_fonts().regular,
    )

    def on_page(canvas: Canvas, template: BaseDocTemplate) -> None:
        if decorate is not None:
            canvas.saveState()
            decorate(canvas, template)
            canvas.restoreState()

    document.build(list(story), onFirstPage=on_page, onLaterPages=on_page)
    return out.getvalue()


def save_pdf(path: Path, data: bytes) -> Path:
    """Write `data` to `path` atomically: a reader sees the old file or the whole new one."""
    if path.is_dir():
        raise StationError(f"{path} is a folder; give a file name ending in .pdf.")
    if not path.parent.exists():
        raise StationError(f"The folder {path.parent} does not exist.")
    write_atomic(path, data)
    return path
