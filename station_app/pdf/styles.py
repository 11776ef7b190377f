"""Paragraph styles and colours of the app's documents: plain, dignified, readable in print.

Every style here has `shaping=1` and a face of the registered family, so any text set
with it is shaped by HarfBuzz. `derive` makes a variant that keeps those two.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from station_app.pdf.fonts import FontSet, register_fonts

INK = colors.HexColor("#1f2933")
NAVY = colors.HexColor("#1d3557")
MUTED = colors.HexColor("#52606d")
RULE = colors.HexColor("#9aa5b1")
PALE = colors.HexColor("#eef1f5")
ALERT = colors.HexColor("#a61b1b")
WATERMARK = colors.Color(0.55, 0.1, 0.1, alpha=0.13)

ALIGN = {"left": TA_LEFT, "centre": TA_CENTER, "right": TA_RIGHT}


def derive(style: ParagraphStyle, name: str = "", **changes: Any) -> ParagraphStyle:
    """A copy of `style` with `changes` (fontSize scales leading unless leading is given)."""
    if "fontSize" in changes and "leading" not in changes:
        changes["leading"] = changes["fontSize"] * style.leading / style.fontSize
    if isinstance(changes.get("alignment"), str):
        changes["alignment"] = ALIGN[changes["alignment"]]
    return ParagraphStyle(name or f"{style.name}*", parent=style, **changes)


@dataclass(frozen=True, slots=True)
class DocumentStyles:
    fonts: FontSet
    body: ParagraphStyle
    body_bold: ParagraphStyle
    small: ParagraphStyle
    tiny: ParagraphStyle
    label: ParagraphStyle
    label_en: ParagraphStyle
    value: ParagraphStyle
    heading: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    header: ParagraphStyle


def document_styles(base_size: float = 10.0) -> DocumentStyles:
    """The standard set, scaled from `base_size` points (10 for A4 forms and reports)."""
    fonts = register_fonts()
    body = ParagraphStyle(
        "body",
        fontName=fonts.regular,
        fontSize=base_size,
        leading=base_size * 1.45,
        textColor=INK,
        shaping=1,
    )
    return DocumentStyles(
        fonts=fonts,
        body=body,
        body_bold=derive(body, "body_bold", fontName=fonts.semibold),
        small=derive(body, "small", fontSize=base_size * 0.85),
        tiny=derive(body, "tiny", fontSize=base_size * 0.72, textColor=MUTED),
        label=derive(body, "label", fontName=fonts.medium, fontSize=base_size * 0.9),
        label_en=derive(body, "label_en", fontSize=base_size * 0.78, textColor=MUTED),
        value=derive(body, "value", fontName=fonts.semibold),
        heading=derive(
            body, "heading", fontName=fonts.semibold, fontSize=base_size * 1.1, textColor=NAVY
        ),
        title=derive(
            body,
            "title",
            fontName=fonts.bold,
            fontSize=base_size * 2.2,
            leading=base_size * 2.9,
            textColor=NAVY,
            alignment=TA_CENTER,
        ),
        subtitle=derive(
            body,
            "subtitle",
            fontName=fonts.semibold,
            fontSize=base_size * 1.25,
            textColor=NAVY,
            alignment=TA_CENTER,
        ),
        header=derive(
            body, "header", fontName=fonts.medium, fontSize=base_size * 1.05, alignment=TA_CENTER
        ),
    )
