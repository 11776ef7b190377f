"""Batch numbers at HQ: each station numbers its batches 1, 2, 3...; HQ merges them in
order, and a number seen twice or skipped is never merged silently.

The rules, for a batch numbered n from a station whose highest merged batch is `last`:

* n was merged before, from the very same file (same SHA-256): nothing to do. The
  import says so and succeeds: importing a batch twice is harmless.
* n was merged before from a different file: refused. Two batches with one number mean
  the station's database was restored from a backup (or the file was made elsewhere);
  the station should make a full batch with a new number (`export --all --next-sequence`).
* n = last + 1: merged.
* n > last + 1: the batches in between have not arrived. Refused, naming them, unless
  the batch is full (it carries everything, so nothing is lost) or the HQ officer accepts
  the gap explicitly (`--accept-gap`); the gap is then shown until the batches arrive.
* n < last, not merged before: a batch that fills an accepted gap, arriving late. It is
  merged, but it never overwrites anything newer: records only by higher version, photos
  and faces only where HQ has none.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from station_app.db.models import ReceivedBatch
from station_app.sync.errors import BatchRejected
from station_app.sync.manifest import Manifest


@dataclass(frozen=True, slots=True)
class SequenceDecision:
    already_merged_at: datetime | None = None
    late: bool = False
    gap: tuple[int, ...] = ()

    @property
    def already(self) -> bool:
        return self.already_merged_at is not None


def _ranges(numbers: list[int]) -> str:
    if len(numbers) <= 3:
        return ", ".join(map(str, numbers))
    return f"{numbers[0]} to {numbers[-1]}"


def decide(
    session: Session, file_name: str, manifest: Manifest, payload_sha256: str, accept_gap: bool
) -> SequenceDecision:
    station, number = manifest.station_code, manifest.sequence
    received = {
        row.sequence: row
        for row in session.scalars(
            select(ReceivedBatch).where(ReceivedBatch.station_code == station)
        )
    }
    before = received.get(number)
    if before is not None:
        if before.payload_sha256 == payload_sha256:
            return SequenceDecision(already_merged_at=before.received_at)
        raise BatchRejected(
            file_name,
            f"batch {number} of station {station} was already imported on "
            f"{before.received_at:%Y-%m-%d %H:%M} UTC from a different file. Two batches with "
            "one number mean the station's database was restored from a backup, or the file "
            f"was made elsewhere. Ask the station for a full batch with a new number: "
            f"'station-app export --all --next-sequence {max(received) + 1}'",
        )
    last = max(received, default=0)
    if number == last + 1:
        return SequenceDecision()
    if number < last:
        return SequenceDecision(late=True)
    skipped = [n for n in range(last + 1, number) if n not in received]
    if manifest.full or accept_gap:
        return SequenceDecision(gap=() if manifest.full else tuple(skipped))
    raise BatchRejected(
        file_name,
        f"batch {_ranges(skipped)} of station {station} {'has' if len(skipped) == 1 else 'have'} "
        f"not been imported yet (the last one here is {last or 'none'}, this is {number}). "
        "Import the missing batch(es) first. If they are lost, ask the station for a full "
        "batch (export --all), or accept the gap to merge this one anyway",
    )


def gaps(numbers: dict[int, bool]) -> list[int]:
    """Batch numbers still missing for a station, given {number: full} of those merged.

    A full batch covers every number before it.
    """
    if not numbers:
        return []
    covered = max((n for n, full in numbers.items() if full), default=0)
    return [n for n in range(covered + 1, max(numbers)) if n not in numbers]
