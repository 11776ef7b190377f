"""Photos of children, kept as evidence: the original bytes untouched, plus derived copies.

Layout under the photo folder, content-addressed by the SHA-256 of the original bytes:
    original/ab/<sha>.<ext>         the file as received, never changed
    normalized/ab/<sha>-r<deg>.jpg  EXIF orientation applied, turned by the officer's
                                    rotation, at most 1600 px, for display and faces
    thumbs/ab/<sha>-r<deg>.jpg      a small copy for register tables

Files are written before the database commit that references them. A crash between
the two leaves unreferenced files, which `sweep` removes; never a record without its file.

In an encrypted station every file is sealed with the photo cipher: read them through
`read` (or the read_* methods), never straight from disk.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import time
import warnings
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from station_app.atomic import write_atomic
from station_app.encryption.photo_cipher import MAGIC, PhotoCipher, is_sealed
from station_app.errors import PhotoRejected

MAX_FILE_BYTES = 25 * 1024 * 1024
MAX_PIXELS = 50_000_000
NORMALIZED_MAX_SIDE = 1600
THUMBNAIL_MAX_SIDE = 200
ACCEPTED_FORMATS = {"JPEG": "jpg", "PNG": "png", "BMP": "bmp", "PPM": "pgm", "WEBP": "webp"}
SWEEP_GRACE_SECONDS = 3600.0


@dataclass(frozen=True, slots=True)
class CheckedImage:
    """An upload that passed every check, with what the database needs to know of it."""

    data: bytes
    sha256: str
    ext: str
    width: int
    height: int
    original_name: str


@dataclass(slots=True)
class StoredPhoto:
    image: CheckedImage
    normalized_sha256: str
    created_files: list[Path] = field(default_factory=list)


def check_image(data: bytes, original_name: str = "") -> CheckedImage:
    """Accept only a real, complete, reasonably sized image; say plainly what is wrong."""
    label = original_name or "the photo"
    if not data:
        raise PhotoRejected(f"{label} is empty")
    if len(data) > MAX_FILE_BYTES:
        raise PhotoRejected(
            f"{label} is {len(data) / 1e6:.1f} MB; the limit is {MAX_FILE_BYTES // 2**20} MB"
        )
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data)) as image:
                fmt = image.format or ""
                width, height = image.size
                if fmt not in ACCEPTED_FORMATS:
                    raise PhotoRejected(
                        f"{label} is a {fmt or 'unknown'} file; use JPEG, PNG, BMP, PGM or WebP"
                    )
                if width * height > MAX_PIXELS:
                    raise PhotoRejected(
                        f"{label} is {width} x {height} pixels; the limit is "
                        f"{MAX_PIXELS // 1_000_000} megapixels"
                    )
                image.draft("RGB", (512, 512))  # JPEG: still reads every byte, decodes less
                image.load()
        except PhotoRejected:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise PhotoRejected(f"{label} is too large to open safely ({error})") from error
        except UnidentifiedImageError as error:
            raise PhotoRejected(f"{label} is not an image Pillow can read") from error
        except (OSError, SyntaxError, ValueError) as error:
            raise PhotoRejected(f"{label} is damaged or truncated ({error})") from error
    sha = hashlib.sha256(data).hexdigest()
    return CheckedImage(data, sha, ACCEPTED_FORMATS[fmt], width, height, original_name)


def _upright(data: bytes, rotation: int, max_side: int) -> Image.Image:
    """The image decoded (at reduced scale where JPEG allows), upright, RGB, fitted."""
    with Image.open(io.BytesIO(data)) as opened:
        opened.draft("RGB", (max_side, max_side))  # JPEG: decode straight at a smaller scale
        image = ImageOps.exif_transpose(opened)
    if rotation % 360:
        image = image.rotate(-rotation, expand=True)
    image = image.convert("RGB")
    image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    return image


def _jpeg(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=88)
    return out.getvalue()


class PhotoStore:
    def __init__(self, root: Path, cipher: PhotoCipher | None = None) -> None:
        self.root = root
        self.cipher = cipher

    @property
    def encrypted(self) -> bool:
        return self.cipher is not None

    def _name(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def read(self, path: str | os.PathLike[str]) -> bytes:
        """The plain bytes of a file of this store (decrypted in an encrypted station)."""
        path = Path(path)
        data = path.read_bytes()
        if self.cipher is None:
            return data
        return self.cipher.open(data, self._name(path))

    def read_normalized(self, sha256: str, rotation: int = 0) -> bytes:
        return self.read(self.normalized_path(sha256, rotation))

    def read_thumbnail(self, sha256: str, rotation: int = 0) -> bytes:
        return self.read(self.thumbnail_path(sha256, rotation))

    def seal_in_place(self, path: Path) -> bool:
        """Encrypt one file still in the clear (converting a station); False if sealed."""
        assert self.cipher is not None
        data = path.read_bytes()
        if is_sealed(data):
            return False
        write_atomic(path, self.cipher.seal(data, self._name(path)))
        return True

    def unsealed_files(self) -> list[Path]:
        """Files still in the clear in an encrypted store (an interrupted `encrypt`)."""
        if self.cipher is None:
            return []
        unsealed = []
        for path in self.all_files():
            with path.open("rb") as handle:
                if not is_sealed(handle.read(len(MAGIC))):
                    unsealed.append(path)
        return unsealed

    def all_files(self) -> list[Path]:
        return [
            path
            for folder in ("original", "normalized", "thumbs")
            for path in sorted((self.root / folder).glob("*/*"))
            if not path.name.startswith(".")
        ]

    def original_path(self, sha256: str, ext: str) -> Path:
        return self.root / "original" / sha256[:2] / f"{sha256}.{ext}"

    def normalized_path(self, sha256: str, rotation: int = 0) -> Path:
        return self.root / "normalized" / sha256[:2] / f"{sha256}-r{rotation % 360}.jpg"

    def thumbnail_path(self, sha256: str, rotation: int = 0) -> Path:
        return self.root / "thumbs" / sha256[:2] / f"{sha256}-r{rotation % 360}.jpg"

    def store(self, image: CheckedImage, rotation: int = 0) -> StoredPhoto:
        """Write the original and its derived copies (each only if not there yet)."""
        created: list[Path] = []
        try:
            original = self.original_path(image.sha256, image.ext)
            self.write_new(original, image.data, created)
            normalized_bytes = self._derive(image.data, image.sha256, rotation, created)
        except OSError:
            self.discard(created)
            raise
        normalized_sha = hashlib.sha256(normalized_bytes).hexdigest()
        return StoredPhoto(image, normalized_sha, created)

    def rederive(self, sha256: str, ext: str, rotation: int) -> list[Path]:
        """Make the derived copies for a new rotation of an already stored original."""
        created: list[Path] = []
        data = self.read_original(sha256, ext)
        self._derive(data, sha256, rotation, created)
        return created

    def read_original(self, sha256: str, ext: str) -> bytes:
        return self.read(self.original_path(sha256, ext))

    def _derive(self, data: bytes, sha256: str, rotation: int, created: list[Path]) -> bytes:
        normalized_path = self.normalized_path(sha256, rotation)
        thumb_path = self.thumbnail_path(sha256, rotation)
        if normalized_path.exists() and thumb_path.exists():
            return self.read(normalized_path)
        upright = _upright(data, rotation, NORMALIZED_MAX_SIDE)
        normalized = _jpeg(upright)
        self.write_new(normalized_path, normalized, created)
        upright.thumbnail((THUMBNAIL_MAX_SIDE, THUMBNAIL_MAX_SIDE), Image.Resampling.LANCZOS)
        self.write_new(thumb_path, _jpeg(upright), created)
        return normalized

    def write_new(self, path: Path, data: bytes, created: list[Path]) -> None:
        """Write one file of the store (sealed if encrypted) unless it is already there."""
        if path.exists():
            return
        sealed = data if self.cipher is None else self.cipher.seal(data, self._name(path))
        write_atomic(path, sealed)
        created.append(path)

    @staticmethod
    def discard(paths: Collection[Path]) -> None:
        """Remove files written for a change that was then rolled back."""
        for path in paths:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()

    def sweep(
        self,
        referenced: Collection[tuple[str, int]],
        grace_seconds: float = SWEEP_GRACE_SECONDS,
    ) -> list[Path]:
        """Delete files no photo row refers to. `referenced` holds (sha256, rotation) pairs.

        Files younger than the grace period are kept: another process may be about to
        commit the record that refers to them.
        """
        shas = {sha for sha, _ in referenced}
        derived = {f"{sha}-r{rotation % 360}" for sha, rotation in referenced}
        cutoff = time.time() - grace_seconds
        removed: list[Path] = []
        for folder, names in (("original", shas), ("normalized", derived), ("thumbs", derived)):
            for path in (self.root / folder).glob("*/*"):
                stem = path.name.split(".", 1)[0]
                if stem in names or path.stat().st_mtime > cutoff:
                    continue
                path.unlink()
                removed.append(path)
        return removed

    def missing_files(self, referenced: Collection[tuple[str, str, int]]) -> list[Path]:
        """Files that photo rows (sha256, ext, rotation) refer to but that are not on disk."""
        missing = []
        for sha, ext, rotation in referenced:
            for path in (
                self.original_path(sha, ext),
                self.normalized_path(sha, rotation),
                self.thumbnail_path(sha, rotation),
            ):
                if not os.path.exists(path):
                    missing.append(path)
        return missing
