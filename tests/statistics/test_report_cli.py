"""`station-app report monthly` as a clerk or a script at district HQ would run it."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from station_app.app import App
from station_app.cli import main
from station_app.db.models import AuditEvent
from tests.conftest import ADMIN_PASSWORD
from tests.statistics.conftest import Register

Q3 = ["--from", "2026-07-01", "--to", "2026-09-30"]


@pytest.fixture
def logged_in(home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("STATION_APP_HOME", str(home))
    monkeypatch.setenv("STATION_APP_USER", "admin")
    monkeypatch.setenv("STATION_APP_PASSWORD", ADMIN_PASSWORD)
    return home


def test_csv_has_the_exact_header_a_row_per_month_and_the_total(
    press_note_register: Register, logged_in: Path, tmp_path: Path
) -> None:
    out = tmp_path / "q3.csv"
    assert main(["report", "monthly", *Q3, "--csv", str(out)]) == 0
    assert out.read_text(encoding="utf-8").splitlines() == [
        "month,registered_boys,registered_girls,registered_total,"
        "traced_boys,traced_girls,traced_total",
        "2026-07,3,21,24,3,26,29",
        "2026-08,2,20,22,2,25,27",
        "2026-09,7,39,46,6,64,70",
        "total,12,80,92,11,115,126",
    ]
    assert not list(tmp_path.glob(".q3.csv.*")), "no temporary file is left behind"


def test_without_a_file_the_table_and_sentences_go_to_stdout(
    press_note_register: Register, logged_in: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", "monthly", *Q3]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].split()[:7] == [
        "month",
        "registered_boys",
        "registered_girls",
        "registered_total",
        "traced_boys",
        "traced_girls",
        "traced_total",
    ]
    assert lines[3].split()[:7] == ["2026-09", "7", "39", "46", "6", "64", "70"]
    assert lines[4].split()[:7] == ["total", "12", "80", "92", "11", "115", "126"]
    assert "सितंबर माह में 6 बालक, 64 बालिका सहित कुल 70 बच्चों को तलाश किया।" in lines


def test_english_sentences_with_lang_en(
    press_note_register: Register, logged_in: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", "monthly", *Q3, "--lang", "en"]) == 0
    assert "In July, 29 children were traced: 3 boys and 26 girls." in capsys.readouterr().out


def test_a_period_that_ends_before_it_starts_exits_2_before_any_login(
    app: App, home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("STATION_APP_HOME", str(home))  # no user or password: not asked
    with pytest.raises(SystemExit) as exit_info:
        main(["report", "monthly", "--from", "2026-10-01", "--to", "2026-09-30"])
    assert exit_info.value.code == 2
    assert (
        "error: The period starts on 2026-10-01, after it ends on 2026-09-30."
        in capsys.readouterr().err
    )


@pytest.mark.parametrize("bad", ["2026-13-01", "1/7/2026"])
def test_an_unreadable_date_exits_2_saying_how_to_write_it(
    logged_in: Path, bad: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["report", "monthly", "--from", bad, "--to", "2026-09-30"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert f"argument --from: '{bad}' is not a date; write it as YYYY-MM-DD" in err


def test_exports_are_written_to_the_audit_log(
    press_note_register: Register, logged_in: Path, tmp_path: Path, app: App
) -> None:
    assert main(["report", "monthly", *Q3, "--csv", str(tmp_path / "a.csv")]) == 0
    assert main(["report", "monthly", *Q3, "--pdf", str(tmp_path / "a.pdf"), "--lang", "en"]) == 0
    with app.db.session() as session:
        events = session.scalars(
            select(AuditEvent).where(AuditEvent.record_type == "statistics")
        ).all()
        logged = [(e.action, e.username, e.details["file"]) for e in events]
    assert logged == [
        ("export", "admin", str(tmp_path / "a.csv")),
        ("print", "admin", str(tmp_path / "a.pdf")),
    ]


def test_a_pdf_into_a_missing_folder_exits_1_and_says_so(
    press_note_register: Register,
    logged_in: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    target = tmp_path / "no-such-folder" / "q3.pdf"
    assert main(["report", "monthly", *Q3, "--pdf", str(target)]) == 1
    assert f"The folder {target.parent} does not exist." in capsys.readouterr().err
