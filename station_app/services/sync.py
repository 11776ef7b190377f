"""The station's side of the batches to district HQ: its key, HQ's key, writing a batch.

export_station_key  - the station's public signing key as a file for HQ to trust
set_hq_key          - the HQ key file batches will be encrypted for
export_batch        - what changed since the last batch (or everything), signed and
                      encrypted, written atomically into a folder (a pen drive)
sent_batches        - the batches made so far
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Table, delete, select
from sqlalchemy.orm import Session

from station_app import keys
from station_app.app import App
from station_app.atomic import atomic_writer
from station_app.audit import AuditLog
from station_app.db.base import utcnow
from station_app.db.engine import HEAD_REVISION
from station_app.db.models import SentBatch, SentRow, Station
from station_app.domain import Role, UserInfo
from station_app.errors import PermissionDenied, StationError
from station_app.permissions import Action, require
from station_app.sync.batch_writer import write_batch
from station_app.sync.changes import Changes, collect_changes, count_rows
from station_app.sync.installation import (
    STATION_HQ_CODE,
    STATION_HQ_KEY,
    STATION_HQ_NAME,
    get_setting,
    is_hq,
    set_setting,
)
from station_app.sync.keyfiles import KeyFile, read_key_file, same_fingerprint, write_key_file
from station_app.sync.manifest import Manifest
from station_app.sync.progress import CancelCheck, ProgressCallback, Ticker
from station_app.sync.staging import staging_folder
from station_app.sync.upsert import upsert

AUDIT_SENT_SETTING = "sync.sent.audit_seq"
BATCH_SUFFIX = ".muskaan-batch"
CHUNK = 500


def batch_file_name(station_code: str, sequence: int) -> str:
    return f"{station_code}-batch-{sequence:06d}{BATCH_SUFFIX}"


def require_admin(user: UserInfo, what: str) -> None:
    if user.role is not Role.ADMIN:
        raise PermissionDenied(f"{user.username} ({user.role.value}) may not {what}; ask an admin.")


# --- keys -------------------------------------------------------------------------------------


def station_key(app: App) -> KeyFile:
    """This station's public signing key, with the station's name, as a key file holds it."""
    info = app.require_station()
    with app.db.read_session() as session:
        row = session.get(Station, info.code)
        public_key = row.signing_public_key if row else None
    if public_key is None:
        raise StationError(f"Station {info.code} has no signing key on record.")
    return KeyFile("station-signing", info.code, info.name, info.district, info.state, public_key)


def export_station_key(app: App, user: UserInfo, path: Path) -> KeyFile:
    """Write the station's public key for HQ; its fingerprint is for reading out to HQ."""
    require(user, Action.EXPORT)
    key = station_key(app)
    write_key_file(path, key)
    with app.db.session() as session:
        AuditLog(session, user).record(
            "export_key", "station", None, {"summary": f"key {key.fingerprint} to {path.name}"}
        )
    return key


def hq_key(app: App) -> KeyFile | None:
    """The HQ this station's batches are encrypted for, if one was set."""
    with app.db.read_session() as session:
        return _hq_key(session)


def _hq_key(session: Session) -> KeyFile | None:
    encoded = get_setting(session, STATION_HQ_KEY)
    if encoded is None:
        return None
    code = get_setting(session, STATION_HQ_CODE) or ""
    name = get_setting(session, STATION_HQ_NAME) or ""
    return KeyFile("hq-encryption", code, name, "", "", keys.from_b64url(encoded))


def read_hq_key_file(path: Path) -> KeyFile:
    return read_key_file(path, "hq-encryption")


