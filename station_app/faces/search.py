"""Where the faces are: dlib's HOG detector over a small copy of the photo, trying harder
only when the first look finds no clear face.

Every pass looks at a copy whose longest side is at most DETECT_MAX_SIDE px (smaller for
the fallback passes of a squarish photo: FALLBACK_MAX_PIXELS); boxes are mapped back to the
photo's own pixels. The first pass looks at the copy upright, in colour; a face scoring at
least CONFIDENT ends the search there (almost every photo). Else the FALLBACK passes run in
order, in greyscale, until one finds a confident face:

1. turned +30 and -30 degrees (a head or camera tilted about 45-75 degrees; the detector
   itself copes with tilts up to about 35-40 degrees);
2. a quarter turn either way, then a half turn (a photo whose EXIF orientation was lost:
   sideways or upside down);
3. upsampled once (faces smaller than about 80 px on the copy), only if no face at all was
   found so far.

If no pass is confident, the first face found, however weak, is the answer. A weak upright
face does not end the search because an upside-down or sideways photo can give a weak false
face (scores up to 0.13 on the test photos): a confident face in a turned copy then wins,
unless a tilted copy finds it where the weak upright face is (a real face, kept upright).

Cost (CPU, 2-core test machine, a 480x640 copy): upright 24 ms, each tilt 18, each quarter
turn 18, upsampled 70; encoding a face (detection.py) 80. A photo that finds its face only in
the last pass costs about 280 ms in all, one with no face at all about 200.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from PIL import Image

from station_app.faces._engine import Detection, Engine
from station_app.faces.results import FaceMethod

DETECT_MAX_SIDE = 640
FALLBACK_MAX_PIXELS = 640 * 480
"""The fallback passes of a squarer photo than 4:3 use a smaller copy (554x554 for a square
one), so that none costs more than on a 640x480 copy: a pass costs about its pixel count."""
CONFIDENT = 0.5
"""Detector score that ends the search. On the test photos true faces tilted under 30
degrees score 0.6-2.5 (one dim, distant face 0.21); false faces at most 0.13."""


@dataclass(frozen=True, slots=True)
class Pass:
    """One look at the copy: turned `angle` degrees counter-clockwise (PIL's convention),
    then upsampled `upsample` times by dlib."""

    method: FaceMethod
    angle: int = 0
    upsample: int = 0


UPRIGHT = Pass("hog")
FALLBACK: tuple[Pass, ...] = (
    Pass("rotated+30", 30),
    Pass("rotated-30", -30),
    Pass("rotated-90", -90),
    Pass("rotated+90", 90),
    Pass("rotated+180", 180),
    Pass("hog-upsampled", upsample=1),
)
"""Measured on the 10 one-face photos of shared/data/faces and tests/faces/data, each at 12
angles from -90 to 180 degrees (upright included): these passes find the same face (distance
under 0.2) in 102 of 120 cases, where the old search (upright, upsampled, +-30 in expanded
frames, RGB) found 72 and returned a wrong face in 15 (now 10, 7 of them a 130 px photo
taken whole as a face crop, as before).

- Tilts turn the copy inside its own frame, so corners turned out of it are not searched:
  on 144 tilted faces (35-75 degrees) that found 116 against 118 with the frame expanded,
  and cost 168 against 196 ms per photo on average (p95 274 against 311).
- Turns of +-15 were measured earlier (10 photos turned 0-90 degrees in 5 degree steps):
  they never found a face that the upright and +-30 passes missed.
- Quarter turns are exact pixel transposes. -90 goes first: a phone held upright stores its
  photo turned 90 degrees counter-clockwise (EXIF orientation 6).
- Tilts go before quarter turns so a photo turned 45-75 degrees is encoded from the nearer
  turn, as before. Upsampling goes last: it costs as much as four turns.
- Greyscale found the same faces as colour in the turned passes (58 of 100) and in the
  upsampled one (faces of 36-70 px pasted into a 1600x1200 photo: 55 of 56 both ways), and
  is 25-35% faster."""

_QUARTER_TURNS = {
    90: Image.Transpose.ROTATE_90,
    -90: Image.Transpose.ROTATE_270,
    180: Image.Transpose.ROTATE_180,
}


@dataclass(frozen=True, slots=True)
class Found:
    """A face in photo pixels: centre, size, and the turn (degrees CCW) that makes it upright."""

    cx: float
    cy: float
    width: float
    height: float
    angle: float
    method: FaceMethod


def find_faces(engine: Engine, photo: Image.Image) -> list[Found]:
    """Faces in `photo` (RGB), best first: those of the first pass that finds a confident
    face, else of the first pass that finds any; [] when none does."""
    small = _shrink(photo, DETECT_MAX_SIDE, photo.width * photo.height)
    hits, _ = _look(engine, small, UPRIGHT)
    upright = [_to_photo(h, small, small, photo, UPRIGHT) for h in hits]
    if hits and hits[0].score >= CONFIDENT:
        return upright
    weak = upright
    grey = _shrink(small, DETECT_MAX_SIDE, FALLBACK_MAX_PIXELS).convert("L")
    for look in FALLBACK:
        if look.upsample and weak:
            break  # upsampling looks for small faces; a (weak) face was already found
        hits, turned = _look(engine, grey, look)
        if look.angle and hits:  # in a turned copy, no weak extras beside a better face
            hits = [h for h in hits if h.score >= min(CONFIDENT, hits[0].score)]
        found = [_to_photo(h, turned, grey, photo, look) for h in hits]
        if hits and hits[0].score >= CONFIDENT:
            return upright if _confirms(found[0], upright, look) else found
        weak = weak or found
    return weak


def _confirms(face: Found, upright: list[Found], look: Pass) -> bool:
    """Whether `face`, found on a tilted copy, sits on one of the weak upright faces: then
    that face is real and is better encoded as it stands. (Found a quarter or half turn
    away, the upright "face" was the same face lying sideways or upside down.)"""
    return abs(look.angle) < 90 and any(
        abs(face.cx - u.cx) < u.width / 2 and abs(face.cy - u.cy) < u.height / 2 for u in upright
    )


def _shrink(image: Image.Image, max_side: int, max_pixels: int) -> Image.Image:
    scale = min(
        max_side / max(image.width, image.height),
        math.sqrt(max_pixels / (image.width * image.height)),
    )
    if scale >= 1.0:
        return image
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    return image.resize(size, Image.Resampling.BILINEAR, reducing_gap=2.0)


def _look(engine: Engine, small: Image.Image, look: Pass) -> tuple[list[Detection], Image.Image]:
    """Detections on the copy turned for `look`, and that turned copy (turned about its
    centre, so the centres of the two match)."""
    if look.angle in _QUARTER_TURNS:
        turned = small.transpose(_QUARTER_TURNS[look.angle])  # exact and cheap
    elif look.angle:
        # The copy's own frame: 2x cheaper than expanding it, same faces found (FALLBACK).
        turned = small.rotate(look.angle, Image.Resampling.BILINEAR, expand=False)
    else:
        turned = small
    return engine.detect(array(turned), look.upsample), turned


def _to_photo(
    hit: Detection, turned: Image.Image, small: Image.Image, photo: Image.Image, look: Pass
) -> Found:
    """Map a detection on the turned copy back onto the photo, keeping its size."""
    r = hit.rect
    centre = ((r.left + r.right) / 2, (r.top + r.bottom) / 2)
    if look.angle:
        centre = turn_point(
            centre,
            (turned.width / 2, turned.height / 2),
            (small.width / 2, small.height / 2),
            -look.angle,
        )
    sx, sy = photo.width / small.width, photo.height / small.height
    return Found(
        centre[0] * sx,
        centre[1] * sy,
        (r.right - r.left) * sx,
        (r.bottom - r.top) * sy,
        look.angle,
        look.method,
    )


def turn_point(
    point: tuple[float, float],
    centre_from: tuple[float, float],
    centre_to: tuple[float, float],
    angle: float,
) -> tuple[float, float]:
    """Where `point` lands when its image is turned `angle` degrees CCW (y axis down)."""
    a = math.radians(angle)
    dx, dy = point[0] - centre_from[0], point[1] - centre_from[1]
    return (
        centre_to[0] + dx * math.cos(a) + dy * math.sin(a),
        centre_to[1] - dx * math.sin(a) + dy * math.cos(a),
    )


def array(image: Image.Image) -> NDArray[np.uint8]:
    """dlib wants a C-contiguous uint8 array, (height, width, 3) for RGB or (height, width)."""
    return np.asarray(image, dtype=np.uint8)
