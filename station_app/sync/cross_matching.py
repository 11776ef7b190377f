"""Cross-station matching at HQ: what a batch brought, ranked against the other stations.

A found child who arrived is ranked against the open complaints of every other station,
and a complaint that arrived against the found children of every other station, with the
same ranking the stations use. Pairs ranked likely or possible are kept for review
(hq_cross_matches); pairs an officer rejected are never proposed again.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from station_app.db.base import utcnow
from station_app.db.models import CrossStationMatch
from station_app.domain import Kind
from station_app.matching import decisions
from station_app.matching.db_profiles import BATCH, candidate_filter, load_profiles, model_of
from station_app.matching.index import CandidateIndex
from station_app.matching.ranking import FaceSetting, rank
from station_app.matching.results import Candidate
from station_app.sync.progress import Ticker

TOP = 5
KEPT_LABELS = ("likely", "possible")


@dataclass(frozen=True, slots=True)
class CrossMatch:
    found_id: str
    found_case_number: str
    found_station: str
    missing_id: str
    missing_case_number: str
    missing_station: str
    score: float
    label: str


def _candidates_elsewhere(session: Session, kind: Kind, station: str) -> dict[str, str]:
    """Candidate records of `kind` at every station but `station`: id -> station code."""
    model = model_of(kind)
    rows = session.execute(
        select(model.id, model.station_code).where(
            candidate_filter(kind), model.station_code != station
        )
    )
    return {record_id: code for record_id, code in rows}


def _candidates_among(session: Session, kind: Kind, ids: Collection[str]) -> list[str]:
    model = model_of(kind)
    chosen: list[str] = []
    items = sorted(ids)
    for start in range(0, len(items), BATCH):
        batch = items[start : start + BATCH]
        chosen.extend(
            session.scalars(select(model.id).where(model.id.in_(batch), candidate_filter(kind)))
        )
    return sorted(chosen)


def _index(session: Session, kind: Kind, ids: list[str]) -> CandidateIndex:
    index = CandidateIndex(kind)
    for start in range(0, len(ids), BATCH):
        index.add_many(load_profiles(session, kind, ids[start : start + BATCH]))
    return index


def find_cross_station_matches(
    session: Session,
    station: str,
    arrived: dict[Kind, set[str]],
    faces: FaceSetting,
    ticker: Ticker,
    batch_id: str | None = None,
) -> list[CrossMatch]:
    """Rank what arrived from `station` against the other stations; keep and return the
    likely and possible pairs."""
    rejected = decisions.all_rejections(session)
    rejected_for_missing: dict[str, set[str]] = {}
    for found_id, missing_ids in rejected.items():
        for missing_id in missing_ids:
            rejected_for_missing.setdefault(missing_id, set()).add(found_id)
    plans = []
    for query_kind in (Kind.FOUND, Kind.MISSING):
        against = Kind.MISSING if query_kind is Kind.FOUND else Kind.FOUND
        elsewhere = _candidates_elsewhere(session, against, station)
        queries = _candidates_among(session, query_kind, arrived.get(query_kind, set()))
        if elsewhere and queries:
            plans.append((query_kind, against, elsewhere, queries))
    ticker.phase(0.1, sum(len(q) for *_, q in plans) + 1)
    found: dict[tuple[str, str], CrossMatch] = {}
    for query_kind, against, elsewhere, queries in plans:
        index = _index(session, against, sorted(elsewhere))
        skips = rejected if query_kind is Kind.FOUND else rejected_for_missing
        for start in range(0, len(queries), BATCH):
            for query in load_profiles(session, query_kind, queries[start : start + BATCH]):
                ticker.advance()
                ranking = rank(index, query, top=TOP, skip_ids=skips.get(query.id, ()), faces=faces)
                for candidate in ranking.candidates:
                    if candidate.label in KEPT_LABELS:
                        match = _pair(query_kind, query.id, query.case_number, station,
                                      candidate, elsewhere[candidate.record_id])  # fmt: skip
                        key = (match.found_id, match.missing_id)
                        if key not in found or found[key].score < match.score:
                            found[key] = match
    matches = sorted(found.values(), key=lambda m: (-m.score, m.found_case_number))
    _keep(session, matches, batch_id)
    return matches


def _pair(
    query_kind: Kind,
    query_id: str,
    query_case: str,
    query_station: str,
    candidate: Candidate,
    candidate_station: str,
) -> CrossMatch:
    if query_kind is Kind.FOUND:
        return CrossMatch(query_id, query_case, query_station, candidate.record_id,
                          candidate.case_number, candidate_station, candidate.score,
                          candidate.label)  # fmt: skip
    return CrossMatch(candidate.record_id, candidate.case_number, candidate_station, query_id,
                      query_case, query_station, candidate.score, candidate.label)  # fmt: skip


def _keep(session: Session, matches: list[CrossMatch], batch_id: str | None) -> None:
    now = utcnow()
    for match in matches:
        row = session.scalar(
            select(CrossStationMatch).where(
                CrossStationMatch.found_id == match.found_id,
                CrossStationMatch.missing_id == match.missing_id,
            )
        )
        if row is None:
            session.add(
                CrossStationMatch(
                    found_id=match.found_id,
                    missing_id=match.missing_id,
                    found_station=match.found_station,
                    missing_station=match.missing_station,
                    score=match.score,
                    label=match.label,
                    batch_id=batch_id,
                    created_at=now,
                    updated_at=now,
                )
            )
        else:
            row.score, row.label, row.updated_at = match.score, match.label, now
            row.batch_id = batch_id or row.batch_id
