"""Plain records as JSON-ready dicts (CLI output; later, batches to HQ)."""

from __future__ import annotations

import dataclasses
import enum
from datetime import date, datetime
from typing import Any

from station_app.domain import ChildRecord, RegisterRow
from station_app.services.listing import age_text


def plain(value: Any) -> Any:
    """Dataclasses, enums, dates and tuples turned into JSON types, recursively."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def record_dict(record: ChildRecord) -> dict[str, Any]:
    meta = plain(record.meta)
    details = plain(record.details)
    photos = [plain(p) for p in record.photos]
    return {**meta, **details, "photos": photos}


def row_dict(row: RegisterRow) -> dict[str, Any]:
    data = plain(row)
    data["age"] = age_text(row.age_years, row.age_min, row.age_max)
    return dict(data)
