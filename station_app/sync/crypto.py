"""The envelope of a batch: readable by one district HQ only, in authenticated chunks.

Layout of the file:

    MAGIC | u32 header length | header (JSON)
    chunk*  each: u32 ciphertext length | AES-256-GCM ciphertext with its 16-byte tag

The key serves this file alone: X25519 between a fresh ephemeral key and HQ's public key,
stretched with HKDF-SHA256. Chunk i's nonce is i plus a flag marking the last chunk, and
every chunk authenticates the header as well, so a changed header, a chunk altered,
dropped or moved, or a file cut short (its last chunk lacks the flag) fails to decrypt.
Memory stays at about two chunks however big the batch is.
"""

from __future__ import annotations

import json
import struct
from dataclasses import dataclass
from typing import IO, BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from station_app.keys import b64url, fingerprint, from_b64url

MAGIC = b"MUSKAAN-BATCH\n"
FORMAT = 1
CIPHER = "X25519-HKDF-SHA256/AES-256-GCM"
DEFAULT_CHUNK = 1 << 20
MAX_CHUNK = 16 << 20
MAX_HEADER = 4096
TAG_BYTES = 16
_LENGTH = struct.Struct(">I")
_HKDF_INFO = b"muskaan-station/batch-envelope/v1"


class EnvelopeError(Exception):
    """The file is not an envelope this code can open; the message says why."""


@dataclass(frozen=True, slots=True)
class EnvelopeHeader:
    hq_fingerprint: str
    ephemeral_key: bytes
    chunk_size: int
    raw: bytes

    @staticmethod
    def make(hq_public_key: bytes, ephemeral_key: bytes, chunk_size: int) -> EnvelopeHeader:
        body = {
            "format": FORMAT,
            "cipher": CIPHER,
            "hq_key": fingerprint(hq_public_key),
            "ephemeral_key": b64url(ephemeral_key),
            "chunk_size": chunk_size,
        }
        text = json.dumps(body, sort_keys=True, separators=(",", ":")).encode("ascii")
        raw = MAGIC + _LENGTH.pack(len(text)) + text
        return EnvelopeHeader(fingerprint(hq_public_key), ephemeral_key, chunk_size, raw)


def x25519_public_bytes(private_key: X25519PrivateKey) -> bytes:
    return private_key.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )


def _derive_key(shared: bytes, ephemeral_key: bytes, hq_public_key: bytes) -> bytes:
    info = _HKDF_INFO + ephemeral_key + hq_public_key
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(shared)


def _nonce(index: int, last: bool) -> bytes:
    return index.to_bytes(8, "big") + b"\0\0\0" + (b"\1" if last else b"\0")


class EncryptingWriter:
    """A write-only stream that encrypts what it is given for one HQ, chunk by chunk.

    `close` writes the last chunk; a writer not closed leaves a file HQ reads as truncated.
    """

    def __init__(
        self, out: IO[bytes], hq_public_key: bytes, chunk_size: int = DEFAULT_CHUNK
    ) -> None:
        if not 0 < chunk_size <= MAX_CHUNK:
            raise ValueError(f"chunk size {chunk_size} out of range")
        ephemeral = X25519PrivateKey.generate()
        ephemeral_public = x25519_public_bytes(ephemeral)
        shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(hq_public_key))
        self._aead = AESGCM(_derive_key(shared, ephemeral_public, hq_public_key))
        self.header = EnvelopeHeader.make(hq_public_key, ephemeral_public, chunk_size)
        self._out = out
        self._buffer = bytearray()
        self._index = 0
        self._closed = False
        self.bytes_out = 0
        self._emit_raw(self.header.raw)

    def write(self, data: bytes | bytearray | memoryview) -> int:
        if self._closed:
            raise ValueError("write to a closed batch envelope")
        self._buffer += data
        size = self.header.chunk_size
        # Hold back one full chunk: only `close` knows which chunk is the last.
        while len(self._buffer) > size:
            self._emit_chunk(bytes(self._buffer[:size]), last=False)
            del self._buffer[:size]
        return len(data)

    def flush(self) -> None:
        self._out.flush()

    def close(self) -> None:
        if not self._closed:
            self._emit_chunk(bytes(self._buffer), last=True)
            self._buffer.clear()
            self._closed = True

    def _emit_chunk(self, plain: bytes, last: bool) -> None:
        sealed = self._aead.encrypt(_nonce(self._index, last), plain, self.header.raw)
        self._index += 1
        self._emit_raw(_LENGTH.pack(len(sealed)) + sealed)

    def _emit_raw(self, data: bytes) -> None:
        self._out.write(data)
        self.bytes_out += len(data)


