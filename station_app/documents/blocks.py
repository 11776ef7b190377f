"""Layout pieces the documents share: station header, fact tables, signatures, frame."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Paragraph, Spacer, Table, TableStyle

from station_app.documents.vocabulary import state_police
from station_app.domain import StationInfo
from station_app.pdf.styles import INK, NAVY, PALE, RULE, WATERMARK, DocumentStyles, derive
from station_app.pdf.tables import table
from station_app.pdf.text import bilingual, draw_paragraph, escape, para, searchable, span


@dataclass(frozen=True, slots=True)
class Fact:
    """One labelled line of a form: Hindi label, English label, and the value as printed."""

    hindi: str
    english: str
    value: str | Flowable


def station_lines(styles: DocumentStyles, station: StationInfo) -> list[Flowable]:
    """State police, then the station and district, each in Hindi and English."""
    police_hi, police_en = state_police(station.state)
    strong = derive(styles.header, fontName=styles.fonts.semibold, textColor=NAVY)
    return [
        para(f"{police_hi} · {police_en}", strong),
        para(f"थाना {station.name} ({station.code}), जिला {station.district}", styles.header),
        para(
            f"Police Station {station.name} ({station.code}), District {station.district}",
            derive(styles.header, fontSize=styles.header.fontSize * 0.9),
        ),
    ]


def section_heading(styles: DocumentStyles, number: str, hindi: str, english: str) -> Paragraph:
    english_run = span(
        f"  {english}", face=styles.fonts.medium, size=styles.heading.fontSize * 0.85
    )
    return searchable(
        f"{escape(number)} {escape(hindi)}{english_run}",
        styles.heading,
        f"{number} {hindi} {english}",
    )


def _value_flowable(value: str | Flowable, styles: DocumentStyles) -> Flowable:
    if isinstance(value, str):
        return para(value or "—", styles.value)
    return value


def fact_table(
    styles: DocumentStyles,
    facts: Sequence[Fact],
    width: float,
    per_row: int = 1,
    label_width: float = 34 * mm,
) -> Table:
    """Facts in a ruled table, `per_row` label/value pairs on each line."""
    value_width = width / per_row - label_width
    label_style = derive(styles.label, leading=styles.label.fontSize * 1.22)
    rows: list[list[Flowable]] = []
    for start in range(0, len(facts), per_row):
        row: list[Flowable] = []
        for fact in facts[start : start + per_row]:
            row.append(bilingual(fact.hindi, fact.english, label_style, styles.label_en))
            row.append(_value_flowable(fact.value, styles))
        # Spacers, not "": a string cell would pull Helvetica (no Devanagari) into the PDF.
        row.extend(Spacer(0, 0) for _ in range(2 * per_row - len(row)))
        rows.append(row)
    made = table(rows, col_widths=[label_width, value_width] * per_row)
    style = TableStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 1.6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ]
    )
    for column in range(0, 2 * per_row, 2):
        style.add("BACKGROUND", (column, 0), (column, -1), PALE)
    made.setStyle(style)
    return made


def signature_box(styles: DocumentStyles, hindi: str, english: str, name: str) -> list[Flowable]:
    """Room to sign, a line, what the signature is, and the signer's name if known."""
    caption_style = derive(styles.small, leading=styles.small.fontSize * 1.25)
    caption = bilingual(hindi, english, caption_style, styles.label_en)
    lines: list[Flowable] = [Spacer(1, 15 * mm), LineFlowable(), caption]
    if name:
        lines.append(para(name, styles.body_bold))
    return lines


class LineFlowable(Flowable):
    """A thin rule across the available width: where a hand signs."""

    def __init__(self, color: Color = INK, thickness: float = 0.5) -> None:
        super().__init__()
        self._color = color
        self._thickness = thickness
        self.width = 0.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, 2

    def draw(self) -> None:
        self.canv.setStrokeColor(self._color)
        self.canv.setLineWidth(self._thickness)
        self.canv.line(0, 1, self.width, 1)


def signature_row(columns: Sequence[list[Flowable]], width: float) -> Table:
    made = table([list(columns)], col_widths=[width / len(columns)] * len(columns))
    made.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("RIGHTPADDING", (0, 0), (-1, -1), 10),
            ]
        )
    )
    return made


def draw_frame(canvas: Canvas, document: BaseDocTemplate, color: Color = NAVY) -> None:
    """A double rule round the page, as on printed government forms."""
    width, height = document.pagesize
    canvas.setStrokeColor(color)
    canvas.setLineWidth(1.6)
    canvas.rect(8 * mm, 8 * mm, width - 16 * mm, height - 16 * mm)
    canvas.setLineWidth(0.5)
    canvas.rect(9.6 * mm, 9.6 * mm, width - 19.2 * mm, height - 19.2 * mm)


def draw_watermark(
    canvas: Canvas, document: BaseDocTemplate, styles: DocumentStyles, hindi: str, english: str
) -> None:
    """Large pale words across the page (drawn as a Paragraph, so the Hindi is shaped)."""
    width, height = document.pagesize
    style = derive(styles.title, fontSize=64, leading=80, textColor=WATERMARK)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(35)
    box = width * 1.1
    markup = f"{escape(hindi)}<br/>{escape(english)}"
    draw_paragraph(canvas, markup, style, -box / 2, 80, box, text=f"{hindi} {english}")
