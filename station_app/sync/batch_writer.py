"""Writing one batch file: archive, manifest, signature, encryption, in a single stream."""

from __future__ import annotations

import io
from dataclasses import replace
from typing import IO

from station_app.errors import StationError
from station_app.keys import StationSigner
from station_app.photo_store import PhotoStore
from station_app.sync.archive import ArchiveWriter, HashingWriter
from station_app.sync.changes import Changes, derived_member_names
from station_app.sync.crypto import EncryptingWriter
from station_app.sync.manifest import (
    MANIFEST_NAME,
    SIGNATURE_PURPOSE,
    Manifest,
    Member,
    Signature,
    signed_message,
    trailer_bytes,
)
from station_app.sync.progress import Ticker


def write_batch(
    out: IO[bytes],
    hq_public_key: bytes,
    signer: StationSigner,
    manifest: Manifest,
    changes: Changes,
    store: PhotoStore,
    ticker: Ticker,
) -> tuple[str, Manifest]:
    """Write the batch to `out`; return the archive's SHA-256 and the manifest as sent."""
    envelope = EncryptingWriter(out, hq_public_key)
    payload = HashingWriter(envelope)
    archive = ArchiveWriter(payload, manifest.period_to.timestamp())
    for name, path in changes.files:
        archive.add_file(name, path, ticker.advance)
    for name, (sha256, ext, rotation) in changes.photo_files.items():
        _add_photo(archive, store, name, sha256, ext, ticker)
        _add_derived(archive, store, sha256, rotation, ticker)
    complete = replace(manifest, members=tuple(archive.members))
    data = complete.to_json()
    archive.add(MANIFEST_NAME, io.BytesIO(data), len(data))
    archive.close()
    payload_sha256 = payload.sha256.hexdigest()
    message = signed_message(signer.station_code, signer.fingerprint, payload_sha256)
    signature = Signature(
        signer.station_code, signer.fingerprint, signer.sign(SIGNATURE_PURPOSE, message)
    )
    envelope.write(trailer_bytes(signature))
    envelope.close()
    return payload_sha256, complete


def _add_derived(
    archive: ArchiveWriter, store: PhotoStore, sha256: str, rotation: int, ticker: Ticker
) -> None:
    """The display copy and thumbnail, if the store has them (else HQ makes its own)."""
    names = derived_member_names(sha256, rotation)
    paths = (store.normalized_path(sha256, rotation), store.thumbnail_path(sha256, rotation))
    for name, path in zip(names, paths, strict=True):
        if path.exists():
            _add_bytes(archive, name, store.read(path), ticker)


def _add_bytes(archive: ArchiveWriter, name: str, data: bytes, ticker: Ticker) -> Member:
    """A photo file as the store gives it: decrypted, if the station is encrypted."""
    return archive.add(name, io.BytesIO(data), len(data), ticker.advance)


def _add_photo(
    archive: ArchiveWriter, store: PhotoStore, name: str, sha256: str, ext: str, ticker: Ticker
) -> None:
    path = store.original_path(sha256, ext)
    try:
        member = _add_bytes(archive, name, store.read(path), ticker)
    except FileNotFoundError:
        raise StationError(
            f"The photo file {path} is missing, so the batch cannot be made. "
            "Run 'station-app check' to see which records it belongs to."
        ) from None
    if member.sha256 != sha256:
        raise StationError(
            f"The photo file {path} is damaged (its contents no longer match its name); "
            "restore it from backup, then make the batch again."
        )
