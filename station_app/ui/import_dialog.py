"""Importing a register file from the GUI: the same import_file service as the CLI.

It runs on the database worker with a progress dialog whose Cancel stops it; the
service writes everything or nothing, so a cancelled or failed import leaves the
registers as they were. If lines are bad, every problem is listed with its line.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station_app.errors import Cancelled, InvalidInput, Problem
from station_app.importing.service import ImportReport, import_file
from station_app.ui.desk import Desk
from station_app.ui.error_dialogs import show_error, show_message
from station_app.ui.labels import field_label
from station_app.ui.messages import sentence
from station_app.ui.tasks import CancelToken, Task


class ProblemsDialog(QDialog):
    """The lines of a file that stopped its import: line, register no., field, reason."""

    def __init__(self, path: Path, problems: list[Problem], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("importProblems")
        self._path = path
        self.problems = problems
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableWidget(len(problems), 4)
        self.table.setObjectName("problemsTable")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(860, 520)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import stopped: problems in the file"))
        self.intro.setText(
            self.tr(
                "Nothing was imported from %1. Correct these lines in the file and import it again."
            ).replace("%1", self._path.name)
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("Line"), field_label("ref"), self.tr("Field"), self.tr("Problem")]
        )
        for row, problem in enumerate(self.problems):
            cells = (
                "" if problem.line is None else str(problem.line),
                problem.ref,
                field_label(problem.field) if problem.field else "",
                sentence(problem.message),
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))


class ImportController(QObject):
    """Asks for a file, runs the import, and reports how it went."""

    def __init__(self, desk: Desk, parent: QWidget, on_imported: Callable[[], None]) -> None:
        super().__init__(parent)
        self._desk = desk
        self._parent = parent
        self._on_imported = on_imported
        self.problems_dialog: ProblemsDialog | None = None
        self.task: Task[ImportReport] | None = None

    def choose_and_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self._parent,
            self.tr("Import a register file"),
            "",
            self.tr("Register files (*.jsonl *.csv)"),
        )
        if name:
            self.start(Path(name))

    def start(self, path: Path) -> Task[ImportReport]:
        app, user = self._desk.app, self._desk.user

        def work(token: CancelToken) -> ImportReport:
            return import_file(
                app, user, path, progress=token.report, should_cancel=token.is_cancelled
            )

        label = self.tr("Importing %1…").replace("%1", path.name)
        self.task = self._desk.run(
            self._parent, label, work, self._imported, lambda e: self._failed(path, e)
        )
        return self.task

    def _imported(self, report: ImportReport) -> None:
        if report.photos_added:
            self._desk.analyse_new_photos()
        text = (
            self.tr("Imported %1 record(s): %2 new, %3 updated, %4 unchanged, %5 photo(s) added.")
            .replace("%1", str(report.records))
            .replace("%2", str(report.created))
            .replace("%3", str(report.updated))
            .replace("%4", str(report.unchanged))
            .replace("%5", str(report.photos_added))
        )
        warnings = "\n".join(str(w) for w in report.warnings[:30])
        show_message(
            self._parent, self.tr("Import finished"), text, QMessageBox.Icon.Information, warnings
        )
        self._on_imported()

    def _failed(self, path: Path, error: BaseException) -> None:
        if isinstance(error, InvalidInput):
            self.problems_dialog = ProblemsDialog(path, error.problems, self._parent)
            self.problems_dialog.open()
        elif isinstance(error, Cancelled):
            show_message(
                self._parent,
                self.tr("Import cancelled"),
                self.tr("The import was cancelled. Nothing was changed."),
                QMessageBox.Icon.Information,
            )
        else:
            show_error(self._parent, error)
