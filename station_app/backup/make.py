"""`station-app backup`: the whole station in one encrypted file, made while desks work."""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy.engine import make_url

from station_app import __version__
from station_app.app import App
from station_app.atomic import atomic_writer
from station_app.audit import AuditLog
from station_app.backup import snapshot, stream
from station_app.backup.archive import ArchiveWriter, folder_files
from station_app.backup.errors import BackupError
from station_app.backup.manifest import DATABASE_NAME, Manifest
from station_app.backup.stream import EncryptingWriter, check_passphrase_strength
from station_app.db.base import utcnow
from station_app.db.models import Setting
from station_app.domain import UserInfo
from station_app.encryption.keyfile import KEY_FILE_NAME, key_file
from station_app.kdf import KdfParams
from station_app.permissions import Action, require

LAST_BACKUP_KEY = "backup.last_at"
WORK_PREFIXES = (".backup-", ".restore-")
STALE_WORK_SECONDS = 24 * 3600
ProgressCallback = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class BackupReport:
    path: Path
    station_code: str
    bytes: int
    files: int
    counts: dict[str, int]
    created_at: datetime
    seconds: float
    photos_missing: int

    def summary(self) -> str:
        records = self.counts.get("missing_reports", 0) + self.counts.get("found_children", 0)
        text = (
            f"Backup of station {self.station_code} written to {self.path}: "
            f"{self.bytes / 1e6:.1f} MB, {records} record(s), {self.files} file(s), "
            f"in {self.seconds:.1f} s."
        )
        if self.photos_missing:
            text += (
                f" {self.photos_missing} photo file(s) the register refers to were already "
                "missing on this desk: run 'station-app check'."
            )
        return text


def sqlite_database(app: App) -> Path:
    """The station's SQLite file; backups of a PostgreSQL station are pg_dump's job."""
    url = make_url(app.db.url)
    if url.get_backend_name() != "sqlite":
        raise BackupError(
            "This station keeps its register in PostgreSQL: back it up with pg_dump "
            "(and the photo folder with your usual file backup). Backup and restore here "
            "work for SQLite stations only."
        )
    if not url.database or url.database == ":memory:":
        raise BackupError("This database lives in memory only; there is nothing to back up.")
    return Path(url.database).resolve()


def check_target(app: App, target: Path) -> Path:
    """The target, resolved, if a backup may be written there (asked before the passphrase)."""
    target = target.expanduser().resolve()
    database = sqlite_database(app)
    if target.is_dir():
        raise BackupError(f"{target} is a folder; give a file name inside it.")
    if not target.parent.is_dir():
        raise BackupError(f"The folder {target.parent} does not exist (is the drive plugged in?).")
    protected = [Path(f"{database}{side}") for side in ("", "-wal", "-shm")]
    if target in protected or any(
        target.is_relative_to(folder.resolve()) for folder in (app.paths.photos, app.paths.keys)
    ):
        raise BackupError(f"{target} is part of the station's own data; choose another file.")
    return target


def remove_stale_work(home: Path) -> None:
    """Delete temporary folders left by a backup or restore that a power cut stopped.

    They hold only copies made for that work; a day old, nobody is still using them.
    """
    cutoff = time.time() - STALE_WORK_SECONDS
    for folder in home.glob(".*"):
        ours = folder.name.startswith(WORK_PREFIXES) and folder.is_dir()
        if ours and folder.stat().st_mtime < cutoff:
            shutil.rmtree(folder, ignore_errors=True)


def _checked_snapshot(database: Path, work: Path, key: bytes | None) -> Path:
    copy = work / DATABASE_NAME
    snapshot.snapshot(database, copy, key)
    if problem := snapshot.integrity_problem(copy, key):
        raise BackupError(
            f"The database is damaged ({problem}), so it was not backed up. Keep the "
            "backups you have, and run 'station-app check'."
        )
    return copy


def make_backup(
    app: App,
    user: UserInfo,
    target: Path,
    passphrase: str,
    *,
    progress: ProgressCallback | None = None,
    kdf: KdfParams | None = None,
) -> BackupReport:
    """Write database, photos and keys to `target`, encrypted, atomically; audit it.

    An encrypted station's database and photos go in as they are on disk, still sealed
    with the station key, with the key file: restoring needs both passphrases.
    """
    require(user, Action.BACKUP)
    station = app.require_station()
    database = sqlite_database(app)
    target = check_target(app, target)
    check_passphrase_strength(passphrase)
    remove_stale_work(app.paths.home)
    started, created_at = time.perf_counter(), utcnow()
    with tempfile.TemporaryDirectory(dir=app.paths.home, prefix=".backup-") as work:
        key = app.keys.database if app.keys else None
        copy = _checked_snapshot(database, Path(work), key)
        facts = snapshot.facts(copy, key)
        header = Manifest(
            facts.station_code,
            facts.station_name,
            __version__,
            facts.schema_revision,
            created_at,
            facts.counts,
            (),
        )
        files = [(DATABASE_NAME, copy)]
        if app.keys:
            files.append((KEY_FILE_NAME, key_file(app.paths.home)))
        files += [*folder_files(app.paths.home, "photos"), *folder_files(app.paths.home, "keys")]
        manifest = _write(target, files, passphrase, kdf or stream.DEFAULT_KDF, header, progress)
        referenced = snapshot.referenced_originals(copy, key)
        missing = len(referenced - {m.name for m in manifest.members})
    report = BackupReport(
        target,
        station.code,
        target.stat().st_size,
        len(manifest.members),
        manifest.counts,
        created_at,
        time.perf_counter() - started,
        missing,
    )
    _record(app, user, report)
    return report


def _record(app: App, user: UserInfo, report: BackupReport) -> None:
    with app.db.session() as session:
        session.merge(Setting(key=LAST_BACKUP_KEY, value=report.created_at.isoformat()))
        details: dict[str, object] = {
            "summary": f"backup to {report.path}",
            "file": str(report.path),
            "bytes": report.bytes,
            "counts": report.counts,
        }
        AuditLog(session, user).record("backup", "station", None, details)


def _write(
    target: Path,
    files: list[tuple[str, Path]],
    passphrase: str,
    kdf: KdfParams,
    header: Manifest,
    progress: ProgressCallback | None,
) -> Manifest:
    """Seal every file into `target` (atomically), the manifest last; return that manifest."""
    total = sum(path.stat().st_size for _, path in files)
    done = 0

    def advance(count: int) -> None:
        nonlocal done
        done += count
        if progress:
            progress(done, total)

    try:
        with atomic_writer(target) as out:
            sink = EncryptingWriter(out, passphrase, kdf)
            archive = ArchiveWriter(sink, advance)
            for name, path in files:
                try:
                    archive.add_file(name, path)
                except FileNotFoundError:
                    if name in (DATABASE_NAME, KEY_FILE_NAME):
                        raise
                    continue  # swept as an orphan since it was listed: not the register's
            members = tuple(archive.members)
            manifest = replace(
                header, counts={**header.counts, "files": len(members)}, members=members
            )
            archive.add_manifest(manifest)
            archive.close()
            sink.finish()
    except OSError as error:
        raise BackupError(
            f"Could not write the backup {target}: {error.strerror or error}. "
            "No backup file was left there."
        ) from error
    return manifest


def backup_age(app: App) -> timedelta | None:
    """How long since the last backup made on this desk; None if there never was one."""
    with app.db.read_session() as session:
        row = session.get(Setting, LAST_BACKUP_KEY)
        value = row.value if row else None
    if not value:
        return None
    try:
        return utcnow() - datetime.fromisoformat(value)
    except ValueError:
        return None
