"""District HQ: its keys, the keyring of station keys, importing station batches, and
what HQ officers review afterwards (stations and gaps, conflicts, cross-station matches).

    init_hq, export_hq_key           - HQ's own set-up and the key file stations need
    trust_station, trusted_keys      - the keyring
    import_batch                     - one batch file: checked whole, merged in one
                                       transaction, then matched across stations
    station_overview, conflicts, settle_conflict, cross_matches, rematch_station
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import and_, exists, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from station_app import keys
from station_app.app import App
from station_app.audit import AuditLog
from station_app.db.base import utcnow
from station_app.db.models import (
    CrossStationMatch,
    FoundChild,
    MatchDecision,
    MergeConflict,
    MissingReport,
    ReceivedBatch,
    Station,
)
from station_app.domain import Kind, StationInfo, UserInfo
from station_app.errors import NotFound, StationError
from station_app.permissions import Action, require
from station_app.services import station as station_service
from station_app.services.matching import face_setting
from station_app.services.sync import require_admin
from station_app.sync import hq_keys, keyring, sequence
from station_app.sync.batch_reader import OpenedBatch, open_batch
from station_app.sync.cross_matching import CrossMatch, find_cross_station_matches
from station_app.sync.errors import BatchRejected
from station_app.sync.installation import (
    HQ_PUBLIC_KEY,
    HQ_ROLE,
    ROLE,
    get_setting,
    is_hq,
    set_setting,
)
from station_app.sync.keyfiles import KeyFile, read_key_file, same_fingerprint, write_key_file
from station_app.sync.merge import Counts, Merger, MergeResult
from station_app.sync.progress import CancelCheck, ProgressCallback, Ticker
from station_app.sync.rows import SPEC_BY_NAME, decode_row
from station_app.sync.staging import staging_folder

log = logging.getLogger(__name__)
RECORD_TABLES = ("missing_reports", "found_children")


# --- set-up and keys --------------------------------------------------------------------------


def init_hq(
    app: App,
    code: str,
    name: str,
    district: str,
    state: str,
    admin_username: str,
    admin_password: str,
) -> tuple[StationInfo, UserInfo, KeyFile]:
    """Set this desk up as district HQ: its code, first admin, and encryption key pair."""
    if app.local_station() is not None:
        raise StationError(f"A station or HQ is already set up in {app.paths.home}.")
    info, admin = station_service.init_station(
        app, code, name, district, state, admin_username, admin_password
    )
    public_key = hq_keys.create_hq_key(app.paths, app.private_key_password)
    with app.db.session() as session:
        set_setting(session, ROLE, HQ_ROLE)
        set_setting(session, HQ_PUBLIC_KEY, keys.b64url(public_key))
        AuditLog(session, admin).record(
            "init_hq", "station", None, {"summary": f"district HQ {info.code} set up"}
        )
    return info, admin, _key_file(info, public_key)


def _key_file(info: StationInfo, public_key: bytes) -> KeyFile:
    return KeyFile("hq-encryption", info.code, info.name, info.district, info.state, public_key)


def _require_hq(session: Session) -> bytes:
    encoded = get_setting(session, HQ_PUBLIC_KEY)
    if not is_hq(session) or encoded is None:
        raise StationError(
            "This desk is not district HQ. Set up HQ on its own data folder with "
            "'station-app hq init'."
        )
    return keys.from_b64url(encoded)


def hq_key(app: App) -> KeyFile:
    info = app.require_station()
    with app.db.read_session() as session:
        return _key_file(info, _require_hq(session))


def export_hq_key(app: App, user: UserInfo, path: Path) -> KeyFile:
    """Write HQ's public key for the stations; its fingerprint goes to them separately."""
    require(user, Action.EXPORT)
    key = hq_key(app)
    write_key_file(path, key)
    with app.db.session() as session:
        AuditLog(session, user).record(
            "export_key", "station", None, {"summary": f"HQ key {key.fingerprint} to {path.name}"}
        )
    return key


def read_station_key_file(path: Path) -> KeyFile:
    return read_key_file(path, "station-signing")


