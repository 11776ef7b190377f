"""The backup reminder: due after a week or when there never was one, for those who may."""

from __future__ import annotations

from datetime import timedelta

from station_app.app import App
from station_app.backup.make import LAST_BACKUP_KEY
from station_app.db.base import utcnow
from station_app.db.models import Setting
from station_app.domain import UserInfo
from station_app.services.backup_status import backup_due


def backed_up(app: App, days_ago: float) -> None:
    with app.db.session() as session:
        when = utcnow() - timedelta(days=days_ago)
        session.merge(Setting(key=LAST_BACKUP_KEY, value=when.isoformat()))


def test_never_backed_up_is_due(app: App, admin: UserInfo) -> None:
    due = backup_due(app, admin)
    assert due is not None and due.age is None and due.days is None


def test_a_backup_of_this_week_is_not_due(app: App, admin: UserInfo) -> None:
    backed_up(app, 6.5)
    assert backup_due(app, admin) is None


def test_a_backup_older_than_a_week_is_due(app: App, admin: UserInfo) -> None:
    backed_up(app, 9.2)
    due = backup_due(app, admin)
    assert due is not None and due.days == 9


def test_an_officer_who_may_not_back_up_is_not_reminded(app: App, officer: UserInfo) -> None:
    assert backup_due(app, officer) is None
