"""The audit viewer's filters: user, action, days, record and words."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station_app.services.audit_log import AuditFilter
from station_app.ui.audit_labels import audit_action_label
from station_app.ui.widgets import DateField, ErrorLabel, mark_data


class AuditFilterBar(QWidget):
    """Says `search_requested` when the officer asks for the events the filters let through."""

    search_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.user_filter = mark_data(QComboBox())  # user names are the station's data
        self.user_filter.setObjectName("auditUser")
        self.action_filter = QComboBox()
        self.action_filter.setObjectName("auditAction")
        self.since, self.until = DateField(False), DateField(False)
        self.record_filter = QLineEdit()
        self.record_filter.setObjectName("auditRecord")
        self.text_filter = QLineEdit()
        self.text_filter.setObjectName("auditText")
        self.labels = [QLabel() for _ in range(6)]
        self.search_button = QPushButton()
        self.search_button.setObjectName("auditSearch")
        self.search_button.setDefault(True)
        self.search_button.clicked.connect(self.search_requested)
        self.clear_button = QPushButton()
        self.clear_button.setObjectName("auditClear")
        self.clear_button.clicked.connect(self.clear)
        for edit in (self.record_filter, self.text_filter):
            edit.returnPressed.connect(self.search_requested)
        self.error = ErrorLabel()
        self._lay_out()
        self.retranslate()

    def _inputs(self) -> list[QWidget]:
        return [
            self.user_filter,
            self.action_filter,
            self.since,
            self.until,
            self.record_filter,
            self.text_filter,
        ]

    def _lay_out(self) -> None:
        grid = QGridLayout()
        for index, (label, widget) in enumerate(zip(self.labels, self._inputs(), strict=True)):
            label.setBuddy(widget)
            row, column = divmod(index, 2)
            grid.addWidget(label, row, column * 2)
            grid.addWidget(widget, row, column * 2 + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        buttons = QVBoxLayout()
        buttons.addWidget(self.search_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        top = QHBoxLayout()
        top.addLayout(grid, 1)
        top.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.error)

    def fill_choices(self, choices: tuple[list[str], list[str]]) -> None:
        """The user names and actions found in the log; a choice already made stays."""
        names, actions = choices
        for combo, values, label in (
            (self.user_filter, names, str),
            (self.action_filter, actions, audit_action_label),
        ):
            chosen = combo.currentData()
            while combo.count() > 1:
                combo.removeItem(1)
            for value in values:
                combo.addItem(label(value), value)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))

    def filters(self) -> AuditFilter | None:
        """What the officer chose; None (and said why) if the days are the wrong way round."""
        since, until = self.since.date_value(), self.until.date_value()
        if since and until and since > until:
            self.error.show_problem(self.tr("The first day is after the last day."))
            return None
        self.error.show_problem("")
        return AuditFilter(
            username=str(self.user_filter.currentData() or ""),
            action=str(self.action_filter.currentData() or ""),
            record=self.record_filter.text().strip(),
            since=since,
            until=until,
            text=self.text_filter.text().strip(),
        )

    def clear(self) -> None:
        for combo in (self.user_filter, self.action_filter):
            combo.setCurrentIndex(0)
        for field in (self.since, self.until):
            field.clear()
        for edit in (self.record_filter, self.text_filter):
            edit.clear()
        self.search_requested.emit()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        texts = (
            self.tr("&User:"),
            self.tr("&Action:"),
            self.tr("F&rom day:"),
            self.tr("&To day:"),
            self.tr("Re&cord:"),
            self.tr("&Words:"),
        )
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        for combo, everything in (
            (self.user_filter, self.tr("Everyone")),
            (self.action_filter, self.tr("All actions")),
        ):
            if combo.count() == 0:
                combo.addItem(everything, "")
            combo.setItemText(0, everything)
        for index in range(1, self.action_filter.count()):
            action = str(self.action_filter.itemData(index))
            self.action_filter.setItemText(index, audit_action_label(action))
        self.record_filter.setPlaceholderText(self.tr("Case no., register no. or id"))
        self.text_filter.setPlaceholderText(self.tr("Words in the details"))
        self.search_button.setText(self.tr("&Search"))
        self.clear_button.setText(self.tr("C&lear"))
