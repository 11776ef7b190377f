from __future__ import annotations

import warnings
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from station_app.app import App
from station_app.domain import (
    CaseType,
    Kind,
    MissingDetails,
    MissingRecord,
    MissingStatus,
    Sex,
    UserInfo,
)
from station_app.services import registers
from station_app.ui.main_window import MainWindow
from station_app.ui.record_form import RecordForm
from station_app.ui.register_model import column_index
from station_app.ui.widgets import ChoiceBox, DateField
from tests.conftest import jpeg_bytes
from tests.ui.conftest import only_message_box, type_text

pytestmark = pytest.mark.gui


def field(form: RecordForm, name: str) -> QWidget:
    widget = form.findChild(QWidget, f"field_{name}")
    assert widget is not None, name
    return widget


def line(form: RecordForm, name: str) -> QLineEdit:
    widget = field(form, name)
    assert isinstance(widget, QLineEdit)
    return widget


def error(form: RecordForm, name: str) -> str:
    return form._errors[name].text() if form._errors[name].isVisible() else ""


def fill(form: RecordForm, qtbot: QtBot, values: dict[str, str]) -> None:
    for name, text in values.items():
        edit = line(form, name)
        edit.clear()
        type_text(qtbot, edit, text)


def drop_files(widget: QWidget, paths: list[Path]) -> None:
    """Drag files from a file manager and drop them on `widget`."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    with warnings.catch_warnings():
        # PySide6 6.12 marks this constructor deprecated but offers no other one.
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(
            QPoint(5, 5),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    event = QDropEvent(
        QPoint(5, 5).toPointF(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    path = tmp_path / "rajesh.jpg"
    path.write_bytes(jpeg_bytes())
    return path


def test_registering_a_missing_child_with_a_photo(
    main_window: MainWindow, app: App, qtbot: QtBot, photo: Path
) -> None:
    form = main_window.new_record(Kind.MISSING)
    assert form.windowTitle() == "Register a missing child"
    assert form.focusWidget() is field(form, "name")
    sex = field(form, "sex")
    assert isinstance(sex, ChoiceBox) and sex.value() is Sex.UNKNOWN
    fill(
        form,
        qtbot,
        {
            "name": "राजेश कुमार",
            "aliases": "Raju, Golu",
            "age_years": "9",
            "height_cm": "120",
            "marks": "mole on left cheek",
            "last_seen_place": "Ratlam Junction platform 4",
            "guardian_name": "Ramesh Kumar",
            "guardian_phone": "9876543210",
            "ref": "FIR 12/2026",
        },
    )
    sex.set_value(Sex.MALE)
    case_type = field(form, "case_type")
    assert isinstance(case_type, ChoiceBox)
    case_type.set_value(CaseType.KIDNAPPING)
    seen = field(form, "last_seen_at")
    assert isinstance(seen, DateField)
    seen.set_value(datetime(2026, 3, 1, 18, 30))
    drop_files(form.photos, [photo])
    assert form.photos.list.count() == 1

    qtbot.keyClick(line(form, "ref"), Qt.Key.Key_Return)

    assert not form.isVisible()
    [record] = registers.lookup(app, main_window.desk.user, "FIR 12/2026")
    assert isinstance(record, MissingRecord)
    details = record.details
    assert details.name == "राजेश कुमार"
    assert details.aliases == ("Raju", "Golu")
    assert details.age_years == 9
    assert details.sex is Sex.MALE
    assert details.case_type is CaseType.KIDNAPPING
    assert details.last_seen_at == datetime(2026, 3, 1, 18, 30)
    assert details.guardian.phone == "9876543210"
    assert [p.original_name for p in record.photos] == ["rajesh.jpg"]
    view = main_window.registers[Kind.MISSING]
    assert view.model.data(view.model.index(0, column_index("name"))) == "राजेश कुमार"
    assert record.meta.case_number in main_window.statusBar().currentMessage()


def test_problems_show_beside_the_field_while_typing(main_window: MainWindow, qtbot: QtBot) -> None:
    form = main_window.new_record(Kind.MISSING)
    assert error(form, "ref") == ""

    type_text(qtbot, line(form, "age_years"), "150")
    qtbot.waitUntil(lambda: error(form, "age_years") != "")
    assert error(form, "age_years") == "150 is not an age (0 to 120 years)"
    assert error(form, "ref") == ""

    line(form, "age_years").clear()
    type_text(qtbot, line(form, "age_years"), "nine")
    qtbot.waitUntil(lambda: error(form, "age_years") == "'nine' is not a number")

    line(form, "age_years").clear()
    type_text(qtbot, line(form, "age_years"), "9")
    qtbot.waitUntil(lambda: error(form, "age_years") == "")


def test_saving_an_incomplete_form_says_what_is_missing(
    main_window: MainWindow, qtbot: QtBot
) -> None:
    form = main_window.new_record(Kind.FOUND)
    found_at = field(form, "found_at")
    assert isinstance(found_at, DateField)
    found_at.set_value(datetime.now() + timedelta(days=3))
    form.save()

    assert form.isVisible()
    assert error(form, "ref") == "is required"
    assert error(form, "found_at") == "lies in the future"
    assert form.focusWidget() is field(form, "ref") or field(form, "ref").hasFocus()


def test_traced_status_needs_a_traced_date(main_window: MainWindow, qtbot: QtBot) -> None:
    form = main_window.new_record(Kind.MISSING)
    fill(form, qtbot, {"ref": "FIR 9"})
    status = field(form, "status")
    assert isinstance(status, ChoiceBox)
    status.set_value(MissingStatus.TRACED)
    form.save()
    assert error(form, "traced_at") == "is required when the child is traced"


def test_escape_on_a_typed_form_asks_before_closing(main_window: MainWindow, qtbot: QtBot) -> None:
    form = main_window.new_record(Kind.MISSING)
    type_text(qtbot, line(form, "name"), "Pooja")
    qtbot.keyClick(form, Qt.Key.Key_Escape)

    box = only_message_box()
    assert box.text() == "What you typed in this form has not been saved. Close it anyway?"
    assert form.isVisible()
    box.button(QMessageBox.StandardButton.Discard).click()
    assert not form.isVisible()


def test_escape_on_an_untouched_form_just_closes(main_window: MainWindow, qtbot: QtBot) -> None:
    form = main_window.new_record(Kind.FOUND)
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert not form.isVisible()


@pytest.fixture
def pooja(app: App, admin: UserInfo) -> MissingRecord:
    record = registers.register(
        app, admin, MissingDetails(ref="FIR 2", name="पूजा", sex=Sex.FEMALE, age_years=14)
    )
    assert isinstance(record, MissingRecord)
    return record


def test_editing_a_record_and_seeing_it_in_the_history(
    pooja: MissingRecord, main_window: MainWindow, qtbot: QtBot
) -> None:
    view = main_window.open_record(pooja.meta.id)
    assert view.findChild(QWidget, "value_name").text() == "पूजा"  # type: ignore[union-attr]
    qtbot.mouseClick(view.edit_button, Qt.MouseButton.LeftButton)
    form = view.form
    assert form is not None and form.windowTitle() == f"Edit {pooja.meta.case_number}"
    assert line(form, "name").text() == "पूजा"
    fill(form, qtbot, {"name": "पूजा मीणा", "age_years": "15"})
    qtbot.keyClick(line(form, "age_years"), Qt.Key.Key_Return)

    assert not form.isVisible()
    assert view.findChild(QWidget, "value_name").text() == "पूजा मीणा"  # type: ignore[union-attr]
    view.tabs.setCurrentIndex(2)
    table = view.history_table
    rows = [[table.item(r, c).text() for c in range(4)] for r in range(table.rowCount())]
    assert [row[2] for row in rows] == ["Registered", "Changed"]
    assert rows[1][1] == "admin"
    assert rows[1][3] == "Age (years), Name"
    register = main_window.registers[Kind.MISSING]
    assert register.model.data(register.model.index(0, column_index("name"))) == "पूजा मीणा"


def test_an_edit_saved_meanwhile_by_someone_else_is_not_overwritten(
    pooja: MissingRecord, app: App, admin: UserInfo, main_window: MainWindow, qtbot: QtBot
) -> None:
    view = main_window.open_record(pooja.meta.id)
    view.edit()
    form = view.form
    assert form is not None
    registers.update(
        app, admin, pooja.meta.id, MissingDetails(ref="FIR 2", name="Pooja"), pooja.meta.version
    )
    fill(form, qtbot, {"name": "पूजा कुमारी"})
    form.save()

    box = only_message_box()
    assert "was changed by admin" in box.text()
    assert form.isVisible()
    [record] = registers.lookup(app, admin, "FIR 2")
    assert record.details.name == "Pooja"


def test_a_file_that_is_not_a_photo_is_refused_with_the_reason(
    main_window: MainWindow, tmp_path: Path
) -> None:
    bad = tmp_path / "notes.jpg"
    bad.write_bytes(b"this is text, not a photo")
    form = main_window.new_record(Kind.MISSING)
    form.photos.add_files([bad])

    assert form.photos.list.count() == 0
    assert form.photos.error.text() == "notes.jpg is not an image this program can read"


def test_photos_can_be_chosen_with_the_file_dialog(
    main_window: MainWindow, photo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(photo)], ""))
    )
    form = main_window.new_record(Kind.FOUND)
    form.photos.add_button.click()
    assert [i.original_name for i in form.photos.images()] == ["rajesh.jpg"]
