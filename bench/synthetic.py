"""Synthetic registers for benchmarks: realistic-looking import files and bulk rows."""

from __future__ import annotations

import io
import json
import random
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw

from station_app.db.base import new_uuid, utcnow

FIRST = [
    "Rajesh",
    "राजेश",
    "Pooja",
    "पूजा",
    "Amit",
    "अमित",
    "Sunita",
    "सुनीता",
    "Mohd Salim",
    "Vikash",
    "विकास",
    "Aarti",
    "आरती",
    "Imran",
    "Kajal",
    "काजल",
    "Deepak",
    "Neha",
]
PLACES = ["Ratlam Junction", "रतलाम जंक्शन", "Ujjain bus stand", "Indore station", "Neemuch"]


def photo_bytes(rng: random.Random, size: tuple[int, int] = (640, 800)) -> bytes:
    image = Image.new("RGB", size, tuple(rng.randint(0, 255) for _ in range(3)))
    draw = ImageDraw.Draw(image)
    for _ in range(12):
        x, y = rng.randint(0, size[0]), rng.randint(0, size[1])
        draw.ellipse((x, y, x + 120, y + 150), fill=tuple(rng.randint(0, 255) for _ in range(3)))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def import_record(rng: random.Random, index: int, photo: str | None) -> dict[str, Any]:
    seen = datetime(2025, 1, 1) + timedelta(days=rng.randint(0, 600), minutes=rng.randint(0, 999))
    kind = "missing" if index % 5 else "found"
    record: dict[str, Any] = {
        "kind": kind,
        "ref": f"{'FIR' if kind == 'missing' else 'GD'} {index}/2026",
        "name": f"{rng.choice(FIRST)} {rng.choice(['Kumar', 'कुमार', 'Yadav', ''])}".strip(),
        "sex": rng.choice(["male", "female", "unknown"]),
        "age_years": rng.randint(1, 17),
        "height_cm": rng.randint(80, 170),
        "complexion": rng.choice(["fair", "wheatish", "dark"]),
        "marks": "बाएं गाल पर तिल",
        "clothing": "red t-shirt, blue jeans",
        "languages": ["Hindi"],
        "district": "Ratlam",
        "state": "Madhya Pradesh",
        "registered_at": (seen + timedelta(days=1)).isoformat(),
    }
    if kind == "missing":
        record.update(
            last_seen_at=seen.isoformat(),
            last_seen_place=rng.choice(PLACES),
            guardian={"name": "Suresh", "relation": "father", "phone": "9876543210"},
        )
    else:
        record.update(
            found_at=seen.isoformat(), found_place=rng.choice(PLACES), custody="Shelter home"
        )
    if photo:
        record["photos"] = [photo]
    return record


def write_import_file(folder: Path, records: int, with_photo: int, seed: int = 1) -> Path:
    rng = random.Random(seed)
    (folder / "photos").mkdir(parents=True, exist_ok=True)
    step = max(1, records // max(with_photo, 1))
    path = folder / "register.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for index in range(records):
            photo = None
            if with_photo and index % step == 0 and index // step < with_photo:
                photo = f"photos/{index}.jpg"
                (folder / photo).write_bytes(photo_bytes(rng))
            out.write(json.dumps(import_record(rng, index, photo), ensure_ascii=False) + "\n")
    return path


def missing_rows(count: int, station: str = "RTM01", seed: int = 2) -> Iterator[dict[str, Any]]:
    """Rows for a bulk INSERT into missing_reports (bypassing the services, for speed)."""
    from station_app.names import search_key

    rng = random.Random(seed)
    now = utcnow()
    for index in range(count):
        seen = datetime(2020, 1, 1) + timedelta(minutes=rng.randint(0, 3_000_000))
        name = f"{rng.choice(FIRST)} {rng.choice(['Kumar', 'कुमार', 'Yadav'])}"
        yield {
            "id": new_uuid(),
            "station_code": station,
            "case_number": f"{station}/{seen.year}/M/{index:07d}",
            "ref": f"FIR {index}",
            "name": name,
            "aliases": [],
            "name_key": search_key(name, ()),
            "sex": rng.choice(["male", "female"]),
            "age_years": float(rng.randint(1, 17)),
            "languages": ["Hindi"],
            "registered_at": seen,
            "last_seen_at": seen,
            "last_seen_place": rng.choice(PLACES),
            "status": rng.choice(["open", "traced"]),
            "created_at": now,
            "updated_at": now,
            "created_by": "bench",
            "updated_by": "bench",
            "version": 1,
            "case_type": "missing",
        }
