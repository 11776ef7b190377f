"""PDF pages as images: for print preview, printing, and reading QR codes from a PDF.

PDFium (the pypdfium2 package) does it in-process on every platform; where it is not
installed, poppler's `pdftoppm` is used if it is on the PATH.
"""

from __future__ import annotations

import importlib
import io
import shutil
import subprocess
import tempfile
from pathlib import Path
from types import ModuleType

from PIL import Image

from station_app.errors import StationError


def _pdfium() -> ModuleType | None:
    try:
        return importlib.import_module("pypdfium2")
    except ImportError:
        return None


def can_render() -> bool:
    return _pdfium() is not None or shutil.which("pdftoppm") is not None


def render_pages(pdf: bytes, dpi: float = 200, max_pages: int | None = None) -> list[Image.Image]:
    """Each page of `pdf` as an RGB image at `dpi` (at most `max_pages` pages)."""
    pdfium = _pdfium()
    if pdfium is not None:
        return _render_pdfium(pdfium, pdf, dpi, max_pages)
    if shutil.which("pdftoppm"):
        return _render_pdftoppm(pdf, dpi, max_pages)
    raise StationError(
        "No PDF renderer is installed (pypdfium2, or poppler's pdftoppm); reinstall the program."
    )


def _render_pdfium(
    pdfium: ModuleType, pdf: bytes, dpi: float, max_pages: int | None
) -> list[Image.Image]:
    try:
        document = pdfium.PdfDocument(pdf)
    except pdfium.PdfiumError as error:
        raise StationError(f"This is not a PDF that can be read ({error}).") from error
    try:
        images: list[Image.Image] = []
        for index in range(min(len(document), max_pages or len(document))):
            page = document[index]
            images.append(page.render(scale=dpi / 72).to_pil().convert("RGB"))
            page.close()
        return images
    finally:
        document.close()


def _render_pdftoppm(pdf: bytes, dpi: float, max_pages: int | None) -> list[Image.Image]:
    with tempfile.TemporaryDirectory(prefix="muskaan-raster-") as folder:
        source = Path(folder) / "in.pdf"
        source.write_bytes(pdf)
        command = ["pdftoppm", "-r", f"{dpi:g}", "-png"]
        if max_pages:
            command += ["-l", str(max_pages)]
        result = subprocess.run(
            [*command, str(source), str(Path(folder) / "page")],
            capture_output=True,
            timeout=120,
            check=False,
        )
        if result.returncode != 0:
            detail = result.stderr.decode(errors="replace").strip()
            raise StationError(f"This is not a PDF that can be read ({detail}).")
        pages = sorted(Path(folder).glob("page-*.png"), key=lambda p: int(p.stem.split("-")[-1]))
        return [Image.open(io.BytesIO(p.read_bytes())).convert("RGB") for p in pages]
