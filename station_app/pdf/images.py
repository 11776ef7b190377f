"""Photos and QR codes as flowables: photos fitted and framed, QR codes as crisp vectors."""

from __future__ import annotations

import io
from dataclasses import dataclass

import qrcode
import qrcode.constants
from PIL import Image as PILImage
from reportlab.lib.colors import Color, black, white
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable

from station_app.pdf.styles import RULE

QR_QUIET_MODULES = 4
_ERROR_LEVELS = {
    "L": qrcode.constants.ERROR_CORRECT_L,
    "M": qrcode.constants.ERROR_CORRECT_M,
    "Q": qrcode.constants.ERROR_CORRECT_Q,
    "H": qrcode.constants.ERROR_CORRECT_H,
}


def prepared_jpeg(data: bytes, max_pixels: int) -> tuple[bytes, int, int]:
    """The photo as an upright RGB JPEG no larger than `max_pixels` on its long side.

    Small enough photos pass through untouched: ReportLab embeds JPEG bytes as they are.
    """
    with PILImage.open(io.BytesIO(data)) as image:
        if image.format == "JPEG" and image.mode == "RGB" and max(image.size) <= max_pixels:
            return data, image.width, image.height
        # JPEG: decode straight at 1/2, 1/4... of the size, no smaller than what is asked.
        image.draft("RGB", (max_pixels, max_pixels))
        fitted = image.convert("RGB")
    fitted.thumbnail((max_pixels, max_pixels), PILImage.Resampling.BICUBIC)
    out = io.BytesIO()
    fitted.save(out, "JPEG", quality=88)
    return out.getvalue(), fitted.width, fitted.height


@dataclass(frozen=True, slots=True)
class PreparedPhoto:
    """A photo made ready once for a document that shows it on several pages."""

    jpeg: bytes
    width: int
    height: int

    @classmethod
    def of(cls, data: bytes, max_pixels: int) -> PreparedPhoto:
        return cls(*prepared_jpeg(data, max_pixels))


class PhotoFlowable(Flowable):
    """A photo fitted inside width x height (aspect kept, centred), with a thin frame.

    `max_pixels` bounds the long side embedded: 600 is 300 dpi for a passport-size photo.
    """

    def __init__(
        self,
        photo: bytes | PreparedPhoto,
        width: float,
        height: float,
        max_pixels: int = 600,
        frame: Color | None = RULE,
    ) -> None:
        super().__init__()
        prepared = (
            photo if isinstance(photo, PreparedPhoto) else PreparedPhoto.of(photo, max_pixels)
        )
        jpeg, pixel_width, pixel_height = prepared.jpeg, prepared.width, prepared.height
        self._image = ImageReader(io.BytesIO(jpeg))
        scale = min(width / pixel_width, height / pixel_height)
        self.width = width
        self.height = height
        self._draw_width = pixel_width * scale
        self._draw_height = pixel_height * scale
        self._frame = frame

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        x = (self.width - self._draw_width) / 2
        y = (self.height - self._draw_height) / 2
        self.canv.drawImage(self._image, x, y, self._draw_width, self._draw_height)
        if self._frame is not None:
            self.canv.setStrokeColor(self._frame)
            self.canv.setLineWidth(0.6)
            self.canv.rect(x, y, self._draw_width, self._draw_height)


def qr_matrix(text: str, error_correction: str = "M") -> list[list[bool]]:
    """The QR code's modules (True is dark), with its quiet zone, for `text` as UTF-8."""
    code = qrcode.QRCode(
        error_correction=_ERROR_LEVELS[error_correction], border=QR_QUIET_MODULES, box_size=1
    )
    code.add_data(text.encode("utf-8"), optimize=0)
    code.make(fit=True)
    matrix: list[list[bool]] = [[bool(cell) for cell in row] for row in code.get_matrix()]
    return matrix


class QrFlowable(Flowable):
    """A QR code drawn as vector squares (sharp on any printer), `size` points wide.

    Give the text, or a matrix from `qr_matrix` when the same code is drawn on several
    pages (finding the best mask takes most of the time).
    """

    def __init__(
        self, code: str | list[list[bool]], size: float, error_correction: str = "M"
    ) -> None:
        super().__init__()
        self.matrix = qr_matrix(code, error_correction) if isinstance(code, str) else code
        self.width = self.height = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        modules = len(self.matrix)
        step = self.width / modules
        canvas.setFillColor(white)
        canvas.rect(0, 0, self.width, self.height, stroke=0, fill=1)
        canvas.setFillColor(black)
        path = canvas.beginPath()
        for row_index, row in enumerate(self.matrix):
            y = self.height - (row_index + 1) * step
            start: int | None = None
            for column, dark in enumerate([*row, False]):
                if dark and start is None:
                    start = column
                elif not dark and start is not None:
                    # One rectangle per run of dark modules; a hair wider so none show seams.
                    path.rect(start * step, y, (column - start) * step + 0.01, step + 0.01)
                    start = None
        canvas.drawPath(path, stroke=0, fill=1)