def trust_station(
    app: App, user: UserInfo, path: Path, fingerprint: str, *, replace: bool = False
) -> keyring.TrustOutcome:
    """Trust a station's key file once its fingerprint matched what the station showed."""
    require_admin(user, "change the keyring")
    key = read_station_key_file(path)
    if not same_fingerprint(fingerprint, key.fingerprint):
        raise StationError(
            f"The fingerprint of {path.name} is {key.fingerprint}, not {fingerprint}: it is not "
            f"the key station {key.code} showed. Do not trust it; ask the station again."
        )
    with app.db.session() as session:
        _require_hq(session)
        outcome = keyring.trust(session, key, user.username, replace=replace)
        if outcome.added:
            summary = f"trusted station {key.code} key {key.fingerprint}"
            if outcome.replaced:
                summary += f" in place of {outcome.replaced}"
            AuditLog(session, user).record("trust_key", "station", None, {"summary": summary})
    return outcome


def trusted_keys(app: App, user: UserInfo) -> list[keyring.TrustedKeyInfo]:
    require(user, Action.VIEW)
    with app.db.read_session() as session:
        _require_hq(session)
        return keyring.keyring(session)


# --- importing a batch ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BatchImportReport:
    file_name: str
    station_code: str
    station_name: str
    sequence: int
    full: bool
    period_from: datetime | None
    period_to: datetime
    already_imported_at: datetime | None = None
    tables: dict[str, dict[str, int]] | None = None
    photo_files: int = 0
    gap: tuple[int, ...] = ()
    late: bool = False
    warnings: tuple[str, ...] = ()
    matches: tuple[CrossMatch, ...] = ()
    faces_note: str = ""

    @property
    def already(self) -> bool:
        return self.already_imported_at is not None

    def records(self) -> Counts:
        """Missing reports and found children together."""
        total = Counts()
        for name in RECORD_TABLES:
            for key, value in (self.tables or {}).get(name, {}).items():
                setattr(total, key, getattr(total, key) + value)
        return total

    def summary(self) -> list[str]:
        head = (
            f"{self.file_name}: batch {self.sequence} of {self.station_code} ({self.station_name})"
        )
        if self.already_imported_at is not None:
            return [
                f"{head} was already imported on {self.already_imported_at:%Y-%m-%d %H:%M} UTC; "
                "nothing changed."
            ]
        r = self.records()
        tables = self.tables or {}
        photos, audit = tables.get("photos", {}), tables.get("audit_events", {})
        conflicts = sum(t.get("conflicts", 0) for t in tables.values())
        lines = [
            f"{head}: {r.new} new, {r.updated} updated, {r.unchanged} unchanged"
            + (f", {r.older} older than HQ's copy (kept HQ's)" if r.older else "")
            + f", {conflicts} conflict(s), {len(self.matches)} cross-station match(es).",
            f"  photos: {photos.get('new', 0)} new, {photos.get('updated', 0)} updated, "
            f"{photos.get('removed', 0)} removed ({self.photo_files} file(s) stored); "
            f"audit events: {audit.get('new', 0)} added.",
        ]
        if self.gap:
            numbers = ", ".join(map(str, self.gap))
            lines.append(f"  gap accepted: batch(es) {numbers} have not arrived.")
        if self.late:
            lines.append("  a late batch: nothing newer at HQ was overwritten.")
        for match in self.matches:
            lines.append(
                f"  match ({match.label}, {match.score:.2f}): found {match.found_case_number} "
                f"({match.found_station}) ~ complaint {match.missing_case_number} "
                f"({match.missing_station})"
            )
        if self.faces_note and self.matches:
            lines.append(f"  {self.faces_note}")
        lines.extend(f"  warning: {w}" for w in self.warnings)
        return lines


@dataclass(frozen=True, slots=True)
class _Merged:
    batch_id: str | None
    result: MergeResult | None
    decision: sequence.SequenceDecision


