"""The tar archive inside the encrypted stream: files in, each hashed on the way, and out.

Written and read as a stream (tar modes "w|" and "r|"): no member is ever held in memory
whole, and nothing but plain files with safe names is written out on restore.
"""

from __future__ import annotations

import hashlib
import io
import os
import tarfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, BinaryIO, cast

from station_app.backup.errors import BackupDamaged
from station_app.backup.manifest import (
    FOLDERS,
    MANIFEST_NAME,
    MAX_MANIFEST_BYTES,
    Manifest,
    Member,
    safe_member_name,
)

COPY_BYTES = 1 << 20
_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation


class _HashingReader:
    """Reads a file for tarfile, hashing what passes."""

    def __init__(self, handle: BinaryIO, on_bytes: Callable[[int], None] | None) -> None:
        self._handle = handle
        self._on_bytes = on_bytes
        self.sha = hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        data = self._handle.read(size)
        self.sha.update(data)
        if self._on_bytes:
            self._on_bytes(len(data))
        return data


def folder_files(root: Path, folder: str) -> Iterator[tuple[str, Path]]:
    """(member name, path) of every plain file under root/folder, in a stable order.

    Hidden files are half-written temporaries (atomic writes) and are left out.
    """
    base = root / folder
    if not base.is_dir():
        return
    for directory, dirs, files in os.walk(base):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(directory, name)
            member = f"{folder}/{path.relative_to(base).as_posix()}"
            if safe_member_name(member) and path.is_file() and not path.is_symlink():
                yield member, path


class ArchiveWriter:
    def __init__(self, sink: object, on_bytes: Callable[[int], None] | None = None) -> None:
        self._tar = tarfile.open(  # noqa: SIM115 (closed by close())
            fileobj=cast(IO[bytes], sink), mode="w|", format=tarfile.PAX_FORMAT
        )
        self._on_bytes = on_bytes
        self.members: list[Member] = []

    def add_file(self, name: str, path: Path) -> Member:
        with path.open("rb") as handle:
            info = tarfile.TarInfo(name)
            stat = os.fstat(handle.fileno())
            info.size, info.mtime, info.mode = stat.st_size, int(stat.st_mtime), 0o600
            reader = _HashingReader(handle, self._on_bytes)
            self._tar.addfile(info, cast(IO[bytes], reader))
        member = Member(name, info.size, reader.sha.hexdigest())
        self.members.append(member)
        return member

    def add_manifest(self, manifest: Manifest) -> None:
        data = manifest.to_json()
        info = tarfile.TarInfo(MANIFEST_NAME)
        info.size, info.mtime, info.mode = len(data), int(time.time()), 0o600
        self._tar.addfile(info, io.BytesIO(data))

    def close(self) -> None:
        self._tar.close()


def _copy_out(source: IO[bytes], target: Path, size: int, label: str) -> str:
    sha = hashlib.sha256()
    written = 0
    # Owner-only, like everything the app writes (photos via mkstemp, the private keys).
    with os.fdopen(
        os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY, 0o600), "wb"
    ) as out:
        while chunk := source.read(COPY_BYTES):
            sha.update(chunk)
            out.write(chunk)
            written += len(chunk)
    if written != size:
        raise BackupDamaged(label, f"'{target.name}' is shorter than its entry says")
    return sha.hexdigest()


def extract(
    stream: object,
    dest: Path,
    label: str,
    on_member: Callable[[str, Path], None] | None = None,
) -> tuple[Manifest, dict[str, Member]]:
    """Write every member under dest, hashing each; return the manifest and what was found.

    `on_member` sees each file as soon as it is out (the database comes first), so a
    backup that cannot be restored here is refused before the photos are unpacked.
    """
    found: dict[str, Member] = {}
    manifest_raw: bytes | None = None
    for folder in FOLDERS:
        (dest / folder).mkdir(parents=True, exist_ok=True)
    (dest / "keys").chmod(0o700)
    try:
        with tarfile.open(fileobj=cast(IO[bytes], stream), mode="r|") as tar:
            for info in tar:
                name = info.name
                if manifest_raw is not None:
                    raise BackupDamaged(label, f"'{name}' comes after the manifest")
                if not safe_member_name(name) or not info.isfile():
                    raise BackupDamaged(label, f"it holds '{name}', which is not a file to restore")
                if name in found:
                    raise BackupDamaged(label, f"'{name}' is in it twice")
                source = tar.extractfile(info)
                assert source is not None  # a regular file always has contents
                if name == MANIFEST_NAME:
                    if info.size > MAX_MANIFEST_BYTES:
                        raise BackupDamaged(label, "its manifest is implausibly large")
                    manifest_raw = source.read()
                    continue
                target = dest / name
                target.parent.mkdir(parents=True, exist_ok=True)
                found[name] = Member(name, info.size, _copy_out(source, target, info.size, label))
                if on_member:
                    on_member(name, target)
    except tarfile.TarError as error:
        raise BackupDamaged(label, f"its archive is malformed ({error})") from None
    if manifest_raw is None:
        raise BackupDamaged(label, "its manifest is missing")
    return Manifest.from_json(manifest_raw, label), found


def compare_with_manifest(manifest: Manifest, found: dict[str, Member], label: str) -> None:
    listed = {m.name: m for m in manifest.members}
    if missing := sorted(listed.keys() - found.keys()):
        raise BackupDamaged(label, f"'{missing[0]}' is listed in its manifest but missing")
    if extra := sorted(found.keys() - listed.keys()):
        raise BackupDamaged(label, f"'{extra[0]}' is in it but not in its manifest")
    for name, member in sorted(found.items()):
        if member != listed[name]:
            raise BackupDamaged(label, f"'{name}' does not match its SHA-256 in the manifest")
