"""Batches HQ must refuse whole: a clear message, and nothing written to the database or
the photo store. Every test runs with HQ on SQLite and on PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import delete, select

from station_app.db.models import MissingReport, SentBatch
from station_app.services import hq as hq_service
from station_app.services import registers
from station_app.sync.errors import BatchRejected
from station_app.sync.rows import SPEC_BY_NAME, canonical, encode_row
from tests.sync.conftest import (
    PASSWORD,
    Desk,
    Hq,
    complaint,
    connect,
    export,
    register,
    snapshot,
)
from tests.sync.forge import forge, forge_batch, station_signer, stranger


@pytest.fixture
def linked(ratlam: Desk, hq: Hq, tmp_path: Path) -> Desk:
    connect(ratlam, hq, tmp_path / "keys")
    register(ratlam, complaint())
    return ratlam


def refused(hq: Hq, path: Path, match: str, **options: bool) -> str:
    before = snapshot(hq.app)
    with pytest.raises(BatchRejected, match=match) as caught:
        hq_service.import_batch(hq.app, hq.admin, path, **options)
    assert snapshot(hq.app) == before
    assert "nothing was changed" in str(caught.value)
    assert not list(hq.app.paths.exports.glob(".incoming-*"))  # staging removed
    return str(caught.value)


def test_a_tampered_file_is_refused(linked: Desk, hq: Hq, tmp_path: Path) -> None:
    path = export(linked, tmp_path / "usb").path
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x40
    path.write_bytes(bytes(data))
    refused(hq, path, "damaged or altered")


def test_a_truncated_file_is_refused(linked: Desk, hq: Hq, tmp_path: Path) -> None:
    path = export(linked, tmp_path / "usb").path
    path.write_bytes(path.read_bytes()[:-100])
    refused(hq, path, "truncated")


def test_a_file_that_is_not_a_batch_is_refused(hq: Hq, tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0 not a batch")
    refused(hq, path, "not a Muskaan batch file")


def test_a_station_is_refused_until_hq_trusts_it(ratlam: Desk, hq: Hq, tmp_path: Path) -> None:
    hq_key = hq_service.export_hq_key(hq.app, hq.admin, tmp_path / "hq.key")
    from station_app.services import sync

    sync.set_hq_key(ratlam.app, ratlam.admin, tmp_path / "hq.key", hq_key.fingerprint)
    register(ratlam, complaint())
    path = export(ratlam, tmp_path / "usb").path

    message = refused(hq, path, "does not trust yet")
    assert "RTM01" in message and "hq trust" in message

    key = sync.export_station_key(ratlam.app, ratlam.admin, tmp_path / "rtm.key")
    hq_service.trust_station(hq.app, hq.admin, tmp_path / "rtm.key", key.fingerprint)
    assert hq_service.import_batch(hq.app, hq.admin, path).records().new == 1


def test_a_batch_for_another_hq_is_refused(linked: Desk, hq: Hq, tmp_path: Path) -> None:
    from station_app.app import open_app
    from station_app.services import sync

    other = open_app(str(tmp_path / "other-hq"))
    try:
        _, admin, _ = hq_service.init_hq(
            other, "DHQ-UJN", "HQ Ujjain", "Ujjain", "MP", "admin", PASSWORD
        )
        key = hq_service.export_hq_key(other, admin, tmp_path / "other.key")
    finally:
        other.close()
    sync.set_hq_key(linked.app, linked.admin, tmp_path / "other.key", key.fingerprint, replace=True)
    path = export(linked, tmp_path / "usb").path
    refused(hq, path, "encrypted for another district HQ")


def test_a_forged_signature_is_refused(linked: Desk, hq: Hq, tmp_path: Path) -> None:
    path = forge(tmp_path / "forged.batch", hq.key.public_key, stranger("RTM01"), [])
    refused(hq, path, "not with the station's trusted key")


def test_an_archive_path_that_escapes_its_folder_is_refused(
    linked: Desk, hq: Hq, tmp_path: Path
) -> None:
    members = [("records/missing_reports.jsonl", b""), ("../../outside.txt", b"gotcha")]
    path = forge(tmp_path / "escape.batch", hq.key.public_key, station_signer(linked), members)
    refused(hq, path, "escapes its folder")
    assert not (tmp_path / "outside.txt").exists()


def test_a_station_cannot_write_another_stations_record(
    linked: Desk, ujjain: Desk, hq: Hq, tmp_path: Path
) -> None:
    connect(ujjain, hq, tmp_path / "keys")
    hq_service.import_batch(hq.app, hq.admin, export(linked, tmp_path / "usb").path)
    with linked.app.db.read_session() as session:
        [row] = session.execute(select(MissingReport.__table__)).mappings().all()
    spec = SPEC_BY_NAME["missing_reports"]
    claimed = {**encode_row(spec, row), "name": "someone else", "version": 9}
    line = canonical(claimed) + b"\n"
    files = {"records/missing_reports.jsonl": line}
    path = forge_batch(tmp_path / "claim.batch", hq.key.public_key, station_signer(ujjain), files)
    refused(hq, path, "belongs to station RTM01, not to UJN01")


def test_a_repeated_number_with_other_contents_is_refused(
    linked: Desk, hq: Hq, tmp_path: Path
) -> None:
    first = export(linked, tmp_path / "usb1").path
    hq_service.import_batch(hq.app, hq.admin, first)
    with linked.app.db.session() as session:  # the station restored from an old backup
        session.execute(delete(SentBatch))
    register(linked, complaint("FIR 13/2026", name="Pooja"))
    second = export(linked, tmp_path / "usb2").path
    assert second.name == first.name
    message = refused(hq, second, "already imported")
    assert "--next-sequence 2" in message


def test_a_gap_in_the_numbers_is_refused_unless_accepted(
    linked: Desk, hq: Hq, tmp_path: Path
) -> None:
    first = export(linked, tmp_path / "usb").path
    registers.register(linked.app, linked.admin, complaint("FIR 13/2026", name="Pooja"))
    second = export(linked, tmp_path / "usb").path

    message = refused(hq, second, "batch 1 of station RTM01 has not been imported")
    assert "--accept-gap" in message or "accept the gap" in message

    accepted = hq_service.import_batch(hq.app, hq.admin, second, accept_gap=True)
    assert accepted.gap == (1,)
    [status] = hq_service.station_overview(hq.app, hq.admin)
    assert status.gaps == (1,)
    late = hq_service.import_batch(hq.app, hq.admin, first)
    assert late.late and late.records().new == 1
    [status] = hq_service.station_overview(hq.app, hq.admin)
    assert status.gaps == ()


def test_a_full_batch_covers_a_gap(linked: Desk, hq: Hq, tmp_path: Path) -> None:
    export(linked, tmp_path / "lost")
    full = export(linked, tmp_path / "usb", full=True)
    assert (full.sequence, full.full) == (2, True)
    report = hq_service.import_batch(hq.app, hq.admin, full.path)
    assert report.records().new == 1 and report.gap == ()
    [status] = hq_service.station_overview(hq.app, hq.admin)
    assert (status.last_sequence, status.gaps) == (2, ())
