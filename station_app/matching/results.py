"""What matching hands to the UI and the CLI: plain frozen values, safe across threads."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from station_app.domain import Kind

Verdict = Literal["for", "against", "neutral"]
Label = Literal["likely", "possible", "unlikely"]
NEUTRAL_BAND = 0.05
"""A weighted contribution smaller than this either way is shown as neutral."""


@dataclass(frozen=True, slots=True)
class Evidence:
    """One particular compared: its score in [-1, 1], how much it weighs, and why."""

    field: str
    score: float
    weight: float
    explanation: str

    @property
    def contribution(self) -> float:
        return self.score * self.weight

    @property
    def verdict(self) -> Verdict:
        if self.contribution > NEUTRAL_BAND:
            return "for"
        if self.contribution < -NEUTRAL_BAND:
            return "against"
        return "neutral"


@dataclass(frozen=True, slots=True)
class Candidate:
    """One record proposed for the query, with every piece of evidence, best first."""

    record_id: str
    kind: Kind
    case_number: str
    ref: str
    name: str
    score: float
    label: Label
    evidence: tuple[Evidence, ...]
    face_distance: float | None = None

    @property
    def reasons_for(self) -> tuple[Evidence, ...]:
        return tuple(e for e in self.evidence if e.verdict == "for")

    @property
    def reasons_against(self) -> tuple[Evidence, ...]:
        return tuple(e for e in self.evidence if e.verdict == "against")


@dataclass(frozen=True, slots=True)
class Ranking:
    """The candidates for one record, best first.

    `faces_used` is False, with `faces_note` saying why, when faces played no part (the face
    library is missing, or the record has no face to compare); the officer must be told.
    `checked` records were compared and `ruled_out` of them excluded by a hard rule.
    """

    query_id: str
    query_kind: Kind
    query_case_number: str
    query_ref: str
    query_name: str
    candidates: tuple[Candidate, ...]
    faces_used: bool
    faces_note: str
    checked: int = 0
    ruled_out: int = 0
