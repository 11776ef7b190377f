"""Import a register file: all or nothing, every problem reported with its line.

Lines are read and checked in order on the calling thread; their photos are read,
checked and stored a few lines ahead by a small thread pool (Pillow works outside the
GIL), so photo work overlaps the database work. Nothing is committed until the end.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from station_app.app import App
from station_app.audit import AuditLog
from station_app.domain import ChildDetails, UserInfo
from station_app.errors import Cancelled, InvalidInput, PhotoRejected, Problem
from station_app.importing.parse import ParsedRecord, parse_record
from station_app.importing.reader import RawLine, not_text_reason, read_records
from station_app.permissions import Action, require
from station_app.photo_store import MAX_FILE_BYTES, StoredPhoto, check_image
from station_app.services.registers import (
    attach_photos,
    create_row,
    find_by_ref,
    kind_of,
    update_row,
)

FLUSH_EVERY = 200
MAX_PROBLEMS_KEPT = 1000
PHOTO_WORKERS = 2
LOOKAHEAD_LINES = 16
ProgressCallback = Callable[[int, int], None]
PhotoOutcome = tuple[list[StoredPhoto], list[str]]


@dataclass
class ImportReport:
    path: str
    dry_run: bool
    records: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    photos_added: int = 0
    warnings: list[Problem] = field(default_factory=list)

    def summary(self) -> str:
        verb = "would import" if self.dry_run else "imported"
        return (
            f"{verb} {self.records} record(s) from {self.path}: {self.created} new, "
            f"{self.updated} updated, {self.unchanged} unchanged, {self.photos_added} photo(s)"
        )


@dataclass
class _Pending:
    """A line read and parsed, its photos perhaps still being processed."""

    line: int
    position: int
    parsed: ParsedRecord | None
    photos: Future[PhotoOutcome] | None = None


class _Run:
    """State of one import: what was written, what went wrong."""

    def __init__(self, app: App, user: UserInfo, path: Path, dry_run: bool) -> None:
        self.app = app
        self.user = user
        self.folder = path.parent
        self.from_text = path.suffix.lower() == ".csv"
        self.report = ImportReport(str(path), dry_run)
        self.problems: list[Problem] = []
        self.problem_count = 0
        self.seen: set[tuple[str, str]] = set()
        self.created_files: list[Path] = []

    @property
    def writing(self) -> bool:
        """Still worth writing: once a line is bad the import will be refused anyway."""
        return self.problem_count == 0

    def add_problems(self, problems: list[Problem]) -> None:
        self.problem_count += len(problems)
        room = MAX_PROBLEMS_KEPT - len(self.problems)
        self.problems.extend(problems[: max(room, 0)])

    def parse(self, raw: RawLine) -> ParsedRecord | None:
        if raw.data is None:
            self.add_problems([raw.problem] if raw.problem else [])
            return None
        parsed = parse_record(raw.data, raw.line, self.from_text)
        if isinstance(parsed, list):
            self.add_problems(parsed)
            return None
        key = (kind_of(parsed.details).value, parsed.details.ref)
        if key in self.seen:
            self.add_problems(
                [
                    Problem(
                        f"{key[0]} ref '{key[1]}' appears twice in this file",
                        field="ref",
                        ref=key[1],
                        line=raw.line,
                    )
                ]
            )
            return None
        self.seen.add(key)
        self.report.warnings.extend(parsed.warnings)
        return parsed

    def read_photo(self, relative: str) -> bytes:
        """The photo's bytes, if it is a plain file inside the import's folder, not too big.

        Checked before reading: a link out of the folder (to someone's documents), a pipe
        that never ends, or a file of gigabytes is refused without being read.
        """
        path = self.folder / relative
        try:
            inside = path.resolve().is_relative_to(self.folder.resolve())
        except (OSError, RuntimeError) as error:  # RuntimeError: a symlink loop (3.11)
            raise PhotoRejected(f"photo '{relative}' cannot be opened ({error})") from None
        if not inside:
            raise PhotoRejected(f"photo '{relative}' leads out of the import file's folder")
        if not path.exists():
            raise PhotoRejected(f"photo '{relative}' does not exist")
        if path.is_dir():
            raise PhotoRejected(f"photo '{relative}' is a folder, not a file")
        if not path.is_file():
            raise PhotoRejected(f"photo '{relative}' is not a plain file")
        if (size := path.stat().st_size) > MAX_FILE_BYTES:
            limit = MAX_FILE_BYTES // 2**20
            raise PhotoRejected(f"{relative} is {size / 1e6:.1f} MB; the limit is {limit} MB")
        return path.read_bytes()

    def prepare_photos(self, relatives: tuple[str, ...], store_files: bool) -> PhotoOutcome:
        """Read, check and (unless told not to) store one line's photos. Runs in a worker."""
        checked, problems = [], []
        for relative in relatives:
            try:
                checked.append(check_image(self.read_photo(relative), relative))
            except PermissionError:
                problems.append(f"photo '{relative}' cannot be read (permission denied)")
            except PhotoRejected as error:
                problems.append(str(error))
            except OSError as error:
                problems.append(f"photo '{relative}' cannot be read ({error.strerror or error})")
        if problems or not store_files:
            return [StoredPhoto(image, "") for image in checked], problems
        stored = []
        for image in checked:
            item = self.app.photos.store(image)
            self.created_files.extend(item.created_files)
            stored.append(item)
        return stored, problems

    def finish(self, pending: _Pending, session: Session, log: AuditLog) -> None:
        """Wait for the line's photos, then write the record (if all is still well)."""
        if pending.parsed is None:
            return
        stored: list[StoredPhoto] = []
        if pending.photos is not None:
            stored, problems = pending.photos.result()
            if problems:
                ref = pending.parsed.details.ref
                self.add_problems(
                    [Problem(p, field="photos", ref=ref, line=pending.line) for p in problems]
                )
                return
        self.report.records += 1
        if self.writing:
            self.apply(session, pending.parsed.details, stored, log)

    def apply(
        self, session: Session, details: ChildDetails, stored: list[StoredPhoto], log: AuditLog
    ) -> None:
        """Write one record. A dry run writes too, without photo files, and rolls back."""
        row = find_by_ref(session, kind_of(details), self.user.station_code, details.ref)
        if row is None:
            row = create_row(session, self.user.station_code, details, self.user, log)
            self.report.created += 1
            self.report.photos_added += attach_photos(session, row, stored, self.user, log)
            return
        changed = update_row(row, details, self.user, log)
        added = attach_photos(session, row, stored, self.user, log)
        self.report.photos_added += added
        if changed or added:
            self.report.updated += 1
        else:
            self.report.unchanged += 1


def import_file(
    app: App,
    user: UserInfo,
    path: Path,
    *,
    dry_run: bool = False,
    progress: ProgressCallback | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> ImportReport:
    """Check every line; write all of them in one transaction, or none.

    Raises InvalidInput listing every problem (line, ref, field, reason) when any line
    is bad, and Cancelled if `should_cancel` turns true; in both cases the database
    and the photo store are left as they were.
    """
    require(user, Action.IMPORT)
    if not path.is_file():
        raise InvalidInput([Problem(f"{path} is not a file")])
    if reason := not_text_reason(path):
        raise InvalidInput([Problem(f"{path.name} is {reason}; import reads JSON Lines or CSV")])
    total = path.stat().st_size
    run = _Run(app, user, path, dry_run)
    try:
        with app.db.session() as session, ThreadPoolExecutor(PHOTO_WORKERS) as pool:
            log = AuditLog(session, user)
            window: deque[_Pending] = deque()
            done = 0
            for raw in read_records(path):
                if should_cancel and should_cancel():
                    raise Cancelled()
                window.append(_submit(run, pool, raw))
                while len(window) > LOOKAHEAD_LINES:
                    done = _finish_next(run, window, session, log, done, total, progress)
            while window:
                done = _finish_next(run, window, session, log, done, total, progress)
            if run.problem_count:
                raise InvalidInput(_with_count(run))
            if dry_run:
                session.rollback()
            else:
                summary: dict[str, object] = {"summary": run.report.summary(), "file": str(path)}
                log.record("import", "file", None, summary)
    except BaseException:
        app.photos.discard(run.created_files)  # the pool has finished: the list is complete
        raise
    if progress:
        progress(total, total)
    return run.report


def _submit(run: _Run, pool: ThreadPoolExecutor, raw: RawLine) -> _Pending:
    parsed = run.parse(raw)
    pending = _Pending(raw.line, raw.position, parsed)
    if parsed is not None and parsed.photos:
        store_files = run.writing and not run.report.dry_run
        pending.photos = pool.submit(run.prepare_photos, parsed.photos, store_files)
    return pending


def _finish_next(
    run: _Run,
    window: deque[_Pending],
    session: Session,
    log: AuditLog,
    done: int,
    total: int,
    progress: ProgressCallback | None,
) -> int:
    pending = window.popleft()
    run.finish(pending, session, log)
    done += 1
    if done % FLUSH_EVERY == 0 and run.writing:
        session.flush()
    if progress:
        progress(pending.position or total, total)
    return done


def _with_count(run: _Run) -> list[Problem]:
    if run.problem_count > len(run.problems):
        hidden = run.problem_count - len(run.problems)
        return [*run.problems, Problem(f"... and {hidden} more problem(s)")]
    return run.problems
