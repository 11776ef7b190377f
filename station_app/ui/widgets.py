"""Small input widgets the forms and filters share: optional dates, choices, data labels."""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from datetime import date, datetime, time
from typing import Generic, TypeVar

from PySide6.QtCore import QDate, QDateTime, QEvent, QObject, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QWidget,
)

from station_app.ui.i18n import translate
from station_app.ui.labels import DATE_FORMAT, DATETIME_FORMAT, choice_label

W = TypeVar("W", bound=QWidget)
E = TypeVar("E", bound=enum.Enum)
DATA_PROPERTY = "showsData"
_BLANK = QDateTime(QDate(1900, 1, 1), QTime(0, 0))


def mark_data(widget: W) -> W:
    """Mark a widget as showing the officer's data (names, numbers), not program text."""
    widget.setProperty(DATA_PROPERTY, True)
    return widget


def push_button(name: str, slot: Callable[[], object]) -> QPushButton:
    """A button with an object name (tests and style sheets find it) that calls `slot`."""
    button = QPushButton()
    button.setObjectName(name)
    button.clicked.connect(slot)
    return button


class ErrorLabel(QLabel):
    """A field's problem, shown beside it in red; hidden while there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "error")
        self.setWordWrap(True)
        self.hide()

    def show_problem(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


class DateField(QWidget):
    """A date (or date and time) that may be left blank, with a calendar popup.

    Blank is shown as a dash; the × button blanks it again. The popup opens on the
    current month when the field is blank.
    """

    changed = Signal()

    def __init__(self, with_time: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.with_time = with_time
        self.edit = QDateTimeEdit()
        self.edit.setDisplayFormat(DATETIME_FORMAT if with_time else DATE_FORMAT)
        self.edit.setCalendarPopup(True)
        self.edit.setMinimumDateTime(_BLANK)
        self.edit.setSpecialValueText("—")
        self.edit.setDateTime(_BLANK)
        self.edit.dateTimeChanged.connect(self._changed)
        calendar = self.edit.calendarWidget()
        calendar.installEventFilter(self)
        self.clear_button = QToolButton()
        self.clear_button.setText("×")
        self.clear_button.setAutoRaise(True)
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.clear_button.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.clear_button)
        self.setFocusProxy(self.edit)
        self._sync_clear()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Show and self.is_blank():
            today = QDate.currentDate()
            self.edit.calendarWidget().setCurrentPage(today.year(), today.month())
        return False

    def is_blank(self) -> bool:
        return self.edit.dateTime() <= _BLANK

    def clear(self) -> None:
        self.edit.setDateTime(_BLANK)

    def value(self) -> datetime | date | None:
        if self.is_blank():
            return None
        moment = self.edit.dateTime().toPython()
        assert isinstance(moment, datetime)
        return moment.replace(second=0, microsecond=0) if self.with_time else moment.date()

    def datetime_value(self) -> datetime | None:
        value = self.value()
        if value is None or isinstance(value, datetime):
            return value
        return datetime.combine(value, time.min)

    def date_value(self) -> date | None:
        value = self.value()
        return value.date() if isinstance(value, datetime) else value

    def set_value(self, value: date | datetime | None) -> None:
        if value is None:
            self.clear()
        elif isinstance(value, datetime):
            self.edit.setDateTime(QDateTime(value))
        else:
            self.edit.setDateTime(QDateTime(QDate(value), QTime(0, 0)))

    def _changed(self) -> None:
        self._sync_clear()
        self.changed.emit()

    def _sync_clear(self) -> None:
        self.clear_button.setEnabled(not self.is_blank())


class ChoiceBox(QComboBox, Generic[E]):
    """A drop-down of an enum's values, shown translated; optionally with a blank first."""

    def __init__(
        self,
        values: Sequence[E],
        blank: bool = False,
        blank_label: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._blank_label = blank_label
        self._values: list[E | None] = [None, *values] if blank else list(values)
        for _ in self._values:
            self.addItem("")
        self.retranslate()

    def retranslate(self) -> None:
        for index, value in enumerate(self._values):
            if value is not None:
                self.setItemText(index, choice_label(value))
            else:
                label = self._blank_label
                self.setItemText(index, translate("Choices", label) if label else "—")

    def value(self) -> E | None:
        return self._values[self.currentIndex()] if self.currentIndex() >= 0 else None

    def set_value(self, value: E | None) -> None:
        if value in self._values:
            self.setCurrentIndex(self._values.index(value))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
