"""Every broken register file is refused, naming line and field, and changes nothing."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from station_app.app import App, open_app
from station_app.cli import main
from station_app.domain import UserInfo
from station_app.errors import InvalidInput, Problem
from station_app.importing.service import import_file
from station_app.services import station
from tests.bad_input.import_corpus import ImportCase, write_baseline, write_import_corpus
from tests.bad_input.state import assert_unchanged, capture
from tests.conftest import ADMIN_PASSWORD

# Written once at collection, so that each file is a test of its own in the report.
CORPUS = Path(tempfile.mkdtemp(prefix="muskaan-bad-imports-")) / "files"
atexit.register(shutil.rmtree, CORPUS.parent, True)
CASES = write_import_corpus(CORPUS)


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[App, UserInfo]]:
    app = open_app(str(tmp_path_factory.mktemp("desk") / "home"))
    _, admin = station.init_station(
        app, "RTM01", "GRP Ratlam", "Ratlam", "Madhya Pradesh", "admin", ADMIN_PASSWORD
    )
    import_file(app, admin, write_baseline(tmp_path_factory.mktemp("baseline")))
    yield app, admin
    app.close()


def _names(problem: Problem, case: ImportCase) -> bool:
    return (
        problem.line == case.line and problem.field == case.field and case.reason in problem.message
    )


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_a_bad_file_is_refused_saying_where_and_why_and_nothing_changes(
    desk: tuple[App, UserInfo], case: ImportCase
) -> None:
    app, admin = desk
    before = capture(app)
    with pytest.raises(InvalidInput) as raised:
        import_file(app, admin, CORPUS / case.file)
    assert any(_names(p, case) for p in raised.value.problems), raised.value.problems
    assert "nothing was changed" in str(raised.value)
    assert_unchanged(before, capture(app))


@pytest.mark.parametrize("name", ["deeply-nested", "photo-symlink-loop", "csv-stray-quote"])
def test_the_command_line_says_the_same_and_exits_1(
    desk: tuple[App, UserInfo],
    name: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    app, _ = desk
    case = next(c for c in CASES if c.name == name)
    monkeypatch.setenv("STATION_APP_USER", "admin")
    monkeypatch.setenv("STATION_APP_PASSWORD", ADMIN_PASSWORD)
    before = capture(app)
    assert main(["--home", str(app.paths.home), "import", str(CORPUS / case.file)]) == 1
    err = capsys.readouterr().err
    assert f"line {case.line}" in err and case.reason in err and "Traceback" not in err
    assert_unchanged(before, capture(app), attempt_actions=("login", "login_failed"))


@pytest.mark.parametrize("where", ["nowhere.jsonl", "."])
def test_a_path_that_is_not_a_file_is_refused(desk: tuple[App, UserInfo], where: str) -> None:
    app, admin = desk
    before = capture(app)
    with pytest.raises(InvalidInput, match="is not a file"):
        import_file(app, admin, CORPUS / where)
    assert_unchanged(before, capture(app))


def test_the_corpus_is_large_and_varied() -> None:
    assert len(CASES) >= 140
    assert {c.file.rsplit(".", 1)[1] for c in CASES} >= {"jsonl", "csv", "xlsx"}
