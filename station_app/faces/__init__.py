"""Offline face detection, encoding and comparison (dlib HOG + 5-point landmarks + ResNet).

No Qt and no database here: callers pass PIL images (EXIF orientation already applied) and
store the returned float32 vectors themselves. Models load lazily, once; every dlib call
holds one lock, so analysis may run on a worker thread.

    ok, reason = faces_available()      # False: run on attributes alone, show `reason`
    result = analyse_photo(image)       # FaceAnalysis(status, faces)
    weight, why = face_evidence(face_distance(a.vector, b.vector))
"""

from __future__ import annotations

from station_app.faces._engine import FacesUnavailableError, get_engine
from station_app.faces.detection import analyse_photo, encode_box
from station_app.faces.evidence import EVIDENCE_CURVE, distances, face_distance, face_evidence
from station_app.faces.results import (
    Box,
    DetectedFace,
    FaceAnalysis,
    FaceMethod,
    FaceStatus,
)

__all__ = [
    "EVIDENCE_CURVE",
    "Box",
    "DetectedFace",
    "FaceAnalysis",
    "FaceMethod",
    "FaceStatus",
    "FacesUnavailableError",
    "analyse_photo",
    "distances",
    "encode_box",
    "face_distance",
    "face_evidence",
    "faces_available",
]


def faces_available() -> tuple[bool, str]:
    """(True, a short note) when dlib and both models load, else (False, a reason).

    The reason is written for the officer: the app then matches on particulars alone.
    The first call loads the models (0.2-0.6 s); call it from a worker at start-up.
    """
    try:
        get_engine()
    except FacesUnavailableError as exc:
        return False, str(exc)
    return True, "Face matching is available (offline)."
