"""Hindi and English: the switch applies at once, and nothing visible stays in English."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTableView,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from station_app.app import App
from station_app.domain import FoundRecord, Kind, MissingDetails, UserInfo
from station_app.errors import Problem
from station_app.photo_store import check_image
from station_app.services import registers
from station_app.ui import i18n_tools
from station_app.ui.error_dialogs import show_error
from station_app.ui.i18n import CATALOGUE_DIR
from station_app.ui.import_dialog import ProblemsDialog
from station_app.ui.main_window import MainWindow
from station_app.ui.photo_viewer import PhotoViewer
from station_app.ui.setup_dialog import SetupDialog
from station_app.ui.startup import Startup
from station_app.ui.widgets import DATA_PROPERTY
from tests.conftest import jpeg_bytes
from tests.ui.conftest import log_in, message_boxes

pytestmark = pytest.mark.gui

DEVANAGARI = re.compile("[\u0900-\u097f]")
LATIN_WORD = re.compile("[A-Za-z]+")
# Words that stay as they are in a Hindi interface: codes, formats, keys, the name of
# the other language, and the digits/signs of numbers.
ALLOWED = {
    "English",
    "Ctrl",
    "Shift",
    "JPEG",
    "PNG",
    "BMP",
    "PGM",
    "WebP",
    "MB",
    "RTM",
    "jsonl",
    "csv",
    "GD",
    "FIR",
    "x",
}


def english_left(text: str) -> bool:
    text = re.sub("<[^>]+>", "", text).replace("&", "")
    if not text.strip() or DEVANAGARI.search(text):
        return False
    return any(word not in ALLOWED for word in LATIN_WORD.findall(text))


def shows_data(widget: QObject) -> bool:
    while widget is not None:
        if widget.property(DATA_PROPERTY):
            return True
        widget = widget.parent()
    return False


def visible_texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every piece of program text the officer can see in `widget`."""
    for child in [widget, *widget.findChildren(QWidget)]:
        if child.isHidden() or shows_data(child):
            continue
        name = f"{type(child).__name__}#{child.objectName()}"
        if child.isWindow():
            yield name + " title", child.windowTitle()
        if isinstance(child, QLabel):
            yield name, child.text()
        elif isinstance(child, QAbstractButton):
            yield name, child.text()
            yield name + " tooltip", child.toolTip()
        elif isinstance(child, QGroupBox):
            yield name, child.title()
        elif isinstance(child, QLineEdit):
            yield name + " placeholder", child.placeholderText()
        elif isinstance(child, QComboBox):
            yield from ((name, child.itemText(i)) for i in range(child.count()))
        elif isinstance(child, QAbstractSpinBox):
            yield name, child.specialValueText()
        elif isinstance(child, QTabWidget):
            yield from ((name, child.tabText(i)) for i in range(child.count()))
        elif isinstance(child, QTableView):
            model = child.model()
            for column in range(model.columnCount(QModelIndex())):
                yield name + " header", str(model.headerData(column, Qt.Orientation.Horizontal))
        if isinstance(child, QMainWindow):
            for menu in child.menuBar().findChildren(QMenu):
                yield "menu", menu.title()
                for action in menu.actions():
                    yield "menu item", action.text()
            for action in child.actions():
                yield "action tooltip", action.toolTip()


def english_in(widget: QWidget) -> list[tuple[str, str]]:
    found = [(where, text) for where, text in visible_texts(widget) if english_left(text)]
    for tabs in widget.findChildren(QTabWidget):
        current = tabs.currentIndex()
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            page = tabs.widget(index)
            found += [(w, t) for w, t in visible_texts(page) if english_left(t)]
        tabs.setCurrentIndex(current)
    return sorted(set(found))


def test_the_allow_list_check_itself() -> None:
    assert english_left("Save")
    assert english_left("&Log in")
    assert not english_left("सहेजें")
    assert not english_left("FIR 12/2026")
    assert not english_left("40 रिकॉर्ड")
    assert not english_left("—")


@pytest.fixture
def record(app: App, admin: UserInfo) -> FoundRecord:
    made = registers.register(
        app,
        admin,
        MissingDetails(ref="FIR 1", name="Rajesh", age_years=9),
        [check_image(jpeg_bytes(), "rajesh.jpg")],
    )
    registers.register(app, admin, __import__("station_app.domain").domain.FoundDetails(ref="GD 1"))
    return made  # type: ignore[return-value]


