"""Opening a batch at HQ: the envelope, the signature, then the archive and its manifest.

Nothing here writes to the database or the photo store. Checks run in this order, each
before anything the next one would trust:

1. the envelope is ours and was encrypted for this HQ's key;
2. every chunk decrypts (none altered, dropped, moved; the file is not cut short), while
   the plaintext goes to a staging file and its SHA-256 is taken;
3. the trailer names a station and a key this HQ trusts, and the station's signature
   over that SHA-256 is good;
4. only then is the archive read: every member has an allowed name and is a plain file,
   and the members are exactly those the manifest lists, with its hashes and sizes.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy.orm import Session

from station_app.db.engine import HEAD_REVISION
from station_app.keys import verify_signature
from station_app.sync import keyring
from station_app.sync.archive import ArchiveError, ArchiveReader
from station_app.sync.changes import DELETED_MEMBER, member_name
from station_app.sync.crypto import DecryptingReader, EnvelopeError, read_header
from station_app.sync.errors import BatchRejected
from station_app.sync.manifest import (
    MANIFEST_NAME,
    MAX_MANIFEST_BYTES,
    MAX_TRAILER,
    SIGNATURE_PURPOSE,
    TRAILER_MAGIC,
    Manifest,
    Signature,
    signed_message,
    split_trailer,
)
from station_app.sync.progress import Ticker
from station_app.sync.rows import SPECS

READ_BLOCK = 1 << 20
_HOLD_BACK = MAX_TRAILER + len(TRAILER_MAGIC) + 4


@dataclass
class OpenedBatch:
    """A batch whose signature and hashes checked out, its archive ready to read."""

    path: Path
    manifest: Manifest
    payload_sha256: str
    archive: ArchiveReader

    def close(self) -> None:
        self.archive.close()


def open_batch(
    session: Session,
    path: Path,
    private_key: X25519PrivateKey,
    hq_fingerprint: str,
    staging: Path,
    ticker: Ticker,
) -> OpenedBatch:
    """Check `path` as far as it can be checked without the registers; BatchRejected if
    anything is wrong."""
    name = path.name
    payload = staging / "payload.tar"
    try:
        with path.open("rb") as source, payload.open("wb") as target:
            ticker.phase(0.3, max(path.stat().st_size, 1))
            payload_sha256, signature = _decrypt(
                source, private_key, hq_fingerprint, target, ticker
            )
    except OSError as error:
        raise BatchRejected(name, f"it cannot be read ({error.strerror or error})") from error
    except EnvelopeError as error:
        raise BatchRejected(name, str(error)) from error
    _check_signature(session, name, signature, payload_sha256)
    try:
        archive = ArchiveReader(payload)
    except ArchiveError as error:
        raise BatchRejected(name, str(error)) from error
    try:
        ticker.phase(0.1, max(payload.stat().st_size, 1))
        manifest = _checked_manifest(archive, signature, hq_fingerprint, ticker)
    except BatchRejected:
        archive.close()
        raise
    except (ArchiveError, ValueError) as error:
        archive.close()
        raise BatchRejected(name, str(error)) from error
    return OpenedBatch(path, manifest, payload_sha256, archive)


def _decrypt(
    source: BinaryIO,
    private_key: X25519PrivateKey,
    hq_fingerprint: str,
    target: BinaryIO,
    ticker: Ticker,
) -> tuple[str, Signature]:
    header = read_header(source)
    if header.hq_fingerprint != hq_fingerprint:
        raise EnvelopeError(
            f"it was encrypted for another district HQ (key {header.hq_fingerprint}), not for "
            f"this one (key {hq_fingerprint}). The station must set this HQ's key "
            "('keys set-hq') and make the batch again"
        )
    reader = DecryptingReader(source, header, private_key)
    digest = hashlib.sha256()
    held = b""
    # The signature trailer ends the plaintext; hold back enough bytes to find it, and
    # hash and keep everything before it (the archive).
    while block := reader.read(READ_BLOCK):
        ticker.advance(len(block))
        held += block
        if len(held) > _HOLD_BACK:
            cut = len(held) - _HOLD_BACK
            digest.update(held[:cut])
            target.write(held[:cut])
            held = held[cut:]
    try:
        archive_end, signature = split_trailer(held)
    except (ValueError, KeyError, TypeError) as error:
        raise EnvelopeError("it carries no station signature (damaged or not a batch)") from error
    digest.update(archive_end)
    target.write(archive_end)
    return digest.hexdigest(), signature


def _check_signature(session: Session, name: str, signature: Signature, payload: str) -> None:
    station, fingerprint = signature.station_code, signature.key_fingerprint
    key = keyring.trusted_key(session, station, fingerprint)
    if key is None:
        known = keyring.active_key(session, station)
        if known is None:
            raise BatchRejected(
                name,
                f"it is signed by station {station} (key {fingerprint}), which this HQ does "
                "not trust yet. Get the station's key file, compare its fingerprint with the "
                "station, and run 'station-app hq trust FILE'",
            )
        raise BatchRejected(
            name,
            f"it claims to come from station {station} but is signed with key {fingerprint}, "
            f"not with the station's trusted key {known.fingerprint}. It may be forged; ask "
            "the station",
        )
    message = signed_message(station, fingerprint, payload)
    if not verify_signature(key.public_key, SIGNATURE_PURPOSE, message, signature.signature):
        raise BatchRejected(
            name, f"station {station}'s signature does not match its contents: it was altered"
        )


def _checked_manifest(
    archive: ArchiveReader, signature: Signature, hq_fingerprint: str, ticker: Ticker
) -> Manifest:
    members = archive.scan(ticker.advance)
    stored = members.get(MANIFEST_NAME)
    if stored is None or stored.info.size > MAX_MANIFEST_BYTES:
        raise ArchiveError("the archive has no manifest")
    try:
        manifest = Manifest.from_json(archive.read(MANIFEST_NAME))
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise ArchiveError(f"its manifest is damaged ({error})") from error
    if manifest.station_code != signature.station_code:
        raise ArchiveError(
            f"its manifest names station {manifest.station_code}, but station "
            f"{signature.station_code} signed it"
        )
    if manifest.key_fingerprint != signature.key_fingerprint:
        raise ArchiveError("its manifest names another key than the one that signed it")
    if manifest.hq_fingerprint != hq_fingerprint:
        raise ArchiveError(f"it was made for another HQ (key {manifest.hq_fingerprint})")
    if manifest.schema > HEAD_REVISION:
        raise ArchiveError(
            f"it was made by a newer version of the program (database {manifest.schema}, "
            f"HQ has {HEAD_REVISION}); update the program at HQ first"
        )
    _check_members(manifest, {n: (m.sha256, m.info.size) for n, m in members.items()})
    return manifest


def _check_members(manifest: Manifest, found: dict[str, tuple[str, int]]) -> None:
    listed = {m.name: (m.sha256, m.size) for m in manifest.members}
    required = {member_name(spec) for spec in SPECS} | {DELETED_MEMBER}
    if missing := sorted(required - set(listed)):
        raise ArchiveError(f"its manifest lacks {', '.join(missing)}")
    extra = sorted(set(found) - set(listed) - {MANIFEST_NAME})
    if extra:
        raise ArchiveError(f"the archive holds '{extra[0]}', which its manifest does not list")
    for name, expected in listed.items():
        if name not in found:
            raise ArchiveError(f"'{name}' is listed in its manifest but missing")
        if found[name] != expected:
            raise ArchiveError(f"'{name}' does not match the hash in its manifest")
