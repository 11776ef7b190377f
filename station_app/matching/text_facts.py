"""The written particulars compared (names, marks, clothing, languages, places), cached.

A register repeats names, marks, clothes and languages endlessly, and a short list compares
one query with many records, so each comparison is cached on its (hashable) input.
"""

from __future__ import annotations

from functools import lru_cache

from station_app.matching.descriptors import (
    ClothingFact,
    FactComparison,
    MarkFact,
    compare_clothing,
    compare_languages,
    compare_marks,
    complexion_closeness,
)
from station_app.names import NameComparison, compare_names, name_words, phonetic_key

Labels = tuple[str, str]
_CACHE = 32768

PET_NAMES = (
    "golu", "chhotu", "chotu", "munna", "munni", "guddu", "guddi", "pappu", "bablu", "babloo",
    "sonu", "monu", "pinky", "babli", "bunty", "bittu", "tinku", "raju", "chintu", "pintu",
    "lalla", "lalli", "baby", "kallu", "chhoti", "rinku", "titu", "nanhe", "bhola", "gudiya",
    "chhutki", "chhutku", "bholu", "tunnu", "lado",
)  # fmt: skip
"""Names a family calls a child at home; a child may give only this one."""
COMMON_PLACE_WORDS = (
    "railway", "station", "junction", "jn", "platform", "bus", "stand", "road", "market",
    "bazar", "chowk", "gate", "near", "village", "gram", "city", "nagar", "colony", "ward",
    "रेलवे", "स्टेशन", "जंक्शन", "प्लेटफॉर्म", "बस", "स्टैंड", "रोड", "बाज़ार", "चौक", "ग्राम",
)  # fmt: skip
"""Words that two place descriptions share without being the same place."""


@lru_cache(maxsize=_CACHE)
def names(a: str, a_aliases: tuple[str, ...], b: str, b_aliases: tuple[str, ...]) -> NameComparison:
    return compare_names(a, a_aliases, b, b_aliases)


@lru_cache(maxsize=_CACHE)
def marks(a: tuple[MarkFact, ...], b: tuple[MarkFact, ...], labels: Labels) -> FactComparison:
    return compare_marks(a, b, labels=labels)


@lru_cache(maxsize=_CACHE)
def clothing(
    a: tuple[ClothingFact, ...], b: tuple[ClothingFact, ...], days: float, labels: Labels
) -> FactComparison:
    return compare_clothing(a, b, days, labels=labels)


@lru_cache(maxsize=_CACHE)
def languages(a: frozenset[str], b: frozenset[str], labels: Labels) -> FactComparison:
    return compare_languages(a, b, labels=labels)


@lru_cache(maxsize=64)
def complexions(a: str, b: str) -> float | None:
    return complexion_closeness(a, b)


@lru_cache(maxsize=1)
def _pet_keys() -> frozenset[str]:
    return frozenset(phonetic_key(word) for word in PET_NAMES)


def pet_name_only(name: str) -> bool:
    """Only a pet name ("Golu", "छोटू"): children often give the one the family calls them."""
    keys = [phonetic_key(word) for word in name_words(name)]
    return bool(keys) and all(key in _pet_keys() for key in keys)


@lru_cache(maxsize=1)
def _common_place_keys() -> frozenset[str]:
    return frozenset(phonetic_key(word) for word in COMMON_PLACE_WORDS)


@lru_cache(maxsize=4096)
def place_keys(text: str) -> frozenset[str]:
    """Phonetic keys of the telling words of a place ("Ratlam Junction platform 4" ->
    {"ratlam"}), in either script."""
    keys = (phonetic_key(word) for word in name_words(text))
    return frozenset(k for k in keys if len(k) >= 4 and k not in _common_place_keys())