def set_hq_key(
    app: App, user: UserInfo, path: Path, fingerprint: str, *, replace: bool = False
) -> KeyFile:
    """Take HQ's key file, once its fingerprint was compared with the one HQ shows.

    `fingerprint` is what the officer read from HQ's screen (or letter); it must match.
    Replacing a different HQ key needs `replace`: batches already made stay readable only
    by the old key.
    """
    require_admin(user, "change the HQ key")
    key = read_hq_key_file(path)
    if not same_fingerprint(fingerprint, key.fingerprint):
        raise StationError(
            f"The fingerprint of {path.name} is {key.fingerprint}, not {fingerprint}: this is "
            "not the key HQ showed. Do not use it; ask HQ for its key file again."
        )
    with app.db.session() as session:
        if is_hq(session):
            raise StationError("This desk is district HQ; the HQ key is set at stations.")
        current = _hq_key(session)
        if current and current.public_key != key.public_key and not replace:
            raise StationError(
                f"Batches already go to {current.name} ({current.code}, key "
                f"{current.fingerprint}). To change to {key.describe()}, confirm the change."
            )
        set_setting(session, STATION_HQ_KEY, keys.b64url(key.public_key))
        set_setting(session, STATION_HQ_CODE, key.code)
        set_setting(session, STATION_HQ_NAME, key.name)
        AuditLog(session, user).record(
            "set_hq_key",
            "station",
            None,
            {"summary": f"batches go to {key.code}, key {key.fingerprint}"},
        )
    return key


# --- batches ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ExportReport:
    path: Path
    station_code: str
    sequence: int
    full: bool
    previous_sequence: int | None
    period_from: datetime | None
    period_to: datetime
    counts: dict[str, int]
    size: int

    def summary(self) -> str:
        c = self.counts
        scope = "everything" if self.full else f"changes since batch {self.previous_sequence}"
        return (
            f"Batch {self.sequence} of {self.station_code} written to {self.path} "
            f"({self.size / 1e6:.1f} MB), {scope}: {c.get('missing_reports', 0)} missing, "
            f"{c.get('found_children', 0)} found, {c.get('photos', 0)} photo(s) with "
            f"{c.get('photo_files', 0)} file(s), {c.get('face_vectors', 0)} face(s), "
            f"{c.get('match_decisions', 0)} match decision(s), {c.get('handovers', 0)} "
            f"handover(s), {c.get('audit_events', 0)} audit event(s), "
            f"{c.get('deleted', 0)} removal(s)."
        )


@dataclass(frozen=True, slots=True)
class SentBatchInfo:
    sequence: int
    full: bool
    file_name: str
    created_at: datetime
    created_by: str
    counts: dict[str, object]


def sent_batches(app: App, user: UserInfo) -> list[SentBatchInfo]:
    require(user, Action.VIEW)
    with app.db.read_session() as session:
        rows = session.scalars(select(SentBatch).order_by(SentBatch.sequence))
        return [
            SentBatchInfo(r.sequence, r.full, r.file_name, r.created_at, r.created_by, r.counts)
            for r in rows
        ]


def export_batch(
    app: App,
    user: UserInfo,
    folder: Path,
    *,
    full: bool = False,
    next_sequence: int | None = None,
    progress: ProgressCallback | None = None,
    should_cancel: CancelCheck | None = None,
) -> ExportReport:
    """Write the next batch into `folder`: by default what changed since the last batch.

    The file appears complete or not at all. Cancelled (or any error) leaves no file and
    the station's record of what was sent unchanged.
    """
    require(user, Action.EXPORT)
    station = app.require_station()
    ticker = Ticker(progress, should_cancel)
    started = utcnow()
    with staging_folder(app.paths, "batch") as staging:
        with app.db.read_session() as session:
            target, signer, last = _preconditions(app, session, station.code)
            sequence = _sequence(last, next_sequence)
            full = full or last is None
            audit_after = 0 if full else int(get_setting(session, AUDIT_SENT_SETTING) or 0)
            path = folder / batch_file_name(station.code, sequence)
            if path.exists():
                raise StationError(
                    f"{path} already exists. Take it to HQ or move it away, then try again."
                )
            ticker.phase(0.3, count_rows(session))
            changes = collect_changes(
                session, staging, full=full, audit_after=audit_after, ticker=ticker
            )
        manifest = Manifest(
            station_code=station.code,
            station_name=station.name,
            district=station.district,
            state=station.state,
            sequence=sequence,
            full=full,
            period_from=None if full or last is None else last.period_to,
            period_to=started,
            created_by=user.username,
            key_fingerprint=signer.fingerprint,
            hq_fingerprint=target.fingerprint,
            schema=HEAD_REVISION,
            counts=dict(changes.counts),
        )
        ticker.phase(0.7, _bytes_to_pack(app, changes))
        folder.mkdir(parents=True, exist_ok=True)
        with atomic_writer(path) as handle:
            payload_sha256, manifest = write_batch(
                handle, target.public_key, signer, manifest, changes, app.photos, ticker
            )
            handle.flush()
            os.fsync(handle.fileno())
            _record_sent(app, user, manifest, payload_sha256, path.name, changes)
    ticker.finish()
    return ExportReport(
        path=path,
        station_code=station.code,
        sequence=sequence,
        full=full,
        previous_sequence=last.sequence if last else None,
        period_from=manifest.period_from,
        period_to=manifest.period_to,
        counts=dict(changes.counts),
        size=path.stat().st_size,
    )


