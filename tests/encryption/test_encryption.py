"""Encryption at rest as a stolen desk PC would meet it: nothing readable without the
passphrase, nothing lost converting, a wrong passphrase refused in words."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from station_app.app import App, open_app
from station_app.backup import stream, swap
from station_app.backup.errors import BackupError
from station_app.backup.make import make_backup
from station_app.backup.restore import restore_backup
from station_app.cli import main
from station_app.domain import ChildRecord, Kind, MissingDetails, UserInfo
from station_app.encryption import keyfile
from station_app.encryption.convert import change_station_passphrase, encrypt_station
from station_app.encryption.errors import (
    EncryptionError,
    PassphraseRequired,
    WrongStationPassphrase,
)
from station_app.encryption.photo_cipher import MAGIC
from station_app.errors import DatabaseCorrupt
from station_app.importing.service import import_file
from station_app.kdf import KdfParams
from station_app.photo_store import check_image
from station_app.services import handover, listing, registers, station
from station_app.services.maintenance import check_health
from tests.conftest import ADMIN_PASSWORD, jpeg_bytes
from tests.importing.test_import import FOUND, MISSING, write_jsonl

PASSPHRASE = "do gaz zameen ke neeche"
CHEAP = KdfParams(log2_n=10)


@pytest.fixture(autouse=True)
def _cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyfile, "STATION_KDF", CHEAP)
    monkeypatch.setattr(stream, "DEFAULT_KDF", CHEAP)
    monkeypatch.setattr(swap, "LOCK_WAIT_SECONDS", 0.2)


@pytest.fixture
def filled(app: App, admin: UserInfo, tmp_path: Path) -> App:
    import_file(app, admin, write_jsonl(tmp_path / "register", [MISSING, FOUND]))
    return app


@pytest.fixture
def encrypted(filled: App, admin: UserInfo, home: Path) -> Iterator[App]:
    encrypt_station(filled, admin, PASSPHRASE)
    opened = open_app(str(home), passphrase=PASSPHRASE)
    yield opened
    opened.close()


def disk_bytes(home: Path) -> bytes:
    """Every byte the station keeps on disk, database and photos."""
    files = sorted(p for p in home.rglob("*") if p.is_file())
    return b"".join(p.read_bytes() for p in files)


def _record(app: App, user: UserInfo) -> ChildRecord:
    (record,) = registers.lookup(app, user, "FIR 12/2026")
    return record


def names(app: App, user: UserInfo) -> list[str]:
    rows = listing.list_register(app, user, listing.RegisterQuery(kind=Kind.MISSING))
    return [row.name for row in rows]


def test_nothing_of_a_child_is_readable_on_disk_after_encrypting(
    encrypted: App, admin: UserInfo, home: Path
) -> None:
    everything = disk_bytes(home)
    assert "राजेश".encode() not in everything and b"FIR 12/2026" not in everything
    assert b"SQLite format 3" not in everything
    photo_files = [p for p in (home / "photos").rglob("*") if p.is_file()]
    assert len(photo_files) == 3  # original, display copy, thumbnail
    assert all(p.read_bytes().startswith(MAGIC) for p in photo_files)
    assert not any(b"\xff\xd8\xff" in p.read_bytes()[:64] for p in photo_files)

    assert names(encrypted, admin) == ["राजेश कुमार"]
    record = _record(encrypted, admin)
    thumbnail = encrypted.photos.read(record.photos[0].thumbnail_path)
    assert Image.open(io.BytesIO(thumbnail)).format == "JPEG"


def test_the_original_photo_is_kept_bit_for_bit_through_encryption(
    filled: App, admin: UserInfo, home: Path
) -> None:
    record = _record(filled, admin)
    sha = record.photos[0].sha256
    encrypt_station(filled, admin, PASSPHRASE)
    opened = open_app(str(home), passphrase=PASSPHRASE)
    try:
        original = opened.photos.read(record.photos[0].original_path)
        assert hashlib.sha256(original).hexdigest() == sha
    finally:
        opened.close()


def test_no_passphrase_and_a_wrong_one_are_refused_without_touching_a_file(
    encrypted: App, home: Path
) -> None:
    encrypted.close()
    before = disk_bytes(home)
    with pytest.raises(PassphraseRequired, match="is encrypted: give its passphrase"):
        open_app(str(home))
    with pytest.raises(WrongStationPassphrase, match="does not unlock this station"):
        open_app(str(home), passphrase="dus gaz zameen ke neeche")
    assert disk_bytes(home) == before


def test_a_new_station_registers_photos_sealed_from_the_first(home: Path) -> None:
    opened, _, admin = station.init_encrypted_station(
        open_app(str(home)), PASSPHRASE, "RTM09", "Thana Jaora", "Ratlam", "MP", "admin",
        ADMIN_PASSWORD,
    )  # fmt: skip
    try:
        record = registers.register(
            opened, admin, MissingDetails(ref="FIR 3", name="Sonu"), [check_image(jpeg_bytes())]
        )
        stored = [
            Path(p) for p in (record.photos[0].original_path, record.photos[0].normalized_path)
        ]
        assert all(p.read_bytes().startswith(MAGIC) for p in stored)
        assert b"Thana Jaora" not in (home / "station.sqlite3").read_bytes()
    finally:
        opened.close()


def test_a_poster_prints_the_photo_of_an_encrypted_station(encrypted: App, admin: UserInfo) -> None:
    document = handover.public_notice(encrypted, admin, "FIR 12/2026")
    assert b"/Subtype /Image" in document.pdf


def test_a_swapped_photo_file_is_caught_not_shown(encrypted: App, admin: UserInfo) -> None:
    record = _record(encrypted, admin)
    thumb, display = Path(record.photos[0].thumbnail_path), Path(record.photos[0].normalized_path)
    thumb.write_bytes(display.read_bytes())  # another file, sealed with the right key
    with pytest.raises(EncryptionError, match="damaged or was altered"):
        encrypted.photos.read(thumb)


def test_changing_the_passphrase_keeps_every_record(
    encrypted: App, admin: UserInfo, home: Path
) -> None:
    database_before = (home / "station.sqlite3").stat().st_size
    change_station_passphrase(encrypted, admin, PASSPHRASE, "naya raasta naya safar")
    encrypted.close()
    with pytest.raises(WrongStationPassphrase):
        open_app(str(home), passphrase=PASSPHRASE)
    reopened = open_app(str(home), passphrase="naya raasta naya safar")
    try:
        assert names(reopened, admin) == ["राजेश कुमार"]
        assert (home / "station.sqlite3").stat().st_size >= database_before
    finally:
        reopened.close()


def test_a_power_cut_before_the_swap_leaves_the_station_in_the_clear(
    filled: App, admin: UserInfo, home: Path
) -> None:
    # What a conversion leaves when it stops after writing its key and its copy.
    keys = keyfile.StationKeys(b"k" * 32)
    keyfile.write_key_file(keyfile.pending_key_file(home), keys, PASSPHRASE, CHEAP)
    keyfile.converted_database(home / "station.sqlite3").write_bytes(b"half a copy")
    filled.close()

    reopened = open_app(str(home))
    try:
        assert not reopened.encrypted and names(reopened, admin) == ["राजेश कुमार"]
        assert not keyfile.pending_key_file(home).exists()
        assert not keyfile.converted_database(home / "station.sqlite3").exists()
    finally:
        reopened.close()


def test_a_power_cut_after_the_swap_finishes_the_conversion(
    filled: App, admin: UserInfo, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from station_app.encryption import convert

    real_replace = convert.os.replace

    def cut_after_database(source: str | Path, target: str | Path) -> None:
        if str(source).endswith(".pending"):
            raise KeyboardInterrupt  # the power goes before the key file is renamed
        real_replace(source, target)

    monkeypatch.setattr(convert.os, "replace", cut_after_database)
    with pytest.raises(KeyboardInterrupt):
        encrypt_station(filled, admin, PASSPHRASE)
    monkeypatch.undo()
    monkeypatch.setattr(keyfile, "STATION_KDF", CHEAP)

    reopened = open_app(str(home), passphrase=PASSPHRASE)
    try:
        assert reopened.encrypted and names(reopened, admin) == ["राजेश कुमार"]
        # The photos were not sealed yet: they still read, and running again seals them.
        report = encrypt_station(reopened, admin, "")
        assert report.photos_sealed == 3 and not report.database_encrypted
    finally:
        reopened.close()
    assert all(p.read_bytes().startswith(MAGIC) for p in (home / "photos").rglob("*.jpg"))


def test_a_database_without_its_key_file_is_not_taken_for_a_plain_one(
    encrypted: App, home: Path
) -> None:
    encrypted.close()
    keyfile.key_file(home).rename(home / "elsewhere.json")
    with pytest.raises(DatabaseCorrupt, match=r"key file encryption\.json is missing"):
        open_app(str(home))


def test_a_damaged_key_file_is_named(encrypted: App, home: Path) -> None:
    encrypted.close()
    keyfile.key_file(home).write_text('{"format": "muskaan-station-key", "version": 1}')
    with pytest.raises(EncryptionError, match=r"encryption\.json is damaged"):
        open_app(str(home), passphrase=PASSPHRASE)


def test_backup_of_an_encrypted_station_restores_with_both_passphrases(
    encrypted: App, admin: UserInfo, tmp_path: Path
) -> None:
    target = tmp_path / "pen-drive.msbackup"
    make_backup(encrypted, admin, target, "backup-passphrase-1")
    desk = open_app(str(tmp_path / "new-desk"))
    try:
        with pytest.raises(BackupError, match=r"station passphrase .* is needed too"):
            restore_backup(desk, None, target, "backup-passphrase-1")
        with pytest.raises(BackupError, match="does not unlock the station key"):
            restore_backup(
                desk, None, target, "backup-passphrase-1", ask_station_passphrase=lambda: "no"
            )
        assert not keyfile.is_encrypted(desk.paths.home)
        report = restore_backup(
            desk, None, target, "backup-passphrase-1", ask_station_passphrase=lambda: PASSPHRASE
        )
        assert report.encrypted
    finally:
        desk.close()
    restored = open_app(str(tmp_path / "new-desk"), passphrase=PASSPHRASE)
    try:
        assert names(restored, admin) == ["राजेश कुमार"]
        assert b"SQLite format 3" not in (restored.paths.database).read_bytes()[:16]
    finally:
        restored.close()


def test_the_cli_sets_up_an_encrypted_station_and_refuses_a_wrong_passphrase(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    home = str(tmp_path / "cli-home")
    monkeypatch.setenv("STATION_APP_PASSWORD", ADMIN_PASSWORD)
    monkeypatch.setenv("STATION_APP_USER", "admin")
    monkeypatch.setenv("STATION_APP_PASSPHRASE", PASSPHRASE)
    args = ["--home", home, "init", "--station-code", "RTM07", "--station-name", "Thana Piploda"]
    assert main([*args, "--district", "Ratlam", "--state", "MP", "--encrypt"]) == 0
    assert "encrypted" in capsys.readouterr().out
    assert main(["--home", home, "list", "missing"]) == 0

    monkeypatch.setenv("STATION_APP_PASSPHRASE", "wrong but long enough")
    assert main(["--home", home, "list", "missing"]) == 1
    assert "does not unlock this station" in capsys.readouterr().err
    monkeypatch.delenv("STATION_APP_PASSPHRASE")
    assert main(["--home", home, "list", "missing"]) == 1
    assert "is encrypted: give its passphrase" in capsys.readouterr().err


def test_the_cli_encrypts_an_existing_station(
    filled: App, home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    filled.close()
    monkeypatch.setenv("STATION_APP_PASSWORD", ADMIN_PASSWORD)
    monkeypatch.setenv("STATION_APP_USER", "admin")
    monkeypatch.setenv("STATION_APP_PASSPHRASE", PASSPHRASE)
    assert main(["--home", str(home), "encrypt"]) == 0
    assert "3 of 3 photo file(s) sealed" in capsys.readouterr().out
    assert main(["--home", str(home), "list", "missing", "--json"]) == 0
    assert "राजेश" in capsys.readouterr().out
    assert main(["--home", str(home), "audit", "verify"]) == 0


def test_check_names_photo_files_an_interrupted_run_left_in_the_clear(
    encrypted: App, admin: UserInfo
) -> None:
    record = _record(encrypted, admin)
    thumbnail = Path(record.photos[0].thumbnail_path)
    thumbnail.write_bytes(encrypted.photos.read(thumbnail))  # as if never sealed

    report = check_health(encrypted, admin, sweep=False)
    assert not report.ok and report.unsealed_files == [thumbnail]
    encrypt_station(encrypted, admin, "")
    reopened = open_app(str(encrypted.paths.home), passphrase=PASSPHRASE)
    try:
        assert check_health(reopened, admin, sweep=False).ok
    finally:
        reopened.close()


def test_a_plain_backup_restored_over_an_encrypted_desk_moves_the_key_aside_too(
    filled: App, admin: UserInfo, home: Path, tmp_path: Path
) -> None:
    target = tmp_path / "before-encrypting.msbackup"
    make_backup(filled, admin, target, "backup-passphrase-1")
    encrypt_station(filled, admin, PASSPHRASE)
    desk = open_app(str(home), passphrase=PASSPHRASE)
    try:
        report = restore_backup(desk, admin, target, "backup-passphrase-1")
    finally:
        desk.close()
    assert not report.encrypted and "not encrypted" in report.summary()
    assert report.old_data is not None and (report.old_data / "encryption.json").exists()
    assert not keyfile.is_encrypted(home)
    reopened = open_app(str(home))  # in the clear again, no passphrase asked
    try:
        assert names(reopened, admin) == ["राजेश कुमार"]
    finally:
        reopened.close()


def test_the_cli_changes_the_station_passphrase(
    encrypted: App, home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    encrypted.close()
    monkeypatch.setenv("STATION_APP_PASSWORD", ADMIN_PASSWORD)
    monkeypatch.setenv("STATION_APP_USER", "admin")
    monkeypatch.setenv("STATION_APP_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("STATION_APP_NEW_PASSPHRASE", "barsaat ki ek raat")
    assert main(["--home", str(home), "passphrase"]) == 0
    assert "Station passphrase changed" in capsys.readouterr().out

    assert main(["--home", str(home), "list", "missing"]) == 1  # the old one no longer opens it
    monkeypatch.setenv("STATION_APP_PASSPHRASE", "barsaat ki ek raat")
    assert main(["--home", str(home), "list", "missing"]) == 0
