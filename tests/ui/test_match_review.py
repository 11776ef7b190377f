"""An officer reviews the complaints proposed for a found child and confirms the right one."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from station_app.app import App
from station_app.db.models import MatchDecision, MissingReport
from station_app.domain import FoundDetails, FoundRecord, MissingDetails, Sex, UserInfo
from station_app.services import registers
from station_app.ui.main_window import MainWindow
from station_app.ui.match_review import MatchReview

pytestmark = pytest.mark.gui


@pytest.fixture
def found(app: App, admin: UserInfo) -> FoundRecord:
    registers.register(app, admin, MissingDetails(
        ref="FIR 1/2026", name="राजेश", sex=Sex.MALE, age_years=9,
        marks="बाएं गाल पर तिल", last_seen_at=datetime(2026, 3, 1, 9, 0)))  # fmt: skip
    registers.register(app, admin, MissingDetails(
        ref="FIR 2/2026", name="Pooja", sex=Sex.FEMALE, age_years=14,
        last_seen_at=datetime(2026, 3, 1, 9, 0)))  # fmt: skip
    record = registers.register(app, admin, FoundDetails(
        ref="GD 9", name="Rajesh", sex=Sex.MALE, age_min=8, age_max=11,
        marks="mole on left cheek", found_at=datetime(2026, 3, 5, 18, 0)))  # fmt: skip
    assert isinstance(record, FoundRecord)
    return record


def test_the_true_complaint_comes_first_and_confirming_traces_it(
    app: App, found: FoundRecord, main_window: MainWindow, qtbot: QtBot
) -> None:
    view = main_window.open_record(found.meta.id)
    qtbot.waitUntil(view.match_button.isVisible)
    qtbot.mouseClick(view.match_button, Qt.MouseButton.LeftButton)
    review = view.review
    assert isinstance(review, MatchReview)
    qtbot.waitUntil(lambda: review.review is not None)
    assert review.candidates.item(0, 1).text() == "FIR 1/2026"
    assert review.candidates.rowCount() == 1  # the girl is excluded by sex
    names = {review.fields.item(r, 0).text(): r for r in range(review.fields.rowCount())}
    marks_row = names["Identification marks"]
    assert review.fields.item(marks_row, 1).text() == "बाएं गाल पर तिल"

    qtbot.mouseClick(review.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: review.undo_button.isEnabled())
    with app.db.session() as session:
        decision = session.scalar(select(MatchDecision))
        complaint = session.scalar(select(MissingReport).where(MissingReport.ref == "FIR 1/2026"))
    assert decision is not None and decision.decision == "confirmed"
    assert complaint is not None and complaint.status == "traced"
    review.close()


def test_saving_a_complaint_twice_warns_of_a_duplicate(
    app: App, admin: UserInfo, main_window: MainWindow, qtbot: QtBot
) -> None:
    first = registers.register(app, admin, MissingDetails(
        ref="FIR 5/2026", name="Sunita Kumari", sex=Sex.FEMALE, age_years=10,
        marks="mole on left cheek", last_seen_at=datetime(2026, 3, 1, 9, 0)))  # fmt: skip
    second = registers.register(app, admin, MissingDetails(
        ref="FIR 6/2026", name="सुनीता", sex=Sex.FEMALE, age_years=10,
        marks="बाएं गाल पर तिल", last_seen_at=datetime(2026, 3, 1, 9, 0)))  # fmt: skip
    warnings: list[str] = []
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setattr(
        "station_app.ui.main_window.QMessageBox.warning",
        lambda _parent, _title, text: warnings.append(text),
    )
    try:
        main_window.check_matches(second)
        qtbot.waitUntil(lambda: bool(warnings))
    finally:
        monkeypatch.undo()
    assert first.meta.case_number in warnings[0]
