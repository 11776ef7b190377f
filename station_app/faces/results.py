"""What face analysis returns: plain frozen values, safe to hand to the UI or the database."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import NDArray

Box = tuple[int, int, int, int]
"""(left, top, right, bottom) in pixels of the photo as given; right and bottom exclusive."""

FaceStatus = Literal["one_face", "several_faces", "no_face", "tight_crop"]

FaceMethod = Literal[
    "hog",  # found on the downscaled photo, upright
    "hog-upsampled",  # found only after doubling the downscaled photo (small faces)
    "rotated+30",  # found only after turning the copy 30 degrees counter-clockwise
    "rotated-30",  # ... or clockwise
    "rotated-90",  # found only after a quarter turn clockwise (EXIF orientation lost)
    "rotated+90",  # ... or counter-clockwise
    "rotated+180",  # ... or a half turn (an upside-down photo)
    "tight-crop",  # nothing found, but the photo is itself a face crop: whole image used
    "manual",  # box marked by an officer
]


@dataclass(frozen=True, slots=True, eq=False)
class DetectedFace:
    """One face: where it is and its 128-d descriptor (float32, read-only)."""

    box: Box
    vector: NDArray[np.float32]
    method: FaceMethod


_MESSAGES: dict[FaceStatus, str] = {
    "one_face": "One face found.",
    "several_faces": "{n} faces found. Choose the child's face.",
    "no_face": (
        "No usable face found in this photo. Mark the face by hand, or use a clearer, "
        "front-facing photo."
    ),
    "tight_crop": (
        "No face was detected, so the whole photo was taken as the face (it looks like a "
        "passport-style crop). Check that it really shows the child's face."
    ),
}


@dataclass(frozen=True, slots=True)
class FaceAnalysis:
    """Outcome of `analyse_photo`. Faces are ordered largest first."""

    status: FaceStatus
    faces: tuple[DetectedFace, ...]

    @property
    def message(self) -> str:
        """A plain-English sentence for the officer."""
        return _MESSAGES[self.status].format(n=len(self.faces))
