"""Issuing a handover certificate (सुपुर्दगीनामा) when a child goes home.

The officer enters who receives the child, the identity document shown, the witnesses
and any Child Welfare Committee order; the service issues the certificate in one
transaction (complaint traced, found record restored, audit) and the print preview
opens with both copies. Nothing here decides anything: the service checks it all.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from station_app.documents.certificate import Officer, Receiver, Witness
from station_app.documents.handover_request import HandoverRequest
from station_app.documents.vocabulary import ID_DOCUMENTS
from station_app.services import handover
from station_app.services.handover import PrintedDocument
from station_app.ui.desk import Desk
from station_app.ui.error_dialogs import show_error
from station_app.ui.print_preview import DocumentPrinting


class HandoverDialog(QDialog):
    """The facts of one handover; OK issues the certificate and shows it for printing."""

    def __init__(self, desk: Desk, missing_ref: str, found_ref: str = "",
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("handoverDialog")
        self._desk = desk
        self.missing_ref = missing_ref
        self.found_ref = found_ref
        self.printing = DocumentPrinting(desk, parent or self)
        self.issued: PrintedDocument | None = None
        user = desk.user
        self.receiver_name = QLineEdit()
        self.receiver_relation = QLineEdit()
        self.id_type = QComboBox()
        for kind, (hindi, english) in ID_DOCUMENTS.items():
            self.id_type.addItem(f"{english} / {hindi}", kind)
        self.id_number = QLineEdit()
        self.receiver_address = QLineEdit()
        self.receiver_phone = QLineEdit()
        self.witnesses = [QLineEdit(), QLineEdit()]
        self.officer_name = QLineEdit(user.full_name)
        self.officer_rank = QLineEdit(user.rank)
        self.officer_number = QLineEdit(user.badge_number)
        self.cwc_number = QLineEdit()
        self.cwc_date = QDateEdit()
        self.cwc_date.setCalendarPopup(True)
        self.cwc_date.setSpecialValueText(" ")
        self.cwc_date.setMinimumDate(QDate(2000, 1, 1))
        self.cwc_date.setDate(self.cwc_date.minimumDate())
        self.handed_over_at = QDateTimeEdit(QDateTime.currentDateTime())
        self.handed_over_at.setCalendarPopup(True)
        self.place = QLineEdit()
        self.problems = QLabel()
        self.problems.setObjectName("problems")
        self.problems.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.issue)
        self.buttons.rejected.connect(self.reject)
        self.receiver_box, receiver = self._form()
        self.officer_box, officer = self._form()
        self.papers_box, papers = self._form()
        self._rows: list[tuple[QFormLayout, QWidget, str]] = [
            (receiver, self.receiver_name, "Name"),
            (receiver, self.receiver_relation, "Relation to the child"),
            (receiver, self.id_type, "Identity document"),
            (receiver, self.id_number, "Document number"),
            (receiver, self.receiver_address, "Address"),
            (receiver, self.receiver_phone, "Phone"),
            (officer, self.officer_name, "Officer handing over"),
            (officer, self.officer_rank, "Rank"),
            (officer, self.officer_number, "Number"),
            (officer, self.witnesses[0], "First witness"),
            (officer, self.witnesses[1], "Second witness"),
            (papers, self.cwc_number, "CWC order number"),
            (papers, self.cwc_date, "CWC order date"),
            (papers, self.handed_over_at, "Date and time"),
            (papers, self.place, "Place"),
        ]
        self._labels: list[QLabel] = []
        for form, widget, _text in self._rows:
            label = QLabel()
            label.setBuddy(widget)
            form.addRow(label, widget)
            self._labels.append(label)
        layout = QVBoxLayout(self)
        for box in (self.receiver_box, self.officer_box, self.papers_box):
            layout.addWidget(box)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        self.receiver_name.setFocus()
        self.retranslate()

    @staticmethod
    def _form() -> tuple[QGroupBox, QFormLayout]:
        box = QGroupBox()
        return box, QFormLayout(box)

    def request(self) -> HandoverRequest:
        cwc = self.cwc_date.date()
        moment = self.handed_over_at.dateTime().toPython()
        assert isinstance(moment, datetime)
        return HandoverRequest(
            missing_ref=self.missing_ref,
            found_ref=self.found_ref,
            receiver=Receiver(
                name=self.receiver_name.text().strip(),
                relation=self.receiver_relation.text().strip(),
                id_type=str(self.id_type.currentData()),
                id_number=self.id_number.text().strip(),
                address=self.receiver_address.text().strip(),
                phone=self.receiver_phone.text().strip(),
            ),
            officer=Officer(
                self.officer_name.text().strip(),
                self.officer_rank.text().strip(),
                self.officer_number.text().strip(),
            ),
            witnesses=tuple(Witness(w.text().strip()) for w in self.witnesses if w.text().strip()),
            cwc_order_number=self.cwc_number.text().strip(),
            cwc_order_date=(
                None
                if cwc == self.cwc_date.minimumDate()
                else date(cwc.year(), cwc.month(), cwc.day())
            ),
            handed_over_at=moment.replace(second=0, microsecond=0),
            place=self.place.text().strip(),
        )

    def issue(self) -> None:
        app, user, request = self._desk.app, self._desk.user, self.request()
        self.buttons.setEnabled(False)
        self._desk.run(
            self,
            self.tr("Issuing the certificate…"),
            lambda _token: handover.issue_handover(app, user, request),
            self._issued,
            self._failed,
        )

    def _issued(self, document: PrintedDocument) -> None:
        self.issued = document
        self.accept()
        self.printing.open_preview(document)

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        problems = getattr(error, "problems", None)
        if problems:
            self.problems.setText("\n".join(str(p) for p in problems))
            return
        show_error(self, error)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Handover certificate for %1").replace("%1", self.missing_ref))
        self.receiver_box.setTitle(self.tr("Person receiving the child"))
        self.officer_box.setTitle(self.tr("Officer and witnesses"))
        self.papers_box.setTitle(self.tr("Orders, date and place"))
        texts = {
            "Name": self.tr("Name"),
            "Relation to the child": self.tr("Relation to the child"),
            "Identity document": self.tr("Identity document"),
            "Document number": self.tr("Document number"),
            "Address": self.tr("Address"),
            "Phone": self.tr("Phone"),
            "Officer handing over": self.tr("Officer handing over"),
            "Rank": self.tr("Rank"),
            "Number": self.tr("Number"),
            "First witness": self.tr("First witness"),
            "Second witness": self.tr("Second witness"),
            "CWC order number": self.tr("CWC order number"),
            "CWC order date": self.tr("CWC order date"),
            "Date and time": self.tr("Date and time"),
            "Place": self.tr("Place"),
        }
        for label, (_form, _widget, text) in zip(self._labels, self._rows, strict=True):
            label.setText(texts[text] + ":")
