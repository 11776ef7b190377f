"""The detailed score of one pair: each particular graded, explained, and combined."""

from __future__ import annotations

from datetime import timedelta

from station_app.domain import Complexion
from station_app.matching.results import Candidate, Evidence
from station_app.matching.scorer import score_pair
from tests.matching.records import FOUND_AT, complaint, face, found, profile


def _evidence(candidate: Candidate, field: str) -> Evidence:
    return next(e for e in candidate.evidence if e.field == field)


def _pair(missing_changes: dict[str, object], found_changes: dict[str, object]) -> Candidate:
    return score_pair(profile(found(**found_changes)), profile(complaint(**missing_changes)))


def test_the_combined_score_is_a_probability_like_number_with_a_label() -> None:
    strong = _pair({}, {})
    weak = _pair({}, {"name": "Sunil", "marks": "scar on chin", "clothing": "green kurta"})
    assert 0 <= weak.score < strong.score <= 1
    assert strong.label == "likely" and weak.label == "unlikely"


def test_neighbouring_complexions_are_close_and_distant_ones_are_not() -> None:
    same = _evidence(_pair({}, {}), "complexion")
    near = _evidence(_pair({"complexion": Complexion.FAIR}, {}), "complexion")
    far = _evidence(
        _pair({"complexion": Complexion.FAIR}, {"complexion": Complexion.DARK}), "complexion"
    )
    assert same.score > near.score > 0 > far.score
    assert "neighbouring" in near.explanation and far.verdict == "against"


def test_age_allows_for_the_time_elapsed_since_last_seen() -> None:
    two_years = FOUND_AT - timedelta(days=730)
    grown = _evidence(_pair({"age_years": 7, "last_seen_at": two_years}, {}), "age")
    assert grown.verdict == "for" and "by then" in grown.explanation
    stale = _evidence(_pair({"age_years": 7}, {"age_min": 11, "age_max": 12}), "age")
    assert stale.verdict == "against" and "years apart" in stale.explanation


def test_height_allows_for_growth_but_not_for_shrinking() -> None:
    long_ago = {"height_cm": 110, "age_years": 7, "last_seen_at": FOUND_AT - timedelta(days=900)}
    grew = _evidence(_pair(long_ago, {"height_cm": 128}), "height")
    assert grew.verdict == "for" and "growth allowed" in grew.explanation
    shrank = _evidence(_pair({"height_cm": 140}, {"height_cm": 112}), "height")
    assert shrank.verdict == "against"


def test_clothing_counts_within_days_and_fades_after() -> None:
    next_day = FOUND_AT - timedelta(days=4)
    fresh = _evidence(_pair({}, {"found_at": next_day, "registered_at": next_day}), "clothing")
    later = {
        "found_at": FOUND_AT + timedelta(days=60),
        "registered_at": FOUND_AT + timedelta(days=60),
    }
    old = _evidence(_pair({}, later), "clothing")
    assert fresh.contribution > 1.0 > old.contribution >= 0


def test_languages_and_places_are_compared_across_scripts() -> None:
    pair = _pair({}, {"district": "रतलाम", "found_place": "रतलाम जंक्शन"})
    assert "Hindi" in _evidence(pair, "languages").explanation
    place = _evidence(pair, "place")
    assert place.verdict == "for" and "Ratlam" in place.explanation


def test_face_distance_is_graded_never_yes_or_no() -> None:
    child, seen = profile(found()), profile(complaint())
    scores = [score_pair(child, seen, d).score for d in (0.3, 0.45, 0.55, 0.65, 0.9)]
    assert scores == sorted(scores, reverse=True)
    assert scores[-1] > 0.5  # strong particulars still stand against unlike faces


def test_the_same_pair_scores_the_same_whichever_side_is_the_query() -> None:
    child = profile(found(), faces=(face(1),))
    seen = profile(complaint(), faces=(face(1, 0.3),))
    assert score_pair(child, seen, 0.4).score == score_pair(seen, child, 0.4).score


def test_duplicate_complaints_compare_complaint_with_complaint() -> None:
    seen = complaint().last_seen_at
    assert seen is not None
    first = profile(complaint("FIR 1/2026"))
    again = profile(
        complaint(
            "FIR 9/2026",
            name="Rajesh",
            marks="mole on left cheek",
            last_seen_at=seen + timedelta(days=1),
        )
    )
    other = profile(
        complaint(
            "FIR 10/2026",
            name="Amit",
            marks="",
            district="Indore",
            last_seen_at=seen - timedelta(days=90),
        )
    )
    duplicate = score_pair(first, again)
    assert duplicate.label == "likely"
    assert "this complaint" in _evidence(duplicate, "age").explanation
    assert score_pair(first, other).label == "unlikely"
