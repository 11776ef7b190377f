"""The app's PDF foundation: fonts, styles, shaped text, images and atomic saving.

Every printed document (handover certificates, posters, notices, statistics reports)
builds on this package, so Devanagari is shaped the same way everywhere.

The one rule that keeps Hindi correct: draw every text as a Paragraph whose style comes
from `styles.document_styles()` (or has `shaping=1` and a font from `fonts`). Hind covers
Latin and Devanagari, so a line that mixes the scripts stays in one font and HarfBuzz
shapes it whole; `canvas.drawString` does not shape, so `text.draw_paragraph` serves for
page headers, footers and watermarks instead.
"""
