"""Distances between face vectors, and what a distance is worth as evidence.

The encoder was trained mostly on adults. Children's faces sit closer together in its
space, and a child photographed two years apart moves further away, so a distance is
graded evidence to weigh with the other particulars, never a yes or no.

Evidence curve (piecewise linear between these points, flat outside them):

    distance   evidence   band
    <= 0.30     1.00      strong
       0.40     0.85      strong / moderate boundary
       0.50     0.55      moderate / weak boundary
       0.60     0.20      weak / none boundary
    >= 0.70     0.00      none (slightly against a match)

For adults the model's usual same-person cut-off is 0.6; on the project's test photos the
same adult scores 0.35-0.45 and different adults 0.71 and above.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike, NDArray

from station_app.faces._engine import VECTOR_SIZE

EVIDENCE_CURVE: tuple[tuple[float, float], ...] = (
    (0.30, 1.00),
    (0.40, 0.85),
    (0.50, 0.55),
    (0.60, 0.20),
    (0.70, 0.00),
)

_LOOK_ALIKE = "Children's faces often look alike to the computer: confirm with other details."
_MAY_CHANGE = "Age, angle and light can change a child's face a lot, so this rules nothing out."
_BANDS: tuple[tuple[float, str, str], ...] = (  # (distance below, meaning, caution)
    (0.40, "Faces look strongly alike", _LOOK_ALIKE),
    (0.50, "Faces look fairly alike: moderate support", _LOOK_ALIKE),
    (0.60, "Faces look a little alike: weak support", _LOOK_ALIKE),
    (math.inf, "Faces do not look alike: no support, slightly against a match", _MAY_CHANGE),
)


def face_distance(a: ArrayLike, b: ArrayLike) -> float:
    """Euclidean distance between two 128-d face vectors (0 = identical)."""
    va, vb = _vector(a), _vector(b)
    return float(np.linalg.norm(va - vb))


def distances(query: ArrayLike, matrix: ArrayLike) -> NDArray[np.float64]:
    """Distance from `query` (128,) to each row of `matrix` (n, 128); n may be 0."""
    q = _vector(query)
    m = np.asarray(matrix, dtype=np.float64)
    if m.size == 0:
        return np.zeros(0, dtype=np.float64)
    if m.ndim != 2 or m.shape[1] != VECTOR_SIZE:
        raise ValueError(f"expected an (n, {VECTOR_SIZE}) matrix, got shape {m.shape}")
    result: NDArray[np.float64] = np.linalg.norm(m - q, axis=1)
    return result


def face_evidence(distance: float) -> tuple[float, str]:
    """Evidence in [0, 1] that two faces are the same child, with a plain-English reason."""
    if not math.isfinite(distance) or distance < 0:
        raise ValueError(f"a face distance must be a finite number >= 0, got {distance}")
    xs, ys = zip(*EVIDENCE_CURVE, strict=True)
    weight = float(np.interp(distance, xs, ys))
    text, caution = next((t, c) for limit, t, c in _BANDS if distance < limit)
    return weight, f"{text} (face distance {distance:.2f}). {caution}"


def _vector(value: ArrayLike) -> NDArray[np.float64]:
    v = np.asarray(value, dtype=np.float64)
    if v.shape != (VECTOR_SIZE,):
        raise ValueError(f"expected a face vector of shape ({VECTOR_SIZE},), got {v.shape}")
    return v
