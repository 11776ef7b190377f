"""Find faces in a photo and turn each into a 128-d vector.

Detection runs dlib's HOG detector on a copy whose longest side is at most 640 px, which
keeps it near 20-40 ms; boxes are mapped back to the photo's own pixels. When nothing is
found it tries harder, in this order, and stops at the first step that finds a face:

1. the same copy upsampled once (faces smaller than about 80 px on the copy);
2. the copy turned by +30 and -30 degrees, keeping the turn that scores best (the detector
   itself copes with heads tilted up to about 40 degrees, so this catches photos turned
   about 45-75 degrees; see ROTATIONS);
3. if the photo is itself small and face-shaped (a passport-style crop, where the face
   fills the frame and the detector has no margin to work with), the whole photo minus a
   small inset is taken as the face: status "tight_crop", for the officer to confirm;
4. otherwise status "no_face".

Encoding always works on the full-resolution photo: a square around the face is cropped,
reduced to about 200 px across the face, turned upright if it was found rotated, and
handed to the 5-point landmark model and the ResNet encoder.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from PIL import Image

from station_app.faces._engine import Detection, Engine, Rect, get_engine
from station_app.faces.results import Box, DetectedFace, FaceAnalysis, FaceMethod

DETECT_MAX_SIDE = 640
UPSAMPLING: tuple[tuple[int, FaceMethod], ...] = ((0, "hog"), (1, "hog-upsampled"))
ROTATIONS: tuple[tuple[int, FaceMethod], ...] = ((30, "rotated+30"), (-30, "rotated-30"))
"""Degrees counter-clockwise, as PIL's Image.rotate takes them. The detector already has
filters for heads tilted up to about 40 degrees, so +-30 reaches about 75 degrees. Turns
of +-15 were measured too (10 photos, turned 0-90 degrees in 5 degree steps): they never
found a face that the plain and +-30 passes missed, and cost 80-100 ms per failing photo.
Greyscale turned copies found the same 58 of 100 turned faces as colour ones, 27% faster."""

TIGHT_CROP_MAX_SIDE = 600
TIGHT_CROP_ASPECT = (0.6, 1.0)
"""Width / height of a passport-style face crop."""
TIGHT_CROP_INSET = 0.08
"""Fraction of each side left out when the whole photo is taken as the face."""

MIN_FACE_SIDE = 16
"""Smallest face (px) encoded from a marked box or a tight crop; below this it is noise."""

# The encoder looks at a 150 px chip, so more than ~200 px across the face only costs time.
ENCODE_FACE_SIDE = 200
# Crop 2.4x the face so the chip (1.5x the face) stays inside even when turned by 30 degrees.
ENCODE_CROP_FACTOR = 2.4


@dataclass(frozen=True, slots=True)
class _Found:
    """A face in photo pixels: centre, size, and the turn (degrees CCW) that makes it upright."""

    cx: float
    cy: float
    width: float
    height: float
    angle: float
    method: FaceMethod


def analyse_photo(image: Image.Image) -> FaceAnalysis:
    """Detect and encode every face in `image` (EXIF orientation already applied).

    Raises FacesUnavailableError when dlib or its models cannot be loaded.
    """
    engine = get_engine()
    photo = _as_rgb(image)
    if min(photo.size) < MIN_FACE_SIDE:
        return FaceAnalysis("no_face", ())
    found = _find_faces(engine, photo)
    if found:
        faces = sorted((_encode(engine, photo, f) for f in found), key=_box_area, reverse=True)
        return FaceAnalysis("one_face" if len(faces) == 1 else "several_faces", tuple(faces))
    if _looks_like_face_crop(photo.width, photo.height):
        face = _encode(engine, photo, _whole_image_face(photo.width, photo.height))
        return FaceAnalysis("tight_crop", (face,))
    return FaceAnalysis("no_face", ())


def encode_box(image: Image.Image, box: Box) -> DetectedFace:
    """Encode the face an officer marked by hand. `box` is clipped to the photo.

    Best results come from a box from the eyebrows to the chin and from ear to ear.
    Raises ValueError for a box outside the photo or smaller than MIN_FACE_SIDE.
    """
    photo = _as_rgb(image)
    left, top, right, bottom = _clip(box, photo.width, photo.height)
    if min(right - left, bottom - top) < MIN_FACE_SIDE:
        raise ValueError(
            f"The marked face box {box} is too small or outside the photo "
            f"({photo.width}x{photo.height}); mark at least {MIN_FACE_SIDE} px each way."
        )
    found = _Found(
        (left + right) / 2, (top + bottom) / 2, right - left, bottom - top, 0.0, "manual"
    )
    return _encode(get_engine(), photo, found)


def _as_rgb(image: Image.Image) -> Image.Image:
    return image if image.mode == "RGB" else image.convert("RGB")


def _find_faces(engine: Engine, photo: Image.Image) -> list[_Found]:
    scale = min(1.0, DETECT_MAX_SIDE / max(photo.width, photo.height))
    small = photo
    if scale < 1.0:
        size = (max(1, round(photo.width * scale)), max(1, round(photo.height * scale)))
        small = photo.resize(size, Image.Resampling.BILINEAR, reducing_gap=2.0)
    small_rgb = _array(small)
    for upsample, method in UPSAMPLING:
        hits = engine.detect(small_rgb, upsample)
        if hits:
            return [_to_photo(h.rect, small, photo, 0.0, method) for h in hits]
    return _find_turned(engine, small, photo)


def _find_turned(engine: Engine, small: Image.Image, photo: Image.Image) -> list[_Found]:
    """Try every turn and keep the one whose best face scores highest: the first turn that
    finds something may leave the head tilted 45 degrees, which spoils the landmarks."""
    best: list[_Found] = []
    best_score = -math.inf
    for angle, method in ROTATIONS:
        turned = small.rotate(angle, Image.Resampling.BILINEAR, expand=True)
        # Grey is ~25% faster and found the same faces in the ROTATIONS measurement.
        hits = engine.detect(_array(turned.convert("L")), 0)
        if hits and hits[0].score > best_score:
            best_score = hits[0].score
            best = [_from_turned(h, turned, small, photo, angle, method) for h in hits]
    return best


def _to_photo(
    rect: Rect, small: Image.Image, photo: Image.Image, angle: float, method: FaceMethod
) -> _Found:
    sx, sy = photo.width / small.width, photo.height / small.height
    return _Found(
        (rect.left + rect.right) / 2 * sx,
        (rect.top + rect.bottom) / 2 * sy,
        (rect.right - rect.left) * sx,
        (rect.bottom - rect.top) * sy,
        angle,
        method,
    )


def _from_turned(
    hit: Detection,
    turned: Image.Image,
    small: Image.Image,
    photo: Image.Image,
    angle: float,
    method: FaceMethod,
) -> _Found:
    """Map a detection on the turned copy back onto the photo, keeping its size."""
    r = hit.rect
    x, y = _turn_point(
        ((r.left + r.right) / 2, (r.top + r.bottom) / 2),
        (turned.width / 2, turned.height / 2),
        (small.width / 2, small.height / 2),
        -angle,
    )
    sx, sy = photo.width / small.width, photo.height / small.height
    return _Found(x * sx, y * sy, (r.right - r.left) * sx, (r.bottom - r.top) * sy, angle, method)


def _turn_point(
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


def _encode(engine: Engine, photo: Image.Image, face: _Found) -> DetectedFace:
    side = max(face.width, face.height)
    half = side * ENCODE_CROP_FACTOR / 2
    left, top = round(face.cx - half), round(face.cy - half)
    crop_side = max(1, round(2 * half))
    region = photo.crop((left, top, left + crop_side, top + crop_side))  # black outside
    zoom = min(1.0, ENCODE_FACE_SIDE / side)
    if zoom < 1.0:
        size = max(1, round(crop_side * zoom))
        region = region.resize((size, size), Image.Resampling.BILINEAR, reducing_gap=2.0)
        zoom = size / crop_side
    centre = ((face.cx - left) * zoom, (face.cy - top) * zoom)
    if face.angle:
        middle = (region.width / 2, region.height / 2)
        centre = _turn_point(centre, middle, middle, face.angle)
        region = region.rotate(face.angle, Image.Resampling.BILINEAR)
    rect = _rect_around(centre, face.width * zoom, face.height * zoom)
    box = _clip(
        (
            round(face.cx - face.width / 2),
            round(face.cy - face.height / 2),
            round(face.cx + face.width / 2),
            round(face.cy + face.height / 2),
        ),
        photo.width,
        photo.height,
    )
    return DetectedFace(box, engine.encode(_array(region), rect), face.method)


def _rect_around(centre: tuple[float, float], width: float, height: float) -> Rect:
    left, top = round(centre[0] - width / 2), round(centre[1] - height / 2)
    return Rect(left, top, left + max(1, round(width)), top + max(1, round(height)))


def _looks_like_face_crop(width: int, height: int) -> bool:
    low, high = TIGHT_CROP_ASPECT
    if min(width, height) < MIN_FACE_SIDE or max(width, height) > TIGHT_CROP_MAX_SIDE:
        return False
    return low <= width / height <= high


def _whole_image_face(width: int, height: int) -> _Found:
    return _Found(
        width / 2,
        height / 2,
        width * (1 - 2 * TIGHT_CROP_INSET),
        height * (1 - 2 * TIGHT_CROP_INSET),
        0.0,
        "tight-crop",
    )


def _clip(box: Sequence[int], width: int, height: int) -> Box:
    left, top, right, bottom = (int(v) for v in box)
    return (
        min(max(left, 0), width),
        min(max(top, 0), height),
        min(max(right, 0), width),
        min(max(bottom, 0), height),
    )


def _box_area(face: DetectedFace) -> int:
    left, top, right, bottom = face.box
    return (right - left) * (bottom - top)


def _array(image: Image.Image) -> NDArray[np.uint8]:
    # dlib wants a C-contiguous uint8 array, (height, width, 3) for RGB or (height, width).
    return np.asarray(image, dtype=np.uint8)
