"""PFIF export and import as user actions: permission, audit, progress, all or nothing.

Export writes every record of both registers as a PFIF 1.4 person with a note (and a
note linking each confirmed match), atomically; main photos are copied into a folder
beside the file, which photo_url names relatively. Import maps each person to a line
of the register import format and runs the register import on them, so a PFIF file is
checked and written exactly like any other register file: all or nothing.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station_app.app import App
from station_app.atomic import atomic_writer
from station_app.audit import AuditLog
from station_app.db.models import FoundChild, MatchDecision, MissingReport, Photo, Station
from station_app.domain import UserInfo
from station_app.errors import InvalidInput, Problem, StationError
from station_app.importing.service import import_file
from station_app.permissions import Action, require
from station_app.pfif.export_mapping import LinkedMatch, person_element
from station_app.pfif.import_mapping import map_person
from station_app.pfif.reader import PfifError, PfifNote, PfifPerson, read_pfif
from station_app.pfif.vocabulary import NS, tag, utc_text
from station_app.record_mapping import to_record
from station_app.sync.progress import CancelCheck, ProgressCallback, Ticker
from station_app.sync.staging import staging_folder

YIELD_PER = 500


@dataclass(frozen=True, slots=True)
class PfifExportReport:
    path: Path
    persons: int
    notes: int
    photos: int
    photo_folder: Path | None

    def summary(self) -> str:
        where = f"; photos in {self.photo_folder}" if self.photo_folder and self.photos else ""
        return (
            f"{self.persons} person(s) with {self.notes} note(s) written to {self.path} "
            f"(PFIF 1.4){where}"
        )


def export_pfif(
    app: App,
    user: UserInfo,
    path: Path,
    *,
    progress: ProgressCallback | None = None,
    should_cancel: CancelCheck | None = None,
) -> PfifExportReport:
    require(user, Action.EXPORT)
    station = app.require_station()
    ticker = Ticker(progress, should_cancel)
    photo_dir = path.with_name(f"{path.stem}-photos")
    persons = notes = photos = 0
    with app.db.read_session() as session:
        names = {code: name for code, name in session.execute(select(Station.code, Station.name))}
        main_photos = _main_photos(session)
        matches = _confirmed_matches(session)
        ticker.phase(1.0, _record_count(session))
        with atomic_writer(path) as handle, etree.xmlfile(handle, encoding="utf-8") as xml:
            xml.write_declaration()
            with xml.element(tag("pfif"), nsmap={"pfif": NS}):
                for row in _rows(session):
                    ticker.advance()
                    record = to_record(row, [], app.photos)
                    url = None
                    if row.id in main_photos:
                        sha, ext = main_photos[row.id]
                        url = f"{photo_dir.name}/{sha}.{ext}"
                        photos += _copy_photo(app, sha, ext, photo_dir)
                    linked = tuple(matches.get(row.id, ()))
                    station_name = names.get(row.station_code, station.name)
                    xml.write(person_element(record, station_name, url, linked))
                    persons += 1
                    notes += 1 + len(linked)
    with app.db.session() as session:
        AuditLog(session, user).record(
            "export_pfif", "file", None, {"summary": f"{persons} person(s) to {path.name}"}
        )
    ticker.finish()
    return PfifExportReport(path, persons, notes, photos, photo_dir if photos else None)


def _record_count(session: Session) -> int:
    missing = session.scalar(select(func.count(MissingReport.id))) or 0
    return missing + (session.scalar(select(func.count(FoundChild.id))) or 0)


def _rows(session: Session) -> Iterator[MissingReport | FoundChild]:
    yield from session.scalars(
        select(MissingReport)
        .order_by(MissingReport.registered_at, MissingReport.id)
        .execution_options(yield_per=YIELD_PER)
    )
    yield from session.scalars(
        select(FoundChild)
        .order_by(FoundChild.registered_at, FoundChild.id)
        .execution_options(yield_per=YIELD_PER)
    )


def _main_photos(session: Session) -> dict[str, tuple[str, str]]:
    rows = session.execute(
        select(Photo.missing_id, Photo.found_id, Photo.sha256, Photo.original_ext).where(
            Photo.is_main.is_(True)
        )
    )
    found: dict[str, tuple[str, str]] = {}
    for missing_id, found_id, sha, ext in rows:
        owner = missing_id or found_id
        if owner:
            found[owner] = (sha, ext)
    return found


def _confirmed_matches(session: Session) -> dict[str, list[LinkedMatch]]:
    rows = session.execute(
        select(MatchDecision, FoundChild.case_number)
        .join(FoundChild, FoundChild.id == MatchDecision.found_id)
        .where(MatchDecision.decision == "confirmed", MatchDecision.undone_at.is_(None))
    )
    linked: dict[str, list[LinkedMatch]] = {}
    for decision, case_number in rows:
        linked.setdefault(decision.missing_id, []).append(
            LinkedMatch(
                decision.id,
                decision.found_id,
                case_number,
                decision.decided_by,
                utc_text(decision.decided_at),
            )
        )
    return linked


def _copy_photo(app: App, sha: str, ext: str, folder: Path) -> int:
    target = folder / f"{sha}.{ext}"
    if target.exists():
        return 0
    source = app.photos.original_path(sha, ext)
    if not source.exists():
        return 0  # `station-app check` reports missing files; the person goes without
    folder.mkdir(parents=True, exist_ok=True)
    target.write_bytes(app.photos.read(source))  # decrypted: PFIF goes to another system
    return 1


# --- import ----------------------------------------------------------------------------------


@dataclass
class PfifImportReport:
    path: Path
    dry_run: bool
    persons: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    photos_added: int = 0
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        verb = "would import" if self.dry_run else "imported"
        return (
            f"{verb} {self.persons} PFIF person(s) from {self.path}: {self.created} new, "
            f"{self.updated} updated, {self.unchanged} unchanged, {self.photos_added} photo(s)"
        )


def import_pfif(
    app: App,
    user: UserInfo,
    path: Path,
    *,
    dry_run: bool = False,
    progress: ProgressCallback | None = None,
    should_cancel: CancelCheck | None = None,
) -> PfifImportReport:
    """Import the persons of a PFIF 1.4 file as records; InvalidInput lists every problem
    (by the person's line in the file) and nothing is written."""
    require(user, Action.IMPORT)
    if not path.is_file():
        raise InvalidInput([Problem(f"{path} is not a file")])
    report = PfifImportReport(path, dry_run)
    with staging_folder(app.paths, "pfif") as staging:
        lines = staging / "persons.jsonl"
        source_lines = _write_import_lines(path, lines, report)
        _bring_photos(lines, path.parent, staging)
        try:
            result = import_file(
                app, user, lines, dry_run=dry_run, progress=progress, should_cancel=should_cancel
            )
        except InvalidInput as error:
            raise InvalidInput([_relined(p, source_lines) for p in error.problems]) from None
    report.created, report.updated = result.created, result.updated
    report.unchanged, report.photos_added = result.unchanged, result.photos_added
    report.warnings.extend(str(w) for w in result.warnings)
    if not dry_run:
        with app.db.session() as session:
            AuditLog(session, user).record(
                "import_pfif", "file", None, {"summary": report.summary(), "file": str(path)}
            )
    return report


def _write_import_lines(path: Path, target: Path, report: PfifImportReport) -> list[int]:
    """Write the persons as import-format lines; return each line's line in the XML."""
    people: list[PfifPerson] = []
    loose: dict[str, list[PfifNote]] = {}
    try:
        for item in read_pfif(path):
            if isinstance(item, PfifPerson):
                people.append(item)
            elif item.get("person_record_id"):
                loose.setdefault(item.get("person_record_id"), []).append(item)
    except PfifError as error:
        raise StationError(f"{path.name} cannot be imported: {error}.") from error
    except OSError as error:
        raise StationError(f"{path} cannot be read ({error.strerror or error}).") from error
    problems: list[Problem] = []
    source_lines: list[int] = []
    with target.open("w", encoding="utf-8") as out:
        for person in people:
            pid = person.get("person_record_id")
            mapped = map_person(person, path.parent, loose.pop(pid, []))
            ref = str(mapped.record.get("ref", ""))
            problems.extend(Problem(p, ref=ref, line=person.line) for p in mapped.problems)
            report.warnings.extend(f"line {person.line}: {w}" for w in mapped.warnings)
            out.write(json.dumps(mapped.record, ensure_ascii=False) + "\n")
            source_lines.append(person.line)
    for pid in loose:
        report.warnings.append(f"notes about {pid} were left out: the file has no such person")
    if problems:
        raise InvalidInput(problems)
    report.persons = len(people)
    return source_lines


def _bring_photos(lines: Path, folder: Path, staging: Path) -> None:
    """Link (or copy) the photos the persons name next to the import lines: the register
    import reads photos relative to its own file. The names were checked to stay inside
    the PFIF file's folder."""
    with lines.open(encoding="utf-8") as handle:
        for text in handle:
            for relative in json.loads(text).get("photos", []):
                source, target = folder / relative, staging / relative
                if target.exists():
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                try:
                    os.link(source, target)
                except OSError:
                    shutil.copyfile(source, target)


def _relined(problem: Problem, source_lines: list[int]) -> Problem:
    """A problem of the generated import line, pointed at the person's line in the XML."""
    line = problem.line
    if line is not None and 0 < line <= len(source_lines):
        line = source_lines[line - 1]
    return Problem(problem.message, problem.field, problem.ref, line)
