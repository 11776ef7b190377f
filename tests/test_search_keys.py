"""Records saved before names.py changed how it makes search keys are still found."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import update

from station_app.app import App, open_app
from station_app.db.models import MissingReport, Setting
from station_app.domain import Kind, MissingDetails, UserInfo
from station_app.names import SEARCH_KEY_VERSION, search_key
from station_app.search_keys import VERSION_SETTING, rebuild_stale_search_keys
from station_app.services import listing, registers


def _found_by(app: App, user: UserInfo, text: str) -> list[str]:
    query = listing.RegisterQuery(kind=Kind.MISSING, text=text)
    return [row.ref for row in listing.list_register(app, user, query)]


def test_keys_made_by_an_older_version_are_rebuilt_at_the_next_start(
    app: App, admin: UserInfo, home: Path
) -> None:
    registers.register(app, admin, MissingDetails(ref="FIR 1", name="गुड़िया वर्मा"))
    registers.register(app, admin, MissingDetails(ref="FIR 2", name="Sunny", aliases=["Sunil"]))
    with app.db.session() as session:  # as an older release left them
        session.execute(update(MissingReport).values(name_key=" stale"))
        session.merge(Setting(key=VERSION_SETTING, value=str(SEARCH_KEY_VERSION - 1)))
    assert _found_by(app, admin, "Gudiya") == []
    app.close()

    reopened = open_app(str(home))
    try:
        assert _found_by(reopened, admin, "Gudiya") == ["FIR 1"]
        assert _found_by(reopened, admin, "Verma") == ["FIR 1"]
        assert _found_by(reopened, admin, "सनी") == ["FIR 2"]
        assert rebuild_stale_search_keys(reopened.db) == 0  # once only
    finally:
        reopened.close()


def test_current_keys_are_left_alone(app: App, admin: UserInfo) -> None:
    record = registers.register(app, admin, MissingDetails(ref="FIR 3", name="Priya"))
    assert rebuild_stale_search_keys(app.db) == 0
    with app.db.read_session() as session:
        row = session.get(MissingReport, record.meta.id)
        assert row is not None and row.name_key == search_key("Priya", [])
