"""Every bad backup is refused with a plain message, and the desk's data is left as it was."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from station_app.app import App, open_app
from station_app.backup import stream
from station_app.backup.errors import BackupError
from station_app.backup.make import make_backup
from station_app.backup.restore import restore_backup
from station_app.cli import main
from station_app.domain import UserInfo
from station_app.importing.service import import_file
from station_app.services import station
from tests.bad_input.backup_corpus import CASES, CHEAP_KDF, BackupCase, Sources, parts
from tests.bad_input.import_corpus import write_baseline
from tests.bad_input.state import assert_unchanged, capture
from tests.conftest import ADMIN_PASSWORD

PASSPHRASE = "monsoon-ledger-42"


def _station(home: Path, code: str) -> tuple[App, UserInfo]:
    app = open_app(str(home))
    _, admin = station.init_station(app, code, "GRP", "Ratlam", "MP", "admin", ADMIN_PASSWORD)
    return app, admin


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[App, UserInfo, Sources]]:
    work = tmp_path_factory.mktemp("backups")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(stream, "DEFAULT_KDF", CHEAP_KDF)
        patch.setattr(stream, "CHUNK_BYTES", 4096)  # many parts to cut, drop and reorder
        app, admin = _station(work / "desk", "RTM01")
        import_file(app, admin, write_baseline(work / "register"))
        make_backup(app, admin, work / "good.msbackup", PASSPHRASE)
        other, other_admin = _station(work / "other", "BPL02")
        make_backup(other, other_admin, work / "other.msbackup", PASSPHRASE)
        other.close()
    good = (work / "good.msbackup").read_bytes()
    assert len(parts(good)) > 5
    yield app, admin, Sources(good, (work / "other.msbackup").read_bytes(), PASSPHRASE)
    app.close()


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_a_bad_backup_is_refused_plainly_and_nothing_changes(
    desk: tuple[App, UserInfo, Sources], case: BackupCase, tmp_path: Path
) -> None:
    app, admin, sources = desk
    path = tmp_path / f"{case.name}.msbackup"
    path.write_bytes(case.make(sources))
    passphrase = sources.passphrase if case.passphrase is None else case.passphrase
    before = capture(app)
    with pytest.raises(BackupError) as raised:
        restore_backup(app, admin, path, passphrase)
    message = str(raised.value)
    assert type(raised.value) is case.error, message
    assert case.reason in message and "othing was" in message, message
    assert_unchanged(before, capture(app))


def test_the_good_backup_itself_restores(
    desk: tuple[App, UserInfo, Sources], tmp_path: Path
) -> None:
    app, admin, sources = desk
    path = tmp_path / "good.msbackup"
    path.write_bytes(sources.good)
    report = restore_backup(app, admin, path, PASSPHRASE, check_only=True)
    assert report.station_code == "RTM01" and report.old_data is None


@pytest.mark.parametrize("where", ["nowhere.msbackup", "."])
def test_a_path_that_is_not_a_file_is_refused(
    desk: tuple[App, UserInfo, Sources], tmp_path: Path, where: str
) -> None:
    app, admin, _ = desk
    before = capture(app)
    with pytest.raises(BackupError, match="is not a file"):
        restore_backup(app, admin, tmp_path / where, PASSPHRASE)
    assert_unchanged(before, capture(app))


def test_the_command_line_reports_a_cut_backup_without_a_traceback(
    desk: tuple[App, UserInfo, Sources],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    app, _, sources = desk
    path = tmp_path / "cut.msbackup"
    path.write_bytes(sources.good[: len(sources.good) // 2])
    monkeypatch.setenv("STATION_APP_USER", "admin")
    monkeypatch.setenv("STATION_APP_PASSWORD", ADMIN_PASSWORD)
    monkeypatch.setenv("STATION_APP_BACKUP_PASSPHRASE", PASSPHRASE)
    before = capture(app)
    app.db.dispose()  # else the restore rightly refuses: this test's own connection is open
    assert main(["--home", str(app.paths.home), "restore", str(path)]) == 1
    err = capsys.readouterr().err
    assert "truncated" in err and "Nothing was restored" in err and "Traceback" not in err
    assert_unchanged(before, capture(app), attempt_actions=("login", "login_failed"))
