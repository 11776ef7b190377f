"""A corpus of broken register files, each with the problem the officer must be told.

Every file starts with a good line (an update of a record already in the station, with a
photo) so that "nothing was changed" also proves the good part of a bad file is not kept.
Run `python -m tests.bad_input.import_corpus OUT_DIR` to write it out and look at it.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.bad_input import images

BASELINE: list[dict[str, Any]] = [
    {
        "kind": "found",
        "ref": "GD 1",
        "name": "",
        "sex": "unknown",
        "age_min": 8,
        "age_max": 11,
        "found_at": "2026-01-20",
        "photos": ["photos/good.jpg"],
    },
]
GOOD_UPDATE = {**BASELINE[0], "name": "बदला हुआ नाम", "photos": ["photos/good.png"]}
MISSING: dict[str, Any] = {
    "kind": "missing",
    "ref": "FIR 7/2026",
    "name": "पूजा",
    "sex": "female",
    "age_years": 7,
    "last_seen_at": "2026-01-05",
    "guardian": {"name": "Ramesh", "phone": "99999"},
}
FOUND: dict[str, Any] = {"kind": "found", "ref": "GD 2", "found_at": "2026-01-06"}
FUTURE = "2999-01-01"


@dataclass(frozen=True)
class ImportCase:
    """One bad file and the problem that must be reported (line None: the whole file)."""

    name: str
    file: str
    line: int | None
    field: str
    reason: str


class _Writer:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.cases: list[ImportCase] = []

    def raw(
        self,
        name: str,
        data: bytes,
        line: int | None,
        field: str,
        reason: str,
        suffix: str = ".jsonl",
    ) -> None:
        file = f"{name}{suffix}"
        (self.folder / file).write_bytes(data)
        self.cases.append(ImportCase(name, file, line, field, reason))

    def line(self, name: str, bad: bytes, field: str, reason: str) -> None:
        """A good line, then `bad` as line 2."""
        self.raw(name, _line(GOOD_UPDATE) + bad + b"\n", 2, field, reason)

    def record(self, name: str, record: dict[str, Any], field: str, reason: str) -> None:
        self.line(name, json.dumps(record, ensure_ascii=False).encode(), field, reason)

    def csv(self, name: str, text: bytes, line: int | None, field: str, reason: str) -> None:
        self.raw(name, text, line, field, reason, suffix=".csv")


def _line(record: dict[str, Any]) -> bytes:
    return json.dumps(record, ensure_ascii=False).encode() + b"\n"


def _without(record: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in record.items() if k != key}


def _photo_files(folder: Path) -> None:
    photos = folder / "photos"
    photos.mkdir(parents=True, exist_ok=True)
    (photos / "good.jpg").write_bytes(images.jpeg())
    (photos / "good.png").write_bytes(images.png())
    (photos / "empty.jpg").write_bytes(b"")
    (photos / "notes.jpg").write_text("not a photo at all\n")
    (photos / "cut.jpg").write_bytes(images.jpeg()[:600])
    (photos / "header-only.jpg").write_bytes(images.jpeg()[:20])
    (photos / "giant.png").write_bytes(images.png_claiming(20_000, 20_000))
    (photos / "bad-pixels.png").write_bytes(images.png_with_bad_pixels())
    (photos / "anim.gif").write_bytes(images.gif())
    (photos / "drawing.svg").write_bytes(images.SVG)
    (photos / "a-folder.jpg").mkdir(exist_ok=True)
    with (photos / "huge.jpg").open("wb") as huge:
        huge.truncate(30 * 2**20)  # sparse: 30 MB on paper, nothing on disk
    outside = folder.parent / f"{folder.name}-outside"
    outside.mkdir(exist_ok=True)
    (outside / "private.jpg").write_bytes(images.jpeg())
    if hasattr(os, "symlink"):
        _symlink(outside / "private.jpg", photos / "link-out.jpg")
        _symlink(photos / "loop-b.jpg", photos / "loop-a.jpg")
        _symlink(photos / "loop-a.jpg", photos / "loop-b.jpg")
        _symlink(photos / "gone.jpg", photos / "dangling.jpg")
    if hasattr(os, "mkfifo") and not (photos / "pipe.jpg").exists():
        os.mkfifo(photos / "pipe.jpg")


def _symlink(target: Path, link: Path) -> None:
    if not link.is_symlink():
        link.symlink_to(target)


def _encoding_and_structure(w: _Writer) -> None:
    good = _line(GOOD_UPDATE)
    w.line(
        "latin1-text",
        '{"kind": "found", "ref": "GD 3", "name": "José"}'.encode("latin-1"),
        "",
        "is not UTF-8",
    )
    w.line(
        "overlong-utf8", b'{"kind": "found", "ref": "GD 3", "name": "\xc0\xaf"}', "", "is not UTF-8"
    )
    w.line("cut-utf8", b'{"kind": "found", "ref": "GD 3", "name": "\xe0\xa4"}', "", "is not UTF-8")
    w.raw("utf16-file", ("\ufeff" + good.decode()).encode("utf-16-le"), None, "", "UTF-16")
    w.line("bom-on-line-2", "\ufeff".encode() + _line(FOUND).strip(), "", "BOM")
    w.line(
        "lone-surrogate-raw",
        b'{"kind": "found", "ref": "GD 3", "name": "\xed\xa0\x80"}',
        "",
        "is not UTF-8",
    )
    w.line(
        "lone-surrogate-escaped",
        b'{"kind": "found", "ref": "GD 3", "name": "\\udc00x"}',
        "name",
        "U+DC00",
    )
    w.line(
        "huge-line",
        b'{"kind": "found", "ref": "GD 3", "name": "' + b"a" * (2 << 20) + b'"}',
        "",
        "longer than 1 MB",
    )
    w.line("nul-byte-raw", b'{"kind": "found", "ref": "GD\x003"}', "", "not valid JSON")
    w.record("nul-escaped-name", {**FOUND, "name": "Ra\u0000ju"}, "name", "U+0000")
    w.record("escape-sequence-name", {**FOUND, "name": "\x1b[31mRaju"}, "name", "U+001B")
    w.record("newline-in-name", {**FOUND, "name": "Raju\nKumar"}, "name", "U+000A")
    w.line(
        "deeply-nested",
        b'{"kind": "found", "ref": "GD 3", "guardian": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
        "",
        "nested too deeply",
    )
    w.record(
        "nested-guardian",
        {**MISSING, "guardian": {"name": [[[["Ramesh"]]]]}},
        "guardian.name",
        "must be text",
    )
    for name, text in [
        ("array", b"[1, 2]"),
        ("string", b'"found"'),
        ("number", b"42"),
        ("null", b"null"),
        ("true", b"true"),
    ]:
        w.line(f"top-level-{name}", text, "", "must be a JSON object")
    w.line("cut-mid-object", _line(FOUND)[:20], "", "not valid JSON")
    w.line("garbage-after-object", _line(FOUND).strip() + b" x", "", "not valid JSON")
    w.line("two-objects-one-line", _line(FOUND).strip() * 2, "", "not valid JSON")
    w.line(
        "duplicated-key", b'{"kind": "found", "ref": "GD 3", "ref": "GD 4"}', "ref", "appears twice"
    )
    w.line("single-quotes", b"{'kind': 'found', 'ref': 'GD 3'}", "", "not valid JSON")
    w.line("trailing-comma", b'{"kind": "found", "ref": "GD 3",}', "", "not valid JSON")
    w.line("comment", b'{"kind": "found", "ref": "GD 3"} // from Excel', "", "not valid JSON")
    for literal in (b"NaN", b"Infinity", b"-Infinity", b"1e400"):
        w.line(
            f"number-{literal.decode().lower()}",
            b'{"kind": "found", "ref": "GD 3", "age_min": ' + literal + b"}",
            "age_min",
            "finite number",
        )
    w.line(
        "number-5000-digits",
        b'{"kind": "found", "ref": "GD 3", "age_min": ' + b"9" * 5000 + b"}",
        "",
        "far too long",
    )


def _wrong_values(w: _Writer) -> None:
    r = w.record
    r("kind-missing", _without(FOUND, "kind"), "kind", "is required")
    r("kind-null", {**FOUND, "kind": None}, "kind", "is required")
    r("kind-number", {**FOUND, "kind": 1}, "kind", "not 'missing' or 'found'")
    r("kind-list", {**FOUND, "kind": ["found"]}, "kind", "not 'missing' or 'found'")
    r("kind-capitalised", {**FOUND, "kind": "Found"}, "kind", "not 'missing' or 'found'")
    r("kind-other", {**FOUND, "kind": "lost"}, "kind", "not 'missing' or 'found'")
    r("ref-missing", _without(FOUND, "ref"), "ref", "is required")
    r("ref-empty", {**FOUND, "ref": ""}, "ref", "is required")
    r("ref-blank", {**FOUND, "ref": "   "}, "ref", "is required")
    r("ref-number", {**FOUND, "ref": 12}, "ref", "write it in quotes")
    r("ref-float", {**FOUND, "ref": 12.5}, "ref", "must be text")
    r("ref-bool", {**FOUND, "ref": True}, "ref", "must be text")
    r("ref-list", {**FOUND, "ref": ["GD 3"]}, "ref", "must be text")
    r("ref-object", {**FOUND, "ref": {"no": 3}}, "ref", "must be text")
    r("ref-too-long", {**FOUND, "ref": "R" * 101}, "ref", "at most 100")
    r("ref-with-newline", {**FOUND, "ref": "GD\n3"}, "ref", "U+000A")
    r("name-number", {**FOUND, "name": 5}, "name", "must be text")
    r("name-list", {**FOUND, "name": ["Raju"]}, "name", "must be text")
    r("name-true", {**FOUND, "name": True}, "name", "must be text")
    r("name-too-long", {**FOUND, "name": "न" * 201}, "name", "at most 200")
    r(
        "description-too-long",
        {**FOUND, "description": "x" * 10_001},
        "description",
        "at most 10,000",
    )
    r("marks-with-nul", {**FOUND, "marks": "mole\u0000"}, "marks", "U+0000")
    r("aliases-text", {**FOUND, "aliases": "Raju"}, "aliases", "list of texts")
    r("aliases-numbers", {**FOUND, "aliases": [1, 2]}, "aliases", "list of texts")
    r(
        "aliases-too-many",
        {**FOUND, "aliases": [f"a{i}" for i in range(60)]},
        "aliases",
        "at most 50",
    )
    r("sex-other-word", {**FOUND, "sex": "boy"}, "sex", "not one of")
    r("sex-number", {**FOUND, "sex": 1}, "sex", "not one of")
    r("complexion-unknown", {**FOUND, "complexion": "pink"}, "complexion", "not one of")
    r("age-text", {**FOUND, "age_min": "nine"}, "age_min", "must be a number")
    r("age-bool", {**FOUND, "age_min": True}, "age_min", "must be a number")
    r("age-list", {**FOUND, "age_min": [9]}, "age_min", "must be a number")
    r("age-negative", {**MISSING, "age_years": -3}, "age_years", "not an age")
    r("age-too-old", {**MISSING, "age_years": 121}, "age_years", "not an age")
    r(
        "age-range-upside-down",
        {**FOUND, "age_min": 12, "age_max": 8},
        "age_min",
        "more than age_max",
    )
    r("height-negative", {**FOUND, "height_cm": -10}, "height_cm", "not a child's height")
    r("height-zero", {**FOUND, "height_cm": 0}, "height_cm", "not a child's height")
    r("height-ten-metres", {**FOUND, "height_cm": 1000}, "height_cm", "not a child's height")
    r("height-text", {**FOUND, "height_cm": "tall"}, "height_cm", "must be a number")
    r("case-type-unknown", {**MISSING, "case_type": "theft"}, "case_type", "not one of")
    r("missing-status-unknown", {**MISSING, "status": "lost"}, "status", "not one of")
    r("found-status-of-missing", {**FOUND, "status": "traced"}, "status", "not one of")
    r("guardian-text", {**MISSING, "guardian": "Ramesh"}, "guardian", "must be an object")
    r("guardian-list", {**MISSING, "guardian": ["Ramesh"]}, "guardian", "must be an object")
    r(
        "guardian-unknown-key",
        {**MISSING, "guardian": {"mobile": "9"}},
        "guardian.mobile",
        "not a guardian field",
    )
    r(
        "guardian-phone-number",
        {**MISSING, "guardian": {"phone": 99999}},
        "guardian.phone",
        "must be text",
    )
    r(
        "guardian-phone-too-long",
        {**MISSING, "guardian": {"phone": "9" * 41}},
        "guardian.phone",
        "at most 40",
    )


def _dates(w: _Writer) -> None:
    r = w.record
    r("date-feb-30", {**FOUND, "found_at": "2026-02-30"}, "found_at", "not an ISO 8601")
    r("date-feb-29-not-leap", {**FOUND, "found_at": "2025-02-29"}, "found_at", "not an ISO 8601")
    r("date-month-13", {**FOUND, "date_of_birth": "2016-13-45"}, "date_of_birth", "not a date")
    r("date-dd-mm-yyyy", {**FOUND, "found_at": "20/03/2026"}, "found_at", "not an ISO 8601")
    r("date-words", {**FOUND, "found_at": "yesterday"}, "found_at", "not an ISO 8601")
    r("date-number", {**FOUND, "found_at": 20260320}, "found_at", "ISO 8601 date or date-time text")
    r("date-hour-25", {**FOUND, "found_at": "2026-03-03T25:00"}, "found_at", "not an ISO 8601")
    r("date-year-0", {**FOUND, "found_at": "0000-01-01"}, "found_at", "not an ISO 8601")
    r(
        "date-overflows-zone",
        {**FOUND, "found_at": "9999-12-31T23:00:00-14:00"},
        "found_at",
        "not an ISO 8601",
    )
    r(
        "date-underflows-zone",
        {**FOUND, "found_at": "0001-01-01T00:00:00+14:00"},
        "found_at",
        "not an ISO 8601",
    )
    r("future-found-at", {**FOUND, "found_at": FUTURE}, "found_at", "lies in the future")
    r("future-registered-at", {**FOUND, "registered_at": FUTURE}, "registered_at", "future")
    r("future-birth", {**FOUND, "date_of_birth": FUTURE}, "date_of_birth", "future")
    r("born-after-found", {**FOUND, "date_of_birth": "2026-02-01"}, "date_of_birth", "after")
    r("born-after-last-seen", {**MISSING, "date_of_birth": "2026-01-06"}, "date_of_birth", "after")
    r("future-last-seen", {**MISSING, "last_seen_at": FUTURE + "T10:00"}, "last_seen_at", "future")
    r("traced-without-date", {**MISSING, "status": "traced"}, "traced_at", "required")
    r(
        "traced-date-but-open",
        {**MISSING, "traced_at": "2026-02-01"},
        "traced_at",
        "status is 'open'",
    )
    r(
        "traced-before-last-seen",
        {**MISSING, "status": "traced", "traced_at": "2025-12-01"},
        "traced_at",
        "before last_seen_at",
    )


def _duplicates(w: _Writer) -> None:
    twice = _line(FOUND) + _line(FOUND)
    w.raw("same-ref-twice", _line(GOOD_UPDATE) + twice, 3, "ref", "appears twice")
    padded = _line({**FOUND, "ref": "  GD 2 "})
    w.raw(
        "same-ref-with-spaces",
        _line(GOOD_UPDATE) + _line(FOUND) + padded,
        3,
        "ref",
        "appears twice",
    )
    w.raw("good-record-twice", _line(GOOD_UPDATE) * 2, 2, "ref", "appears twice")


def _photos(w: _Writer) -> None:
    def photo(name: str, path: str, reason: str) -> None:
        w.record(name, {**FOUND, "photos": [path]}, "photos", reason)

    w.record("photos-text", {**FOUND, "photos": "photos/good.jpg"}, "photos", "list of texts")
    w.record(
        "photos-too-many", {**FOUND, "photos": ["photos/good.jpg"] * 51}, "photos", "at most 50"
    )
    photo("photo-missing", "photos/nowhere.jpg", "does not exist")
    photo("photo-absolute", "/etc/passwd", "must be relative")
    photo("photo-drive-letter", "C:\\Users\\sho\\child.jpg", "must be relative")
    photo("photo-unc-share", "\\\\server\\share\\child.jpg", "must be relative")
    photo("photo-parent-folder", "../outside/private.jpg", "leads out of")
    photo("photo-parent-deep", "photos/../../outside/private.jpg", "leads out of")
    photo("photo-parent-backslash", "..\\outside\\private.jpg", "leads out of")
    photo("photo-nul-in-path", "photos/good.jpg\u0000.txt", "U+0000")
    photo("photo-empty-file", "photos/empty.jpg", "is empty")
    photo("photo-text-file", "photos/notes.jpg", "not an image")
    photo("photo-truncated-jpeg", "photos/cut.jpg", "damaged or truncated")
    photo("photo-jpeg-header-only", "photos/header-only.jpg", "not an image")
    photo("photo-png-20000x20000", "photos/giant.png", "too large")
    photo("photo-png-bad-pixels", "photos/bad-pixels.png", "damaged")
    photo("photo-gif", "photos/anim.gif", "use JPEG, PNG")
    photo("photo-svg", "photos/drawing.svg", "not an image")
    photo("photo-30-mb", "photos/huge.jpg", "the limit is 25 MB")
    photo("photo-a-folder", "photos/a-folder.jpg", "is a folder")
    if hasattr(os, "symlink"):
        photo("photo-symlink-out", "photos/link-out.jpg", "leads out of")
        photo("photo-symlink-loop", "photos/loop-a.jpg", "cannot be opened")
        photo("photo-symlink-dangling", "photos/dangling.jpg", "does not exist")
    if hasattr(os, "mkfifo"):
        photo("photo-named-pipe", "photos/pipe.jpg", "not a plain file")


CSV_HEADER = b"kind,ref,name,sex,age_years,age_min,age_max,found_at,last_seen_at,photos\n"
CSV_GOOD = "found,GD 1,बदला हुआ नाम,unknown,,8,11,2026-01-20,,photos/good.png\n".encode()


def _csv(w: _Writer) -> None:
    def row(name: str, text: bytes, field: str, reason: str, line: int = 3) -> None:
        w.csv(name, CSV_HEADER + CSV_GOOD + text + b"\n", line, field, reason)

    row("csv-latin1-cell", "found,GD 3,José,,,,,,,".encode("latin-1"), "", "is not UTF-8")
    w.csv("csv-utf16", (CSV_HEADER + CSV_GOOD).decode().encode("utf-16"), None, "", "UTF-16")
    row("csv-stray-quote", b'found,GD 3,"Raju,,,,,,,', "", "CSV error")
    row("csv-text-after-quote", b'found,GD 3,"Raju"K,,,,,,,', "", "CSV error")
    row("csv-more-cells", b"found,GD 3,,,,,,,,,extra", "", "more cells than the header")
    row("csv-nul", b"found,GD 3,Ra\x00ju,,,,,,,", "name", "U+0000")
    row("csv-huge-cell", b'found,GD 3,"' + b"a" * 200_000 + b'",,,,,,,', "", "CSV error")
    row("csv-age-words", b"found,GD 3,,,,nine,,,,", "age_min", "not a number")
    row("csv-age-nan", b"found,GD 3,,,,nan,,,,", "age_min", "finite number")
    row("csv-age-inf", b"found,GD 3,,,,inf,,,,", "age_min", "finite number")
    row("csv-age-negative", b"missing,FIR 3,,,-3,,,,,", "age_years", "not an age")
    row("csv-feb-30", b"found,GD 3,,,,,,2026-02-30,,", "found_at", "not an ISO 8601")
    row("csv-future", b"found,GD 3,,,,,,2999-01-01,,", "found_at", "future")
    row("csv-kind-empty", b",GD 3,,,,,,,,", "kind", "is required")
    row("csv-photo-escape", b"found,GD 3,,,,,,,,../outside/private.jpg", "photos", "leads out")
    row(
        "csv-photo-missing",
        b"found,GD 3,,,,,,,,photos/a.jpg;photos/b.jpg",
        "photos",
        "does not exist",
    )
    row("csv-ref-twice", CSV_GOOD.strip(), "ref", "appears twice")
    w.csv("csv-header-twice", b"kind,ref,ref\nfound,GD 3,GD 4\n", 1, "ref", "twice in the header")
    w.csv("csv-no-kind-column", b"ref,name\nGD 3,Raju\n", 2, "kind", "is required")


def _whole_files(w: _Writer) -> None:
    w.raw("xlsx-renamed", b"PK\x03\x04" + os.urandom(512), None, "", "spreadsheet", ".jsonl")
    w.raw("xlsx-file", b"PK\x03\x04" + os.urandom(512), None, "", "save the sheet as CSV", ".xlsx")
    w.raw("xls-file", b"\xd0\xcf\x11\xe0" + os.urandom(512), None, "", "old Excel", ".csv")
    w.raw("pdf-file", b"%PDF-1.7\n" + os.urandom(512), None, "", "PDF", ".jsonl")
    w.raw(
        "random-bytes",
        b"\x80\x81\n" + os.urandom(64).replace(b"\n", b"") + b"\n",
        1,
        "",
        "is not UTF-8",
    )


BUILDERS: list[Callable[[_Writer], None]] = [
    _encoding_and_structure,
    _wrong_values,
    _dates,
    _duplicates,
    _photos,
    _csv,
    _whole_files,
]


def write_import_corpus(folder: Path) -> list[ImportCase]:
    """Write every bad file (and the photos they name) into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    _photo_files(folder)
    writer = _Writer(folder)
    for build in BUILDERS:
        build(writer)
    names = [case.name for case in writer.cases]
    assert len(names) == len(set(names)), "two cases share a name"
    return writer.cases


def write_baseline(folder: Path) -> Path:
    """The register the station holds before any bad file is tried."""
    _photo_files(folder)
    path = folder / "baseline.jsonl"
    path.write_bytes(b"".join(_line(record) for record in BASELINE))
    return path


if __name__ == "__main__":
    cases = write_import_corpus(Path(sys.argv[1]))
    print(f"{len(cases)} bad import files written to {sys.argv[1]}")
