"""Keys from passphrases: scrypt, with its costs stored beside what the key protects."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

MAX_KDF_MEMORY = 256 << 20


@dataclass(frozen=True, slots=True)
class KdfParams:
    """scrypt's cost: N = 2**log2_n, block size r, parallelism p."""

    log2_n: int = 17
    r: int = 8
    p: int = 1

    @property
    def memory_bytes(self) -> int:
        return 128 * self.r * (1 << self.log2_n)

    @property
    def sane(self) -> bool:
        return (
            10 <= self.log2_n <= 22
            and 1 <= self.r <= 32
            and 1 <= self.p <= 16
            and self.memory_bytes <= MAX_KDF_MEMORY
        )


DEFAULT_KDF = KdfParams()  # 128 MiB and about half a second: costly to guess offline


def typeable(passphrase: str) -> bool:
    """False if it holds control characters: nobody types them, and scrypt (OpenSSL)
    would ignore all after a NUL. Such a passphrase is never set, so never right."""
    return all(unicodedata.category(c) != "Cc" for c in passphrase)


def passphrase_bytes(passphrase: str) -> bytes:
    """NFC first: the same Hindi text typed on any keyboard gives the same key."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def scrypt_key(passphrase: str, salt: bytes, kdf: KdfParams, length: int) -> bytes:
    return Scrypt(salt=salt, length=length, n=1 << kdf.log2_n, r=kdf.r, p=kdf.p).derive(
        passphrase_bytes(passphrase)
    )
