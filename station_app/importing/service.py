"""Import a register file: all or nothing, every problem reported with its line."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from station_app.app import App
from station_app.audit import AuditLog
from station_app.domain import ChildDetails, UserInfo
from station_app.errors import Cancelled, InvalidInput, PhotoRejected, Problem
from station_app.importing.parse import ParsedRecord, parse_record
from station_app.importing.reader import read_records
from station_app.permissions import Action, require
from station_app.photo_store import CheckedImage, StoredPhoto, check_image
from station_app.services.registers import (
    attach_photos,
    create_row,
    find_by_ref,
    kind_of,
    update_row,
)

FLUSH_EVERY = 200
MAX_PROBLEMS_KEPT = 1000
ProgressCallback = Callable[[int, int], None]


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


class _Run:
    """State of one import: the open session, what was written, what went wrong."""

    def __init__(self, app: App, user: UserInfo, path: Path, dry_run: bool) -> None:
        self.app = app
        self.user = user
        self.path = path
        self.folder = path.parent
        self.report = ImportReport(str(path), dry_run)
        self.problems: list[Problem] = []
        self.problem_count = 0
        self.seen: set[tuple[str, str]] = set()
        self.created_files: list[Path] = []

    @property
    def writing(self) -> bool:
        return self.problem_count == 0

    def add_problems(self, problems: list[Problem]) -> None:
        self.problem_count += len(problems)
        room = MAX_PROBLEMS_KEPT - len(self.problems)
        self.problems.extend(problems[: max(room, 0)])

    def load_photos(self, parsed: ParsedRecord, line: int) -> list[CheckedImage] | None:
        images, problems = [], []
        for relative in parsed.photos:
            target = self.folder / relative
            try:
                images.append(check_image(target.read_bytes(), relative))
            except FileNotFoundError:
                problems.append(f"photo '{relative}' does not exist")
            except IsADirectoryError:
                problems.append(f"photo '{relative}' is a folder, not a file")
            except PermissionError:
                problems.append(f"photo '{relative}' cannot be read (permission denied)")
            except PhotoRejected as error:
                problems.append(str(error))
        if problems:
            ref = parsed.details.ref
            self.add_problems([Problem(p, field="photos", ref=ref, line=line) for p in problems])
            return None
        return images

    def apply(
        self, session: Session, details: ChildDetails, images: list[CheckedImage], log: AuditLog
    ) -> None:
        """Write one record. A dry run writes too, without photo files, and rolls back."""
        stored = [self._store(image) for image in images]
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

    def _store(self, image: CheckedImage) -> StoredPhoto:
        if self.report.dry_run:
            return StoredPhoto(image, "")
        item = self.app.photos.store(image)
        self.created_files.extend(item.created_files)
        return item


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
    total = path.stat().st_size
    run = _Run(app, user, path, dry_run)
    from_text = path.suffix.lower() == ".csv"
    try:
        with app.db.session() as session:
            log = AuditLog(session, user)
            for count, raw in enumerate(read_records(path), start=1):
                if should_cancel and should_cancel():
                    raise Cancelled()
                _import_line(run, session, log, raw.line, raw.data, raw.problem, from_text)
                if progress:
                    progress(raw.position or total, total)
                if count % FLUSH_EVERY == 0 and run.writing:
                    session.flush()
            if run.problem_count:
                raise InvalidInput(_with_count(run))
            if dry_run:
                session.rollback()
            else:
                log.record(
                    "import", "file", None, {"summary": run.report.summary(), "file": str(path)}
                )
    except BaseException:
        app.photos.discard(run.created_files)
        raise
    if progress:
        progress(total, total)
    return run.report


def _import_line(
    run: _Run,
    session: Session,
    log: AuditLog,
    line: int,
    data: dict[str, object] | None,
    problem: Problem | None,
    from_text: bool,
) -> None:
    if data is None:
        run.add_problems([problem] if problem else [])
        return
    parsed = parse_record(data, line, from_text)
    if isinstance(parsed, list):
        run.add_problems(parsed)
        return
    details = parsed.details
    key = (kind_of(details).value, details.ref)
    if key in run.seen:
        run.add_problems(
            [
                Problem(
                    f"{key[0]} ref '{details.ref}' appears twice in this file",
                    field="ref",
                    ref=details.ref,
                    line=line,
                )
            ]
        )
        return
    run.seen.add(key)
    run.report.warnings.extend(parsed.warnings)
    images = run.load_photos(parsed, line)
    if images is None:
        return
    run.report.records += 1
    if run.writing:
        run.apply(session, details, images, log)


def _with_count(run: _Run) -> list[Problem]:
    if run.problem_count > len(run.problems):
        hidden = run.problem_count - len(run.problems)
        return [*run.problems, Problem(f"... and {hidden} more problem(s)")]
    return run.problems
