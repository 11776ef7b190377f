"""Records for matching tests: one child as its family reported it and as the officer who
found the child wrote it down (other script, estimated age, other words), and distractors."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

import numpy as np

from station_app.domain import Complexion, FoundDetails, Guardian, MissingDetails, Sex
from station_app.matching.profile import ChildProfile, FaceVector, profile_from_details

LAST_SEEN = datetime(2026, 3, 2, 17, 30)
FOUND_AT = LAST_SEEN + timedelta(days=5)


def complaint(ref: str = "FIR 1/2026", **changes: Any) -> MissingDetails:
    base = MissingDetails(
        ref=ref,
        name="राजेश कुमार",
        sex=Sex.MALE,
        age_years=9,
        height_cm=128,
        complexion=Complexion.WHEATISH,
        marks="बाएं गाल पर तिल",
        clothing="लाल टी-शर्ट और नीली जींस",
        languages=("Hindi", "Bhojpuri"),
        district="Ratlam",
        state="Madhya Pradesh",
        last_seen_at=LAST_SEEN,
        last_seen_place="Ratlam Junction platform 4",
        guardian=Guardian("Suresh", "father", "9876543210"),
        registered_at=LAST_SEEN + timedelta(hours=20),
    )
    return replace(base, **changes)


def found(ref: str = "GD 1/2026", **changes: Any) -> FoundDetails:
    base = FoundDetails(
        ref=ref,
        name="Rajesh",
        sex=Sex.MALE,
        age_min=8,
        age_max=11,
        height_cm=131,
        complexion=Complexion.WHEATISH,
        marks="mole on left cheek",
        clothing="red t-shirt, blue jeans",
        languages=("हिंदी",),
        district="Ujjain",
        state="Madhya Pradesh",
        found_at=FOUND_AT,
        found_place="Ujjain railway station",
        registered_at=FOUND_AT + timedelta(hours=2),
    )
    return replace(base, **changes)


def distractors() -> list[MissingDetails]:
    """Complaints that each share a lot with the found child, but not everything."""
    return [
        complaint("FIR 2/2026", name="Rakesh Kumar"),  # near name, same marks
        complaint("FIR 3/2026", marks="दाहिने हाथ पर जलने का निशान", clothing="सफेद कमीज़"),
        complaint("FIR 4/2026", name="Rajesh Yadav", marks="", age_years=12, height_cm=146),
        complaint("FIR 5/2026", name="Mohd Salim", marks="mole on left cheek"),
        complaint("FIR 6/2026", name="राजेश", sex=Sex.UNKNOWN, marks="scar on forehead",
                  last_seen_at=LAST_SEEN - timedelta(days=200), clothing=""),
        complaint("FIR 7/2026", name="Pooja", sex=Sex.FEMALE),
    ]  # fmt: skip


def profile(
    details: MissingDetails | FoundDetails,
    record_id: str | None = None,
    faces: tuple[FaceVector, ...] = (),
) -> ChildProfile:
    record_id = record_id or details.ref
    return profile_from_details(record_id, f"CASE {details.ref}", details, faces)


def face(seed: int, noise: float = 0.0, noise_seed: int = 0) -> FaceVector:
    """A synthetic 128-d face vector; the same seed is the same face, noise moves it."""
    base = np.random.default_rng(seed).normal(size=128)
    base *= 0.55 / np.linalg.norm(base)
    if noise:
        jitter = np.random.default_rng(10_000 + noise_seed).normal(size=128)
        base += jitter * noise / np.linalg.norm(jitter)
    vector: FaceVector = base.astype(np.float32)
    return vector
