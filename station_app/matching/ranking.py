"""Rank every candidate in an index for one record: a vectorised first pass over all of
them, then the detailed, explained score of the best SHORTLIST."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from station_app.domain import Kind
from station_app.matching.exclusions import Direction
from station_app.matching.features import Features, features
from station_app.matching.index import CandidateIndex, Partition
from station_app.matching.numeric import Terms, numeric_terms
from station_app.matching.prefilter import first_pass
from station_app.matching.profile import ChildProfile
from station_app.matching.results import Candidate, Ranking
from station_app.matching.scorer import score_pair

SHORTLIST = 40
"""Candidates scored in detail per query (about 0.15 ms each). In the benchmark a true
complaint outside the first pass's best 40 never reached the final top 5."""
FACE_DISTANCE_DIGITS = 4


@dataclass(frozen=True, slots=True)
class FaceSetting:
    """Whether faces may be used at all, and if not, the officer's explanation."""

    enabled: bool = True
    note: str = ""


def rank(
    index: CandidateIndex,
    query: ChildProfile,
    *,
    top: int = 10,
    skip_ids: Collection[str] = (),
    faces: FaceSetting = FaceSetting(),
    shortlist: int = SHORTLIST,
) -> Ranking:
    """The `top` best candidates for `query`, best first; `skip_ids` are never proposed
    (rejected pairs, the query itself). Hold index.lock when other threads may change it."""
    direction = Direction.of(query.kind, index.kind)
    use_faces = faces.enabled and bool(query.faces)
    query_faces = np.stack(query.faces).astype(np.float32) if use_faces else None
    query_features = features(query)
    skip = {query.id, *skip_ids}
    scanned, unread = index.partitions_for(query_features.sex)
    passes = [_Pass(part, query_features, query_faces, direction, skip) for part in scanned]
    chosen = _best(passes, max(shortlist, top))
    scored = _score_chosen(index, query, chosen, direction, query_features, query_faces, faces)
    scored.sort(key=lambda c: (-c.score, c.case_number, c.record_id))
    skipped = sum(len(p.skip_rows) for p in passes)
    unread_count = sum(len(part) for part in unread)
    return Ranking(
        query_id=query.id,
        query_kind=query.kind,
        query_case_number=query.case_number,
        query_ref=query.ref,
        query_name=query.name,
        candidates=tuple(scored[:top]),
        faces_used=use_faces,
        faces_note=_faces_note(query, faces, use_faces),
        checked=sum(len(p.partition) for p in passes) - skipped + unread_count,
        ruled_out=sum(p.result.excluded for p in passes) + unread_count,
    )


class _Pass:
    """The first pass over one partition."""

    def __init__(
        self,
        partition: Partition,
        query: Features,
        query_faces: NDArray[np.float32] | None,
        direction: Direction,
        skip: set[str],
    ) -> None:
        self.partition = partition
        self.view = partition.view()
        rows = [r for i in skip if (r := partition.row_of(i)) is not None]
        self.skip_rows = np.array(rows, dtype=np.intp)
        self.result = first_pass(direction, query, query_faces, self.view, self.skip_rows)


def _best(passes: list[_Pass], count: int) -> list[tuple[_Pass, int]]:
    """The `count` highest finite first-pass scores over all partitions. Ties are broken by
    a hash of the record id, not by position, so the choice does not depend on the order
    records were added."""
    if not passes:
        return []
    scores = np.concatenate([p.result.scores for p in passes])
    tiebreak = np.concatenate([p.view.tiebreak for p in passes])
    finite = np.flatnonzero(np.isfinite(scores))
    if len(finite) > count:
        cut = np.partition(scores[finite], len(finite) - count)[len(finite) - count]
        finite = finite[scores[finite] >= cut]
    order = finite[np.lexsort((tiebreak[finite], -scores[finite]))[:count]]
    starts = np.cumsum([0, *(len(p.result.scores) for p in passes)])
    owners = np.searchsorted(starts, order, side="right") - 1
    return [(passes[o], int(i - starts[o])) for o, i in zip(owners, order, strict=True)]


def _score_chosen(
    index: CandidateIndex,
    query: ChildProfile,
    chosen: list[tuple[_Pass, int]],
    direction: Direction,
    query_features: Features,
    query_faces: NDArray[np.float32] | None,
    faces: FaceSetting,
) -> list[Candidate]:
    """The short list scored in detail; numeric terms computed per partition at once."""
    terms: dict[tuple[int, int], Terms] = {}
    for each in {id(p): p for p, _ in chosen}.values():
        rows = np.array([row for p, row in chosen if p is each], dtype=np.intp)
        part_terms = numeric_terms(direction, query_features, each.view.columns.take(rows))
        part_terms = part_terms.seen_from_complaint(direction)
        for k, row in enumerate(rows):
            terms[id(each), int(row)] = part_terms.row(k)
    ids = [p.partition.id_at(row) for p, row in chosen]
    return [
        _detailed(query, profile, p.partition.faces_of(row), query_faces, faces, terms[id(p), row])
        for (p, row), profile in zip(chosen, index.profiles(ids), strict=True)
    ]


def _detailed(
    query: ChildProfile,
    candidate: ChildProfile,
    theirs: NDArray[np.float32],
    query_faces: NDArray[np.float32] | None,
    faces: FaceSetting,
    terms: Terms,
) -> Candidate:
    distance = None
    if query_faces is not None and len(theirs):
        gaps = np.linalg.norm(
            query_faces.astype(np.float64)[:, None, :] - theirs.astype(np.float64)[None], axis=2
        )
        distance = round(float(gaps.min()), FACE_DISTANCE_DIGITS)
    note = _pair_face_note(query, candidate, faces, query_faces is not None, bool(len(theirs)))
    return score_pair(query, candidate, distance, note, terms)


def _record_word(kind: Kind) -> str:
    return "complaint" if kind is Kind.MISSING else "found record"


def _pair_face_note(
    query: ChildProfile, candidate: ChildProfile, faces: FaceSetting, mine: bool, theirs: bool
) -> str:
    if not faces.enabled:
        return f"Faces not compared: {faces.note}"
    if not mine:
        return f"No face to compare: this {_record_word(query.kind)} has no face from a photo"
    if not theirs:
        return f"No face to compare: the {_record_word(candidate.kind)} has no face from a photo"
    return ""


def _faces_note(query: ChildProfile, faces: FaceSetting, used: bool) -> str:
    if not faces.enabled:
        return faces.note
    if not used:
        return (
            f"This {_record_word(query.kind)} has no face from a photo, so faces were not "
            "compared; add a clear photo or mark the face by hand."
        )
    return "Faces compared (offline)."
