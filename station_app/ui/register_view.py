"""One register on screen: filters, the paged table, and how many rows match."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from station_app.domain import Kind, RegisterRow
from station_app.ui.desk import Desk
from station_app.ui.filters import FilterBar
from station_app.ui.register_model import COLUMNS, RegisterModel, column_index
from station_app.ui.thumbnails import THUMB_SIZE, ThumbnailCache

ROW_HEIGHT = 50
_WIDTHS = {
    "photo": 56,
    "case_number": 170,
    "ref": 120,
    "name": 210,
    "sex": 80,
    "age": 55,
    "status": 130,
    "event_at": 130,
    "registered_at": 150,
}


class RegisterView(QWidget):
    open_record = Signal(str)

    def __init__(self, desk: Desk, kind: Kind, thumbnails: ThumbnailCache) -> None:
        super().__init__()
        self.kind = kind
        self.setObjectName(f"{kind.value}Register")
        self.filters = FilterBar(kind)
        self.filters.changed.connect(self._filters_changed)
        self.filters.search.returnPressed.connect(self.filters.search_now)
        self.model = RegisterModel(desk, kind, thumbnails)
        self.model.loaded.connect(self._loaded)
        self.model.counted.connect(self.retranslate)
        self.table = QTableView()
        self.table.setObjectName(f"{kind.value}Table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setIconSize(THUMB_SIZE)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vertical = self.table.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(ROW_HEIGHT)
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(column_index("registered_at"), Qt.SortOrder.DescendingOrder)
        header.sortIndicatorChanged.connect(self.model.sort)
        header.setStretchLastSection(False)
        for index, column in enumerate(COLUMNS):
            if column.key in _WIDTHS:
                header.resizeSection(index, _WIDTHS[column.key])
        header.setSectionResizeMode(column_index("place"), QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._activated)
        self.table.installEventFilter(self)
        self.summary = QLabel()
        self.summary.setObjectName("registerSummary")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addWidget(self.filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        self.retranslate()

    def load(self) -> None:
        self.model.set_query(self.filters.query(self.model.query))

    def selected_row(self) -> RegisterRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _filters_changed(self) -> None:
        self.model.set_query(self.filters.query(self.model.query))

    def _activated(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row is not None:
            self.open_record.emit(row.id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (
            watched is self.table
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._activated(self.table.currentIndex())
            return True
        return False

    def _loaded(self) -> None:
        self.retranslate()
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.model.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        count = self.model.rowCount()
        if self.model.loading and not count:
            self.summary.setText(self.tr("Loading…"))
        elif count == 0:
            self.summary.setText(self.tr("No child matches this search."))
        elif self.model.counting:
            self.summary.setText(self.tr("Counting the records…"))
        else:
            self.summary.setText(self.tr("%n record(s)", "", count))
