"""The encrypted container: a passphrase-keyed stream of authenticated chunks.

    header   magic, format version, scrypt parameters, salt, nonce prefix, key check
    chunks   [final flag: 1 byte][length: 4 bytes][AES-256-GCM ciphertext + tag] ...

Each chunk holds up to 1 MiB, so memory stays flat however large the backup. Its nonce
is the nonce prefix, the chunk's number and the final flag, and the whole header is
its associated data: a chunk that is altered, dropped, moved, or taken from another
backup fails its tag, a file cut short lacks its final chunk, and bytes after the final
chunk are refused. The key check tells a wrong passphrase apart from damage.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import struct
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from station_app.backup.errors import BackupDamaged, BackupError, NotABackup, WrongPassphrase
from station_app.kdf import DEFAULT_KDF as DEFAULT_KDF  # re-exported: tests lower the cost
from station_app.kdf import KdfParams, scrypt_key, typeable

MAGIC = b"MSBACKUP"
FORMAT_VERSION = 1
KDF_SCRYPT = 1
CHUNK_BYTES = 1 << 20
TAG_BYTES = 16
MIN_PASSPHRASE_LENGTH = 8

_HEADER = struct.Struct(">8sBBBBB16s7s32s")
_CHUNK_HEAD = struct.Struct(">BI")
HEADER_BYTES = _HEADER.size


@dataclass(frozen=True, slots=True)
class Header:
    kdf: KdfParams
    salt: bytes
    nonce_prefix: bytes
    check: bytes

    def pack(self) -> bytes:
        k = self.kdf
        return _HEADER.pack(
            MAGIC,
            FORMAT_VERSION,
            KDF_SCRYPT,
            k.log2_n,
            k.r,
            k.p,
            self.salt,
            self.nonce_prefix,
            self.check,
        )

    @classmethod
    def unpack(cls, data: bytes, label: str) -> Header:
        if len(data) < HEADER_BYTES or not data.startswith(MAGIC):
            raise NotABackup(label)
        _, version, kdf, log2_n, r, p, salt, prefix, check = _HEADER.unpack(data)
        if version > FORMAT_VERSION:
            raise BackupError(
                f"{label} was made by a newer version of Muskaan Station (backup format "
                f"{version}); update the app to restore it. Nothing was changed."
            )
        params = KdfParams(log2_n, r, p)
        if version != FORMAT_VERSION or kdf != KDF_SCRYPT or not params.sane:
            raise NotABackup(label, "its header is damaged")
        return cls(params, salt, prefix, check)


def _derive(passphrase: str, salt: bytes, kdf: KdfParams) -> tuple[bytes, bytes]:
    """The AES key and the key check."""
    material = scrypt_key(passphrase, salt, kdf, 64)
    check = hashlib.sha256(b"muskaan-backup-key-check\0" + material[32:]).digest()
    return material[:32], check


def check_passphrase_strength(passphrase: str) -> None:
    if not typeable(passphrase):
        raise BackupError("The backup passphrase holds control characters; type it again.")
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise BackupError(
            f"The backup passphrase must be at least {MIN_PASSPHRASE_LENGTH} characters: "
            "it alone protects the children's data on the backup."
        )


def _nonce(prefix: bytes, counter: int, final: bool) -> bytes:
    return prefix + struct.pack(">IB", counter, 1 if final else 0)


class EncryptingWriter:
    """Write plaintext in; header and sealed chunks go out. finish() seals the last one."""

    def __init__(self, out: IO[bytes], passphrase: str, kdf: KdfParams = DEFAULT_KDF) -> None:
        salt, prefix = os.urandom(16), os.urandom(7)
        key, check = _derive(passphrase, salt, kdf)
        self._header = Header(kdf, salt, prefix, check).pack()
        self._aead = AESGCM(key)
        self._prefix = prefix
        self._out = out
        self._buffer = bytearray()
        self._counter = 0
        self._finished = False
        out.write(self._header)

    def write(self, data: bytes) -> int:
        self._buffer += data
        while len(self._buffer) > CHUNK_BYTES:  # ">": the final chunk is never left empty
            self._seal(bytes(self._buffer[:CHUNK_BYTES]), final=False)
            del self._buffer[:CHUNK_BYTES]
        return len(data)

    def _seal(self, plain: bytes, final: bool) -> None:
        nonce = _nonce(self._prefix, self._counter, final)
        sealed = self._aead.encrypt(nonce, plain, self._header)
        self._out.write(_CHUNK_HEAD.pack(1 if final else 0, len(sealed)) + sealed)
        self._counter += 1

    def finish(self) -> None:
        if not self._finished:
            self._seal(bytes(self._buffer), final=True)
            self._buffer.clear()
            self._finished = True


class DecryptingReader:
    """Plaintext out of a backup file, checked chunk by chunk; read() as a file does."""

    def __init__(
        self,
        source: IO[bytes],
        passphrase: str,
        label: str,
        progress: Callable[[int], None] | None = None,
    ) -> None:
        raw = source.read(HEADER_BYTES)
        header = Header.unpack(raw, label)
        key, check = _derive(passphrase, header.salt, header.kdf)
        if not typeable(passphrase) or not hmac.compare_digest(check, header.check):
            raise WrongPassphrase(label)
        self._aead = AESGCM(key)
        self._aad = raw
        self._prefix = header.nonce_prefix
        self._source = source
        self._label = label
        self._progress = progress
        self._consumed = HEADER_BYTES
        self._counter = 0
        self._plain = memoryview(b"")
        self._ended = False

    def _damaged(self, detail: str) -> BackupDamaged:
        return BackupDamaged(self._label, detail)

    def _read_exactly(self, size: int) -> bytes:
        data = self._source.read(size)
        if len(data) < size:
            raise self._damaged("it ends early: the file was cut short (truncated)")
        self._consumed += size
        return data

    def _open_next_chunk(self) -> None:
        flag, length = _CHUNK_HEAD.unpack(self._read_exactly(_CHUNK_HEAD.size))
        if flag > 1 or not TAG_BYTES <= length <= CHUNK_BYTES + TAG_BYTES:
            raise self._damaged(f"part {self._counter + 1} has a damaged length or flag")
        sealed = self._read_exactly(length)
        try:
            plain = self._aead.decrypt(
                _nonce(self._prefix, self._counter, flag == 1), sealed, self._aad
            )
        except InvalidTag:
            raise self._damaged(
                f"part {self._counter + 1} (near byte {self._consumed - length:,}) fails its check"
            ) from None
        self._counter += 1
        self._plain = memoryview(plain)
        if flag == 1:
            self._ended = True
            if self._source.read(1):
                raise self._damaged("there are extra bytes after its end")
        if self._progress:
            self._progress(self._consumed)

    def read(self, size: int = -1) -> bytes:
        parts: list[bytes] = []
        wanted = size if size >= 0 else 1 << 62
        while wanted > 0:
            if not self._plain:
                if self._ended:
                    break
                self._open_next_chunk()
                continue
            part = self._plain[:wanted]
            self._plain = self._plain[len(part) :]
            parts.append(bytes(part))
            wanted -= len(part)
        return b"".join(parts)

    def drain(self) -> int:
        """Read (and so check) everything left, up to the final chunk; how many bytes."""
        left = len(self._plain)
        self._plain = memoryview(b"")
        while not self._ended:
            self._open_next_chunk()
            left += len(self._plain)
            self._plain = memoryview(b"")
        return left
