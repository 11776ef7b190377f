"""One pair, fully explained: hard exclusions, evidence, combined score and label.

The combined score is a logistic function of the weighted evidence: each particular adds
its score times its weight, and the total is squashed into [0, 1]. With the weights in
evidence.WEIGHTS a pair is "likely" only with two strong pieces of evidence (name and face,
name and a mark, face and a mark) or one with many weaker ones; age, sex and complexion
alone never make it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from station_app.domain import Kind
from station_app.matching.evidence import Pair, pair_evidence
from station_app.matching.exclusions import Direction
from station_app.matching.numeric import Terms
from station_app.matching.profile import ChildProfile
from station_app.matching.results import Candidate, Evidence, Label

OFFSET = 4.5
"""Weighted evidence at which a pair scores 0.5. Set on synthetic registers (seeds 12-14 of
bench/synthetic_registers.py, 2,000 complaints) so that the best candidate of a child with
no complaint at all is labelled "likely" about 5% of the time, while about 80% of true
matches ranked first are; with real confirmed decisions it should be set again."""
LIKELY = 0.7
POSSIBLE = 0.35


def combine(evidence: Sequence[Evidence]) -> float:
    total = sum(e.contribution for e in evidence)
    return round(1.0 / (1.0 + math.exp(OFFSET - total)), 4)


def label_for(score: float) -> Label:
    if score >= LIKELY:
        return "likely"
    return "possible" if score >= POSSIBLE else "unlikely"


def oriented(query: ChildProfile, candidate: ChildProfile) -> Pair:
    """The pair with the complaint first (for duplicates: the query first)."""
    Direction.of(query.kind, candidate.kind)  # refuses found against found
    if query.kind is Kind.FOUND:
        return Pair(candidate, query)
    return Pair(query, candidate)


def score_pair(
    query: ChildProfile,
    candidate: ChildProfile,
    face_distance: float | None = None,
    face_note: str = "No face to compare.",
    terms: Terms | None = None,
) -> Candidate:
    """`candidate` as a match for `query`, every particular explained.

    Pass the smallest distance between the two records' face vectors, or None with a note
    saying why faces were not compared. A pair a hard rule excludes scores 0, its evidence
    still listed so the officer sees why. `terms` may hand in the pair's numeric terms
    already computed (in evidence.Pair's orientation) with those of other candidates.
    """
    pair = oriented(query, candidate)
    terms = terms if terms is not None else pair.terms()
    evidence = tuple(pair_evidence(pair, terms, face_distance, face_note))
    excluded = bool(terms.excluded[0])
    score = 0.0 if excluded else combine(evidence)
    ordered = tuple(sorted(evidence, key=lambda e: -abs(e.contribution)))
    return Candidate(
        record_id=candidate.id,
        kind=candidate.kind,
        case_number=candidate.case_number,
        ref=candidate.ref,
        name=candidate.name,
        score=score,
        label=label_for(score),
        evidence=ordered,
        face_distance=face_distance,
    )


def min_face_distance(a: ChildProfile, b: ChildProfile) -> float | None:
    """Smallest distance between any face of `a` and any face of `b`; None if one has none."""
    if not a.faces or not b.faces:
        return None
    left = np.stack(a.faces).astype(np.float64)
    right = np.stack(b.faces).astype(np.float64)
    gaps = np.linalg.norm(left[:, None, :] - right[None, :, :], axis=2)
    return float(gaps.min())


def exclusion_reasons(query: ChildProfile, candidate: ChildProfile) -> list[str]:
    """Why the hard rules rule this pair out, in the officer's words; [] when they do not."""
    pair = oriented(query, candidate)
    terms = pair.terms()
    first, second = pair.first, pair.second
    reasons = []
    if terms.sex_out[0]:
        reasons.append(f"sex differs ({first.sex.value} / {second.sex.value})")
    if terms.order_out[0]:
        reasons.append(
            f"found on {second.event_at:%d %b %Y}, before last seen on {first.event_at:%d %b %Y}"
        )
    if terms.age_out[0]:
        reasons.append(
            f"ages {terms.age_gap[0]:.1f} years apart even allowing for the time between the "
            "records and for an estimated age"
        )
    return reasons
