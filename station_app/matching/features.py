"""A profile reduced to numbers: the columns the candidate index keeps for a fast first pass.

Names, marks, clothing, languages and places become small integer hashes and 64-bit masks.
A shared hash or bit is only a hint (two different marks can share a bit); the detailed
scorer decides.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from station_app.domain import Sex
from station_app.matching.profile import ChildProfile
from station_app.names import is_weak_key, name_words, phonetic_key, word_keys

NAME_KEYS = 6
"""Phonetic keys kept per record (name and aliases): enough for "Ram Kumar urf Golu". The
first is the given name's key, which counts more than a shared surname."""
EPOCH = datetime(2000, 1, 1)
SEX_CODES = {Sex.MALE: 1, Sex.FEMALE: 2}
"""Only male and female can conflict; other and unknown are 0 and match anything."""
COMPLEXION_CODES = {"fair": 0, "wheatish": 1, "brown": 2, "dark": 3}


@dataclass(frozen=True, slots=True)
class Features:
    sex: int
    event_day: float
    event_exact: bool
    age_low: float  # NaN when unknown
    age_high: float
    height: float  # NaN when unknown
    complexion: int  # -1 when unknown
    name_keys: tuple[int, ...]
    languages: int
    marks: int
    clothing: int
    district: int  # 0 when unknown
    state: int


def stable_hash(text: str) -> int:
    """A signed 64-bit hash that is the same in every process (Python's hash() is not)."""
    digest = hashlib.blake2b(text.encode(), digest_size=8).digest()
    value = int.from_bytes(digest, "little", signed=True)
    return value or 1


def _bit(text: str) -> int:
    return 1 << (stable_hash(text) & 63)


@lru_cache(maxsize=16384)
def _name_hashes(name: str, aliases: tuple[str, ...]) -> tuple[int, ...]:
    """Hashes of the name's keys, every reading of each word (so गुड़िया meets Gudiya in
    the first pass), weak words (a shared "Kumar") left out unless there is nothing else."""
    words = [*name_words(name), *(w for alias in aliases for w in name_words(alias))]
    keys = [key for word in words for key in word_keys(word)]
    strong = [key for key in keys if not is_weak_key(key)]
    chosen = list(dict.fromkeys(strong or [key for key in keys if key]))
    return tuple(stable_hash(key) for key in chosen[:NAME_KEYS])


_PLACE_WORDS = {"पश्चिम": "west", "paschim": "west", "pashchim": "west"}
"""Place words that are translated rather than transliterated (पश्चिम बंगाल = West Bengal)."""


@lru_cache(maxsize=4096)
def place_code(text: str) -> int:
    """Hash of a district or state written in either script or spelling: the consonants of
    its phonetic key, all words run together ("Indore" = "इंदौर", "Tamil Nadu" = "तमिलनाडु").
    A rare collision between two places only nudges the first pass."""
    words = [_PLACE_WORDS.get(word.casefold(), word) for word in name_words(text)]
    key = "".join(phonetic_key(word) for word in words)
    skeleton = key[:1] + "".join(c for c in key[1:] if c not in "aeiouy")
    return stable_hash(skeleton) if skeleton else 0


def features(profile: ChildProfile) -> Features:
    age = profile.age
    marks = 0
    for mark in profile.marks:
        marks |= _bit(f"{mark.kind}:{mark.body_part}")
    clothing = 0
    for item in profile.clothing:
        clothing |= _bit(f"{item.garment}:{item.colour}")
    languages = 0
    for language in profile.languages:
        languages |= _bit(language)
    return Features(
        sex=SEX_CODES.get(profile.sex, 0),
        event_day=(profile.event_at - EPOCH).total_seconds() / 86400.0,
        event_exact=profile.event_exact,
        age_low=age.low if age else math.nan,
        age_high=age.high if age else math.nan,
        height=profile.height_cm if profile.height_cm else math.nan,
        complexion=COMPLEXION_CODES.get(profile.complexion or "", -1),
        name_keys=_name_hashes(profile.name, profile.aliases),
        languages=languages,
        marks=marks,
        clothing=clothing,
        district=place_code(profile.district),
        state=place_code(profile.state),
    )
