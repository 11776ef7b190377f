"""`station-app restore`: check the whole backup first, then swap it in; keep the old data.

Order: decrypt and unpack into a temporary folder inside the data folder (so the swap
is a rename), check every SHA-256 against the manifest, run SQLite's integrity check on
the unpacked database, check its schema is one this app knows, bring it up to this
app's schema and write the restore into its audit log. Only then, with no other
connection open on the live database, are the old files moved aside and the new ones in.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from station_app.app import App
from station_app.audit import AuditLog
from station_app.backup import snapshot
from station_app.backup.archive import compare_with_manifest, extract
from station_app.backup.errors import BackupDamaged, BackupError
from station_app.backup.make import (
    LAST_BACKUP_KEY,
    ProgressCallback,
    remove_stale_work,
    sqlite_database,
)
from station_app.backup.manifest import DATABASE_NAME, Manifest
from station_app.backup.stream import DecryptingReader
from station_app.backup.swap import Placement, ensure_not_in_use, swap_in
from station_app.db import sqlite_file
from station_app.db.engine import HEAD_REVISION, MIGRATIONS_DIR, Database
from station_app.db.models import Setting
from station_app.domain import Role, StationInfo, UserInfo
from station_app.encryption import keyfile
from station_app.encryption.errors import EncryptionError, WrongStationPassphrase
from station_app.encryption.keyfile import KEY_FILE_NAME
from station_app.errors import PermissionDenied, StationError
from station_app.permissions import Action, require

NEW_DESK_USER = "(restore on a new desk)"


@dataclass(frozen=True, slots=True)
class RestoreReport:
    station_code: str
    station_name: str
    made_at: datetime
    app_version: str
    schema_revision: str
    counts: dict[str, int]
    old_data: Path | None  # None when only checked
    seconds: float
    encrypted: bool = False

    def summary(self) -> str:
        records = self.counts.get("missing_reports", 0) + self.counts.get("found_children", 0)
        what = (
            f"backup of station {self.station_code} ({self.station_name}) made "
            f"{self.made_at:%Y-%m-%d %H:%M} UTC by app {self.app_version}: {records} "
            f"record(s), {self.counts.get('files', 0)} file(s)"
        )
        if self.encrypted:
            what += ", encrypted with its station passphrase"
        if self.old_data is None:
            return f"The {what} is complete and intact (checked in {self.seconds:.1f} s)."
        text = (
            f"Restored the {what}, in {self.seconds:.1f} s. The data it replaced is kept in "
            f"{self.old_data}."
        )
        if not self.encrypted:
            text += " The restored station is not encrypted ('station-app encrypt' does it)."
        return text


def _known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory  # slow to import; only a restore needs it

    return {rev.revision for rev in ScriptDirectory(str(MIGRATIONS_DIR)).walk_revisions()}


def _refuse_unusable(
    facts: snapshot.DatabaseFacts, current: StationInfo | None, label: str
) -> None:
    if not facts.schema_revision or not facts.station_code:
        raise BackupDamaged(label, "its database is not a station database")
    if facts.schema_revision not in _known_revisions():
        raise BackupError(
            f"{label} was made by a newer version of Muskaan Station (database schema "
            f"{facts.schema_revision}; this app knows up to {HEAD_REVISION}). Update the app, "
            "then restore. Nothing was changed."
        )
    if current is not None and current.code != facts.station_code:
        raise BackupError(
            f"{label} is a backup of station {facts.station_code} ({facts.station_name}); this "
            f"desk is station {current.code}. Restore it into an empty data folder (--home) "
            "instead. Nothing was changed."
        )


def _check_early(label: str, current: StationInfo | None) -> Callable[[str, Path], None]:
    """Refuse a backup of a newer app or another station before its photos are unpacked."""

    def on_member(name: str, path: Path) -> None:
        if name != DATABASE_NAME:
            return
        try:
            facts = snapshot.facts(path)
        except sqlite_file.DATABASE_ERRORS:
            return  # encrypted, or damaged: checked once unpacked, with the key if any
        _refuse_unusable(facts, current, label)

    return on_member


def _station_key(
    staging: Path, label: str, ask_station_passphrase: Callable[[], str] | None
) -> bytes | None:
    """The database key of an encrypted station's backup (None for a plain one)."""
    if not (staging / KEY_FILE_NAME).exists():
        return None
    if ask_station_passphrase is None:
        raise BackupError(
            f"{label} is a backup of an encrypted station: its station passphrase (the one "
            "in use when the backup was made) is needed too. Nothing was changed."
        )
    try:
        return keyfile.unlock(staging, ask_station_passphrase()).database
    except WrongStationPassphrase:
        raise BackupError(
            f"The station passphrase does not unlock the station key in {label}: give the "
            "one in use when the backup was made. Nothing was changed."
        ) from None
    except EncryptionError as error:
        raise BackupDamaged(label, f"its station key file is unusable ({error})") from error


