"""Broken, tampered and hostile backup files, made from one good backup.

Three kinds: damage anyone can do to the file (cut it, flip a byte, move its parts);
a wrong passphrase; and archives sealed with the right passphrase whose contents lie
(a path out of the folder, a hash that does not match, a damaged database...), as a
buggy or malicious program could write them.
"""

from __future__ import annotations

import hashlib
import io
import json
import sqlite3
import struct
import tarfile
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from station_app.backup.errors import BackupDamaged, BackupError, NotABackup, WrongPassphrase
from station_app.backup.manifest import DATABASE_NAME, MANIFEST_NAME
from station_app.backup.stream import HEADER_BYTES, DecryptingReader, EncryptingWriter
from station_app.kdf import KdfParams
from tests.bad_input import images

CHEAP_KDF = KdfParams(log2_n=10, r=8, p=1)
Entry = tuple[tarfile.TarInfo, bytes]


@dataclass(frozen=True)
class Sources:
    good: bytes  # a backup of the desk's own station, in several parts
    other_station: bytes  # a backup of another station, same passphrase
    passphrase: str

    def plain(self) -> bytes:
        reader = DecryptingReader(io.BytesIO(self.good), self.passphrase, "good")
        return reader.read()


@dataclass(frozen=True)
class BackupCase:
    name: str
    make: Callable[[Sources], bytes]
    error: type[BackupError]
    reason: str
    passphrase: str | None = None  # None: the right one


def parts(data: bytes) -> list[tuple[int, int]]:
    """(start, end) of each sealed part after the header."""
    spans, at = [], HEADER_BYTES
    while at < len(data):
        _, length = struct.unpack(">BI", data[at : at + 5])
        spans.append((at, at + 5 + length))
        at += 5 + length
    return spans


def _flip(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1 :]


def _part(data: bytes, index: int) -> bytes:
    start, end = parts(data)[index]
    return data[start:end]


def _without_part(data: bytes, index: int) -> bytes:
    start, end = parts(data)[index]
    return data[:start] + data[end:]


def _swap_parts(data: bytes, a: int, b: int) -> bytes:
    spans = parts(data)
    pieces = [data[s:e] for s, e in spans]
    pieces[a], pieces[b] = pieces[b], pieces[a]
    return data[:HEADER_BYTES] + b"".join(pieces)


# --- archives sealed with the right passphrase but lying inside ------------------------------


def entries(plain: bytes) -> list[Entry]:
    with tarfile.open(fileobj=io.BytesIO(plain), mode="r:") as tar:
        return [(info, _contents(tar, info)) for info in tar.getmembers()]


def _contents(tar: tarfile.TarFile, info: tarfile.TarInfo) -> bytes:
    handle = tar.extractfile(info) if info.isfile() else None
    return handle.read() if handle else b""


def seal(items: list[Entry], passphrase: str) -> bytes:
    plain = io.BytesIO()
    with tarfile.open(fileobj=plain, mode="w:", format=tarfile.PAX_FORMAT) as tar:
        for info, data in items:
            info.size = len(data) if info.isfile() else 0
            tar.addfile(info, io.BytesIO(data) if info.isfile() else None)
    return seal_bytes(plain.getvalue(), passphrase)


def seal_bytes(plain: bytes, passphrase: str) -> bytes:
    out = io.BytesIO()
    writer = EncryptingWriter(out, passphrase, CHEAP_KDF)
    writer.write(plain)
    writer.finish()
    return out.getvalue()


def _file(name: str, data: bytes, kind: bytes = tarfile.REGTYPE, link: str = "") -> Entry:
    info = tarfile.TarInfo(name)
    info.type, info.linkname, info.mode = kind, link, 0o600
    return info, data


def _manifest(items: list[Entry]) -> dict[str, Any]:
    data = next(d for i, d in items if i.name == MANIFEST_NAME)
    result: dict[str, Any] = json.loads(data)
    return result


def _with_manifest(items: list[Entry], manifest: dict[str, Any]) -> list[Entry]:
    text = json.dumps(manifest).encode()
    return [(i, text if i.name == MANIFEST_NAME else d) for i, d in items]


