"""Photo files sealed with AES-256-GCM, each bound to its own name in the store.

    file = MAGIC | 12-byte random nonce | ciphertext and tag

The associated data is the file's path inside the photo folder, so a sealed file
swapped for another child's fails its check instead of showing the wrong face.
"""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from station_app.encryption.errors import PhotoFileDamaged

MAGIC = b"MSPHOTO1"
# What a photo file still in the clear starts with (the formats photo_store accepts):
# JPEG, PNG, BMP, PGM/PPM, WebP. Anything else that is not sealed is damage.
IMAGE_SIGNATURES = (b"\xff\xd8", b"\x89PNG", b"BM", b"RIFF", *(b"P%d" % n for n in range(1, 7)))
NONCE_BYTES = 12
TAG_BYTES = 16


def is_sealed(data: bytes) -> bool:
    return data.startswith(MAGIC)


class PhotoCipher:
    def __init__(self, key: bytes) -> None:
        self._aead = AESGCM(key)

    def seal(self, data: bytes, name: str) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        return MAGIC + nonce + self._aead.encrypt(nonce, data, name.encode("utf-8"))

    def open(self, data: bytes, name: str) -> bytes:
        """The plain bytes. An image still in the clear (a conversion cut short) reads as
        is; anything else not sealed (a damaged header, say) is refused."""
        if not is_sealed(data):
            if data.startswith(IMAGE_SIGNATURES):
                return data
            raise PhotoFileDamaged(name)
        start = len(MAGIC)
        if len(data) < start + NONCE_BYTES + TAG_BYTES:
            raise PhotoFileDamaged(name)
        nonce = data[start : start + NONCE_BYTES]
        try:
            return self._aead.decrypt(nonce, data[start + NONCE_BYTES :], name.encode("utf-8"))
        except InvalidTag:
            raise PhotoFileDamaged(name) from None
