"""Hard exclusions rule out only the impossible: a true pair is never dropped."""

from __future__ import annotations

from datetime import timedelta

import pytest

from station_app.domain import Sex
from station_app.matching.scorer import exclusion_reasons, score_pair
from tests.matching.records import FOUND_AT, LAST_SEEN, complaint, found, profile


def _reasons(missing_changes: dict[str, object], found_changes: dict[str, object]) -> list[str]:
    return exclusion_reasons(profile(found(**found_changes)), profile(complaint(**missing_changes)))


@pytest.mark.parametrize(
    ("missing_changes", "found_changes"),
    [
        ({"sex": Sex.UNKNOWN}, {}),
        ({}, {"sex": Sex.UNKNOWN}),
        ({"sex": Sex.OTHER}, {"sex": Sex.FEMALE}),
        # The estimate is 8-11; the child is 14. Estimates of a thin child are often 3+ years out.
        ({"age_years": 14}, {}),
        ({"age_years": 5}, {}),
        # Three years between last seen at 6 and found "about 9-10": grown, not excluded.
        ({"age_years": 6, "last_seen_at": FOUND_AT - timedelta(days=3 * 365)}, {}),
        # ... and taller by 20 cm.
        (
            {"age_years": 6, "height_cm": 112, "last_seen_at": FOUND_AT - timedelta(days=1100)},
            {"height_cm": 134},
        ),
        # Found the evening before the day written as last seen (a date typed a day out).
        ({"last_seen_at": LAST_SEEN}, {"found_at": LAST_SEEN - timedelta(hours=20)}),
        # No found date: the registration date stands in and orders nothing.
        ({}, {"found_at": None, "registered_at": LAST_SEEN - timedelta(days=30)}),
        # No ages at all.
        ({"age_years": None}, {"age_min": None, "age_max": None}),
    ],
)
def test_true_pairs_in_edge_cases_are_never_ruled_out(
    missing_changes: dict[str, object], found_changes: dict[str, object]
) -> None:
    assert _reasons(missing_changes, found_changes) == []
    pair = score_pair(profile(found(**found_changes)), profile(complaint(**missing_changes)))
    assert pair.score > 0


@pytest.mark.parametrize(
    ("missing_changes", "found_changes", "why"),
    [
        ({"sex": Sex.FEMALE}, {}, "sex differs"),
        ({}, {"found_at": LAST_SEEN - timedelta(days=7)}, "before last seen"),
        ({"age_years": 3}, {"age_min": 14, "age_max": 16}, "years apart"),
        ({"age_years": 17}, {"age_min": 4, "age_max": 6}, "years apart"),
    ],
)
def test_impossible_pairs_are_ruled_out_with_the_reason(
    missing_changes: dict[str, object], found_changes: dict[str, object], why: str
) -> None:
    reasons = _reasons(missing_changes, found_changes)
    assert len(reasons) == 1 and why in reasons[0]
    pair = score_pair(profile(found(**found_changes)), profile(complaint(**missing_changes)))
    assert pair.score == 0 and pair.label == "unlikely"


def test_the_rules_read_the_same_whichever_record_is_the_query() -> None:
    child, seen = profile(found(age_min=14, age_max=15)), profile(complaint(age_years=8))
    assert exclusion_reasons(child, seen) == exclusion_reasons(seen, child)
    assert score_pair(child, seen).score == score_pair(seen, child).score
