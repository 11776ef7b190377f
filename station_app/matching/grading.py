"""What each measurable particular is worth as evidence: the curves both scoring passes share.

The vectorised pass over every candidate and the detailed, explained pass over the short
list call these same functions on float32 arrays, so they never disagree about age, height,
complexion, time or face. `at` evaluates a curve at a single point.

Scores are in [-1, 1]: positive supports the match, negative speaks against it.
"""

from __future__ import annotations

import math
from itertools import pairwise
from typing import Any

import numpy as np
from numpy.typing import NDArray

from station_app.faces import EVIDENCE_CURVE
from station_app.matching.descriptors import CLOTHING_HALF_LIFE_DAYS

Floats = NDArray[np.float32]
Points = tuple[tuple[float, float], ...]


class Curve:
    """A piecewise-linear curve. Arrays read it from a table at `step` spacing (np.interp
    costs about 1.5 ms per 100,000 values, the table a sixth of that); `at` computes one
    point exactly. Outside its points the curve is flat. NaN inputs to an array call give
    the first point's value: callers mask unknowns."""

    __slots__ = ("_inverse", "_last", "_start", "_table", "points")

    def __init__(self, points: Points, step: float) -> None:
        xs, ys = zip(*points, strict=True)
        self.points = points
        self._start = xs[0]
        self._inverse = 1.0 / step
        grid = xs[0] + step * np.arange(round((xs[-1] - xs[0]) / step) + 1)
        self._table = np.interp(grid, xs, ys).astype(np.float32)
        self._last = len(self._table) - 1

    def __call__(self, x: Floats) -> Floats:
        index = ((x - self._start) * self._inverse + 0.5).astype(np.int32)
        np.maximum(index, 0, out=index)  # np.clip costs 0.1 ms per call in overhead alone
        np.minimum(index, self._last, out=index)
        result: Floats = self._table[index]
        return result

    def at(self, x: float) -> float:
        """The curve at one point, interpolated exactly (this runs once per candidate)."""
        points = self.points
        if x <= points[0][0]:
            return points[0][1]
        for (x0, y0), (x1, y1) in pairwise(points):
            if x <= x1:
                return y0 + (y1 - y0) * (x - x0) / (x1 - x0) if x1 > x0 else y1
        return points[-1][1]


# --- age -------------------------------------------------------------------------------------
AGE_HARD_SLACK_YEARS = 3.0
AGE_HARD_SLACK_FRACTION = 0.25
"""A pair is ruled out only when the ages are further apart than 3 years plus a quarter of
the older age (5.5 years at 10, 7 at 16): eye estimates of a child's age, especially of a
thin or frightened teenager, are often 3-4 years out, and a true match must never be lost."""
AGE_PRIOR_YEARS = 18.0
"""A child in the registers is anywhere from 0 to 18: the spread an unrelated record has."""
AGE_BASE_VARIANCE = 0.6
AGE_VARIANCE_PER_YEAR = 0.08
"""Beyond the ranges written, an age is off by about sqrt(0.6 + (0.08 * age)^2) years: 0.8
at 2, 1.4 at 15 (teenagers are the hardest to estimate)."""
_LOG_PRIOR = math.log(AGE_PRIOR_YEARS / math.sqrt(2 * math.pi))

# --- height ----------------------------------------------------------------------------------
GROWTH_CM_PER_YEAR = 9.0
"""Fastest usual growth (the pubertal spurt); a younger child grows 5-7 cm a year."""
HEIGHT_ERROR_CM = 5.0
HEIGHT_ERROR_FRACTION = 0.05
"""A height guessed by eye is off by about 5 cm plus 5%."""
HEIGHT = Curve(((0.0, 0.3), (1.0, 0.0), (2.0, -0.5), (3.0, -0.8)), 0.01)
"""(gap beyond growth and error / error, score)."""

