"""The command line as a script at district HQ would use it."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from station_app.app import open_app
from station_app.cli import main
from station_app.cli.registers_cmds import _write_json_array
from station_app.db.models import AuditEvent
from tests.importing.test_import import FOUND, MISSING, write_jsonl

PASSWORD = "station-pass-1"


@pytest.fixture
def station_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("STATION_APP_HOME", str(home))
    monkeypatch.setenv("STATION_APP_PASSWORD", PASSWORD)
    monkeypatch.setenv("STATION_APP_USER", "admin")
    assert (
        main(
            [
                "init",
                "--station-code",
                "RTM01",
                "--station-name",
                "GRP Ratlam",
                "--district",
                "Ratlam",
                "--state",
                "Madhya Pradesh",
            ]
        )
        == 0
    )
    return home


def test_import_list_and_show(
    station_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["import", str(write_jsonl(tmp_path, [MISSING, FOUND]))]) == 0
    assert "2 new" in capsys.readouterr().out
    assert main(["list", "missing", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["ref"], r["case_number"], r["name"]) for r in rows] == [
        ("FIR 12/2026", "RTM01/2026/M/0001", "राजेश कुमार")
    ]
    assert main(["list", "found"]) == 0
    text = capsys.readouterr().out
    assert "GD 45" in text and "RTM01/2026/F/0001" in text
    assert main(["show", "FIR 12/2026", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["guardian"]["phone"] == "98765" and len(shown["photos"]) == 1


def test_list_json_text_is_pinned(
    station_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Scripts at district HQ read this output: keys, their order, types and layout."""
    main(["import", str(write_jsonl(tmp_path, [MISSING, FOUND]))])
    capsys.readouterr()
    assert main(["list", "missing", "--json"]) == 0
    out = capsys.readouterr().out
    assert _audited_listings(station_home) == 1
    id_ = json.loads(out)[0]["id"]
    assert out == (
        f'[\n{{"id": "{id_}", "kind": "missing", "case_number": "RTM01/2026/M/0001", '
        '"ref": "FIR 12/2026", "name": "राजेश कुमार", "sex": "male", "age_years": 9.0, '
        '"age_min": null, "age_max": null, "age": "9", "status": "open", '
        '"event_at": "2026-03-02T17:30:00", "place": "Ratlam Junction", '
        '"registered_at": "2026-03-03T10:00:00", "has_photo": true}\n]\n'
    )
    assert main(["list", "missing", "--status", "closed", "--json"]) == 0
    assert capsys.readouterr().out == "[\n]\n"


def _audited_listings(home: Path) -> int:
    app = open_app(str(home))
    with app.db.session() as session:
        count = session.scalar(select(func.count()).where(AuditEvent.action == "list"))
    app.close()
    return count or 0


def test_list_json_puts_each_batch_of_objects_on_a_line() -> None:
    out = io.StringIO()
    _write_json_array(out, ['{"a": 1}, {"a": 2}', '{"a": 3}'])
    assert out.getvalue() == '[\n{"a": 1}, {"a": 2},\n{"a": 3}\n]\n'


def test_list_filters_by_status(
    station_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    traced = {
        **MISSING,
        "ref": "FIR 2",
        "status": "traced",
        "traced_at": "2026-04-01",
        "photos": [],
    }
    main(["import", str(write_jsonl(tmp_path, [MISSING, traced]))])
    capsys.readouterr()
    main(["list", "missing", "--status", "traced", "--json"])
    assert [r["ref"] for r in json.loads(capsys.readouterr().out)] == ["FIR 2"]


def test_a_bad_import_exits_1_listing_line_and_field(
    station_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_jsonl(tmp_path, [MISSING, {**FOUND, "sex": "boy"}])
    assert main(["import", str(path)]) == 1
    err = capsys.readouterr().err
    assert "line 2, ref GD 45, field 'sex'" in err and "nothing was changed" in err


def test_wrong_password_is_refused(
    station_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("STATION_APP_PASSWORD", "wrong")
    assert main(["list", "missing"]) == 1
    assert "Wrong user name or password" in capsys.readouterr().err


def test_five_wrong_passwords_lock_the_account(
    station_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("STATION_APP_PASSWORD", "wrong")
    for _ in range(5):
        main(["list", "missing"])
    monkeypatch.setenv("STATION_APP_PASSWORD", PASSWORD)
    assert main(["list", "missing"]) == 1
    assert "locked" in capsys.readouterr().err


def test_show_of_an_unknown_ref_exits_1(
    station_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["show", "FIR 999"]) == 1
    assert "No record" in capsys.readouterr().err


def test_commands_before_init_say_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("STATION_APP_HOME", str(tmp_path / "empty"))
    assert main(["list", "missing"]) == 1
    assert "station-app init" in capsys.readouterr().err


def test_every_command_is_attributed_in_the_audit_log(station_home: Path, tmp_path: Path) -> None:
    main(["import", str(write_jsonl(tmp_path, [MISSING]))])
    main(["list", "missing"])
    main(["show", "FIR 12/2026"])
    app = open_app(str(station_home))
    with app.db.session() as session:
        events = session.execute(
            select(AuditEvent.username, AuditEvent.action).order_by(AuditEvent.seq)
        ).all()
    app.close()
    actions = [a for _, a in events]
    assert {"import", "list", "view"} <= set(actions)
    assert {u for u, _ in events} == {"admin"}


def test_python_dash_m_runs_the_same_cli(station_home: Path) -> None:
    env = {**os.environ, "STATION_APP_HOME": str(station_home)}
    result = subprocess.run(
        [sys.executable, "-m", "station_app", "list", "missing", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []
