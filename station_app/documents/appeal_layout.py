"""The one-page public appeal both the missing poster and the found-child notice use:
a coloured title band, a large photo beside the description, and who to call.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from reportlab.lib.colors import Color, white
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Paragraph, Spacer, Table, TableStyle

from station_app.documents.blocks import Fact, draw_frame, fact_table
from station_app.documents.vocabulary import HELPLINES, Bilingual, state_police, when_text
from station_app.domain import StationInfo
from station_app.pdf.images import PhotoFlowable
from station_app.pdf.output import DocumentInfo, Margins, build_pdf
from station_app.pdf.styles import INK, MUTED, DocumentStyles, derive, document_styles
from station_app.pdf.tables import table
from station_app.pdf.text import bilingual, escape, para, searchable, span

MARGINS = Margins(left=14 * mm, right=14 * mm, top=14 * mm, bottom=12 * mm)
CONTENT_WIDTH = A4[0] - MARGINS.left - MARGINS.right
PHOTO_WIDTH, PHOTO_HEIGHT = 80 * mm, 100 * mm


@dataclass(frozen=True, slots=True)
class Appeal:
    """Everything one appeal page prints."""

    colour: Color
    title: Bilingual
    tagline: Bilingual
    station: StationInfo
    photo: bytes
    name: str
    name_label: Bilingual
    facts: Sequence[Fact]
    highlight: Fact
    description: str
    request: Bilingual
    contact: str
    reference: str
    printed_at: datetime
    document_title: str


def appeal_pdf(appeal: Appeal) -> bytes:
    styles = document_styles(11)
    story: list[Flowable] = [
        _band(styles, appeal),
        Spacer(1, 3 * mm),
        _station_line(styles, appeal),
        Spacer(1, 4 * mm),
        _photo_and_facts(styles, appeal),
        Spacer(1, 4 * mm),
        _highlight(styles, appeal),
        Spacer(1, 4 * mm),
        *_request(styles, appeal),
        Spacer(1, 3 * mm),
        _contact(styles, appeal),
        Spacer(1, 3 * mm),
        para(
            f"{appeal.reference} · मुद्रित / printed {when_text(appeal.printed_at)}",
            derive(styles.tiny, alignment="centre"),
        ),
    ]

    def decorate(canvas: Canvas, document: BaseDocTemplate) -> None:
        draw_frame(canvas, document, appeal.colour)

    info = DocumentInfo(
        title=appeal.document_title,
        author=f"{appeal.station.name} ({appeal.station.code})",
        subject=appeal.reference,
    )
    return build_pdf(story, info, margins=MARGINS, decorate=decorate)


def _band(styles: DocumentStyles, appeal: Appeal) -> Table:
    title = derive(styles.title, fontSize=40, leading=52, textColor=white)
    english = derive(styles.subtitle, fontSize=21, leading=26, textColor=white)
    tagline = derive(styles.body, fontSize=11, alignment="centre", textColor=white)
    band = table(
        [
            [para(appeal.title[0], title)],
            [para(appeal.title[1], english)],
            [para(f"{appeal.tagline[0]} · {appeal.tagline[1]}", tagline)],
        ],
        col_widths=[CONTENT_WIDTH],
    )
    band.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), appeal.colour),
                ("TOPPADDING", (0, 0), (-1, 0), 6),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 8),
                ("TOPPADDING", (0, 1), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -2), 0),
            ]
        )
    )
    return band


def _station_line(styles: DocumentStyles, appeal: Appeal) -> Paragraph:
    station = appeal.station
    police_hi, police_en = state_police(station.state)
    return para(
        f"{police_hi} · थाना {station.name}, जिला {station.district}  |  "
        f"{police_en} · Police Station {station.name}, District {station.district}",
        derive(styles.small, alignment="centre", textColor=MUTED),
    )


def _photo_and_facts(styles: DocumentStyles, appeal: Appeal) -> Table:
    right_width = CONTENT_WIDTH - PHOTO_WIDTH - 6 * mm
    name_style = derive(styles.title, fontSize=24, leading=30, alignment="left", textColor=INK)
    label = f"{appeal.name_label[0]} / {appeal.name_label[1]}"
    right: list[Flowable] = []
    if appeal.name:
        right += [para(label, styles.label_en), para(appeal.name, name_style), Spacer(1, 2 * mm)]
    right.append(fact_table(styles, appeal.facts, right_width, label_width=30 * mm))
    layout = table(
        [[PhotoFlowable(appeal.photo, PHOTO_WIDTH, PHOTO_HEIGHT, max_pixels=1400), right]],
        col_widths=[PHOTO_WIDTH + 6 * mm, right_width],
    )
    layout.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return layout


def _highlight(styles: DocumentStyles, appeal: Appeal) -> Table:
    fact = appeal.highlight
    value = fact.value if isinstance(fact.value, str) else ""
    label = derive(styles.body_bold, fontSize=12, textColor=appeal.colour)
    box = table(
        [
            [
                bilingual(fact.hindi, fact.english, label, styles.label_en),
                para(value or "—", derive(styles.value, fontSize=13, leading=18)),
            ]
        ],
        col_widths=[48 * mm, CONTENT_WIDTH - 48 * mm],
    )
    box.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1.4, appeal.colour),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return box


def _request(styles: DocumentStyles, appeal: Appeal) -> list[Flowable]:
    flowables: list[Flowable] = []
    if appeal.description:
        flowables += [
            searchable(
                f"{span('अन्य विवरण / Other details: ', face=styles.fonts.semibold)}"
                f"{escape(appeal.description)}",
                styles.body,
                f"अन्य विवरण / Other details: {appeal.description}",
            ),
            Spacer(1, 3 * mm),
        ]
    request = derive(styles.body, fontSize=12.5, leading=18, alignment="centre")
    flowables += [
        para(appeal.request[0], derive(request, fontName=styles.fonts.semibold)),
        para(appeal.request[1], derive(request, fontSize=11.5, textColor=MUTED)),
    ]
    return flowables


def _contact(styles: DocumentStyles, appeal: Appeal) -> Table:
    station = appeal.station
    centre = derive(styles.body, alignment="centre")
    big = derive(styles.title, fontSize=22, leading=28, textColor=appeal.colour)
    rows: list[list[Flowable]] = [
        [
            para(
                f"संपर्क करें · Contact: थाना प्रभारी, थाना {station.name} / Station House Officer, "
                f"Police Station {station.name}, {station.district}, {station.state}",
                derive(centre, fontName=styles.fonts.semibold),
            )
        ]
    ]
    if appeal.contact:
        rows.append([para(appeal.contact, big)])
    rows.append([para(f"{HELPLINES[0]}  |  {HELPLINES[1]}", derive(centre, fontSize=12))])
    box = table(rows, col_widths=[CONTENT_WIDTH])
    box.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1.4, appeal.colour),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 7),
            ]
        )
    )
    return box