def _unpack(
    source: Path,
    passphrase: str,
    staging: Path,
    current: StationInfo | None,
    progress: ProgressCallback | None,
    ask_station_passphrase: Callable[[], str] | None,
) -> tuple[Manifest, snapshot.DatabaseFacts, bytes | None]:
    label = str(source)
    total = source.stat().st_size
    with source.open("rb") as handle:
        reader = DecryptingReader(
            handle, passphrase, label, (lambda done: progress(done, total)) if progress else None
        )
        manifest, found = extract(reader, staging, label, _check_early(label, current))
        reader.drain()
    compare_with_manifest(manifest, found, label)
    if DATABASE_NAME not in found:
        raise BackupDamaged(label, "it holds no database")
    database = staging / DATABASE_NAME
    key = _station_key(staging, label, ask_station_passphrase)
    if problem := snapshot.integrity_problem(database, key):
        raise BackupDamaged(label, f"its database fails SQLite's integrity check ({problem})")
    facts = snapshot.facts(database, key)
    _refuse_unusable(facts, current, label)
    if manifest.station_code != facts.station_code:
        raise BackupDamaged(label, "its manifest names another station than its database")
    for table, count in facts.counts.items():
        if manifest.counts.get(table, count) != count:
            raise BackupDamaged(
                label,
                f"its database holds {count} {table} row(s), its manifest says "
                f"{manifest.counts[table]}",
            )
    return manifest, facts, key


def _finish_database(
    path: Path, manifest: Manifest, actor: UserInfo, source: Path, key: bytes | None
) -> None:
    """Bring the unpacked database to this app's schema and log the restore in it."""
    try:
        db = Database(f"sqlite:///{path.as_posix()}", key=key)
    except StationError as error:
        raise BackupError(f"The backup's database could not be upgraded: {error}") from error
    try:
        with db.session() as session:
            session.merge(Setting(key=LAST_BACKUP_KEY, value=manifest.created_at.isoformat()))
            AuditLog(session, actor).record(
                "restore",
                "station",
                None,
                {
                    "summary": f"restored the backup made {manifest.created_at:%Y-%m-%d %H:%M} UTC",
                    "file": str(source),
                    "schema": manifest.schema_revision,
                    "app_version": manifest.app_version,
                },
            )
    finally:
        db.dispose()
    connection = sqlite_file.connect(path, key)  # leave no -wal beside the file that moves
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()


def _authorise(actor: UserInfo | None, current: StationInfo | None, check_only: bool) -> None:
    """An admin of this desk's station; on a desk with no station, whoever has the passphrase."""
    if current is None:
        return
    if actor is None:
        raise PermissionDenied(f"Log in as an admin of station {current.code} to restore.")
    require(actor, Action.BACKUP if check_only else Action.RESTORE)


def restore_backup(
    app: App,
    actor: UserInfo | None,
    source: Path,
    passphrase: str,
    *,
    check_only: bool = False,
    progress: ProgressCallback | None = None,
    ask_station_passphrase: Callable[[], str] | None = None,
) -> RestoreReport:
    """Check `source` completely; unless check_only, make it this desk's data.

    `actor` may be None only on a desk with no station yet (a new or replaced PC).
    A backup of an encrypted station also needs its station passphrase, asked through
    `ask_station_passphrase` only once the backup is known to be one.
    """
    started = time.perf_counter()
    database = sqlite_database(app)
    current = app.local_station()
    _authorise(actor, current, check_only)
    if not source.is_file():
        raise BackupError(f"{source} is not a file.")
    if not check_only:
        app.db.dispose()
        live_key = app.keys.database if app.keys else None
        ensure_not_in_use(database, live_key)  # now: nobody waits for the unpacking to hear it
    remove_stale_work(app.paths.home)
    staging = Path(tempfile.mkdtemp(dir=app.paths.home, prefix=".restore-"))
    try:
        manifest, facts, key = _unpack(
            source, passphrase, staging, current, progress, ask_station_passphrase
        )
        old_data = None
        if not check_only:
            logged = actor or UserInfo("", NEW_DESK_USER, "", Role.ADMIN, facts.station_code)
            _finish_database(staging / DATABASE_NAME, manifest, logged, source, key)
            old_data = _swap(app, database, staging)
    except OSError as error:  # the disk filled up while unpacking, the file went away...
        raise BackupError(
            f"Could not read or unpack {source}: {error.strerror or error}. Nothing was changed."
        ) from error
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return RestoreReport(
        facts.station_code,
        facts.station_name,
        manifest.created_at,
        manifest.app_version,
        manifest.schema_revision,
        manifest.counts,
        old_data,
        time.perf_counter() - started,
        key is not None,
    )


def _swap(app: App, database: Path, staging: Path) -> Path:
    parts = [(staging / "photos", app.paths.photos)]
    if any((staging / "keys").iterdir()):
        parts.append((staging / "keys", app.paths.keys))  # else keep this desk's keys
    live_key_file = keyfile.key_file(app.paths.home)
    retired: tuple[Path, ...] = ()
    if (staging / KEY_FILE_NAME).exists():
        parts.append((staging / KEY_FILE_NAME, live_key_file))
    else:
        retired = (live_key_file,)  # a plain backup: this desk's station key goes aside too
    app.db.dispose()
    ensure_not_in_use(database, app.keys.database if app.keys else None)
    placement = Placement((staging / DATABASE_NAME, database), tuple(parts), retired)
    return swap_in(placement, app.paths.home)
