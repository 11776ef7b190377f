"""Rows as batch lines: one JSON object per row, each value encoded by its column's type.

The same encoding serves three ends: the lines of a batch, the hash by which a station
knows what it sent already, and HQ's comparison of its copy of a row with a batch's.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    Integer,
    LargeBinary,
    String,
    Table,
)

from station_app.db.base import Base
from station_app.db.models import (
    AuditEvent,
    FaceVector,
    FoundChild,
    Handover,
    MatchDecision,
    MissingReport,
    Photo,
)


@dataclass(frozen=True, slots=True)
class TableSpec:
    """How one table travels: whether it has versions, and what may change without one."""

    model: type[Base]
    versioned: bool
    volatile: frozenset[str] = frozenset()
    """Columns a station changes without a new version (a photo's owner touched, a
    certificate reprinted): a difference there is an update, never a conflict."""
    deletable: bool = False
    """Rows the station may remove (photos taken off a record); sent as deletions."""
    append_only: bool = False
    """The audit log: sent by its sequence number, never changed once written."""
    local_columns: frozenset[str] = frozenset()
    """Columns that stay behind: the audit log's row number is each database's own."""

    @property
    def name(self) -> str:
        return self.table.name

    @property
    def table(self) -> Table:
        table = self.model.__table__
        assert isinstance(table, Table)
        return table

    @property
    def columns(self) -> list[Column[Any]]:
        return [c for c in self.table.columns if c.name not in self.local_columns]


_RECORD_VOLATILE = frozenset({"updated_at", "updated_by"})

# In merge order: a row's parents come before it.
SPECS: tuple[TableSpec, ...] = (
    TableSpec(MissingReport, versioned=True, volatile=_RECORD_VOLATILE),
    TableSpec(FoundChild, versioned=True, volatile=_RECORD_VOLATILE),
    TableSpec(Photo, versioned=False, deletable=True),
    TableSpec(FaceVector, versioned=False, deletable=True),
    TableSpec(MatchDecision, versioned=True),
    TableSpec(Handover, versioned=True, volatile=frozenset({"print_count"})),
    TableSpec(AuditEvent, versioned=False, append_only=True, local_columns=frozenset({"seq"})),
)
SPEC_BY_NAME = {spec.name: spec for spec in SPECS}


def encode_value(column: Column[Any], value: Any) -> Any:
    if value is None:
        return None
    kind = column.type
    if isinstance(kind, DateTime | Date):
        assert isinstance(value, date)
        return value.isoformat()
    if isinstance(kind, LargeBinary):
        return base64.b64encode(value).decode("ascii")
    if isinstance(kind, Float):
        return float(value)
    return value


def encode_row(spec: TableSpec, row: Mapping[Any, Any]) -> dict[str, Any]:
    """A row (a mapping of column name to value, as the database returns it) as JSON."""
    return {c.name: encode_value(c, row[c.name]) for c in spec.columns}


def canonical(encoded: Mapping[str, Any]) -> bytes:
    return json.dumps(encoded, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def row_hash(encoded: Mapping[str, Any]) -> str:
    return hashlib.sha256(canonical(encoded)).hexdigest()


def differing(spec: TableSpec, ours: Mapping[str, Any], theirs: Mapping[str, Any]) -> set[str]:
    """Columns whose encoded values differ."""
    return {c.name for c in spec.columns if ours.get(c.name) != theirs.get(c.name)}


class RowError(ValueError):
    """A batch line that does not fit its table; the message names the column."""


def decode_row(spec: TableSpec, data: object) -> dict[str, Any]:
    """A batch line back as column values ready to write; RowError if anything is off."""
    if not isinstance(data, dict):
        raise RowError("is not a JSON object")
    names = {c.name for c in spec.columns}
    unknown = set(data) - names
    if unknown:
        raise RowError(f"has columns {sorted(unknown)} this program does not know")
    values: dict[str, Any] = {}
    for column in spec.columns:
        if column.name not in data:
            raise RowError(f"lacks column '{column.name}'")
        values[column.name] = _decode_value(column, data[column.name])
    return values


def _decode_value(column: Column[Any], value: Any) -> Any:
    if value is None:
        if not column.nullable:
            raise RowError(f"column '{column.name}' may not be empty")
        return None
    try:
        return _typed(column, value)
    except (ValueError, TypeError, binascii.Error) as error:
        raise RowError(f"column '{column.name}': {error}") from error


def _typed(column: Column[Any], value: Any) -> Any:
    kind = column.type
    if isinstance(kind, Boolean):
        return _expect(value, bool)
    if isinstance(kind, Integer):
        if isinstance(value, bool):
            raise TypeError("expected a whole number")
        return _expect(value, int)
    if isinstance(kind, Float):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise TypeError("expected a number")
        return float(value)
    if isinstance(kind, DateTime):
        moment = datetime.fromisoformat(_expect(value, str))
        if moment.tzinfo is not None:
            raise ValueError("times are stored without a time zone")
        return moment
    if isinstance(kind, Date):
        return date.fromisoformat(_expect(value, str))
    if isinstance(kind, LargeBinary):
        return base64.b64decode(_expect(value, str), validate=True)
    if isinstance(kind, JSON):
        if not isinstance(value, dict | list):
            raise TypeError("expected a JSON object or list")
        return value
    if isinstance(kind, String):
        text = _expect(value, str)
        if kind.length is not None and len(text) > kind.length:
            raise ValueError(f"longer than {kind.length} characters")
        return text
    raise TypeError(f"unsupported column type {kind!r}")  # a new model type: a bug here


def _expect(value: Any, kind: type[Any]) -> Any:
    if not isinstance(value, kind):
        raise TypeError(f"expected {kind.__name__}, got {type(value).__name__}")
    return value
