"""Every table of the station database (and of district HQ, which uses the same models).

Alembic's env.py imports this module, so a model defined anywhere else would be missed.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from station_app.db.base import Base, new_uuid, utcnow


class Station(Base):
    __tablename__ = "stations"

    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    district: Mapped[str] = mapped_column(String(100))
    state: Mapped[str] = mapped_column(String(100))
    is_local: Mapped[bool] = mapped_column(Boolean, default=True)
    signing_public_key: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Setting(Base):
    """Small key/value facts about this installation (HQ key, last backup, last batch...)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class User(Base):
    __tablename__ = "users"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    station_code: Mapped[str] = mapped_column(ForeignKey("stations.code"))
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200), default="")
    rank: Mapped[str] = mapped_column(String(64), default="")
    badge_number: Mapped[str] = mapped_column(String(64), default="")
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class CaseCounter(Base):
    """Last serial handed out per station, kind and year, so a number is never reused."""

    __tablename__ = "case_counters"

    station_code: Mapped[str] = mapped_column(String(16), primary_key=True)
    letter: Mapped[str] = mapped_column(String(2), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_serial: Mapped[int] = mapped_column(Integer, default=0)


class _ChildColumns:
    """Columns both registers share: who the child is and the record's bookkeeping."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    station_code: Mapped[str] = mapped_column(ForeignKey("stations.code"))
    case_number: Mapped[str] = mapped_column(String(40), unique=True)
    ref: Mapped[str] = mapped_column(String(100))
    name: Mapped[str] = mapped_column(String(200), default="")
    aliases: Mapped[list[str]] = mapped_column(default=list)
    name_key: Mapped[str] = mapped_column(String(400), default="")
    sex: Mapped[str] = mapped_column(String(8), default="unknown")
    age_years: Mapped[float | None] = mapped_column(Float, default=None)
    age_min: Mapped[float | None] = mapped_column(Float, default=None)
    age_max: Mapped[float | None] = mapped_column(Float, default=None)
    date_of_birth: Mapped[date | None] = mapped_column(Date, default=None)
    height_cm: Mapped[float | None] = mapped_column(Float, default=None)
    complexion: Mapped[str | None] = mapped_column(String(10), default=None)
    build: Mapped[str] = mapped_column(String(100), default="")
    hair: Mapped[str] = mapped_column(String(100), default="")
    eyes: Mapped[str] = mapped_column(String(100), default="")
    marks: Mapped[str] = mapped_column(Text, default="")
    clothing: Mapped[str] = mapped_column(Text, default="")
    languages: Mapped[list[str]] = mapped_column(default=list)
    description: Mapped[str] = mapped_column(Text, default="")
    district: Mapped[str] = mapped_column(String(100), default="")
    state: Mapped[str] = mapped_column(String(100), default="")
    registered_at: Mapped[datetime] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64))
    updated_by: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer, default=1)


class MissingReport(_ChildColumns, Base):
    __tablename__ = "missing_reports"
    __table_args__ = (
        UniqueConstraint("station_code", "ref", name="uq_missing_reports_station_ref"),
        # The monthly figures read these columns only: with them in the index, a count
        # over a million reports never touches the table itself.
        Index(
            "ix_missing_reports_registered_cover",
            "registered_at", "sex", "case_type", "age_years", "age_min", "age_max",
        ),
        Index(
            "ix_missing_reports_traced_cover",
            "traced_at", "sex", "case_type", "age_years", "age_min", "age_max",
            "registered_at", "status",
        ),
        Index("ix_missing_reports_status_registered", "status", "registered_at"),
        Index("ix_missing_reports_name_id", "name", "id"),
    )  # fmt: skip

    case_type: Mapped[str] = mapped_column(String(12), default="missing")
    fir_number: Mapped[str] = mapped_column(String(100), default="")
    last_seen_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    last_seen_place: Mapped[str] = mapped_column(String(300), default="")
    guardian_name: Mapped[str] = mapped_column(String(200), default="")
    guardian_relation: Mapped[str] = mapped_column(String(100), default="")
    guardian_phone: Mapped[str] = mapped_column(String(40), default="")
    guardian_address: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(10), default="open")
    traced_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)


class FoundChild(_ChildColumns, Base):
    __tablename__ = "found_children"
    __table_args__ = (
        UniqueConstraint("station_code", "ref", name="uq_found_children_station_ref"),
        Index("ix_found_children_registered_at", "registered_at"),
        Index("ix_found_children_status_registered", "status", "registered_at"),
        Index("ix_found_children_name_id", "name", "id"),
    )

    gd_number: Mapped[str] = mapped_column(String(100), default="")
    found_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    found_place: Mapped[str] = mapped_column(String(300), default="")
    found_by: Mapped[str] = mapped_column(String(200), default="")
    custody: Mapped[str] = mapped_column(String(300), default="")
    status: Mapped[str] = mapped_column(String(12), default="unclaimed")
    restored_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)


class Photo(Base):
    """A photo of one child. Files live in the photo store, named by content hash."""

    __tablename__ = "photos"
    __table_args__ = (
        Index("ix_photos_missing_id", "missing_id"),
        Index("ix_photos_found_id", "found_id"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    missing_id: Mapped[str | None] = mapped_column(
        ForeignKey("missing_reports.id", ondelete="CASCADE"), default=None
    )
    found_id: Mapped[str | None] = mapped_column(
        ForeignKey("found_children.id", ondelete="CASCADE"), default=None
    )
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    normalized_sha256: Mapped[str] = mapped_column(String(64))
    original_name: Mapped[str] = mapped_column(String(300), default="")
    original_ext: Mapped[str] = mapped_column(String(8))
    byte_size: Mapped[int] = mapped_column(Integer)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    is_main: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)
    rotation: Mapped[int] = mapped_column(Integer, default=0)
    face_status: Mapped[str] = mapped_column(String(16), default="pending")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64))


class FaceVector(Base):
    """One face found (or marked by hand) in a photo, with its 128-d encoding."""

    __tablename__ = "face_vectors"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    photo_id: Mapped[str] = mapped_column(ForeignKey("photos.id", ondelete="CASCADE"), index=True)
    box_left: Mapped[int] = mapped_column(Integer)
    box_top: Mapped[int] = mapped_column(Integer)
    box_right: Mapped[int] = mapped_column(Integer)
    box_bottom: Mapped[int] = mapped_column(Integer)
    method: Mapped[str] = mapped_column(String(32))
    vector: Mapped[bytes] = mapped_column(LargeBinary)
    model: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class MatchDecision(Base):
    """An officer's verdict on a (found child, complaint) pair; undone rows stay, marked."""

    __tablename__ = "match_decisions"
    __table_args__ = (Index("ix_match_decisions_pair", "found_id", "missing_id"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    found_id: Mapped[str] = mapped_column(ForeignKey("found_children.id"))
    missing_id: Mapped[str] = mapped_column(ForeignKey("missing_reports.id"))
    decision: Mapped[str] = mapped_column(String(12))
    reason: Mapped[str] = mapped_column(Text, default="")
    score: Mapped[float | None] = mapped_column(Float, default=None)
    decided_by: Mapped[str] = mapped_column(String(64))
    decided_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    undone_by: Mapped[str | None] = mapped_column(String(64), default=None)
    undone_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    station_code: Mapped[str] = mapped_column(String(16))
    version: Mapped[int] = mapped_column(Integer, default=1)


class Handover(Base):
    """A child restored to the family: the certificate's facts, as signed."""

    __tablename__ = "handovers"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    station_code: Mapped[str] = mapped_column(String(16))
    certificate_number: Mapped[str] = mapped_column(String(40), unique=True)
    missing_id: Mapped[str] = mapped_column(ForeignKey("missing_reports.id"), unique=True)
    found_id: Mapped[str | None] = mapped_column(ForeignKey("found_children.id"), default=None)
    handed_over_at: Mapped[datetime] = mapped_column(DateTime)
    place: Mapped[str] = mapped_column(String(300), default="")
    details: Mapped[dict[str, object]] = mapped_column(default=dict)
    signed_payload: Mapped[str] = mapped_column(Text, default="")
    signature: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)
    print_count: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer, default=1)


class AuditEvent(Base):
    """Append-only log of who did what to which record; each row hashes the one before."""

    __tablename__ = "audit_events"
    __table_args__ = (
        Index("ix_audit_events_record", "record_type", "record_id"),
        Index("ix_audit_events_at", "at"),
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    station_code: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    user_id: Mapped[str | None] = mapped_column(String(36), default=None)
    username: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(32))
    record_type: Mapped[str] = mapped_column(String(32), default="")
    record_id: Mapped[str | None] = mapped_column(String(36), default=None)
    details: Mapped[dict[str, object]] = mapped_column(default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64), default="")
    row_hash: Mapped[str] = mapped_column(String(64), default="")


