"""The search box and filters above a register: they build a RegisterQuery, nothing more.

The search text is matched by the listing service against names in either script,
register no., case no., place and district. Typing waits a moment before searching,
so a query runs once per pause, not once per key.
"""

from __future__ import annotations

from dataclasses import replace
from enum import StrEnum

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from station_app.domain import FoundStatus, Kind, MissingStatus, Sex
from station_app.services.listing import RegisterQuery
from station_app.ui.i18n import QT_TRANSLATE_NOOP
from station_app.ui.labels import field_label
from station_app.ui.widgets import ChoiceBox, DateField

TYPING_PAUSE_MS = 300
ANY = QT_TRANSLATE_NOOP("Choices", "All")


class AgeBox(QSpinBox):
    """An age bound; the lowest value means 'any'."""

    def __init__(self) -> None:
        super().__init__()
        self.setRange(-1, 120)
        self.setValue(-1)
        self.setSpecialValueText("—")
        self.setAccelerated(True)

    def bound(self) -> float | None:
        return None if self.value() < 0 else float(self.value())


class FilterBar(QWidget):
    changed = Signal()

    def __init__(self, kind: Kind) -> None:
        super().__init__()
        self.kind = kind
        self.search = QLineEdit()
        self.search.setObjectName("searchBox")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._typed)
        statuses: list[StrEnum] = list(MissingStatus if kind is Kind.MISSING else FoundStatus)
        self.status: ChoiceBox[StrEnum] = ChoiceBox(statuses, blank=True, blank_label=ANY)
        self.status.setObjectName("statusFilter")
        self.sex: ChoiceBox[Sex] = ChoiceBox(list(Sex), blank=True, blank_label=ANY)
        self.sex.setObjectName("sexFilter")
        self.age_from = AgeBox()
        self.age_to = AgeBox()
        self.date_from = DateField(with_time=False)
        self.date_to = DateField(with_time=False)
        self.clear_button = QPushButton()
        self.clear_button.setObjectName("clearFilters")
        self.clear_button.clicked.connect(self.clear)
        names = ("search", "status", "sex", "age", "to", "dates", "to2")
        self.labels = {key: QLabel() for key in names}
        self.labels["search"].setBuddy(self.search)
        self.labels["status"].setBuddy(self.status)
        self.labels["sex"].setBuddy(self.sex)
        self.labels["age"].setBuddy(self.age_from)
        self.labels["dates"].setBuddy(self.date_from)
        for box in (self.status, self.sex):
            box.currentIndexChanged.connect(self._emit)
        for spin in (self.age_from, self.age_to):
            spin.valueChanged.connect(self._emit)
        for field in (self.date_from, self.date_to):
            field.changed.connect(self._emit)
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(TYPING_PAUSE_MS)
        self._pause.timeout.connect(self._emit)
        self._layout()
        self.retranslate()

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.labels["search"])
        top.addWidget(self.search, 1)
        top.addWidget(self.clear_button)
        bottom = QHBoxLayout()
        for widget in (
            self.labels["status"],
            self.status,
            self.labels["sex"],
            self.sex,
            self.labels["age"],
            self.age_from,
            self.labels["to"],
            self.age_to,
            self.labels["dates"],
            self.date_from,
            self.labels["to2"],
            self.date_to,
        ):
            bottom.addWidget(widget)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(bottom)

    def query(self, base: RegisterQuery) -> RegisterQuery:
        """`base` (its sort order) with this bar's search and filters."""
        return replace(
            base,
            text=self.search.text().strip(),
            status=status.value if (status := self.status.value()) else None,
            sex=self.sex.value(),
            age_from=self.age_from.bound(),
            age_to=self.age_to.bound(),
            date_from=self.date_from.date_value(),
            date_to=self.date_to.date_value(),
        )

    def clear(self) -> None:
        self.blockSignals(True)
        try:
            self.search.clear()
            self.status.setCurrentIndex(0)
            self.sex.setCurrentIndex(0)
            self.age_from.setValue(-1)
            self.age_to.setValue(-1)
            self.date_from.clear()
            self.date_to.clear()
        finally:
            self.blockSignals(False)
        self._pause.stop()
        self._emit()

    def search_now(self) -> None:
        """Run the search without waiting for the typing pause (Enter in the box)."""
        self._pause.stop()
        self._emit()

    def _typed(self) -> None:
        self._pause.start()

    def _emit(self) -> None:
        self.changed.emit()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.labels["search"].setText(self.tr("&Find:"))
        self.search.setPlaceholderText(
            self.tr("Name (in Hindi or English letters), register no., case no. or place")
        )
        self.clear_button.setText(self.tr("Clear filters"))
        self.labels["status"].setText(field_label("status") + ":")
        self.labels["sex"].setText(field_label("sex") + ":")
        self.labels["age"].setText(self.tr("Age from"))
        self.labels["to"].setText(self.tr("to"))
        self.labels["to2"].setText(self.tr("to"))
        self.labels["dates"].setText(
            self.tr("Last seen from") if self.kind is Kind.MISSING else self.tr("Found from")
        )
