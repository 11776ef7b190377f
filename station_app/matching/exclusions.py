"""Hard exclusions: the only facts that rule a pair out instead of weighing against it.

Each rule is deliberately loose, because a true match ruled out here is never shown:
* sex: a boy is not a girl; unknown or other conflicts with nothing;
* order: a child cannot be found more than a day before it was last seen (only when both
  dates were recorded, not fallen back to registration dates);
* age: the ages, after allowing for the time between the two records, are further apart
  than grading.age_hard_slack (3 years plus a quarter of the older age).

The rules work on numpy arrays (one query against every candidate); scorer.exclusion_reasons
applies the same code to a single pair and says why in words.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from station_app.domain import Kind
from station_app.matching.features import Features
from station_app.matching.grading import age_hard_slack
from station_app.matching.profile import DAYS_PER_YEAR

Floats = NDArray[np.float32]
Flags = NDArray[np.bool_]
ORDER_SLACK_DAYS = 1.0
"""Dates are often written without a time, or a day out: allow one day either way."""


class Direction(enum.Enum):
    """Who is compared with whom: the query's kind, then the candidates' kind."""

    FOUND_TO_MISSING = "found_to_missing"
    MISSING_TO_FOUND = "missing_to_found"
    MISSING_TO_MISSING = "missing_to_missing"

    @staticmethod
    def of(query: Kind, candidates: Kind) -> Direction:
        if query is Kind.FOUND and candidates is Kind.MISSING:
            return Direction.FOUND_TO_MISSING
        if query is Kind.MISSING and candidates is Kind.FOUND:
            return Direction.MISSING_TO_FOUND
        if query is Kind.MISSING and candidates is Kind.MISSING:
            return Direction.MISSING_TO_MISSING
        raise ValueError("found children are not compared with each other")


def years_apart(direction: Direction, days: Floats) -> Floats:
    """Years to add to a candidate's age to get its age at the query's event time. `days` is
    query event minus candidate event. A found child is never younger than when last seen, so
    a found date slightly before the last-seen date (within the order slack) counts as 0."""
    if direction is Direction.FOUND_TO_MISSING:
        days = np.maximum(days, 0.0)
    elif direction is Direction.MISSING_TO_FOUND:
        days = np.minimum(days, 0.0)
    result: Floats = days * (1.0 / DAYS_PER_YEAR)
    return result


def sex_conflict(query_sex: int, sexes: NDArray[np.int8]) -> Flags:
    if query_sex == 0:
        return np.zeros(sexes.shape, dtype=np.bool_)
    conflict: Flags = (sexes != 0) & (sexes != query_sex)
    return conflict


def order_conflict(direction: Direction, query: Features, days: Floats, exact: Flags) -> Flags:
    """Found before last seen. `days` is query event minus candidate event."""
    if direction is Direction.MISSING_TO_MISSING or not query.event_exact:
        return np.zeros(days.shape, dtype=np.bool_)
    if direction is Direction.FOUND_TO_MISSING:
        conflict: Flags = exact & (days < -ORDER_SLACK_DAYS)
    else:
        conflict = exact & (days > ORDER_SLACK_DAYS)
    return conflict


@dataclass(frozen=True, slots=True)
class AgeTerms:
    """Per candidate: the age centres' difference at the later record's time, the gap
    between the age ranges, the older age then, and whether the gap rules the pair out.
    All NaN (and not ruled out) where either age is unknown."""

    difference: Floats
    gap: Floats
    older: Floats
    ruled_out: Flags


def age_terms(query: Features, mid: Floats, half: Floats, years: Floats) -> AgeTerms:
    query_mid = (query.age_low + query.age_high) / 2
    query_half = (query.age_high - query.age_low) / 2
    moved = mid + years
    difference: Floats = query_mid - moved
    gap: Floats = np.maximum(np.abs(difference) - (half + query_half), 0.0)
    older: Floats = np.fmax(query.age_high, moved + half) + np.maximum(-years, 0.0)
    ruled_out: Flags = gap > age_hard_slack(older)  # False where anything is NaN
    return AgeTerms(difference, gap, older, ruled_out)
