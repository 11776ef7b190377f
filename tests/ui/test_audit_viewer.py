"""The in-charge reads the audit log: filters, pages, and the check for tampering."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from station_app.app import App
from station_app.db.models import AuditEvent
from station_app.domain import MissingDetails, UserInfo
from station_app.services import registers
from station_app.ui import audit_viewer
from station_app.ui.audit_viewer import TAMPERED, AuditViewer
from station_app.ui.main_window import MainWindow
from station_app.ui.startup import Startup
from tests.ui.conftest import type_text
from tests.ui.test_i18n import english_in

pytestmark = pytest.mark.gui


@pytest.fixture
def viewer(app: App, admin: UserInfo, officer: UserInfo, main_window: MainWindow) -> AuditViewer:
    """The officer looked at a complaint the admin registered; then the admin opens the log."""
    record = registers.register(app, admin, MissingDetails(ref="FIR 8/2026", name="Meena"))
    registers.get(app, officer, record.meta.id)
    registers.get(app, officer, record.meta.id)
    main_window.admin.audit_action.trigger()
    viewer = main_window.admin.audit_viewer
    assert viewer is not None and viewer.isVisible()
    return viewer


def column(viewer: AuditViewer, index: int) -> list[str]:
    return [viewer.table.item(r, index).text() for r in range(viewer.table.rowCount())]


def click(qtbot: QtBot, button: QPushButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_it_opens_on_the_newest_events_and_logs_its_opening(viewer: AuditViewer) -> None:
    assert column(viewer, 2)[0] == "Audit log opened"
    assert column(viewer, 1)[0] == "admin"
    assert "Viewed" in column(viewer, 2) and "Registered" in column(viewer, 2)
    assert viewer.page_label.text().startswith("Events 1–")
    assert not viewer.newer_button.isEnabled() and not viewer.older_button.isEnabled()


def test_filter_by_user_shows_only_that_users_rows(viewer: AuditViewer, qtbot: QtBot) -> None:
    viewer.filter_bar.user_filter.setCurrentIndex(
        viewer.filter_bar.user_filter.findData("asi.verma")
    )
    click(qtbot, viewer.filter_bar.search_button)

    assert column(viewer, 1) == ["asi.verma", "asi.verma"]
    assert column(viewer, 2) == ["Viewed", "Viewed"]
    assert all(label.startswith("RTM01/") for label in column(viewer, 3))
    assert viewer.page_label.text() == "Events 1–2 of 2"

    click(qtbot, viewer.filter_bar.clear_button)
    assert set(column(viewer, 1)) == {"admin", "asi.verma"}


def test_filter_by_record_action_and_words(viewer: AuditViewer, qtbot: QtBot) -> None:
    type_text(qtbot, viewer.filter_bar.record_filter, "FIR 8/2026")
    qtbot.keyClick(viewer.filter_bar.record_filter, Qt.Key.Key_Return)
    assert column(viewer, 2) == ["Viewed", "Viewed", "Registered"]

    viewer.filter_bar.action_filter.setCurrentIndex(
        viewer.filter_bar.action_filter.findData("create")
    )
    click(qtbot, viewer.filter_bar.search_button)
    assert column(viewer, 1) == ["admin"]

    click(qtbot, viewer.filter_bar.clear_button)
    type_text(qtbot, viewer.filter_bar.text_filter, "opened the audit")
    click(qtbot, viewer.filter_bar.search_button)
    assert column(viewer, 2) == ["Audit log opened"]

    viewer.filter_bar.text_filter.clear()
    type_text(qtbot, viewer.filter_bar.text_filter, "no such words")
    click(qtbot, viewer.filter_bar.search_button)
    assert viewer.table.rowCount() == 0 and viewer.page_label.text() == "No events match."


def test_a_backwards_period_is_said_and_not_searched(viewer: AuditViewer, qtbot: QtBot) -> None:
    from datetime import date

    viewer.filter_bar.since.set_value(date(2026, 5, 2))
    viewer.filter_bar.until.set_value(date(2026, 5, 1))
    click(qtbot, viewer.filter_bar.search_button)
    assert viewer.filter_bar.error.text() == "The first day is after the last day."
    assert viewer.table.rowCount() > 0  # the earlier page stays


def test_pages_step_older_and_newer(
    viewer: AuditViewer, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(audit_viewer, "PAGE_SIZE", 2)
    click(qtbot, viewer.filter_bar.search_button)
    first = viewer.shown_seqs()
    assert len(first) == 2 and viewer.older_button.isEnabled()
    click(qtbot, viewer.older_button)
    second = viewer.shown_seqs()
    assert len(second) == 2 and max(second) < min(first)
    assert viewer.page_label.text().startswith("Events 3–4 of ")
    click(qtbot, viewer.newer_button)
    assert viewer.shown_seqs() == first


def test_verify_reports_intact_then_a_tampered_row(
    app: App, viewer: AuditViewer, qtbot: QtBot
) -> None:
    click(qtbot, viewer.verify_button)
    assert viewer.verify_result.text().startswith("The audit log is intact:")
    assert not viewer.problems.isVisible()

    viewer.filter_bar.user_filter.setCurrentIndex(
        viewer.filter_bar.user_filter.findData("asi.verma")
    )
    click(qtbot, viewer.filter_bar.search_button)
    victim = viewer.shown_seqs()[0]
    with app.db.session() as session:  # someone edits the database behind the app's back
        session.execute(update(AuditEvent).where(AuditEvent.seq == victim).values(action="x"))
    click(qtbot, viewer.verify_button)

    assert viewer.verify_result.text().startswith("The audit log has been tampered with")
    assert viewer.problems.isVisible()
    assert [viewer.problems.item(i).text() for i in range(viewer.problems.count())] == [
        f"Row {victim}: its contents were altered."
    ]
    click(qtbot, viewer.filter_bar.search_button)
    row = viewer.shown_seqs().index(victim)
    assert viewer.table.item(row, 0).background().color() == TAMPERED
    other = 1 - row
    assert viewer.table.item(other, 0).background().color() != TAMPERED


def test_the_viewer_speaks_hindi(
    viewer: AuditViewer, main_window: MainWindow, started: Startup, qtbot: QtBot
) -> None:
    click(qtbot, viewer.verify_button)
    started.set_language("hi")
    assert viewer.verify_result.text().startswith("ऑडिट लॉग सुरक्षित है")  # at once
    assert viewer.filter_bar.search_button.text() == "खोजें"
    assert "देखा" in column(viewer, 2)

    fresh = AuditViewer(main_window.desk, main_window)  # the calendars follow the language too
    fresh.start()
    assert english_in(fresh) == []
    fresh.close()
