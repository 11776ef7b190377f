"""Stored search keys follow names.py: when it derives keys differently (its
SEARCH_KEY_VERSION changes), every record's name_key is rebuilt once, at the next start,
so that a search finds old records as well as new ones."""

from __future__ import annotations

from sqlalchemy import select, update

from station_app.db.engine import Database
from station_app.db.models import FoundChild, MissingReport, Setting
from station_app.names import SEARCH_KEY_VERSION, search_key

VERSION_SETTING = "names.search_key_version"
BATCH_ROWS = 5000


def _stale(db: Database) -> bool:
    with db.read_session() as session:
        row = session.get(Setting, VERSION_SETTING)
        return row is None or row.value != str(SEARCH_KEY_VERSION)


def rebuild_stale_search_keys(db: Database) -> int:
    """Rebuild name_key where it is stale; the number of records whose key changed.

    Cheap when the keys are current (one settings read). Works in batches, each its own
    unit of work, so desks writing meanwhile wait at most one batch; running it twice
    at once is harmless (both write the same keys).
    """
    if not _stale(db):
        return 0
    changed = 0
    for model in (MissingReport, FoundChild):
        after = ""
        while True:
            with db.session() as session:
                rows = session.execute(
                    select(model.id, model.name, model.aliases, model.name_key)
                    .where(model.id > after)
                    .order_by(model.id)
                    .limit(BATCH_ROWS)
                ).all()
                if not rows:
                    break
                updates = [
                    {"id": row_id, "name_key": key}
                    for row_id, name, aliases, old in rows
                    if (key := search_key(name, aliases or [])) != old
                ]
                if updates:
                    session.execute(update(model), updates)
                changed += len(updates)
                after = rows[-1][0]
    with db.session() as session:
        session.merge(Setting(key=VERSION_SETTING, value=str(SEARCH_KEY_VERSION)))
    return changed
