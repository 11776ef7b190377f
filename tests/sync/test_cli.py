"""The commands as a station's and an HQ admin's scripts would run them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from station_app.cli import main
from tests.sync.conftest import PASSWORD


def run(home: Path, *args: str) -> int:
    return main(["--home", str(home), *args])


@pytest.fixture
def desks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    monkeypatch.setenv("STATION_APP_USER", "admin")
    monkeypatch.setenv("STATION_APP_PASSWORD", PASSWORD)
    station, hq = tmp_path / "station", tmp_path / "hq"
    init = ["--station-code", "RTM01", "--station-name", "GRP Ratlam", "--district", "Ratlam"]
    assert run(station, "init", *init, "--state", "Madhya Pradesh") == 0
    hq_init = ["--code", "DHQ-RTM", "--name", "District HQ", "--district", "Ratlam"]
    assert run(hq, "hq", "init", *hq_init, "--state", "Madhya Pradesh") == 0
    return station, hq


def fingerprint_in(text: str) -> str:
    line = next(li for li in text.splitlines() if li.startswith("fingerprint: "))
    return line.removeprefix("fingerprint: ")


def test_keys_export_import_and_reimport(
    desks: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    station, hq = desks
    keys = tmp_path / "keys"
    assert run(station, "keys", "export", "--to", str(keys / "rtm.key")) == 0
    assert run(hq, "hq", "export-key", "--to", str(keys / "hq.key")) == 0
    capsys.readouterr()

    # Without a compared fingerprint (and no terminal to ask in), nothing is trusted.
    assert run(hq, "hq", "trust", str(keys / "rtm.key")) == 1
    shown = fingerprint_in(capsys.readouterr().out)
    assert run(hq, "hq", "trust", str(keys / "rtm.key"), "--fingerprint", "0000 0000") == 1
    assert "not the key station RTM01 showed" in capsys.readouterr().err
    assert run(hq, "hq", "trust", str(keys / "rtm.key"), "--fingerprint", shown) == 0
    assert "now trusted" in capsys.readouterr().out
    assert run(station, "keys", "set-hq", str(keys / "hq.key")) == 1
    hq_print = fingerprint_in(capsys.readouterr().out)
    assert run(station, "keys", "set-hq", str(keys / "hq.key"), "--fingerprint", hq_print) == 0

    register = tmp_path / "register.jsonl"
    record = {"kind": "missing", "ref": "FIR 12/2026", "name": "Rajesh", "sex": "male"}
    register.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert run(station, "import", str(register)) == 0
    assert run(station, "export", "--to", str(tmp_path / "usb")) == 0
    out = capsys.readouterr().out
    assert "Batch 1 of RTM01 written" in out and "1 missing" in out
    [batch] = (tmp_path / "usb").iterdir()

    assert run(hq, "hq", "import", str(batch)) == 0
    assert "1 new, 0 updated" in capsys.readouterr().out
    assert run(hq, "hq", "import", str(batch)) == 0
    assert "already imported" in capsys.readouterr().out

    assert run(hq, "list", "missing", "--json") == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["case_number"] == "RTM01/2026/M/0001"
    assert run(hq, "show", "RTM01/2026/M/0001") == 0
    capsys.readouterr()
    assert run(hq, "hq", "stations") == 0
    assert "RTM01" in (out := capsys.readouterr().out) and "batch 1 received" in out


def test_a_refused_batch_exits_1_and_says_why(
    desks: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, hq = desks
    junk = tmp_path / "junk.muskaan-batch"
    junk.write_bytes(b"MUSKAAN-BATCH\n\0\0\0\2{}")
    assert run(hq, "hq", "import", str(junk)) == 1
    err = capsys.readouterr().err
    assert "junk.muskaan-batch was refused, nothing was changed" in err


def test_export_needs_the_hq_key_first(
    desks: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    station, _ = desks
    assert run(station, "export", "--to", str(tmp_path / "usb")) == 1
    assert "keys set-hq" in capsys.readouterr().err
    assert not (tmp_path / "usb").exists() or not list((tmp_path / "usb").iterdir())
