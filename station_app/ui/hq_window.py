"""District HQ's screen: the stations and their batches, conflicts to settle, and
children found at one station who may be another station's missing child.

Everything runs through the same HQ services as `station-app hq ...`, on the database
worker (`Desk.run`). Opening a pair asks the main window (signal `review_requested`)
for the matching review screen; `open_record` opens one record.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from station_app.app import App
from station_app.domain import UserInfo
from station_app.errors import Cancelled
from station_app.permissions import Action
from station_app.services import hq
from station_app.services.hq import BatchImportReport, ConflictInfo, CrossMatchInfo, StationStatus
from station_app.sync.errors import BatchRejected
from station_app.ui.desk import Desk
from station_app.ui.error_dialogs import show_message
from station_app.ui.hq_tables import HqTable, conflict_rows, match_rows, station_rows
from station_app.ui.tasks import CancelToken, Task

Overview = tuple[list[StationStatus], list[ConflictInfo], list[CrossMatchInfo]]
ImportOutcome = list[BatchImportReport | BatchRejected]


def _import_one(
    app: App, user: UserInfo, path: Path, token: CancelToken
) -> BatchImportReport | BatchRejected:
    """One batch; a refused batch is an outcome to list, not an error that stops the rest."""
    try:
        return hq.import_batch(
            app, user, path, progress=token.report, should_cancel=token.is_cancelled
        )
    except BatchRejected as error:
        return error


class HqWindow(QWidget):
    review_requested = Signal(str, str)
    open_record = Signal(str)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hqWindow")
        self.desk = desk
        self.task: Task[Any] | None = None
        self.stations = HqTable("hqStations")
        self.conflicts = HqTable("hqConflicts")
        self.matches = HqTable("hqMatches")
        self.matches.itemDoubleClicked.connect(lambda _item: self.review_selected())
        self.tabs = QTabWidget()
        self.tabs.setObjectName("hqTabs")
        self.tabs.addTab(self.stations, "")
        self.tabs.addTab(self._with_buttons(self.conflicts, self._conflict_buttons()), "")
        self.tabs.addTab(self._with_buttons(self.matches, self._match_buttons()), "")
        self.import_button = QPushButton()
        self.import_button.setObjectName("hqImport")
        self.import_button.clicked.connect(self.choose_and_import)
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh)
        self.status = QLabel()
        self.status.setObjectName("hqStatus")
        top = QHBoxLayout()
        top.addWidget(self.import_button)
        top.addWidget(self.refresh_button)
        top.addStretch(1)
        top.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.last_outcome: ImportOutcome = []
        # What this role may not do is not offered (the services refuse it anyway).
        self.import_button.setVisible(desk.may(Action.IMPORT))
        for button in (self.keep_hq, self.keep_batch):
            button.setVisible(desk.may(Action.EDIT))
        self.retranslate()

    def _with_buttons(self, table: HqTable, buttons: list[QPushButton]) -> QWidget:
        holder = QWidget()
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(holder)
        layout.addWidget(table, 1)
        layout.addLayout(row)
        return holder

    def _conflict_buttons(self) -> list[QPushButton]:
        self.keep_hq = QPushButton()
        self.keep_hq.setObjectName("keepHq")
        self.keep_hq.clicked.connect(lambda: self.settle("hq"))
        self.keep_batch = QPushButton()
        self.keep_batch.setObjectName("keepBatch")
        self.keep_batch.clicked.connect(lambda: self.settle("batch"))
        return [self.keep_hq, self.keep_batch]

    def _match_buttons(self) -> list[QPushButton]:
        self.review_button = QPushButton()
        self.review_button.setObjectName("reviewMatch")
        self.review_button.clicked.connect(self.review_selected)
        self.open_found = QPushButton()
        self.open_found.clicked.connect(lambda: self._open_side(0))
        self.open_missing = QPushButton()
        self.open_missing.clicked.connect(lambda: self._open_side(1))
        return [self.review_button, self.open_found, self.open_missing]

    # --- loading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        app, user = self.desk.app, self.desk.user

        def work(_token: CancelToken) -> Overview:
            return (
                hq.station_overview(app, user),
                hq.conflicts(app, user),
                hq.cross_matches(app, user),
            )

        self.task = self.desk.run(self, self.tr("Loading…"), work, self._show)

    def _show(self, overview: Overview) -> None:
        stations, conflicts, matches = overview
        self.stations.fill(self._station_headers(), station_rows(stations, self._words()))
        self.conflicts.fill(self._conflict_headers(), conflict_rows(conflicts))
        self.matches.fill(self._match_headers(), match_rows(matches))
        gaps = sum(1 for s in stations if s.gaps)
        self.status.setText(
            self.tr("%1 station(s), %2 with missing batches; %3 conflict(s); %4 match(es)")
            .replace("%1", str(len(stations)))
            .replace("%2", str(gaps))
            .replace("%3", str(len(conflicts)))
            .replace("%4", str(len(matches)))
        )

    # --- actions -----------------------------------------------------------------------------

    def choose_and_import(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import station batches"), "", self.tr("Batches (*.muskaan-batch)")
        )
        if names:
            self.import_files([Path(n) for n in names])

    def import_files(self, paths: list[Path]) -> None:
        app, user = self.desk.app, self.desk.user

        def work(token: CancelToken) -> ImportOutcome:
            return [_import_one(app, user, path, token) for path in paths]

        label = self.tr("Importing %1 batch(es)…").replace("%1", str(len(paths)))
        self.task = self.desk.run(self, label, work, self._imported, self._import_failed)

    def _imported(self, outcome: ImportOutcome) -> None:
        self.last_outcome = outcome
        refused = [o for o in outcome if isinstance(o, BatchRejected)]
        lines: list[str] = []
        for item in outcome:
            lines.extend([str(item)] if isinstance(item, BatchRejected) else item.summary())
        title = self.tr("Batches imported") if not refused else self.tr("Some batches refused")
        text = (
            self.tr("%1 of %2 batch(es) imported; %3 refused (nothing written from those).")
            .replace("%1", str(len(outcome) - len(refused)))
            .replace("%2", str(len(outcome)))
            .replace("%3", str(len(refused)))
        )
        icon = QMessageBox.Icon.Warning if refused else QMessageBox.Icon.Information
        show_message(self, title, text, icon, "\n".join(lines))
        self.refresh()

    def _import_failed(self, error: BaseException) -> None:
        if isinstance(error, Cancelled):
            show_message(
                self,
                self.tr("Import cancelled"),
                self.tr("The import was cancelled; the batch being read was not merged."),
                QMessageBox.Icon.Information,
            )
        else:
            from station_app.ui.error_dialogs import show_error

            show_error(self, error)
        self.refresh()

    def settle(self, keep: str) -> None:
        conflict_id = self.conflicts.selected_key()
        if not isinstance(conflict_id, str):
            return
        app, user = self.desk.app, self.desk.user

        def work(_token: CancelToken) -> ConflictInfo:
            return hq.settle_conflict(app, user, conflict_id, "batch" if keep == "batch" else "hq")

        self.task = self.desk.run(self, self.tr("Settling…"), work, lambda _i: self.refresh())

    def review_selected(self) -> None:
        pair = self.matches.selected_key()
        if isinstance(pair, tuple | list) and len(pair) == 2:
            self.review_requested.emit(str(pair[0]), str(pair[1]))

    def _open_side(self, side: int) -> None:
        pair = self.matches.selected_key()
        if isinstance(pair, tuple | list) and len(pair) == 2:
            self.open_record.emit(str(pair[side]))

    # --- words -------------------------------------------------------------------------------

    def _words(self) -> dict[str, str]:
        return {"missing": self.tr("missing:"), "no key": self.tr("no trusted key")}

    def _station_headers(self) -> list[str]:
        return [
            self.tr("Code"),
            self.tr("Station"),
            self.tr("Last batch"),
            self.tr("Received"),
            self.tr("Covers until"),
            self.tr("Gap"),
            self.tr("Conflicts"),
            self.tr("Matches to review"),
            self.tr("Key fingerprint"),
        ]

    def _conflict_headers(self) -> list[str]:
        return [
            self.tr("Station"),
            self.tr("Record"),
            self.tr("Version"),
            self.tr("Differs (HQ / batch)"),
            self.tr("Found"),
        ]

    def _match_headers(self) -> list[str]:
        return [
            self.tr("Label"),
            self.tr("Score"),
            self.tr("Found child"),
            self.tr("Found at"),
            self.tr("Complaint"),
            self.tr("Complaint at"),
            self.tr("Since"),
        ]

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("District HQ"))
        self.tabs.setTabText(0, self.tr("Stations"))
        self.tabs.setTabText(1, self.tr("Conflicts"))
        self.tabs.setTabText(2, self.tr("Cross-station matches"))
        self.import_button.setText(self.tr("&Import station batches…"))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.keep_hq.setText(self.tr("Keep HQ's copy"))
        self.keep_batch.setText(self.tr("Take the batch's copy"))
        self.review_button.setText(self.tr("Review the pair"))
        self.open_found.setText(self.tr("Open the found child"))
        self.open_missing.setText(self.tr("Open the complaint"))
        self.stations.setHorizontalHeaderLabels(self._station_headers())
        self.conflicts.setHorizontalHeaderLabels(self._conflict_headers())
        self.matches.setHorizontalHeaderLabels(self._match_headers())
