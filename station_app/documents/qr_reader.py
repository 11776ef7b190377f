"""Reading a certificate's QR code from a file: a PDF (rendered first) or a scanned image."""

from __future__ import annotations

import io
from pathlib import Path

import zxingcpp
from PIL import Image, UnidentifiedImageError

from station_app.errors import StationError
from station_app.pdf.raster import render_pages

PDF_SCAN_DPI = 250
MAX_PDF_PAGES = 4


def read_qr_texts(image: Image.Image) -> list[str]:
    """The text of every QR code found in `image`, decoded as UTF-8 from its raw bytes."""
    formats = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
    found = zxingcpp.read_barcodes(image.convert("L"), formats=formats)
    texts = []
    for barcode in found:
        if not barcode.valid:
            continue
        try:
            texts.append(bytes(barcode.bytes).decode("utf-8"))
        except UnicodeDecodeError:
            texts.append(barcode.text)
    return texts


def _file_data(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise StationError(f"{path} cannot be read ({error.strerror or error}).") from error


def _image_codes(path: Path, data: bytes) -> list[str]:
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            return read_qr_texts(image)
    except (UnidentifiedImageError, OSError) as error:
        raise StationError(
            f"{path.name} is neither a PDF nor an image that can be read."
        ) from error


def _pdf_codes(data: bytes) -> list[str]:
    # Every page of a certificate carries the code: the first page is nearly always enough.
    for max_pages in (1, MAX_PDF_PAGES):
        pages = render_pages(data, dpi=PDF_SCAN_DPI, max_pages=max_pages)
        texts = [text for page in pages for text in read_qr_texts(page)]
        if texts or len(pages) < max_pages:
            return texts
    return []


def read_certificate_code(path: Path) -> str:
    """The QR text of the certificate in `path`; the first code found that looks like one."""
    data = _file_data(path)
    texts = _pdf_codes(data) if data.startswith(b"%PDF") else _image_codes(path, data)
    if not texts:
        raise StationError(
            f"No QR code could be read in {path.name}. Scan the certificate again, flat and "
            "well lit, with the whole QR code in the picture."
        )
    ours = [text for text in texts if '"t":"handover"' in text]
    return (ours or texts)[0]
