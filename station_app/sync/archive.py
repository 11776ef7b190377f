"""The archive inside a batch: a tar stream of records, photo files and the manifest.

Writing streams straight into the encryption; every member's SHA-256 is taken on the way.
Reading happens only after the signature checked out, from the decrypted file on disk,
and never extracts: each member is read in place by a name that was checked first, so no
path in the archive can point outside the staging folder or anywhere else.
"""

from __future__ import annotations

import hashlib
import re
import tarfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, Any, BinaryIO, Protocol, cast

from station_app.sync.manifest import Member

MEMBER_NAME = re.compile(
    r"manifest\.json|records/[a-z_]{1,40}\.jsonl|photos/[0-9a-f]{64}\.(jpg|png|bmp|pgm|webp)"
    r"|(normalized|thumbs)/[0-9a-f]{64}-r(0|90|180|270)\.jpg"
)
READ_BLOCK = 1 << 20


class ArchiveError(ValueError):
    """The archive breaks a rule; the message says which."""


class Writable(Protocol):
    def write(self, data: bytes, /) -> int: ...


class HashingWriter:
    """Passes writes on, taking the SHA-256 of everything that went through."""

    def __init__(self, out: Writable) -> None:
        self._out = out
        self.sha256 = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes) -> int:
        self.sha256.update(data)
        self.size += len(data)
        self._out.write(data)
        return len(data)


class _HashingReader:
    def __init__(self, source: IO[bytes], on_bytes: Callable[[int], None] | None) -> None:
        self._source = source
        self._on_bytes = on_bytes
        self.sha256 = hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        data = self._source.read(size)
        self.sha256.update(data)
        if self._on_bytes is not None:
            self._on_bytes(len(data))
        return data


class ArchiveWriter:
    """Members written one after another into a tar stream; their hashes are kept."""

    def __init__(self, out: Writable, mtime: float) -> None:
        # A stream: members go out as they are added; nothing is seeked back to.
        self._tar = tarfile.open(  # noqa: SIM115 - closed by close()
            fileobj=cast(Any, out),
            mode="w|",
            format=tarfile.PAX_FORMAT,
        )
        self._mtime = mtime
        self.members: list[Member] = []

    def add(
        self,
        name: str,
        source: IO[bytes],
        size: int,
        on_bytes: Callable[[int], None] | None = None,
    ) -> Member:
        if not MEMBER_NAME.fullmatch(name):
            raise ValueError(f"not a batch member name: {name}")
        info = tarfile.TarInfo(name)
        info.size = size
        info.mtime = self._mtime
        info.mode = 0o600
        reader = _HashingReader(source, on_bytes)
        self._tar.addfile(info, cast(Any, reader))
        member = Member(name, reader.sha256.hexdigest(), size)
        self.members.append(member)
        return member

    def add_file(
        self, name: str, path: Path, on_bytes: Callable[[int], None] | None = None
    ) -> Member:
        with path.open("rb") as handle:
            return self.add(name, handle, path.stat().st_size, on_bytes)

    def close(self) -> None:
        self._tar.close()


def _check_name(name: str) -> None:
    path = PurePosixPath(name)
    escapes = (
        path.is_absolute()
        or ".." in path.parts
        or "\\" in name
        or re.match(r"^[A-Za-z]:", name) is not None
    )
    if escapes:
        raise ArchiveError(f"a path in the archive escapes its folder: '{name}'")
    if not MEMBER_NAME.fullmatch(name):
        raise ArchiveError(f"the archive holds something a batch never holds: '{name}'")


@dataclass(frozen=True, slots=True)
class StoredMember:
    info: tarfile.TarInfo
    sha256: str


class ArchiveReader:
    """The members of a decrypted archive on disk, checked by name, kind and hash."""

    def __init__(self, path: Path) -> None:
        try:
            self._tar = tarfile.open(path, mode="r:")  # noqa: SIM115 - closed by close()
        except tarfile.TarError as error:
            raise ArchiveError(f"the archive inside is damaged ({error})") from error
        self.members: dict[str, StoredMember] = {}

    def scan(self, on_bytes: Callable[[int], None] | None = None) -> dict[str, StoredMember]:
        """Check every member and take its SHA-256 (reading each once)."""
        try:
            for info in self._tar:
                _check_name(info.name)
                if not info.isreg():
                    raise ArchiveError(f"'{info.name}' is not a plain file")
                if info.name in self.members:
                    raise ArchiveError(f"'{info.name}' appears twice in the archive")
                digest = hashlib.sha256()
                with self._open(info) as handle:
                    while block := handle.read(READ_BLOCK):
                        digest.update(block)
                        if on_bytes is not None:
                            on_bytes(len(block))
                self.members[info.name] = StoredMember(info, digest.hexdigest())
        except (tarfile.TarError, EOFError, OSError) as error:
            raise ArchiveError(f"the archive inside is damaged ({error})") from error
        return self.members

    @contextmanager
    def _open(self, info: tarfile.TarInfo) -> Iterator[BinaryIO]:
        handle = self._tar.extractfile(info)
        if handle is None:
            raise ArchiveError(f"'{info.name}' cannot be read")
        with handle:
            yield handle  # type: ignore[misc]

    @contextmanager
    def open(self, name: str) -> Iterator[BinaryIO]:
        with self._open(self.members[name].info) as handle:
            yield handle

    def read(self, name: str) -> bytes:
        with self.open(name) as handle:
            return handle.read()

    def close(self) -> None:
        self._tar.close()
