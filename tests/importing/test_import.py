"""The import contract of specs/import-format.md: good files land, bad ones change nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from station_app.app import App
from station_app.db.models import AuditEvent, FoundChild, MissingReport, Photo
from station_app.domain import UserInfo
from station_app.errors import Cancelled, InvalidInput
from station_app.importing.service import import_file
from tests.conftest import files_under, jpeg_bytes

MISSING: dict[str, Any] = {
    "kind": "missing",
    "ref": "FIR 12/2026",
    "name": "राजेश कुमार",
    "aliases": ["Raju"],
    "sex": "male",
    "age_years": 9,
    "date_of_birth": "2016-08-15",
    "height_cm": 128,
    "complexion": "wheatish",
    "build": "slim",
    "hair": "short black",
    "eyes": "brown",
    "marks": "बाएं गाल पर तिल",
    "clothing": "लाल टी-शर्ट",
    "languages": ["Hindi", "Malvi"],
    "description": "left after a quarrel",
    "district": "Ratlam",
    "state": "Madhya Pradesh",
    "photos": ["photos/rajesh.jpg"],
    "registered_at": "2026-03-03T10:00:00",
    "case_type": "kidnapping",
    "fir_number": "12/2026",
    "last_seen_at": "2026-03-02T17:30",
    "last_seen_place": "Ratlam Junction",
    "guardian": {"name": "Suresh", "relation": "father", "phone": "98765", "address": "Ward 4"},
    "status": "open",
}
FOUND: dict[str, Any] = {
    "kind": "found",
    "ref": "GD 45",
    "name": "",
    "sex": "unknown",
    "age_min": 8,
    "age_max": 11,
    "found_at": "2026-03-20",
    "found_place": "Bhopal station",
    "found_by": "RPF",
    "custody": "Shelter Home Bhopal",
}


def write_jsonl(
    folder: Path, records: list[dict[str, Any]], name: str = "register.jsonl", photo: bool = True
) -> Path:
    if photo:
        (folder / "photos").mkdir(parents=True, exist_ok=True)
        (folder / "photos" / "rajesh.jpg").write_bytes(jpeg_bytes())
    path = folder / name
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    return path


def counts(app: App) -> tuple[int, int, int]:
    with app.db.session() as session:
        return (
            session.scalar(select(func.count(MissingReport.id))) or 0,
            session.scalar(select(func.count(FoundChild.id))) or 0,
            session.scalar(select(func.count(Photo.id))) or 0,
        )


def test_every_field_of_the_format_lands(app: App, admin: UserInfo, tmp_path: Path) -> None:
    report = import_file(app, admin, write_jsonl(tmp_path, [MISSING, FOUND]))
    assert (report.created, report.photos_added) == (2, 1)
    with app.db.session() as session:
        row = session.scalar(select(MissingReport))
        assert row is not None
        assert (row.name, row.aliases, row.languages) == ("राजेश कुमार", ["Raju"], ["Hindi", "Malvi"])
        assert (row.case_type, row.guardian_phone, row.complexion) == (
            "kidnapping",
            "98765",
            "wheatish",
        )
        assert row.last_seen_at is not None and row.last_seen_at.hour == 17
        assert str(row.date_of_birth) == "2016-08-15"
        found = session.scalar(select(FoundChild))
        assert found is not None and (found.age_min, found.age_max) == (8, 11)
        assert found.custody == "Shelter Home Bhopal"


def test_reimport_updates_by_ref_instead_of_duplicating(
    app: App, admin: UserInfo, tmp_path: Path
) -> None:
    import_file(app, admin, write_jsonl(tmp_path, [MISSING, FOUND]))
    again = import_file(app, admin, write_jsonl(tmp_path, [MISSING, FOUND]))
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    changed = {**MISSING, "status": "traced", "traced_at": "2026-04-01"}
    third = import_file(app, admin, write_jsonl(tmp_path, [changed]))
    assert third.updated == 1
    assert counts(app) == (1, 1, 1)
    with app.db.session() as session:
        row = session.scalar(select(MissingReport))
        assert row is not None and (row.status, row.version) == ("traced", 2)


BAD_LINES: list[tuple[str, str, str]] = [
    ("{not json", "", "not valid JSON"),
    (json.dumps({**FOUND, "kind": None}), "kind", "required"),
    (json.dumps({k: v for k, v in FOUND.items() if k != "ref"}), "ref", "required"),
    (json.dumps({**FOUND, "kind": "lost"}), "kind", "not 'missing' or 'found'"),
    (json.dumps({**FOUND, "age_min": "eight"}), "age_min", "must be a number"),
    (json.dumps({**FOUND, "age_min": True}), "age_min", "must be a number"),
    (json.dumps({**FOUND, "sex": "boy"}), "sex", "not one of"),
    (json.dumps({**FOUND, "complexion": "pink"}), "complexion", "not one of"),
    (json.dumps({**FOUND, "aliases": "Raju"}), "aliases", "list of texts"),
    (json.dumps({**FOUND, "found_at": "20/03/2026"}), "found_at", "not an ISO 8601"),
    (json.dumps({**FOUND, "found_at": "2999-01-01"}), "found_at", "future"),
    (json.dumps({**FOUND, "photos": ["nowhere.jpg"]}), "photos", "does not exist"),
    (json.dumps({**FOUND, "photos": ["notes.txt"]}), "photos", "not an image"),
    (json.dumps({**FOUND, "photos": ["cut.jpg"]}), "photos", "damaged or truncated"),
    (json.dumps({**MISSING, "status": "traced"}), "traced_at", "required when status"),
    (json.dumps({**MISSING, "guardian": "Suresh"}), "guardian", "must be an object"),
    (json.dumps({**MISSING, "case_type": "theft"}), "case_type", "not one of"),
    (json.dumps({**MISSING, "age_years": -3}), "age_years", "not an age"),
    (json.dumps({**FOUND, "age_min": 12, "age_max": 8}), "age_min", "more than age_max"),
    (json.dumps({**FOUND, "date_of_birth": "2016-13-45"}), "date_of_birth", "not a date"),
    (json.dumps([1, 2]), "", "JSON object"),
]


@pytest.mark.parametrize(
    ("line", "field", "reason"),
    BAD_LINES,
    ids=[f"{i}-{b[1] or 'line'}" for i, b in enumerate(BAD_LINES)],
)
def test_a_bad_line_is_reported_with_line_field_and_reason_and_nothing_lands(
    app: App, admin: UserInfo, tmp_path: Path, line: str, field: str, reason: str
) -> None:
    (tmp_path / "notes.txt").write_text("hello")
    (tmp_path / "cut.jpg").write_bytes(jpeg_bytes()[:700])
    good = write_jsonl(tmp_path, [MISSING, {**FOUND, "ref": "GD 1"}])
    path = tmp_path / "bad.jsonl"
    path.write_text(good.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")
    before = files_under(app.paths.photos)
    with pytest.raises(InvalidInput) as raised:
        import_file(app, admin, path)
    problems = raised.value.problems
    assert len(problems) == 1, problems
    assert problems[0].line == 3
    assert problems[0].field == field
    assert reason in problems[0].message
    assert counts(app) == (0, 0, 0)
    assert files_under(app.paths.photos) == before


def test_all_problems_are_listed_not_just_the_first(
    app: App, admin: UserInfo, tmp_path: Path
) -> None:
    lines = [{**FOUND, "ref": f"GD {i}", "sex": "x"} for i in range(5)]
    with pytest.raises(InvalidInput) as raised:
        import_file(app, admin, write_jsonl(tmp_path, lines, photo=False))
    assert [p.line for p in raised.value.problems] == [1, 2, 3, 4, 5]


def test_a_ref_twice_in_one_file_is_refused(app: App, admin: UserInfo, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="appears twice"):
        import_file(app, admin, write_jsonl(tmp_path, [FOUND, FOUND], photo=False))


def test_same_ref_in_both_kinds_is_fine(app: App, admin: UserInfo, tmp_path: Path) -> None:
    both = [{**FOUND, "ref": "X1"}, {**MISSING, "ref": "X1", "photos": []}]
    assert import_file(app, admin, write_jsonl(tmp_path, both, photo=False)).created == 2


def test_blank_lines_are_skipped(app: App, admin: UserInfo, tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text("\n" + json.dumps(FOUND) + "\n\n   \n", encoding="utf-8")
    assert import_file(app, admin, path).created == 1


def test_dry_run_checks_but_changes_nothing(app: App, admin: UserInfo, tmp_path: Path) -> None:
    report = import_file(app, admin, write_jsonl(tmp_path, [MISSING, FOUND]), dry_run=True)
    assert (report.records, report.created) == (2, 2)
    assert counts(app) == (0, 0, 0)
    assert files_under(app.paths.photos) == set()


def test_cancel_leaves_nothing_half_imported(app: App, admin: UserInfo, tmp_path: Path) -> None:
    records = [MISSING] + [{**FOUND, "ref": f"GD {i}"} for i in range(300)]
    path = write_jsonl(tmp_path, records)
    seen = []

    def cancel_after_some() -> bool:
        seen.append(1)
        return len(seen) > 250

    with pytest.raises(Cancelled):
        import_file(app, admin, path, should_cancel=cancel_after_some)
    assert counts(app) == (0, 0, 0)
    assert files_under(app.paths.photos) == set()


def test_progress_reaches_the_whole_file(app: App, admin: UserInfo, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path, [{**FOUND, "ref": f"GD {i}"} for i in range(50)], photo=False)
    calls: list[tuple[int, int]] = []
    import_file(app, admin, path, progress=lambda done, total: calls.append((done, total)))
    assert calls[-1][0] == calls[-1][1] == path.stat().st_size
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


def test_the_import_is_audited(app: App, admin: UserInfo, tmp_path: Path) -> None:
    import_file(app, admin, write_jsonl(tmp_path, [MISSING, FOUND]))
    with app.db.session() as session:
        actions = session.scalars(select(AuditEvent.action).order_by(AuditEvent.seq)).all()
    assert actions.count("create") == 2 and "import" in actions and "add_photo" in actions


def test_csv_with_the_same_columns(app: App, admin: UserInfo, tmp_path: Path) -> None:
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "a.jpg").write_bytes(jpeg_bytes())
    csv_text = (
        "\ufeffkind,ref,name,aliases,sex,age_years,languages,photos,guardian_name,"
        "guardian_phone,last_seen_at,status\n"
        "missing,FIR 7/2026,पूजा,Puja;Guddi,female,7,Hindi;Bhojpuri,photos/a.jpg,Ramesh,"
        "99999,2026-01-05,open\n"
        "found,GD 9,,,unknown,,,,,,,\n"
    )
    path = tmp_path / "register.csv"
    path.write_text(csv_text, encoding="utf-8")
    report = import_file(app, admin, path)
    assert (report.created, report.photos_added) == (2, 1)
    with app.db.session() as session:
        row = session.scalar(select(MissingReport))
        assert row is not None
        assert (row.aliases, row.languages, row.guardian_name, row.age_years) == (
            ["Puja", "Guddi"],
            ["Hindi", "Bhojpuri"],
            "Ramesh",
            7.0,
        )


def test_csv_bad_number_names_the_line_and_field(app: App, admin: UserInfo, tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("kind,ref,age_years\nfound,GD 1,5\nfound,GD 2,five\n", encoding="utf-8")
    with pytest.raises(InvalidInput) as raised:
        import_file(app, admin, path)
    [problem] = raised.value.problems
    assert (problem.line, problem.field, problem.ref) == (3, "age_years", "GD 2")
    assert counts(app) == (0, 0, 0)