def import_batch(
    app: App,
    user: UserInfo,
    path: Path,
    *,
    accept_gap: bool = False,
    progress: ProgressCallback | None = None,
    should_cancel: CancelCheck | None = None,
) -> BatchImportReport:
    """Check a batch whole, merge it in one transaction, then match across stations.

    BatchRejected (nothing written) for anything wrong with the file, its signature, its
    number or its rows; Cancelled (nothing written) if cancelled before the merge ended.
    """
    require(user, Action.IMPORT)
    ticker = Ticker(progress, should_cancel)
    with app.db.read_session() as session:
        own_key = _require_hq(session)
    private_key = hq_keys.load_hq_key(app.paths, own_key, app.private_key_password)
    with staging_folder(app.paths, "incoming") as staging:
        with app.db.read_session() as session:
            batch = open_batch(
                session, path, private_key, keys.fingerprint(own_key), staging, ticker
            )
        try:
            merged = _merge(app, user, batch, accept_gap, ticker)
        finally:
            batch.close()
    manifest = batch.manifest
    report = BatchImportReport(
        file_name=path.name,
        station_code=manifest.station_code,
        station_name=manifest.station_name,
        sequence=manifest.sequence,
        full=manifest.full,
        period_from=manifest.period_from,
        period_to=manifest.period_to,
    )
    if merged.decision.already or merged.result is None or merged.batch_id is None:
        ticker.finish()
        return replace(report, already_imported_at=merged.decision.already_merged_at)
    result = merged.result
    matches, faces_note, warnings = _match_after_merge(
        app, manifest.station_code, result, merged.batch_id, ticker
    )
    ticker.finish()
    return replace(
        report,
        tables={name: counts.as_dict() for name, counts in result.counts.items()},
        photo_files=result.photo_files,
        gap=merged.decision.gap,
        late=merged.decision.late,
        warnings=tuple(result.warnings + warnings),
        matches=tuple(matches),
        faces_note=faces_note,
    )


def _merge(
    app: App, user: UserInfo, batch: OpenedBatch, accept_gap: bool, ticker: Ticker
) -> _Merged:
    manifest, name = batch.manifest, batch.path.name
    merger: Merger | None = None
    try:
        with app.db.session() as session:
            decision = sequence.decide(session, name, manifest, batch.payload_sha256, accept_gap)
            if decision.already:
                return _Merged(None, None, decision)
            if (
                keyring.trusted_key(session, manifest.station_code, manifest.key_fingerprint)
                is None
            ):
                raise BatchRejected(name, f"station {manifest.station_code}'s key was revoked")
            row = _received_row(batch, user, decision)
            session.add(row)
            session.flush()
            merger = Merger(session, app.photos, batch, row, decision.late, ticker)
            result = merger.run()
            row.report = _stored_report(result, decision)
            AuditLog(session, user).record(
                "import_batch",
                "batch",
                row.id,
                {
                    "summary": f"batch {manifest.sequence} of {manifest.station_code} ({name})",
                    "station": manifest.station_code,
                    "sequence": manifest.sequence,
                },
            )
            batch_id = row.id
    except IntegrityError as error:
        if merger is not None:
            app.photos.discard(merger.result.created_files)
        raise BatchRejected(
            name,
            "the database refused it (was the same batch imported at the same time on another "
            f"desk?): {error.orig}",
        ) from error
    except BaseException:
        if merger is not None:
            app.photos.discard(merger.result.created_files)
        raise
    return _Merged(batch_id, result, decision)


def _received_row(
    batch: OpenedBatch, user: UserInfo, decision: sequence.SequenceDecision
) -> ReceivedBatch:
    manifest = batch.manifest
    return ReceivedBatch(
        station_code=manifest.station_code,
        sequence=manifest.sequence,
        full=manifest.full,
        payload_sha256=batch.payload_sha256,
        key_fingerprint=manifest.key_fingerprint,
        period_from=manifest.period_from,
        period_to=manifest.period_to,
        made_by=manifest.created_by,
        file_name=batch.path.name[:300],
        gap_accepted=bool(decision.gap),
        late=decision.late,
        received_by=user.username,
    )


def _stored_report(result: MergeResult, decision: sequence.SequenceDecision) -> dict[str, object]:
    return {
        "tables": {name: counts.as_dict() for name, counts in result.counts.items()},
        "photo_files": result.photo_files,
        "warnings": list(result.warnings),
        "gap": list(decision.gap),
    }


