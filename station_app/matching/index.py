"""The candidate side kept in memory as numpy arrays, updated one record at a time.

Adding, changing or removing one record touches one row (and its face rows), so the index
is built once and kept current as records are saved.

Records are kept in three partitions by sex: boys, girls, and sex unknown (or other). A boy
is ranked against the boys and the unknowns only, so the hard rule on sex skips the girls
without reading them, face vectors included: half the work for most queries.

Profiles (for the detailed, explained scoring of a short list) are either kept in memory,
without their face vectors, or fetched on demand through a loader (a database query, or a
generator for a million synthetic records).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from station_app.domain import Kind
from station_app.matching.features import SEX_CODES, features
from station_app.matching.partition import IndexView, Partition
from station_app.matching.profile import ChildProfile

__all__ = ["CandidateIndex", "IndexView", "Partition", "ProfileLoader"]

ProfileLoader = Callable[[Sequence[str]], list[ChildProfile]]
UNKNOWN_SEX = 0


class CandidateIndex:
    """Records of one kind (open complaints, or found children) ready for ranking.

    Not thread-safe by itself: hold `lock` around changes and ranking when threads share it.
    """

    def __init__(
        self, kind: Kind, *, loader: ProfileLoader | None = None, capacity: int = 1024
    ) -> None:
        self.kind = kind
        self.lock = threading.RLock()
        self._loader = loader
        self._profiles: dict[str, ChildProfile] = {}
        codes = (UNKNOWN_SEX, *sorted(SEX_CODES.values()))
        self.partitions: dict[int, Partition] = {code: Partition(capacity) for code in codes}
        self._partition_of: dict[str, int] = {}

    def add(self, profile: ChildProfile) -> None:
        """Add a record, or replace it if the index has it already."""
        if profile.kind is not self.kind:
            raise ValueError(f"a {profile.kind.value} record cannot join a {self.kind} index")
        row = features(profile)
        before = self._partition_of.get(profile.id)
        if before is not None and before != row.sex:
            self.partitions[before].remove(profile.id)
        self.partitions[row.sex].add(profile.id, row, profile.faces)
        self._partition_of[profile.id] = row.sex
        if self._loader is None:
            self._profiles[profile.id] = replace(profile, faces=())

    def add_many(self, profiles: Iterable[ChildProfile]) -> None:
        for profile in profiles:
            self.add(profile)

    def remove(self, record_id: str) -> bool:
        """Take a record out (traced, closed, restored, deleted); False if it was not in."""
        code = self._partition_of.pop(record_id, None)
        if code is None:
            return False
        self.partitions[code].remove(record_id)
        self._profiles.pop(record_id, None)
        return True

    def partitions_for(self, sex: int) -> tuple[list[Partition], list[Partition]]:
        """(partitions a query of this sex code is compared with, partitions it is not)."""
        if sex == UNKNOWN_SEX:
            return list(self.partitions.values()), []
        wanted = [self.partitions[UNKNOWN_SEX], self.partitions[sex]]
        others = [p for code, p in self.partitions.items() if code not in (UNKNOWN_SEX, sex)]
        return wanted, others

    def __len__(self) -> int:
        return len(self._partition_of)

    def __contains__(self, record_id: object) -> bool:
        return record_id in self._partition_of

    def ids(self) -> list[str]:
        return list(self._partition_of)

    def profiles(self, record_ids: Sequence[str]) -> list[ChildProfile]:
        """Profiles (without face vectors) of these records, in the same order."""
        if self._loader is not None:
            return self._loader(record_ids)
        return [self._profiles[record_id] for record_id in record_ids]

    def nbytes(self) -> int:
        """Memory held by the arrays (profiles kept in memory not included)."""
        return sum(partition.nbytes() for partition in self.partitions.values())
