"""Backup and restore as a station would live them: a stolen PC, a bad disk, a pen drive."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from station_app.app import App, open_app
from station_app.audit_verify import verify_audit
from station_app.backup import stream, swap
from station_app.backup.errors import BackupError, DatabaseInUse, WrongPassphrase
from station_app.backup.make import backup_age, make_backup
from station_app.backup.restore import restore_backup
from station_app.backup.stream import HEADER_BYTES, DecryptingReader, EncryptingWriter, Header
from station_app.cli import main
from station_app.db.models import AuditEvent, MissingReport
from station_app.domain import UserInfo
from station_app.errors import PermissionDenied
from station_app.importing.service import import_file
from station_app.keys import private_key_path
from station_app.services import station
from tests.bad_input.state import assert_unchanged, capture
from tests.conftest import ADMIN_PASSWORD
from tests.importing.test_import import FOUND, MISSING, write_jsonl

PASSPHRASE = "monsoon-ledger-42"
CHEAP_KDF = stream.KdfParams(log2_n=10, r=8, p=1)


@pytest.fixture(autouse=True)
def _cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stream, "DEFAULT_KDF", CHEAP_KDF)
    monkeypatch.setattr(swap, "LOCK_WAIT_SECONDS", 0.2)


@pytest.fixture
def filled(app: App, admin: UserInfo, tmp_path: Path) -> App:
    """A station with a complaint (with a photo) and a found child."""
    import_file(app, admin, write_jsonl(tmp_path / "register", [MISSING, FOUND]))
    return app


@pytest.fixture
def new_desk(tmp_path: Path) -> Iterator[App]:
    application = open_app(str(tmp_path / "new-desk"))
    yield application
    application.close()


def refs(app: App) -> list[str]:
    with app.db.read_session() as session:
        return sorted(session.scalars(select(MissingReport.ref)))


def test_a_backup_restores_on_a_new_desk_with_records_photos_and_key(
    filled: App, admin: UserInfo, new_desk: App, tmp_path: Path
) -> None:
    target = tmp_path / "pen-drive" / "rtm01.msbackup"
    target.parent.mkdir()
    report = make_backup(filled, admin, target, PASSPHRASE)
    assert report.counts["missing_reports"] == 1 and report.counts["photos"] == 1
    assert PASSPHRASE.encode() not in target.read_bytes()
    assert "राजेश".encode() not in target.read_bytes()

    restored = restore_backup(new_desk, None, target, PASSPHRASE)

    assert restored.station_code == "RTM01" and refs(new_desk) == ["FIR 12/2026"]
    assert station.login(new_desk, "admin", ADMIN_PASSWORD).username == "admin"
    old_photos = sorted(p.relative_to(filled.paths.photos) for p in filled.paths.photos.rglob("*"))
    new_photos = sorted(
        p.relative_to(new_desk.paths.photos) for p in new_desk.paths.photos.rglob("*")
    )
    assert new_photos == old_photos and len(new_photos) > 3
    for relative in old_photos:
        if (filled.paths.photos / relative).is_file():
            old_bytes = (filled.paths.photos / relative).read_bytes()
            assert (new_desk.paths.photos / relative).read_bytes() == old_bytes
    key = private_key_path(new_desk.paths, "RTM01")
    assert key.read_bytes() == private_key_path(filled.paths, "RTM01").read_bytes()
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    with new_desk.db.read_session() as session:
        assert all(r.intact for r in verify_audit(session))
        restore_by = session.scalars(
            select(AuditEvent.username).where(AuditEvent.action == "restore")
        ).one()
    assert restore_by == "(restore on a new desk)"
    age = backup_age(new_desk)
    assert age is not None and age.total_seconds() < 120


def test_restore_moves_the_replaced_data_aside_and_deletes_nothing(
    filled: App, admin: UserInfo, tmp_path: Path
) -> None:
    target = tmp_path / "backup.msbackup"
    make_backup(filled, admin, target, PASSPHRASE)
    later = {**MISSING, "ref": "FIR 99/2026", "photos": []}
    import_file(filled, admin, write_jsonl(tmp_path, [later], name="later.jsonl", photo=False))
    assert refs(filled) == ["FIR 12/2026", "FIR 99/2026"]

    report = restore_backup(filled, admin, target, PASSPHRASE)

    assert refs(filled) == ["FIR 12/2026"]  # the same App works on, on the restored data
    assert report.old_data is not None and report.old_data.parent == filled.paths.home
    kept = sqlite3.connect(report.old_data / "station.sqlite3")
    try:
        assert kept.execute("SELECT count(*) FROM missing_reports").fetchone()[0] == 2
    finally:
        kept.close()
    assert any((report.old_data / "photos").rglob("*.jpg"))
    assert not list(filled.paths.home.glob(".restore-*"))


def test_the_backup_is_audited_and_its_time_kept_for_the_reminder(
    filled: App, admin: UserInfo, tmp_path: Path
) -> None:
    assert backup_age(filled) is None
    make_backup(filled, admin, tmp_path / "b.msbackup", PASSPHRASE)
    age = backup_age(filled)
    assert age is not None and age.total_seconds() < 120
    with filled.db.read_session() as session:
        username, details = session.execute(
            select(AuditEvent.username, AuditEvent.details).where(AuditEvent.action == "backup")
        ).one()
    assert username == "admin" and details["file"] == str(tmp_path / "b.msbackup")


def test_a_backup_made_while_another_desk_writes_holds_only_committed_data(
    filled: App, admin: UserInfo, new_desk: App, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from station_app.backup import snapshot

    real_snapshot = snapshot.snapshot

    def while_another_desk_is_mid_save(live: Path, target: Path, key: bytes | None) -> None:
        other_desk = sqlite3.connect(live, isolation_level=None)
        try:
            other_desk.execute("BEGIN IMMEDIATE")
            other_desk.execute("UPDATE missing_reports SET name = 'half-saved'")
            real_snapshot(live, target, key)  # neither waits for the other nor sees its change
            other_desk.execute("COMMIT")
        finally:
            other_desk.close()

    monkeypatch.setattr(snapshot, "snapshot", while_another_desk_is_mid_save)
    make_backup(filled, admin, tmp_path / "b.msbackup", PASSPHRASE)
    restore_backup(new_desk, None, tmp_path / "b.msbackup", PASSPHRASE)
    with new_desk.db.read_session() as session:
        assert session.scalar(select(MissingReport.name)) == "राजेश कुमार"


def test_only_an_in_charge_or_admin_may_back_up(
    filled: App, officer: UserInfo, tmp_path: Path
) -> None:
    with pytest.raises(PermissionDenied, match="may not back up"):
        make_backup(filled, officer, tmp_path / "b.msbackup", PASSPHRASE)
    assert not list(tmp_path.glob("*b.msbackup*"))


def test_only_an_admin_may_restore_over_a_station(
    filled: App, admin: UserInfo, officer: UserInfo, tmp_path: Path
) -> None:
    make_backup(filled, admin, tmp_path / "b.msbackup", PASSPHRASE)
    before = capture(filled)
    with pytest.raises(PermissionDenied):
        restore_backup(filled, officer, tmp_path / "b.msbackup", PASSPHRASE)
    with pytest.raises(PermissionDenied, match="Log in as an admin"):
        restore_backup(filled, None, tmp_path / "b.msbackup", PASSPHRASE)
    assert_unchanged(before, capture(filled))


def test_restore_waits_for_no_one_and_refuses_while_the_database_is_open_elsewhere(
    filled: App, admin: UserInfo, tmp_path: Path
) -> None:
    make_backup(filled, admin, tmp_path / "b.msbackup", PASSPHRASE)
    before = capture(filled)
    idle_window = sqlite3.connect(filled.paths.database)  # another desk's window, just open
    try:
        idle_window.execute("SELECT count(*) FROM users").fetchone()
        with pytest.raises(DatabaseInUse, match="Close it and try again"):
            restore_backup(filled, admin, tmp_path / "b.msbackup", PASSPHRASE)
    finally:
        idle_window.close()
    assert_unchanged(before, capture(filled))


def test_a_backup_from_a_newer_app_is_refused_before_anything_changes(
    filled: App, admin: UserInfo, new_desk: App, tmp_path: Path
) -> None:
    with filled.db.session() as session:
        session.connection().exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    make_backup(filled, admin, tmp_path / "b.msbackup", PASSPHRASE)
    before = capture(new_desk)
    with pytest.raises(BackupError, match=r"newer version of Muskaan Station .*schema 9999"):
        restore_backup(new_desk, None, tmp_path / "b.msbackup", PASSPHRASE)
    assert_unchanged(before, capture(new_desk))


def test_a_backup_of_another_station_is_refused(
    filled: App, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = open_app(str(tmp_path / "bhopal"))
    try:
        _, other_admin = station.init_station(
            other, "BPL02", "GRP Bhopal", "Bhopal", "Madhya Pradesh", "admin", ADMIN_PASSWORD
        )
        make_backup(other, other_admin, tmp_path / "bhopal.msbackup", PASSPHRASE)
    finally:
        other.close()
    admin = station.login(filled, "admin", ADMIN_PASSWORD)
    before = capture(filled)
    with pytest.raises(BackupError, match=r"backup of station BPL02.*this desk is station RTM01"):
        restore_backup(filled, admin, tmp_path / "bhopal.msbackup", PASSPHRASE)
    assert_unchanged(before, capture(filled), ("login", "login_failed"))


def test_a_postgresql_station_is_told_to_use_pg_dump(
    filled: App, admin: UserInfo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(filled.db, "url", "postgresql+psycopg://station@127.0.0.1/register")
    with pytest.raises(BackupError, match="pg_dump"):
        make_backup(filled, admin, tmp_path / "b.msbackup", PASSPHRASE)
    with pytest.raises(BackupError, match="pg_dump"):
        restore_backup(filled, admin, tmp_path / "b.msbackup", PASSPHRASE)


def test_a_damaged_database_is_not_backed_up(
    filled: App, admin: UserInfo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from station_app.backup import snapshot

    monkeypatch.setattr(snapshot, "integrity_problem", lambda *_: "Page 7: btreeInitPage error")
    with pytest.raises(BackupError, match=r"damaged .*Page 7.*not backed up"):
        make_backup(filled, admin, tmp_path / "b.msbackup", PASSPHRASE)
    assert not list(tmp_path.glob("*msbackup*"))
    assert backup_age(filled) is None


@pytest.mark.parametrize(
    ("where", "message"),
    [
        ("no-such-folder/b.msbackup", "does not exist"),
        (".", "is a folder"),
        ("HOME/station.sqlite3", "part of the station's own data"),
        ("HOME/photos/b.msbackup", "part of the station's own data"),
    ],
)
def test_a_backup_target_that_makes_no_sense_is_refused(
    filled: App, admin: UserInfo, tmp_path: Path, where: str, message: str
) -> None:
    target = Path(where.replace("HOME", str(filled.paths.home)))
    target = target if target.is_absolute() else tmp_path / target
    before = capture(filled)
    with pytest.raises(BackupError, match=message):
        make_backup(filled, admin, target, PASSPHRASE)
    assert_unchanged(before, capture(filled))


def test_a_short_passphrase_is_refused(filled: App, admin: UserInfo, tmp_path: Path) -> None:
    with pytest.raises(BackupError, match="at least 8 characters"):
        make_backup(filled, admin, tmp_path / "b.msbackup", "short")


@pytest.mark.parametrize("size", [0, 1, 63, 64, 65, 64 * 3 + 5])
def test_the_stream_round_trips_across_chunk_boundaries(
    size: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stream, "CHUNK_BYTES", 64)
    data = os.urandom(size)
    path = tmp_path / "s.bin"
    with path.open("wb") as out:
        writer = EncryptingWriter(out, PASSPHRASE, CHEAP_KDF)
        for start in range(0, size, 7):
            writer.write(data[start : start + 7])
        writer.finish()
    with path.open("rb") as source:
        reader = DecryptingReader(source, PASSPHRASE, "s.bin")
        assert reader.read(10) + reader.read() == data
        assert reader.drain() == 0
    with path.open("rb") as source, pytest.raises(WrongPassphrase):
        DecryptingReader(source, PASSPHRASE + "!", "s.bin")


def test_the_real_key_derivation_is_costly_to_guess(
    filled: App, admin: UserInfo, tmp_path: Path
) -> None:
    target = tmp_path / "b.msbackup"
    make_backup(filled, admin, target, PASSPHRASE, kdf=stream.KdfParams())
    header = Header.unpack(target.read_bytes()[:HEADER_BYTES], "b")
    assert header.kdf.memory_bytes >= 128 << 20


def test_memory_stays_flat_for_a_large_photo_folder(
    filled: App, admin: UserInfo, new_desk: App, tmp_path: Path
) -> None:
    big = filled.paths.photos / "original" / "zz"
    big.mkdir(parents=True)
    for index in range(3):
        (big / f"{index:064d}.jpg").write_bytes(os.urandom(8 << 20))
    tracemalloc.start()
    try:
        make_backup(filled, admin, tmp_path / "b.msbackup", PASSPHRASE)
        _, backup_peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        restore_backup(new_desk, None, tmp_path / "b.msbackup", PASSPHRASE)
        _, restore_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert backup_peak < 8 << 20 and restore_peak < 8 << 20, (backup_peak, restore_peak)


def test_cli_backup_check_and_restore(
    filled: App, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    filled.close()
    home = str(filled.paths.home)
    monkeypatch.setenv("STATION_APP_USER", "admin")
    monkeypatch.setenv("STATION_APP_PASSWORD", ADMIN_PASSWORD)
    monkeypatch.setenv("STATION_APP_BACKUP_PASSPHRASE", PASSPHRASE)
    target = str(tmp_path / "b.msbackup")
    assert main(["--home", home, "backup", "--to", target]) == 0
    assert "Backup of station RTM01 written to" in capsys.readouterr().out
    assert main(["--home", home, "restore", target, "--check-only"]) == 0
    assert "is complete and intact" in capsys.readouterr().out
    assert main(["--home", str(tmp_path / "new"), "restore", target]) == 0
    out = capsys.readouterr().out
    assert "Restored the backup of station RTM01" in out and "before-restore-" in out
    monkeypatch.setenv("STATION_APP_BACKUP_PASSPHRASE", "not the passphrase")
    assert main(["--home", home, "restore", target]) == 1
    err = capsys.readouterr().err
    assert "passphrase does not open" in err and "Traceback" not in err


def test_cli_without_a_passphrase_says_which_variable_to_set(
    filled: App, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("STATION_APP_USER", "admin")
    monkeypatch.setenv("STATION_APP_PASSWORD", ADMIN_PASSWORD)
    monkeypatch.delenv("STATION_APP_BACKUP_PASSPHRASE", raising=False)
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    code = main(["--home", str(filled.paths.home), "backup", "--to", str(tmp_path / "b")])
    assert code == 1 and "set STATION_APP_BACKUP_PASSPHRASE" in capsys.readouterr().err


def test_a_swap_that_fails_half_way_puts_the_old_data_back(
    filled: App, admin: UserInfo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_backup(filled, admin, tmp_path / "b.msbackup", PASSPHRASE)
    before = capture(filled)
    real_move = shutil.move
    moves: list[Path] = []

    def disk_fails_on_the_photos(source: Path, target: Path) -> object:
        moves.append(Path(target))
        if Path(target) == filled.paths.photos and moves.count(filled.paths.photos) == 1:
            raise OSError(28, "No space left on device")
        return real_move(source, target)

    monkeypatch.setattr(shutil, "move", disk_fails_on_the_photos)
    with pytest.raises(BackupError, match=r"No space left.*was put back"):
        restore_backup(filled, admin, tmp_path / "b.msbackup", PASSPHRASE)
    monkeypatch.undo()
    assert filled.paths.database in moves  # the new database had gone in, and came out again
    assert_unchanged(before, capture(filled))


def test_work_folders_left_by_a_power_cut_are_cleared_a_day_later(
    filled: App, admin: UserInfo, tmp_path: Path
) -> None:
    home = filled.paths.home
    old, recent, other = home / ".restore-abc", home / ".backup-def", home / ".keep-me"
    for folder in (old, recent, other):
        folder.mkdir()
        (folder / "station.sqlite3").write_bytes(b"copy")
    two_days_ago = time.time() - 2 * 86400
    os.utime(old, (two_days_ago, two_days_ago))
    os.utime(other, (two_days_ago, two_days_ago))
    make_backup(filled, admin, tmp_path / "b.msbackup", PASSPHRASE)
    assert not old.exists() and recent.exists() and other.exists()
