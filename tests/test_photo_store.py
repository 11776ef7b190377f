from __future__ import annotations

import hashlib
import io
import os
import struct
import time
import zlib
from pathlib import Path

import pytest
from PIL import Image

from station_app.errors import PhotoRejected
from station_app.photo_store import PhotoStore, check_image
from tests.conftest import files_under, jpeg_bytes, png_bytes


def _huge_png_header(width: int, height: int) -> bytes:
    """A PNG that claims to be width x height, without the memory such an image needs."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body))
            + kind
            + body
            + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def test_original_bytes_are_kept_unchanged_with_their_hash(tmp_path: Path) -> None:
    data = jpeg_bytes(exif_orientation=6)
    stored = PhotoStore(tmp_path).store(check_image(data, "child.jpg"))
    sha = hashlib.sha256(data).hexdigest()
    assert stored.image.sha256 == sha
    assert PhotoStore(tmp_path).original_path(sha, "jpg").read_bytes() == data


def test_normalised_copy_applies_exif_orientation_and_size_limit(tmp_path: Path) -> None:
    store = PhotoStore(tmp_path)
    image = check_image(jpeg_bytes(size=(3200, 2000), exif_orientation=6), "big.jpg")
    store.store(image)
    with Image.open(store.normalized_path(image.sha256)) as normal:
        assert normal.format == "JPEG"
        assert normal.size == (1000, 1600)  # turned upright: portrait, longest side 1600
    with Image.open(store.thumbnail_path(image.sha256)) as thumb:
        assert max(thumb.size) <= 200


def test_rotation_makes_new_derived_copies_and_keeps_the_original(tmp_path: Path) -> None:
    store = PhotoStore(tmp_path)
    data = jpeg_bytes(size=(300, 200))
    image = check_image(data, "a.jpg")
    store.store(image)
    store.rederive(image.sha256, "jpg", 90)
    with Image.open(store.normalized_path(image.sha256, 90)) as turned:
        assert turned.size == (200, 300)
    assert store.original_path(image.sha256, "jpg").read_bytes() == data


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"%PDF-1.4 not an image", "not an image"),
        (jpeg_bytes()[:600], "damaged or truncated"),
        (_huge_png_header(20_000, 20_000), "too large|megapixels"),
    ],
    ids=["empty", "pdf", "truncated-jpeg", "20000x20000-png"],
)
def test_bad_images_are_rejected_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(PhotoRejected, match=reason):
        check_image(data, "upload.jpg")


def test_a_gif_is_refused_as_a_format(tmp_path: Path) -> None:
    out = io.BytesIO()
    Image.new("P", (10, 10)).save(out, "GIF")
    with pytest.raises(PhotoRejected, match="GIF"):
        check_image(out.getvalue(), "x.gif")


def test_files_over_the_size_limit_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("station_app.photo_store.MAX_FILE_BYTES", 1000)
    with pytest.raises(PhotoRejected, match="limit"):
        check_image(jpeg_bytes(), "big.jpg")


def test_sweep_removes_only_old_unreferenced_files(tmp_path: Path) -> None:
    store = PhotoStore(tmp_path)
    kept = check_image(jpeg_bytes(colour=(1, 2, 3)), "kept.jpg")
    orphan = check_image(png_bytes(), "orphan.png")
    store.store(kept)
    store.store(orphan)
    fresh_orphan = check_image(jpeg_bytes(colour=(9, 9, 9)), "fresh.jpg")
    store.store(fresh_orphan)
    old = time.time() - 7200
    for path in files_under(tmp_path):
        if fresh_orphan.sha256 not in path.name:
            os.utime(path, (old, old))
    removed = store.sweep([(kept.sha256, 0)])
    assert {p.name.split("-")[0].split(".")[0] for p in removed} == {orphan.sha256}
    assert store.original_path(kept.sha256, "jpg").exists()
    assert store.original_path(fresh_orphan.sha256, "jpg").exists()
    assert not store.original_path(orphan.sha256, "png").exists()