# --- batches to district HQ (station side) ---------------------------------------------------


class SentBatch(Base):
    """A batch this station wrote for district HQ: its number, period and what it held."""

    __tablename__ = "sync_sent_batches"
    __table_args__ = (
        UniqueConstraint("station_code", "sequence", name="uq_sync_sent_batches_sequence"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    station_code: Mapped[str] = mapped_column(String(16))
    sequence: Mapped[int] = mapped_column(Integer)
    full: Mapped[bool] = mapped_column(Boolean, default=False)
    period_from: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    period_to: Mapped[datetime] = mapped_column(DateTime)
    file_name: Mapped[str] = mapped_column(String(300))
    payload_sha256: Mapped[str] = mapped_column(String(64))
    counts: Mapped[dict[str, object]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64))


class SentRow(Base):
    """The hash of a row as it was last sent to HQ: the next batch carries only rows whose
    hash changed, and rows sent once but gone since (a removed photo) as deletions."""

    __tablename__ = "sync_sent_rows"

    table_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    row_hash: Mapped[str] = mapped_column(String(64))
    sequence: Mapped[int] = mapped_column(Integer)


# --- district HQ: keyring, batches received, conflicts, cross-station matches ----------------


class TrustedStationKey(Base):
    """A station signing key an HQ admin trusts, after comparing its fingerprint."""

    __tablename__ = "hq_trusted_keys"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    station_code: Mapped[str] = mapped_column(ForeignKey("stations.code"), index=True)
    public_key: Mapped[bytes] = mapped_column(LargeBinary)
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    trusted_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    trusted_by: Mapped[str] = mapped_column(String(64))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    revoked_by: Mapped[str | None] = mapped_column(String(64), default=None)


class ReceivedBatch(Base):
    """A station's batch merged at HQ, with the report the officer saw."""

    __tablename__ = "hq_received_batches"
    __table_args__ = (
        UniqueConstraint("station_code", "sequence", name="uq_hq_received_batches_sequence"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    station_code: Mapped[str] = mapped_column(ForeignKey("stations.code"))
    sequence: Mapped[int] = mapped_column(Integer)
    full: Mapped[bool] = mapped_column(Boolean, default=False)
    payload_sha256: Mapped[str] = mapped_column(String(64))
    key_fingerprint: Mapped[str] = mapped_column(String(64))
    period_from: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    period_to: Mapped[datetime] = mapped_column(DateTime)
    made_by: Mapped[str] = mapped_column(String(64), default="")
    file_name: Mapped[str] = mapped_column(String(300), default="")
    gap_accepted: Mapped[bool] = mapped_column(Boolean, default=False)
    late: Mapped[bool] = mapped_column(Boolean, default=False)
    report: Mapped[dict[str, object]] = mapped_column(default=dict)
    received_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    received_by: Mapped[str] = mapped_column(String(64))


class MergeConflict(Base):
    """Two different edits of one version of a record: HQ's copy is kept, the batch's copy
    is kept here, until an HQ officer settles which one stands."""

    __tablename__ = "hq_merge_conflicts"
    __table_args__ = (Index("ix_hq_merge_conflicts_record", "table_name", "record_id"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    station_code: Mapped[str] = mapped_column(String(16))
    batch_id: Mapped[str] = mapped_column(ForeignKey("hq_received_batches.id"))
    table_name: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(36))
    version: Mapped[int] = mapped_column(Integer)
    hq_values: Mapped[dict[str, object]] = mapped_column(default=dict)
    batch_values: Mapped[dict[str, object]] = mapped_column(default=dict)
    batch_hash: Mapped[str] = mapped_column(String(64))
    detected_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    settled_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    settled_by: Mapped[str | None] = mapped_column(String(64), default=None)
    resolution: Mapped[str | None] = mapped_column(String(16), default=None)


class CrossStationMatch(Base):
    """A found child of one station ranked likely or possible for another station's
    complaint, when a batch brought either of them to HQ."""

    __tablename__ = "hq_cross_matches"
    __table_args__ = (UniqueConstraint("found_id", "missing_id", name="uq_hq_cross_matches_pair"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    found_id: Mapped[str] = mapped_column(ForeignKey("found_children.id"))
    missing_id: Mapped[str] = mapped_column(ForeignKey("missing_reports.id"))
    found_station: Mapped[str] = mapped_column(String(16))
    missing_station: Mapped[str] = mapped_column(String(16))
    score: Mapped[float] = mapped_column(Float)
    label: Mapped[str] = mapped_column(String(12))
    batch_id: Mapped[str | None] = mapped_column(ForeignKey("hq_received_batches.id"), default=None)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
