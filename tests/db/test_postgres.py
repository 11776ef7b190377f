"""The same models, migrations and services on PostgreSQL (district HQ runs there)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from station_app.app import App, open_app
from station_app.db.base import Base
from station_app.domain import Kind, UserInfo
from station_app.importing.service import import_file
from station_app.services import registers, station
from station_app.services.listing import RegisterQuery, fetch_rows, iter_listing_dicts
from tests.db.postgres import fresh_postgres_url
from tests.importing.test_import import FOUND, MISSING, write_jsonl

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_app(tmp_path: Path) -> Iterator[App]:
    for url in fresh_postgres_url():
        application = open_app(str(tmp_path / "home"), url)
        yield application
        application.close()


@pytest.fixture
def pg_admin(pg_app: App) -> UserInfo:
    return station.init_station(pg_app, "RTM01", "GRP", "Ratlam", "MP", "admin", "pg-pass-1")[1]


def test_migrations_build_the_models_schema_on_postgres(pg_app: App) -> None:
    with pg_app.db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_import_list_search_and_show_on_postgres(
    pg_app: App, pg_admin: UserInfo, tmp_path: Path
) -> None:
    report = import_file(pg_app, pg_admin, write_jsonl(tmp_path, [MISSING, FOUND]))
    assert (report.created, report.photos_added) == (2, 1)
    again = import_file(pg_app, pg_admin, write_jsonl(tmp_path, [MISSING, FOUND]))
    assert again.unchanged == 2
    with pg_app.db.session() as session:
        found = fetch_rows(session, pg_app.photos, RegisterQuery(Kind.MISSING, text="Rajesh"))
        dicts = list(iter_listing_dicts(session, pg_app.photos, RegisterQuery(Kind.MISSING)))
    assert [r.ref for r in found] == ["FIR 12/2026"]
    assert dicts[0]["event_at"] == "2026-03-02T17:30:00"
    assert dicts[0]["has_photo"] is True
    json.dumps(dicts)
    [record] = registers.lookup(pg_app, pg_admin, "FIR 12/2026")
    assert record.meta.case_number == "RTM01/2026/M/0001"
    assert len(registers.record_history(pg_app, pg_admin, record.meta.id)) >= 1
