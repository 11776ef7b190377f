"""Exclusions and numeric evidence for one query against many candidates at once.

Both the first pass over every candidate and the explained score of a short list (or of one
pair) call `numeric_terms`, so they always agree. It runs over every record for every query,
so it is written for speed: float32, few passes, no work for a particular the query lacks.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np
from numpy.typing import NDArray

from station_app.matching import grading
from station_app.matching.columns import Columns
from station_app.matching.descriptors import COMPLEXION_SCALE, complexion_closeness
from station_app.matching.exclusions import (
    Direction,
    age_terms,
    order_conflict,
    sex_conflict,
    years_apart,
)
from station_app.matching.features import Features

Floats = NDArray[np.float32]
Flags = NDArray[np.bool_]

SAME_SEX = 0.2
SAME_DISTRICT = 0.5
SAME_STATE = 0.1
OTHER_STATE = -0.1
"""Children travel far by train: another state counts only a little against."""
DUPLICATE_SAME_DISTRICT = 0.8
DUPLICATE_OTHER_DISTRICT = -0.4


@dataclass(frozen=True, slots=True)
class Terms:
    """Per candidate: which hard rule rules it out, the quantities behind the numeric
    evidence, and that evidence's scores in [-1, 1] (0 where a side is unknown)."""

    sex_out: Flags
    order_out: Flags
    age_out: Flags
    days: Floats  # query event minus candidate event
    years: Floats  # added to a candidate's age to bring it to the query's time
    age_gap: Floats
    height_gap: Floats
    scores: dict[str, Floats]

    @property
    def excluded(self) -> Flags:
        result: Flags = self.sex_out | self.order_out | self.age_out
        return result

    def row(self, i: int) -> Terms:
        """The terms of candidate `i` alone (arrays of length one)."""
        part = slice(i, i + 1)
        return Terms(
            self.sex_out[part],
            self.order_out[part],
            self.age_out[part],
            self.days[part],
            self.years[part],
            self.age_gap[part],
            self.height_gap[part],
            {field: scores[part] for field, scores in self.scores.items()},
        )

    def seen_from_complaint(self, direction: Direction) -> Terms:
        """The terms with `days` the second record's event minus the complaint's and `years`
        added to the complaint's age (evidence.Pair's orientation). They are computed from
        the query's side, so they turn round when the query is the complaint."""
        if direction is Direction.FOUND_TO_MISSING:
            return self
        return replace(self, days=-self.days, years=-self.years)


def numeric_terms(direction: Direction, query: Features, columns: Columns) -> Terms:
    rows = columns.rows
    days: Floats = query.event_day - columns.event_day
    years = years_apart(direction, days)
    nothing = np.zeros(rows, dtype=np.float32)
    unknown = np.full(rows, np.nan, dtype=np.float32)
    scores = {
        "sex": _sex_scores(query, columns, nothing),
        "age": nothing,
        "height": nothing,
        "complexion": _complexion_scores(query.complexion, columns.complexion, nothing),
        "time": _time_scores(direction, days),
        "place": _place_scores(direction, query, columns, nothing),
    }
    age_gap, age_out, height_gap = unknown, np.zeros(rows, dtype=np.bool_), unknown
    if not math.isnan(query.age_low):
        ages = age_terms(query, columns.age_mid, columns.age_half, years)
        variance = grading.age_variance(
            (query.age_high - query.age_low) / 2, columns.age_half, ages.older
        )
        scores["age"] = np.nan_to_num(grading.age_score(ages.difference, variance), copy=False)
        age_gap, age_out = ages.gap, ages.ruled_out
    if not math.isnan(query.height):
        height_gap, scores["height"] = _height_terms(query.height, columns.height, years)
    return Terms(
        sex_out=sex_conflict(query.sex, columns.sex),
        order_out=order_conflict(direction, query, days, columns.event_exact),
        age_out=age_out,
        days=days,
        years=years,
        age_gap=age_gap,
        height_gap=height_gap,
        scores=scores,
    )


def _sex_scores(query: Features, columns: Columns, nothing: Floats) -> Floats:
    if query.sex == 0:
        return nothing
    same: Floats = (columns.sex == query.sex) * np.float32(SAME_SEX)
    return same


def _height_terms(height: float, heights: Floats, years: Floats) -> tuple[Floats, Floats]:
    """(cm beyond growth and guessing error, score) for a query `height`: the candidates'
    heights grow by up to GROWTH_CM_PER_YEAR over `years` (or shrink back, for negative
    years), and either height may be guessed."""
    error = grading.height_error(height, heights)
    growth = grading.GROWTH_CM_PER_YEAR * years
    low = heights + np.minimum(growth, 0.0) - error
    high = heights + np.maximum(growth, 0.0) + error
    gap: Floats = np.maximum(np.maximum(low - height, height - high), 0.0)  # NaN if unknown
    ratio = gap / error
    known = ratio == ratio  # False for NaN
    scores: Floats = grading.HEIGHT(np.fmax(ratio, 0.0)) * known
    return gap, scores


@lru_cache(maxsize=1)
def _complexion_table() -> NDArray[np.float32]:
    """Score for complexion codes (query, candidate); the last row and column are unknown."""
    size = len(COMPLEXION_SCALE)
    table = np.zeros((size + 1, size + 1), dtype=np.float32)
    for i, a in enumerate(COMPLEXION_SCALE):
        for j, b in enumerate(COMPLEXION_SCALE):
            closeness = complexion_closeness(a, b)
            assert closeness is not None
            table[i, j] = grading.COMPLEXION.at(closeness)
    return table


def _complexion_scores(query: int, candidates: NDArray[np.int8], nothing: Floats) -> Floats:
    if query < 0:
        return nothing
    scores: Floats = _complexion_table()[query][candidates]  # -1 picks the "unknown" entry
    return scores


def _time_scores(direction: Direction, days: Floats) -> Floats:
    if direction is Direction.MISSING_TO_MISSING:
        return grading.DUPLICATE_TIME(np.abs(days))
    elapsed = days if direction is Direction.FOUND_TO_MISSING else -days
    return grading.ELAPSED(elapsed)  # negative (within the order slack) reads as 0


def _place_scores(
    direction: Direction, query: Features, columns: Columns, nothing: Floats
) -> Floats:
    same_district = (columns.district == query.district) & (query.district != 0)
    if direction is Direction.MISSING_TO_MISSING:
        if query.district == 0:
            return nothing
        other = (columns.district != 0) & ~same_district
        duplicate: Floats = same_district * np.float32(
            DUPLICATE_SAME_DISTRICT
        ) + other * np.float32(DUPLICATE_OTHER_DISTRICT)
        return duplicate
    scores: Floats = same_district * np.float32(SAME_DISTRICT)
    if query.state != 0:
        states_known = columns.state != 0
        same_state = states_known & (columns.state == query.state) & ~same_district
        other_state = states_known & (columns.state != query.state) & ~same_district
        scores = (
            scores + same_state * np.float32(SAME_STATE) + other_state * np.float32(OTHER_STATE)
        )
    return scores
