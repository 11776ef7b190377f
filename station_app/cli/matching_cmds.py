"""`station-app match`: rank complaints for found children, and record the officer's verdict.

    station-app match --all [--top K] [--json]
    station-app match --found REF [--top K] [--json]
    station-app match --confirm FOUND_REF MISSING_REF [--reason NOTE]
    station-app match --reject FOUND_REF MISSING_REF --reason TEXT
    station-app match --undo FOUND_REF MISSING_REF
    station-app faces --pending

REF is a case number, a register ref (GD/FIR number) or a record id. `faces --pending`
finds the faces of every photo not yet analysed (after an import, or on a desk that lacked
the face library) so that matching can use them.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from sqlalchemy.orm import Session

from station_app.app import App
from station_app.cli.common import Progress, login
from station_app.db.models import FoundChild, MissingReport
from station_app.errors import NotFound, StationError
from station_app.matching.decisions import Decision
from station_app.matching.results import Candidate, Evidence, Ranking
from station_app.permissions import Action, require
from station_app.services import faces, matching
from station_app.services.registers import find_by_reference

REASONS_SHOWN = 4


def reason_dict(evidence: Evidence) -> dict[str, Any]:
    return {
        "field": evidence.field,
        "verdict": evidence.verdict,
        "score": evidence.score,
        "weight": evidence.weight,
        "explanation": evidence.explanation,
    }


def candidate_dict(candidate: Candidate) -> dict[str, Any]:
    return {
        "missing_ref": candidate.ref,
        "missing_id": candidate.record_id,
        "score": candidate.score,
        "label": candidate.label,
        "reasons": [reason_dict(e) for e in candidate.evidence],
    }


def ranking_dict(ranking: Ranking) -> dict[str, Any]:
    return {
        "found_ref": ranking.query_ref,
        "found_id": ranking.query_id,
        "candidates": [candidate_dict(c) for c in ranking.candidates],
    }


def format_ranking(ranking: Ranking) -> list[str]:
    """An officer's reading of one found child's candidates."""
    name = ranking.query_name or "name not known"
    lines = [
        f"{ranking.query_case_number} (ref {ranking.query_ref}) {name}: "
        f"{len(ranking.candidates)} candidate(s) from {ranking.checked} complaint(s), "
        f"{ranking.ruled_out} ruled out"
    ]
    if not ranking.faces_used:
        lines.append(f"  note: {ranking.faces_note}")
    for number, candidate in enumerate(ranking.candidates, start=1):
        lines.append(
            f"  {number:>2}. {candidate.score:.2f} {candidate.label:<8} "
            f"{candidate.case_number} (ref {candidate.ref}) {candidate.name or '(no name)'}"
        )
        shown = [*candidate.reasons_for, *candidate.reasons_against]
        shown.sort(key=lambda e: -abs(e.contribution))
        for evidence in shown[:REASONS_SHOWN]:
            sign = "+" if evidence.verdict == "for" else "-"
            lines.append(f"        {sign} {evidence.field}: {evidence.explanation}")
    return lines


def _resolve(session: Session, station: str, reference: str, kind: type[Any]) -> str:
    rows = [r for r in find_by_reference(session, station, reference) if isinstance(r, kind)]
    what = "found child" if kind is FoundChild else "complaint"
    if not rows:
        raise NotFound(f"No {what} with case number, ref or id '{reference}'.")
    if len(rows) > 1:
        numbers = ", ".join(r.case_number for r in rows)
        raise StationError(f"'{reference}' matches several {what}s ({numbers}); use a case number.")
    record_id: str = rows[0].id
    return record_id


def _pair(app: App, station: str, found_ref: str, missing_ref: str) -> tuple[str, str]:
    with app.db.session() as session:
        return (
            _resolve(session, station, found_ref, FoundChild),
            _resolve(session, station, missing_ref, MissingReport),
        )


def _print_rankings(rankings: list[Ranking], as_json: bool) -> None:
    faces = matching.face_setting()
    if not faces.enabled:
        print(f"note: {faces.note}", file=sys.stderr)
    if as_json:
        data = [ranking_dict(r) for r in rankings]
        print(json.dumps(data, ensure_ascii=False, indent=1))
        return
    for ranking in rankings:
        print("\n".join(format_ranking(ranking)))
        print()


def _describe(decision: Decision, verb: str) -> str:
    note = f" ({decision.reason})" if decision.reason else ""
    score = f", score {decision.score:.2f}" if decision.score is not None else ""
    return f"{verb}: decision {decision.id}{score}{note}"


def cmd_match(app: App, args: argparse.Namespace) -> int:
    user = login(app)
    if args.all:
        rankings = matching.match_all(app, user, args.top, progress=Progress("match", min_total=0))
        _print_rankings(rankings, args.json)
        return 0
    if args.found:
        with app.db.session() as session:
            found_id = _resolve(session, user.station_code, args.found, FoundChild)
        _print_rankings([matching.review_candidates(app, user, found_id, args.top)], args.json)
        return 0
    if args.confirm:
        found_id, missing_id = _pair(app, user.station_code, *args.confirm)
        decision = matching.confirm_match(app, user, found_id, missing_id, args.reason or "")
        print(_describe(decision, "confirmed; the complaint is marked traced"))
        return 0
    if args.reject:
        if not args.reason:
            raise StationError("--reject needs --reason: say why they are not the same child.")
        found_id, missing_id = _pair(app, user.station_code, *args.reject)
        decision = matching.reject_match(app, user, found_id, missing_id, args.reason)
        print(_describe(decision, "rejected; this pair will not be proposed again"))
        return 0
    found_id, missing_id = _pair(app, user.station_code, *args.undo)
    decision = matching.undo_pair(app, user, found_id, missing_id)
    print(_describe(decision, f"undone ({decision.decision})"))
    return 0


def cmd_faces(app: App, args: argparse.Namespace) -> int:
    user = login(app)
    require(user, Action.EDIT)
    batch = faces.compute_pending_faces(app, progress=Progress("faces", min_total=0))
    print(batch.summary())
    return 0 if not batch.message else 1


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    match = commands.add_parser(
        "match", help="rank complaints for found children; confirm or reject a match"
    )
    what = match.add_mutually_exclusive_group(required=True)
    what.add_argument("--all", action="store_true", help="every found child not yet restored")
    what.add_argument("--found", metavar="REF", help="one found child")
    pair = ("FOUND_REF", "MISSING_REF")
    what.add_argument("--confirm", nargs=2, metavar=pair, help="the same child: mark traced")
    what.add_argument("--reject", nargs=2, metavar=pair, help="not the same child (needs --reason)")
    what.add_argument("--undo", nargs=2, metavar=pair, help="take back a confirm or reject")
    match.add_argument("--top", type=int, default=5, metavar="K", help="candidates each (5)")
    match.add_argument("--json", action="store_true")
    match.add_argument("--reason", help="why (required with --reject; a note with --confirm)")
    match.set_defaults(handler=cmd_match)

    face = commands.add_parser("faces", help="find the faces in photos not yet analysed")
    face.add_argument("--pending", action="store_true", required=True, help="every pending photo")
    face.set_defaults(handler=cmd_faces)
