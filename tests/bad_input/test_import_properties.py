"""Property tests of the importers: whatever the file holds, the import either lands whole
or is refused with InvalidInput and changes nothing; and what lands reads back the same."""

from __future__ import annotations

import json
import string
import tempfile
from collections.abc import Iterator
from datetime import date, datetime
from itertools import count
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from station_app import accounts
from station_app.app import App, open_app
from station_app.cli import main
from station_app.domain import UserInfo
from station_app.errors import InvalidInput
from station_app.importing.parse import COMMON_FIELDS, FOUND_FIELDS, MISSING_FIELDS
from station_app.importing.service import import_file
from station_app.services import station
from tests.bad_input.state import assert_unchanged, capture
from tests.conftest import ADMIN_PASSWORD

SETTINGS = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
FIELDS = sorted(COMMON_FIELDS | MISSING_FIELDS | FOUND_FIELDS)
CHOICES = [
    "missing",
    "found",
    "male",
    "female",
    "unknown",
    "fair",
    "dark",
    "open",
    "traced",
    "closed",
    "kidnapping",
    "unclaimed",
    "restored",
]


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[App, UserInfo]]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024))
        app = open_app(str(tmp_path_factory.mktemp("desk") / "home"))
        _, admin = station.init_station(
            app, "RTM01", "GRP Ratlam", "Ratlam", "MP", "admin", ADMIN_PASSWORD
        )
    yield app, admin
    app.close()


def _import(app: App, admin: UserInfo, name: str, data: bytes) -> None:
    """Import `data`; on refusal, prove nothing changed. Any other exception fails the test."""
    before = capture(app)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        try:
            import_file(app, admin, path)
        except InvalidInput as refused:
            event("refused")
            assert refused.problems
            assert_unchanged(before, capture(app))
        else:
            event("imported")


# --- random objects, random bytes ------------------------------------------------------------

leaves = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=30)
    | st.sampled_from(CHOICES)
    | st.dates(max_value=date(2030, 12, 31)).map(date.isoformat)
    | st.datetimes(max_value=datetime(2030, 12, 31)).map(datetime.isoformat)
)
values = st.recursive(
    leaves,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
objects = st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=10), values, max_size=10)
kinds_and_refs = st.fixed_dictionaries(
    {"kind": st.sampled_from(["missing", "found"]), "ref": st.text(min_size=1, max_size=12)}
)
records = objects | st.builds(lambda head, rest: {**rest, **head}, kinds_and_refs, objects)


@settings(SETTINGS, max_examples=100)
@given(st.lists(records, min_size=1, max_size=3))
def test_random_json_objects_land_whole_or_change_nothing(
    desk: tuple[App, UserInfo], lines: list[dict[str, Any]]
) -> None:
    data = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
    _import(*desk, "register.jsonl", data.encode("utf-8", "surrogatepass"))


byte_lines = st.lists(st.binary(max_size=80), min_size=1, max_size=4)


@settings(SETTINGS, max_examples=100)
@given(byte_lines, st.sampled_from(["register.jsonl", "register.csv"]))
def test_random_bytes_land_whole_or_change_nothing(
    desk: tuple[App, UserInfo], lines: list[bytes], name: str
) -> None:
    _import(*desk, name, b"\n".join(lines))


@settings(SETTINGS, max_examples=60)
@given(st.lists(st.lists(st.text(max_size=12), max_size=4), min_size=1, max_size=4))
def test_random_csv_cells_land_whole_or_change_nothing(
    desk: tuple[App, UserInfo], rows: list[list[str]]
) -> None:
    header = "kind,ref,name,age_years,found_at,photos\n"
    body = "".join(",".join(json.dumps(c) if "," in c else c for c in row) + "\n" for row in rows)
    _import(*desk, "register.csv", (header + body).encode("utf-8", "surrogatepass"))


# --- valid records round-trip through import and `show --json` -------------------------------

_refs = count(1)
plain_text = st.text(
    alphabet=st.characters(
        categories=["L", "M", "N", "P", "S", "Zs"], exclude_characters="\u2028\u2029\x85"
    ),
    max_size=40,
).map(str.strip)
some_text = plain_text.filter(bool)
past_day = st.dates(min_value=date(2000, 1, 1), max_value=date(2025, 12, 31))
past_moment = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2025, 12, 31))
whole = st.integers(0, 17)


def _common() -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {"name": plain_text, "sex": st.sampled_from(["male", "female", "other", "unknown"])},
        optional={
            "aliases": st.lists(some_text, max_size=3),
            "age_years": whole,
            "date_of_birth": past_day.map(date.isoformat),
            "height_cm": st.integers(30, 250),
            "complexion": st.sampled_from(["fair", "dark"]),
            "build": plain_text,
            "hair": plain_text,
            "eyes": plain_text,
            "marks": plain_text,
            "clothing": plain_text,
            "languages": st.lists(some_text, max_size=3),
            "description": plain_text,
            "district": plain_text,
            "state": plain_text,
            "registered_at": past_moment.map(lambda m: m.replace(microsecond=0).isoformat()),
        },
    )


missing_records = st.builds(
    lambda common, extra: {"kind": "missing", **common, **extra},
    _common(),
    st.fixed_dictionaries(
        {"status": st.sampled_from(["open", "closed"])},
        optional={
            "case_type": st.sampled_from(["missing", "kidnapping"]),
            "fir_number": plain_text,
            "last_seen_place": plain_text,
            "guardian": st.fixed_dictionaries(
                {
                    "name": some_text,
                    "relation": some_text,
                    "phone": st.from_regex(r"\A[0-9]{10}\Z"),
                    "address": some_text,
                }
            ),
        },
    ),
)
found_records = st.builds(
    lambda common, extra: {"kind": "found", **common, **extra},
    _common(),
    st.fixed_dictionaries(
        {},
        optional={
            "found_place": plain_text,
            "found_by": plain_text,
            "custody": plain_text,
            "gd_number": plain_text,
        },
    ),
)


def _expected(record: dict[str, Any]) -> dict[str, Any]:
    """What `show --json` should print for each field given."""
    shown = {k: v for k, v in record.items() if k != "kind"}
    for key in ("age_years", "height_cm"):
        if key in shown:
            shown[key] = float(shown[key])
    if "registered_at" in shown:
        shown["registered_at"] = datetime.fromisoformat(shown["registered_at"]).isoformat()
    return shown


@settings(SETTINGS, max_examples=25)
@given(record=missing_records | found_records)
def test_a_valid_record_reads_back_the_same_through_show_json(
    desk: tuple[App, UserInfo],
    record: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    app, admin = desk
    record = {**record, "ref": f"P-{next(_refs)} {string.ascii_uppercase[len(record) % 26]}"}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "register.jsonl"
        path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
        assert import_file(app, admin, path).created == 1
    monkeypatch.setenv("STATION_APP_USER", "admin")
    monkeypatch.setenv("STATION_APP_PASSWORD", ADMIN_PASSWORD)
    capsys.readouterr()
    assert main(["--home", str(app.paths.home), "show", record["ref"], "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    expected = _expected(record)
    assert {key: shown[key] for key in expected} == expected
