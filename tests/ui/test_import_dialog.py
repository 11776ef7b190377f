from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from station_app.app import App
from station_app.domain import Kind
from station_app.ui.import_dialog import ProblemsDialog
from station_app.ui.main_window import MainWindow
from station_app.ui.register_model import column_index
from station_app.ui.tasks import CancelToken
from tests.conftest import files_under, jpeg_bytes
from tests.ui.conftest import only_message_box

pytestmark = pytest.mark.gui


def write_jsonl(folder: Path, records: list[dict[str, object]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "register.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), "utf-8")
    return path


GOOD = [
    {"kind": "missing", "ref": "FIR 1", "name": "राजेश", "photos": ["rajesh.jpg"]},
    {"kind": "found", "ref": "GD 1", "name": "", "age_min": 5, "age_max": 7},
]


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )


def test_importing_a_file_fills_both_registers(
    main_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "rajesh.jpg").write_bytes(jpeg_bytes())
    choose_file(monkeypatch, write_jsonl(tmp_path / "in", GOOD))
    main_window.import_action.trigger()

    box = only_message_box()
    assert box.text() == ("Imported 2 record(s): 2 new, 0 updated, 0 unchanged, 1 photo(s) added.")
    missing = main_window.registers[Kind.MISSING].model
    assert missing.data(missing.index(0, column_index("name"))) == "राजेश"
    assert main_window.registers[Kind.FOUND].model.rowCount() == 1


def test_a_bad_file_lists_every_problem_and_imports_nothing(
    main_window: MainWindow, app: App, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = [
        {"kind": "missing", "ref": "FIR 1", "name": "Rajesh"},
        {"kind": "missing", "ref": "FIR 2", "age_years": 300},
        {"kind": "found", "ref": "GD 3", "photos": ["missing.jpg"]},
    ]
    choose_file(monkeypatch, write_jsonl(tmp_path / "in", records))
    main_window.import_action.trigger()

    dialog = main_window.importer.problems_dialog
    assert isinstance(dialog, ProblemsDialog) and dialog.isVisible()
    table = dialog.table
    rows = {
        tuple(table.item(r, c).text() for c in range(3)): table.item(r, 3).text()
        for r in range(table.rowCount())
    }
    assert rows[("2", "FIR 2", "Age (years)")] == "300 is not an age (0 to 120 years)"
    assert rows[("3", "GD 3", "Photos")] == "photo 'missing.jpg' does not exist"
    assert "Nothing was imported from register.jsonl" in dialog.intro.text()
    assert main_window.registers[Kind.MISSING].model.rowCount() == 0


def test_cancelling_an_import_changes_nothing(
    main_window: MainWindow, app: App, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "rajesh.jpg").write_bytes(jpeg_bytes())
    path = write_jsonl(tmp_path / "in", GOOD)
    photos_before = files_under(home / "photos")
    # The officer presses Cancel after the first record (and its photo) was written.
    asked = itertools.count()
    monkeypatch.setattr(CancelToken, "is_cancelled", lambda self: next(asked) >= 2)
    main_window.importer.start(path)

    box = only_message_box()
    assert box.text() == "The import was cancelled. Nothing was changed."
    assert main_window.registers[Kind.MISSING].model.rowCount() == 0
    assert files_under(home / "photos") == photos_before
