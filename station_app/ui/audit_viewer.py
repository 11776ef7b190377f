"""The audit log for the station in-charge: who did what, when, to which record.

Filters (user, action, days, record, words) choose the events; they come a page at a
time, newest first, from the database worker, so a log of a million rows opens at
once. "Check the log" runs the hash-chain check (as `station-app audit verify` does)
and marks the rows it finds altered. Opening the window is itself logged, once.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station_app.services import audit_log
from station_app.services.audit_log import AuditPage, ChainCheck
from station_app.ui.audit_filters import AuditFilterBar
from station_app.ui.audit_labels import audit_action_label, problem_label
from station_app.ui.desk import Desk
from station_app.ui.error_dialogs import show_error
from station_app.ui.labels import changed_fields_text, local_time
from station_app.ui.widgets import mark_data, push_button

PAGE_SIZE = 100
TAMPERED = QColor(255, 205, 205)


class AuditViewer(QWidget):
    """A window onto the audit log; `start` shows it and fetches the first page."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditViewer")
        self.setWindowFlag(Qt.WindowType.Window)
        self._desk = desk
        self.page: AuditPage | None = None
        self.offset = 0
        self.checks: list[ChainCheck] | None = None
        self._generation = 0
        self.filter_bar = AuditFilterBar()
        self.filter_bar.search_requested.connect(self.search)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("auditTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        for column, width in enumerate((150, 120, 190, 170)):
            self.table.setColumnWidth(column, width)
        self.newer_button = push_button("auditNewer", lambda: self.go(-PAGE_SIZE))
        self.older_button = push_button("auditOlder", lambda: self.go(PAGE_SIZE))
        self.page_label = QLabel()
        self.page_label.setObjectName("auditPageLabel")
        self.verify_button = push_button("auditVerify", self.verify)
        self.verify_result = QLabel()
        self.verify_result.setObjectName("auditVerifyResult")
        self.verify_result.setWordWrap(True)
        self.problems = mark_data(QListWidget())
        self.problems.setObjectName("auditProblems")
        self.problems.setMaximumHeight(120)
        self.problems.hide()
        self._lay_out()
        self._set_paging()
        self.resize(1100, 720)
        self.retranslate()

    def _lay_out(self) -> None:
        paging = QHBoxLayout()
        for widget in (self.newer_button, self.page_label, self.older_button):
            paging.addWidget(widget)
        paging.addStretch(1)
        paging.addWidget(self.verify_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(paging)
        layout.addWidget(self.verify_result)
        layout.addWidget(self.problems)

    # -- loading --------------------------------------------------------------------------

    def start(self) -> None:
        """Show the window, log that the log was opened, and fetch the first page."""
        if self.isVisible():
            self.raise_()
            self.activateWindow()
        else:
            self.show()
        app, user = self._desk.app, self._desk.user
        tasks = self._desk.tasks
        tasks.run_db(lambda: audit_log.record_viewer_opened(app, user), None, self._failed)
        choices = self.filter_bar.fill_choices
        tasks.run_db(lambda: audit_log.filter_choices(app, user), choices, self._failed)
        self.search()

    def _failed(self, error: BaseException) -> None:
        show_error(self, error)

    def search(self) -> None:
        if self.filter_bar.filters() is None:
            return
        self.offset = 0
        self.fetch()

    def go(self, step: int) -> None:
        if self.page is None:
            return
        self.offset = max(0, min(self.offset + step, self.page.total - 1))
        self.fetch()

    def fetch(self) -> None:
        self._generation += 1
        generation = self._generation
        filters = self.filter_bar.filters()
        if filters is None:
            return
        app, user, offset = self._desk.app, self._desk.user, self.offset
        self._set_paging(busy=True)

        def work() -> AuditPage:
            return audit_log.list_events(app, user, filters, limit=PAGE_SIZE, offset=offset)

        def done(page: AuditPage) -> None:
            if generation == self._generation:  # a newer search has replaced this one
                self.show_page(page)

        def failed(error: BaseException) -> None:
            if generation == self._generation:
                self._set_paging()
                self._failed(error)

        self._desk.tasks.run_db(work, done, failed)

    def show_page(self, page: AuditPage) -> None:
        self.page = page
        bad = self._tampered_rows()
        self.table.setRowCount(len(page.rows))
        for index, row in enumerate(page.rows):
            cells = (
                local_time(row.at).strftime("%d-%m-%Y %H:%M:%S"),
                row.username,
                audit_action_label(row.action),
                row.record_label,
                changed_fields_text(row.summary),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row.seq)
                if row.seq in bad:
                    item.setBackground(QBrush(TAMPERED))
                    item.setToolTip(self.tr("The check found this row altered."))
                self.table.setItem(index, column, item)
        self._set_paging()

    def shown_seqs(self) -> list[int]:
        return [row.seq for row in self.page.rows] if self.page else []

    def _set_paging(self, busy: bool = False) -> None:
        page = self.page
        total = page.total if page else 0
        self.newer_button.setEnabled(not busy and self.offset > 0)
        self.older_button.setEnabled(not busy and self.offset + PAGE_SIZE < total)
        if busy:
            self.page_label.setText(self.tr("Searching…"))
        elif page is None:
            self.page_label.setText("")
        elif not page.rows:
            self.page_label.setText(self.tr("No events match."))
        else:
            first, last = self.offset + 1, self.offset + len(page.rows)
            self.page_label.setText(
                self.tr("Events %1–%2 of %3")
                .replace("%1", f"{first:,}")
                .replace("%2", f"{last:,}")
                .replace("%3", f"{total:,}")
            )

    # -- the chain check -----------------------------------------------------------------

    def verify(self) -> None:
        app, user = self._desk.app, self._desk.user
        self.verify_button.setEnabled(False)

        def done(checks: list[ChainCheck]) -> None:
            self.verify_button.setEnabled(True)
            self.show_checks(checks)

        def failed(error: BaseException) -> None:
            self.verify_button.setEnabled(True)
            self._failed(error)

        self._desk.run(
            self,
            self.tr("Checking the audit log…"),
            lambda _token: audit_log.verify_chain(app, user),
            done,
            failed,
        )

    def show_checks(self, checks: list[ChainCheck]) -> None:
        self.checks = checks
        self.problems.clear()
        for check in checks:
            self.problems.addItems([problem_label(p) for p in check.problems])
        self.problems.setVisible(self.problems.count() > 0)
        self._retranslate_result()
        if self.page is not None:
            self.show_page(self.page)

    def _tampered_rows(self) -> set[int]:
        checks = self.checks or []
        return {p.row for c in checks for p in c.problems if p.row is not None}

    def _retranslate_result(self) -> None:
        checks = self.checks
        if checks is None:
            self.verify_result.setText("")
            return
        rows = sum(check.rows for check in checks)
        if all(check.intact for check in checks):
            text = self.tr(
                "The audit log is intact: %1 rows checked; none was altered, inserted or deleted."
            )
            self.verify_result.setProperty("role", "")
        else:
            text = self.tr(
                "The audit log has been tampered with (%1 rows checked). What the check found:"
            )
            self.verify_result.setProperty("role", "error")
        self.verify_result.setText(text.replace("%1", f"{rows:,}"))
        self.verify_result.style().polish(self.verify_result)

    # -- language -------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Audit log: who did what"))
        self.newer_button.setText(self.tr("◀ &Newer"))
        self.older_button.setText(self.tr("&Older ▶"))
        self.verify_button.setText(self.tr("Check the log for &tampering"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("When"),
                self.tr("Who"),
                self.tr("What"),
                self.tr("Record"),
                self.tr("Details"),
            ]
        )
        self._set_paging()
        self._retranslate_result()
        if self.checks is not None:
            self.show_checks(self.checks)
