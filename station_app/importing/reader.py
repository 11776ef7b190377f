"""Streaming readers: one raw record (a dict) per line, with its line number.

Both readers report the byte position reached, for progress, and never hold the file.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from station_app.errors import Problem

CSV_LIST_FIELDS = ("aliases", "languages", "photos")
CSV_GUARDIAN_FIELDS = ("name", "relation", "phone", "address")


@dataclass(frozen=True, slots=True)
class RawLine:
    line: int
    position: int
    data: dict[str, Any] | None
    problem: Problem | None = None


def read_jsonl(path: Path) -> Iterator[RawLine]:
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            position = handle.tell()
            try:
                text = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as error:
                yield RawLine(
                    number, position, None, Problem(f"is not UTF-8 ({error.reason})", line=number)
                )
                continue
            if not text.strip():
                continue
            try:
                value = json.loads(text)
            except json.JSONDecodeError as error:
                yield RawLine(
                    number,
                    position,
                    None,
                    Problem(f"is not valid JSON ({error.msg}, column {error.colno})", line=number),
                )
                continue
            if not isinstance(value, dict):
                yield RawLine(
                    number, position, None, Problem("must be a JSON object {...}", line=number)
                )
                continue
            yield RawLine(number, position, value)


def _csv_value(field: str, text: str) -> Any:
    text = text.strip()
    if field in CSV_LIST_FIELDS:
        return [item.strip() for item in text.split(";") if item.strip()]
    return text


def _csv_record(row: dict[str, str]) -> dict[str, Any]:
    record: dict[str, Any] = {}
    guardian: dict[str, str] = {}
    for key, text in row.items():
        if key is None:
            continue
        key = key.strip()
        if key.startswith("guardian_") and key[len("guardian_") :] in CSV_GUARDIAN_FIELDS:
            if text.strip():
                guardian[key[len("guardian_") :]] = text.strip()
        elif text is not None and (text.strip() or key in CSV_LIST_FIELDS):
            record[key] = _csv_value(key, text)
    if guardian:
        record["guardian"] = guardian
    return record


def read_csv(path: Path) -> Iterator[RawLine]:
    """CSV with the JSON Lines field names; lists ';'-separated; numbers as text."""
    size_handle = path.open("rb")
    with size_handle, io.TextIOWrapper(size_handle, encoding="utf-8-sig", newline="") as text:
        reader = csv.DictReader(text)
        try:
            for row in reader:
                line = reader.line_num
                if None in row:
                    yield RawLine(
                        line,
                        size_handle.tell(),
                        None,
                        Problem("has more cells than the header", line=line),
                    )
                    continue
                if not any((v or "").strip() for v in row.values()):
                    continue
                yield RawLine(line, size_handle.tell(), _csv_record(row))
        except UnicodeDecodeError as error:
            yield RawLine(
                reader.line_num + 1,
                0,
                None,
                Problem(f"is not UTF-8 ({error.reason})", line=reader.line_num + 1),
            )
        except csv.Error as error:
            yield RawLine(
                reader.line_num, 0, None, Problem(f"CSV error: {error}", line=reader.line_num)
            )


def read_records(path: Path) -> Iterator[RawLine]:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return read_csv(path)
    return read_jsonl(path)
