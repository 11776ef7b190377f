"""The printed report: the Hindi sentences and the table's numbers are in the PDF."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from station_app.app import App
from station_app.domain import UserInfo
from station_app.services.statistics import export_pdf
from station_app.statistics.period import Period
from tests.statistics.conftest import Register

Q3 = Period(date(2026, 7, 1), date(2026, 9, 30))

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed"
)


def pdf_text(path: Path) -> str:
    """The text a reader would copy out of the PDF, with runs of spaces made one."""
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return "\n".join(" ".join(line.split()) for line in out.splitlines())


@needs_poppler
def test_the_hindi_report_has_the_registers_sentence_and_the_table(
    app: App, admin: UserInfo, press_note_register: Register, tmp_path: Path
) -> None:
    path = tmp_path / "q3-hi.pdf"
    export_pdf(app, admin, Q3, path, "hi")
    text = pdf_text(path)
    assert "सितंबर माह में 6 बालक, 64 बालिका सहित कुल 70 बच्चों को तलाश किया।" in text
    assert "जुलाई माह में 3 बालक, 26 बालिका सहित कुल 29 बच्चों को तलाश किया।" in text
    assert "ऑपरेशन मुस्कान" in text and "GRP Ratlam (RTM01)" in text
    # Table rows: month, registered boys/girls/total, traced boys/girls/total, pending.
    assert "सितंबर 2026 7 39 46 6 64 70" in text
    assert "योग 12 80 92 11 115 126" in text
    assert "1 जुलाई से 30 सितंबर 2026 तक 11 बालक, 115 बालिका सहित कुल 126 बच्चों" in text


@needs_poppler
def test_the_english_report(
    app: App, admin: UserInfo, press_note_register: Register, tmp_path: Path
) -> None:
    path = tmp_path / "q3-en.pdf"
    export_pdf(app, admin, Q3, path, "en")
    text = pdf_text(path)
    assert "In September, 70 children were traced: 6 boys and 64 girls." in text
    assert "July 2026 3 21 24 3 26 29" in text
    assert "Total 12 80 92 11 115 126" in text
    assert b"/Lang (en-IN)" in path.read_bytes()  # a screen reader reads it as English


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm is not installed")
def test_every_page_renders(
    app: App, admin: UserInfo, press_note_register: Register, tmp_path: Path
) -> None:
    path = tmp_path / "q3.pdf"
    export_pdf(app, admin, Q3, path, "hi")
    subprocess.run(["pdftoppm", "-png", "-r", "40", str(path), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) >= 1 and all(page.stat().st_size > 5_000 for page in pages)


def test_a_new_pdf_replaces_the_old_one_whole(
    app: App, admin: UserInfo, register: Register, tmp_path: Path
) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    path = folder / "report.pdf"
    path.write_bytes(b"old")
    export_pdf(app, admin, Q3, path, "en")
    assert path.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in folder.iterdir()] == ["report.pdf"]
