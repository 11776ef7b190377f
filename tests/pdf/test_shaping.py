"""Devanagari in our PDFs is shaped: rendered, a word looks as HarfBuzz shapes it.

Each word is put in a PDF the way every document does it (a Paragraph in a document
style), rendered by poppler, and compared with HarfBuzz's own rendering of the word
from the same font. The counter-test renders with shaping off and shows that the
comparison would catch it: that rendering matches the unshaped reference instead.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import SimpleDocTemplate

from station_app.pdf.styles import DocumentStyles, derive, document_styles
from station_app.pdf.text import para
from tests.pdf.harfbuzz_reference import crop_to_ink, overlap, render_word

# Conjuncts (प्र, क्ष, त्र, म्म), reph (र्द), pre-base vowel signs (ि), nukta (ज़).
WORDS = ["प्रतिलिपि", "सुपुर्दगीनामा", "क्षत्रिय", "ज़िम्मेदारी"]
needs_pdftoppm = pytest.mark.skipif(
    shutil.which("pdftoppm") is None, reason="poppler-utils (pdftoppm) is not installed"
)


def _rendered(text: str, style: ParagraphStyle, tmp_path: Path) -> Image.Image:
    out = io.BytesIO()
    document = SimpleDocTemplate(
        out, pagesize=(520, 120), leftMargin=10, rightMargin=10, topMargin=10, bottomMargin=10
    )
    document.build([para(text, style)])
    source = tmp_path / "word.pdf"
    source.write_bytes(out.getvalue())
    subprocess.run(
        ["pdftoppm", "-r", "216", "-gray", "-png", "-singlefile", str(source), str(tmp_path / "w")],
        check=True,
    )
    with Image.open(tmp_path / "w.png") as page:
        return crop_to_ink(page.convert("L").point(lambda v: 255 - v))


@pytest.fixture(scope="module")
def styles() -> DocumentStyles:
    return document_styles()


@needs_pdftoppm
@pytest.mark.parametrize("word", WORDS)
def test_a_hindi_word_renders_as_harfbuzz_shapes_it(
    word: str, styles: DocumentStyles, tmp_path: Path
) -> None:
    font_file = styles.fonts.file(styles.fonts.regular)
    reference = render_word(font_file, word, shaped=True)
    unshaped_reference = render_word(font_file, word, shaped=False)
    assert overlap(reference, unshaped_reference) < 0.6, "a word that shaping hardly changes"
    pdf = _rendered(word, derive(styles.body, fontSize=40), tmp_path)
    shaped = overlap(pdf, reference)
    unshaped = overlap(pdf, unshaped_reference)
    assert shaped > 0.75, f"{word}: the PDF does not look like HarfBuzz's shaping ({shaped:.2f})"
    assert shaped - unshaped > 0.3, f"{word}: shaped {shaped:.2f}, unshaped {unshaped:.2f}"


@needs_pdftoppm
def test_the_comparison_catches_text_drawn_without_shaping(
    styles: DocumentStyles, tmp_path: Path
) -> None:
    font_file = styles.fonts.file(styles.fonts.regular)
    word = "प्रतिलिपि"
    pdf = _rendered(word, derive(styles.body, fontSize=40, shaping=0), tmp_path)
    assert overlap(pdf, render_word(font_file, word, shaped=True)) < 0.5
    assert overlap(pdf, render_word(font_file, word, shaped=False)) > 0.75


def test_every_document_style_shapes_with_the_one_family(styles: DocumentStyles) -> None:
    family = styles.fonts.family
    for name in styles.__dataclass_fields__:
        style = getattr(styles, name)
        if isinstance(style, ParagraphStyle):
            assert style.shaping == 1, name
            assert style.fontName.startswith(f"{family}-"), name
