"""Building and saving PDFs: atomic saves, searchable Hindi, rendering pages back."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4

from station_app.errors import StationError
from station_app.pdf.output import DocumentInfo, build_pdf, save_pdf
from station_app.pdf.raster import render_pages
from station_app.pdf.styles import document_styles
from station_app.pdf.text import bilingual, para

INFO = DocumentInfo(title="जाँच / Test", author="RTM01")


def _pdf(text: str) -> bytes:
    styles = document_styles()
    return build_pdf([para(text, styles.body)], INFO)


def test_saving_replaces_the_whole_file_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"
    target.write_bytes(b"old contents")
    save_pdf(target, _pdf("नया"))
    assert target.read_bytes().startswith(b"%PDF") and target.read_bytes().endswith(b"%%EOF\n")
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]


def test_saving_into_a_folder_or_a_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StationError, match="is a folder"):
        save_pdf(tmp_path, b"%PDF")
    with pytest.raises(StationError, match="does not exist"):
        save_pdf(tmp_path / "no" / "such.pdf", b"%PDF")


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
def test_hindi_and_markup_characters_are_copied_out_as_written(tmp_path: Path) -> None:
    styles = document_styles()
    source = tmp_path / "text.pdf"
    source.write_bytes(
        build_pdf(
            [
                para("प्रतिलिपि क्षत्रिय & <सुरेश>", styles.body),
                bilingual("सुपुर्दगीनामा", "Handover certificate", styles.label, styles.label_en),
            ],
            INFO,
        )
    )
    text = subprocess.run(
        ["pdftotext", str(source), "-"], capture_output=True, check=True, text=True
    ).stdout
    assert "प्रतिलिपि क्षत्रिय & <सुरेश>" in text
    assert "सुपुर्दगीनामा Handover certificate" in text


def test_pages_render_back_at_the_asked_resolution() -> None:
    (page,) = render_pages(_pdf("पृष्ठ"), dpi=72)
    assert abs(page.width - A4[0]) <= 1 and abs(page.height - A4[1]) <= 1
    assert sum(page.convert("L").histogram()[:128]) > 0  # some ink: the text is there
