"""The first pass: one vectorised sweep over every candidate, hard exclusions and a cheap score.

Numeric particulars (sex, age, height, complexion, place, time) and faces are scored exactly
as the detailed pass scores them. Names, marks, clothing and languages, which need text
comparison, are approximated by shared hashes; the hints lean generous so that a true match
with a spelling variant still reaches the short list, where compare_names decides.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from station_app.matching import grading
from station_app.matching.evidence import WEIGHTS
from station_app.matching.exclusions import Direction
from station_app.matching.features import Features
from station_app.matching.index import IndexView
from station_app.matching.numeric import numeric_terms

Floats = NDArray[np.float32]
Flags = NDArray[np.bool_]

NAME_FIRST_HINT = 2.7
"""The given name (first key) of one record is a key of the other: a name match, or nearly."""
NAME_OTHER_HINT = 1.0
"""Only another word is shared (often a surname: Yadav, Khan)."""
NAME_NONE_HINT = -0.5
MARKS_HINT = 2.0
CLOTHING_HINT = 1.2
LANGUAGE_HINT = 0.5
LANGUAGE_NONE_HINT = -0.3


@dataclass(frozen=True, slots=True)
class FirstPass:
    """Per candidate row: the cheap score (-inf when excluded, skipped or free) and the
    nearest face distance (inf when no face is near or none to compare)."""

    scores: Floats
    face_distance: Floats
    excluded: int


def first_pass(
    direction: Direction,
    query: Features,
    query_faces: NDArray[np.float32] | None,
    view: IndexView,
    skip_rows: NDArray[np.intp],
) -> FirstPass:
    columns = view.columns
    terms = numeric_terms(direction, query, columns)
    total = np.zeros(columns.rows, dtype=np.float32)
    for field, scores in terms.scores.items():
        total += np.float32(WEIGHTS[field]) * scores
    total += _name_hints(query, columns.name_keys)
    total += _mask_hints(query, view, terms.days)
    distance = np.full(columns.rows, np.inf, dtype=np.float32)
    if query_faces is not None and len(query_faces):
        distance = nearest_faces(query_faces, view)
        total += _face_scores(distance, columns.has_face)
    excluded = terms.excluded & view.active
    total[excluded | ~view.active] = -np.inf
    total[skip_rows] = -np.inf
    return FirstPass(total, distance, int(np.count_nonzero(excluded)))


def _face_scores(distance: Floats, has_face: Flags) -> Floats:
    """Weighted face evidence: exact for the few candidates with a near face, the flat
    far-face value for the others that have a face, 0 for those without."""
    weight = np.float32(WEIGHTS["face"])
    scores: Floats = has_face * (weight * np.float32(grading.FACE.at(grading.FACE_FLAT_DISTANCE)))
    near = np.flatnonzero(distance < grading.FACE_FLAT_DISTANCE)
    scores[near] = weight * grading.FACE(distance[near])
    return scores


def nearest_faces(query_faces: NDArray[np.float32], view: IndexView) -> Floats:
    """Per candidate row, the smallest distance between its faces and the query's, where it
    is below FACE_FLAT_DISTANCE (beyond that every distance scores the same); else inf.

    One matrix product: |m - q|^2 = |m|^2 + |q|^2 - 2 m.q, in float32 (errors about 1e-3,
    harmless for a first pass; the detailed pass recomputes the exact distance)."""
    best = np.full(len(view.active), np.inf, dtype=np.float32)
    if not len(view.faces):
        return best
    queries = np.asarray(query_faces, dtype=np.float32)
    products = view.faces @ queries.T
    squared = view.face_norms[:, None] - 2 * products
    nearest = squared.min(axis=1) if squared.shape[1] > 1 else squared[:, 0]
    cut = grading.FACE_FLAT_DISTANCE**2 - float((queries * queries).sum(axis=1).min())
    near = np.flatnonzero(nearest < cut)
    near = near[view.face_owner[near] >= 0]
    if len(near):
        query_norms = (queries * queries).sum(axis=1)
        exact = squared[near] + query_norms[None, :]
        values = np.sqrt(np.maximum(exact.min(axis=1), 0.0))
        np.minimum.at(best, view.face_owner[near], values)
    return best


def _name_hints(query: Features, keys: NDArray[np.int64]) -> Floats:
    """keys: (NAME_KEYS, rows), the given name's key first."""
    rows = keys.shape[1]
    if not query.name_keys:
        return np.zeros(rows, dtype=np.float32)
    given = keys[0]
    first_hit = np.zeros(rows, dtype=np.bool_)
    any_hit = np.zeros(rows, dtype=np.bool_)
    for position, key in enumerate(query.name_keys):
        hit = (keys == key).any(axis=0)
        any_hit |= hit
        first_hit |= given == key
        if position == 0:
            first_hit |= hit
    named = given != 0
    hints: Floats = (
        first_hit * np.float32(NAME_FIRST_HINT)
        + (any_hit & ~first_hit) * np.float32(NAME_OTHER_HINT)
        + (named & ~any_hit) * np.float32(NAME_NONE_HINT)
    )
    return hints


def _mask_hints(query: Features, view: IndexView, days: Floats) -> Floats:
    columns = view.columns
    hints = np.zeros(columns.rows, dtype=np.float32)
    if query.marks:
        hints += ((columns.marks & np.uint64(query.marks)) != 0) * np.float32(MARKS_HINT)
    if query.clothing:
        shared = (columns.clothing & np.uint64(query.clothing)) != 0
        hints += shared * (np.float32(CLOTHING_HINT) * grading.clothing_weight(days))
    if query.languages:
        known = columns.languages != 0
        shared = (columns.languages & np.uint64(query.languages)) != 0
        hints += shared * np.float32(LANGUAGE_HINT) + (known & ~shared) * np.float32(
            LANGUAGE_NONE_HINT
        )
    return hints
