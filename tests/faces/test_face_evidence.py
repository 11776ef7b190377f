"""Distances and the evidence curve: pure numpy, no dlib needed."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest

from station_app.faces import EVIDENCE_CURVE, distances, face_distance, face_evidence


def _vectors(n: int, seed: int = 7) -> np.ndarray:
    return np.random.default_rng(seed).normal(0, 0.1, (n, 128)).astype(np.float32)


def test_face_distance_is_euclidean_symmetric_and_zero_on_itself() -> None:
    a, b = _vectors(2)
    assert face_distance(a, a) == 0.0
    assert face_distance(a, b) == pytest.approx(face_distance(b, a))
    assert face_distance(a, b) == pytest.approx(float(np.sqrt(((a - b) ** 2).sum())), rel=1e-6)


def test_distances_matches_pairwise_and_handles_empty_matrix() -> None:
    query, *rows = _vectors(6)
    matrix = np.stack(rows)
    result = distances(query, matrix)
    assert result.shape == (5,)
    assert result == pytest.approx([face_distance(query, row) for row in rows])
    assert distances(query, np.zeros((0, 128), dtype=np.float32)).shape == (0,)


@pytest.mark.parametrize("bad", [np.zeros(127), np.zeros((2, 128)), np.zeros(129)])
def test_face_distance_rejects_wrong_shapes(bad: np.ndarray) -> None:
    with pytest.raises(ValueError, match="shape"):
        face_distance(np.zeros(128), bad)


def test_distances_rejects_wrong_matrix_shape() -> None:
    with pytest.raises(ValueError, match="matrix"):
        distances(np.zeros(128), np.zeros((3, 64)))


def test_evidence_follows_the_documented_anchor_points() -> None:
    for distance, weight in EVIDENCE_CURVE:
        assert face_evidence(distance)[0] == pytest.approx(weight)
    assert face_evidence(0.0)[0] == 1.0
    assert face_evidence(1.2)[0] == 0.0


def test_evidence_never_rises_with_distance_and_stays_in_unit_range() -> None:
    weights = [face_evidence(d)[0] for d in np.linspace(0, 1.5, 301)]
    assert all(0.0 <= w <= 1.0 for w in weights)
    assert all(later <= earlier for earlier, later in itertools.pairwise(weights))


@pytest.mark.parametrize(
    ("distance", "words"),
    [
        (0.35, "strongly alike"),
        (0.45, "moderate"),
        (0.55, "weak"),
        (0.65, "slightly against"),
    ],
)
def test_evidence_bands_are_explained_in_plain_english(distance: float, words: str) -> None:
    _, text = face_evidence(distance)
    assert words in text
    assert f"{distance:.2f}" in text
    assert "child" in text.lower()  # every explanation carries the caution about children's faces


def test_strong_beats_moderate_beats_weak_beats_none() -> None:
    strong, moderate, weak, none = (face_evidence(d)[0] for d in (0.35, 0.45, 0.55, 0.65))
    assert strong > moderate > weak > none
    assert strong >= 0.85 > moderate >= 0.55 > weak >= 0.20 > none


@pytest.mark.parametrize("bad", [-0.1, math.nan, math.inf])
def test_evidence_rejects_impossible_distances(bad: float) -> None:
    with pytest.raises(ValueError):
        face_evidence(bad)
