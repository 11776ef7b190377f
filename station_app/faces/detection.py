"""Find faces in a photo and turn each into a 128-d vector.

`search.find_faces` finds the faces on a small copy (upright first, then turned or
upsampled copies when no clear face shows; see there). When it finds none and the photo is
itself small and face-shaped (a passport-style crop, where the face fills the frame and the
detector has no margin to work with), the whole photo minus a small inset is taken as the
face: status "tight_crop", for the officer to confirm. Otherwise the status is "no_face".

Encoding always works on the full-resolution photo, once per face, at the turn that found
it: a square around the face is cropped, reduced to about 200 px across the face, turned
upright if it was found turned, and handed to the 5-point landmark model and the ResNet
encoder.
"""

from __future__ import annotations

from collections.abc import Sequence

from PIL import Image

from station_app.faces._engine import Engine, Rect, get_engine
from station_app.faces.results import Box, DetectedFace, FaceAnalysis
from station_app.faces.search import Found, array, find_faces, turn_point

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


def analyse_photo(image: Image.Image) -> FaceAnalysis:
    """Detect and encode every face in `image` (EXIF orientation already applied).

    Raises FacesUnavailableError when dlib or its models cannot be loaded.
    """
    engine = get_engine()
    photo = _as_rgb(image)
    if min(photo.size) < MIN_FACE_SIDE:
        return FaceAnalysis("no_face", ())
    found = find_faces(engine, photo)
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
    found = Found((left + right) / 2, (top + bottom) / 2, right - left, bottom - top, 0.0, "manual")
    return _encode(get_engine(), photo, found)


def _as_rgb(image: Image.Image) -> Image.Image:
    return image if image.mode == "RGB" else image.convert("RGB")


def _encode(engine: Engine, photo: Image.Image, face: Found) -> DetectedFace:
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
        centre = turn_point(centre, middle, middle, face.angle)
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
    return DetectedFace(box, engine.encode(array(region), rect), face.method)


def _rect_around(centre: tuple[float, float], width: float, height: float) -> Rect:
    left, top = round(centre[0] - width / 2), round(centre[1] - height / 2)
    return Rect(left, top, left + max(1, round(width)), top + max(1, round(height)))


def _looks_like_face_crop(width: int, height: int) -> bool:
    low, high = TIGHT_CROP_ASPECT
    if min(width, height) < MIN_FACE_SIDE or max(width, height) > TIGHT_CROP_MAX_SIDE:
        return False
    return low <= width / height <= high


def _whole_image_face(width: int, height: int) -> Found:
    return Found(
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