# --- complexion ------------------------------------------------------------------------------
COMPLEXION = Curve(((0.0, -0.7), (0.1, -0.4), (0.6, 0.15), (1.0, 0.3)), 0.01)
"""(closeness from descriptors.complexion_closeness, score): neighbours on the scale
(fair/wheatish) count a little for, two steps apart against, fair against dark clearly so."""

# --- time ------------------------------------------------------------------------------------
ELAPSED = Curve(
    ((0.0, 0.8), (3.0, 0.75), (7.0, 0.6), (30.0, 0.3), (90.0, 0.05), (365.0, -0.15),
     (1095.0, -0.3)),
    0.5,
)  # fmt: skip
"""(days from last seen to found, score): most children are found within days or weeks, while
an unrelated complaint's date is spread over the years the register covers, so a complaint
from last week is far likelier than one from last year; a long gap counts only a little
against (a child found years later must still be findable)."""
DUPLICATE_TIME = Curve(((0.0, 0.8), (2.0, 0.6), (7.0, 0.2), (30.0, -0.2), (180.0, -0.6)), 0.5)
"""(days between two complaints' last-seen times, score), for duplicate complaints."""

# --- face ------------------------------------------------------------------------------------
FACE_FLAT_DISTANCE = 0.8
"""From here on a face distance says nothing more: every value scores the same."""
FACE = Curve(
    (*(p for p in EVIDENCE_CURVE if p[0] <= 0.6), (0.7, -0.15), (FACE_FLAT_DISTANCE, -0.3)),
    0.001,
)
"""faces.face_evidence's curve (1.0 below 0.3 ... 0.2 at 0.6), extended slightly below zero for
clearly unlike faces: children's faces change, so even a large distance is only mild
evidence against."""

# --- name ------------------------------------------------------------------------------------
NAME = Curve(((0.0, -0.5), (0.35, 0.1), (0.6, 0.45), (0.85, 0.8), (1.0, 1.0)), 0.005)
"""(names.compare_names score, evidence): a different name counts only mildly against, since
a frightened child gives a pet name or a name the family never uses."""


def age_hard_slack(older: Floats) -> Floats:
    return _f32(AGE_HARD_SLACK_YEARS + AGE_HARD_SLACK_FRACTION * np.maximum(older, 0.0))


def age_score(difference: Floats, variance: Floats) -> Floats:
    """How much two ages support a match: the log-likelihood ratio of their centres being
    `difference` apart if the records are one child (a normal error of the given variance:
    the ranges' half widths squared plus age_variance) against an unrelated child (any age
    0-18), halved and clipped to [-1, 1]. A narrow estimate hit in the middle scores most, a
    wide one less; three errors off is strong evidence against (only the hard rule rules a
    pair out). NaN where either age is unknown."""
    log_ratio = _LOG_PRIOR - 0.5 * np.log(variance) - difference * difference / (2 * variance)
    return _f32(np.clip(log_ratio * 0.5, -1.0, 1.0))


def age_variance(half_a: Floats | float, half_b: Floats, older: Floats) -> Floats:
    """The variance of the difference between two age centres: both ranges' half widths,
    plus how far any estimate of a child that age goes wrong."""
    spread = AGE_VARIANCE_PER_YEAR * np.maximum(older, 0.0)
    return _f32(half_a * half_a + AGE_BASE_VARIANCE + half_b * half_b + spread * spread)


def height_error(a: float, b: Floats) -> Floats:
    return _f32(HEIGHT_ERROR_CM + HEIGHT_ERROR_FRACTION * 0.5 * (a + b))


def clothing_weight(days: Floats) -> Floats:
    """descriptors.clothing_weight for arrays: clothes get changed within days."""
    ratio = np.abs(days) / CLOTHING_HALF_LIFE_DAYS
    return _f32(1.0 / (1.0 + ratio * ratio * ratio))


def _f32(values: NDArray[np.floating[Any]]) -> Floats:
    """The array as float32: a no-op for the float32 arithmetic here (numpy keeps float32
    with Python number operands), which numpy's type stubs call float64."""
    return values.astype(np.float32, copy=False)
