"""Tables in the document family.

ReportLab's Table sets a cell font (Helvetica by default) before each cell, even one that
holds a Paragraph, so every table would put Helvetica, which has no Devanagari, into the
PDF. `table` starts from the family's regular face instead. Put Paragraphs (from
`text.para`) in cells: a plain string cell is drawn unshaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.platypus import Table, TableStyle

from station_app.pdf.fonts import register_fonts


def table(
    rows: Sequence[list[Any]],
    col_widths: Sequence[float | None],
    row_heights: Sequence[float] | None = None,
) -> Table:
    """A Table of `rows` (Flowables, lists of them, or strings) whose cells use the family."""
    made = Table(rows, colWidths=col_widths, rowHeights=row_heights)
    made.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), register_fonts().regular)]))
    return made
