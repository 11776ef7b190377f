"""Matching services as the GUI and the CLI use them: rankings, decisions, duplicates."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from station_app import accounts
from station_app.app import App
from station_app.cli import main
from station_app.db.models import AuditEvent, FoundChild, MatchDecision, MissingReport
from station_app.domain import FoundStatus, MissingStatus, Role, Sex, UserInfo
from station_app.errors import Cancelled, InvalidInput, PermissionDenied, StationError
from station_app.services import matching, registers
from tests.conftest import ADMIN_PASSWORD
from tests.matching.records import FOUND_AT, complaint, distractors, found


@pytest.fixture
def records(app: App, admin: UserInfo) -> dict[str, str]:
    """ref -> id: the true complaint FIR 1/2026, its found child GD 1/2026, distractors."""
    ids = {}
    for details in [*distractors(), complaint("FIR 1/2026"), found("GD 1/2026")]:
        ids[details.ref] = registers.register(app, admin, details).meta.id
    return ids


def _refs(ranking: matching.Ranking) -> list[str]:
    return [c.ref for c in ranking.candidates]


def _audit(app: App, action: str) -> list[AuditEvent]:
    with app.db.session() as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def test_a_saved_found_child_gets_its_complaint_first(
    app: App, admin: UserInfo, records: dict[str, str]
) -> None:
    ranking = matching.matches_for_record(app, admin, records["GD 1/2026"])
    assert _refs(ranking)[0] == "FIR 1/2026"
    best = ranking.candidates[0]
    assert best.label == "likely" and best.case_number.startswith("RTM01/2026/M/")
    assert "FIR 7/2026" not in _refs(ranking)  # a girl: ruled out
    assert ranking.ruled_out == 1


def test_a_saved_complaint_gets_its_found_child_first(
    app: App, admin: UserInfo, records: dict[str, str]
) -> None:
    registers.register(app, admin, found("GD 2/2026", name="Pooja", sex=Sex.FEMALE))
    ranking = matching.matches_for_record(app, admin, records["FIR 1/2026"])
    assert _refs(ranking) == ["GD 1/2026"]  # the girl is ruled out


def test_rejected_pairs_never_come_back(app: App, admin: UserInfo, records: dict[str, str]) -> None:
    found_id, missing_id = records["GD 1/2026"], records["FIR 1/2026"]
    decision = matching.reject_match(app, admin, found_id, missing_id, "family saw the photo: no")
    assert "FIR 1/2026" not in _refs(matching.review_candidates(app, admin, found_id))
    assert "GD 1/2026" not in _refs(matching.matches_for_record(app, admin, missing_id))
    assert all("FIR 1/2026" not in _refs(r) for r in matching.match_all(app, admin, top=10))
    # Edited (so reloaded into the index) and still not proposed.
    record = registers.get(app, admin, missing_id)
    registers.update(app, admin, missing_id, replace(record.details, height_cm=129), 1)
    assert "FIR 1/2026" not in _refs(matching.review_candidates(app, admin, found_id))
    matching.undo_decision(app, admin, decision.id)
    assert _refs(matching.review_candidates(app, admin, found_id))[0] == "FIR 1/2026"


def test_a_rejection_needs_a_reason(app: App, admin: UserInfo, records: dict[str, str]) -> None:
    with pytest.raises(InvalidInput, match="why"):
        matching.reject_match(app, admin, records["GD 1/2026"], records["FIR 1/2026"], " ")


def test_confirm_marks_the_complaint_traced_and_is_audited(
    app: App, admin: UserInfo, records: dict[str, str]
) -> None:
    found_id, missing_id = records["GD 1/2026"], records["FIR 1/2026"]
    decision = matching.confirm_match(app, admin, found_id, missing_id, "mother identified him")
    assert decision.decision == "confirmed" and decision.active and decision.score
    with app.db.session() as session:
        missing = session.get(MissingReport, missing_id)
        child = session.get(FoundChild, found_id)
        assert missing is not None and child is not None
        assert missing.status == "traced" and missing.traced_at == FOUND_AT
        assert missing.version == 2
        assert child.status == FoundStatus.UNCLAIMED.value  # until the handover
    events = _audit(app, "confirm_match")
    assert {(e.record_type, e.record_id) for e in events} == {
        ("missing", missing_id),
        ("found", found_id),
    }
    assert all("mother identified him" in str(e.details["summary"]) for e in events)
    # A traced complaint is no longer a candidate for anyone.
    other = registers.register(app, admin, found("GD 9/2026"))
    assert "FIR 1/2026" not in _refs(matching.matches_for_record(app, admin, other.meta.id))


def test_confirm_refuses_a_second_match_for_either_record(
    app: App, admin: UserInfo, records: dict[str, str]
) -> None:
    matching.confirm_match(app, admin, records["GD 1/2026"], records["FIR 1/2026"])
    with pytest.raises(StationError, match="already traced"):
        matching.confirm_match(app, admin, records["GD 1/2026"], records["FIR 1/2026"])
    with pytest.raises(StationError, match="already matched"):
        matching.confirm_match(app, admin, records["GD 1/2026"], records["FIR 2/2026"])


def test_undo_reverts_the_traced_status_it_caused(
    app: App, admin: UserInfo, records: dict[str, str]
) -> None:
    found_id, missing_id = records["GD 1/2026"], records["FIR 1/2026"]
    decision = matching.confirm_match(app, admin, found_id, missing_id)
    assert "FIR 1/2026" not in _refs(matching.review_candidates(app, admin, found_id))
    undone = matching.undo_decision(app, admin, decision.id)
    assert not undone.active and undone.undone_by == "admin"
    record = registers.get(app, admin, missing_id)
    assert record.details.status is MissingStatus.OPEN  # type: ignore[union-attr]
    assert record.details.traced_at is None  # type: ignore[union-attr]
    assert _refs(matching.review_candidates(app, admin, found_id))[0] == "FIR 1/2026"
    assert len(_audit(app, "undo_match")) == 2
    with app.db.session() as session:
        rows = list(session.scalars(select(MatchDecision)))
        assert len(rows) == 1 and rows[0].undone_at is not None  # kept, marked undone
    with pytest.raises(StationError, match="already undone"):
        matching.undo_decision(app, admin, decision.id)


def test_a_viewer_may_look_but_not_decide(
    app: App, admin: UserInfo, records: dict[str, str]
) -> None:
    with app.db.session() as session:
        viewer = accounts.create_user(session, "RTM01", "clerk", "clerk-pass-1", Role.VIEWER)
    assert matching.review_candidates(app, viewer, records["GD 1/2026"]).candidates
    with pytest.raises(PermissionDenied):
        matching.confirm_match(app, viewer, records["GD 1/2026"], records["FIR 1/2026"])


def test_without_dlib_matching_runs_on_particulars_and_says_so(
    app: App, admin: UserInfo, records: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    reason = "Face matching is off: the face library (dlib) could not be loaded."
    monkeypatch.setattr(matching, "faces_available", lambda: (False, reason))
    ranking = matching.matches_for_record(app, admin, records["GD 1/2026"])
    assert not ranking.faces_used and ranking.faces_note == reason
    assert _refs(ranking)[0] == "FIR 1/2026"
    review = matching.comparison(app, admin, records["GD 1/2026"], records["FIR 1/2026"])
    assert not review.faces_used and "dlib" in review.faces_note


def test_the_same_child_reported_twice_is_flagged(
    app: App, admin: UserInfo, records: dict[str, str]
) -> None:
    again = complaint(
        "FIR 20/2026", name="Rajesh", marks="mole on left cheek", last_seen_at=datetime(2026, 3, 3)
    )
    saved = registers.register(app, admin, again)
    flagged = matching.possible_duplicates(app, admin, saved.meta.id)
    assert _refs(flagged)[0] == "FIR 1/2026"
    assert all(c.label != "unlikely" for c in flagged.candidates)
    assert "FIR 7/2026" not in _refs(flagged)


def test_the_index_follows_saves_without_a_restart(
    app: App, admin: UserInfo, records: dict[str, str]
) -> None:
    found_id = records["GD 1/2026"]
    assert _refs(matching.review_candidates(app, admin, found_id))[0] == "FIR 1/2026"
    late = registers.register(app, admin, complaint("FIR 30/2026", name="राजेश शर्मा"))
    assert "FIR 30/2026" in _refs(matching.review_candidates(app, admin, found_id))
    record = registers.get(app, admin, late.meta.id)
    registers.update(app, admin, late.meta.id, replace(record.details, sex=Sex.FEMALE), 1)
    assert "FIR 30/2026" not in _refs(matching.review_candidates(app, admin, found_id))


def test_comparison_shows_both_records_field_by_field(
    app: App, admin: UserInfo, records: dict[str, str]
) -> None:
    review = matching.comparison(app, admin, records["GD 1/2026"], records["FIR 1/2026"])
    rows = {row.field: row for row in review.rows}
    assert rows["name"].complaint == "राजेश कुमार" and rows["name"].found == "Rajesh"
    assert rows["name"].verdict == "for" and rows["marks"].verdict == "for"
    assert rows["marks"].complaint == "बाएं गाल पर तिल"
    assert rows["age"].found == "8-11 years (estimated)"
    assert review.excluded_because == () and review.history == ()
    girl = matching.comparison(app, admin, records["GD 1/2026"], records["FIR 7/2026"])
    assert girl.candidate.score == 0 and "sex differs" in girl.excluded_because[0]


def test_match_all_reports_progress_and_can_be_cancelled(
    app: App, admin: UserInfo, records: dict[str, str]
) -> None:
    later = FOUND_AT + timedelta(days=1)
    registers.register(app, admin, found("GD 2/2026", name="", marks="", registered_at=later))
    seen: list[tuple[int, int]] = []
    results = matching.match_all(app, admin, top=3, progress=lambda d, t: seen.append((d, t)))
    assert [r.query_ref for r in results] == ["GD 1/2026", "GD 2/2026"]
    assert seen == [(1, 2), (2, 2)]
    with pytest.raises(Cancelled):
        matching.match_all(app, admin, should_cancel=lambda: True)


# --- the command line -------------------------------------------------------------------


@pytest.fixture
def cli(
    home: Path, records: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> Iterator[list[str]]:
    monkeypatch.setenv("STATION_APP_USER", "admin")
    monkeypatch.setenv("STATION_APP_PASSWORD", ADMIN_PASSWORD)
    yield ["--home", str(home), "match"]


def test_cli_json_is_exactly_the_documented_shape(
    cli: list[str], records: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*cli, "--found", "GD 1/2026", "--top", "3", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert isinstance(data, list) and len(data) == 1
    assert set(data[0]) == {"found_ref", "found_id", "candidates"}
    assert data[0]["found_ref"] == "GD 1/2026" and data[0]["found_id"] == records["GD 1/2026"]
    candidates = data[0]["candidates"]
    assert len(candidates) == 3
    for candidate in candidates:
        assert set(candidate) == {"missing_ref", "missing_id", "score", "label", "reasons"}
        assert candidate["label"] in ("likely", "possible", "unlikely")
        assert {"field", "verdict", "explanation"} <= set(candidate["reasons"][0])
    assert [c["score"] for c in candidates] == sorted(
        (c["score"] for c in candidates), reverse=True
    )
    assert candidates[0]["missing_ref"] == "FIR 1/2026"
    assert candidates[0]["missing_id"] == records["FIR 1/2026"]
    assert main([*cli, "--all", "--json"]) == 0
    assert [r["found_ref"] for r in json.loads(capsys.readouterr().out)] == ["GD 1/2026"]


def test_cli_text_shows_case_numbers_and_refs(
    cli: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*cli, "--all", "--top", "2"]) == 0
    out = capsys.readouterr().out
    assert "RTM01/2026/F/0001 (ref GD 1/2026)" in out
    assert "RTM01/2026/M/0007 (ref FIR 1/2026)" in out and "likely" in out
    assert "+ name: राजेश कुमार ~ Rajesh" in out


def test_cli_confirm_reject_and_undo_by_ref(
    app: App, cli: list[str], records: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*cli, "--reject", "GD 1/2026", "FIR 2/2026", "--reason", "other boy"]) == 0
    assert "rejected" in capsys.readouterr().out
    assert main([*cli, "--reject", "GD 1/2026", "FIR 3/2026"]) == 1
    assert "--reason" in capsys.readouterr().err
    assert main([*cli, "--confirm", "GD 1/2026", "RTM01/2026/M/0007"]) == 0
    assert "traced" in capsys.readouterr().out
    assert main([*cli, "--undo", "GD 1/2026", "FIR 1/2026"]) == 0
    assert "undone (confirmed)" in capsys.readouterr().out
    with app.db.session() as session:
        row = session.get(MissingReport, records["FIR 1/2026"])
        assert row is not None and row.status == "open"
    assert main([*cli, "--found", "GD 404"]) == 1
    assert "No found child" in capsys.readouterr().err


def test_confirm_falls_back_to_now_without_a_found_time(app: App, admin: UserInfo) -> None:
    seen = registers.register(app, admin, complaint())
    child = registers.register(
        app, admin, found(found_at=None, registered_at=FOUND_AT + timedelta(days=1))
    )
    before = datetime.now().replace(microsecond=0)
    matching.confirm_match(app, admin, child.meta.id, seen.meta.id)
    record = registers.get(app, admin, seen.meta.id)
    assert record.details.traced_at is not None and record.details.traced_at >= before  # type: ignore[union-attr]


def test_warm_up_builds_both_indexes(app: App, admin: UserInfo, records: dict[str, str]) -> None:
    from station_app.domain import Kind
    from station_app.matching.live_index import current_index

    matching.warm_up(app)
    with app.db.session() as session:
        with current_index(app.db, session, Kind.MISSING) as complaints:
            assert sorted(complaints.ids()) == sorted(i for r, i in records.items() if "FIR" in r)
        with current_index(app.db, session, Kind.FOUND) as children:
            assert children.ids() == [records["GD 1/2026"]]
