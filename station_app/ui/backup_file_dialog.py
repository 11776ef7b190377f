"""The shape the backup and restore dialogs share: a backup file chosen on the pen drive,
two secrets, a hint, the problem in red, OK and Cancel. Subclasses name the fields,
choose the file and do the work."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station_app.errors import StationError
from station_app.ui.error_dialogs import show_error
from station_app.ui.messages import error_text
from station_app.ui.secret_change import secret_edit
from station_app.ui.widgets import ErrorLabel, mark_data

BACKUP_FILTER_EXTENSION = "*.msbackup"


class BackupFileDialog(QDialog):
    def __init__(
        self, name: str, secret_names: tuple[str, str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}Dialog")
        self.file = mark_data(QLineEdit())
        self.file.setObjectName(f"{name}File")
        self.browse = QPushButton()
        self.browse.clicked.connect(self.choose_file)
        self.first_secret, self.second_secret = (secret_edit(n) for n in secret_names)
        self.labels = [QLabel(self) for _ in range(3)]
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setProperty("role", "hint")
        self.error = ErrorLabel()
        self.error.setObjectName(f"{name}Error")
        where = QHBoxLayout()
        where.addWidget(self.file, 1)
        where.addWidget(self.browse)
        form = QFormLayout()
        form.addRow(self.labels[0], where)
        form.addRow(self.labels[1], self.first_secret)
        form.addRow(self.labels[2], self.second_secret)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

    def choose_file(self) -> None:
        raise NotImplementedError

    def start(self) -> None:
        raise NotImplementedError

    def retranslate(self) -> None:
        raise NotImplementedError

    def failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, StationError):
            self.error.show_problem(error_text(error) or str(error))
        else:
            show_error(self, error)

    def set_texts(self, title: str, hint: str, labels: tuple[str, str, str], ok: str) -> None:
        self.setWindowTitle(title)
        self.hint.setText(hint)
        for label, text in zip(self.labels, labels, strict=True):
            label.setText(text)
        self.browse.setText(self.tr("Choose…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