def test_switching_to_hindi_relabels_the_open_window_at_once(
    main_window: MainWindow, started: Startup
) -> None:
    view = main_window.registers[Kind.MISSING]
    assert main_window.tabs.tabText(0) == "Missing children"
    assert view.filters.labels["search"].text() == "&Find:"

    main_window.language_actions.actions()[1].trigger()

    assert main_window.tabs.tabText(0) == "गुमशुदा बच्चे"
    assert main_window.tabs.tabText(1) == "मिले हुए बच्चे"
    assert view.filters.labels["search"].text() == "खोजें:"
    assert main_window.new_missing.text() == "नया गुमशुदा बच्चा…"
    header = view.model.headerData(1, Qt.Orientation.Horizontal)
    assert header == "प्रकरण क्रमांक"
    assert started.settings.language == "hi"
    assert started.login_window.language.currentData() == "hi"

    main_window.language_actions.actions()[0].trigger()
    assert main_window.tabs.tabText(0) == "Missing children"


def test_nothing_visible_stays_in_english_in_hindi(
    record: FoundRecord, started: Startup, qtbot: QtBot, tmp_path: Path
) -> None:
    started.set_language("hi")
    assert english_in(started.login_window) == []

    window = log_in(started, qtbot)
    assert english_in(window) == []

    for kind in Kind:
        form = window.new_record(kind)
        form.save()  # shows the problems beside the fields, in Hindi
        assert form._errors["ref"].text() == "भरना ज़रूरी है"
        assert english_in(form) == []
        save = form.buttons.button(QDialogButtonBox.StandardButton.Save)
        assert save.text() == "सहेजें"
        form.reject()

    view = window.open_record(record.meta.id)
    assert english_in(view) == []
    view.view_photo()
    assert isinstance(view.viewer, PhotoViewer)
    assert english_in(view.viewer) == []

    dialog = SetupDialog(started.app, started.tasks)  # type: ignore[arg-type]
    assert english_in(dialog) == []
    problems = ProblemsDialog(
        tmp_path / "x.jsonl", [Problem("lies in the future", "found_at", "GD 1", 3)], window
    )
    assert english_in(problems) == []
    assert problems.table.item(0, 3).text() == "आगे की (भविष्य की) तिथि है"

    show_error(window, __import__("station_app.errors").errors.Cancelled())
    [box] = message_boxes()
    assert english_in(box) == []
    assert box.button(QMessageBox.StandardButton.Ok).text() == "ठीक है"


def test_the_catalogues_have_no_untranslated_string() -> None:
    for name in (*i18n_tools.APP_CATALOGUES, *i18n_tools.BASE_CATALOGUES):
        messages = i18n_tools.read_messages(CATALOGUE_DIR / name)
        assert messages
        assert [m for m in messages if not m.finished] == []


def test_every_string_in_the_code_is_in_the_catalogue(tmp_path: Path) -> None:
    """lupdate over the code, into a copy of the .ts, finds nothing new to translate."""
    copy = tmp_path / "muskaan_hi.ts"
    shutil.copy(CATALOGUE_DIR / "muskaan_hi.ts", copy)
    i18n_tools.update_ts(copy)
    new = [m for m in i18n_tools.read_messages(copy) if not m.finished]
    assert new == [], "run: python -m station_app.ui.i18n_tools, then translate"


def test_the_shipped_qm_files_are_compiled_from_the_ts_files(tmp_path: Path) -> None:
    for name in (*i18n_tools.APP_CATALOGUES, *i18n_tools.BASE_CATALOGUES):
        source = CATALOGUE_DIR / name
        compiled = tmp_path / Path(name).with_suffix(".qm").name
        i18n_tools.release(source, compiled)
        shipped = source.with_suffix(".qm")
        assert shipped.read_bytes() == compiled.read_bytes(), f"recompile {shipped.name}"


def test_the_app_font_shapes_devanagari_itself(qapp: QApplication) -> None:
    """Hind (shipped by fontpkg-hind) draws Hindi text: no fallback font, no empty boxes."""
    from PySide6.QtGui import QFontDatabase, QFontInfo, QTextLayout

    from station_app.ui.fonts import MAIN_FAMILY

    assert MAIN_FAMILY in QFontDatabase.families()
    assert QFontInfo(qapp.font()).family() == MAIN_FAMILY
    layout = QTextLayout("राजेश कुमार, दस्तयाब", qapp.font())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    runs = layout.glyphRuns()
    assert {run.rawFont().familyName() for run in runs} == {MAIN_FAMILY}
    glyphs = [glyph for run in runs for glyph in run.glyphIndexes()]
    assert glyphs and 0 not in glyphs