def _match_after_merge(
    app: App, station: str, result: MergeResult, batch_id: str, ticker: Ticker
) -> tuple[list[CrossMatch], str, list[str]]:
    """Cross-station matching for what arrived, in its own transaction: the merge stands
    even if matching fails (it can be run again with rematch_station)."""
    faces = face_setting()
    try:
        with app.db.session() as session:
            matches = find_cross_station_matches(
                session, station, result.arrived, faces, ticker, batch_id
            )
            row = session.get(ReceivedBatch, batch_id)
            if row is not None:
                row.report = {**row.report, "matches": len(matches)}
    except Exception as error:
        log.exception("cross-station matching failed after merging a batch")
        return (
            [],
            "",
            [
                f"cross-station matching failed ({error}); the batch itself was merged. "
                f"Run 'station-app hq rematch {station}'."
            ],
        )
    note = "" if faces.enabled else f"Faces not compared: {faces.note}"
    return matches, note, []


def rematch_station(
    app: App,
    user: UserInfo,
    station_code: str,
    progress: ProgressCallback | None = None,
) -> list[CrossMatch]:
    """Match every record of one station across the others again."""
    require(user, Action.VIEW)
    ticker = Ticker(progress, None)
    with app.db.session() as session:
        _require_hq(session)
        arrived = {
            Kind.MISSING: set(
                session.scalars(
                    select(MissingReport.id).where(MissingReport.station_code == station_code)
                )
            ),
            Kind.FOUND: set(
                session.scalars(
                    select(FoundChild.id).where(FoundChild.station_code == station_code)
                )
            ),
        }
        matches = find_cross_station_matches(session, station_code, arrived, face_setting(), ticker)
        AuditLog(session, user).record(
            "rematch", "station", None, {"summary": f"{station_code}: {len(matches)} match(es)"}
        )
    ticker.finish()
    return matches


# --- what HQ reviews --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StationStatus:
    code: str
    name: str
    district: str
    key_fingerprint: str | None
    last_sequence: int | None
    last_received_at: datetime | None
    last_period_to: datetime | None
    batches: int
    gaps: tuple[int, ...]
    open_conflicts: int
    pending_matches: int


def station_overview(app: App, user: UserInfo) -> list[StationStatus]:
    """Every station HQ knows, with its last batch, any gap, and what awaits review."""
    require(user, Action.VIEW)
    with app.db.read_session() as session:
        _require_hq(session)
        stations = session.scalars(
            select(Station).where(Station.is_local.is_(False)).order_by(Station.code)
        ).all()
        received: dict[str, list[ReceivedBatch]] = {}
        for row in session.scalars(select(ReceivedBatch).order_by(ReceivedBatch.sequence)):
            received.setdefault(row.station_code, []).append(row)
        conflicts = dict(
            session.execute(
                select(MergeConflict.station_code, func.count())
                .where(MergeConflict.settled_at.is_(None))
                .group_by(MergeConflict.station_code)
            ).all()
        )
        pending = _pending_matches_by_station(session)
        return [_status(session, s, received.get(s.code, []), conflicts, pending) for s in stations]


def _status(
    session: Session,
    station: Station,
    batches: list[ReceivedBatch],
    conflicts: dict[str, int],
    pending: dict[str, int],
) -> StationStatus:
    key = keyring.active_key(session, station.code)
    last = batches[-1] if batches else None
    return StationStatus(
        code=station.code,
        name=station.name,
        district=station.district,
        key_fingerprint=key.fingerprint if key else None,
        last_sequence=last.sequence if last else None,
        last_received_at=max(b.received_at for b in batches) if batches else None,
        last_period_to=last.period_to if last else None,
        batches=len(batches),
        gaps=tuple(sequence.gaps({b.sequence: b.full for b in batches})),
        open_conflicts=conflicts.get(station.code, 0),
        pending_matches=pending.get(station.code, 0),
    )


def _undecided() -> Any:
    return ~exists().where(
        MatchDecision.found_id == CrossStationMatch.found_id,
        MatchDecision.missing_id == CrossStationMatch.missing_id,
        MatchDecision.undone_at.is_(None),
    )


def _pending_matches_by_station(session: Session) -> dict[str, int]:
    counts: dict[str, int] = {}
    rows = session.execute(
        select(CrossStationMatch.found_station, CrossStationMatch.missing_station).where(
            _undecided()
        )
    )
    for found_station, missing_station in rows:
        for code in {found_station, missing_station}:
            counts[code] = counts.get(code, 0) + 1
    return counts


@dataclass(frozen=True, slots=True)
class ConflictField:
    name: str
    hq_value: object
    batch_value: object


