"""What a user could see change in a data folder: rows, audit entries, files, folders."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import inspect, select, text

from station_app.app import App
from station_app.db.models import AuditEvent


@dataclass(frozen=True)
class StationState:
    counts: dict[str, int]
    audit: tuple[tuple[int, str], ...]
    photo_files: frozenset[str]
    home_entries: frozenset[str]


def capture(app: App) -> StationState:
    with app.db.read_session() as session:
        tables = inspect(session.connection()).get_table_names()
        counts = {
            table: int(session.execute(text(f'SELECT count(*) FROM "{table}"')).scalar() or 0)
            for table in tables
            if table != "audit_events"
        }
        audit = tuple(
            (seq, action)
            for seq, action in session.execute(
                select(AuditEvent.seq, AuditEvent.action).order_by(AuditEvent.seq)
            )
        )
    root = app.paths.photos
    photos = (
        frozenset(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
        if root.exists()
        else frozenset()
    )
    # SQLite's -wal and -shm come and go with connections: not the user's concern.
    home = frozenset(
        p.name for p in app.paths.home.iterdir() if not p.name.endswith(("-wal", "-shm"))
    )
    return StationState(counts, audit, photos, home)


def assert_unchanged(
    before: StationState,
    after: StationState,
    attempt_actions: tuple[str, ...] = ("login", "login_failed"),
) -> None:
    """Nothing changed but audit rows recording the attempt itself (a login, say)."""
    assert after.counts == before.counts
    assert after.audit[: len(before.audit)] == before.audit
    added = [action for _, action in after.audit[len(before.audit) :]]
    assert all(action in attempt_actions for action in added), added
    assert after.photo_files == before.photo_files
    assert after.home_entries == before.home_entries