def _honest_manifest(items: list[Entry]) -> list[Entry]:
    """The manifest rewritten to match the members, so only the lie inside is left."""
    manifest = _manifest(items)
    manifest["members"] = [
        [i.name, len(d), hashlib.sha256(d).hexdigest()]
        for i, d in items
        if i.name != MANIFEST_NAME and i.isfile()
    ]
    return _with_manifest(items, manifest)


def _insert_before_manifest(items: list[Entry], extra: Entry) -> list[Entry]:
    return [*items[:-1], extra, items[-1]]


def _replace_database(items: list[Entry], data: bytes) -> list[Entry]:
    return _honest_manifest([(i, data if i.name == DATABASE_NAME else d) for i, d in items])


def _edited_database(items: list[Entry], sql: str) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "db.sqlite3"
        path.write_bytes(next(d for i, d in items if i.name == DATABASE_NAME))
        connection = sqlite3.connect(path)
        try:
            connection.executescript(sql)
            connection.commit()
            connection.execute("PRAGMA journal_mode=DELETE")
        finally:
            connection.close()
        return path.read_bytes()


def _empty_sqlite() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "empty.sqlite3"
        sqlite3.connect(path).close()
        connection = sqlite3.connect(path)
        connection.execute("CREATE TABLE notes (text)")
        connection.commit()
        connection.close()
        return path.read_bytes()


def _corrupted_database(items: list[Entry]) -> bytes:
    data = bytearray(next(d for i, d in items if i.name == DATABASE_NAME))
    page = 4096
    for at in range(2 * page, len(data) - page, page):  # every page but the first: garbage
        data[at + 8 : at + 64] = b"\xff" * 56
    return bytes(data)


def _lying(edit: Callable[[list[Entry]], list[Entry]]) -> Callable[[Sources], bytes]:
    def make(sources: Sources) -> bytes:
        return seal(edit(entries(sources.plain())), sources.passphrase)

    return make


def _photo_names(items: list[Entry]) -> list[str]:
    return [i.name for i, _ in items if i.name.startswith("photos/")]


def _manifest_change(change: Callable[[dict[str, Any]], None]) -> Callable[[Sources], bytes]:
    def edit(items: list[Entry]) -> list[Entry]:
        manifest = _manifest(items)
        change(manifest)
        return _with_manifest(items, manifest)

    return _lying(edit)


