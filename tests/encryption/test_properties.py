"""Whatever bytes stand where a key file or a sealed photo should be, the answer is a
plain refusal (EncryptionError), never another exception and never wrong plain bytes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from station_app.encryption import keyfile
from station_app.encryption.errors import EncryptionError
from station_app.encryption.photo_cipher import PhotoCipher
from station_app.kdf import KdfParams

SETTINGS = settings(
    database=None,
    deadline=None,
    max_examples=80,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
CHEAP = KdfParams(log2_n=10)
KEY = bytes(range(32))
PHOTO = b"\xff\xd8\xff\xe0 a small JPEG-like payload \xff\xd9"
NAME = "original/ab/abcdef.jpg"


def _sealed_key_file(home: Path) -> bytes:
    keyfile.write_key_file(keyfile.key_file(home), keyfile.StationKeys(KEY), "right one!!", CHEAP)
    return keyfile.key_file(home).read_bytes()


@SETTINGS
@given(data=st.binary(max_size=600))
def test_random_bytes_as_a_key_file_are_refused_plainly(tmp_path: Path, data: bytes) -> None:
    keyfile.key_file(tmp_path).write_bytes(data)
    with pytest.raises(EncryptionError):
        keyfile.unlock(tmp_path, "right one!!")


@SETTINGS
@given(
    field=st.sampled_from(["salt", "nonce", "sealed_key", "kdf", "version", "format"]),
    value=st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=False),
        st.text(max_size=40),
        st.lists(st.integers(), max_size=3),
        st.dictionaries(st.text(max_size=8), st.integers(), max_size=3),
    ),
)
def test_any_field_changed_is_refused_plainly(tmp_path: Path, field: str, value: object) -> None:
    content = json.loads(_sealed_key_file(tmp_path))
    if content[field] == value:
        return
    content[field] = value
    keyfile.key_file(tmp_path).write_text(json.dumps(content))
    with pytest.raises(EncryptionError):
        keyfile.unlock(tmp_path, "right one!!")


@SETTINGS
@given(position=st.integers(min_value=0), bit=st.integers(min_value=0, max_value=7),
       cut=st.integers(min_value=0, max_value=200))  # fmt: skip
def test_a_sealed_photo_changed_anywhere_is_refused(position: int, bit: int, cut: int) -> None:
    cipher = PhotoCipher(KEY)
    sealed = cipher.seal(PHOTO, NAME)
    at = position % len(sealed)
    flipped = sealed[:at] + bytes([sealed[at] ^ (1 << bit)]) + sealed[at + 1 :]
    for damaged in (flipped, sealed[: max(len(b"MSPHOTO1"), len(sealed) - 1 - cut)]):
        with pytest.raises(EncryptionError):
            cipher.open(damaged, NAME)
    assert cipher.open(sealed, NAME) == PHOTO
