"""Matching found children and complaints: rankings, the review screen, and the officer's
decisions. The GUI and the CLI call these; none of them needs Qt.

* `matches_for_record` - run in a worker whenever a found child or a complaint is saved.
* `review_candidates` / `comparison` - the review screen: the list, then one pair side by side.
* `match_all` - everything at once, with progress and cancel.
* `warm_up` - build the indexes at start-up, in a worker.
* `possible_duplicates` - a complaint that may repeat another one, flagged on save.
* `confirm_match`, `reject_match`, `undo_decision` - decisions, each in the audit log.

Rankings use stored face vectors when the face library loads; otherwise they say so
(`Ranking.faces_used` False and `faces_note`) and rank on the written particulars alone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from station_app.app import App
from station_app.audit import AuditLog
from station_app.db.base import utcnow
from station_app.db.models import FoundChild, MatchDecision, MissingReport
from station_app.domain import FoundRecord, Kind, MissingRecord, MissingStatus, UserInfo
from station_app.errors import Cancelled, InvalidInput, NotFound, Problem, StationError
from station_app.faces import faces_available
from station_app.matching import decisions
from station_app.matching.db_profiles import candidate_filter, load_profile, load_profiles
from station_app.matching.decisions import CONFIRMED, REJECTED, Decision
from station_app.matching.live_index import current_index
from station_app.matching.profile import ChildProfile
from station_app.matching.ranking import FaceSetting, rank
from station_app.matching.results import Candidate, Ranking
from station_app.matching.review import FieldRow, field_rows
from station_app.matching.scorer import exclusion_reasons, min_face_distance, score_pair
from station_app.permissions import Action, require
from station_app.record_mapping import to_record
from station_app.services.registers import find_row, photos_of

ProgressCallback = Callable[[int, int], None]
DEFAULT_TOP = 10
DUPLICATE_TOP = 5
LOAD_BATCH = 200


def face_setting() -> FaceSetting:
    """Whether face vectors may be used now (the face library loads), with the reason if not."""
    ok, reason = faces_available()
    return FaceSetting(ok, "" if ok else reason)


def warm_up(app: App) -> None:
    """Build the candidate indexes and load the face models now (call it in a worker at
    start-up), so that the first save does not wait for them. Returns nothing: no data
    leaves, so no permission is needed."""
    face_setting()
    with app.db.session() as session:
        for kind in (Kind.MISSING, Kind.FOUND):
            with current_index(app.db, session, kind):
                pass


def _query_profile(session: Session, record_id: str) -> ChildProfile:
    row = find_row(session, record_id)
    kind = Kind.MISSING if isinstance(row, MissingReport) else Kind.FOUND
    profile = load_profile(session, kind, record_id)
    assert profile is not None
    return profile


def _rank_in_session(
    app: App, session: Session, query: ChildProfile, against: Kind, top: int, faces: FaceSetting
) -> Ranking:
    column = "found_id" if query.kind is Kind.FOUND else "missing_id"
    skip = decisions.rejected_partners(session, column, query.id) if against != query.kind else ()
    with current_index(app.db, session, against) as index:
        return rank(index, query, top=top, skip_ids=skip, faces=faces)


def matches_for_record(app: App, user: UserInfo, record_id: str, top: int = DEFAULT_TOP) -> Ranking:
    """Candidates for a record just saved: open complaints for a found child, found children
    (not yet restored) for a complaint. Rejected pairs never come back."""
    require(user, Action.VIEW)
    faces = face_setting()
    with app.db.session() as session:
        query = _query_profile(session, record_id)
        against = Kind.MISSING if query.kind is Kind.FOUND else Kind.FOUND
        return _rank_in_session(app, session, query, against, top, faces)


def review_candidates(app: App, user: UserInfo, found_id: str, top: int = 20) -> Ranking:
    """The review screen's list for one found child: ranked complaints, rejected ones left
    out. The review is written to the audit log (it shows children's particulars)."""
    require(user, Action.VIEW)
    faces = face_setting()
    with app.db.session() as session:
        query = _query_profile(session, found_id)
        if query.kind is not Kind.FOUND:
            raise StationError(f"{query.label} is a complaint; choose a found child to review.")
        ranking = _rank_in_session(app, session, query, Kind.MISSING, top, faces)
        AuditLog(session, user).record(
            "review_matches", "found", found_id, {"summary": f"{len(ranking.candidates)} shown"}
        )
        return ranking


def possible_duplicates(
    app: App, user: UserInfo, missing_id: str, top: int = DUPLICATE_TOP
) -> Ranking:
    """Other open complaints that may be the same child reported again (labelled likely or
    possible only); the same scorer, complaint against complaint."""
    require(user, Action.VIEW)
    faces = face_setting()
    with app.db.session() as session:
        query = _query_profile(session, missing_id)
        if query.kind is not Kind.MISSING:
            raise StationError(f"{query.label} is a found child, not a complaint.")
        ranking = _rank_in_session(app, session, query, Kind.MISSING, top, faces)
    flagged = tuple(c for c in ranking.candidates if c.label != "unlikely")
    return _with_candidates(ranking, flagged)


def _with_candidates(ranking: Ranking, candidates: tuple[Candidate, ...]) -> Ranking:
    return replace(ranking, candidates=candidates)


def match_all(
    app: App,
    user: UserInfo,
    top: int = 5,
    *,
    progress: ProgressCallback | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> list[Ranking]:
    """Rank the open complaints for every found child not yet restored, oldest first.
    Raises Cancelled when `should_cancel` turns true; nothing is written either way but
    one audit entry."""
    require(user, Action.VIEW)
    faces = face_setting()
    results: list[Ranking] = []
    with app.db.session() as session:
        found_ids = list(
            session.scalars(
                select(FoundChild.id)
                .where(candidate_filter(Kind.FOUND))
                .order_by(FoundChild.registered_at, FoundChild.id)
            )
        )
        rejected = decisions.all_rejections(session)
        for start in range(0, len(found_ids), LOAD_BATCH):
            batch = load_profiles(session, Kind.FOUND, found_ids[start : start + LOAD_BATCH])
            # The index is locked a batch at a time, so that a record saved at the desk
            # meanwhile is matched at once instead of after the whole run.
            with current_index(app.db, session, Kind.MISSING) as index:
                for query in batch:
                    if should_cancel and should_cancel():
                        raise Cancelled()
                    skip = rejected.get(query.id, set())
                    results.append(rank(index, query, top=top, skip_ids=skip, faces=faces))
                    if progress:
                        progress(len(results), len(found_ids))
        AuditLog(session, user).record(
            "match_all", "found", None, {"summary": f"{len(results)} found children ranked"}
        )
    return results


# --- one pair, side by side -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PairReview:
    """Everything the review screen shows for one (found child, complaint) pair."""

    found: FoundRecord
    missing: MissingRecord
    candidate: Candidate
    rows: tuple[FieldRow, ...]
    excluded_because: tuple[str, ...]
    faces_used: bool
    faces_note: str
    history: tuple[Decision, ...]

    @property
    def active_decision(self) -> Decision | None:
        active = [d for d in self.history if d.active]
        return active[-1] if active else None


def comparison(app: App, user: UserInfo, found_id: str, missing_id: str) -> PairReview:
    """The two records side by side, field by field, with what agrees and what conflicts."""
    require(user, Action.VIEW)
    faces = face_setting()
    with app.db.session() as session:
        found_row, missing_row = _pair_rows(session, found_id, missing_id)
        found = load_profile(session, Kind.FOUND, found_id)
        missing = load_profile(session, Kind.MISSING, missing_id)
        assert found is not None and missing is not None
        distance = min_face_distance(found, missing) if faces.enabled else None
        note = _face_note(faces, found, missing)
        candidate = score_pair(found, missing, distance, note)
        found_record = to_record(found_row, photos_of(session, found_row), app.photos)
        missing_record = to_record(missing_row, photos_of(session, missing_row), app.photos)
        assert isinstance(found_record, FoundRecord)
        assert isinstance(missing_record, MissingRecord)
        AuditLog(session, user).record(
            "compare_match", "found", found_id, {"missing_id": missing_id}
        )
        return PairReview(
            found=found_record,
            missing=missing_record,
            candidate=candidate,
            rows=field_rows(missing_record, found_record, candidate),
            excluded_because=tuple(exclusion_reasons(found, missing)),
            faces_used=distance is not None,
            faces_note=note or "Faces compared (offline).",
            history=tuple(decisions.pair_history(session, found_id, missing_id)),
        )


def _face_note(faces: FaceSetting, found: ChildProfile, missing: ChildProfile) -> str:
    if not faces.enabled:
        return f"Faces not compared: {faces.note}"
    if not found.faces:
        return "No face to compare: the found record has no face from a photo"
    if not missing.faces:
        return "No face to compare: the complaint has no face from a photo"
    return ""


def _pair_rows(
    session: Session, found_id: str, missing_id: str
) -> tuple[FoundChild, MissingReport]:
    found = session.get(FoundChild, found_id)
    missing = session.get(MissingReport, missing_id)
    if found is None:
        raise NotFound(f"No found child with id {found_id}.")
    if missing is None:
        raise NotFound(f"No complaint with id {missing_id}.")
    return found, missing


# --- decisions --------------------------------------------------------------------------------


def confirm_match(
    app: App, user: UserInfo, found_id: str, missing_id: str, note: str = ""
) -> Decision:
    """The officer is satisfied the found child is the complaint's child: the pair is linked
    and the complaint marked traced (at the found time, else now). The found child's own
    status is left for the handover."""
    require(user, Action.CONFIRM_MATCH)
    with app.db.session() as session:
        found, missing = _pair_rows(session, found_id, missing_id)
        _check_can_confirm(session, found, missing)
        score = _current_score(session, found_id, missing_id)
        row = decisions.add(
            session, found_id, missing_id, CONFIRMED, user.username, user.station_code,
            note.strip(), score,
        )  # fmt: skip
        missing.status = MissingStatus.TRACED.value
        missing.traced_at = found.found_at or datetime.now().replace(microsecond=0)
        _touch(missing, user)
        _log(session, user, "confirm_match", row, found, missing, note.strip())
        return decisions.to_decision(row)


def _check_can_confirm(session: Session, found: FoundChild, missing: MissingReport) -> None:
    if missing.status != MissingStatus.OPEN.value:
        raise StationError(
            f"{missing.case_number} is already {missing.status}; it cannot be matched again."
        )
    for other in decisions.active_rows(session, found_id=found.id):
        if other.decision == CONFIRMED:
            taken = session.get(MissingReport, other.missing_id)
            label = taken.case_number if taken else other.missing_id
            raise StationError(
                f"{found.case_number} is already matched with {label}; undo that first."
            )
        if other.decision == REJECTED and other.missing_id == missing.id:
            raise StationError(
                f"This pair was rejected by {other.decided_by} ({other.reason}); "
                "undo the rejection first."
            )


def reject_match(app: App, user: UserInfo, found_id: str, missing_id: str, reason: str) -> Decision:
    """Not the same child: the pair is never proposed again (unless the rejection is undone)."""
    require(user, Action.CONFIRM_MATCH)
    if not reason.strip():
        raise InvalidInput([Problem("say why the two are not the same child", field="reason")])
    with app.db.session() as session:
        found, missing = _pair_rows(session, found_id, missing_id)
        for other in decisions.active_rows(session, found_id=found_id, missing_id=missing_id):
            if other.decision == REJECTED:
                return decisions.to_decision(other)
            raise StationError(
                f"{found.case_number} and {missing.case_number} were confirmed as the same "
                "child; undo the confirmation first."
            )
        score = _current_score(session, found_id, missing_id)
        row = decisions.add(
            session, found_id, missing_id, REJECTED, user.username, user.station_code,
            reason.strip(), score,
        )  # fmt: skip
        _log(session, user, "reject_match", row, found, missing, reason.strip())
        return decisions.to_decision(row)


def undo_decision(app: App, user: UserInfo, decision_id: str) -> Decision:
    """Take back a confirmation (the complaint is open again) or a rejection (the pair may
    be proposed again). The decision stays on record, marked undone."""
    require(user, Action.CONFIRM_MATCH)
    with app.db.session() as session:
        row = session.get(MatchDecision, decision_id)
        if row is None:
            raise NotFound(f"No match decision with id {decision_id}.")
        if row.undone_at is not None:
            raise StationError(f"This decision was already undone by {row.undone_by}.")
        found, missing = _pair_rows(session, row.found_id, row.missing_id)
        if row.decision == CONFIRMED:
            _reopen(missing, user)
        decisions.undo(row, user.username, utcnow())
        _log(session, user, "undo_match", row, found, missing, f"undid {row.decision}")
        return decisions.to_decision(row)


def undo_pair(app: App, user: UserInfo, found_id: str, missing_id: str) -> Decision:
    """Undo the active decision about this pair (for the CLI: no decision id to type)."""
    require(user, Action.CONFIRM_MATCH)
    with app.db.session() as session:
        active = decisions.active_rows(session, found_id=found_id, missing_id=missing_id)
        if not active:
            raise NotFound("There is no decision about this pair to undo.")
        decision_id = active[-1].id
    return undo_decision(app, user, decision_id)


def _reopen(missing: MissingReport, user: UserInfo) -> None:
    if missing.status == MissingStatus.OPEN.value:
        return
    if missing.status != MissingStatus.TRACED.value:
        raise StationError(
            f"{missing.case_number} is now {missing.status} (after the handover?); "
            "undoing the match would not reopen it. Ask the in-charge."
        )
    missing.status = MissingStatus.OPEN.value
    missing.traced_at = None
    _touch(missing, user)


def _touch(row: MissingReport, user: UserInfo) -> None:
    row.version += 1
    row.updated_at = utcnow()
    row.updated_by = user.username


def _current_score(session: Session, found_id: str, missing_id: str) -> float:
    found = load_profile(session, Kind.FOUND, found_id)
    missing = load_profile(session, Kind.MISSING, missing_id)
    assert found is not None and missing is not None
    return score_pair(found, missing, min_face_distance(found, missing)).score


def _log(
    session: Session,
    user: UserInfo,
    action: str,
    row: MatchDecision,
    found: FoundChild,
    missing: MissingReport,
    note: str,
) -> None:
    log = AuditLog(session, user)
    words = {"confirm_match": "matched with", "reject_match": "not the same child as"}
    verb = words.get(action, f"{note} with")
    for record, other, kind in ((missing, found, "missing"), (found, missing, "found")):
        summary = f"{verb} {other.case_number} (ref {other.ref})"
        if note and action != "undo_match":
            summary += f": {note}"
        log.record(
            action,
            kind,
            record.id,
            {"decision_id": row.id, "other_id": other.id, "score": row.score, "summary": summary},
        )
