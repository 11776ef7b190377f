"""The main window: the two registers, and the actions of the desk."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from station_app.backup.make import BackupReport
from station_app.domain import ChildRecord, Kind, StationInfo
from station_app.permissions import Action
from station_app.services import matching
from station_app.sync import installation
from station_app.ui.admin_menu import AdminActions
from station_app.ui.backup_reminder import BackupReminder
from station_app.ui.dashboard import open_dashboard
from station_app.ui.desk import Desk
from station_app.ui.gallery import open_gallery
from station_app.ui.hq_window import HqWindow
from station_app.ui.i18n import LANGUAGES
from station_app.ui.idle_lock import IdleLock
from station_app.ui.import_dialog import ImportController
from station_app.ui.labels import choice_label
from station_app.ui.match_review import MatchReview
from station_app.ui.record_form import RecordForm
from station_app.ui.record_view import RecordView
from station_app.ui.register_view import RegisterView
from station_app.ui.thumbnails import ThumbnailCache
from station_app.ui.verify_dialog import VerifyDialog
from station_app.ui.widgets import mark_data


class MainWindow(QMainWindow):
    logout_requested = Signal()
    language_chosen = Signal(str)

    def __init__(self, desk: Desk, station: StationInfo) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.desk = desk
        self.station = station
        self.thumbnails = ThumbnailCache(desk.tasks)
        self.registers = {
            kind: RegisterView(desk, kind, self.thumbnails) for kind in (Kind.MISSING, Kind.FOUND)
        }
        self.tabs = QTabWidget()
        self.tabs.setObjectName("registerTabs")
        self.tabs.setDocumentMode(True)
        for view in self.registers.values():
            self.tabs.addTab(view, "")
            view.open_record.connect(self.open_record)
        self.backup_reminder = BackupReminder(desk)
        central = QWidget()
        box = QVBoxLayout(central)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.backup_reminder)
        box.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.idle_lock = IdleLock(self, desk)
        self.idle_lock.logout_requested.connect(self.logout_requested)
        self.admin = AdminActions(self, desk, self.idle_lock.lock_now)
        self.backup_reminder.back_up_now.connect(self.admin.back_up)
        self.admin.backed_up.connect(self.backed_up)
        self.record_views: list[RecordView] = []
        self.forms: list[RecordForm] = []
        self.importer = ImportController(desk, self, self.refresh)
        self._make_actions()
        self._make_menus()
        self.user_label = mark_data(QLabel())
        self.statusBar().addPermanentWidget(self.user_label)
        geometry = desk.settings.main_window_geometry
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        self.retranslate()

    def _make_actions(self) -> None:
        def action(name: str, shortcut: str | QKeySequence.StandardKey = "") -> QAction:
            made = QAction(self)
            made.setObjectName(name)
            if shortcut:
                made.setShortcut(QKeySequence(shortcut))
            self.addAction(made)
            return made

        may_register = self.desk.may(Action.REGISTER)
        self.new_missing = action("newMissing", "Ctrl+N")
        self.new_missing.triggered.connect(lambda: self.new_record(Kind.MISSING))
        self.new_found = action("newFound", "Ctrl+Shift+N")
        self.new_found.triggered.connect(lambda: self.new_record(Kind.FOUND))
        self.import_action = action("importFile", "Ctrl+I")
        self.import_action.triggered.connect(self.importer.choose_and_import)
        for made in (self.new_missing, self.new_found):
            made.setEnabled(may_register)
        self.import_action.setEnabled(self.desk.may(Action.IMPORT))
        self.open_action = action("openRecord", "Ctrl+O")
        self.open_action.triggered.connect(self.open_selected)
        self.find_action = action("find", QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.focus_search)
        self.refresh_action = action("refresh", QKeySequence.StandardKey.Refresh)
        self.refresh_action.triggered.connect(self.refresh)
        self.logout_action = action("logout")
        self.logout_action.triggered.connect(self.logout_requested)
        self.quit_action = action("quit", QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.statistics_action = action("statistics")
        self.statistics_action.triggered.connect(lambda: open_dashboard(self.desk, self))
        self.verify_action = action("verifyDocument")
        self.verify_action.triggered.connect(lambda: VerifyDialog(self.desk, self).open())
        self.gallery_action = action("parentsGallery")
        self.gallery_action.triggered.connect(lambda: open_gallery(self.desk))
        self.hq_action = action("districtHq")
        self.hq_action.triggered.connect(self.open_hq)
        self.hq_action.setVisible(False)
        self.hq_window: HqWindow | None = None
        app = self.desk.app

        def is_hq() -> bool:
            with app.db.read_session() as session:
                return installation.is_hq(session)

        self.desk.tasks.run_db(is_hq, self.hq_action.setVisible)
        self.language_actions = QActionGroup(self)
        for code, name in LANGUAGES.items():
            made = QAction(name, self)
            made.setObjectName(f"language_{code}")
            made.setCheckable(True)
            made.setChecked(code == self.desk.translations.language)
            made.setData(code)
            made.triggered.connect(
                lambda _checked=False, code=code: self.language_chosen.emit(code)
            )
            self.language_actions.addAction(made)

    def _make_menus(self) -> None:
        bar = self.menuBar()
        self.register_menu = bar.addMenu("")
        for made in (self.new_missing, self.new_found, self.import_action):
            self.register_menu.addAction(made)
        self.register_menu.addSeparator()
        self.register_menu.addAction(self.logout_action)
        self.admin.add_to(self.register_menu, self.logout_action)
        self.register_menu.addAction(self.quit_action)
        self.view_menu = bar.addMenu("")
        for made in (self.open_action, self.find_action, self.refresh_action):
            self.view_menu.addAction(made)
        self.tools_menu = bar.addMenu("")
        self.tools_menu.setObjectName("toolsMenu")
        for made in (
            self.gallery_action,
            self.statistics_action,
            self.verify_action,
            self.hq_action,
        ):
            self.tools_menu.addAction(made)
        self.admin.add_menu(bar)
        self.language_menu = bar.addMenu("")
        self.language_menu.setObjectName("languageMenu")
        self.language_menu.addActions(self.language_actions.actions())
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        for made in (self.new_missing, self.new_found, self.open_action, self.import_action):
            self.toolbar.addAction(made)
        self.addToolBar(self.toolbar)

    # -- actions --------------------------------------------------------------------------

    def open_hq(self) -> None:
        """District HQ's screen: stations and their batches, conflicts, cross-station matches."""
        if self.hq_window is None:
            self.hq_window = HqWindow(self.desk)
            self.hq_window.open_record.connect(self.open_record)
            self.hq_window.review_requested.connect(self.review_match)
        self.hq_window.show()
        self.hq_window.raise_()
        self.hq_window.refresh()

    def review_match(self, found_id: str, _missing_id: str) -> None:
        review = MatchReview(self.desk, found_id)
        review.show()
        review.load()

    def current_register(self) -> RegisterView:
        widget = self.tabs.currentWidget()
        assert isinstance(widget, RegisterView)
        return widget

    def show_register(self, kind: Kind) -> RegisterView:
        view = self.registers[kind]
        self.tabs.setCurrentWidget(view)
        return view

    def load(self) -> None:
        for view in self.registers.values():
            view.load()
        self.backup_reminder.check()

    def backed_up(self, report: BackupReport) -> None:
        self.backup_reminder.hide()
        self.statusBar().showMessage(
            self.tr("Backup written to %1.").replace("%1", str(report.path)), 15000
        )

    def refresh(self) -> None:
        for view in self.registers.values():
            view.model.refresh()

    def focus_search(self) -> None:
        search = self.current_register().filters.search
        search.setFocus()
        search.selectAll()

    def new_record(self, kind: Kind) -> RecordForm:
        form = RecordForm(self.desk, kind)
        form.saved.connect(self._saved)
        form.finished.connect(lambda _result: self._forget(form))
        self.forms.append(form)
        form.open()
        return form

    def _forget(self, widget: RecordForm) -> None:
        if widget in self.forms:
            self.forms.remove(widget)

    def _saved(self, record: ChildRecord) -> None:
        self.show_register(record.meta.kind)
        self.registers[record.meta.kind].model.refresh()
        message = self.tr("Saved %1.").replace("%1", record.meta.case_number)
        self.statusBar().showMessage(message, 8000)
        self.check_matches(record)

    def check_matches(self, record: ChildRecord) -> None:
        """After a save, in the background: likely matches, and (complaints) duplicates."""
        app, user, record_id = self.desk.app, self.desk.user, record.meta.id
        is_complaint = record.meta.kind is Kind.MISSING

        def work() -> tuple[int, list[str]]:
            ranking = matching.matches_for_record(app, user, record_id)
            likely = sum(1 for c in ranking.candidates if c.label == "likely")
            duplicates: list[str] = []
            if is_complaint:
                twins = matching.possible_duplicates(app, user, record_id).candidates
                duplicates = [f"{c.case_number} ({c.ref})" for c in twins]
            return likely, duplicates

        def done(result: tuple[int, list[str]]) -> None:
            self.idle_lock.when_unlocked(lambda: tell(*result))

        def tell(likely: int, duplicates: list[str]) -> None:
            if duplicates:
                QMessageBox.warning(
                    self, self.tr("Possible duplicate complaint"),
                    self.tr("%1 may be the same child as %2. Check before going on.")
                    .replace("%1", record.meta.case_number).replace("%2", ", ".join(duplicates)),
                )  # fmt: skip
            if likely:
                self.statusBar().showMessage(
                    self.tr("%1: %2 likely match(es); open the record to review them.")
                    .replace("%1", record.meta.case_number).replace("%2", str(likely)),
                    15000,
                )  # fmt: skip

        self.desk.tasks.run_cpu(work, done)

    def open_selected(self) -> None:
        row = self.current_register().selected_row()
        if row is not None:
            self.open_record(row.id)

    def open_record(self, record_id: str) -> RecordView:
        for view in self.record_views:
            if view.record_id == record_id:
                view.raise_()
                view.activateWindow()
                return view
        view = RecordView(self.desk, record_id)
        view.changed.connect(lambda record: self.registers[record.meta.kind].model.refresh())
        view.destroyed.connect(lambda _obj=None, view=view: self._record_view_closed(view))
        self.record_views.append(view)
        view.show()
        view.load()
        return view

    def _record_view_closed(self, view: RecordView) -> None:
        if view in self.record_views:
            self.record_views.remove(view)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.desk.settings.main_window_geometry = self.saveGeometry()
        self.idle_lock.stop()
        self.admin.close_windows()
        for view in list(self.record_views):
            view.close()
        super().closeEvent(event)

    # -- language -------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        station = self.station
        self.setWindowTitle(
            self.tr("Muskaan Station: %1 (%2)")
            .replace("%1", station.name)
            .replace("%2", station.code)
        )
        for index, kind in enumerate(self.registers):
            self.tabs.setTabText(index, choice_label(kind))
        self.register_menu.setTitle(self.tr("&Register"))
        self.view_menu.setTitle(self.tr("&View"))
        self.tools_menu.setTitle(self.tr("&Tools"))
        self.statistics_action.setText(self.tr("Monthly &statistics…"))
        self.verify_action.setText(self.tr("&Check a certificate…"))
        self.gallery_action.setText(self.tr("&Photo gallery for parents…"))
        self.hq_action.setText(self.tr("District &HQ: stations, batches, matches…"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.admin.retranslate()
        self.toolbar.setWindowTitle(self.tr("Actions"))
        self.new_missing.setText(self.tr("New &missing child…"))
        self.new_missing.setToolTip(self.tr("Register a child reported missing (Ctrl+N)"))
        self.new_found.setText(self.tr("New &found child…"))
        self.new_found.setToolTip(self.tr("Register a child found or brought in (Ctrl+Shift+N)"))
        self.import_action.setText(self.tr("&Import a register file…"))
        self.open_action.setText(self.tr("&Open record"))
        self.find_action.setText(self.tr("&Find a child"))
        self.refresh_action.setText(self.tr("&Refresh"))
        self.logout_action.setText(self.tr("Log &out"))
        self.quit_action.setText(self.tr("&Quit"))
        for made in self.language_actions.actions():
            made.setChecked(made.data() == self.desk.translations.language)
        user = self.desk.user
        self.user_label.setText(
            self.tr("Logged in: %1 (%2)").replace("%1", user.full_name).replace("%2", user.username)
        )
