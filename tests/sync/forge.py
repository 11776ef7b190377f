"""Batches made by hand, to show what HQ does with files no honest station would write."""

from __future__ import annotations

import io
import tarfile
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from station_app import keys
from station_app.sync.archive import HashingWriter
from station_app.sync.crypto import EncryptingWriter
from station_app.sync.manifest import SIGNATURE_PURPOSE, Signature, signed_message, trailer_bytes
from tests.sync.conftest import Desk


def station_signer(desk: Desk) -> keys.StationSigner:
    with desk.app.db.read_session() as session:
        from station_app.db.models import Station

        row = session.get(Station, desk.code)
        public_key = row.signing_public_key if row else None
    return keys.load_signer(desk.app.paths, desk.code, public_key)


def stranger(code: str) -> keys.StationSigner:
    private = Ed25519PrivateKey.generate()
    return keys.StationSigner(code, private, keys.raw_public_key(private))


def forge(
    path: Path, hq_public_key: bytes, signer: keys.StationSigner, members: list[tuple[str, bytes]]
) -> Path:
    with path.open("wb") as out:
        envelope = EncryptingWriter(out, hq_public_key)
        payload = HashingWriter(envelope)
        with tarfile.open(fileobj=payload, mode="w|", format=tarfile.PAX_FORMAT) as tar:  # type: ignore[call-overload]
            for name, data in members:
                info = tarfile.TarInfo(name)
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
        message = signed_message(
            signer.station_code, signer.fingerprint, payload.sha256.hexdigest()
        )
        signature = signer.sign(SIGNATURE_PURPOSE, message)
        envelope.write(trailer_bytes(Signature(signer.station_code, signer.fingerprint, signature)))
        envelope.close()
    return path


def forge_batch(
    path: Path,
    hq_public_key: bytes,
    signer: keys.StationSigner,
    files: dict[str, bytes],
    sequence: int = 1,
) -> Path:
    """A batch with a correct manifest around whatever rows `files` hold."""
    import hashlib
    from datetime import datetime

    from station_app.db.engine import HEAD_REVISION
    from station_app.sync.changes import DELETED_MEMBER, member_name
    from station_app.sync.manifest import Manifest, Member
    from station_app.sync.rows import SPECS

    contents = {member_name(spec): b"" for spec in SPECS} | {DELETED_MEMBER: b""} | files
    manifest = Manifest(
        station_code=signer.station_code, station_name="", district="", state="",
        sequence=sequence, full=True, period_from=None, period_to=datetime(2026, 5, 1),
        created_by="forger", key_fingerprint=signer.fingerprint,
        hq_fingerprint=keys.fingerprint(hq_public_key), schema=HEAD_REVISION,
        members=tuple(
            Member(name, hashlib.sha256(data).hexdigest(), len(data))
            for name, data in contents.items()
        ),
    )  # fmt: skip
    members = [*contents.items(), ("manifest.json", manifest.to_json())]
    return forge(path, hq_public_key, signer, members)
