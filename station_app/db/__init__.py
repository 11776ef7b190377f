"""Database layer: typed SQLAlchemy models, the engine, and Alembic migrations."""
