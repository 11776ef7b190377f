"""The three tables of the HQ screen: stations, conflicts to settle, cross-station matches.

Each is a read-only QTableWidget filled from plain values the HQ services return; the row
keeps the id it stands for, so a button acting on the selection needs no lookup.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from station_app.services.hq import ConflictInfo, CrossMatchInfo, StationStatus

ID_ROLE = Qt.ItemDataRole.UserRole


def _when(moment: datetime | None) -> str:
    return f"{moment:%Y-%m-%d %H:%M}" if moment else ""


class HqTable(QTableWidget):
    def __init__(self, name: str) -> None:
        super().__init__(0, 0)
        self.setObjectName(name)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setStretchLastSection(True)

    def fill(self, headers: Sequence[str], rows: Sequence[tuple[object, Sequence[str]]]) -> None:
        self.clear()
        self.setColumnCount(len(headers))
        self.setHorizontalHeaderLabels(list(headers))
        self.setRowCount(len(rows))
        for row, (key, cells) in enumerate(rows):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, key)
                self.setItem(row, column, item)
        self.horizontalHeader().resizeSections(QHeaderView.ResizeMode.ResizeToContents)

    def selected_key(self) -> object | None:
        items = self.selectedItems()
        return items[0].data(ID_ROLE) if items else None


def station_rows(
    stations: Sequence[StationStatus], words: dict[str, str]
) -> list[tuple[object, list[str]]]:
    rows: list[tuple[object, list[str]]] = []
    for s in stations:
        gaps = ", ".join(map(str, s.gaps))
        rows.append(
            (
                s.code,
                [
                    s.code,
                    s.name,
                    "" if s.last_sequence is None else str(s.last_sequence),
                    _when(s.last_received_at),
                    _when(s.last_period_to),
                    (words["missing"] + " " + gaps) if gaps else "",
                    str(s.open_conflicts),
                    str(s.pending_matches),
                    s.key_fingerprint or words["no key"],
                ],
            )
        )
    return rows


def conflict_rows(conflicts: Sequence[ConflictInfo]) -> list[tuple[object, list[str]]]:
    return [
        (
            c.id,
            [
                c.station_code,
                c.label,
                str(c.version),
                "; ".join(f"{f.name}: {f.hq_value!s} / {f.batch_value!s}" for f in c.fields),
                _when(c.detected_at),
            ],
        )
        for c in conflicts
    ]


def match_rows(matches: Sequence[CrossMatchInfo]) -> list[tuple[object, list[str]]]:
    return [
        (
            (m.found_id, m.missing_id),
            [
                m.label,
                f"{m.score:.2f}",
                f"{m.found_case_number} {m.found_name}".strip(),
                m.found_station,
                f"{m.missing_case_number} {m.missing_name}".strip(),
                m.missing_station,
                _when(m.created_at),
            ],
        )
        for m in matches
    ]
