"""Candidate indexes kept in memory for an open database and brought up to date on use.

The first use builds the index from the database. Afterwards each use compares a cheap
watermark (counts and newest change times); only when it moved are the candidates' change
stamps read and the records that changed, appeared or left reloaded one by one. So saves
from the GUI, imports, the CLI in another process and new face vectors are all picked up,
and nothing is rebuilt when nothing changed.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from station_app.db.engine import Database
from station_app.domain import Kind
from station_app.matching.db_profiles import (
    BATCH,
    Stamp,
    candidate_stamps,
    load_profiles,
    watermark,
)
from station_app.matching.index import CandidateIndex


@dataclass
class LiveIndex:
    index: CandidateIndex
    stamps: dict[str, Stamp] = field(default_factory=dict)
    mark: tuple[object, ...] | None = None

    def refresh(self, session: Session) -> int:
        """Bring the index in line with the database; returns how many records changed."""
        kind = self.index.kind
        mark = watermark(session, kind)
        if mark == self.mark:
            return 0
        current = candidate_stamps(session, kind)
        gone = [record_id for record_id in self.stamps if record_id not in current]
        changed = [i for i, stamp in current.items() if self.stamps.get(i) != stamp]
        for record_id in gone:
            self.index.remove(record_id)
        for start in range(0, len(changed), BATCH):
            self.index.add_many(load_profiles(session, kind, changed[start : start + BATCH]))
        self.stamps = current
        self.mark = mark
        return len(gone) + len(changed)


_live: weakref.WeakKeyDictionary[Database, dict[Kind, LiveIndex]] = weakref.WeakKeyDictionary()
_live_lock = threading.Lock()


def _live_index(db: Database, kind: Kind) -> LiveIndex:
    with _live_lock:
        per_kind = _live.setdefault(db, {})
        if kind not in per_kind:
            per_kind[kind] = LiveIndex(CandidateIndex(kind))
        return per_kind[kind]


@contextmanager
def current_index(db: Database, session: Session, kind: Kind) -> Iterator[CandidateIndex]:
    """The up-to-date index of `kind` candidates, locked while the caller ranks with it."""
    live = _live_index(db, kind)
    with live.index.lock:
        live.refresh(session)
        yield live.index


def forget(db: Database) -> None:
    """Drop the indexes of a database (closing it, or in tests)."""
    with _live_lock:
        _live.pop(db, None)
