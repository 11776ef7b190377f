"""Streaming readers: one raw record (a dict) per line, with its line number.

Both readers report the byte position reached, for progress, and never hold the file.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, BinaryIO

from station_app.errors import Problem

CSV_LIST_FIELDS = ("aliases", "languages", "photos")
CSV_GUARDIAN_FIELDS = ("name", "relation", "phone", "address")
# A full record is a few kB; a longer line is a broken file, not worth holding in memory.
MAX_LINE_BYTES = 1 << 20
# File types people pick by mistake, known by their first bytes.
_NOT_TEXT = {
    b"PK\x03\x04": "a spreadsheet or zip file: save the sheet as CSV (UTF-8)",
    b"\xd0\xcf\x11\xe0": "an old Excel or Word file: save the sheet as CSV (UTF-8)",
    b"%PDF": "a PDF file",
    b"\xff\xfe": "UTF-16 text: save it as UTF-8",
    b"\xfe\xff": "UTF-16 text: save it as UTF-8",
}


@dataclass(frozen=True, slots=True)
class RawLine:
    line: int
    position: int
    data: dict[str, Any] | None
    problem: Problem | None = None


class _DuplicateField(ValueError):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def _object_without_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """json.loads keeps the last of two equal keys silently; a register must not."""
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateField(key)
        result[key] = value
    return result


def _lines(handle: BinaryIO) -> Iterator[bytes | None]:
    """Each line's bytes, or None for a line longer than MAX_LINE_BYTES (skipped unread)."""
    while raw := handle.readline(MAX_LINE_BYTES + 1):
        if len(raw) <= MAX_LINE_BYTES or raw.endswith(b"\n"):
            yield raw
            continue
        while (rest := handle.readline(MAX_LINE_BYTES)) and not rest.endswith(b"\n"):
            pass
        yield None


def _parse_json(text: str, number: int) -> dict[str, Any] | Problem:
    try:
        value = json.loads(text, object_pairs_hook=_object_without_duplicates)
    except _DuplicateField as error:
        return Problem("appears twice in this line's object", field=error.name, line=number)
    except json.JSONDecodeError as error:
        return Problem(f"is not valid JSON ({error.msg}, column {error.colno})", line=number)
    except RecursionError:
        return Problem("is not valid here: its JSON is nested too deeply", line=number)
    except ValueError:  # int() refuses numbers of more than 4,300 digits
        return Problem("is not valid JSON (a number in it is far too long)", line=number)
    if not isinstance(value, dict):
        return Problem("must be a JSON object {...}", line=number)
    return value


def read_jsonl(path: Path) -> Iterator[RawLine]:
    with path.open("rb") as handle:
        for number, raw in enumerate(_lines(handle), start=1):
            position = handle.tell()
            if raw is None:
                problem = Problem(f"is longer than {MAX_LINE_BYTES // 2**20} MB", line=number)
                yield RawLine(number, position, None, problem)
                continue
            try:
                text = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as error:
                yield RawLine(
                    number, position, None, Problem(f"is not UTF-8 ({error.reason})", line=number)
                )
                continue
            if not text.strip():
                continue
            value = _parse_json(text, number)
            if isinstance(value, Problem):
                yield RawLine(number, position, None, value)
            else:
                yield RawLine(number, position, value)


def _csv_value(field: str, text: str) -> Any:
    text = text.strip()
    if field in CSV_LIST_FIELDS:
        return [item.strip() for item in text.split(";") if item.strip()]
    return text


def _csv_record(row: dict[str, str]) -> dict[str, Any]:
    record: dict[str, Any] = {}
    guardian: dict[str, str] = {}
    for key, cell in row.items():
        if key is None:
            continue
        text = cell or ""  # a short row: DictReader gives None for the missing cells
        key = key.strip()
        if key.startswith("guardian_") and key[len("guardian_") :] in CSV_GUARDIAN_FIELDS:
            if text.strip():
                guardian[key[len("guardian_") :]] = text.strip()
        elif text.strip() or key in CSV_LIST_FIELDS:
            record[key] = _csv_value(key, text)
    if guardian:
        record["guardian"] = guardian
    return record


def _not_utf8(texts: Iterable[str | None]) -> Problem | None:
    """Bytes that were not UTF-8, decoded with surrogateescape, are U+DC80..U+DCFF."""
    for text in texts:
        for char in text or "":
            if "\udc80" <= char <= "\udcff":
                return Problem(f"is not UTF-8 (byte 0x{ord(char) - 0xDC00:02X})")
    return None


def read_csv(path: Path) -> Iterator[RawLine]:
    """CSV with the JSON Lines field names; lists ';'-separated; numbers as text."""
    size_handle = path.open("rb")
    # surrogateescape: a bad byte is reported on its own line, not at the decoder's chunk
    with (
        size_handle,
        io.TextIOWrapper(
            size_handle, encoding="utf-8-sig", errors="surrogateescape", newline=""
        ) as text,
    ):
        # strict: a stray quote is an error, not a cell that swallows the lines after it
        reader = csv.DictReader(text, strict=True)
        try:
            header = reader.fieldnames or []
            if bad := _not_utf8(header):
                yield RawLine(1, 0, None, replace(bad, line=1))
                return
            if twice := _repeated(header):
                yield RawLine(1, 0, None, Problem("is twice in the header", field=twice, line=1))
                return
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
                if bad := _not_utf8(row.values()):
                    yield RawLine(line, size_handle.tell(), None, replace(bad, line=line))
                    continue
                if not any((v or "").strip() for v in row.values()):
                    continue
                yield RawLine(line, size_handle.tell(), _csv_record(row))
        except csv.Error as error:
            # line_num is still that of the last whole row: the broken one starts after it
            line = reader.line_num + 1
            yield RawLine(line, 0, None, Problem(f"CSV error: {error}", line=line))


def _repeated(names: Sequence[str]) -> str | None:
    seen: set[str] = set()
    for name in (n.strip() for n in names):
        if name in seen:
            return name
        seen.add(name)
    return None


def not_text_reason(path: Path) -> str | None:
    """Why the file is plainly not a register in text (a spreadsheet, a PDF...), if so."""
    with path.open("rb") as handle:
        start = handle.read(4)
    for magic, reason in _NOT_TEXT.items():
        if start.startswith(magic):
            return reason
    return None


def read_records(path: Path) -> Iterator[RawLine]:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return read_csv(path)
    return read_jsonl(path)
