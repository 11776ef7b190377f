"""The envelope: only HQ's key opens it, and no cut, change or extra byte goes unnoticed."""

from __future__ import annotations

import io

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from station_app.sync.crypto import (
    DecryptingReader,
    EncryptingWriter,
    EnvelopeError,
    read_header,
    x25519_public_bytes,
)

HQ = X25519PrivateKey.generate()


def seal(plain: bytes, chunk: int = 64) -> bytes:
    out = io.BytesIO()
    writer = EncryptingWriter(out, x25519_public_bytes(HQ), chunk_size=chunk)
    for start in range(0, len(plain), 50):
        writer.write(plain[start : start + 50])
    writer.close()
    return out.getvalue()


def open_sealed(data: bytes, key: X25519PrivateKey = HQ) -> bytes:
    source = io.BytesIO(data)
    reader = DecryptingReader(source, read_header(source), key)
    return reader.read()


@pytest.mark.parametrize("size", [0, 1, 63, 64, 65, 128, 1000])
def test_what_goes_in_comes_out_at_every_chunk_boundary(size: int) -> None:
    plain = bytes(range(256)) * 4
    assert open_sealed(seal(plain[:size])) == plain[:size]


def test_the_file_is_not_readable_without_the_key() -> None:
    plain = b"Rajesh Kumar, 9, mole on left cheek" * 10
    sealed = seal(plain)
    assert b"Rajesh" not in sealed
    with pytest.raises(EnvelopeError, match=r"not made for this HQ|does not check out"):
        open_sealed(sealed, X25519PrivateKey.generate())


def test_a_file_cut_at_a_chunk_boundary_is_truncated() -> None:
    sealed = seal(b"x" * 200)  # four chunks of 64 + 8
    last_chunk = 4 + 8 + 16
    with pytest.raises(EnvelopeError, match="truncated"):
        open_sealed(sealed[:-last_chunk])


def test_bytes_after_the_last_chunk_are_refused() -> None:
    with pytest.raises(EnvelopeError):
        open_sealed(seal(b"x" * 100) + b"\0\0\0\x20" + b"y" * 32)


def test_a_changed_header_fails_every_chunk() -> None:
    sealed = bytearray(seal(b"x" * 100))
    sealed[sealed.index(b"chunk_size") + 12] ^= 1  # 64 -> another digit; still valid JSON
    with pytest.raises(EnvelopeError):
        open_sealed(bytes(sealed))
