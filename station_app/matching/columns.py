"""The candidate side as columns: one numpy array per particular, one entry per record.

Numbers are float32 (half the memory traffic of float64; a day is still resolved to about
two minutes); unknown numbers are NaN. Name keys are stored key-major, shape (NAME_KEYS,
rows), so that comparing every record's keys with one key is a few contiguous passes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields
from typing import Any

import numpy as np
from numpy.typing import NDArray

from station_app.matching.features import NAME_KEYS, Features

_DTYPES: dict[str, Any] = {
    "sex": np.int8,
    "event_day": np.float32,
    "event_exact": np.bool_,
    "age_mid": np.float32,
    "age_half": np.float32,
    "height": np.float32,
    "complexion": np.int8,
    "name_keys": np.int64,
    "languages": np.uint64,
    "marks": np.uint64,
    "clothing": np.uint64,
    "district": np.int64,
    "state": np.int64,
    "has_face": np.bool_,
}
_EMPTY: dict[str, Any] = {
    "age_mid": math.nan,
    "age_half": math.nan,
    "height": math.nan,
    "complexion": -1,
}


@dataclass(slots=True)
class Columns:
    """Entry i of every array describes the same record. Unused entries hold the empty values."""

    sex: NDArray[np.int8]
    event_day: NDArray[np.float32]
    event_exact: NDArray[np.bool_]
    age_mid: NDArray[np.float32]
    age_half: NDArray[np.float32]
    height: NDArray[np.float32]
    complexion: NDArray[np.int8]
    name_keys: NDArray[np.int64]  # (NAME_KEYS, rows); 0 = no key
    languages: NDArray[np.uint64]
    marks: NDArray[np.uint64]
    clothing: NDArray[np.uint64]
    district: NDArray[np.int64]
    state: NDArray[np.int64]
    has_face: NDArray[np.bool_]

    @classmethod
    def empty(cls, rows: int) -> Columns:
        arrays: dict[str, Any] = {}
        for name, dtype in _DTYPES.items():
            shape = (NAME_KEYS, rows) if name == "name_keys" else (rows,)
            arrays[name] = np.full(shape, _EMPTY.get(name, 0), dtype=dtype)
        return cls(**arrays)

    @classmethod
    def of(cls, rows: list[tuple[Features, bool]]) -> Columns:
        columns = cls.empty(len(rows))
        for i, (row, has_face) in enumerate(rows):
            columns.set_row(i, row, has_face)
        return columns

    @property
    def rows(self) -> int:
        return len(self.sex)

    def grown(self, rows: int) -> Columns:
        """A copy with room for `rows` entries; the new ones are empty."""
        bigger = Columns.empty(rows)
        for item in fields(self):
            old = getattr(self, item.name)
            getattr(bigger, item.name)[..., : old.shape[-1]] = old
        return bigger

    def head(self, rows: int) -> Columns:
        """Views of the first `rows` entries (no copy)."""
        return Columns(**{f.name: getattr(self, f.name)[..., :rows] for f in fields(self)})

    def take(self, rows: NDArray[np.intp]) -> Columns:
        """Copies of the given entries, in that order."""
        return Columns(**{f.name: getattr(self, f.name)[..., rows] for f in fields(self)})

    def set_row(self, i: int, row: Features, has_face: bool) -> None:
        self.sex[i] = row.sex
        self.event_day[i] = row.event_day
        self.event_exact[i] = row.event_exact
        self.age_mid[i] = (row.age_low + row.age_high) / 2
        self.age_half[i] = (row.age_high - row.age_low) / 2
        self.height[i] = row.height
        self.complexion[i] = row.complexion
        self.name_keys[:, i] = 0
        self.name_keys[: len(row.name_keys), i] = row.name_keys
        self.languages[i] = row.languages
        self.marks[i] = row.marks
        self.clothing[i] = row.clothing
        self.district[i] = row.district
        self.state[i] = row.state
        self.has_face[i] = has_face

    def clear_row(self, i: int) -> None:
        for name in _DTYPES:
            getattr(self, name)[..., i] = _EMPTY.get(name, 0)

    def nbytes(self) -> int:
        return sum(getattr(self, item.name).nbytes for item in fields(self))
