"""A reference picture of a word, straight from HarfBuzz and the font's outlines.

Independent of ReportLab: the word is shaped by uharfbuzz (or, for the counter-example,
laid out glyph by glyph from the cmap with no shaping), each glyph's outline is
flattened to polygons and filled with Pillow. White ink on black, cropped to the ink.
"""

from __future__ import annotations

from pathlib import Path

import uharfbuzz as hb
from PIL import Image, ImageChops, ImageDraw

Point = tuple[float, float]
CURVE_STEPS = 8


class _PolygonPen:
    """Collects a glyph's contours as polygons in image coordinates (fontTools pen calls)."""

    def __init__(self, origin_x: float, baseline_y: float, scale: float) -> None:
        self._x, self._y, self._scale = origin_x, baseline_y, scale
        self.contours: list[list[Point]] = []
        self._current: list[Point] = []
        self._last: Point = (0.0, 0.0)

    def _image_point(self, point: Point) -> Point:
        return self._x + point[0] * self._scale, self._y - point[1] * self._scale

    def moveTo(self, point: Point) -> None:  # noqa: N802 - the pen protocol's names
        self._current = [self._image_point(point)]
        self._last = point

    def lineTo(self, point: Point) -> None:  # noqa: N802
        self._current.append(self._image_point(point))
        self._last = point

    def qCurveTo(self, *points: Point) -> None:  # noqa: N802
        *controls, end = points
        start = self._last
        for index, control in enumerate(controls):
            # Between two off-curve points TrueType implies an on-curve point midway.
            if index == len(controls) - 1:
                stop = end
            else:
                after = controls[index + 1]
                stop = ((control[0] + after[0]) / 2, (control[1] + after[1]) / 2)
            for step in range(1, CURVE_STEPS + 1):
                t = step / CURVE_STEPS
                x = (1 - t) ** 2 * start[0] + 2 * (1 - t) * t * control[0] + t * t * stop[0]
                y = (1 - t) ** 2 * start[1] + 2 * (1 - t) * t * control[1] + t * t * stop[1]
                self._current.append(self._image_point((x, y)))
            start = stop
        self._last = end

    def curveTo(self, first: Point, second: Point, end: Point) -> None:  # noqa: N802
        start = self._last
        for step in range(1, CURVE_STEPS + 1):
            t = step / CURVE_STEPS
            u = 1 - t
            x = (
                u**3 * start[0]
                + 3 * u * u * t * first[0]
                + 3 * u * t * t * second[0]
                + t**3 * end[0]
            )
            y = (
                u**3 * start[1]
                + 3 * u * u * t * first[1]
                + 3 * u * t * t * second[1]
                + t**3 * end[1]
            )
            self._current.append(self._image_point((x, y)))
        self._last = end

    def closePath(self) -> None:  # noqa: N802
        if len(self._current) > 2:
            self.contours.append(self._current)
        self._current = []

    endPath = closePath  # noqa: N815


GlyphRun = list[tuple[int, int, int, int]]  # glyph id, x advance, x offset, y offset


def glyph_run(font: hb.Font, text: str, shaped: bool) -> GlyphRun:
    if not shaped:
        run = []
        for char in text:
            glyph = font.get_nominal_glyph(ord(char)) or 0
            run.append((glyph, font.get_glyph_h_advance(glyph), 0, 0))
        return run
    buffer = hb.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    hb.shape(font, buffer, {})
    return [
        (info.codepoint, pos.x_advance, pos.x_offset, pos.y_offset)
        for info, pos in zip(buffer.glyph_infos, buffer.glyph_positions, strict=True)
    ]


def render_word(font_file: Path, text: str, shaped: bool, pixels_per_em: int = 100) -> Image.Image:
    face = hb.Face(hb.Blob.from_file_path(str(font_file)))
    font = hb.Font(face)
    scale = pixels_per_em / face.upem
    run = glyph_run(font, text, shaped)
    width = int(sum(advance for _, advance, _, _ in run) * scale) + 4 * pixels_per_em
    size = (width, 3 * pixels_per_em)
    word = Image.new("1", size, 0)
    x = float(pixels_per_em)
    for glyph, advance, x_offset, y_offset in run:
        pen = _PolygonPen(x + x_offset * scale, 2 * pixels_per_em - y_offset * scale, scale)
        font.draw_glyph_with_pen(glyph, pen)
        shape = Image.new("1", size, 0)
        for contour in pen.contours:
            # Even-odd within a glyph makes the holes (of ब, ी...); glyphs then add up.
            mask = Image.new("1", size, 0)
            ImageDraw.Draw(mask).polygon(contour, fill=1)
            shape = ImageChops.logical_xor(shape, mask)
        word = ImageChops.logical_or(word, shape)
        x += advance * scale
    return crop_to_ink(word.convert("L"))


def crop_to_ink(image: Image.Image) -> Image.Image:
    box = image.getbbox()
    assert box is not None, "nothing was drawn"
    return image.crop(box)


def overlap(first: Image.Image, second: Image.Image, size: tuple[int, int] = (240, 90)) -> float:
    """Intersection over union of the two words' ink, both scaled to the same box."""

    def ink(image: Image.Image) -> Image.Image:
        return image.resize(size).point(lambda v: 255 if v > 100 else 0).convert("1")

    a, b = ink(first), ink(second)
    both = ImageChops.logical_and(a, b).histogram()[255]
    either = ImageChops.logical_or(a, b).histogram()[255]
    return both / either