def _set(key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    return lambda manifest: manifest.__setitem__(key, value)


def _wrong_first_hash(manifest: dict[str, Any]) -> None:
    manifest["members"][1][2] = "0" * 64


def _wrong_count(manifest: dict[str, Any]) -> None:
    manifest["counts"]["found_children"] += 1


# --- the corpus ------------------------------------------------------------------------------


def _damage_cases() -> list[BackupCase]:
    d, n, w = BackupDamaged, NotABackup, WrongPassphrase
    cases = [
        BackupCase("zero-bytes", lambda s: b"", n, "not a Muskaan Station backup"),
        BackupCase("magic-only", lambda s: s.good[:8], n, "not a Muskaan Station backup"),
        BackupCase("header-cut", lambda s: s.good[:40], n, "not a Muskaan Station backup"),
        BackupCase("a-jpeg", lambda s: images.jpeg(), n, "not a Muskaan Station backup"),
        BackupCase("a-register", lambda s: b'{"kind": "found"}\n' * 9, n, "not a Muskaan"),
        BackupCase("newer-format", lambda s: s.good[:8] + b"\x02" + s.good[9:], BackupError,
                   "newer version"),
        BackupCase("unknown-kdf", lambda s: s.good[:9] + b"\x07" + s.good[10:], n,
                   "header is damaged"),
        BackupCase("kdf-terabyte", lambda s: s.good[:10] + b"\x28" + s.good[11:], n,
                   "header is damaged"),
        BackupCase("salt-altered", lambda s: _flip(s.good, 14), w, "passphrase does not open"),
        BackupCase("check-altered", lambda s: _flip(s.good, HEADER_BYTES - 1), w,
                   "passphrase does not open"),
        BackupCase("nonce-altered", lambda s: _flip(s.good, 31), d, "part 1"),
        BackupCase("cut-after-header", lambda s: s.good[:HEADER_BYTES], d, "truncated"),
        BackupCase("cut-after-part-1", lambda s: s.good[: parts(s.good)[0][1]], d, "truncated"),
        BackupCase("cut-after-part-2", lambda s: s.good[: parts(s.good)[1][1]], d, "truncated"),
        BackupCase("cut-before-last-part", lambda s: s.good[: parts(s.good)[-1][0]], d,
                   "truncated"),
        BackupCase("cut-in-part-header", lambda s: s.good[: parts(s.good)[1][0] + 3], d,
                   "truncated"),
        BackupCase("cut-mid-part", lambda s: s.good[: sum(parts(s.good)[1]) // 2], d,
                   "truncated"),
        BackupCase("cut-last-byte", lambda s: s.good[:-1], d, "truncated"),
        BackupCase("byte-flipped-part-1", lambda s: _flip(s.good, parts(s.good)[0][0] + 40), d,
                   "part 1 "),
        BackupCase("byte-flipped-part-2", lambda s: _flip(s.good, parts(s.good)[1][0] + 99), d,
                   "part 2 "),
        BackupCase("byte-flipped-last-part", lambda s: _flip(s.good, parts(s.good)[-1][0] + 7),
                   d, "fails its check"),
        BackupCase("tag-flipped", lambda s: _flip(s.good, parts(s.good)[0][1] - 1), d,
                   "part 1 "),
        BackupCase("flag-says-last", lambda s: _flip(s.good, parts(s.good)[0][0]), d,
                   "part 1 "),
        BackupCase("flag-nonsense", lambda s: s.good[:HEADER_BYTES] + b"\x07"
                   + s.good[HEADER_BYTES + 1 :], d, "damaged length or flag"),
        BackupCase("length-huge", lambda s: s.good[: HEADER_BYTES + 1] + b"\xff\xff\xff\xff"
                   + s.good[HEADER_BYTES + 5 :], d, "damaged length or flag"),
        BackupCase("length-short", lambda s: s.good[: HEADER_BYTES + 1]
                   + struct.pack(">I", 100) + s.good[HEADER_BYTES + 5 :], d, "part 1 "),
        BackupCase("part-2-dropped", lambda s: _without_part(s.good, 1), d, "part 2 "),
        BackupCase("parts-swapped", lambda s: _swap_parts(s.good, 0, 1), d, "part 1 "),
        BackupCase("part-1-twice", lambda s: s.good[: parts(s.good)[1][0]] + _part(s.good, 0)
                   + s.good[parts(s.good)[1][0] :], d, "part 2 "),
        BackupCase("last-part-twice", lambda s: s.good + _part(s.good, -1), d, "extra bytes"),
        BackupCase("garbage-appended", lambda s: s.good + b"\x00" * 16, d, "extra bytes"),
        BackupCase("part-from-another-backup", lambda s: s.good[: parts(s.good)[0][0]]
                   + _part(s.other_station, 0) + s.good[parts(s.good)[0][1] :], d, "part 1 "),
        BackupCase("wrong-passphrase", lambda s: s.good, w, "passphrase does not open",
                   passphrase="monsoon-ledger-43"),
        BackupCase("empty-passphrase", lambda s: s.good, w, "passphrase does not open",
                   passphrase=""),
        BackupCase("passphrase-in-capitals", lambda s: s.good, w, "passphrase does not open",
                   passphrase="MONSOON-LEDGER-42"),
        BackupCase("passphrase-and-a-nul", lambda s: s.good, w, "passphrase does not open",
                   passphrase="monsoon-ledger-42\0"),  # scrypt alone would ignore the NUL
        BackupCase("another-station", lambda s: s.other_station, BackupError,
                   "backup of station BPL02"),
    ]  # fmt: skip
    return cases


def _lying_cases() -> list[BackupCase]:
    d = BackupDamaged

    def drop(name_of: Callable[[list[Entry]], str], fix: bool) -> Callable[[Sources], bytes]:
        def edit(items: list[Entry]) -> list[Entry]:
            gone = name_of(items)
            kept = [(i, b) for i, b in items if i.name != gone]
            return _honest_manifest(kept) if fix else kept

        return _lying(edit)

    def extra(entry: Entry, fix: bool = False) -> Callable[[Sources], bytes]:
        def edit(items: list[Entry]) -> list[Entry]:
            added = _insert_before_manifest(items, entry)
            return _honest_manifest(added) if fix else added

        return _lying(edit)

    return [
        BackupCase("not-a-tar", lambda s: seal_bytes(b"\x13" * 5000, s.passphrase), d,
                   "archive is malformed"),
        BackupCase("empty-inside", lambda s: seal_bytes(b"", s.passphrase), d, "malformed"),
        BackupCase("no-manifest", drop(lambda i: MANIFEST_NAME, False), d, "manifest is missing"),
        BackupCase("manifest-not-json", _lying(lambda i: _with_manifest_raw(i, b"{nope")), d,
                   "manifest cannot be read"),
        BackupCase("manifest-other-format", _manifest_change(_set("format", "zip")), d,
                   "manifest cannot be read"),
        BackupCase("manifest-members-text", _manifest_change(_set("members", "all")), d,
                   "manifest cannot be read"),
        BackupCase("manifest-hash-wrong", _manifest_change(_wrong_first_hash), d,
                   "does not match its SHA-256"),
        BackupCase("manifest-count-wrong", _manifest_change(_wrong_count), d,
                   "its manifest says"),
        BackupCase("manifest-other-station", _manifest_change(_set("station_code", "XYZ9")),
                   d, "names another station"),
        BackupCase("photo-listed-but-missing",
                   drop(lambda i: _photo_names(i)[0], False), d, "listed in its manifest"),
        BackupCase("photo-not-listed", extra(_file("photos/original/zz/extra.jpg", b"x")), d,
                   "not in its manifest"),
        BackupCase("path-escapes", extra(_file("../evil.sh", b"rm -rf /"), True), d,
                   "'../evil.sh'"),
        BackupCase("path-escapes-inside", extra(_file("photos/../../evil.sh", b"x"), True), d,
                   "not a file to restore"),
        BackupCase("path-absolute", extra(_file("/etc/cron.d/evil", b"x"), True), d,
                   "not a file to restore"),
        BackupCase("path-windows", extra(_file("photos\\..\\..\\evil.bat", b"x"), True), d,
                   "not a file to restore"),
        BackupCase("path-unknown-folder", extra(_file("bin/evil", b"x"), True), d,
                   "not a file to restore"),
        BackupCase("symlink-member", extra(_file("photos/x.jpg", b"", tarfile.SYMTYPE,
                   "/etc/passwd")), d, "not a file to restore"),
        BackupCase("hardlink-member", extra(_file("photos/y.jpg", b"", tarfile.LNKTYPE,
                   "station.sqlite3")), d, "not a file to restore"),
        BackupCase("device-member", extra(_file("photos/z", b"", tarfile.CHRTYPE)), d,
                   "not a file to restore"),
        BackupCase("member-after-manifest", _lying(lambda i: [*i, _file("keys/late.pem", b"k")]),
                   d, "after the manifest"),
        BackupCase("member-twice", _lying(lambda i: _insert_before_manifest(i, i[1])), d,
                   "in it twice"),
        BackupCase("no-database", drop(lambda i: DATABASE_NAME, True), d, "holds no database"),
        BackupCase("database-corrupt", _lying(lambda i: _replace_database(
                   i, _corrupted_database(i))), d, "integrity check"),
        BackupCase("database-not-sqlite", _lying(lambda i: _replace_database(
                   i, b"SQLite format 3\x00" + b"\x00" * 4000)), d, "integrity check"),
        BackupCase("database-not-a-station", _lying(lambda i: _replace_database(
                   i, _empty_sqlite())), d, "not a station database"),
        BackupCase("database-newer-schema", _lying(lambda i: _replace_database(
                   i, _edited_database(i, "UPDATE alembic_version SET version_num='0099';"))),
                   BackupError, "newer version of Muskaan Station"),
        BackupCase("database-no-station-row", _lying(lambda i: _replace_database(
                   i, _edited_database(i, "UPDATE stations SET is_local = 0;"))), d,
                   "not a station database"),
    ]  # fmt: skip


def _with_manifest_raw(items: list[Entry], raw: bytes) -> list[Entry]:
    return [(i, raw if i.name == MANIFEST_NAME else d) for i, d in items]


CASES = _damage_cases() + _lying_cases()
