"""What a station's next batch must carry: rows changed since they were last sent.

Each row's hash is compared with the hash it had when last sent (sync_sent_rows), so a
batch needs no clocks to be right and a full batch (`--all`) is the same code with the
comparison left out. Rows sent once and gone since (a photo taken off a record) travel
as deletions. The audit log only grows, so it is sent by its row number.

Rows are written to JSON Lines files in a staging folder as they are read: memory holds
one database batch of rows, plus the list of (table, id, hash) to remember afterwards.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Select, and_, func, select
from sqlalchemy.orm import Session

from station_app.db.models import SentRow
from station_app.sync.progress import Ticker
from station_app.sync.rows import SPECS, TableSpec, canonical, encode_row

YIELD_PER = 2000
DELETED_MEMBER = "records/deleted.jsonl"
_SENT_HASH = "_sent_hash"


def member_name(spec: TableSpec) -> str:
    return f"records/{spec.name}.jsonl"


def photo_member_name(sha256: str, ext: str) -> str:
    return f"photos/{sha256}.{ext}"


def derived_member_names(sha256: str, rotation: int) -> tuple[str, str]:
    """The display copy and the thumbnail, sent along so HQ need not decode every photo."""
    stem = f"{sha256}-r{rotation % 360}.jpg"
    return f"normalized/{stem}", f"thumbs/{stem}"


@dataclass
class Changes:
    """The staged record files of one batch and what to remember once it is written."""

    files: list[tuple[str, Path]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    sent: list[tuple[str, str, str]] = field(default_factory=list)
    deleted: list[tuple[str, str]] = field(default_factory=list)
    photo_files: dict[str, tuple[str, str, int]] = field(default_factory=dict)
    """member name of an original -> (sha256, ext, rotation)"""
    audit_seq: int = 0

    @property
    def row_count(self) -> int:
        return sum(self.counts.values())


def count_rows(session: Session) -> int:
    """Rows a full batch would read (for progress)."""
    return sum(session.scalar(select(func.count()).select_from(s.table)) or 0 for s in SPECS)


def collect_changes(
    session: Session, staging: Path, *, full: bool, audit_after: int, ticker: Ticker
) -> Changes:
    changes = Changes(audit_seq=audit_after)
    for spec in SPECS:
        path = staging / f"{spec.name}.jsonl"
        with path.open("wb") as out:
            if spec.append_only:
                count = _write_audit(session, spec, out, audit_after, changes, ticker)
            else:
                count = _write_changed(session, spec, out, full, changes, ticker)
        changes.files.append((member_name(spec), path))
        changes.counts[spec.name] = count
    deleted_path = staging / "deleted.jsonl"
    with deleted_path.open("wb") as out:
        for spec in SPECS:
            if spec.deletable:
                _write_deleted(session, spec, out, changes)
    changes.files.append((DELETED_MEMBER, deleted_path))
    changes.counts["deleted"] = len(changes.deleted)
    changes.counts["photo_files"] = len(changes.photo_files)
    return changes


def _stream(session: Session, statement: Select[Any]) -> Iterator[Any]:
    return iter(session.connection().execute(statement.execution_options(yield_per=YIELD_PER)))


def _write_changed(
    session: Session, spec: TableSpec, out: IO[bytes], full: bool, changes: Changes, ticker: Ticker
) -> int:
    table, sent = spec.table, SentRow.__table__
    joined = table.outerjoin(
        sent, and_(sent.c.table_name == spec.name, sent.c.row_id == table.c.id)
    )
    statement = (
        select(table, sent.c.row_hash.label(_SENT_HASH)).select_from(joined).order_by(table.c.id)
    )
    count = 0
    for row in _stream(session, statement):
        ticker.advance()
        mapping = row._mapping
        encoded = encode_row(spec, mapping)
        line = canonical(encoded)
        digest = _sha(line)
        if not full and digest == mapping[_SENT_HASH]:
            continue
        out.write(line + b"\n")
        changes.sent.append((spec.name, mapping["id"], digest))
        count += 1
        if spec.name == "photos":
            sha, ext = mapping["sha256"], mapping["original_ext"]
            changes.photo_files[photo_member_name(sha, ext)] = (sha, ext, mapping["rotation"])
    return count


def _write_audit(
    session: Session,
    spec: TableSpec,
    out: IO[bytes],
    after: int,
    changes: Changes,
    ticker: Ticker,
) -> int:
    table = spec.table
    statement = select(table).where(table.c.seq > after).order_by(table.c.seq)
    count = 0
    for row in _stream(session, statement):
        ticker.advance()
        out.write(canonical(encode_row(spec, row._mapping)) + b"\n")
        changes.audit_seq = row._mapping["seq"]
        count += 1
    return count


def _write_deleted(session: Session, spec: TableSpec, out: IO[bytes], changes: Changes) -> None:
    table, sent = spec.table, SentRow.__table__
    statement = (
        select(sent.c.row_id)
        .select_from(sent.outerjoin(table, table.c.id == sent.c.row_id))
        .where(sent.c.table_name == spec.name, table.c.id.is_(None))
        .order_by(sent.c.row_id)
    )
    for (row_id,) in _stream(session, statement):
        out.write(canonical({"table": spec.name, "id": row_id}) + b"\n")
        changes.deleted.append((spec.name, row_id))


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
