"""The migration chain is linear and building from empty gives exactly the models' schema."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from station_app.db.base import Base
from station_app.db.engine import HEAD_REVISION, MIGRATIONS_DIR, Database, head_revision


def test_revision_chain_is_linear() -> None:
    script = ScriptDirectory(str(MIGRATIONS_DIR))
    revisions = list(script.walk_revisions())
    assert len(script.get_heads()) == 1
    assert len(script.get_bases()) == 1
    for revision in revisions:
        assert not revision.is_merge_point
        assert len(revision.nextrev) <= 1


def test_the_cached_head_is_the_real_head() -> None:
    assert head_revision() == HEAD_REVISION


def test_upgrade_from_empty_matches_models(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'fresh.sqlite3'}")
    with db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "render_as_batch": True}
        )
        assert compare_metadata(context, Base.metadata) == []
        assert context.get_current_revision() == head_revision()
        assert set(inspect(connection).get_table_names()) >= set(Base.metadata.tables)


def test_opening_again_does_not_migrate_twice(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'twice.sqlite3'}"
    Database(url).dispose()
    again = Database(url)
    with again.engine.connect() as connection:
        assert MigrationContext.configure(connection).get_current_revision() == head_revision()
