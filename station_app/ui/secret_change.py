"""What changing a secret looks like, for a password and the station passphrase alike:
the current one (unless an admin resets someone else's), the new one twice, a hint, the
problem in red beside the form, Save and Cancel; the work runs off the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from station_app.errors import StationError
from station_app.ui.desk import Desk
from station_app.ui.error_dialogs import show_error
from station_app.ui.messages import error_text
from station_app.ui.widgets import ErrorLabel


def secret_edit(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class SecretChangeDialog(QDialog):
    """Subclasses say what to call things (retranslate), check the old one's absence
    (`ask_old`), and do the change (`change`, on the database worker)."""

    def __init__(
        self, desk: Desk, name: str, ask_old: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self.ask_old = ask_old
        self.old = secret_edit(f"old{name}")
        self.new = secret_edit(f"new{name}")
        self.again = secret_edit(f"new{name}Again")
        self.head = QLabel()
        self.labels = [QLabel(self) for _ in range(3)]
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setProperty("role", "hint")
        self.error = ErrorLabel()
        camel = f"{name[0].lower()}{name[1:]}"
        self.error.setObjectName(f"{camel}Error")
        self.form = QFormLayout()
        edits = (self.old, self.new, self.again)
        for index, (label, edit) in enumerate(zip(self.labels, edits, strict=True)):
            label.setBuddy(edit)
            if index or ask_old:
                self.form.addRow(label, edit)
            else:
                edit.setParent(self)
                edit.hide()
                label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setObjectName(f"{camel}Save")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    # -- what subclasses say and do -----------------------------------------------------

    def differ_text(self) -> str:
        raise NotImplementedError

    def same_as_old_text(self) -> str:
        raise NotImplementedError

    def busy_text(self) -> str:
        raise NotImplementedError

    def change(self, old: str, new: str) -> object:
        """The service call, run on the database worker."""
        raise NotImplementedError

    def wrong_old(self, error: BaseException) -> str | None:
        """The words for `error` if it says the current secret is wrong, else None."""
        raise NotImplementedError

    def changed(self, result: object) -> None:
        self.accept()

    # -- the flow -------------------------------------------------------------------------

    def save(self) -> None:
        old, new = self.old.text(), self.new.text()
        if new != self.again.text():
            self.show_problem(self.differ_text(), self.again)
            return
        if self.ask_old and new == old:
            self.show_problem(self.same_as_old_text(), self.new)
            return
        self.buttons.setEnabled(False)
        self._desk.run(
            self, self.busy_text(), lambda _token: self.change(old, new), self._done, self._failed
        )

    def _done(self, result: object) -> None:
        self.buttons.setEnabled(True)
        self.changed(result)

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        wrong = self.wrong_old(error)
        if wrong is not None:
            self.show_problem(wrong, self.old)
        elif isinstance(error, StationError):
            self.show_problem(error_text(error) or str(error), self.new)
        else:
            show_error(self, error)

    def show_problem(self, text: str, field: QLineEdit) -> None:
        self.error.show_problem(text)
        field.selectAll()
        field.setFocus()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        raise NotImplementedError