@dataclass(frozen=True, slots=True)
class _LastBatch:
    sequence: int
    period_to: datetime


def _preconditions(
    app: App, session: Session, code: str
) -> tuple[KeyFile, keys.StationSigner, _LastBatch | None]:
    if is_hq(session):
        raise StationError("This desk is district HQ; batches are made at stations.")
    target = _hq_key(session)
    if target is None:
        raise StationError(
            "No district HQ key is set, so a batch cannot be encrypted. Get HQ's key file "
            "and run 'station-app keys set-hq FILE'."
        )
    row = session.get(Station, code)
    signer = keys.load_signer(
        app.paths, code, row.signing_public_key if row else None, app.private_key_password
    )
    last = session.execute(
        select(SentBatch.sequence, SentBatch.period_to)
        .where(SentBatch.station_code == code)
        .order_by(SentBatch.sequence.desc())
        .limit(1)
    ).first()
    return target, signer, _LastBatch(last[0], last[1]) if last else None


def _sequence(last: _LastBatch | None, requested: int | None) -> int:
    after = last.sequence if last else 0
    if requested is None:
        return after + 1
    if requested <= after:
        raise StationError(
            f"Batch numbers must go up: the last batch made here was {after}, "
            f"so the next cannot be {requested}."
        )
    return requested


def _bytes_to_pack(app: App, changes: Changes) -> int:
    total = sum(path.stat().st_size for _, path in changes.files)
    for sha256, ext, _ in changes.photo_files.values():
        with contextlib.suppress(FileNotFoundError):  # write_batch says which is missing
            total += app.photos.original_path(sha256, ext).stat().st_size
    return total


def _record_sent(
    app: App,
    user: UserInfo,
    manifest: Manifest,
    payload_sha256: str,
    file_name: str,
    changes: Changes,
) -> None:
    with app.db.session() as session:
        session.add(
            SentBatch(
                station_code=manifest.station_code,
                sequence=manifest.sequence,
                full=manifest.full,
                period_from=manifest.period_from,
                period_to=manifest.period_to,
                file_name=file_name,
                payload_sha256=payload_sha256,
                counts=dict(changes.counts),
                created_by=user.username,
            )
        )
        _remember_rows(session, manifest.sequence, changes)
        set_setting(session, AUDIT_SENT_SETTING, str(changes.audit_seq))
        AuditLog(session, user).record(
            "export_batch",
            "batch",
            None,
            {
                "summary": f"batch {manifest.sequence} for HQ ({file_name})",
                "sequence": manifest.sequence,
                "full": manifest.full,
                "counts": dict(changes.counts),
            },
        )


def _remember_rows(session: Session, sequence: int, changes: Changes) -> None:
    table = SentRow.__table__
    assert isinstance(table, Table)
    for start in range(0, len(changes.sent), CHUNK):
        rows = [
            {"table_name": t, "row_id": i, "row_hash": h, "sequence": sequence}
            for t, i, h in changes.sent[start : start + CHUNK]
        ]
        upsert(session, table, ("table_name", "row_id"), rows, ("row_hash", "sequence"))
    by_table: dict[str, list[str]] = {}
    for table_name, row_id in changes.deleted:
        by_table.setdefault(table_name, []).append(row_id)
    for table_name, ids in by_table.items():
        for start in range(0, len(ids), CHUNK):
            _forget(session, table_name, ids[start : start + CHUNK])


def _forget(session: Session, table_name: str, ids: Sequence[str]) -> None:
    session.execute(
        delete(SentRow).where(SentRow.table_name == table_name, SentRow.row_id.in_(ids))
    )
