"""Alembic environment: always run against the engine the app hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine, create_engine

from station_app.db import models
from station_app.db.base import Base

assert models  # imported for its side effect: every table registered on Base.metadata

config = context.config


def _engine() -> Engine:
    engine = config.attributes.get("engine")
    if engine is None:
        url = config.get_main_option("sqlalchemy.url")
        assert url, "pass an engine or sqlalchemy.url"
        engine = create_engine(url)
    assert isinstance(engine, Engine)
    return engine


def run_migrations_online() -> None:
    with _engine().begin() as connection:
        context.configure(
            connection=connection,
            target_metadata=Base.metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
        )
        context.run_migrations()


run_migrations_online()