@dataclass(frozen=True, slots=True)
class ConflictInfo:
    id: str
    station_code: str
    table_name: str
    record_id: str
    label: str
    version: int
    fields: tuple[ConflictField, ...]
    detected_at: datetime
    settled_at: datetime | None
    settled_by: str | None
    resolution: str | None


def _conflict_info(row: MergeConflict) -> ConflictInfo:
    spec = SPEC_BY_NAME.get(row.table_name)
    ignored = spec.volatile if spec else frozenset()
    names = sorted(set(row.hq_values) | set(row.batch_values))
    fields = tuple(
        ConflictField(n, row.hq_values.get(n), row.batch_values.get(n))
        for n in names
        if n not in ignored and row.hq_values.get(n) != row.batch_values.get(n)
    )
    label = str(row.hq_values.get("case_number") or row.record_id)
    return ConflictInfo(
        row.id, row.station_code, row.table_name, row.record_id, label, row.version, fields,
        row.detected_at, row.settled_at, row.settled_by, row.resolution,
    )  # fmt: skip


def conflicts(app: App, user: UserInfo, *, include_settled: bool = False) -> list[ConflictInfo]:
    require(user, Action.VIEW)
    with app.db.read_session() as session:
        _require_hq(session)
        query = select(MergeConflict).order_by(MergeConflict.detected_at, MergeConflict.id)
        if not include_settled:
            query = query.where(MergeConflict.settled_at.is_(None))
        return [_conflict_info(row) for row in session.scalars(query)]


Keep = Literal["hq", "batch"]


def settle_conflict(app: App, user: UserInfo, conflict_id: str, keep: Keep) -> ConflictInfo:
    """Settle a conflict: keep HQ's copy, or put the batch's copy in its place."""
    require(user, Action.EDIT)
    with app.db.session() as session:
        _require_hq(session)
        row = session.get(MergeConflict, conflict_id)
        if row is None:
            raise NotFound(f"No conflict with id {conflict_id}.")
        if row.settled_at is not None:
            raise StationError(f"This conflict was already settled by {row.settled_by}.")
        spec = SPEC_BY_NAME.get(row.table_name)
        if keep == "batch":
            if spec is None or spec.append_only:
                raise StationError("An audit event is never replaced; keep HQ's copy.")
            values = decode_row(spec, row.batch_values)
            table = spec.table
            record_id = values.pop("id")
            session.execute(update(table).where(table.c.id == record_id).values(**values))
        row.settled_at, row.settled_by = utcnow(), user.username
        row.resolution = "kept_batch" if keep == "batch" else "kept_hq"
        AuditLog(session, user).record(
            "settle_conflict",
            _record_type(row.table_name),
            row.record_id,
            {"summary": f"conflict on version {row.version}: {row.resolution}"},
        )
        return _conflict_info(row)


def _record_type(table_name: str) -> str:
    return {"missing_reports": "missing", "found_children": "found"}.get(table_name, table_name)


@dataclass(frozen=True, slots=True)
class CrossMatchInfo:
    id: str
    found_id: str
    found_case_number: str
    found_name: str
    found_station: str
    missing_id: str
    missing_case_number: str
    missing_name: str
    missing_station: str
    score: float
    label: str
    decided: bool
    created_at: datetime


def cross_matches(app: App, user: UserInfo, *, pending_only: bool = True) -> list[CrossMatchInfo]:
    """Cross-station pairs, best first; by default those no officer has decided yet."""
    require(user, Action.VIEW)
    found, missing = aliased(FoundChild), aliased(MissingReport)
    query = (
        select(CrossStationMatch, found.case_number, found.name, missing.case_number,
               missing.name, _undecided().label("open"))
        .join(found, found.id == CrossStationMatch.found_id)
        .join(missing, missing.id == CrossStationMatch.missing_id)
        .order_by(CrossStationMatch.score.desc(), CrossStationMatch.id)
    )  # fmt: skip
    if pending_only:
        query = query.where(and_(_undecided()))
    with app.db.read_session() as session:
        _require_hq(session)
        return [
            CrossMatchInfo(
                m.id,
                m.found_id,
                found_case,
                found_name,
                m.found_station,
                m.missing_id,
                missing_case,
                missing_name,
                m.missing_station,
                m.score,
                m.label,
                not is_open,
                m.created_at,
            )
            for m, found_case, found_name, missing_case, missing_name, is_open in session.execute(
                query
            )
        ]