def _read_exact(source: BinaryIO, count: int) -> bytes:
    data = source.read(count)
    return data if data else b""


def read_header(source: BinaryIO) -> EnvelopeHeader:
    """The plain header at the start of `source`; EnvelopeError if it is not one of ours."""
    start = _read_exact(source, len(MAGIC) + _LENGTH.size)
    if len(start) < len(MAGIC) or start[: len(MAGIC)] != MAGIC:
        raise EnvelopeError("it is not a Muskaan batch file")
    if len(start) < len(MAGIC) + _LENGTH.size:
        raise EnvelopeError("the file is truncated (its header is incomplete)")
    (length,) = _LENGTH.unpack(start[len(MAGIC) :])
    if length > MAX_HEADER:
        raise EnvelopeError("its header is damaged")
    text = _read_exact(source, length)
    if len(text) != length:
        raise EnvelopeError("the file is truncated (its header is incomplete)")
    try:
        body = json.loads(text.decode("ascii"))
        version = body["format"]
        cipher = body["cipher"]
        hq_key = str(body["hq_key"])
        ephemeral = from_b64url(str(body["ephemeral_key"]))
        chunk_size = body["chunk_size"]
    except (ValueError, KeyError, TypeError, UnicodeDecodeError) as error:
        raise EnvelopeError("its header is damaged") from error
    if version != FORMAT or cipher != CIPHER:
        raise EnvelopeError(
            f"it was made in a format this program does not know ({version}, {cipher}); "
            "update the program at HQ"
        )
    if not isinstance(chunk_size, int) or not 0 < chunk_size <= MAX_CHUNK or len(ephemeral) != 32:
        raise EnvelopeError("its header is damaged")
    return EnvelopeHeader(hq_key, ephemeral, chunk_size, start + text)


class DecryptingReader:
    """A read-only stream of the plaintext; EnvelopeError as soon as anything is wrong."""

    def __init__(
        self, source: BinaryIO, header: EnvelopeHeader, private_key: X25519PrivateKey
    ) -> None:
        public = x25519_public_bytes(private_key)
        try:
            shared = private_key.exchange(X25519PublicKey.from_public_bytes(header.ephemeral_key))
        except ValueError as error:  # a degenerate ephemeral key
            raise EnvelopeError("its header is damaged") from error
        self._aead = AESGCM(_derive_key(shared, header.ephemeral_key, public))
        self._source = source
        self._header = header
        self._index = 0
        self._plain = b""
        self._offset = 0
        self._finished = False
        self._next_length = self._read_length()

    def read(self, size: int = -1) -> bytes:
        parts: list[bytes] = []
        wanted = size if size is not None and size >= 0 else None
        while wanted is None or wanted > 0:
            if self._offset >= len(self._plain):
                if self._finished:
                    break
                self._plain, self._offset = self._next_chunk(), 0
                continue
            end = len(self._plain) if wanted is None else self._offset + wanted
            piece = self._plain[self._offset : end]
            self._offset += len(piece)
            parts.append(piece)
            if wanted is not None:
                wanted -= len(piece)
        return b"".join(parts)

    def readable(self) -> bool:
        return True

    @property
    def finished(self) -> bool:
        """True once the last chunk was read and authenticated (and nothing follows it)."""
        return self._finished and self._offset >= len(self._plain)

    def _read_length(self) -> int | None:
        raw = _read_exact(self._source, _LENGTH.size)
        if not raw:
            return None
        if len(raw) < _LENGTH.size:
            raise EnvelopeError("the file is truncated")
        length: int = _LENGTH.unpack(raw)[0]
        if not TAG_BYTES <= length <= self._header.chunk_size + TAG_BYTES:
            raise EnvelopeError(f"it is damaged or altered (part {self._index + 1})")
        return length

    def _next_chunk(self) -> bytes:
        if self._next_length is None:
            raise EnvelopeError("the file is truncated (its last part is missing)")
        sealed = _read_exact(self._source, self._next_length)
        if len(sealed) != self._next_length:
            raise EnvelopeError("the file is truncated")
        following = self._read_length()
        last = following is None
        try:
            plain = self._aead.decrypt(_nonce(self._index, last), sealed, self._header.raw)
        except InvalidTag:
            if last:
                raise EnvelopeError(
                    "it is truncated, damaged or altered: its last part does not check out"
                ) from None
            raise EnvelopeError(
                f"it is damaged or altered (part {self._index + 1} does not check out), or it "
                "was not made for this HQ's key"
            ) from None
        self._index += 1
        self._next_length = following
        self._finished = last
        return plain
