"""`station-app encrypt`: turn a station kept in the clear into an encrypted one.

1. the new station key is written beside the database as a *pending* key file;
2. SQLCipher copies the database, encrypted, into a new file, which is checked;
3. that copy replaces the database: the one commit point (see keyfile's
   settle_interrupted_conversion, which finishes or undoes a conversion a power cut
   stopped, the next time the station is opened);
4. every photo file is sealed in place, each replaced atomically. Readers accept a
   file still in the clear, so a conversion stopped here loses nothing, and running
   the command again seals the rest.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url

from station_app.app import App
from station_app.audit import AuditLog
from station_app.backup.snapshot import facts, integrity_problem
from station_app.backup.swap import ensure_not_in_use
from station_app.db import sqlite_file
from station_app.db.engine import Database, sqlcipher_key_literal
from station_app.domain import UserInfo
from station_app.encryption import keyfile
from station_app.encryption.errors import EncryptionError
from station_app.encryption.keyfile import StationKeys
from station_app.encryption.photo_cipher import PhotoCipher
from station_app.errors import Cancelled
from station_app.kdf import KdfParams
from station_app.keys import seal_private_key_files
from station_app.photo_store import PhotoStore

ProgressCallback = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class EncryptReport:
    database_encrypted: bool  # False when it already was (a run finishing the photos)
    photos_sealed: int
    photo_files: int
    seconds: float

    def summary(self) -> str:
        what = "Database encrypted" if self.database_encrypted else "Database already encrypted"
        return (
            f"{what}; {self.photos_sealed} of {self.photo_files} photo file(s) sealed now "
            f"(the rest already were), in {self.seconds:.1f} s. From now on the station "
            "opens only with its passphrase: keep it where the in-charge can find it."
        )


def station_database(app: App) -> Path:
    url = make_url(app.db.url)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        raise EncryptionError(
            "Only a station kept in a SQLite file can be encrypted here; a PostgreSQL "
            "server's data is protected by the server's own disk encryption."
        )
    return Path(url.database).resolve()


def _fsync_folder(folder: Path) -> None:
    if os.name == "posix":
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _export(database: Path, target: Path, key: bytes) -> None:
    """SQLCipher's own copy of a plain database into a new, encrypted file."""
    target.unlink(missing_ok=True)
    plain_to_cipher = sqlite_file.sqlcipher_connect(database)
    try:
        plain_to_cipher.execute(
            f'ATTACH DATABASE ? AS encrypted KEY "{sqlcipher_key_literal(key)}"', (str(target),)
        )
        plain_to_cipher.execute("SELECT sqlcipher_export('encrypted')")
        plain_to_cipher.execute("DETACH DATABASE encrypted")
    finally:
        plain_to_cipher.close()
    with target.open("rb+") as handle:
        os.fsync(handle.fileno())


def _encrypt_database(database: Path, home: Path, passphrase: str, kdf: KdfParams) -> StationKeys:
    keyfile.check_passphrase_strength(passphrase)
    ensure_not_in_use(database)  # and the WAL folded into the file
    keys = StationKeys(os.urandom(32))
    pending = keyfile.pending_key_file(home)
    keyfile.write_key_file(pending, keys, passphrase, kdf)
    work = keyfile.converted_database(database)
    try:
        _export(database, work, keys.database)
        if problem := integrity_problem(work, keys.database):
            raise EncryptionError(f"The encrypted copy failed its check ({problem}).")
        if facts(work, keys.database).counts != facts(database).counts:
            raise EncryptionError("The encrypted copy does not hold every row; nothing changed.")
        ensure_not_in_use(database)
        os.replace(work, database)  # the commit point
    except BaseException:
        work.unlink(missing_ok=True)
        pending.unlink(missing_ok=True)
        raise
    for side in ("-wal", "-shm"):  # the plain database's, empty since the checkpoint
        with contextlib.suppress(FileNotFoundError):
            Path(f"{database}{side}").unlink()
    os.replace(pending, keyfile.key_file(home))
    _fsync_folder(home)
    return keys


def _seal_photos(
    store: PhotoStore, progress: ProgressCallback | None, cancelled: Callable[[], bool] | None
) -> tuple[int, int]:
    files = store.all_files()
    sealed = 0
    for number, path in enumerate(files, 1):
        if cancelled and cancelled():
            raise Cancelled()
        with contextlib.suppress(FileNotFoundError):  # swept meanwhile
            sealed += store.seal_in_place(path)
        if progress:
            progress(number, len(files))
    return sealed, len(files)


def encrypt_station(
    app: App,
    actor: UserInfo | None,
    passphrase: str,
    *,
    progress: ProgressCallback | None = None,
    cancelled: Callable[[], bool] | None = None,
    kdf: KdfParams | None = None,
) -> EncryptReport:
    """Encrypt the station's database and photo files with a new key under `passphrase`.

    On an already encrypted station it only seals photo files left in the clear by an
    interrupted run. `app` is closed on return: open the station again, with the
    passphrase. `actor` is None only while setting up a new station.
    """
    started = time.perf_counter()
    database = station_database(app)
    app.db.dispose()
    keys = app.keys
    newly = keys is None
    if keys is None:
        keys = _encrypt_database(database, app.paths.home, passphrase, kdf or keyfile.STATION_KDF)
    seal_private_key_files(app.paths, keys.private_keys)
    store = PhotoStore(app.paths.photos, PhotoCipher(keys.photos))
    sealed, total = _seal_photos(store, progress, cancelled)
    report = EncryptReport(newly, sealed, total, time.perf_counter() - started)
    if actor is not None:
        db = Database(f"sqlite:///{database.as_posix()}", key=keys.database)
        try:
            with db.session() as session:
                AuditLog(session, actor).record(
                    "encrypt_station", "station", None, {"summary": report.summary()}
                )
        finally:
            db.dispose()
    return report


def change_station_passphrase(app: App, actor: UserInfo, old: str, new: str) -> None:
    """Re-seal the station key under a new passphrase (the data is not rewritten)."""
    if not app.encrypted:
        raise EncryptionError("This station is not encrypted; 'station-app encrypt' does that.")
    keyfile.change_passphrase(app.paths.home, old, new)
    with app.db.session() as session:
        AuditLog(session, actor).record(
            "change_station_passphrase", "station", None, {"summary": "station passphrase changed"}
        )
