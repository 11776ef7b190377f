"""Merging a checked batch into HQ's database by UUID, within the caller's transaction.

For each row of the batch, against HQ's copy (see `classify`):

* HQ has none: added.
* The same: unchanged.
* A higher version: replaces HQ's copy. A lower version: HQ's newer copy stays ("older").
* The same version, different only in what changes without a version (a record touched
  by a photo change, a certificate reprinted): updated.
* The same version, different details: two different edits of one version, a conflict.
  HQ's copy stays, the batch's copy is kept in hq_merge_conflicts to be settled.

Rows without versions (photos, faces) follow the batch, which is newer than anything
HQ has from that station, except in a late batch. The audit log only grows; the chain
of the station's audit rows is checked as they arrive and its end kept, as at a station.

A batch may write only its own station's rows: every row, and every row it points to,
must belong to the station that signed it. Anything wrong rejects the whole batch.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.orm import Session

from station_app.audit import digest, head_key, parse_head
from station_app.db.models import AuditEvent, MergeConflict, MissingReport, ReceivedBatch
from station_app.domain import Kind
from station_app.errors import PhotoRejected
from station_app.photo_store import PhotoStore, check_image
from station_app.sync.batch_reader import OpenedBatch
from station_app.sync.changes import (
    DELETED_MEMBER,
    derived_member_names,
    member_name,
    photo_member_name,
)
from station_app.sync.errors import BatchRejected
from station_app.sync.installation import get_setting, set_setting
from station_app.sync.ownership import face_vector_photos, photo_owners, record_stations
from station_app.sync.progress import Ticker
from station_app.sync.rows import (
    SPEC_BY_NAME,
    SPECS,
    RowError,
    TableSpec,
    decode_row,
    differing,
    encode_row,
    row_hash,
)

CHUNK = 500
PHOTO_WORKERS = 8
PHOTOS_IN_FLIGHT = 32
MAX_WARNINGS = 20
NEW, UPDATED, UNCHANGED, OLDER, CONFLICT = "new", "updated", "unchanged", "older", "conflict"


@dataclass
class Counts:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    older: int = 0
    conflicts: int = 0
    removed: int = 0

    def as_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


@dataclass
class MergeResult:
    counts: dict[str, Counts] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    arrived: dict[Kind, set[str]] = field(
        default_factory=lambda: {Kind.MISSING: set(), Kind.FOUND: set()}
    )
    photo_files: int = 0
    created_files: list[Path] = field(default_factory=list)

    def warn(self, message: str) -> None:
        if len(self.warnings) < MAX_WARNINGS:
            self.warnings.append(message)


@dataclass(frozen=True, slots=True)
class _Line:
    number: int
    values: dict[str, Any]
    encoded: dict[str, Any]

    @property
    def id(self) -> str:
        return str(self.values["id"])


def classify(
    spec: TableSpec, ours: dict[str, Any] | None, theirs: dict[str, Any], late: bool
) -> str:
    if ours is None:
        return NEW
    if ours == theirs:
        return UNCHANGED
    if spec.append_only:
        return CONFLICT
    if spec.versioned:
        if theirs["version"] != ours["version"]:
            return UPDATED if theirs["version"] > ours["version"] else OLDER
        if differing(spec, ours, theirs) <= spec.volatile:
            return OLDER if late else UPDATED
        return CONFLICT
    return OLDER if late else UPDATED


class Merger:
    """One batch merged into the open session; `run` returns what it did."""

    def __init__(
        self,
        session: Session,
        store: PhotoStore,
        batch: OpenedBatch,
        batch_row: ReceivedBatch,
        late: bool,
        ticker: Ticker,
    ) -> None:
        self.session = session
        self.store = store
        self.batch = batch
        self.batch_row = batch_row
        self.station = batch.manifest.station_code
        self.late = late
        self.ticker = ticker
        self.result = MergeResult()

    def run(self) -> MergeResult:
        counts = self.batch.manifest.counts
        self.ticker.phase(0.5, sum(counts.get(spec.name, 0) for spec in SPECS) + 1)
        for spec in SPECS:
            self.result.counts[spec.name] = Counts()
            self._merge_table(spec)
        self._apply_deletions()
        return self.result

    # --- reading --------------------------------------------------------------------------

    def _reject(self, message: str) -> BatchRejected:
        return BatchRejected(self.batch.path.name, message)

    def _lines(self, member: str) -> Iterator[tuple[int, object]]:
        with self.batch.archive.open(member) as handle:
            for number, raw in enumerate(handle, start=1):
                try:
                    yield number, json.loads(raw)
                except (ValueError, UnicodeDecodeError) as error:
                    raise self._reject(f"{member} line {number} is not JSON ({error})") from None

    def _chunks(self, spec: TableSpec) -> Iterator[list[_Line]]:
        member = member_name(spec)
        chunk: list[_Line] = []
        seen: set[str] = set()
        for number, data in self._lines(member):
            try:
                values = decode_row(spec, data)
            except RowError as error:
                raise self._reject(f"{member} line {number} {error}") from None
            line = _Line(number, values, encode_row(spec, values))
            if line.id in seen:
                raise self._reject(f"{member} line {number} repeats row {line.id}")
            seen.add(line.id)
            chunk.append(line)
            if len(chunk) == CHUNK:
                yield chunk
                chunk = []
        if chunk:
            yield chunk

    # --- one table -----------------------------------------------------------------------

    def _merge_table(self, spec: TableSpec) -> None:
        for chunk in self._chunks(spec):
            self.ticker.advance(len(chunk))
            existing = self._existing(spec, [line.id for line in chunk])
            self._check_owners(spec, chunk, existing)
            self._apply(spec, chunk, existing)

    def _existing(self, spec: TableSpec, ids: list[str]) -> dict[str, dict[str, Any]]:
        table = spec.table
        rows = self.session.execute(select(table).where(table.c.id.in_(ids)))
        return {row._mapping["id"]: encode_row(spec, row._mapping) for row in rows}

    def _apply(
        self, spec: TableSpec, chunk: list[_Line], existing: dict[str, dict[str, Any]]
    ) -> None:
        counts = self.result.counts[spec.name]
        inserts: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        for line in chunk:
            ours = existing.get(line.id)
            outcome = classify(spec, ours, line.encoded, self.late)
            if outcome == NEW:
                inserts.append(line.values)
                counts.new += 1
            elif outcome == UPDATED:
                updates.append(line.values)
                counts.updated += 1
            elif outcome == CONFLICT:
                assert ours is not None
                self._conflict(spec, line, ours)
                counts.conflicts += 1
            elif outcome == OLDER:
                counts.older += 1
            else:
                counts.unchanged += 1
        if spec.name == "photos":
            self._store_photo_files(inserts + updates)
        if inserts:
            self.session.execute(insert(spec.table), inserts)
        if updates:
            table = spec.table
            statement = update(table).where(table.c.id == bindparam("_row_id"))
            self.session.execute(
                statement,
                [
                    {"_row_id": v["id"], **{k: x for k, x in v.items() if k != "id"}}
                    for v in updates
                ],
            )
        if spec.append_only and inserts:
            self._extend_audit_chain(inserts)
        self._note_arrivals(spec, inserts + updates)

    def _conflict(self, spec: TableSpec, line: _Line, ours: dict[str, Any]) -> None:
        theirs_hash = row_hash(line.encoded)
        known = self.session.scalar(
            select(MergeConflict.id).where(
                MergeConflict.table_name == spec.name,
                MergeConflict.record_id == line.id,
                MergeConflict.batch_hash == theirs_hash,
                MergeConflict.settled_at.is_(None),
            )
        )
        if known is None:
            self.session.add(
                MergeConflict(
                    station_code=self.station,
                    batch_id=self.batch_row.id,
                    table_name=spec.name,
                    record_id=line.id,
                    version=int(line.encoded.get("version", 0) or 0),
                    hq_values=ours,
                    batch_values=line.encoded,
                    batch_hash=theirs_hash,
                )
            )
        if spec.append_only:
            self.result.warn(
                f"audit event {line.id} differs from HQ's copy of it: the station's audit "
                "log was changed after it was sent"
            )

    def _note_arrivals(self, spec: TableSpec, rows: list[dict[str, Any]]) -> None:
        arrived = self.result.arrived
        if spec.name == "missing_reports":
            arrived[Kind.MISSING].update(r["id"] for r in rows)
        elif spec.name == "found_children":
            arrived[Kind.FOUND].update(r["id"] for r in rows)
        elif spec.name == "photos":
            self._note_owners([(r["missing_id"], r["found_id"]) for r in rows])
        elif spec.name == "face_vectors" and rows:
            owners = photo_owners(self.session, {r["photo_id"] for r in rows})
            records = record_stations(self.session, {owner for owner, _ in owners.values()})
            kinds = self._kinds_of(list(records))
            for record_id, kind in kinds.items():
                arrived[kind].add(record_id)

    def _note_owners(self, pairs: list[tuple[str | None, str | None]]) -> None:
        for missing_id, found_id in pairs:
            if missing_id:
                self.result.arrived[Kind.MISSING].add(missing_id)
            if found_id:
                self.result.arrived[Kind.FOUND].add(found_id)

    def _kinds_of(self, record_ids: list[str]) -> dict[str, Kind]:
        missing = set(
            self.session.scalars(select(MissingReport.id).where(MissingReport.id.in_(record_ids)))
        )
        return {i: Kind.MISSING if i in missing else Kind.FOUND for i in record_ids}

    # --- whose rows ------------------------------------------------------------------------

    def _check_owners(
        self, spec: TableSpec, chunk: list[_Line], existing: dict[str, dict[str, Any]]
    ) -> None:
        member = member_name(spec)
        if "station_code" in spec.table.columns:
            for line in chunk:
                claimed = line.values["station_code"]
                held = existing.get(line.id, {}).get("station_code", self.station)
                if claimed != self.station or held != self.station:
                    other = claimed if claimed != self.station else held
                    raise self._reject(
                        f"{member} line {line.number}: row {line.id} belongs to station "
                        f"{other}, not to {self.station}, which signed the batch"
                    )
        references = _REFERENCES.get(spec.name, ())
        if references:
            wanted = {line.values[c] for line in chunk for c in references if line.values[c]}
            wanted |= {ours[c] for ours in existing.values() for c in references if ours.get(c)}
            stations = record_stations(self.session, wanted)
            for line in chunk:
                self._check_references(spec, line, references, stations)
        if spec.name == "face_vectors":
            self._check_face_owners(chunk, existing)

    def _check_references(
        self, spec: TableSpec, line: _Line, columns: tuple[str, ...], stations: dict[str, str]
    ) -> None:
        member = member_name(spec)
        named = [line.values[c] for c in columns if line.values[c]]
        if spec.name == "photos" and len(named) != 1:
            raise self._reject(f"{member} line {line.number}: a photo must belong to one record")
        for record_id in named:
            station = stations.get(record_id)
            if station is None:
                raise self._reject(
                    f"{member} line {line.number} refers to record {record_id}, which neither "
                    "this batch nor HQ has"
                )
            if station != self.station:
                raise self._reject(
                    f"{member} line {line.number} refers to a record of station {station}; "
                    f"station {self.station} may only send its own"
                )

    def _check_face_owners(self, chunk: list[_Line], existing: dict[str, dict[str, Any]]) -> None:
        photo_ids = {line.values["photo_id"] for line in chunk}
        photo_ids |= {ours["photo_id"] for ours in existing.values()}
        owners = photo_owners(self.session, photo_ids)
        for line in chunk:
            for photo_id in {line.values["photo_id"], existing.get(line.id, {}).get("photo_id")}:
                if photo_id is None:
                    continue
                owner = owners.get(photo_id)
                if owner is None or owner[1] != self.station:
                    raise self._reject(
                        f"records/face_vectors.jsonl line {line.number}: photo {photo_id} is not "
                        f"a photo of station {self.station}"
                    )

    # --- photo files ------------------------------------------------------------------------

    def _store_photo_files(self, rows: list[dict[str, Any]]) -> None:
        """Put the files of these photo rows in the store. Decoding, scaling and the fsyncs
        of the three files per photo run on a few threads (Pillow and fsync release the
        GIL); the archive is read here only, and a bounded number of photos is in flight."""
        pending: deque[Future[list[Path]]] = deque()
        with ThreadPoolExecutor(PHOTO_WORKERS) as pool:
            try:
                for values in rows:
                    job = self._photo_job(values)
                    if job is not None:
                        pending.append(pool.submit(job))
                    while len(pending) >= PHOTOS_IN_FLIGHT:
                        self._collect(pending.popleft())
                while pending:
                    self._collect(pending.popleft())
            except BaseException:
                for future in pending:
                    future.cancel()
                for future in pending:
                    if not future.cancelled():
                        with contextlib.suppress(Exception):
                            self._collect(future)
                raise

    def _collect(self, future: Future[list[Path]]) -> None:
        self.result.created_files.extend(future.result())

    def _photo_job(self, values: dict[str, Any]) -> Callable[[], list[Path]] | None:
        """What storing this photo row's files takes, as a job for a worker thread (or
        None when HQ has them all). Archive members are read here, on this thread."""
        sha256, ext, rotation = values["sha256"], values["original_ext"], values["rotation"]
        have_original = self.store.original_path(sha256, ext).exists()
        if have_original and self._derived_exist(sha256, rotation):
            return None
        original = None
        if not have_original:
            name = photo_member_name(sha256, ext)
            if name not in self.batch.archive.members:
                raise self._reject(
                    f"photo {values['id']} needs the file {name}, which is neither in the "
                    "batch nor at HQ"
                )
            original = self.batch.archive.read(name)
            if hashlib.sha256(original).hexdigest() != sha256:
                raise self._reject(f"the photo file {name} does not match its name")
            self.result.photo_files += 1
        derived = self._shipped_copies(values)
        return lambda: self._store_files(values, original, derived)

    def _shipped_copies(self, values: dict[str, Any]) -> tuple[bytes, bytes] | None:
        """The station's display copy and thumbnail, if it sent them and they fit the row."""
        names = derived_member_names(values["sha256"], values["rotation"])
        if not all(n in self.batch.archive.members for n in names):
            return None
        normalized, thumbnail = (self.batch.archive.read(n) for n in names)
        if hashlib.sha256(normalized).hexdigest() != values["normalized_sha256"]:
            return None  # made by another Pillow, say: HQ makes its own
        return normalized, thumbnail

    def _derived_exist(self, sha256: str, rotation: int) -> bool:
        return (
            self.store.normalized_path(sha256, rotation).exists()
            and self.store.thumbnail_path(sha256, rotation).exists()
        )

    def _store_files(
        self,
        values: dict[str, Any],
        original: bytes | None,
        derived: tuple[bytes, bytes] | None,
    ) -> list[Path]:
        """Write what is missing. The original's hash was checked, and it was checked as
        an image at the station that signed the batch, so it is decoded again only when
        HQ must make the display copies itself."""
        sha256, ext, rotation = values["sha256"], values["original_ext"], values["rotation"]
        created: list[Path] = []
        try:
            store = self.store
            if original is not None:
                store.write_new(store.original_path(sha256, ext), original, created)
            if derived is not None:
                store.write_new(store.normalized_path(sha256, rotation), derived[0], created)
                store.write_new(store.thumbnail_path(sha256, rotation), derived[1], created)
            else:
                created.extend(self._derive(values, original))
        except BaseException:
            self.store.discard(created)
            raise
        return created

    def _derive(self, values: dict[str, Any], original: bytes | None) -> list[Path]:
        sha256, ext, rotation = values["sha256"], values["original_ext"], values["rotation"]
        data = original if original is not None else self.store.read_original(sha256, ext)
        name = photo_member_name(sha256, ext)
        try:
            image = check_image(data, values["original_name"] or name)
        except PhotoRejected as error:
            raise self._reject(f"the photo file {name} is not usable: {error}") from None
        if image.ext != ext:
            raise self._reject(f"the photo file {name} is not a .{ext} file")
        return self.store.store(image, rotation).created_files

    # --- audit chain -------------------------------------------------------------------------

    def _extend_audit_chain(self, events: list[dict[str, Any]]) -> None:
        key = head_key(self.station)
        count, last_hash = parse_head(get_setting(self.session, key) or "0:")
        for event in events:
            if not self.late and event["prev_hash"] != last_hash:
                self.result.warn(
                    f"the station's audit log is not continuous before event {event['id']} "
                    f"({event['action']} at {event['at']:%Y-%m-%d %H:%M}): rows are missing "
                    "from it (or a batch in between was skipped)"
                )
            fields = [event[name] for name in _AUDIT_FIELDS]
            if digest(event["prev_hash"], *fields) != event["row_hash"]:
                self.result.warn(
                    f"audit event {event['id']} was altered at the station before it was sent"
                )
            if not self.late:
                last_hash = event["row_hash"]
        total = self.session.scalar(
            select(func.count())
            .select_from(AuditEvent)
            .where(AuditEvent.station_code == self.station)
        )
        if self.late:
            self.result.warn(
                "this batch arrived late: its audit events come after later ones at HQ, so "
                "'audit verify' shows a break there"
            )
        set_setting(self.session, key, f"{total or count}:{last_hash}")

    # --- deletions ---------------------------------------------------------------------------

    def _apply_deletions(self) -> None:
        wanted: dict[str, list[tuple[int, str]]] = {}
        for number, data in self._lines(DELETED_MEMBER):
            if not isinstance(data, dict) or set(data) != {"table", "id"}:
                raise self._reject(f"{DELETED_MEMBER} line {number} is not a deletion")
            spec = SPEC_BY_NAME.get(str(data["table"]))
            if spec is None or not spec.deletable:
                raise self._reject(
                    f"{DELETED_MEMBER} line {number}: rows of '{data['table']}' are never removed"
                )
            wanted.setdefault(spec.name, []).append((number, str(data["id"])))
        for name in ("face_vectors", "photos"):
            self._delete(SPEC_BY_NAME[name], wanted.get(name, []))

    def _delete(self, spec: TableSpec, lines: list[tuple[int, str]]) -> None:
        if not lines:
            return
        ids = [row_id for _, row_id in lines]
        if spec.name == "face_vectors":
            photos = face_vector_photos(self.session, ids)
            owners = photo_owners(self.session, set(photos.values()))
            stations = {i: owners.get(p, ("", ""))[1] for i, p in photos.items()}
        else:
            stations = {i: o[1] for i, o in photo_owners(self.session, ids).items()}
        for number, row_id in lines:
            if row_id in stations and stations[row_id] != self.station:
                raise self._reject(
                    f"{DELETED_MEMBER} line {number} would remove a row of station "
                    f"{stations[row_id]}"
                )
        present = [i for i in ids if i in stations]
        for start in range(0, len(present), CHUNK):
            batch = present[start : start + CHUNK]
            self.session.execute(delete(spec.table).where(spec.table.c.id.in_(batch)))
        counts = self.result.counts[spec.name]
        counts.removed += len(present)


_REFERENCES: dict[str, tuple[str, ...]] = {
    "photos": ("missing_id", "found_id"),
    "match_decisions": ("found_id", "missing_id"),
    "handovers": ("missing_id", "found_id"),
}
_AUDIT_FIELDS = (
    "id",
    "station_code",
    "at",
    "user_id",
    "username",
    "action",
    "record_type",
    "record_id",
    "details",
)
