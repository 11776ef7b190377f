"""Checking a handover certificate: scan or paste its QR code, or open its PDF or a scan.

A handheld QR scanner types the code into the focused box and presses Enter, so the
box has the focus and Enter checks. The check is the same service the CLI uses, run on
the database worker; the verdict shows in large green or red, with the reason and what
the certificate says.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station_app.documents.verification import Reason, Verdict
from station_app.services import handover
from station_app.ui.desk import Desk
from station_app.ui.i18n import QT_TRANSLATE_NOOP, translate
from station_app.ui.widgets import mark_data

REASONS: dict[Reason, str] = {
    Reason.GENUINE: QT_TRANSLATE_NOOP("Verify", "Issued by %1 (%2); nothing was changed since."),
    Reason.NOT_A_CERTIFICATE: QT_TRANSLATE_NOOP(
        "Verify", "This is not the code of a handover certificate, or it was not read whole."
    ),
    Reason.UNKNOWN_STATION: QT_TRANSLATE_NOOP(
        "Verify", "Station %2 is not known to this database, so its signature cannot be checked."
    ),
    Reason.STATION_HAS_NO_KEY: QT_TRANSLATE_NOOP(
        "Verify", "No signing key of station %2 is on record here."
    ),
    Reason.OTHER_KEY: QT_TRANSLATE_NOOP(
        "Verify", "It is signed with key %3, which is not the key of station %2."
    ),
    Reason.ALTERED: QT_TRANSLATE_NOOP(
        "Verify",
        "The signature does not match the text: a detail was changed after the station "
        "signed it, or the certificate was made by someone else.",
    ),
    Reason.DIFFERS_FROM_REGISTER: QT_TRANSLATE_NOOP(
        "Verify", "This station's register holds certificate %4 with other details."
    ),
}
IN_REGISTER = {
    True: QT_TRANSLATE_NOOP("Verify", "It matches this station's register."),
    False: QT_TRANSLATE_NOOP(
        "Verify",
        "It is not in this station's register: the database may be older than the "
        "certificate (restored from a backup?).",
    ),
}


def reason_text(verdict: Verdict) -> str:
    claim = verdict.claim
    values = (
        verdict.station_name,
        claim.station_code if claim else "",
        claim.key_fingerprint if claim else "",
        claim.number if claim else "",
    )
    text = translate("Verify", REASONS[verdict.reason])
    for index, value in enumerate(values, start=1):
        text = text.replace(f"%{index}", value)
    if verdict.in_register is not None:
        text += " " + translate("Verify", IN_REGISTER[verdict.in_register])
    return text


class VerifyDialog(QDialog):
    """Is this certificate genuine? One code or file at a time, verdict below."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verifyDialog")
        self.desk = desk
        self.verdict: Verdict | None = None
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.code = QLineEdit()
        self.code.setObjectName("qrText")
        self.code.returnPressed.connect(self.check_code)
        self.check_button = QPushButton()
        self.check_button.setObjectName("checkButton")
        self.check_button.clicked.connect(self.check_code)
        self.file_button = QPushButton()
        self.file_button.setObjectName("openFileButton")
        self.file_button.clicked.connect(self.choose_file)
        self.verdict_label = QLabel()
        self.verdict_label.setObjectName("verdict")
        self.reason = QLabel()
        self.reason.setObjectName("verdictReason")
        self.reason.setWordWrap(True)
        self.facts = QFormLayout()
        self.fact_labels: dict[str, QLabel] = {}
        self.fact_values: dict[str, QLabel] = {}
        for key in ("number", "station", "child", "receiver", "when", "key"):
            self.fact_labels[key] = QLabel()
            self.fact_values[key] = mark_data(QLabel())
            self.fact_values[key].setObjectName(f"fact_{key}")
            self.facts.addRow(self.fact_labels[key], self.fact_values[key])
        self._layout()
        self.resize(640, 460)
        self.retranslate()
        self.show_verdict(None)
        self.code.setFocus()

    def _layout(self) -> None:
        entry = QHBoxLayout()
        entry.addWidget(self.code, 1)
        entry.addWidget(self.check_button)
        entry.addWidget(self.file_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(entry)
        layout.addSpacing(12)
        layout.addWidget(self.verdict_label)
        layout.addWidget(self.reason)
        layout.addLayout(self.facts)
        layout.addStretch(1)
        layout.addWidget(buttons)

    # -- checking --------------------------------------------------------------------------

    def check_code(self) -> None:
        text = self.code.text().strip()
        if not text:
            return
        app, user = self.desk.app, self.desk.user
        self.desk.run(
            self,
            self.tr("Checking the certificate…"),
            lambda _token: handover.verify_text(app, user, text),
            self.show_verdict,
        )

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open a certificate or a scan of one"),
            "",
            self.tr("Certificates and scans (*.pdf *.png *.jpg *.jpeg *.bmp *.webp)"),
        )
        if name:
            self.check_file(Path(name))

    def check_file(self, path: Path) -> None:
        app, user = self.desk.app, self.desk.user
        self.desk.run(
            self,
            self.tr("Reading %1…").replace("%1", path.name),
            lambda _token: handover.verify_file(app, user, path),
            self.show_verdict,
        )

    def show_verdict(self, verdict: Verdict | None) -> None:
        self.verdict = verdict
        self.code.selectAll()  # the next scan replaces this code
        if verdict is None:
            self.verdict_label.clear()
            self.reason.clear()
        else:
            self.verdict_label.setText(
                self.tr("GENUINE") if verdict.genuine else self.tr("NOT GENUINE")
            )
            colour = "#1e7b34" if verdict.genuine else "#b42318"
            self.verdict_label.setStyleSheet(f"font-size: 18pt; font-weight: 600; color: {colour};")
            self.reason.setText(reason_text(verdict))
        self._show_facts(verdict)

    def _show_facts(self, verdict: Verdict | None) -> None:
        claim = verdict.claim if verdict else None
        values = dict.fromkeys(self.fact_values, "")
        if claim is not None and verdict is not None:
            station = verdict.station_name or claim.station_code
            values = {
                "number": claim.number,
                "station": f"{station} ({claim.station_code})",
                "child": f"{claim.child_name} — {claim.complaint_case_number}",
                "receiver": f"{claim.receiver_name} ({claim.receiver_relation}), "
                f"{claim.receiver_id}",
                "when": claim.handed_over_at.replace("T", " "),
                "key": claim.key_fingerprint,
            }
        for key, value in values.items():
            self.fact_values[key].setText(value)
            self.fact_values[key].setVisible(bool(value))
            self.fact_labels[key].setVisible(bool(value))

    # -- language --------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Check a handover certificate"))
        self.intro.setText(
            self.tr(
                "Scan the QR code at the top left of the certificate with the scanner, or "
                "paste its text here and press Enter. You can also open the certificate's "
                "PDF or a photo or scan of the paper."
            )
        )
        self.code.setPlaceholderText(self.tr("QR code text"))
        self.check_button.setText(self.tr("&Check"))
        self.file_button.setText(self.tr("&Open a file…"))
        labels = {
            "number": self.tr("Certificate no."),
            "station": self.tr("Issued by"),
            "child": self.tr("Child"),
            "receiver": self.tr("Handed over to"),
            "when": self.tr("On"),
            "key": self.tr("Station key"),
        }
        for key, text in labels.items():
            self.fact_labels[key].setText(text)
        if self.verdict is not None:
            self.show_verdict(self.verdict)
