"""A register as a Qt table: rows fetched a page at a time, never the whole register.

The model knows how many rows the query has (one COUNT) and keeps at most MAX_PAGES
pages of PAGE_SIZE rows, fetched on the serial database worker when the view asks
for a row it lacks. Until a page arrives its rows show an ellipsis. Page requests
are gathered for a moment and only the pages still wanted are fetched, with at most
MAX_IN_FLIGHT at a time, so dragging the scroll bar across 100,000 rows queues
nothing the officer has already scrolled past. A new query or sort bumps a
generation number; a page of an older generation is dropped on arrival.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QPixmap

from station_app.domain import Kind, RegisterRow
from station_app.services.listing import (
    RegisterQuery,
    count_register,
    fetch_rows,
    list_register,
)
from station_app.ui.desk import Desk
from station_app.ui.labels import age_text, choice_label, date_text, field_label, status_label
from station_app.ui.thumbnails import ThumbnailCache

PAGE_SIZE = 100
MAX_PAGES = 40
MAX_IN_FLIGHT = 2
GATHER_MS = 15
KEEP_WANTED = 4
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    sort_key: str | None


COLUMNS = (
    Column("photo", None),
    Column("case_number", "case_number"),
    Column("ref", "ref"),
    Column("name", "name"),
    Column("sex", "sex"),
    Column("age", "age"),
    Column("status", "status"),
    Column("event_at", "event_at"),
    Column("place", "place"),
    Column("registered_at", "registered_at"),
)


def column_index(key: str) -> int:
    return next(i for i, column in enumerate(COLUMNS) if column.key == key)


_EVENT_LABELS = {
    Kind.MISSING: ("last_seen_at", "last_seen_place"),
    Kind.FOUND: ("found_at", "found_place"),
}


@dataclass(frozen=True, slots=True)
class FirstScreen:
    count: int
    rows: list[RegisterRow]
    query_ms: float


class RegisterModel(QAbstractTableModel):
    """Rows of one register for one RegisterQuery, paged in from the database."""

    loaded = Signal()
    counted = Signal()
    page_loaded = Signal(int)

    def __init__(self, desk: Desk, kind: Kind, thumbnails: ThumbnailCache) -> None:
        super().__init__()
        self._desk = desk
        self.kind = kind
        self.query = RegisterQuery(kind=kind)
        self._thumbs = thumbnails
        self._count = 0
        self._pages: OrderedDict[int, list[RegisterRow]] = OrderedDict()
        self._wanted: list[int] = []
        self._in_flight: set[int] = set()
        self._generation = 0
        self._loading = False
        self._counting = False
        self.query_times_ms: list[float] = []
        self._gather = QTimer(self)
        self._gather.setSingleShot(True)
        self._gather.setInterval(GATHER_MS)
        self._gather.timeout.connect(self._fetch_wanted)
        thumbnails.ready.connect(self._thumbnail_ready)

    # -- queries ------------------------------------------------------------------------

    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def counting(self) -> bool:
        return self._counting

    def set_query(self, query: RegisterQuery) -> None:
        """Show the rows of `query` (same kind): count them and fetch the first page."""
        self.query = replace(query, kind=self.kind)
        self.refresh()

    def refresh(self) -> None:
        """Fetch the first page and show it; count the rows after, in a second query.

        The first page of a search comes fast (the index gives the newest rows first and
        the search stops at a page), while counting means reading every match: so the
        rows show at once and the scroll bar grows to its full length when counted.
        """
        self._generation += 1
        generation = self._generation
        query = self.query
        app, user = self._desk.app, self._desk.user
        self._loading = True
        self._counting = True

        def work() -> FirstScreen:
            started = time.perf_counter()
            rows = list_register(app, user, query, 0, PAGE_SIZE)
            return FirstScreen(len(rows), rows, (time.perf_counter() - started) * 1000)

        self._desk.tasks.run_db(work, lambda result: self._first_screen(generation, result))

    def _first_screen(self, generation: int, result: FirstScreen) -> None:
        if generation != self._generation:
            return
        self.query_times_ms.append(result.query_ms)
        self.beginResetModel()
        self._count = result.count
        self._pages.clear()
        self._wanted.clear()
        self._in_flight.clear()
        self._pages[0] = result.rows
        self._loading = False
        self._counting = result.count >= PAGE_SIZE
        self.endResetModel()
        self.loaded.emit()
        if self._counting:
            self._count_all(generation)
        else:
            self.counted.emit()

    def _count_all(self, generation: int) -> None:
        query = self.query
        app, user = self._desk.app, self._desk.user

        def work() -> int:
            if generation != self._generation:
                return -1  # superseded while waiting for the worker: skip the query
            return count_register(app, user, query)

        self._desk.tasks.run_db(work, lambda count: self._counted(generation, count))

    def _counted(self, generation: int, count: int) -> None:
        if generation != self._generation:
            return
        self._counting = False
        if count > self._count:
            self.beginInsertRows(QModelIndex(), self._count, count - 1)
            self._count = count
            self.endInsertRows()
        self.counted.emit()

    def _fetch_wanted(self) -> None:
        while self._wanted and len(self._in_flight) < MAX_IN_FLIGHT:
            page = self._wanted.pop()
            if page in self._pages or page in self._in_flight:
                continue
            self._fetch_page(page)
        del self._wanted[:-KEEP_WANTED]

    def _fetch_page(self, page: int) -> None:
        self._in_flight.add(page)
        generation = self._generation
        query = self.query
        app = self._desk.app

        def work() -> tuple[list[RegisterRow], float]:
            if generation != self._generation:
                return [], 0.0  # superseded while waiting for the worker: skip the query
            started = time.perf_counter()
            with app.db.read_session() as session:
                rows = fetch_rows(session, app.photos, query, page * PAGE_SIZE, PAGE_SIZE)
            return rows, (time.perf_counter() - started) * 1000

        def done(result: tuple[list[RegisterRow], float]) -> None:
            if generation != self._generation:
                return
            rows, elapsed = result
            self.query_times_ms.append(elapsed)
            self._in_flight.discard(page)
            self._store_page(page, rows)

        def finished() -> None:
            if generation == self._generation:
                self._in_flight.discard(page)
                if self._wanted:
                    self._gather.start()

        self._desk.tasks.run_db(work, done, on_finally=finished)

    def _store_page(self, page: int, rows: list[RegisterRow]) -> None:
        self._pages[page] = rows
        self._pages.move_to_end(page)
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        first = page * PAGE_SIZE
        last = min(first + PAGE_SIZE, self._count) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))
        self.page_loaded.emit(page)

    # -- rows ---------------------------------------------------------------------------

    def row_at(self, row: int) -> RegisterRow | None:
        """The row if its page is here; else None, and the page is asked for."""
        if not 0 <= row < self._count:
            return None
        page, offset = divmod(row, PAGE_SIZE)
        rows = self._pages.get(page)
        if rows is None:
            if page not in self._in_flight and page not in self._wanted:
                self._wanted.append(page)
                self._gather.start()
            return None
        self._pages.move_to_end(page)
        return rows[offset] if offset < len(rows) else None

    def cached_pages(self) -> int:
        return len(self._pages)

    # -- Qt model interface ---------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = COLUMNS[index.column()]
        row = self.row_at(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            if row is None:
                return "…" if column.key == "name" else ""
            return self._display(row, column.key)
        if role == Qt.ItemDataRole.DecorationRole and column.key == "photo" and row is not None:
            return self._thumbnail(row)
        if role == Qt.ItemDataRole.ToolTipRole and row is not None and column.key == "name":
            return row.name
        if role == Qt.ItemDataRole.TextAlignmentRole and column.key == "age":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: RegisterRow, key: str) -> str:
        if key == "photo":
            return ""
        if key == "sex":
            return choice_label(row.sex)
        if key == "age":
            return age_text(row)
        if key == "status":
            return status_label(row.kind, row.status)
        if key in ("event_at", "registered_at"):
            return date_text(getattr(row, key))
        return str(getattr(row, key) or "")

    def _thumbnail(self, row: RegisterRow) -> QPixmap | None:
        if not row.thumbnail_path:
            return None
        return self._thumbs.get(row.thumbnail_path)

    def _thumbnail_ready(self, path: str) -> None:
        for page, rows in self._pages.items():
            for offset, row in enumerate(rows):
                if row.thumbnail_path == path:
                    index = self.index(page * PAGE_SIZE + offset, 0)
                    self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    def headerData(  # noqa: N802 - Qt's name
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        key = COLUMNS[section].key
        event, place = _EVENT_LABELS[self.kind]
        names = {"event_at": event, "place": place}
        return field_label(names.get(key, key))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column].sort_key
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if key == self.query.sort and descending == self.query.descending:
            return
        self.set_query(replace(self.query, sort=key, descending=descending))

    def retranslate(self) -> None:
        """Labels of headers and of choice values follow the language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._count:
            last = self.index(self._count - 1, len(COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)
